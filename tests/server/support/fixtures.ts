import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import {
  Item,
  type OperatorRecord,
  type Order,
  type PurchaseOrder,
  type Role,
  type SiteSettings,
} from '../../../shared/domain/master-data';
import type { Op, OpKind, OpOf } from '../../../shared/sync-protocol';
import { EnrollResponse } from '../../../shared/sync-protocol';
import type { Api, HttpResult } from './harness';

export function siteSettings(siteId: string, overrides: Partial<SiteSettings> = {}): Omit<SiteSettings, 'siteId'> {
  return {
    siteName: `Site ${siteId}`,
    gs1CompanyPrefix: '0614141',
    shipFrom: {
      name: 'Dock',
      company: 'Warebench',
      street1: '1 Main St',
      street2: '',
      city: 'Springfield',
      region: '',
      postalCode: '12345',
      country: 'US',
      phone: '',
    },
    weightTolerancePct: 5,
    weightToleranceG: 50,
    smallCartonG: 500,
    smallCartonTolerancePct: 3,
    allowQuantityKeys: true,
    defaultOverReceiptTolerancePct: 0,
    ...overrides,
  };
}

export function item(id: string, overrides: Partial<Item> = {}): Item {
  return Item.parse({
    id,
    sku: `SKU-${id}`,
    description: `Item ${id}`,
    barcodes: [{ code: `0000${id}`.slice(-8), packQty: 1 }],
    unitWeightG: 100,
    lengthMm: 10,
    widthMm: 10,
    heightMm: 10,
    ...overrides,
  });
}

export function purchaseOrder(id: string, lines: { itemId: string; qty: number }[], overrides: Partial<PurchaseOrder> = {}): PurchaseOrder {
  return {
    id,
    number: `PO-${id}`,
    supplier: 'Acme',
    status: 'open',
    expectedDate: null,
    overReceiptTolerancePct: 0,
    lines: lines.map((l, i) => ({ lineNo: i + 1, itemId: l.itemId, qtyOrdered: l.qty })),
    ...overrides,
  };
}

export function order(id: string, lines: { itemId: string; qty: number }[]): Order {
  return {
    id,
    number: `SO-${id}`,
    tote: null,
    shipTo: {
      name: 'Ann Buyer',
      company: '',
      street1: '2 Elm St',
      street2: '',
      city: 'Shelbyville',
      region: '',
      postalCode: '54321',
      country: 'US',
      phone: '',
    },
    carrier: 'UPS',
    service: 'GROUND',
    notes: '',
    gift: false,
    fragile: false,
    status: 'open',
    lines: lines.map((l, i) => ({ lineNo: i + 1, itemId: l.itemId, qty: l.qty })),
  };
}

/** Makes ops with fresh UUIDv7 ids and a rising stationSeq, like a station does. */
export function opFactory(operatorId = 'op-1') {
  let seq = 0;
  return <K extends OpKind>(kind: K, payload: OpOf<K>['payload']): Op =>
    ({ opId: uuidv7(), stationSeq: ++seq, kind, at: new Date().toISOString(), operatorId, payload }) as Op;
}

export function receiptLine(
  poId: string,
  poLineNo: number | null,
  itemId: string,
  qty: number,
  extra: Partial<OpOf<'receipt.line'>['payload']> = {},
) {
  return {
    receiptId: `R-${poId}`,
    poId,
    asnId: null,
    poLineNo,
    itemId,
    qty,
    lot: null,
    expiry: null,
    serial: null,
    condition: 'good' as const,
    reason: null,
    lpn: null,
    onHold: false,
    ...extra,
  };
}

/** An operator of the site with a badge of their own id. */
export function operator(id: string, roles: Role[]): OperatorRecord {
  return { id, badge: `BADGE-${id}`, name: id, roles, active: true };
}

/** Creates a site with a few items and an open PO (and the operators given), and enrolls one station. */
export async function seedSite(
  api: Api,
  siteId: string,
  options: { items?: Item[]; pos?: PurchaseOrder[]; orders?: Order[]; operators?: OperatorRecord[] } = {},
) {
  const put = await api('PUT', `/api/v1/sites/${siteId}`, { body: siteSettings(siteId) });
  if (put.status !== 200) throw new Error(`site: ${put.status} ${JSON.stringify(put.body)}`);
  const items = options.items ?? [item('A'), item('B'), item('C')];
  await expectOk(api('POST', `/api/v1/sites/${siteId}/items`, { body: { items } }));
  await expectOk(
    api('POST', `/api/v1/sites/${siteId}/locations`, {
      body: {
        locations: [
          { code: 'A-01', zone: 'A' },
          { code: 'A-02', zone: 'A' },
        ],
      },
    }),
  );
  if (options.pos) await expectOk(api('POST', `/api/v1/sites/${siteId}/purchase-orders`, { body: { purchaseOrders: options.pos } }));
  if (options.orders) await expectOk(api('POST', `/api/v1/sites/${siteId}/orders`, { body: { orders: options.orders } }));
  if (options.operators) await expectOk(api('POST', `/api/v1/sites/${siteId}/operators`, { body: { operators: options.operators } }));
  return enrollStation(api, siteId);
}

export async function enrollStation(api: Api, siteId: string, stationName = 'bench-1') {
  const code = bodyOf(z.object({ code: z.string() }), await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId } }), 201));
  const enrolled = await expectOk(
    api('POST', '/sync/v1/enroll', { token: null, body: { code: code.code, stationName, role: 'both' } }),
    201,
  );
  return bodyOf(EnrollResponse, enrolled);
}

export async function expectOk(promise: Promise<HttpResult>, status = 200): Promise<HttpResult> {
  const result = await promise;
  if (result.status !== status) throw new Error(`expected HTTP ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  return result;
}

/** The response body checked against a schema. */
export function bodyOf<T>(schema: z.ZodType<T>, result: HttpResult): T {
  return schema.parse(result.body);
}

export const ErrorResult = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
