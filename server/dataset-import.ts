import type { DemoDataset } from '../shared/demo/dataset';

const BULK = 500;

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Loads a dataset into a site through the ERP API, exactly as an ERP would (idempotent upserts by id).
 * Returns whether the site was new.
 */
export async function importDataset(
  baseUrl: string,
  adminKey: string,
  data: DemoDataset,
  doFetch: Fetch = fetch,
): Promise<{ created: boolean }> {
  const api = async (method: string, path: string, body: unknown): Promise<unknown> => {
    const response = await doFetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const { siteId, ...settings } = data.site;
  const site = (await api('PUT', `/sites/${siteId}`, settings)) as { created: boolean };
  const bulk = async (path: string, key: string, records: unknown[]) => {
    for (let i = 0; i < records.length; i += BULK) await api('POST', `/sites/${siteId}/${path}`, { [key]: records.slice(i, i + BULK) });
  };
  await bulk('operators', 'operators', data.operators);
  await bulk('items', 'items', data.items);
  await bulk('locations', 'locations', data.locations);
  await bulk('carton-types', 'cartonTypes', data.cartonTypes);
  await bulk('purchase-orders', 'purchaseOrders', data.purchaseOrders);
  await bulk('asns', 'asns', data.asns);
  await bulk('orders', 'orders', data.orders);
  for (const hold of data.holds) {
    await api('POST', `/sites/${siteId}/holds`, {
      id: hold.id,
      kind: hold.kind,
      itemId: hold.itemId,
      lot: hold.lot,
      location: hold.location,
      reason: hold.reason,
    });
  }
  await bulk('rmas', 'rmas', data.rmas);
  if (data.countTasks.length > 0)
    await api('POST', `/sites/${siteId}/count-tasks`, {
      tasks: data.countTasks.map(({ id, scope, location, itemId, lpn, blind }) => ({ id, scope, location, itemId, lpn, blind })),
    });
  return { created: site.created };
}
