import type { packingCommands } from '../../../../shared/contract/packing';
import type { StationContext } from '../../context';
import type { HandlersFor } from '../../router';
import { feedback, type WorkflowModule } from '../workflow';

export interface PackingModule {
  handlers: HandlersFor<keyof typeof packingCommands>;
  workflow: WorkflowModule;
}

export function createPacking(_ctx: StationContext): PackingModule {
  return {
    handlers: {},
    workflow: { workflow: 'packing', onScan: () => feedback.info('packing', 'Not available yet.') },
  };
}
