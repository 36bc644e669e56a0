/** The pack bench, as the app composes it: its commands and scan handling over its repo, and its carriers. */
export { createPacking, defaultCarriers, type PackingModule, type PackingOptions } from './handlers';
export { createPackingRepo, type PackingRepo } from './repo';
export { perHour, shiftWindow } from './rules';
