/** Cycle counts at the station: start by task or by scanning a location, scan what is found, post, recount, approve. */
import { uuidv7 } from 'uuidv7';
import type { CountAction, countsCommands } from '../../../shared/contract/counts';
import type { ApprovalPurpose, ScanFeedback } from '../../../shared/contract/station';
import { type CountLine, type CountView, defaultCountSettings } from '../../../shared/domain/counts';
import type { WeightReading } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import { judgeCount } from '../../../shared/rules/counts';
import type { ParsedScanOk } from '../../../shared/scan';
import type { StationContext } from '../context';
import { conflict, notFound, ruleError, StationError } from '../kernel/errors';
import type { CallContext, HandlersFor } from '../kernel/handlers';
import { countByWeight, SCALE_ROLE, STABLE_TIMEOUT_MS } from '../receiving';
import { approvalFrom, approvingSupervisor, feedback, type ScanInput, type WorkflowModule } from '../session';
import { syncOp } from '../storage/sync-op';
import type { CountRow, CountsRepo } from './repo';

const W = 'counts' as const;
const PURPOSE: ApprovalPurpose = 'counts.variance';

export interface CountsModule {
  handlers: HandlersFor<keyof typeof countsCommands>;
  workflow: WorkflowModule;
}

function operatorOf(call: CallContext): Operator {
  if (!call.operator) throw new StationError('not_signed_in', message('session.signInFirst'));
  return call.operator;
}

const gtinOf = (parsed: ParsedScanOk): string | undefined => parsed.gtin ?? parsed.elements.find((e) => e.ai === '02')?.value;

export function createCounts(ctx: StationContext, repo: CountsRepo): CountsModule {
  const now = () => ctx.clock.now().toISOString();
  const settings = () => ({ ...defaultCountSettings, ...ctx.site().counts });
  const changed = (reason: string) => ctx.bus.emit('workflow.changed', { workflow: 'counts', reason });
  const nameOf = (id: string) => repo.operatorName(id) ?? id;
  const skuOf = (itemId: string | null) => (itemId ? (repo.item(itemId)?.sku ?? itemId) : null);

  const requireCount = (): CountRow => {
    const count = repo.openCount();
    if (!count) throw ruleError('counts.noCount');
    return count;
  };

  function view(count: CountRow): CountView {
    const found = repo.found(count.id, count.round);
    const showExpected = !count.blind || count.status === 'approval';
    const keys = new Map<string, { itemId: string; lot: string | null; counted: number; expected: number | null }>();
    const key = (l: { itemId: string; lot: string | null }) => `${l.itemId}\u0000${l.lot ?? ''}`;
    if (showExpected) for (const l of count.snapshot) keys.set(key(l), { itemId: l.itemId, lot: l.lot, counted: 0, expected: l.qty });
    for (const l of found) {
      const line = keys.get(key(l)) ?? { itemId: l.itemId, lot: l.lot, counted: 0, expected: showExpected ? 0 : null };
      line.counted = l.qty;
      keys.set(key(l), line);
    }
    const judged = count.status === 'approval' ? judgeCount(count.snapshot, found, settings()).outside : [];
    return {
      id: count.id,
      taskId: count.taskId,
      scope: count.scope,
      location: count.location,
      sku: skuOf(count.itemId),
      lpn: count.lpn,
      blind: count.blind,
      status: count.status as CountView['status'],
      round: count.round,
      countedBy: nameOf(count.countedBy),
      recountedBy: count.recountedBy ? nameOf(count.recountedBy) : null,
      lines: [...keys.values()].map((l) => {
        const item = repo.item(l.itemId);
        return { ...l, sku: item?.sku ?? l.itemId, description: item?.description ?? '' };
      }),
      variances: judged.map((v) => ({
        sku: skuOf(v.itemId) ?? v.itemId,
        lot: v.lot,
        expected: v.expected,
        counted: v.counted,
        delta: v.delta,
      })),
    };
  }

  const current = () => {
    const count = repo.openCount();
    return count ? view(count) : null;
  };
  const act = (fb: ScanFeedback, what: string): CountAction => {
    ctx.bus.emit('scan.result', { ...fb, data: what });
    return { feedback: fb, count: current() };
  };
  const refuse = (operator: Operator, reason: string, said: Message, detail: Record<string, unknown> = {}): ScanFeedback => {
    ctx.record(operator, { kind: 'counts.refused', payload: { reason, message: said, ...detail } });
    return feedback.refused(W, reason, said);
  };

  /** Starts a count of a place with the on-hand the cache has for it now: the task's, or the newest task's of the location. */
  function start(
    operator: Operator,
    place: Pick<CountRow, 'taskId' | 'scope' | 'location' | 'itemId' | 'lpn'>,
    blind: boolean,
    snapshot: CountLine[],
    confirmed: boolean,
  ): CountRow {
    if (repo.openCount()) throw conflict('counts.alreadyCounting');
    const count = {
      ...place,
      id: `CNT-${uuidv7()}`,
      blind,
      startedAt: now(),
      snapshot,
      status: confirmed ? ('counting' as const) : ('location' as const),
      countedBy: operator.id,
    };
    ctx.record(operator, { kind: 'counts.start', payload: { countId: count.id, taskId: count.taskId, location: count.location } }, () =>
      repo.insertCount(count),
    );
    changed('count started');
    return { ...count, round: 1, recountedBy: null, approvedBy: null };
  }

  /** Posts the count: the op carries what the last round found; the server judges it again against its ledger. */
  function post(operator: Operator, count: CountRow, approvedBy: string | null): number {
    const lines = repo.found(count.id, count.round);
    const op = syncOp('count.close', {
      countId: count.id,
      taskId: count.taskId,
      scope: count.scope,
      location: count.location,
      itemId: count.itemId,
      lpn: count.lpn,
      startedAt: count.startedAt,
      lines,
      countedBy: count.countedBy,
      recountedBy: count.recountedBy,
      approvedBy,
    });
    const at = now();
    ctx.record(operator, { kind: 'counts.post', payload: { countId: count.id, approvedBy, lines }, op }, () =>
      repo.finish(count.id, 'posted', approvedBy, null, at, count.taskId),
    );
    changed('count posted');
    return judgeCount(count.snapshot, lines, settings()).variances.length;
  }

  function finish(operator: Operator): ScanFeedback {
    const count = requireCount();
    if (count.status === 'location') throw ruleError('counts.scanLocationFirst', { location: count.location });
    if (count.status === 'recount') throw ruleError('counts.recountNeeded', { location: count.location });
    if (count.status === 'approval') return feedback.needsInput(W, 'needs_approval', message('counts.needsApproval'));
    const found = repo.found(count.id, count.round);
    const judged = judgeCount(count.snapshot, found, settings());
    if (judged.outside.length === 0) {
      const adjusted = post(operator, count, null);
      return adjusted === 0
        ? feedback.accepted(W, message('counts.posted', { location: count.location }))
        : feedback.warning(W, 'adjusted', message('counts.postedAdjusted', { location: count.location, count: adjusted }));
    }
    if (count.round === 1) {
      ctx.record(operator, { kind: 'counts.recountNeeded', payload: { countId: count.id, variances: judged.outside } }, () =>
        repo.setStatus(count.id, 'recount'),
      );
      changed('recount needed');
      return feedback.warning(W, 'recount_needed', message('counts.recountNeeded', { location: count.location }));
    }
    ctx.record(operator, { kind: 'counts.approvalNeeded', payload: { countId: count.id, variances: judged.outside } }, () =>
      repo.setStatus(count.id, 'approval'),
    );
    changed('approval needed');
    return feedback.needsInput(W, 'needs_approval', message('counts.needsApproval'));
  }

  function approve(operator: Operator, supervisor: Operator): ScanFeedback {
    const count = requireCount();
    if (count.status !== 'approval') return feedback.refused(W, 'nothing_pending', message('counts.nothingToApprove'));
    post(operator, count, supervisor.id);
    return feedback.accepted(W, message('counts.approved', { location: count.location, name: supervisor.name }));
  }

  function addFound(
    operator: Operator,
    count: CountRow,
    itemId: string,
    lot: string | null,
    qty: number,
    source: 'scan' | 'weight',
  ): ScanFeedback {
    const item = repo.item(itemId);
    if (!item) return refuse(operator, 'unknown_item', message('errors.notFound', { document: itemId }));
    if (count.scope === 'item' && count.itemId !== itemId)
      return refuse(operator, 'wrong_item', message('counts.wrongItem', { sku: skuOf(count.itemId) ?? '', scanned: item.sku }), { itemId });
    ctx.record(operator, { kind: 'counts.found', payload: { countId: count.id, round: count.round, itemId, lot, qty, source } }, () =>
      repo.addScan(count.id, count.round, itemId, lot, qty, source, now()),
    );
    changed('found');
    const total = repo.found(count.id, count.round).reduce((sum, l) => (l.itemId === itemId ? sum + l.qty : sum), 0);
    const expected = count.snapshot.filter((l) => l.itemId === itemId).reduce((sum, l) => sum + l.qty, 0);
    return count.blind
      ? feedback.accepted(W, message('counts.counted', { sku: item.sku, count: total }))
      : feedback.accepted(W, message('counts.countedOf', { sku: item.sku, count: total, expected }));
  }

  function onScan({ parsed }: ScanInput, operator: Operator): ScanFeedback {
    if (!parsed.ok) return refuse(operator, 'unreadable', message('counts.unreadable'), { data: parsed.data.slice(0, 100) });
    if (!ctx.sync.cacheComplete()) return feedback.refused(W, 'site_loading', message('errors.siteLoading'));
    const data = parsed.data.trim();
    const count = repo.openCount();
    const badgeHolder = parsed.kind === 'plain' ? ctx.badges.holder(data) : null;
    if (badgeHolder) {
      if (count?.status !== 'approval') return feedback.refused(W, 'nothing_pending', message('counts.nothingToApprove'));
      return approve(operator, ctx.badges.approve({ badge: data, via: 'counts.scan' }));
    }
    const isLocation = parsed.kind === 'plain' && repo.locationExists(data);
    if (!count) {
      if (!isLocation) return refuse(operator, 'no_count', message('counts.scanLocation'), { data: data.slice(0, 64) });
      const known = repo.latestLocationTask(data);
      const blind = settings().blind;
      start(operator, { taskId: null, scope: 'location', location: data, itemId: null, lpn: null }, blind, known?.expected ?? [], true);
      return feedback.accepted(W, message('counts.started', { location: data }));
    }
    if (count.status === 'location') {
      if (data !== count.location)
        return refuse(
          operator,
          'wrong_location',
          message('counts.wrongLocation', { scanned: data.slice(0, 64), location: count.location }),
        );
      ctx.record(operator, { kind: 'counts.location', payload: { countId: count.id, location: data } }, () =>
        repo.confirmLocation(count.id, now()),
      );
      changed('location');
      return feedback.accepted(W, message('counts.started', { location: data }));
    }
    if (count.status === 'recount')
      return feedback.refused(W, 'recount_needed', message('counts.recountNeeded', { location: count.location }));
    if (count.status === 'approval') return feedback.needsInput(W, 'needs_approval', message('counts.needsApproval'));
    if (isLocation) {
      if (data === count.location) return feedback.accepted(W, message('counts.started', { location: data }));
      return refuse(operator, 'wrong_location', message('counts.wrongLocation', { scanned: data, location: count.location }));
    }
    if (count.scope === 'lpn' && data === count.lpn) return feedback.accepted(W, message('counts.lpnConfirmed', { lpn: data }));
    const plate = repo.lpnContents(parsed.sscc ?? data);
    if (plate) {
      if (plate.lines.length === 0) return refuse(operator, 'empty_lpn', message('counts.lpnEmpty', { lpn: plate.lpn }));
      const units = plate.lines.reduce((sum, l) => sum + l.qty, 0);
      if (count.scope === 'item' && plate.lines.some((l) => l.itemId !== count.itemId))
        return refuse(operator, 'wrong_item', message('counts.wrongItem', { sku: skuOf(count.itemId) ?? '', scanned: plate.lpn }));
      ctx.record(
        operator,
        { kind: 'counts.found', payload: { countId: count.id, round: count.round, lpn: plate.lpn, lines: plate.lines } },
        () => {
          for (const l of plate.lines) repo.addScan(count.id, count.round, l.itemId, l.lot, l.qty, 'scan', now());
        },
      );
      changed('found');
      return feedback.accepted(W, message('counts.lpnCounted', { lpn: plate.lpn, count: units }));
    }
    const gtin = gtinOf(parsed);
    const code = gtin ?? data;
    const barcode = repo.barcode(code);
    if (!barcode)
      return refuse(operator, 'unknown_barcode', message('counts.unknownBarcode', { code: code.slice(0, 64) }), {
        code: code.slice(0, 64),
      });
    const units = barcode.packQty * (parsed.count ?? 1);
    return addFound(operator, count, barcode.itemId, parsed.lot ?? null, units, 'scan');
  }

  return {
    workflow: { workflow: W, onScan },
    handlers: {
      'counts.tasks': () => {
        const blindSite = settings().blind;
        return repo.openTasks().map((t) => {
          const blind = t.blind ?? blindSite;
          return {
            id: t.id,
            scope: t.scope,
            location: t.location,
            sku: skuOf(t.itemId),
            lpn: t.lpn,
            blind,
            expectedUnits: blind ? null : t.expected.reduce((sum, l) => sum + l.qty, 0),
          };
        });
      },
      'counts.current': () => current(),
      'counts.start': ({ taskId }, call) => {
        const operator = operatorOf(call);
        const task = repo.task(taskId);
        if (!task) throw notFound('errors.notFound', { document: taskId });
        if (task.status !== 'open') throw ruleError('counts.taskGone');
        const place = { taskId: task.id, scope: task.scope, location: task.location, itemId: task.itemId, lpn: task.lpn };
        return view(start(operator, place, task.blind ?? settings().blind, task.expected, false));
      },
      'counts.weighCount': async ({ itemId, tareKg }, call) => {
        const operator = operatorOf(call);
        const count = requireCount();
        if (count.status !== 'counting') throw ruleError('counts.notCounting');
        const item = repo.item(itemId);
        if (!item) throw notFound('errors.notFound', { document: itemId });
        let reading: WeightReading;
        try {
          reading = await ctx.devices.readStable(SCALE_ROLE, STABLE_TIMEOUT_MS);
        } catch {
          return act(refuse(operator, 'scale', message('receiving.scaleNoSteadyWeight'), { itemId }), `weigh ${item.sku}`);
        }
        const counted = countByWeight(reading, item.unitWeightG, tareKg * 1000);
        if (!counted.ok)
          return act(
            refuse(operator, counted.reason, message('receiving.itemProblem', { sku: item.sku, problem: counted.message }), { itemId }),
            `weigh ${item.sku}`,
          );
        return act(addFound(operator, count, item.id, null, counted.count, 'weight'), `weigh ${item.sku}`);
      },
      'counts.finish': (_input, call) => act(finish(operatorOf(call)), 'finish'),
      'counts.recount': (_input, call) => {
        const operator = operatorOf(call);
        const count = requireCount();
        if (count.status !== 'recount') throw ruleError('counts.noRecount');
        if (count.countedBy === operator.id) throw ruleError('counts.recountByAnother', { name: operator.name });
        ctx.record(operator, { kind: 'counts.recount', payload: { countId: count.id } }, () => repo.startRecount(count.id, operator.id));
        changed('recount');
        return view({ ...count, status: 'counting', round: 2, recountedBy: operator.id });
      },
      'counts.approve': ({ badge, pin, scanned }, call) => {
        const operator = operatorOf(call);
        const supervisor = approvingSupervisor(ctx, PURPOSE, approvalFrom({ badge, pin, scanned }));
        return act(approve(operator, supervisor), 'approve');
      },
      'counts.cancel': (_input, call) => {
        const operator = operatorOf(call);
        const count = repo.openCount();
        if (!count) return { cancelled: false };
        ctx.record(operator, { kind: 'counts.cancel', payload: { countId: count.id } }, () =>
          repo.finish(count.id, 'cancelled', null, null, now(), null),
        );
        changed('count cancelled');
        return { cancelled: true };
      },
    },
  };
}
