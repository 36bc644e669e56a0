import { feedback, type WorkflowModule } from './workflow';

/** On the home screen a scan only says where to go. */
export function homeWorkflow(): WorkflowModule {
  return {
    workflow: 'home',
    onScan: () => feedback.info('home', 'Choose Receive or Pack first, then scan.'),
  };
}
