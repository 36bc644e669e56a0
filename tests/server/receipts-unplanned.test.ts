import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { type Op, PushResponse } from '../../shared/sync-protocol';
import { bodyOf, expectOk, operator, opFactory, purchaseOrder, receiptLine, seedSite } from './support/fixtures';
import type { Api } from './support/harness';
import { forEachBackend } from './support/suite';

const ReceiptsPage = z.object({
  items: z.array(
    z.object({
      opId: z.string(),
      receiptId: z.string(),
      poId: z.string().nullable(),
      itemId: z.string(),
      qty: z.number(),
      lpn: z.string().nullable(),
      unplanned: z.boolean(),
      supplierId: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
const LedgerPage = z.object({
  items: z.array(z.object({ kind: z.string(), itemId: z.string(), qty: z.number(), opId: z.string().nullable() })),
});

async function push(api: Api, credential: string, ops: Op[]) {
  return bodyOf(PushResponse, await expectOk(api('POST', '/sync/v1/push', { token: credential, body: { ops } }))).results;
}

const receipts = async (api: Api, siteId: string, query = '') =>
  bodyOf(ReceiptsPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/receipts?limit=100${query}`))).items;

function blindLine(itemId: string, qty: number, extra: { serial?: string; lpn?: string } = {}) {
  return {
    lineId: randomUUID(),
    itemId,
    qty,
    lot: null,
    expiry: null,
    serial: extra.serial ?? null,
    condition: 'good' as const,
    reason: null,
    lpn: extra.lpn ?? null,
    onHold: false,
  };
}

/** A walk-in delivery's receipt without PO, approved by `approvedBy`; its lines are added by the caller. */
const walkIn = (receiptId: string, approvedBy: string) => ({
  receiptId,
  supplierId: 'SUP-WALKIN',
  supplierName: 'Walk-in delivery',
  openedAt: new Date().toISOString(),
  approvedBy,
});

forEachBackend('receipts without PO, whole pallets and split plates', (ctx) => {
  it('applies a blind receipt exactly once (a retried op id changes nothing) and lists it to the ERP as unplanned', async () => {
    const { api } = ctx.server();
    const siteId = 'blind-once';
    const station = await seedSite(api, siteId, {
      pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 5 }])],
      operators: [operator('OP-CHLOE', ['supervisor']), operator('OP-RAY', ['receiver'])],
    });
    const op = opFactory();
    // A receiver's badge does not approve a receipt without PO on the server either: refused, nothing booked.
    const unapproved = op('receipt.blind', { ...walkIn('RCV-BLIND-0', 'OP-RAY'), lines: [blindLine('A', 2)] });
    expect((await push(api, station.credential, [unapproved]))[0]).toMatchObject({ status: 'rejected', code: 'approver_not_supervisor' });
    const blind = op('receipt.blind', {
      ...walkIn('RCV-BLIND-1', 'OP-CHLOE'),
      lines: [blindLine('A', 2, { lpn: 'LPN-1' }), blindLine('B', 1, { serial: 'SN-1' })],
    });
    const planned = op('receipt.line', receiptLine('PO1', 1, 'A', 3));
    expect((await push(api, station.credential, [blind, planned])).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await push(api, station.credential, [blind])).map((r) => r.status)).toEqual(['duplicate']);

    const unplanned = await receipts(api, siteId, '&unplanned=true');
    expect(unplanned.map((r) => [r.receiptId, r.poId, r.itemId, r.qty, r.unplanned, r.supplierId]).sort()).toEqual([
      ['RCV-BLIND-1', null, 'A', 2, true, 'SUP-WALKIN'],
      ['RCV-BLIND-1', null, 'B', 1, true, 'SUP-WALKIN'],
    ]);
    expect((await receipts(api, siteId, '&unplanned=false')).map((r) => [r.poId, r.qty])).toEqual([['PO1', 3]]);
    const ledger = bodyOf(LedgerPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/ledger?limit=100&kind=receipt`))).items;
    expect(ledger.filter((e) => e.opId === blind.opId).map((e) => [e.itemId, e.qty])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);

    // The same receipt closed again under another op id, or bringing a serial already in the building, is refused.
    const again = op('receipt.blind', { ...blind.payload, lines: [blindLine('A', 1)] } as Extract<
      Op,
      { kind: 'receipt.blind' }
    >['payload']);
    const serialAgain = op('receipt.blind', {
      ...(blind.payload as Extract<Op, { kind: 'receipt.blind' }>['payload']),
      receiptId: 'RCV-BLIND-2',
      lines: [blindLine('B', 1, { serial: 'SN-1' })],
    });
    const unknownItem = op('receipt.blind', {
      ...(blind.payload as Extract<Op, { kind: 'receipt.blind' }>['payload']),
      receiptId: 'RCV-BLIND-3',
      lines: [blindLine('NOPE', 1)],
    });
    expect((await push(api, station.credential, [again, serialAgain, unknownItem])).map((r) => r.code ?? r.status)).toEqual([
      'invalid_op',
      'duplicate_serial',
      'unknown_item',
    ]);
    expect(await receipts(api, siteId, '&unplanned=true')).toHaveLength(2);
  });

  it('refuses a blind receipt op without lines or with a repeated line id at the door, applying nothing', async () => {
    const { api } = ctx.server();
    const siteId = 'blind-hostile';
    const station = await seedSite(api, siteId);
    const op = opFactory();
    const line = blindLine('A', 1);
    const base = {
      receiptId: 'RCV-H',
      supplierId: 'SUP-X',
      supplierName: 'X',
      openedAt: new Date().toISOString(),
      approvedBy: 'OP-CHLOE',
    };
    for (const lines of [[], [line, line]]) {
      const result = await api('POST', '/sync/v1/push', {
        token: station.credential,
        body: { ops: [op('receipt.blind', { ...base, lines })] },
      });
      expect(result.status).toBe(400);
    }
    expect(await receipts(api, siteId)).toHaveLength(0);
  });

  it('judges the lines of a pallet received whole as any receipt lines: each once, over-receipt refused', async () => {
    const { api } = ctx.server();
    const siteId = 'pallet-whole';
    const station = await seedSite(api, siteId, {
      pos: [
        purchaseOrder('PO1', [
          { itemId: 'A', qty: 24 },
          { itemId: 'B', qty: 500 },
        ]),
      ],
    });
    const op = opFactory();
    const sscc = '106141410000000019';
    const pallet = [
      op('receipt.line', receiptLine('PO1', 1, 'A', 24, { asnId: 'ASN1', lpn: sscc })),
      op('receipt.line', receiptLine('PO1', 2, 'B', 500, { asnId: 'ASN1', lpn: sscc })),
    ];
    expect((await push(api, station.credential, pallet)).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await push(api, station.credential, pallet)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const secondPallet = [op('receipt.line', receiptLine('PO1', 2, 'B', 500, { asnId: 'ASN1', lpn: '106141410000000026' }))];
    expect((await push(api, station.credential, secondPallet)).map((r) => r.code ?? r.status)).toEqual(['over_receipt']);
    const lines = await receipts(api, siteId);
    expect(lines.map((l) => [l.itemId, l.qty, l.lpn, l.unplanned]).sort()).toEqual([
      ['A', 24, sscc, false],
      ['B', 500, sscc, false],
    ]);
  });

  it('moves units split off a plate onto the new plate in the ledger, where they stand, held or not, once', async () => {
    const { api } = ctx.server();
    const siteId = 'lpn-split';
    const station = await seedSite(api, siteId, { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 10 }])] });
    const op = opFactory();
    const received = op('receipt.line', receiptLine('PO1', 1, 'A', 6, { lpn: 'PAL-1', condition: 'damaged', onHold: true }));
    const split = op('lpn.split', { fromLpn: 'PAL-1', toLpn: 'TOTE-1', items: [{ itemId: 'A', lot: null, serial: null, qty: 2 }] });
    const putaway = op('lpn.putaway', { lpn: 'TOTE-1', location: 'A-01', items: [{ itemId: 'A', lot: null, serial: null, qty: 2 }] });
    expect((await push(api, station.credential, [received, split, putaway])).map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    expect((await push(api, station.credential, [split])).map((r) => r.status)).toEqual(['duplicate']);
    const onto = op('lpn.split', { fromLpn: 'PAL-1', toLpn: 'PAL-1', items: [{ itemId: 'A', lot: null, serial: null, qty: 1 }] });
    expect((await push(api, station.credential, [onto])).map((r) => r.code)).toEqual(['invalid_op']);
    // A putaway taken back brings the tote's units back to the dock; one naming the wrong place is refused.
    const tote = [{ itemId: 'A', lot: null, serial: null, qty: 2 }];
    const wrongPlace = op('lpn.putaway.undo', { lpn: 'TOTE-1', location: 'A-02', items: tote });
    const back = op('lpn.putaway.undo', { lpn: 'TOTE-1', location: 'A-01', items: tote });
    const again = op('lpn.putaway', { lpn: 'TOTE-1', location: 'A-01', items: tote });
    expect((await push(api, station.credential, [wrongPlace, back, back])).map((r) => r.code ?? r.status)).toEqual([
      'invalid_op',
      'applied',
      'duplicate',
    ]);
    const atDock = bodyOf(
      z.object({ items: z.array(z.object({ location: z.string(), qty: z.number() })) }),
      await expectOk(api('GET', `/api/v1/sites/${siteId}/on-hand?limit=100&itemId=A`)),
    ).items;
    expect(atDock.filter((r) => r.qty !== 0).map((r) => [r.location, r.qty])).toEqual([['DOCK', 6]]);
    expect((await push(api, station.credential, [again])).map((r) => r.status)).toEqual(['applied']);

    const OnHand = z.object({ items: z.array(z.object({ location: z.string(), qty: z.number(), heldQty: z.number() })) });
    const onHand = bodyOf(OnHand, await expectOk(api('GET', `/api/v1/sites/${siteId}/on-hand?limit=100&itemId=A`))).items;
    expect(onHand.map((r) => [r.location, r.qty, r.heldQty]).sort()).toEqual([
      ['A-01', 2, 2],
      ['DOCK', 4, 4],
    ]);
  });
});
