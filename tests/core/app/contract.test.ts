import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CommandName, contract } from '../../../shared/contract';
import { contractExamples } from '../../support/contract-examples';
import { createTestStation, type TestStation } from '../../support/station-fixture';

const counts = (t: TestStation) =>
  t.db.prepare('SELECT (SELECT count(*) FROM journal) AS journal, (SELECT count(*) FROM outbox) AS outbox').get() as {
    journal: number;
    outbox: number;
  };

describe('contract through the real router', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
    await t.signIn('admin');
  });
  afterEach(async () => t.close());

  const names = Object.keys(contract) as CommandName[];

  it('has examples for every command', () => {
    expect(Object.keys(contractExamples).sort()).toEqual([...names].sort());
  });

  for (const name of names) {
    it(`${name}: refuses an invalid input with invalid_input and changes nothing`, async () => {
      const before = counts(t);
      const result = await t.station.call(name, contractExamples[name].invalid);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(['errors.invalidInput', 'errors.invalidField']).toContain(result.error.message.code);
      }
      expect(counts(t)).toEqual(before);
    });

    it(`${name}: accepts a valid input past validation`, async () => {
      const result = await t.station.call(name, contractExamples[name].valid);
      if (!result.ok) expect(['invalid_input', 'internal', 'unknown_command']).not.toContain(result.error.code);
      else expect(contract[name].output.safeParse(result.value).success).toBe(true);
    });
  }

  it('answers unknown_command for a command the contract does not have', async () => {
    const result = await t.station.call('drop.tables', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_command', message: { code: 'errors.unknownCommand' } } });
  });

  it('refuses a signed-in command when nobody is signed in', async () => {
    await t.call('session.signOut');
    const result = await t.station.call('scan.submit', { data: '123' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_signed_in');
  });

  it('refuses a supervisor command to a packer', async () => {
    await t.call('session.signIn', { badge: '1002' });
    const result = await t.station.call('sync.resolve', { opId: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
  });
});
