import { expect } from 'vitest';
import type { ScanFeedback } from '../../../../shared/contract/station';
import { DEMO_COMPANY_PREFIX } from '../../../../shared/demo/dataset';
import { makeGtin14 } from '../../../../shared/demo/gtin';
import type { ReceiptView, ReceivingAction } from '../../../../shared/domain/receiving';
import { Op } from '../../../../shared/sync-protocol';
import type { TestStation } from '../../../support/station-fixture';

export const GS = '\u001d';

/** Demo item GTINs: the unit (indicator 0) and the case (indicator 1). */
export const gtins = {
  bolt: { unit: makeGtin14(0, DEMO_COMPANY_PREFIX, 1), case: makeGtin14(1, DEMO_COMPANY_PREFIX, 1) },
  yoghurt: { unit: makeGtin14(0, DEMO_COMPANY_PREFIX, 2), case: makeGtin14(1, DEMO_COMPANY_PREFIX, 2) },
  scanner: { unit: makeGtin14(0, DEMO_COMPANY_PREFIX, 3), case: makeGtin14(1, DEMO_COMPANY_PREFIX, 3) },
  mug: { unit: makeGtin14(0, DEMO_COMPANY_PREFIX, 4), case: makeGtin14(1, DEMO_COMPANY_PREFIX, 4) },
  tape: { unit: makeGtin14(0, DEMO_COMPANY_PREFIX, 5), case: makeGtin14(1, DEMO_COMPANY_PREFIX, 5) },
};

/** YYMMDD of the date `days` after the station clock's today. */
export function gs1Date(t: TestStation, days: number): string {
  const d = new Date(t.clock.now().getTime() + days * 86_400_000);
  return `${String(d.getFullYear()).slice(2)}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

export function isoDays(t: TestStation, days: number): string {
  const d = new Date(t.clock.now().getTime() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A scan from the bench's serial scanner, as the device layer hands it to the station. */
export function scan(t: TestStation, data: string, aimId?: ']C1' | ']d2'): Promise<ScanFeedback> {
  const symbology = aimId === ']C1' ? 'gs1-128' : aimId === ']d2' ? 'gs1-datamatrix' : 'unknown';
  return t.station.scan({ data, symbology, ...(aimId ? { aimId } : {}), source: 'serial', at: t.clock.now().toISOString() });
}

export async function onReceiving(t: TestStation, who: 'receiver' | 'supervisor' = 'receiver'): Promise<void> {
  await t.signIn(who);
  await t.call('workflow.select', { workflow: 'receiving' });
}

export const current = (t: TestStation) => t.call<ReceiptView | null>('receiving.current');

export async function view(t: TestStation): Promise<ReceiptView> {
  const v = await current(t);
  if (!v) throw new Error('no receipt open');
  return v;
}

export const line = (v: ReceiptView, lineNo: number) => {
  const l = v.lines.find((x) => x.poLineNo === lineNo);
  if (!l) throw new Error(`no line ${lineNo}`);
  return l;
};

export const act = (t: TestStation, command: string, input: unknown = {}) => t.call<ReceivingAction>(command, input);

/** Everything a refused action must leave as it was. */
export function snapshot(t: TestStation) {
  return t.db
    .prepare(`SELECT (SELECT count(*) FROM receipt_lines) AS lines, (SELECT count(*) FROM receipt_lines WHERE undone_at IS NOT NULL) AS undone,
      (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM receipts) AS receipts, (SELECT count(*) FROM receiving_lpns) AS lpns,
      (SELECT count(*) FROM item_barcodes) AS barcodes`)
    .get() as Record<string, number>;
}

export interface OutboxRow {
  seq: number;
  op_id: string;
  kind: string;
  at: string;
  operator_id: string;
  payload: string;
}

/** The outbox as the sync client would push it, each op checked against the sync protocol's schema. */
export function outboxOps(t: TestStation): Op[] {
  const rows = t.db.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];
  return rows.map((r) => {
    const parsed = Op.safeParse({
      opId: r.op_id,
      stationSeq: r.seq,
      at: r.at,
      operatorId: r.operator_id,
      kind: r.kind,
      payload: JSON.parse(r.payload) as unknown,
    });
    expect(parsed.success, `op ${r.kind} ${r.payload}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  });
}

export const opsOf = <K extends Op['kind']>(t: TestStation, kind: K) =>
  outboxOps(t).filter((o): o is Extract<Op, { kind: K }> => o.kind === kind);
