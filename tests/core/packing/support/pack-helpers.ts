import { createMasterDataWriter } from '../../../../electron/core/storage/master-data';
import type { ScanFeedback } from '../../../../shared/contract/station';
import { DEMO_COMPANY_PREFIX } from '../../../../shared/demo/dataset';
import { makeGtin14 } from '../../../../shared/demo/gtin';
import type { Order } from '../../../../shared/domain/master-data';
import type { PackState } from '../../../../shared/domain/packing';
import { Op } from '../../../../shared/sync-protocol';
import type { TestStation } from '../../../support/station-fixture';

/** Item references of the demo items (GTIN = makeGtin14(indicator, prefix, ref)). */
export const refs = { bolt: 1, yoghurt: 2, scanner: 3, mug: 4, tape: 5, battery: 6 } as const;

export const unitGtin = (item: keyof typeof refs): string => makeGtin14(0, DEMO_COMPANY_PREFIX, refs[item]);
export const caseGtin = (item: keyof typeof refs): string => makeGtin14(1, DEMO_COMPANY_PREFIX, refs[item]);

/** A GS1 scan in human-readable form: (01) GTIN, (17) expiry YYMMDD, (10) lot, (21) serial. */
export function gs1(gtin: string, fields: { expiry?: string; lot?: string; serial?: string } = {}): string {
  return `(01)${gtin}${fields.expiry ? `(17)${fields.expiry}` : ''}${fields.lot ? `(10)${fields.lot}` : ''}${fields.serial ? `(21)${fields.serial}` : ''}`;
}

/** A scan entering through the station's scan path, as a hardware scanner delivers it. */
export function scanner(t: TestStation) {
  return (data: string): Promise<ScanFeedback> =>
    t.station.scan({ data, symbology: 'unknown', source: 'serial', deviceId: 'pack-scanner', at: t.clock.now().toISOString() });
}

export const state = (t: TestStation): Promise<PackState> => t.call<PackState>('packing.state');

/** Everything a stop must leave as it was: units, cartons, outbox ops, order statuses, line progress. */
export function snapshot(t: TestStation): unknown {
  const db = t.db;
  return {
    units: db.prepare('SELECT * FROM pack_units ORDER BY id').all(),
    cartons: db.prepare('SELECT * FROM pack_cartons ORDER BY id').all(),
    outbox: db.prepare('SELECT kind, payload FROM outbox ORDER BY seq').all(),
    orders: db.prepare('SELECT id, status FROM orders ORDER BY id').all(),
    packOrders: db.prepare('SELECT * FROM pack_orders ORDER BY order_id').all(),
  };
}

/** The station's outbox ops, each checked against the sync protocol's Op schema. */
export function outboxOps(t: TestStation): Op[] {
  const rows = t.db.prepare('SELECT * FROM outbox ORDER BY seq').all() as {
    op_id: string;
    seq: number;
    kind: string;
    at: string;
    operator_id: string;
    payload: string;
  }[];
  return rows.map((r) =>
    Op.parse({ opId: r.op_id, stationSeq: r.seq, kind: r.kind, at: r.at, operatorId: r.operator_id, payload: JSON.parse(r.payload) }),
  );
}

/** An order as a sync pull writes it into the station cache. */
export function writeOrder(
  t: TestStation,
  order: Omit<Order, 'shipTo' | 'carrier' | 'service' | 'notes' | 'gift' | 'fragile' | 'status' | 'tote'> & Partial<Order>,
): void {
  const full: Order = {
    tote: null,
    carrier: 'HOUSE',
    service: 'STANDARD',
    notes: '',
    gift: false,
    fragile: false,
    status: 'open',
    shipTo: {
      name: 'Lea Test',
      company: '',
      street1: 'Teststraat 1',
      street2: '',
      city: 'Utrecht',
      region: '',
      postalCode: '3511 AB',
      country: 'NL',
      phone: '',
    },
    ...order,
  };
  const db = t.db;
  db.transaction(() => createMasterDataWriter(db).order(full))();
}

export function setOrderStatus(t: TestStation, orderId: string, status: Order['status']): void {
  const order = t.dataset.orders.find((o) => o.id === orderId);
  if (!order) throw new Error(`no demo order ${orderId}`);
  writeOrder(t, { ...order, status });
}
