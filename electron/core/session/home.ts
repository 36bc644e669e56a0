import { message } from '../../../shared/messages';
import { feedback, type WorkflowModule } from './workflow';

/** On the home screen a scan only says where to go. */
export function homeWorkflow(): WorkflowModule {
  return {
    workflow: 'home',
    onScan: () => feedback.needsInput('home', 'choose_workflow', message('session.chooseWorkflowFirst')),
  };
}
