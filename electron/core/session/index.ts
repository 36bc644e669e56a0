/** Sign-in, the current screen and scan routing: what the app composes and what workflows build on. */

export { workflowRefusal } from './access';
export { type BadgeAttempt, type BadgeChecks, createBadgeChecks } from './badge-checks';
export { sessionHandlers } from './handlers';
export { homeWorkflow } from './home';
export { createSession, type Session, type SignInVia } from './session';
export { feedback, type ScanInput, type WorkflowModule } from './workflow';
