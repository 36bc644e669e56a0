import type { Workflow } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import { mayWork, workflowRoles } from '../../../shared/domain/roles';

/** Why `operator` may not work `workflow`, or null when they may. */
export function workflowRefusal(workflow: Workflow, operator: Operator): string | null {
  if (mayWork(workflow, operator)) return null;
  return `${operator.name} is signed in as ${operator.roles.join(', ')}; ${workflow} needs a ${(workflowRoles[workflow] ?? []).join(' or ')}.`;
}
