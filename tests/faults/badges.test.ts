import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createStation, type Station } from '../../electron/core/app/station';
import { StationConfig } from '../../electron/core/kernel/config';
import { FAILURES_BEFORE_LOCKOUT, FIRST_LOCKOUT_MS } from '../../electron/core/session/badge-checks';
import { loadDatasetIntoCache } from '../../electron/core/storage/load-demo';
import { createMasterDataWriter, createOperatorCredentials } from '../../electron/core/storage/master-data';
import { migrations } from '../../electron/core/storage/migrations';
import { openStationDatabase } from '../../electron/core/storage/open';
import { stationKeyPath } from '../../electron/core/storage/station-secret';
import { buildDemoDataset, demo } from '../../shared/demo/dataset';
import type { OperatorRecord } from '../../shared/domain/master-data';
import type { Result } from '../../shared/rpc';
import { manualClock } from '../support/station-fixture';
import { tempDir } from '../support/temp-dir';

/** A supervisor whose badge and PIN cannot turn up by chance in ids, timestamps or quantities. */
const SECRET_BADGE = 'BDG-7731-QX';
const SECRET_PIN = '482619';
const secretSupervisor: OperatorRecord = {
  id: 'OP-SEC',
  badge: SECRET_BADGE,
  pin: SECRET_PIN,
  name: 'Sam Secret',
  roles: ['supervisor', 'receiver', 'packer'],
  active: true,
};
const WRONG = 'BDG-0000-NO';

interface Bench {
  station: Station;
  db: Database.Database;
  clock: ReturnType<typeof manualClock>;
  dir: string;
  replies: Result<unknown>[];
  events: { event: string; payload: unknown }[];
  logLines: string[];
  call(command: string, input?: unknown): Promise<Result<unknown>>;
  scan(data: string): Promise<unknown>;
  reopen(): Promise<void>;
}

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) {
    await bench.station.close().catch(() => undefined);
    rmSync(bench.dir, { recursive: true, force: true });
  }
});

/** A real station on a real SQLite file, its log captured, every reply and event (own and a second connection's) kept. */
async function benchWith(options: { pinRequired?: boolean } = {}): Promise<Bench> {
  const dir = tempDir('wb-badges-').path;
  const clock = manualClock();
  const replies: Result<unknown>[] = [];
  const events: { event: string; payload: unknown }[] = [];
  const logLines: string[] = [];
  const open = async () => {
    const db = await openStationDatabase(join(dir, 'station.sqlite'));
    const log = pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) });
    const station = createStation({ db, clock, log, dataDir: dir, config: StationConfig.parse({}) });
    station.subscribe((event, payload) => events.push({ event, payload }));
    const spy = station.connect();
    spy.subscribe((event, payload) => events.push({ event, payload }));
    return { db, station };
  };
  const first = await open();
  const dataset = buildDemoDataset(clock.now());
  loadDatasetIntoCache(first.db, dataset);
  const write = createMasterDataWriter(first.db);
  first.db.transaction(() => {
    write.operator(secretSupervisor);
    write.siteSettings({ ...dataset.site, supervisorPinRequired: options.pinRequired ?? false });
  })();
  const bench: Bench = {
    ...first,
    clock,
    dir,
    replies,
    events,
    logLines,
    async call(command, input = {}) {
      const result = await bench.station.call(command, input);
      replies.push(result);
      return result;
    },
    scan: (data) =>
      bench.station.scan({ data, symbology: 'unknown', source: 'serial', at: clock.now().toISOString() }).then((feedback) => {
        replies.push({ ok: true, value: feedback });
        return feedback;
      }),
    async reopen() {
      await bench.station.close();
      const next = await open();
      bench.station = next.station;
      bench.db = next.db;
    },
  };
  benches.push(bench);
  return bench;
}

const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
const refusals = (db: Database.Database) =>
  (
    db.prepare("SELECT operator_id, payload FROM journal WHERE kind = 'badge.refused' ORDER BY seq").all() as {
      operator_id: string | null;
      payload: string;
    }[]
  ).map((r) => ({
    operatorId: r.operator_id,
    ...(JSON.parse(r.payload) as { purpose: string; reason: string; lockedUntil: string | null }),
  }));

describe('badges are secrets', () => {
  it('no journal entry, outbox op, reply, event, log line or cache file holds a badge', async () => {
    const t = await benchWith();
    // Wrong guesses, typed and scanned, then the supervisor signs in by typing and, later, by a scan.
    expect(codeOf(await t.call('session.signIn', { badge: WRONG }))).toBe('not_found');
    await t.scan(`${SECRET_BADGE}X`);
    expect(await t.call('session.signIn', { badge: SECRET_BADGE })).toMatchObject({ ok: true, value: { id: 'OP-SEC' } });
    expect(await t.call('session.current')).toMatchObject({ ok: true, value: { id: 'OP-SEC' } });

    // The supervisor's badge scanned as data on every screen, and used to approve.
    await t.scan(SECRET_BADGE);
    expect(codeOf(await t.call('workflow.select', { workflow: 'receiving' }))).toBe('ok');
    await t.scan('PO-1001');
    await t.scan(SECRET_BADGE);
    expect(
      codeOf(await t.call('receiving.linkBarcode', { code: 'LINK-ME-1', itemId: demo.items.bolt, supervisorBadge: SECRET_BADGE })),
    ).toBe('ok');
    expect(codeOf(await t.call('receiving.approve', { badge: WRONG }))).not.toBe('ok');
    expect(codeOf(await t.call('workflow.select', { workflow: 'packing' }))).toBe('ok');
    await t.scan(SECRET_BADGE);
    await t.call('journal.recent', { limit: 200 });
    await t.call('session.signOut');
    expect(await t.scan(SECRET_BADGE)).toMatchObject({ outcome: 'accepted' });
    await t.call('journal.recent', { limit: 200 });

    const journal = t.db.prepare('SELECT kind, payload FROM journal').all() as { kind: string; payload: string }[];
    const outbox = t.db.prepare('SELECT * FROM outbox').all();
    expect(journal.length).toBeGreaterThan(5);
    expect(journal.map((j) => j.kind)).toEqual(expect.arrayContaining(['session.signIn', 'badge.refused', 'receiving.barcode.link']));
    const everything = [
      ['journal', JSON.stringify(journal)],
      ['outbox', JSON.stringify(outbox)],
      ['replies', JSON.stringify(t.replies)],
      ['events', JSON.stringify(t.events)],
      ['log', t.logLines.join('')],
    ] as const;
    expect(t.events.some((e) => e.event === 'scan.result')).toBe(true);
    expect(t.events.some((e) => e.event === 'session.changed')).toBe(true);
    for (const [where, text] of everything) {
      expect({ where, badge: text.includes(SECRET_BADGE) }).toEqual({ where, badge: false });
      expect({ where, guess: text.includes(WRONG) }).toEqual({ where, guess: false });
      expect({ where, operatorBadgeField: /"badge"\s*:/.test(text) }).toEqual({ where, operatorBadgeField: false });
    }
    await t.station.close();
    for (const file of ['station.sqlite', 'station.sqlite-wal']) {
      const bytes = (() => {
        try {
          return readFileSync(join(t.dir, file)).toString('latin1');
        } catch {
          return '';
        }
      })();
      expect({ file, badge: bytes.includes(SECRET_BADGE), pin: bytes.includes(SECRET_PIN) }).toEqual({ file, badge: false, pin: false });
    }
  });

  it('a cache from before the keyed hashes is converted: badges become hashes and still sign in', async () => {
    const dir = tempDir('wb-badge-migration-');
    const path = join(dir.path, 'station.sqlite');
    const old = new Database(path);
    old.transaction(() => {
      for (const m of migrations.slice(0, 5)) {
        m.up(old);
        old.pragma(`user_version = ${m.version}`);
      }
    })();
    old
      .prepare("INSERT INTO operators (id, badge, name, roles, active) VALUES ('OP-OLD', ?, 'Olga Old', '[\"receiver\"]', 1)")
      .run(SECRET_BADGE);
    old.close();

    const db = await openStationDatabase(path);
    const columns = (db.prepare('PRAGMA table_info(operators)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('badge_hash');
    expect(columns).not.toContain('badge');
    expect(createOperatorCredentials(db).byBadge(SECRET_BADGE)).toMatchObject({ id: 'OP-OLD' });
    expect(createOperatorCredentials(db).byBadge(WRONG)).toBeNull();
    expect(JSON.stringify(db.prepare('SELECT * FROM operators').all())).not.toContain(SECRET_BADGE);
    db.close();

    // The key lives outside the cache: without it the hashes are useless, so the operators are dropped for a full pull.
    rmSync(stationKeyPath(path));
    const rekeyed = await openStationDatabase(path);
    expect(rekeyed.prepare('SELECT count(*) AS n FROM operators').get()).toEqual({ n: 0 });
    rekeyed.close();
    dir.remove();
  });
});

describe('badge guessing is locked out per station', () => {
  it('five failures lock every badge check for 30 s, the next five for 60 s; a good badge between guesses resets nothing', async () => {
    const t = await benchWith();
    for (let i = 0; i < FAILURES_BEFORE_LOCKOUT - 1; i++)
      expect(codeOf(await t.call('session.signIn', { badge: `${WRONG}${i}` }))).toBe('not_found');
    // An operator who knows their own badge signs in and out between guesses: the count goes on.
    expect(codeOf(await t.call('session.signIn', { badge: demo.badges.receiver }))).toBe('ok');
    await t.call('session.signOut');
    expect(codeOf(await t.call('session.signIn', { badge: WRONG }))).toBe('not_found');

    // Locked: even the right badge is not checked, by typing, by scan or to approve.
    expect(codeOf(await t.call('session.signIn', { badge: SECRET_BADGE }))).toBe('locked');
    expect(await t.scan(SECRET_BADGE)).toMatchObject({ outcome: 'refused', reason: 'locked' });
    expect(await t.call('session.current')).toEqual({ ok: true, value: null });

    t.clock.advance(FIRST_LOCKOUT_MS - 1000);
    expect(codeOf(await t.call('session.signIn', { badge: SECRET_BADGE }))).toBe('locked');
    t.clock.advance(1000);
    expect(codeOf(await t.call('session.signIn', { badge: demo.badges.receiver }))).toBe('ok');

    // Approvals count against the same lockout, and the second lockout lasts twice as long.
    expect(codeOf(await t.call('workflow.select', { workflow: 'receiving' }))).toBe('ok');
    for (let i = 0; i < FAILURES_BEFORE_LOCKOUT; i++) {
      const refused = await t.call('receiving.linkBarcode', {
        code: `LINK-${i}`,
        itemId: demo.items.bolt,
        supervisorBadge: `${WRONG}${i}`,
      });
      expect(codeOf(refused)).toBe('forbidden');
    }
    expect(codeOf(await t.call('receiving.linkBarcode', { code: 'LINK-X', itemId: demo.items.bolt, supervisorBadge: SECRET_BADGE }))).toBe(
      'locked',
    );
    // A restart does not end a lockout.
    await t.reopen();
    t.clock.advance(FIRST_LOCKOUT_MS);
    expect(codeOf(await t.call('session.signIn', { badge: SECRET_BADGE }))).toBe('locked');
    t.clock.advance(FIRST_LOCKOUT_MS);
    expect(codeOf(await t.call('session.signIn', { badge: SECRET_BADGE }))).toBe('ok');

    // Every failure is journaled, with its reason and never the badge; locked attempts are not checked at all.
    const journaled = refusals(t.db);
    expect(journaled).toHaveLength(2 * FAILURES_BEFORE_LOCKOUT);
    expect(journaled.map((r) => r.purpose)).toEqual([...Array(5).fill('signIn'), ...Array(5).fill('approval')]);
    expect(journaled.every((r) => r.reason === 'unknown_badge' && r.operatorId === null)).toBe(true);
    expect(journaled.filter((r) => r.lockedUntil !== null)).toHaveLength(2);
    expect(JSON.stringify(journaled)).not.toContain(WRONG);
  });

  it('a wrong PIN and a badge of someone who may not approve count as failures too', async () => {
    const t = await benchWith({ pinRequired: true });
    await t.call('session.signIn', { badge: demo.badges.receiver });
    await t.call('workflow.select', { workflow: 'receiving' });
    expect(
      codeOf(await t.call('receiving.linkBarcode', { code: 'L-1', itemId: demo.items.bolt, supervisorBadge: demo.badges.packer })),
    ).toBe('forbidden');
    expect(
      codeOf(
        await t.call('receiving.linkBarcode', {
          code: 'L-2',
          itemId: demo.items.bolt,
          supervisorBadge: SECRET_BADGE,
          supervisorPin: '000000',
        }),
      ),
    ).toBe('forbidden');
    expect(refusals(t.db).map((r) => [r.reason, r.operatorId])).toEqual([
      ['not_supervisor', 'OP-BEN'],
      ['wrong_pin', 'OP-SEC'],
    ]);
  });
});

describe('a PIN after the badge where the site asks for one', () => {
  it('supervisors and admins sign in and approve with badge and PIN; other operators with the badge alone', async () => {
    const t = await benchWith({ pinRequired: true });
    expect(codeOf(await t.call('session.signIn', { badge: SECRET_BADGE }))).toBe('pin_required');
    expect(await t.scan(SECRET_BADGE)).toMatchObject({ outcome: 'refused', reason: 'pin_required' });
    expect(codeOf(await t.call('session.signIn', { badge: SECRET_BADGE, pin: '111111' }))).toBe('forbidden');
    expect(await t.call('session.current')).toEqual({ ok: true, value: null });
    expect(codeOf(await t.call('session.signIn', { badge: demo.badges.admin, pin: demo.pins.supervisor }))).toBe('forbidden');
    expect(await t.call('session.signIn', { badge: SECRET_BADGE, pin: SECRET_PIN })).toMatchObject({ ok: true, value: { id: 'OP-SEC' } });
    await t.call('session.signOut');

    expect(codeOf(await t.call('session.signIn', { badge: demo.badges.receiver }))).toBe('ok');
    await t.call('workflow.select', { workflow: 'receiving' });
    const link = { itemId: demo.items.bolt, supervisorBadge: demo.badges.supervisor };
    expect(codeOf(await t.call('receiving.linkBarcode', { code: 'PIN-1', ...link }))).toBe('pin_required');
    expect(codeOf(await t.call('receiving.linkBarcode', { code: 'PIN-1', ...link, supervisorPin: demo.pins.supervisor }))).toBe('ok');
    expect(refusals(t.db).map((r) => r.reason)).toEqual(['wrong_pin', 'wrong_pin']);
  });

  it('without the site setting, no PIN is asked', async () => {
    const t = await benchWith();
    expect(codeOf(await t.call('session.signIn', { badge: SECRET_BADGE }))).toBe('ok');
  });
});
