import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdleCheckpointer } from '../../../electron/core/storage/checkpoints';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { tempDir } from '../../support/temp-dir';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('WAL checkpoints of the station cache', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('leaves committed changes in the WAL while changes keep coming and moves them into the file once the station is quiet', async () => {
    const path = join(dir.path, 'cache.sqlite');
    const db = await openStationDatabase(path);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(8192);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fileSize = () => statSync(path).size;
    const before = fileSize();
    const checkpoints = createIdleCheckpointer(db, 100);
    const append = db.prepare("INSERT INTO journal (at, station_id, operator_id, kind, payload) VALUES (?, 'ST', 'OP', 'test.entry', ?)");
    // Enough committed rows for new pages: they sit in the WAL, the file itself has not grown.
    for (let i = 0; i < 200; i++) {
      db.transaction(() => append.run(new Date().toISOString(), 'x'.repeat(200)))();
      checkpoints.changed();
    }
    expect(fileSize()).toBe(before);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);

    await until(() => fileSize() > before);
    expect(fileSize()).toBeGreaterThan(before);
    expect((db.prepare("SELECT count(*) AS n FROM journal WHERE kind = 'test.entry'").get() as { n: number }).n).toBe(200);
    db.close();
  });

  it('checkpoints a station that never rests between two commits, never inside one', async () => {
    const path = join(dir.path, 'busy.sqlite');
    const db = await openStationDatabase(path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fileSize = () => statSync(path).size;
    const before = fileSize();
    // Never quiet for a minute; every 20 commits count as busy.
    const checkpoints = createIdleCheckpointer(db, 60_000, 20);
    const append = db.prepare("INSERT INTO journal (at, station_id, operator_id, kind, payload) VALUES (?, 'ST', 'OP', 'test.entry', ?)");
    // Each commit a page of its own or more: the file grows even where the schema's rebuilds left free pages.
    const commit = () => {
      db.transaction(() => append.run(new Date().toISOString(), 'x'.repeat(5000)))();
      checkpoints.changed();
    };
    for (let i = 0; i < 19; i++) commit();
    await new Promise((r) => setImmediate(r));
    expect(fileSize()).toBe(before);
    // The 20th commit is answered first; the checkpoint follows in the next turn of the event loop.
    commit();
    expect(fileSize()).toBe(before);
    await new Promise((r) => setImmediate(r));
    expect(fileSize()).toBeGreaterThan(before);

    // A transaction still open when the checkpoint falls due (a scan's work spread over turns): it waits for the next change.
    const grown = fileSize();
    for (let i = 0; i < 19; i++) commit();
    db.prepare('BEGIN').run();
    append.run(new Date().toISOString(), 'y'.repeat(4000));
    checkpoints.changed();
    await new Promise((r) => setImmediate(r));
    expect(fileSize()).toBe(grown);
    db.prepare('COMMIT').run();
    commit();
    await new Promise((r) => setImmediate(r));
    expect(fileSize()).toBeGreaterThan(grown);
    expect((db.prepare("SELECT count(*) AS n FROM journal WHERE kind = 'test.entry'").get() as { n: number }).n).toBe(41);
    db.close();
  });

  it('lets a checkpoint that falls due after the database closed pass without an error', async () => {
    const path = join(dir.path, 'closed.sqlite');
    const db = await openStationDatabase(path);
    const checkpoints = createIdleCheckpointer(db, 10);
    checkpoints.changed();
    db.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(db.open).toBe(false);
  });
});
