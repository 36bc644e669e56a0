/** Contract examples of the count and inspection commands. */
export const countsExamples = {
  'counts.tasks': { valid: {}, invalid: { all: true } },
  'counts.current': { valid: {}, invalid: { id: 1 } },
  'counts.start': { valid: { taskId: 'CT-1' }, invalid: { taskId: '' } },
  'counts.weighCount': { valid: { itemId: 'ITM-1', tareKg: 0.2 }, invalid: { itemId: 'ITM-1', tareKg: -1 } },
  'counts.finish': { valid: {}, invalid: { force: true } },
  'counts.recount': { valid: {}, invalid: { by: 'x' } },
  'counts.approve': { valid: { scanned: true }, invalid: {} },
  'counts.cancel': { valid: {}, invalid: { reason: 1 } },
  'inspection.pending': { valid: {}, invalid: { itemId: 1 } },
  'inspection.plan': { valid: { itemId: 'ITM-1' }, invalid: { itemId: '' } },
  'inspection.receiptPhoto': {
    valid: { condition: 'damaged', reason: 'Crushed packaging', photo: { mime: 'image/jpeg', base64: '/9j/4AAQ' } },
    invalid: { condition: 'damaged', photoPath: '/tmp/photo.jpg' },
  },
  'inspection.record': {
    valid: { itemId: 'ITM-1', units: [{ answers: [{ questionId: 'seal', passed: true }] }], photo: null },
    invalid: { itemId: 'ITM-1', units: [], photo: { mime: 'image/png', base64: 'AAAA' } },
  },
} as const;
