import type { Workflow } from '../../../shared/contract/station';
import type { Operator, Role } from '../../../shared/domain/master-data';

/** Who may work a workflow's screen; screens not listed are open to every signed-in operator. */
const workflowRoles: Partial<Record<Workflow, readonly Role[]>> = {
  receiving: ['receiver', 'supervisor', 'admin'],
  packing: ['packer', 'supervisor', 'admin'],
};

/** Why `operator` may not work `workflow`, or null when they may. */
export function workflowRefusal(workflow: Workflow, operator: Operator): string | null {
  const roles = workflowRoles[workflow];
  if (!roles || operator.roles.some((r) => roles.includes(r))) return null;
  return `${operator.name} is signed in as ${operator.roles.join(', ')}; ${workflow} needs a ${roles.join(' or ')}.`;
}
