import { randomUUID } from 'node:crypto';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator } from '../../../shared/domain/master-data';
import type {
  ReturnCondition,
  ReturnDisposition,
  ReturnLineView,
  ReturnsState,
  ReturnUnitView,
  ReturnView,
  Rma,
} from '../../../shared/domain/returns';
import { message } from '../../../shared/messages';
import { holdCovers } from '../../../shared/rules/holds';
import { dispositionHolds, judgeDisposition, lotExpired, type ReturnedUnitFacts, returnLocation } from '../../../shared/rules/returns';
import type { ParsedScan } from '../../../shared/scan';
import type { StationContext } from '../context';
import { isoAt } from '../kernel/clock';
import { conflict, notFound, ruleError } from '../kernel/errors';
import { feedback } from '../session';
import { syncOp } from '../storage/sync-op';
import type { ReturnRow, ReturnsRepo, ReturnUnitRow } from './repo';

export interface ReturnsDeps {
  ctx: StationContext;
  repo: ReturnsRepo;
}

export const changed = (deps: ReturnsDeps, reason: string): void => deps.ctx.bus.emit('workflow.changed', { workflow: 'returns', reason });

function activeRma(deps: ReturnsDeps, ret: ReturnRow): Rma {
  const row = deps.repo.rma(ret.rma_id);
  if (!row) throw notFound('errors.notFound', { document: ret.rma_id });
  return deps.repo.parseRma(row);
}

/** The facts the disposition rules judge a unit by: its condition, and whether its lot is expired or held today. */
function unitFacts(deps: ReturnsDeps, unit: ReturnUnitRow, condition: ReturnCondition): ReturnedUnitFacts {
  const today = isoAt(deps.ctx.clock).slice(0, 10);
  const covering = deps.repo
    .holdsOfItem(unit.item_id)
    .filter((h) => holdCovers({ kind: h.kind, itemId: h.item_id, lot: h.lot }, { itemId: unit.item_id, lot: unit.lot }));
  return {
    condition,
    expired: lotExpired(unit.expiry, today),
    held: covering.some((h) => h.recall === 0),
    recalled: covering.some((h) => h.recall === 1),
  };
}

function unitView(deps: ReturnsDeps, unit: ReturnUnitRow): ReturnUnitView {
  const item = deps.repo.item(unit.item_id);
  return {
    unitId: unit.id,
    itemId: unit.item_id,
    sku: item?.sku ?? unit.item_id,
    description: item?.description ?? '',
    lot: unit.lot,
    serial: unit.serial,
    qty: unit.qty,
    condition: unit.condition,
    disposition: unit.disposition,
    allowed: unit.condition ? judgeDisposition(unitFacts(deps, unit, unit.condition)).allowed : [],
    location: unit.location,
    held: unit.held === 1,
    onRma: unit.on_rma === 1,
    approvedBy: unit.approved_by,
  };
}

function returnView(deps: ReturnsDeps, ret: ReturnRow): ReturnView {
  const rma = activeRma(deps, ret);
  const units = deps.repo.units(ret.id);
  const itemIds = [...new Set([...rma.lines.map((l) => l.itemId), ...rma.shipped.map((s) => s.itemId), ...units.map((u) => u.item_id)])];
  const lines: ReturnLineView[] = itemIds.map((itemId) => {
    const item = deps.repo.item(itemId);
    const shipped = rma.shipped.filter((s) => s.itemId === itemId);
    const line = rma.lines.find((l) => l.itemId === itemId);
    return {
      lineNo: line?.lineNo ?? null,
      itemId,
      sku: item?.sku ?? itemId,
      description: item?.description ?? '',
      shipped: shipped.reduce((n, s) => n + s.qty, 0),
      expected: rma.lines.filter((l) => l.itemId === itemId).reduce((n, l) => n + l.qty, 0),
      received: units.filter((u) => u.item_id === itemId).reduce((n, u) => n + u.qty, 0),
      serials: shipped.flatMap((s) => (s.serial ? [s.serial] : [])),
      lots: [...new Set(shipped.flatMap((s) => (s.lot ? [s.lot] : [])))],
    };
  });
  return {
    returnId: ret.id,
    rmaId: rma.id,
    rmaNumber: rma.number,
    orderId: rma.orderId,
    customer: rma.customer,
    lines,
    units: units.map((u) => unitView(deps, u)),
  };
}

/** The open return and the one next thing to do. */
export function returnsState(deps: ReturnsDeps): ReturnsState {
  const ret = deps.repo.openReturn();
  if (!ret) return { active: null, next: 'scanReturn', focusUnitId: null, awaitingApproval: false };
  const view = returnView(deps, ret);
  const unapproved = view.units.find((u) => !u.onRma && !u.approvedBy);
  const undecidedCondition = view.units.find((u) => !u.condition);
  const undecidedDisposition = view.units.find((u) => !u.disposition);
  const base = { active: view, awaitingApproval: unapproved !== undefined };
  if (unapproved) return { ...base, next: 'approveNotOnRma', focusUnitId: unapproved.unitId };
  if (undecidedCondition) return { ...base, next: 'chooseCondition', focusUnitId: undecidedCondition.unitId };
  if (undecidedDisposition) return { ...base, next: 'chooseDisposition', focusUnitId: undecidedDisposition.unitId };
  const allBack = view.lines.every((l) => l.received >= l.expected);
  return { ...base, next: view.units.length > 0 && allBack ? 'close' : 'scanUnit', focusUnitId: null };
}

function requireOpenReturn(deps: ReturnsDeps): ReturnRow {
  const ret = deps.repo.openReturn();
  if (!ret) throw ruleError('returns.noReturn');
  return ret;
}

/** Opens the return of the RMA a code names (its number, its order, the shipment's tracking number or SSCC). */
export function openReturn(deps: ReturnsDeps, operator: Operator, code: string): ScanFeedback {
  const row = deps.repo.rmaByCode(code.trim());
  if (!row) return feedback.refused('returns', 'unknown_return', message('returns.unknownReturn', { code }));
  const open = deps.repo.openReturn();
  if (open?.rma_id === row.id) return feedback.accepted('returns', message('returns.alreadyOpen', { rma: row.number }));
  if (open) {
    const other = deps.repo.rma(open.rma_id);
    return feedback.refused('returns', 'other_return_open', message('returns.otherOpen', { rma: other?.number ?? open.rma_id }));
  }
  if (row.status !== 'open') return feedback.refused('returns', 'rma_not_open', message('returns.rmaNotOpen', { rma: row.number }));
  const returnId = `RET-${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
  deps.ctx.record(operator, { kind: 'returns.open', payload: { returnId, rmaId: row.id, code } }, () =>
    deps.repo.insertReturn(returnId, row.id, isoAt(deps.ctx.clock), operator.id),
  );
  changed(deps, 'return opened');
  return feedback.accepted('returns', message('returns.opened', { rma: row.number, customer: row.customer }));
}

interface ScannedUnit {
  itemId: string;
  qty: number;
  serial: string | null;
  lot: string | null;
  expiry: string | null;
}

/** What a scan names on an open return: an item (by barcode, with its GS1 serial and lot), or a serial the order shipped. */
function scannedUnit(deps: ReturnsDeps, rma: Rma, parsed: ParsedScan): ScannedUnit | ScanFeedback {
  if (!parsed.ok) return feedback.refused('returns', 'unreadable', message('returns.unknownCode', { code: parsed.data }));
  const code = parsed.gtin ?? parsed.data.trim();
  const barcode = deps.repo.barcode(code);
  if (barcode) {
    return {
      itemId: barcode.item_id,
      qty: parsed.serial ? 1 : barcode.pack_qty,
      serial: parsed.serial ?? null,
      lot: parsed.lot ?? null,
      expiry: parsed.expiry ?? null,
    };
  }
  if (parsed.kind === 'gs1' && parsed.gtin)
    return feedback.refused('returns', 'unknown_item', message('returns.itemUnknown', { code: parsed.gtin }));
  const shipped = rma.shipped.find((s) => s.serial === code);
  if (shipped) return { itemId: shipped.itemId, qty: 1, serial: shipped.serial, lot: shipped.lot, expiry: shipped.expiry };
  return feedback.refused('returns', 'unknown_code', message('returns.unknownCode', { code }));
}

/** A scan while the returns screen is in use: a return label opens a return, a unit is received on the open one. */
export function onReturnsScan(deps: ReturnsDeps, parsed: ParsedScan, operator: Operator): ScanFeedback {
  const ret = deps.repo.openReturn();
  const raw = parsed.ok ? (parsed.sscc ?? parsed.data.trim()) : parsed.data.trim();
  if (!ret || deps.repo.rmaByCode(raw)) {
    if (!ret && !deps.repo.rmaByCode(raw) && parsed.ok && deps.repo.barcode(parsed.gtin ?? raw))
      return feedback.needsInput('returns', 'no_return', message('returns.scanReturnFirst'));
    return openReturn(deps, operator, raw);
  }
  const rma = activeRma(deps, ret);
  const unit = scannedUnit(deps, rma, parsed);
  if ('outcome' in unit) return unit;
  const item = deps.repo.item(unit.itemId);
  if (!item) return feedback.refused('returns', 'unknown_item', message('returns.itemUnknown', { code: unit.itemId }));
  const shippedOfItem = rma.shipped.filter((s) => s.itemId === unit.itemId);
  const units = deps.repo.units(ret.id);
  if (item.serial_tracked === 1 && !unit.serial)
    return feedback.needsInput('returns', 'serial_needed', message('returns.scanSerial', { sku: item.sku }));
  if (unit.serial) {
    const serial = unit.serial;
    if (!shippedOfItem.some((s) => s.serial === serial))
      return feedback.refused('returns', 'serial_not_shipped', message('returns.serialNotShipped', { serial }));
    if (units.some((u) => u.item_id === unit.itemId && u.serial === serial))
      return feedback.refused('returns', 'serial_twice', message('returns.serialTwice', { serial }));
  }
  // A unit scanned without its lot takes the lot the order shipped, when it shipped only one.
  const shippedLots = [...new Map(shippedOfItem.filter((s) => s.lot).map((s) => [s.lot, s])).values()];
  const only = shippedLots.length === 1 ? shippedLots[0] : undefined;
  const lot = unit.lot ?? only?.lot ?? null;
  const expiry = unit.expiry ?? (lot && only?.lot === lot ? only.expiry : null);
  const onRma = rma.lines.some((l) => l.itemId === unit.itemId);
  const unitId = `RU-${randomUUID()}`;
  deps.ctx.record(
    operator,
    { kind: 'returns.unit', payload: { returnId: ret.id, unitId, itemId: unit.itemId, serial: unit.serial, lot, qty: unit.qty, onRma } },
    () =>
      deps.repo.insertUnit({
        id: unitId,
        return_id: ret.id,
        item_id: unit.itemId,
        lot,
        expiry,
        serial: unit.serial,
        qty: unit.qty,
        on_rma: onRma ? 1 : 0,
        at: isoAt(deps.ctx.clock),
        operator_id: operator.id,
      }),
  );
  changed(deps, 'unit received');
  if (!onRma) return feedback.needsInput('returns', 'not_on_rma', message('returns.notOnRma', { sku: item.sku }));
  const expected = rma.lines.filter((l) => l.itemId === unit.itemId).reduce((n, l) => n + l.qty, 0);
  const received = units.filter((u) => u.item_id === unit.itemId).reduce((n, u) => n + u.qty, 0) + unit.qty;
  if (received > expected) return feedback.warning('returns', 'more_than_expected', message('returns.moreThanExpected', { sku: item.sku }));
  if (unit.serial) return feedback.accepted('returns', message('returns.serialMatched', { sku: item.sku, serial: unit.serial }));
  return feedback.accepted('returns', message('returns.unitReceived', { sku: item.sku }));
}

function requireUnit(deps: ReturnsDeps, unitId: string): { ret: ReturnRow; unit: ReturnUnitRow } {
  const ret = requireOpenReturn(deps);
  const unit = deps.repo.unit(ret.id, unitId);
  if (!unit) throw notFound('returns.noUnit');
  return { ret, unit };
}

/** The operator's judgement of a unit; when the rules leave one disposition only (an expired or held lot), it is set too. */
export function setCondition(deps: ReturnsDeps, operator: Operator, unitId: string, condition: ReturnCondition): void {
  const { unit } = requireUnit(deps, unitId);
  const verdict = judgeDisposition(unitFacts(deps, unit, condition));
  const item = deps.repo.item(unit.item_id);
  deps.ctx.record(operator, { kind: 'returns.condition', payload: { unitId, condition } }, () => {
    deps.repo.setCondition(unitId, condition);
    const [only] = verdict.allowed;
    if (verdict.allowed.length === 1 && only)
      deps.repo.setDisposition(unitId, only, returnLocation(only, item?.home_location ?? null), true);
  });
  changed(deps, 'condition');
}

export function setDisposition(
  deps: ReturnsDeps,
  operator: Operator,
  unitId: string,
  disposition: ReturnDisposition,
): { location: string; sku: string } {
  const { unit } = requireUnit(deps, unitId);
  if (!unit.condition) throw ruleError('returns.conditionFirst');
  const facts = unitFacts(deps, unit, unit.condition);
  const verdict = judgeDisposition(facts);
  if (!verdict.allowed.includes(disposition))
    throw ruleError('returns.dispositionRuledOut', {
      disposition: message(`disposition.${disposition}`),
      rule: message(`dispositionRule.${verdict.rule}`),
    });
  const item = deps.repo.item(unit.item_id);
  const location = returnLocation(disposition, item?.home_location ?? null);
  const held = dispositionHolds(disposition) || facts.held || facts.expired || facts.recalled;
  deps.ctx.record(operator, { kind: 'returns.disposition', payload: { unitId, disposition, location, held } }, () =>
    deps.repo.setDisposition(unitId, disposition, location, held),
  );
  changed(deps, 'disposition');
  return { location, sku: item?.sku ?? unit.item_id };
}

export function approveNotOnRma(deps: ReturnsDeps, operator: Operator, supervisor: Operator): void {
  const ret = requireOpenReturn(deps);
  deps.ctx.record(operator, { kind: 'returns.approve', payload: { returnId: ret.id, supervisorId: supervisor.id } }, () => {
    if (deps.repo.approveUnits(ret.id, supervisor.id) === 0) throw ruleError('returns.nothingAwaitsApproval');
  });
  changed(deps, 'approved');
}

export function removeUnit(deps: ReturnsDeps, operator: Operator, unitId: string): string {
  const { unit } = requireUnit(deps, unitId);
  deps.ctx.record(operator, { kind: 'returns.remove', payload: { unitId, itemId: unit.item_id, serial: unit.serial } }, () =>
    deps.repo.removeUnit(unitId),
  );
  changed(deps, 'unit removed');
  return deps.repo.item(unit.item_id)?.sku ?? unit.item_id;
}

/** Closes the open return: one `return.close` op with every unit and where it went, recorded once. */
export function closeReturn(deps: ReturnsDeps, operator: Operator): { rma: string; units: number } {
  const ret = requireOpenReturn(deps);
  const rma = activeRma(deps, ret);
  const units = deps.repo.units(ret.id);
  if (units.length === 0) throw ruleError('returns.nothingReceived');
  if (units.some((u) => u.on_rma === 0 && !u.approved_by)) throw ruleError('returns.awaitingApproval');
  const undecided = units.filter((u) => !u.condition || !u.disposition || !u.location).length;
  if (undecided > 0) throw ruleError('returns.unitsUndecided', { count: undecided });
  const op = syncOp('return.close', {
    returnId: ret.id,
    rmaId: rma.id,
    orderId: rma.orderId,
    units: units.map((u) => ({
      unitId: u.id,
      itemId: u.item_id,
      lot: u.lot,
      expiry: u.expiry,
      serial: u.serial,
      qty: u.qty,
      condition: u.condition as ReturnCondition,
      disposition: u.disposition as ReturnDisposition,
      location: u.location as string,
      held: u.held === 1,
      onRma: u.on_rma === 1,
      approvedBy: u.approved_by,
    })),
  });
  const at = isoAt(deps.ctx.clock);
  deps.ctx.record(operator, { kind: 'returns.close', payload: { returnId: ret.id, rmaId: rma.id, units: units.length }, op }, () => {
    if (deps.repo.openReturn()?.id !== ret.id) throw conflict('returns.noReturn');
    deps.repo.closeReturn(ret.id, at, operator.id);
    deps.repo.rmaReceived(rma.id);
  });
  changed(deps, 'return closed');
  return { rma: rma.number, units: units.reduce((n, u) => n + u.qty, 0) };
}
