import type { CommandName } from '../../../shared/contract';

export const returnsExamples = {
  'returns.state': { valid: {}, invalid: { rmaId: 'RMA-1' } },
  'returns.open': { valid: { code: 'RMA-3001' }, invalid: { code: '' } },
  'returns.find': { valid: { customer: 'Mila' }, invalid: { customer: 'M' } },
  'returns.condition': { valid: { unitId: 'U-1', condition: 'opened' }, invalid: { unitId: 'U-1', condition: 'soggy' } },
  'returns.disposition': { valid: { unitId: 'U-1', disposition: 'scrap' }, invalid: { unitId: 'U-1', disposition: 'bin' } },
  'returns.approve': { valid: { scanned: true }, invalid: {} },
  'returns.remove': { valid: { unitId: 'U-1' }, invalid: { unitId: '' } },
  'returns.close': { valid: {}, invalid: { force: true } },
  'returns.printVendorLabel': { valid: {}, invalid: { copies: 2 } },
  'receiving.kpis': { valid: {}, invalid: { shift: 'night' } },
} satisfies Partial<Record<CommandName, { valid: unknown; invalid: unknown }>>;
