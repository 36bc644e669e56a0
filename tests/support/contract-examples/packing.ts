import type { packingCommands } from '../../../shared/contract/packing';

/** The command sheet's names as the screen sends them. */
const SHEET_NAMES = {
  'close-carton': 'Close carton',
  'next-carton': 'Next carton',
  reprint: 'Reprint label',
  weigh: 'Weigh again',
  'put-down': 'Put order down',
  cancel: 'Cancel',
  confirm: 'Confirm',
};

export const packingExamples: Record<keyof typeof packingCommands, { valid: unknown; invalid: unknown }> = {
  'packing.state': { valid: {}, invalid: { orderId: 'SO-2001' } },
  'packing.open': { valid: { code: 'SO-2001' }, invalid: { code: '' } },
  'packing.leave': { valid: {}, invalid: { force: true } },
  'packing.quantity': { valid: { lineNo: 1, qty: 2 }, invalid: { lineNo: 1, qty: 0 } },
  'packing.chooseCarton': { valid: { cartonType: 'BOX-S' }, invalid: { cartonType: 7 } },
  'packing.weigh': { valid: {}, invalid: { weightG: 900 } },
  'packing.overrideWeight': { valid: { badge: '1003', reason: 'mug packed with extra padding' }, invalid: { badge: '1003', reason: 'ok' } },
  'packing.printLabel': { valid: {}, invalid: { tracking: 'X' } },
  'packing.reprintLabel': { valid: { reason: 'label torn' }, invalid: { reason: '' } },
  'packing.voidLabel': { valid: { reason: 'wrong carton' }, invalid: {} },
  'packing.printSlip': { valid: {}, invalid: { copies: 2 } },
  'packing.closeCarton': { valid: {}, invalid: { cartonId: 'C-1' } },
  'packing.closeShipment': { valid: {}, invalid: { orderId: 'SO-2001' } },
  'packing.short': { valid: { lineNo: 1, reason: 'not in the tote' }, invalid: { lineNo: -1, reason: 'not in the tote' } },
  'packing.damaged': {
    valid: { lineNo: 1, reason: 'cracked handle', action: 'replace' },
    invalid: { lineNo: 1, reason: 'cracked handle', action: 'bin' },
  },
  'packing.manifests': { valid: {}, invalid: { date: '25.11.2026' } },
  'packing.closeManifest': { valid: { manifestId: 'MF-HOUSE-20261125-0000-1' }, invalid: { manifestId: '' } },
  'packing.printManifest': { valid: { manifestId: 'MF-HOUSE-20261125-0000-1' }, invalid: {} },
  'packing.kpis': { valid: {}, invalid: { operatorId: 'OP-BEN' } },
  'packing.labelPicture': { valid: { cartonId: 'C-1' }, invalid: { cartonId: '' } },
  'packing.commandSheet': {
    valid: { title: 'Commands', names: SHEET_NAMES, cartonType: 'Carton type' },
    invalid: { title: 'Commands\nsecond line', names: SHEET_NAMES, cartonType: 'Carton type' },
  },
};
