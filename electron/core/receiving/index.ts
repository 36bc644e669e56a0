/** The receiving bench, as the app composes it: its commands and scan handling over its repo. */
export { createReceiving, type ReceivingModule } from './handlers';
export { createReceivingKpiRepo, type ReceivingKpiRepo } from './kpi-repo';
export { type ReturnFiguresSource, receivingKpis } from './kpis';
export { SCALE_ROLE, STABLE_TIMEOUT_MS } from './lpn';
export { createReceivingRepo, type ReceivingRepo } from './repo';
export { countByWeight } from './weight-count';
