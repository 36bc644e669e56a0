import type { Workflow } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import { mayWork } from '../../../shared/domain/roles';
import { type Message, message } from '../../../shared/messages';

/** Why `operator` may not work `workflow`, or null when they may. */
export function workflowRefusal(workflow: Workflow, operator: Operator): Message | null {
  if (mayWork(workflow, operator)) return null;
  return message('session.workflowNotAllowed', { name: operator.name, workflow: message(`workflow.${workflow}`) });
}
