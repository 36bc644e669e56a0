/** Sign-in, the current screen and scan routing: what the app composes and what workflows build on. */

export { workflowRefusal } from './access';
export { type ApprovalDesk, approvalFrom, approvingSupervisor, createApprovalDesk, type ScannedBadge } from './approvals';
export { type BadgeAttempt, type BadgeChecks, createBadgeChecks } from './badge-checks';
export { sessionHandlers } from './handlers';
export { homeWorkflow } from './home';
export { createSession, type Session, type SignInVia } from './session';
export { feedback, type ScanInput, type WorkflowModule } from './workflow';
