import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../electron/core/app/station';
import { loadDatasetIntoCache } from '../../electron/core/storage/load-demo';
import { openStationDatabase } from '../../electron/core/storage/open';
import { buildDemoDataset } from '../../shared/demo/dataset';
import { english } from '../support/english';
import { tempDir } from '../support/temp-dir';

/** A real small filesystem (tmpfs), so "disk full" and "read-only" are the kernel's answers, not a simulation. */
function tryMountTmpfs(dir: string, sizeKb: number): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canMount = (() => {
  const probe = tempDir('wb-mount-probe-');
  const ok = tryMountTmpfs(probe.path, 64);
  if (ok) execFileSync('umount', [probe.path]);
  probe.remove();
  return ok;
})();

function fillDisk(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    const small = Buffer.alloc(512, 1);
    try {
      for (;;) writeSync(fd, small);
    } catch {
      // the disk is now full to the last block
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

type StationWithDb = Station & { db: Database };

const stateOf = (station: StationWithDb) =>
  station.db.prepare('SELECT (SELECT count(*) FROM journal) AS journal, (SELECT count(*) FROM outbox) AS outbox').get();

/** The station and the connection it writes through (the test fills the disk on that very connection). */
async function stationIn(dir: string): Promise<StationWithDb> {
  const db = await openStationDatabase(join(dir, 'station.sqlite'));
  loadDatasetIntoCache(db, buildDemoDataset(new Date('2026-11-25T09:00:00Z'), 40));
  return Object.assign(createStation({ db }), { db });
}

describe.skipIf(!canMount)('storage faults on a real filesystem (tmpfs)', () => {
  const mounted: string[] = [];
  afterEach(() => {
    for (const dir of mounted.splice(0)) {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('disk full: a clear error, nothing half-written, and it works again once space is freed', async () => {
    const dir = tempDir('wb-full-').path;
    expect(tryMountTmpfs(dir, 4096)).toBe(true);
    mounted.push(dir);
    const station = await stationIn(dir);
    const signIn = await station.call('session.signIn', { badge: '1002' });
    expect(signIn.ok).toBe(true);
    const operator = station.context.badges.holder('1002');
    if (!operator) throw new Error('demo packer missing');
    await station.call('session.signOut', {});
    const before = stateOf(station);

    const filler = fillDisk(dir);
    let failure: unknown;
    for (let i = 0; i < 200 && !failure; i++) {
      try {
        station.context.record(operator, {
          kind: 'test.bulk',
          payload: { pad: 'x'.repeat(4000), i },
          op: { kind: 'order.problem', payload: { orderId: 'SO-2001', reason: 'x'.repeat(4000) } },
        });
      } catch (error) {
        failure = error;
      }
    }
    expect((failure as { code?: string }).code).toMatch(/^SQLITE_(FULL|IOERR)/);
    const afterFailure = stateOf(station) as { journal: number; outbox: number };
    expect(afterFailure.journal - (before as { journal: number }).journal).toBe(
      afterFailure.outbox - (before as { outbox: number }).outbox,
    );

    const refused = await station.call('session.signIn', { badge: '1002' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!refused.ok) expect(english(refused.error.message)).toMatch(/disk is full|disk reported an error/);
    expect(await station.call('session.current', {})).toEqual({ ok: true, value: null });

    rmSync(filler);
    const retried = await station.call('session.signIn', { badge: '1002' });
    expect(retried.ok).toBe(true);
    await station.close();
  });

  it('read-only data folder: the station refuses to start with a message that names the folder, and changes nothing', async () => {
    const dir = tempDir('wb-ro-').path;
    expect(tryMountTmpfs(dir, 4096)).toBe(true);
    mounted.push(dir);
    const station = await stationIn(dir);
    const before = stateOf(station);
    await station.close();
    execFileSync('mount', ['-o', 'remount,ro', dir]);

    const error = await openStationDatabase(join(dir, 'station.sqlite')).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(join(dir, 'station.sqlite'));
    expect((error as Error).message).toMatch(/read-only|readonly|unable to open/i);

    const fresh = join(dir, 'new-station');
    await expect(openStationDatabase(join(fresh, 'station.sqlite'))).rejects.toThrow(/Cannot create the folder/);

    execFileSync('mount', ['-o', 'remount,rw', dir]);
    const reopened = await openStationDatabase(join(dir, 'station.sqlite'));
    expect(reopened.prepare('SELECT (SELECT count(*) FROM journal) AS journal, (SELECT count(*) FROM outbox) AS outbox').get()).toEqual(
      before,
    );
    reopened.close();
  });
});

describe('storage faults inside SQLite (any machine)', () => {
  it('a database that cannot grow refuses an action whole: the change, its journal entry and its op', async () => {
    const dir = tempDir();
    mkdirSync(dir.path, { recursive: true });
    const station = await stationIn(dir.path);
    const operator = station.context.badges.holder('1002');
    if (!operator) throw new Error('demo packer missing');
    const pages = station.db.pragma('page_count', { simple: true }) as number;
    station.db.pragma(`max_page_count = ${pages + 2}`);
    const before = stateOf(station);
    let failed = false;
    for (let i = 0; i < 50 && !failed; i++) {
      try {
        station.context.record(operator, {
          kind: 'test.bulk',
          payload: { pad: 'y'.repeat(8000) },
          op: { kind: 'order.problem', payload: { orderId: 'SO-2001', reason: 'y'.repeat(8000) } },
        });
      } catch (error) {
        expect((error as { code?: string }).code).toBe('SQLITE_FULL');
        failed = true;
      }
    }
    expect(failed).toBe(true);
    const after = stateOf(station) as { journal: number; outbox: number };
    const b = before as { journal: number; outbox: number };
    expect(after.journal - b.journal).toBe(after.outbox - b.outbox);
    await station.close();
    dir.remove();
  });
});
