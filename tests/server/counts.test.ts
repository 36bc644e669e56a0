import { expect, it } from 'vitest';
import { z } from 'zod';
import { CountTask } from '../../shared/domain/counts';
import { type Op, PullPage, PushResponse } from '../../shared/sync-protocol';
import { bodyOf, expectOk, operator, opFactory, purchaseOrder, receiptLine, seedSite, siteSettings } from './support/fixtures';
import { ADMIN_KEY, type Api } from './support/harness';
import { forEachBackend } from './support/suite';

const LedgerPage = z.object({
  items: z.array(z.object({ kind: z.string(), itemId: z.string(), qty: z.number(), location: z.string(), opId: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});

const push = async (api: Api, credential: string, ops: Op[]) =>
  bodyOf(PushResponse, await expectOk(api('POST', '/sync/v1/push', { token: credential, body: { ops } })));

const ledger = async (api: Api, siteId: string, query: string) =>
  bodyOf(LedgerPage, await expectOk(api('GET', `/api/v1/sites/${siteId}/ledger?limit=1000${query}`))).items;

const onHand = async (api: Api, siteId: string, location: string, itemId: string) =>
  (await ledger(api, siteId, `&location=${location}&itemId=${itemId}`)).reduce((sum, e) => sum + e.qty, 0);

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute)).toISOString();
const dated = (op: Op, minute: number): Op => ({ ...op, at: at(minute) });

/** A site with 10 of item A received and put away at A-01 (LPN1) at 08:00. */
async function stocked(api: Api, siteId: string, counts?: { toleranceUnits: number; tolerancePct: number }) {
  const station = await seedSite(api, siteId, {
    pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 100 }])],
    operators: [operator('sup-1', ['supervisor']), operator('op-2', ['counter'])],
  });
  if (counts) await expectOk(api('PUT', `/api/v1/sites/${siteId}`, { body: siteSettings(siteId, { counts: { blind: true, ...counts } }) }));
  const op = opFactory('op-recv');
  const results = await push(api, station.credential, [
    dated(op('receipt.line', receiptLine('PO1', 1, 'A', 10, { lpn: 'LPN1' })), 0),
    dated(op('lpn.putaway', { lpn: 'LPN1', location: 'A-01', items: [{ itemId: 'A', lot: null, serial: null, qty: 10 }] }), 1),
  ]);
  expect(results.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  return { station, op };
}

const countOf = (
  countId: string,
  lines: { itemId: string; qty: number }[],
  extra: Partial<Extract<Op, { kind: 'count.close' }>['payload']> = {},
) => ({
  countId,
  taskId: null,
  scope: 'location' as const,
  location: 'A-01',
  itemId: null,
  lpn: null,
  startedAt: at(10),
  lines: lines.map((l) => ({ ...l, lot: null })),
  countedBy: 'op-count',
  recountedBy: null,
  approvedBy: null,
  ...extra,
});

forEachBackend('cycle counts', (ctx) => {
  it('posts a variance within tolerance as one adjust entry, exactly once however often the op is sent', async () => {
    const { api } = ctx.server();
    const { station } = await stocked(api, 'count-once', { toleranceUnits: 2, tolerancePct: 0 });
    const op = opFactory('op-count');
    const count = dated(op('count.close', countOf('CNT-1', [{ itemId: 'A', qty: 9 }])), 12);
    expect((await push(api, station.credential, [count, count])).results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect((await push(api, station.credential, [count])).results[0]!.status).toBe('duplicate');
    const adjusts = await ledger(api, 'count-once', '&kind=adjust');
    expect(adjusts).toEqual([expect.objectContaining({ kind: 'adjust', itemId: 'A', qty: -1, location: 'A-01', opId: count.opId })]);
    expect(await onHand(api, 'count-once', 'A-01', 'A')).toBe(9);
    // The same count id from another op is the same count: refused, nothing posted twice.
    const again = dated(op('count.close', countOf('CNT-1', [{ itemId: 'A', qty: 9 }])), 13);
    expect((await push(api, station.credential, [again])).results[0]).toMatchObject({ status: 'rejected', code: 'invalid_op' });
    expect(await ledger(api, 'count-once', '&kind=adjust')).toHaveLength(1);
  });

  it('judges a count that raced a putaway against the ledger at its start: the later move is no variance', async () => {
    const { api } = ctx.server();
    const { station, op } = await stocked(api, 'count-race', { toleranceUnits: 0, tolerancePct: 0 });
    // 5 more arrive at A-01 at 08:20, while the count that started at 08:10 (and found the 10 there then) still runs.
    const putaway = await push(api, station.credential, [
      dated(op('receipt.line', receiptLine('PO1', 1, 'A', 5, { lpn: 'LPN2' })), 15),
      dated(op('lpn.putaway', { lpn: 'LPN2', location: 'A-01', items: [{ itemId: 'A', lot: null, serial: null, qty: 5 }] }), 20),
    ]);
    expect(putaway.results.every((r) => r.status === 'applied')).toBe(true);
    const counter = opFactory('op-count');
    const exact = dated(counter('count.close', countOf('CNT-RACE', [{ itemId: 'A', qty: 10 }])), 25);
    expect((await push(api, station.credential, [exact])).results[0]!.status).toBe('applied');
    expect(await ledger(api, 'count-race', '&kind=adjust')).toEqual([]);
    expect(await onHand(api, 'count-race', 'A-01', 'A')).toBe(15);
  });

  it("refuses a variance beyond tolerance without a recount and a supervisor's badge; posts it with both", async () => {
    const { api } = ctx.server();
    const { station } = await stocked(api, 'count-approve', { toleranceUnits: 1, tolerancePct: 0 });
    const op = opFactory('op-count');
    const lone = dated(op('count.close', countOf('CNT-A', [{ itemId: 'A', qty: 6 }])), 12);
    expect((await push(api, station.credential, [lone])).results[0]).toMatchObject({ status: 'rejected', code: 'count_needs_approval' });
    expect(await ledger(api, 'count-approve', '&kind=adjust')).toEqual([]);
    const approved = dated(
      op('count.close', countOf('CNT-B', [{ itemId: 'A', qty: 6 }], { recountedBy: 'op-2', approvedBy: 'sup-1' })),
      14,
    );
    // The server takes the approval only from a supervisor it knows: not from a counter, not from an unknown id.
    for (const [countId, approvedBy] of [
      ['CNT-C', 'op-2'],
      ['CNT-D', 'nobody'],
    ] as const) {
      const claimed = dated(op('count.close', countOf(countId, [{ itemId: 'A', qty: 6 }], { recountedBy: 'op-2', approvedBy })), 13);
      expect((await push(api, station.credential, [claimed])).results[0]).toMatchObject({
        status: 'rejected',
        code: 'approver_not_supervisor',
      });
    }
    expect(await ledger(api, 'count-approve', '&kind=adjust')).toEqual([]);
    expect((await push(api, station.credential, [approved])).results[0]!.status).toBe('applied');
    expect(await onHand(api, 'count-approve', 'A-01', 'A')).toBe(6);
  });

  it('issues a count task with the on-hand now, sends it to the stations and marks it done when counted', async () => {
    const { api } = ctx.server();
    const { station } = await stocked(api, 'count-task');
    const issued = await expectOk(
      api('POST', '/api/v1/sites/count-task/count-tasks', { body: { tasks: [{ id: 'CT-1', scope: 'location', location: 'A-01' }] } }),
      201,
    );
    const [task] = bodyOf(z.object({ tasks: z.array(CountTask) }), issued).tasks;
    expect(task).toMatchObject({ id: 'CT-1', status: 'open', expected: [{ itemId: 'A', lot: null, qty: 10 }] });
    const unknown = await api('POST', '/api/v1/sites/count-task/count-tasks', {
      body: { tasks: [{ id: 'CT-X', scope: 'location', location: 'NOPE' }] },
    });
    expect(unknown.status).toBe(400);
    const pulled = bodyOf(PullPage, await expectOk(api('GET', '/sync/v1/pull?cursor=0&limit=5000', { token: station.credential })));
    expect(pulled.changes.find((c) => c.entity === 'countTask' && c.id === 'CT-1')?.record).toMatchObject({ status: 'open' });
    const op = opFactory('op-count');
    const count = op('count.close', countOf('CNT-T', [{ itemId: 'A', qty: 10 }], { taskId: 'CT-1', startedAt: new Date().toISOString() }));
    expect((await push(api, station.credential, [count])).results[0]!.status).toBe('applied');
    const after = bodyOf(PullPage, await expectOk(api('GET', `/sync/v1/pull?cursor=${pulled.cursor}`, { token: station.credential })));
    expect(after.changes.find((c) => c.entity === 'countTask' && c.id === 'CT-1')?.record).toMatchObject({ status: 'done' });
    const second = op(
      'count.close',
      countOf('CNT-T2', [{ itemId: 'A', qty: 10 }], { taskId: 'CT-1', startedAt: new Date().toISOString() }),
    );
    expect((await push(api, station.credential, [second])).results[0]).toMatchObject({ status: 'rejected', code: 'invalid_op' });
  });
});

/** A tiny JPEG header followed by bytes: what the server stores it must hand back unchanged. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('warebench inspection photo'), Buffer.from([0xff, 0xd9])]);
const jpegPhoto = () => ({ mime: 'image/jpeg' as const, base64: JPEG.toString('base64') });

forEachBackend('inspections at receipt', (ctx) => {
  it('stores the photo with the inspection and hands it to the ERP as a JPEG', async () => {
    const { api, url } = ctx.server();
    const station = await seedSite(api, 'insp-photo', { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 10 }])] });
    const op = opFactory('op-recv');
    const record = op('inspection.record', {
      inspectionId: 'INSP-1',
      receiptId: 'R-PO1',
      poId: 'PO1',
      itemId: 'A',
      units: [
        { unitNo: 1, passed: true, failed: [], reason: null },
        { unitNo: 2, passed: false, failed: ['seal'], reason: 'Seal intact: no' },
      ],
      answers: [],
      photo: jpegPhoto(),
    });
    const results = await push(api, station.credential, [
      record,
      op('receipt.line', receiptLine('PO1', 1, 'A', 1)),
      op('receipt.line', receiptLine('PO1', 1, 'A', 1, { condition: 'quarantine', reason: 'Seal intact: no', onHold: true })),
    ]);
    expect(results.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await push(api, station.credential, [record])).results[0]!.status).toBe('duplicate');
    const view = await expectOk(api('GET', '/api/v1/sites/insp-photo/inspections/INSP-1'));
    expect(view.body).toMatchObject({ passed: 1, failed: 1, hasPhoto: true, itemId: 'A' });
    const photo = await fetch(`${url}/api/v1/sites/insp-photo/inspections/INSP-1/photo`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer()).equals(JPEG)).toBe(true);
    const held = await ledger(api, 'insp-photo', '&kind=receipt');
    expect(held.map((e) => e.qty)).toEqual([1, 1]);
  });

  it('keeps the photo of damaged goods with the receipt, once, for the ERP to fetch', async () => {
    const { api, url } = ctx.server();
    const station = await seedSite(api, 'receipt-photo', { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 10 }])] });
    const op = opFactory('op-recv');
    const photo = op('receipt.photo', {
      photoId: 'PHOTO-1',
      receiptId: 'R-PO1',
      poId: 'PO1',
      condition: 'damaged',
      reason: 'Crushed packaging',
      photo: jpegPhoto(),
    });
    expect((await push(api, station.credential, [photo, photo])).results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    const listed = await expectOk(api('GET', '/api/v1/sites/receipt-photo/receipts/R-PO1/photos'));
    expect(listed.body).toEqual({
      photos: [expect.objectContaining({ id: 'PHOTO-1', condition: 'damaged', reason: 'Crushed packaging' })],
    });
    const fetched = await fetch(`${url}/api/v1/sites/receipt-photo/receipt-photos/PHOTO-1`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(fetched.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await fetched.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it('refuses a photo that is not a bounded JPEG: nothing is stored', async () => {
    const { api } = ctx.server();
    const station = await seedSite(api, 'insp-hostile', { pos: [purchaseOrder('PO1', [{ itemId: 'A', qty: 10 }])] });
    const op = opFactory('op-recv');
    const base = {
      inspectionId: 'INSP-H',
      receiptId: 'R-PO1',
      poId: 'PO1',
      itemId: 'A',
      units: [{ unitNo: 1, passed: true, failed: [], reason: null }],
      answers: [],
    };
    for (const photo of [
      { mime: 'image/png', base64: JPEG.toString('base64') },
      { mime: 'image/jpeg', base64: Buffer.from('<script>alert(1)</script>').toString('base64') },
      { mime: 'image/jpeg', base64: '/9j/not base64!!' },
    ]) {
      const answer = await api('POST', '/sync/v1/push', {
        token: station.credential,
        body: { ops: [op('inspection.record', { ...base, photo } as never)] },
      });
      expect(answer.status).toBe(400);
    }
    expect((await api('GET', '/api/v1/sites/insp-hostile/inspections/INSP-H')).status).toBe(404);
  });
});
