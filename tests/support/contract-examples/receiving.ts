import type { receivingCommands } from '../../../shared/contract/receiving';

export const receivingExamples: Record<keyof typeof receivingCommands, { valid: unknown; invalid: unknown }> = {
  'receiving.purchaseOrders': { valid: {}, invalid: { all: true } },
  'receiving.open': { valid: { reference: 'PO-1001' }, invalid: { reference: '' } },
  'receiving.current': { valid: {}, invalid: { receiptId: 'x' } },
  'receiving.suppliers': { valid: {}, invalid: { all: true } },
  'receiving.blind.open': { valid: { supplierId: 'SUP-NORDIC' }, invalid: { supplierId: '' } },
  'receiving.pallet.receive': { valid: { sscc: '106141410000000019' }, invalid: { sscc: '0061414' } },
  'receiving.lpn.undoPutaway': { valid: { lpn: 'LPN-001-000001' }, invalid: {} },
  'receiving.lpn.split': {
    valid: { lpn: 'LPN-001-000001', itemId: 'ITM-YOG-500', onHold: true, qty: 1 },
    invalid: { lpn: 'LPN-001-000001', itemId: 'ITM-YOG-500', qty: 0 },
  },
  'receiving.pallet.drop': { valid: {}, invalid: { sscc: '106141410000000019' } },
  'receiving.receive': { valid: { itemId: 'ITM-MUG-CER', qty: 2 }, invalid: { itemId: 'ITM-MUG-CER', qty: 1.5 } },
  'receiving.weighCount': { valid: { itemId: 'ITM-BOLT-M8', tareKg: 0.4 }, invalid: { itemId: 'ITM-BOLT-M8', tareKg: -1 } },
  'receiving.provide': { valid: { lot: 'L2411A' }, invalid: {} },
  'receiving.approve': { valid: { badge: '1003' }, invalid: { badge: '' } },
  'receiving.cancelPending': { valid: {}, invalid: { now: 1 } },
  'receiving.setCondition': { valid: { condition: 'damaged', reason: 'crushed corner' }, invalid: { condition: 'damaged' } },
  'receiving.linkBarcode': {
    valid: { code: 'SUP-4711', itemId: 'ITM-TAPE-48', supervisorBadge: '1003' },
    invalid: { code: '', itemId: 'ITM-TAPE-48' },
  },
  'receiving.undo': { valid: {}, invalid: { steps: 2 } },
  'receiving.lpn.start': { valid: { container: 'pallet', label: 'sscc' }, invalid: { container: 'crate', label: 'sscc' } },
  'receiving.lpn.weigh': { valid: {}, invalid: { lpn: '' } },
  'receiving.lpn.print': { valid: { label: 'sscc' }, invalid: { label: 'pdf' } },
  'receiving.lpn.suggest': { valid: {}, invalid: { lpn: 42 } },
  'receiving.lpn.putaway': { valid: { location: 'A-01-01-1' }, invalid: { location: '' } },
  'receiving.closePreview': { valid: {}, invalid: { force: true } },
  'receiving.close': { valid: { supervisorBadge: '1003' }, invalid: { printReport: 'yes' } },
};
