import type { receivingCommands } from '../../../../shared/contract/receiving';
import type { StationContext } from '../../context';
import type { HandlersFor } from '../../router';
import { feedback, type WorkflowModule } from '../workflow';

export interface ReceivingModule {
  handlers: HandlersFor<keyof typeof receivingCommands>;
  workflow: WorkflowModule;
}

export function createReceiving(_ctx: StationContext): ReceivingModule {
  return {
    handlers: {},
    workflow: { workflow: 'receiving', onScan: () => feedback.info('receiving', 'Not available yet.') },
  };
}
