import type { StationProcess } from './station-process';

/** Reads the embedded central server's ERP API, as an ERP or a supervisor's report would. */
export async function serverRead<T>(station: StationProcess, path: string): Promise<T> {
  const server = station.server;
  if (!server) throw new Error('the station was not started with its embedded server');
  const response = await fetch(`${server.url}/api/v1/sites/${server.siteId}${path}`, {
    headers: { authorization: `Bearer ${server.adminKey}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface LedgerEntry {
  kind: string;
  itemId: string;
  lot: string | null;
  serial: string | null;
  location: string | null;
  lpn: string | null;
  qty: number;
  held: boolean;
  operatorId: string;
}
export interface ReceiptLine {
  poId: string;
  poLineNo: number | null;
  itemId: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
  serial: string | null;
  lpn: string | null;
  undoneBy: string | null;
}
export interface Shipment {
  cartonId: string;
  orderId: string;
  sscc: string;
  overrideBy: string | null;
  overrideReason: string | null;
  tracking: string;
  shippedAt?: string | null;
}

/** Polls until `read` returns something `ready` accepts: the station pushes within moments, not at once. */
export async function eventually<T>(read: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ready(last)) {
    if (Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}
