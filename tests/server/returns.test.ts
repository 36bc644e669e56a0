import { expect, it } from 'vitest';
import { z } from 'zod';
import type { RmaInput } from '../../shared/domain/returns';
import { type Op, type OpOf, PullPage, PushResponse, type ReturnedUnit } from '../../shared/sync-protocol';
import { bodyOf, expectOk, item, operator, opFactory, order, seedSite } from './support/fixtures';
import type { Api } from './support/harness';
import { forEachBackend } from './support/suite';

const LedgerPage = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      itemId: z.string(),
      serial: z.string().nullable().optional(),
      qty: z.number(),
      opId: z.string().nullable(),
      location: z.string(),
      held: z.boolean(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

const ReturnsPage = z.object({
  items: z.array(
    z.object({
      returnId: z.string(),
      rmaId: z.string(),
      opId: z.string(),
      units: z.array(z.object({ unitId: z.string(), disposition: z.string(), held: z.boolean() })),
    }),
  ),
  next: z.string().nullable(),
});

const push = async (api: Api, credential: string, ops: Op[]) =>
  bodyOf(PushResponse, await expectOk(api('POST', '/sync/v1/push', { token: credential, body: { ops } })));
const returnLedger = async (api: Api, siteId: string) =>
  bodyOf(LedgerPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/ledger?kind=return&limit=1000`))).items;

const items = [item('SCN', { serialTracked: true }), item('MUG', { homeLocation: 'A-01' }), item('YOG', { lotTracked: true })];

function rma(id: string, orderId: string, overrides: Partial<RmaInput> = {}): RmaInput {
  return {
    id,
    number: id,
    orderId,
    customer: 'Ann Buyer',
    shipmentRefs: ['TRK-1'],
    lines: [
      { lineNo: 1, itemId: 'SCN', qty: 1 },
      { lineNo: 2, itemId: 'MUG', qty: 2 },
    ],
    shipped: [
      { itemId: 'SCN', serial: 'S-1', qty: 1 },
      { itemId: 'SCN', serial: 'S-2', qty: 1 },
      { itemId: 'MUG', qty: 2 },
      { itemId: 'YOG', lot: 'L1', expiry: '2030-01-01', qty: 1 },
    ],
    ...overrides,
  };
}

const unit = (unitId: string, itemId: string, fields: Partial<ReturnedUnit> = {}): ReturnedUnit => ({
  unitId,
  itemId,
  lot: null,
  expiry: null,
  serial: null,
  qty: 1,
  condition: 'new',
  disposition: 'restock',
  location: 'A-01',
  held: false,
  onRma: true,
  approvedBy: null,
  ...fields,
});

const closePayload = (returnId: string, rmaId: string, orderId: string, units: ReturnedUnit[]): OpOf<'return.close'>['payload'] => ({
  returnId,
  rmaId,
  orderId,
  units,
});

async function seedReturnSite(api: Api, siteId: string) {
  const station = await seedSite(api, siteId, {
    items,
    orders: [order('O1', [{ itemId: 'MUG', qty: 2 }])],
    operators: [operator('sup-1', ['supervisor']), operator('op-ret', ['returns'])],
  });
  await expectOk(api('POST', `/api/v1/sites/${siteId}/rmas`, { body: { rmas: [rma('RMA-1', 'O1')] } }));
  return station;
}

forEachBackend('returns', (ctx) => {
  it('applies a return once: a retried op answers duplicate; the ledger has each unit at its disposition location, held where it applies', async () => {
    const { api } = ctx.server();
    const siteId = 'ret-once';
    const station = await seedReturnSite(api, siteId);
    const op = opFactory();
    const close = op(
      'return.close',
      closePayload('RET-1', 'RMA-1', 'O1', [
        unit('U1', 'SCN', { serial: 'S-1', condition: 'opened', disposition: 'refurbish', location: 'RETURNS-REFURB', held: true }),
        unit('U2', 'MUG', { disposition: 'restock', location: 'A-01' }),
        unit('U3', 'MUG', { condition: 'damaged', disposition: 'scrap', location: 'RETURNS-SCRAP', held: true }),
      ]),
    );
    expect((await push(api, station.credential, [close])).results.map((r) => r.status)).toEqual(['applied']);
    expect((await push(api, station.credential, [close, close])).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    const entries = await returnLedger(api, siteId);
    expect(entries.map((e) => [e.itemId, e.serial ?? null, e.qty, e.location, e.held]).sort()).toEqual(
      [
        ['MUG', null, 1, 'A-01', false],
        ['MUG', null, 1, 'RETURNS-SCRAP', true],
        ['SCN', 'S-1', 1, 'RETURNS-REFURB', true],
      ].sort(),
    );
    expect(new Set(entries.map((e) => e.opId))).toEqual(new Set([close.opId]));

    const listed = bodyOf(ReturnsPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/returns`)));
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ returnId: 'RET-1', rmaId: 'RMA-1', opId: close.opId });
    expect(listed.items[0]?.units.map((u) => u.disposition).sort()).toEqual(['refurbish', 'restock', 'scrap']);
    await expectOk(api('GET', `/api/v1/sites/${siteId}/returns/RET-1`));
    expect((await api('GET', `/api/v1/sites/${siteId}/returns/RET-NOPE`)).status).toBe(404);

    // The stations learn that the RMA was received through the pull.
    const pulled = bodyOf(PullPage, await expectOk(api('GET', '/sync/v1/pull?cursor=0', { token: station.credential })));
    const change = pulled.changes.find((c) => c.entity === 'rma' && c.id === 'RMA-1');
    expect(change?.record).toMatchObject({ status: 'received' });
  });

  it('holds returned stock of a held lot and refuses a serial never shipped, a damaged or recalled unit to restock, a unit off the RMA without a supervisor, booking nothing', async () => {
    const { api } = ctx.server();
    const siteId = 'ret-rules';
    const station = await seedReturnSite(api, siteId);
    await expectOk(
      api('POST', `/api/v1/sites/${siteId}/holds`, {
        body: { id: 'H1', kind: 'lot', itemId: 'YOG', lot: 'L1', location: null, reason: 'recall' },
      }),
      201,
    );
    const op = opFactory();
    const foreignSerial = op('return.close', closePayload('RET-A', 'RMA-1', 'O1', [unit('U1', 'SCN', { serial: 'S-99' })]));
    const damagedRestock = op('return.close', closePayload('RET-B', 'RMA-1', 'O1', [unit('U1', 'MUG', { condition: 'damaged' })]));
    const unknownRma = op('return.close', closePayload('RET-C', 'RMA-X', 'O1', [unit('U1', 'MUG')]));
    // YOG is not on the RMA: it comes back only with a supervisor's approval the server knows.
    const offRma = { lot: 'L1', disposition: 'quarantine', location: 'Q-1', onRma: false } as const;
    const unapproved = op('return.close', closePayload('RET-F', 'RMA-1', 'O1', [unit('U1', 'YOG', offRma)]));
    const approvedByStaff = op(
      'return.close',
      closePayload('RET-G', 'RMA-1', 'O1', [unit('U1', 'YOG', { ...offRma, approvedBy: 'op-ret' })]),
    );
    const heldLot = op('return.close', closePayload('RET-D', 'RMA-1', 'O1', [unit('U1', 'YOG', { ...offRma, approvedBy: 'sup-1' })]));
    await expectOk(
      api('POST', `/api/v1/sites/${siteId}/holds`, {
        body: { id: 'R1', kind: 'item', itemId: 'SCN', lot: null, location: null, reason: 'battery recall', recall: true },
      }),
      201,
    );
    const recalledRestock = op('return.close', closePayload('RET-E', 'RMA-1', 'O1', [unit('U1', 'SCN', { serial: 'S-2' })]));
    const results = (
      await push(api, station.credential, [
        foreignSerial,
        damagedRestock,
        unknownRma,
        unapproved,
        approvedByStaff,
        heldLot,
        recalledRestock,
      ])
    ).results;
    expect(results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['rejected', 'serial_not_shipped'],
      ['rejected', 'disposition_refused'],
      ['rejected', 'unknown_rma'],
      ['rejected', 'approver_not_supervisor'],
      ['rejected', 'approver_not_supervisor'],
      ['applied', null],
      ['rejected', 'disposition_refused'],
    ]);
    const entries = await returnLedger(api, siteId);
    expect(entries.map((e) => [e.itemId, e.location, e.held, e.opId])).toEqual([['YOG', 'Q-1', true, heldLot.opId]]);
  });

  it('fills in what the order shipped from the server shipments when the ERP leaves it out', async () => {
    const { api } = ctx.server();
    const siteId = 'ret-shipped';
    const station = await seedSite(api, siteId, { items, orders: [order('O2', [{ itemId: 'SCN', qty: 1 }])] });
    const op = opFactory();
    const sscc = '006141410000000017';
    const packed = await push(api, station.credential, [
      op('pack.carton.close', {
        orderId: 'O2',
        cartonId: 'C-1',
        sscc,
        cartonType: 'BOX',
        items: [{ lineNo: 1, itemId: 'SCN', lot: null, serial: 'S-77', qty: 1 }],
        weightG: 500,
        expectedG: 500,
        overrideBy: null,
        overrideReason: null,
        carrier: 'UPS',
        service: 'GROUND',
        tracking: '1Z999',
      }),
      op('shipment.close', { orderId: 'O2', cartonIds: ['C-1'] }),
    ]);
    expect(packed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await expectOk(
      api('POST', `/api/v1/sites/${siteId}/rmas`, { body: { rmas: [rma('RMA-2', 'O2', { shipmentRefs: [], shipped: [] })] } }),
    );
    const pulled = bodyOf(PullPage, await expectOk(api('GET', '/sync/v1/pull?cursor=0', { token: station.credential })));
    const record = pulled.changes.find((c) => c.entity === 'rma' && c.id === 'RMA-2')?.record;
    expect(record).toMatchObject({ shipped: [{ itemId: 'SCN', serial: 'S-77', qty: 1 }], shipmentRefs: [sscc, '1Z999'] });
    const back = op('return.close', closePayload('RET-2', 'RMA-2', 'O2', [unit('U1', 'SCN', { serial: 'S-77' })]));
    expect((await push(api, station.credential, [back])).results[0]?.status).toBe('applied');
  });
});
