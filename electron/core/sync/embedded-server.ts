import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { DemoDataset } from '../../../shared/demo/dataset';
import type { Logger } from '../kernel/log';

export interface EmbeddedServer {
  url: string;
  adminKey: string;
  siteId: string;
  /** A fresh one-time enrollment code for a station of the demo site. */
  enrollmentCode(): Promise<string>;
  close(): Promise<void>;
}

/** The site admin key of the embedded server: made once, kept beside its data, readable by the owner only. */
function adminKeyIn(dir: string): string {
  const path = join(dir, 'admin-key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const key = `local-${randomBytes(24).toString('base64url')}`;
  writeFileSync(path, key, { mode: 0o600 });
  return key;
}

/**
 * The embedded default: the central server in-process on PGlite, on 127.0.0.1, with the demo site loaded
 * through its own ERP API on first start. The station then enrolls and syncs with it like with any server.
 * The server modules load lazily: a station linked to a real server never loads them.
 */
export async function startEmbeddedServer(options: {
  dataDir: string;
  log: Logger;
  dataset: () => DemoDataset;
  port?: number;
}): Promise<EmbeddedServer> {
  const [{ openServerDb }, { migrate }, { createServer }, { importDataset }] = await Promise.all([
    import('../../../server/db/open'),
    import('../../../server/db/migrate'),
    import('../../../server/app'),
    import('../../../server/dataset-import'),
  ]);
  const dir = join(options.dataDir, 'server-data');
  mkdirSync(dir, { recursive: true });
  const db = await openServerDb({ dataDir: join(dir, 'pglite') });
  await migrate(db.db);
  const adminKey = adminKeyIn(dir);
  const app = await createServer({ db, adminKey, log: options.log.child({ component: 'embedded-server' }), requestLogging: false });
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const dataset = options.dataset();
  const loadedMarker = join(dir, 'demo-site-loaded');
  if (!existsSync(loadedMarker)) {
    await importDataset(url, adminKey, dataset);
    writeFileSync(loadedMarker, new Date().toISOString());
    options.log.info({ url }, 'embedded server: demo site loaded');
  }
  return {
    url,
    adminKey,
    siteId: dataset.site.siteId,
    async enrollmentCode() {
      const response = await fetch(`${url}/api/v1/enrollment-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ siteId: dataset.site.siteId }),
      });
      if (!response.ok) throw new Error(`embedded server refused an enrollment code: HTTP ${response.status}`);
      return ((await response.json()) as { code: string }).code;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
