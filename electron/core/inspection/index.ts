/** Inspection at receipt, as the app composes it: its commands over its repo and the receiving bench. */
export { createInspection, type InspectionModule } from './handlers';
export { createInspectionRepo, type InspectionRepo } from './repo';
