import { expect, it } from 'vitest';
import { z } from 'zod';
import { computeCheckDigit } from '../../shared/scan/check-digit';
import { type Op, PushResponse } from '../../shared/sync-protocol';
import { startTcpProxy } from '../faults/support/tcp-proxy';
import {
  bodyOf,
  ErrorResult,
  enrollStation,
  expectOk,
  item,
  opFactory,
  order,
  purchaseOrder,
  receiptLine,
  seedSite,
} from './support/fixtures';
import { type Api, httpApi } from './support/harness';
import { forEachBackend } from './support/suite';

const LedgerPage = z.object({
  items: z.array(
    z.object({
      kind: z.string(),
      itemId: z.string(),
      qty: z.number(),
      opId: z.string().nullable(),
      location: z.string(),
      held: z.boolean(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

async function push(api: Api, credential: string, ops: Op[]) {
  return bodyOf(PushResponse, await expectOk(api('POST', '/sync/v1/push', { token: credential, body: { ops } })));
}

async function ledger(api: Api, siteId: string, query = '', limit = 1000) {
  const all: z.infer<typeof LedgerPage>['items'] = [];
  let cursor: string | null = null;
  do {
    const page: z.infer<typeof LedgerPage> = bodyOf(
      LedgerPage,
      await expectOk(api('GET', `/api/v1/sites/${siteId}/ledger?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`)),
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

forEachBackend(
  'push',
  (ctx) => {
    it('applies each op once: a doubled op in a batch and a retried batch answer duplicate and change nothing', async () => {
      const { api } = ctx.server();
      const station = await seedSite(api, 'push-dedupe', { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 100 }])] });
      const op = opFactory();
      const ops = [op('receipt.line', receiptLine('PO1', 1, 'A', 3)), op('receipt.line', receiptLine('PO1', 1, 'A', 4))];
      const first = await push(api, station.credential, [ops[0]!, ops[0]!, ops[1]!]);
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'duplicate', 'applied']);
      const retry = await push(api, station.credential, ops);
      expect(retry.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
      const entries = await ledger(api, 'push-dedupe', '&kind=receipt');
      expect(entries.map((e) => e.qty).sort()).toEqual([3, 4]);
      expect(new Set(entries.map((e) => e.opId))).toEqual(new Set(ops.map((o) => o.opId)));
    });

    it('answers a batch of accepted, refused and duplicate ops the same when it is sent again after a cut connection', async () => {
      const { api, url } = ctx.server();
      const siteId = 'push-cut';
      const station = await seedSite(api, siteId, {
        pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 5 }]), purchaseOrder('PO2', [{ itemId: 'B', qty: 1 }], { status: 'closed' })],
      });
      const op = opFactory();
      const earlier = op('receipt.line', receiptLine('PO1', 1, 'A', 1));
      expect((await push(api, station.credential, [earlier])).results[0]?.status).toBe('applied');
      const accepted = op('receipt.line', receiptLine('PO1', 1, 'A', 2));
      const overReceipt = op('receipt.line', receiptLine('PO1', 1, 'A', 3));
      const closedPo = op('receipt.line', receiptLine('PO2', 1, 'B', 1));
      const unexpected = op('receipt.line', receiptLine('PO1', null, 'C', 1));
      const last = op('receipt.line', receiptLine('PO1', 1, 'A', 2));
      const batch = [accepted, earlier, overReceipt, closedPo, unexpected, accepted, last];
      const proxy = await startTcpProxy({ port: Number(new URL(url).port) });
      try {
        // The server applies the batch; the answer is lost on the way back.
        const cut = proxy.cutNextAnswer(/^POST \/sync\/v1\/push$/);
        await expect(httpApi(proxy.url)('POST', '/sync/v1/push', { token: station.credential, body: { ops: batch } })).rejects.toThrow();
        await cut;
        const retried = await push(httpApi(proxy.url), station.credential, batch);
        expect(retried.results.map((r) => r.code ?? r.status)).toEqual([
          'duplicate',
          'duplicate',
          'over_receipt',
          'po_closed',
          'duplicate',
          'duplicate',
          'duplicate',
        ]);
      } finally {
        await proxy.close();
      }
      // Applied once each: the earlier op, the accepted one, the unexpected item and the last (the refusals took no room).
      const entries = await ledger(api, siteId, '&kind=receipt');
      expect(entries.map((e) => e.opId).sort()).toEqual([earlier.opId, accepted.opId, unexpected.opId, last.opId].sort());
      expect(entries.reduce((sum, e) => sum + e.qty, 0)).toBe(6);
      const Exceptions = z.object({ items: z.array(z.object({ opId: z.string(), code: z.string() })) });
      const exceptions = bodyOf(Exceptions, await expectOk(api('GET', '/sync/v1/exceptions', { token: station.credential })));
      expect(exceptions.items.map((e) => [e.opId, e.code]).sort()).toEqual(
        [
          [overReceipt.opId, 'over_receipt'],
          [closedPo.opId, 'po_closed'],
        ].sort(),
      );
    });

    it('answers copies of one batch sent at once alike: one applies it, the others answer duplicate and the same refusals', async () => {
      const { api } = ctx.server();
      const siteId = 'push-copies';
      const station = await seedSite(api, siteId, {
        pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 5 }]), purchaseOrder('PO2', [{ itemId: 'B', qty: 1 }], { status: 'closed' })],
      });
      const op = opFactory();
      const accepted = op('receipt.line', receiptLine('PO1', 1, 'A', 2));
      const overReceipt = op('receipt.line', receiptLine('PO1', 1, 'A', 4));
      const closedPo = op('receipt.line', receiptLine('PO2', 1, 'B', 1));
      const last = op('receipt.line', receiptLine('PO1', 1, 'A', 3));
      const batch = [accepted, overReceipt, closedPo, last];
      // As after a timeout that was not one: the station sends the batch again while the first copy is still applied.
      const answers = await Promise.all(Array.from({ length: 4 }, () => push(api, station.credential, batch)));
      const statuses = answers.map((a) => a.results.map((r) => r.code ?? r.status));
      expect(statuses.filter((s) => s[0] === 'applied')).toHaveLength(1);
      for (const s of statuses) {
        expect(s.slice(1, 3)).toEqual(['over_receipt', 'po_closed']);
        expect(s[3]).toBe(s[0]);
        expect(['applied', 'duplicate']).toContain(s[0]);
      }
      const entries = await ledger(api, siteId, '&kind=receipt');
      expect(entries.map((e) => e.opId).sort()).toEqual([accepted.opId, last.opId].sort());
      expect(entries.reduce((sum, e) => sum + e.qty, 0)).toBe(5);
    });

    it('marks a carrier carton with a house label for relabelling and keeps it off its carrier manifest until relabelled', async () => {
      const { api } = ctx.server();
      const siteId = 'push-relabel';
      const station = await seedSite(api, siteId, { orders: [order('SO1', [{ itemId: 'A', qty: 2 }])] });
      const op = opFactory();
      const carton = (cartonId: string, tracking: string) =>
        op('pack.carton.close', {
          orderId: 'SO1',
          cartonId,
          sscc: '006141410000000019',
          cartonType: 'S',
          items: [{ lineNo: 1, itemId: 'A', qty: 1, lot: null, serial: null }],
          weightG: 100,
          expectedG: 100,
          overrideBy: null,
          overrideReason: null,
          carrier: 'UPS',
          service: 'STANDARD',
          tracking,
        });
      // A house number: WBH, station code 0042, serial 000000007, GS1 check digit of the 13 digits.
      const house = `WBH0042000000007${computeCheckDigit('0042000000007')}`;
      const manifest = op('manifest.close', { manifestId: 'M-UPS-1', carrier: 'UPS', date: '2025-01-02', cartonIds: ['C1', 'C2'] });
      const first = await push(api, station.credential, [carton('C1', house), carton('C2', '1Z999AA10123456784'), manifest]);
      expect(first.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'applied', 'invalid_op']);
      expect(first.results[2]?.reason).toContain('C1');
      const Listed = z.object({ items: z.array(z.object({ cartonId: z.string(), carrier: z.string(), houseTracking: z.string() })) });
      const listed = bodyOf(Listed, await expectOk(api('GET', `/api/v1/sites/${siteId}/cartons/needs-relabel?carrier=UPS`)));
      expect(listed.items).toEqual([{ cartonId: 'C1', carrier: 'UPS', houseTracking: house, ...listed.items[0] }]);
      expect(listed.items.map((c) => c.cartonId)).toEqual(['C1']);
      const refused = await api('POST', `/api/v1/sites/${siteId}/cartons/C1/relabel`, { body: { tracking: house } });
      expect(refused.status).toBe(400);
      await expectOk(api('POST', `/api/v1/sites/${siteId}/cartons/C1/relabel`, { body: { tracking: '1Z999AA10123456791' } }));
      expect(bodyOf(Listed, await expectOk(api('GET', `/api/v1/sites/${siteId}/cartons/needs-relabel`))).items).toEqual([]);
      const again = op('manifest.close', { manifestId: 'M-UPS-1', carrier: 'UPS', date: '2025-01-02', cartonIds: ['C1', 'C2'] });
      expect((await push(api, station.credential, [again])).results[0]?.status).toBe('applied');
    });

    it('applies a batch in stationSeq order and takes out-of-order retries', async () => {
      const { api } = ctx.server();
      const station = await seedSite(api, 'push-order', { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 5 }])] });
      const op = opFactory();
      const line = op('receipt.line', receiptLine('PO1', 1, 'A', 5));
      const undo = op('receipt.undo', { receiptId: 'R-PO1', undoesOpId: line.opId });
      const again = op('receipt.line', receiptLine('PO1', 1, 'A', 5));
      // Sent newest first: applied by stationSeq, so the undo finds its line and the PO line has room again.
      const result = await push(api, station.credential, [again, undo, line]);
      expect(result.results.map((r) => [r.opId, r.status])).toEqual([
        [again.opId, 'applied'],
        [undo.opId, 'applied'],
        [line.opId, 'applied'],
      ]);
      const retried = await push(api, station.credential, [undo, line]);
      expect(retried.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
      const onHand = bodyOf(
        z.object({ items: z.array(z.object({ qty: z.number() })) }),
        await expectOk(api('GET', '/api/v1/sites/push-order/on-hand?itemId=A')),
      );
      expect(onHand.items.reduce((sum, r) => sum + r.qty, 0)).toBe(5);
    });

    it('rejects a malformed batch whole, applying nothing', async () => {
      const { api } = ctx.server();
      const station = await seedSite(api, 'push-malformed', { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 10 }])] });
      const op = opFactory();
      const good = op('receipt.line', receiptLine('PO1', 1, 'A', 1));
      const bad = { ...op('receipt.line', receiptLine('PO1', 1, 'A', 1)), payload: { ...receiptLine('PO1', 1, 'A', 1), qty: -2 } };
      const result = await api('POST', '/sync/v1/push', { token: station.credential, body: { ops: [good, bad] } });
      expect(result.status).toBe(400);
      const error = bodyOf(ErrorResult, result).error;
      expect(error.code).toBe('invalid_request');
      expect(error.issues?.some((i) => i.path.includes('ops.1.payload.qty'))).toBe(true);
      expect(await ledger(api, 'push-malformed')).toEqual([]);
      const notJson = await api('POST', '/sync/v1/push', { token: station.credential, raw: '{"ops": [' });
      expect(notJson.status).toBe(400);
      expect(bodyOf(ErrorResult, notJson).error.code).toBe('invalid_json');
      const tooMany = await api('POST', '/sync/v1/push', {
        token: station.credential,
        body: { ops: Array.from({ length: 501 }, () => good) },
      });
      expect(tooMany.status).toBe(400);
      // The good op was never applied: sent alone now, it applies.
      expect((await push(api, station.credential, [good])).results[0]?.status).toBe('applied');
    });

    it('rejects ops with clear codes, records them as exceptions, and applies the rest of the batch', async () => {
      const { api } = ctx.server();
      const siteId = 'push-reject';
      const station = await seedSite(api, siteId, {
        items: [item('A'), item('B'), item('S', { serialTracked: true })],
        pos: [
          purchaseOrder('PO1', [
            { itemId: 'A', qty: 2 },
            { itemId: 'S', qty: 5 },
          ]),
          purchaseOrder('PO2', [{ itemId: 'A', qty: 1 }], { status: 'closed' }),
        ],
        orders: [order('SO1', [{ itemId: 'B', qty: 1 }]), order('SO2', [{ itemId: 'A', qty: 1 }])],
      });
      await expectOk(
        api('POST', `/api/v1/sites/${siteId}/holds`, {
          body: { id: 'H1', kind: 'item', itemId: 'B', lot: null, location: null, reason: 'recall' },
        }),
        201,
      );
      await expectOk(api('POST', `/api/v1/sites/${siteId}/orders/SO2/cancel`));
      const op = opFactory();
      const carton = (orderId: string, itemId: string) =>
        op('pack.carton.close', {
          orderId,
          cartonId: `C-${orderId}-${itemId}`,
          sscc: '006141410000000019',
          cartonType: 'S',
          items: [{ lineNo: 1, itemId, qty: 1, lot: null, serial: null }],
          weightG: 100,
          expectedG: 100,
          overrideBy: null,
          overrideReason: null,
          carrier: 'UPS',
          service: 'GROUND',
          tracking: '',
        });
      const ops = [
        op('receipt.line', receiptLine('PO1', 1, 'A', 3)), // over_receipt
        op('receipt.line', receiptLine('PO2', 1, 'A', 1)), // po_closed
        carton('SO1', 'B'), // item_on_hold
        op('receipt.line', receiptLine('PO1', null, 'NOPE', 1)), // unknown_item
        carton('SO404', 'A'), // unknown_order
        carton('SO2', 'A'), // order_cancelled
        op('receipt.line', receiptLine('PO1', 2, 'S', 1, { serial: 'SN1' })), // applied
        op('receipt.line', receiptLine('PO1', 2, 'S', 1, { serial: 'SN1' })), // duplicate_serial
        op('receipt.line', receiptLine('PO1', 1, 'A', 2)), // applied: the rejections did not block it
      ];
      const result = await push(api, station.credential, ops);
      expect(result.results.map((r) => r.code ?? r.status)).toEqual([
        'over_receipt',
        'po_closed',
        'item_on_hold',
        'unknown_item',
        'unknown_order',
        'order_cancelled',
        'applied',
        'duplicate_serial',
        'applied',
      ]);
      expect(result.results.filter((r) => r.status === 'rejected').every((r) => (r.reason ?? '').length > 10)).toBe(true);
      // A rejected op sent again stays rejected (its first answer may have been lost).
      const again = await push(api, station.credential, [ops[0]!]);
      expect(again.results[0]).toMatchObject({ status: 'rejected', code: 'over_receipt' });

      const Exceptions = z.object({ items: z.array(z.object({ opId: z.string(), code: z.string(), resolvedAt: z.string().nullable() })) });
      const open = bodyOf(Exceptions, await expectOk(api('GET', '/sync/v1/exceptions', { token: station.credential })));
      expect(open.items.map((e) => e.code).sort()).toEqual([
        'duplicate_serial',
        'item_on_hold',
        'order_cancelled',
        'over_receipt',
        'po_closed',
        'unknown_item',
        'unknown_order',
      ]);
      await expectOk(
        api('POST', `/sync/v1/exceptions/${ops[0]!.opId}/resolve`, {
          token: station.credential,
          body: { resolvedBy: 'sup-1', note: 'supplier credit' },
        }),
      );
      const stillOpen = bodyOf(Exceptions, await expectOk(api('GET', '/sync/v1/exceptions', { token: station.credential })));
      expect(stillOpen.items).toHaveLength(6);
      const other = await enrollStation(api, 'push-dedupe', 'other-site');
      const foreign = await api('POST', `/sync/v1/exceptions/${ops[1]!.opId}/resolve`, {
        token: other.credential,
        body: { resolvedBy: 'x' },
      });
      expect(foreign.status).toBe(404);

      const entries = await ledger(api, siteId);
      expect(entries.map((e) => e.opId).sort()).toEqual([ops[6]!.opId, ops[8]!.opId].sort());

      // On-hand is derived from the ledger and pages by its (item, location, lot) key.
      const OnHandPage = z.object({
        items: z.array(
          z.object({
            itemId: z.string(),
            location: z.string(),
            lot: z.string().nullable(),
            qty: z.number(),
            heldQty: z.number(),
            availableQty: z.number(),
          }),
        ),
        nextCursor: z.string().nullable(),
      });
      const first = bodyOf(OnHandPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/on-hand?limit=1`)));
      expect(first.items).toEqual([{ itemId: 'A', location: 'DOCK', lot: null, qty: 2, heldQty: 0, availableQty: 2 }]);
      const second = bodyOf(OnHandPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/on-hand?limit=1&cursor=${first.nextCursor}`)));
      expect(second.items).toEqual([{ itemId: 'S', location: 'DOCK', lot: null, qty: 1, heldQty: 0, availableQty: 1 }]);
      expect(second.nextCursor).toBeNull();
      const badCursor = await api('GET', `/api/v1/sites/${siteId}/on-hand?cursor=garbage`);
      expect(bodyOf(ErrorResult, badCursor).error.code).toBe('invalid_cursor');
    });

    it('receives stock a quality hold covers on hold, on the PO line and as an unexpected item alike', async () => {
      const { api } = ctx.server();
      const siteId = 'push-held';
      const station = await seedSite(api, siteId, {
        pos: [
          purchaseOrder('PO1', [
            { itemId: 'A', qty: 50 },
            { itemId: 'B', qty: 50 },
          ]),
        ],
      });
      const hold = (id: string, kind: string, itemId: string | null, lot: string | null) =>
        expectOk(api('POST', `/api/v1/sites/${siteId}/holds`, { body: { id, kind, itemId, lot, location: null, reason: 'recall' } }), 201);
      await hold('H-ITEM', 'item', 'B', null);
      await hold('H-LOT-A', 'lot', 'A', 'L7');
      await hold('H-LOT-ANY', 'lot', null, 'L9');
      const op = opFactory();
      const cases = [
        { line: receiptLine('PO1', 1, 'A', 1, { lot: 'L1' }), held: false },
        { line: receiptLine('PO1', 1, 'A', 1, { lot: 'L7' }), held: true },
        { line: receiptLine('PO1', 1, 'A', 1, { lot: 'L9' }), held: true },
        { line: receiptLine('PO1', 2, 'B', 1, { lot: 'L1' }), held: true },
        { line: receiptLine('PO1', null, 'C', 1, { lot: 'L7' }), held: false },
        { line: receiptLine('PO1', null, 'C', 1, { lot: 'L9' }), held: true },
      ];
      const ops = cases.map((c) => op('receipt.line', c.line));
      expect((await push(api, station.credential, ops)).results.map((r) => r.status)).toEqual(cases.map(() => 'applied'));
      const entries = await ledger(api, siteId, '&kind=receipt');
      expect(ops.map((o) => entries.find((e) => e.opId === o.opId)?.held)).toEqual(cases.map((c) => c.held));
    });

    it('keeps the ledger right when two stations over-receive the same PO line at once', async () => {
      const { api } = ctx.server();
      const siteId = 'push-race';
      // 20 ordered, 10 % tolerance: 22 may be received in all.
      const first = await seedSite(api, siteId, {
        pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 20 }], { overReceiptTolerancePct: 10 })],
      });
      const second = await enrollStation(api, siteId, 'bench-2');
      const batches = [first, second].map((station) => {
        const op = opFactory(`op-${station.stationId}`);
        return { station, ops: Array.from({ length: 15 }, () => op('receipt.line', receiptLine('PO1', 1, 'A', 1))) };
      });
      // Each station sends its ops one per request, both at once, so the server interleaves them.
      const results = await Promise.all(
        batches.map(async ({ station, ops }) => {
          const statuses: string[] = [];
          for (const o of ops) statuses.push(...(await push(api, station.credential, [o])).results.map((r) => r.code ?? r.status));
          return statuses;
        }),
      );
      const all = results.flat();
      expect(all.filter((s) => s === 'applied')).toHaveLength(22);
      expect(all.filter((s) => s === 'over_receipt')).toHaveLength(8);
      const entries = await ledger(api, siteId, '&kind=receipt');
      expect(entries).toHaveLength(22);
      expect(entries.reduce((sum, e) => sum + e.qty, 0)).toBe(22);
      const receipts = bodyOf(
        z.object({ items: z.array(z.object({ qty: z.number() })) }),
        await expectOk(api('GET', `/api/v1/sites/${siteId}/receipts?poId=PO1&limit=100`)),
      );
      expect(receipts.items).toHaveLength(22);
    });

    it('moves stock through putaway, pack and ship, and closes receipts', async () => {
      const { api } = ctx.server();
      const siteId = 'push-flow';
      const station = await seedSite(api, siteId, {
        items: [item('A', { homeLocation: 'A-01' })],
        pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 4 }])],
        orders: [order('SO1', [{ itemId: 'A', qty: 2 }])],
      });
      const op = opFactory();
      const ops = [
        op('receipt.line', receiptLine('PO1', 1, 'A', 4, { lpn: 'LPN1' })),
        op('receipt.close', {
          receiptId: 'R-PO1',
          poId: 'PO1',
          lines: [{ poLineNo: 1, itemId: 'A', ordered: 4, received: 4, damaged: 0, kind: 'ok' }],
          approvedBy: null,
        }),
        op('lpn.putaway', { lpn: 'LPN1', location: 'A-01', items: [{ itemId: 'A', lot: null, serial: null, qty: 4 }] }),
        op('pack.carton.close', {
          orderId: 'SO1',
          cartonId: 'C1',
          sscc: '006141410000000019',
          cartonType: 'S',
          items: [{ lineNo: 1, itemId: 'A', qty: 2, lot: null, serial: null }],
          weightG: 210,
          expectedG: 200,
          overrideBy: null,
          overrideReason: null,
          carrier: 'UPS',
          service: 'GROUND',
          tracking: '1Z',
        }),
        op('shipment.close', { orderId: 'SO1', cartonIds: ['C1'] }),
        op('manifest.close', { manifestId: 'M1', carrier: 'UPS', date: '2025-01-02', cartonIds: ['C1'] }),
        op('receipt.line', receiptLine('PO1', 1, 'A', 1)), // PO closed by the receipt.close above
      ];
      const result = await push(api, station.credential, ops);
      expect(result.results.map((r) => r.code ?? r.status)).toEqual([
        'applied',
        'applied',
        'applied',
        'applied',
        'applied',
        'applied',
        'po_closed',
      ]);
      const OnHand = z.object({ items: z.array(z.object({ itemId: z.string(), location: z.string(), qty: z.number() })) });
      const onHand = bodyOf(OnHand, await expectOk(api('GET', `/api/v1/sites/${siteId}/on-hand?itemId=A`)));
      expect(onHand.items).toEqual([expect.objectContaining({ location: 'A-01', qty: 2 })]);
      const Shipments = z.object({
        items: z.array(z.object({ cartonId: z.string(), shippedAt: z.string().nullable(), manifestId: z.string().nullable() })),
      });
      const shipments = bodyOf(Shipments, await expectOk(api('GET', `/api/v1/sites/${siteId}/shipments?orderId=SO1`)));
      expect(shipments.items).toEqual([expect.objectContaining({ cartonId: 'C1', manifestId: 'M1' })]);
      expect(shipments.items[0]?.shippedAt).not.toBeNull();
      const all = await ledger(api, siteId);
      expect(all.map((e) => e.kind)).toEqual(['receipt', 'putaway', 'putaway', 'pack', 'pack', 'ship']);
      expect(await ledger(api, siteId, '', 2)).toEqual(all);
      expect((await ledger(api, siteId, '&kind=putaway')).map((e) => [e.location, e.qty])).toEqual([
        ['DOCK', -4],
        ['A-01', 4],
      ]);
    });
  },
  { limits: { enrollPerMinute: 1000 } },
);
