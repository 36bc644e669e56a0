/** Cycle counts, as the app composes them: their commands and scan handling over their repo. */
export { type CountsModule, createCounts } from './handlers';
export { type CountsRepo, createCountsRepo } from './repo';
