import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { Item, itemFromFields } from '../../shared/domain/master-data';
import { itemRecordFromRow, PullResponse, readPackedItems, SnapshotFrame } from '../../shared/sync-protocol';
import { bodyOf, expectOk, item, seedSite } from './support/fixtures';
import { forEachBackend } from './support/suite';

const ITEMS = 12_000;

async function snapshot(url: string, credential: string, query = '') {
  const response = await fetch(`${url}/sync/v1/snapshot${query}`, {
    headers: { authorization: `Bearer ${credential}`, 'accept-encoding': 'gzip' },
  });
  expect(response.status).toBe(200);
  const text = await response.text();
  const frames = text
    .split('\n')
    .filter(Boolean)
    .map((line) => SnapshotFrame.parse(JSON.parse(line)));
  return { encoding: response.headers.get('content-encoding'), frames };
}

function parts(frames: SnapshotFrame[]) {
  const begin = frames[0];
  const end = frames.at(-1);
  if (begin?.type !== 'begin' || end?.type !== 'end') throw new Error(`not a whole snapshot: ${JSON.stringify(frames.map((f) => f.type))}`);
  const rows = frames.flatMap((f) => (f.type === 'rows' ? [f] : []));
  return { begin, end, rows, changes: rows.flatMap((f) => f.changes) };
}

forEachBackend('snapshot stream', (ctx) => {
  it('streams the whole site gzip-compressed in frames with row counts, resumes from a cursor, and hands over to pull', async () => {
    const { api, url } = ctx.server();
    const siteId = 'snapshot';
    const items = Array.from({ length: ITEMS }, (_, i) => item(`I${String(i).padStart(5, '0')}`));
    const station = await seedSite(api, siteId, { items: items.slice(0, 1) });
    await expectOk(api('POST', `/api/v1/sites/${siteId}/items`, { body: { items } }));

    const whole = await snapshot(url, station.credential);
    expect(whole.encoding).toBe('gzip');
    const { begin, end, rows, changes } = parts(whole.frames);
    // siteSettings, two locations and the items.
    expect(begin).toMatchObject({ after: 0, rows: ITEMS + 3, byEntity: { item: ITEMS, location: 2, siteSettings: 1 } });
    expect(changes).toHaveLength(begin.rows);
    expect(end).toEqual({ type: 'end', cursor: begin.upTo, rows: begin.rows });
    expect(rows.length).toBeGreaterThan(1);
    const seqs = changes.map((c) => c.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(changes.map((c) => `${c.entity}:${c.id}`)).size).toBe(begin.rows);

    // Cut after the first frame: the rest comes from its cursor, nothing twice.
    const cutAt = rows[0]!.cursor;
    const rest = parts((await snapshot(url, station.credential, `?after=${cutAt}&upTo=${begin.upTo}`)).frames);
    expect(rest.begin.rows).toBe(begin.rows - rows[0]!.changes.length);
    expect(rest.changes.map((c) => c.seq)).toEqual(seqs.filter((s) => s > cutAt));

    // An item changed while a snapshot streams leaves the snapshot's range and comes with the pull from upTo.
    await expectOk(api('POST', `/api/v1/sites/${siteId}/items`, { body: { items: [item('I00000', { description: 'renamed' })] } }));
    const resumed = parts((await snapshot(url, station.credential, `?after=0&upTo=${begin.upTo}`)).frames);
    expect(resumed.begin.rows).toBe(begin.rows - 1);
    expect(resumed.changes.some((c) => c.id === 'I00000')).toBe(false);
    const pulled = bodyOf(PullResponse, await expectOk(api('GET', `/sync/v1/pull?cursor=${begin.upTo}`, { token: station.credential })));
    if (pulled.reset) throw new Error('unexpected reset');
    expect(pulled.changes.map((c) => [c.id, z.object({ description: z.string() }).parse(c.record).description])).toEqual([
      ['I00000', 'renamed'],
    ]);
  }, 120_000);

  it('streams items as compact rows in seq order, the other changes as change objects, and resumes from any frame', async () => {
    const { api, url } = ctx.server();
    const siteId = 'snapshot-compact';
    const first = Array.from({ length: 30 }, (_, i) => item(`C${String(i).padStart(3, '0')}`, { lotTracked: i % 2 === 0 }));
    const station = await seedSite(api, siteId, { items: first });
    // Items, then a location, then more items: one page holds runs of both kinds.
    await expectOk(api('POST', `/api/v1/sites/${siteId}/locations`, { body: { locations: [{ code: 'B-01', zone: 'B' }] } }));
    const later = [item('D001', { homeLocation: 'B-01', overReceiptTolerancePct: 5 }), item('D002', { active: false })];
    await expectOk(api('POST', `/api/v1/sites/${siteId}/items`, { body: { items: later } }));

    const byChanges = parts((await snapshot(url, station.credential)).frames);
    const compact = (await snapshot(url, station.credential, '?format=compact')).frames;
    const begin = compact[0];
    const end = compact.at(-1);
    if (begin?.type !== 'begin' || end?.type !== 'end') throw new Error('not a whole snapshot');
    const body = compact.slice(1, -1);
    expect(body.map((f) => f.type)).toEqual(['rows', 'items', 'rows', 'items']);
    const cursors = body.map((f) => (f.type === 'rows' || f.type === 'items' ? f.cursor : -1));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    expect(end).toEqual({ type: 'end', cursor: begin.upTo, rows: byChanges.begin.rows });

    // Every item comes back as the record the change format carries; nothing else changes shape.
    const items = body.flatMap((f) => (f.type === 'items' ? f.rows.map((row) => Item.parse(itemRecordFromRow(row))) : []));
    const itemRecords = byChanges.changes.filter((c) => c.entity === 'item').map((c) => Item.parse(c.record));
    expect(items).toEqual(itemRecords);
    expect(items.find((i) => i.id === 'D001')).toMatchObject({ homeLocation: 'B-01', overReceiptTolerancePct: 5 });
    expect(items.find((i) => i.id === 'D002')?.active).toBe(false);
    const others = body.flatMap((f) => (f.type === 'rows' ? f.changes : []));
    expect(others).toEqual(byChanges.changes.filter((c) => c.entity !== 'item'));

    // Resumed after the first items frame: the locations and the later items only.
    const firstItems = body[1];
    if (firstItems?.type !== 'items') throw new Error('no items frame');
    const rest = (await snapshot(url, station.credential, `?format=compact&after=${firstItems.cursor}&upTo=${begin.upTo}`)).frames;
    expect(
      rest.slice(1, -1).map((f) => (f.type === 'rows' ? f.changes.map((c) => c.id) : f.type === 'items' ? f.rows.map((r) => r[0]) : [])),
    ).toEqual([
      ['A-01', 'A-02', 'B-01'],
      ['D001', 'D002'],
    ]);
  });

  it('streams items packed (texts end to end, numbers in one list) exactly as the change format carries them', async () => {
    const { api, url, serverDb } = ctx.server();
    const siteId = 'snapshot-packed';
    const first = [
      item('P001', {
        description: 'Größe 🍺 "quoted" \\ back\nslash',
        barcodes: [
          { code: '4006381333931', packQty: 1 },
          { code: '14006381333938', packQty: 12 },
        ],
        homeLocation: 'A-01',
        overReceiptTolerancePct: 2.5,
        unitWeightG: 0.125,
        lotTracked: true,
        serialTracked: true,
        expiryTracked: true,
        minShelfLifeDays: 30,
        itemClass: 'cold',
      }),
      item('P002', { barcodes: [], active: false }),
    ];
    const station = await seedSite(api, siteId, { items: first });
    await expectOk(api('POST', `/api/v1/sites/${siteId}/locations`, { body: { locations: [{ code: 'B-01', zone: 'B' }] } }));
    await expectOk(api('POST', `/api/v1/sites/${siteId}/items`, { body: { items: [item('P003'), item('P004')] } }));
    // An item written before the server kept packed parts: it goes out as a compact row.
    await sql`UPDATE change_log SET packed_text = NULL, packed_numbers = NULL WHERE site_id = ${siteId} AND entity_id = 'P004'`.execute(
      serverDb.db,
    );

    const byChanges = parts((await snapshot(url, station.credential)).frames);
    const packed = (await snapshot(url, station.credential, '?format=packed')).frames;
    const body = packed.slice(1, -1);
    expect(body.map((f) => f.type)).toEqual(['rows', 'packed', 'rows', 'packed', 'items']);
    const items: Item[] = [];
    for (const f of body) {
      if (f.type === 'items') items.push(...f.rows.map((row) => Item.parse(itemRecordFromRow(row))));
      if (f.type !== 'packed') continue;
      const read: (Item | undefined)[] = [];
      expect(readPackedItems(f, (field) => read.push(itemFromFields(field)))).toBe(true);
      expect(read).toHaveLength(f.count);
      items.push(...read.map((i) => Item.parse(i)));
    }
    expect(items).toEqual(byChanges.changes.filter((c) => c.entity === 'item').map((c) => Item.parse(c.record)));
    expect(items[0]?.description).toBe('Größe 🍺 "quoted" \\ back\nslash');
    expect(packed.at(-1)).toEqual({ type: 'end', cursor: byChanges.end.cursor, rows: byChanges.begin.rows });

    // Lengths that do not add up to the frame's text are not a packed frame.
    const firstPacked = body[1];
    if (firstPacked?.type !== 'packed') throw new Error('no packed frame');
    expect(readPackedItems({ ...firstPacked, text: `${firstPacked.text}x` }, () => undefined)).toBe(false);
    expect(readPackedItems({ ...firstPacked, numbers: firstPacked.numbers.slice(0, -1) }, () => undefined)).toBe(false);
  });

  it('answers a reset frame for another epoch or a position ahead of the server, and 401 without a credential', async () => {
    const { api, url } = ctx.server();
    const station = await seedSite(api, 'snapshot-reset');
    const otherEpoch = await snapshot(url, station.credential, '?epoch=not-this-server');
    expect(otherEpoch.frames).toEqual([expect.objectContaining({ type: 'reset', reset: true })]);
    const ahead = await snapshot(url, station.credential, '?after=0&upTo=999999');
    expect(ahead.frames).toEqual([expect.objectContaining({ type: 'reset', reset: true })]);
    const anonymous = await fetch(`${url}/sync/v1/snapshot`);
    expect(anonymous.status).toBe(401);
  });
});
