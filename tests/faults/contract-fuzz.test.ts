import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandName, contract } from '../../shared/contract';
import { ResultSchema } from '../../shared/rpc';
import { createTestStation, type TestStation } from '../support/station-fixture';

/** Strings people and attackers actually send: ZPL control, SQL, huge, control characters, unicode. */
const hostileString = fc.oneof(
  fc.constantFrom(
    '^XA^FDboom^FS^XZ',
    '~JR',
    "'; DROP TABLE items; --",
    '" OR 1=1 --',
    '\u0000',
    '\u001d\u001d',
    '../../etc/passwd',
    '%s%s%n',
    '<script>alert(1)</script>',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '1e309',
    '-0',
    'NaN',
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('badge', 'data', 'id', 'limit', 'workflow', 'role', 'valueKg', '__proto__', 'constructor'),
        fc.string({ maxLength: 8 }),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

const counts = (t: TestStation) =>
  t.db
    .prepare(
      'SELECT (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM orders) AS orders',
    )
    .get();

describe('every contract command under random and hostile input', () => {
  let t: TestStation;
  beforeAll(async () => {
    t = await createTestStation();
  });
  afterAll(async () => t.close());

  const names = Object.keys(contract) as CommandName[];

  it('always answers a well-formed Result, never throws, and stores nothing for refused input', async () => {
    await t.signIn('admin');
    const before = counts(t);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), hostileValue, async (command, input) => {
        const result = await t.station.call(command, input);
        expect(ResultSchema.safeParse(result).success).toBe(true);
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(result.error.message.length).toBeLessThan(20_000);
        }
        if (command === 'session.signOut' || command === 'session.signIn') await t.signIn('admin');
      }),
      { numRuns: 600 },
    );
    expect(counts(t)).toEqual(before);
  });

  it('answers unknown, prototype-polluting or hostile command names with unknown_command', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')), async (name) => {
        fc.pre(!Object.hasOwn(contract, name));
        const result = await t.station.call(name, {});
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
      }),
      { numRuns: 200 },
    );
  });

  it('treats hostile scan data as data: refused or answered, never executed', async () => {
    await t.signIn('packer');
    await fc.assert(
      fc.asyncProperty(
        hostileString.filter((s) => s.length > 0 && s.length <= 4096),
        async (data) => {
          const result = await t.station.call('scan.submit', { data });
          expect(ResultSchema.safeParse(result).success).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    expect((t.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(t.dataset.items.length);
  });
});
