import { describe, expect, it } from 'vitest';
import { createStatementNames } from '../../server/db/prepared';
import { CREDENTIAL_MEMORY_MS, createCredentialMemory } from '../../server/plugins/auth';

const station = { id: 'st-1', siteId: 'site', name: 'Dock 1', role: 'receiving' };

describe('remembered station credentials', () => {
  it('answers a verified credential until its time is up, and nothing while revocations cannot be heard', () => {
    let now = 1_000;
    let hearing = true;
    const memory = createCredentialMemory(
      () => hearing,
      () => now,
    );
    memory.remember('hash-1', station, memory.generation());
    expect(memory.get('hash-1')).toEqual(station);
    now += CREDENTIAL_MEMORY_MS - 1;
    expect(memory.get('hash-1')).toEqual(station);
    now += 1;
    expect(memory.get('hash-1')).toBeUndefined();

    memory.remember('hash-1', station, memory.generation());
    hearing = false;
    expect(memory.get('hash-1')).toBeUndefined();
    memory.remember('hash-1', station, memory.generation());
    hearing = true;
    expect(memory.get('hash-1')).toBeUndefined();
  });

  it('forgets a revoked station at once, every station when revocations may have been missed, and keeps no look-up that raced a revocation', () => {
    const memory = createCredentialMemory(() => true);
    const other = { ...station, id: 'st-2' };
    memory.remember('hash-1', station, memory.generation());
    memory.remember('hash-2', other, memory.generation());
    memory.forget('st-1');
    expect(memory.get('hash-1')).toBeUndefined();
    expect(memory.get('hash-2')).toEqual(other);
    memory.forget(null);
    expect(memory.get('hash-2')).toBeUndefined();

    // A look-up read the station before its revocation was heard, and answers after it: not remembered.
    const readIn = memory.generation();
    memory.forget('st-1');
    memory.remember('hash-1', station, readIn);
    expect(memory.get('hash-1')).toBeUndefined();
  });
});

describe('named statements', () => {
  it('names a statement text from its third run on, the same name each time, and a different one for another text', () => {
    const names = createStatementNames();
    const text = 'SELECT * FROM change_log WHERE site_id = $1';
    expect(names.nameOf(text)).toBeUndefined();
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^wb_/);
    expect(names.nameOf(text)).toBe(name);
    const other = 'SELECT * FROM change_log WHERE site_id = $2';
    names.nameOf(other);
    names.nameOf(other);
    expect(names.nameOf(other)).not.toBe(name);
    expect(names.size()).toBe(2);
  });

  it('stops naming at 200 statement texts per process', () => {
    const names = createStatementNames();
    for (let i = 0; i < 250; i++) for (let run = 0; run < 3; run++) names.nameOf(`SELECT ${i}`);
    expect(names.size()).toBe(200);
    expect(names.nameOf('SELECT 10')).toMatch(/^wb_/);
    expect(names.nameOf('SELECT 240')).toBeUndefined();
  });
});
