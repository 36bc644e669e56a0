import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMasterDataWriter, createOperatorCredentials } from '../../../electron/core/storage/master-data';
import { openStationDatabase } from '../../../electron/core/storage/open';
import { OperatorRecord } from '../../../shared/domain/master-data';
import { tempDir } from '../../support/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function cache() {
  const dir = tempDir('wb-operator-language-');
  const db = await openStationDatabase(join(dir.path, 'station.sqlite'));
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  return db;
}

describe("an operator's own language", () => {
  it('comes from the master data, is kept in the cache and given with the operator at sign-in', async () => {
    const db = await cache();
    const write = createMasterDataWriter(db);
    write.operator(OperatorRecord.parse({ id: 'OP-ES', badge: 'B-ES', name: 'Lucía', roles: ['packer'], locale: 'es' }));
    write.operator(OperatorRecord.parse({ id: 'OP-ANY', badge: 'B-ANY', name: 'Ana', roles: ['receiver'] }));
    const badges = createOperatorCredentials(db);
    expect(badges.byBadge('B-ES')).toMatchObject({ id: 'OP-ES', locale: 'es' });
    expect(badges.byBadge('B-ANY')).toMatchObject({ id: 'OP-ANY', locale: null });

    // The ERP changes her language: the next pull writes it over.
    write.operator(OperatorRecord.parse({ id: 'OP-ES', badge: 'B-ES', name: 'Lucía', roles: ['packer'], locale: 'de' }));
    expect(badges.byBadge('B-ES')).toMatchObject({ locale: 'de' });
  });

  it('a language the screens do not speak is refused at the boundary, and the cache takes none', async () => {
    const db = await cache();
    expect(OperatorRecord.safeParse({ id: 'OP-FR', badge: 'B-FR', name: 'Zoé', roles: ['packer'], locale: 'fr' }).success).toBe(false);
    createMasterDataWriter(db).operator(OperatorRecord.parse({ id: 'OP-X', badge: 'B-X', name: 'X', roles: ['packer'] }));
    expect(() => db.prepare("UPDATE operators SET locale = 'fr' WHERE id = 'OP-X'").run()).toThrow(/CHECK/);
  });
});
