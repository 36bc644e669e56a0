import type { CommandName } from '../../shared/contract';
import { countsExamples } from './contract-examples/counts';
import { packingExamples } from './contract-examples/packing';
import { receivingExamples } from './contract-examples/receiving';
import { returnsExamples } from './contract-examples/returns';
import { setupExamples } from './contract-examples/setup';

/**
 * One input the contract accepts and one it refuses, for every command. The type makes a new command
 * without examples a compile error, so the contract test always covers the whole contract.
 */
export const contractExamples: Record<CommandName, { valid: unknown; invalid: unknown }> = {
  'station.info': { valid: {}, invalid: { extra: 1 } },
  'session.signIn': { valid: { badge: '1003' }, invalid: { badge: '' } },
  'session.signOut': { valid: {}, invalid: { now: true } },
  'session.current': { valid: {}, invalid: [] },
  'workflow.select': { valid: { workflow: 'devices' }, invalid: { workflow: 'shipping-dock' } },
  'scan.submit': { valid: { data: '00000000' }, invalid: { data: 42 } },
  'journal.recent': { valid: { limit: 5 }, invalid: { limit: 100000 } },
  'site.reasons': { valid: {}, invalid: { kind: 'damaged' } },
  'approval.await': { valid: { purpose: 'receiving.close' }, invalid: { purpose: 'anything' } },
  'approval.cancel': { valid: {}, invalid: { purpose: 'receiving.close' } },
  'devices.list': { valid: {}, invalid: 'all' },
  'devices.test': { valid: { id: 'none' }, invalid: { id: '' } },
  'scale.current': { valid: { role: 'pack-scale' }, invalid: { role: 7 } },
  'sim.scale.set': { valid: { role: 'pack-scale', valueKg: 1.25 }, invalid: { role: 'pack-scale', valueKg: 'heavy' } },
  'print.jobs': { valid: { limit: 5 }, invalid: { limit: 0 } },
  'print.resolve': {
    valid: { id: 'job-1', action: 'done', reason: 'label is on the box' },
    invalid: { id: 'job-1', action: 'burn', reason: 'x' },
  },
  'print.preview': { valid: { id: 'job-1' }, invalid: {} },
  'sync.state': { valid: {}, invalid: { x: 1 } },
  'sync.now': { valid: {}, invalid: { force: 'yes' } },
  'sync.rejected': { valid: {}, invalid: { page: -1 } },
  'sync.resolve': { valid: { opId: 'op-1' }, invalid: { opId: '' } },
  ...receivingExamples,
  ...packingExamples,
  ...returnsExamples,
  ...setupExamples,
  ...countsExamples,
};
