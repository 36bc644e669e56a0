import type { Operator } from '../../../shared/domain/master-data';
import type { ReceivingFigures, ReceivingKpis, ReturnFigures } from '../../../shared/domain/receiving-kpis';
import type { Clock } from '../kernel/clock';
import { perHour, shiftWindow } from '../packing';
import type { ReceivingKpiRepo } from './kpi-repo';

/** Returns figures come from the returns feature; the composition root hands them in. */
export type ReturnFiguresSource = (from: string, operatorId: string | null) => ReturnFigures;

const MINUTE_MS = 60_000;

/** Receiving KPIs since the start of the shift: for the signed-in receiver and for everyone at this station. */
export function receivingKpis(repo: ReceivingKpiRepo, clock: Clock, operator: Operator, returns: ReturnFiguresSource): ReceivingKpis {
  const now = clock.now();
  const { start, end } = shiftWindow(now);
  const from = start.toISOString();
  const figures = (operatorId: string | null): ReceivingFigures => {
    const lines = repo.lines(from, operatorId);
    const kinds = new Map(repo.closeKinds(from, operatorId).map((k) => [k.kind, k.n]));
    const putaways = repo.putaways(from, operatorId);
    const dockToStock = putaways.map((p) => (Date.parse(p.put_away_at) - Date.parse(p.first_at)) / MINUTE_MS);
    return {
      lines: lines.lines,
      units: lines.units,
      linesPerHour: perHour(lines.lines, start.getTime(), now.getTime()),
      unitsPerHour: perHour(lines.units, start.getTime(), now.getTime()),
      putAway: putaways.length,
      dockToStockMin: dockToStock.length > 0 ? Math.round((dockToStock.reduce((a, b) => a + b, 0) / dockToStock.length) * 10) / 10 : null,
      discrepancies: {
        over: kinds.get('over') ?? 0,
        short: kinds.get('short') ?? 0,
        unexpected: kinds.get('unexpected') ?? 0,
        damaged: lines.damaged,
      },
      weightCountShare: lines.lines > 0 ? Math.round((lines.weighed / lines.lines) * 1000) / 1000 : 0,
      returns: returns(from, operatorId),
    };
  };
  return {
    shiftStart: from,
    shiftEnd: end.toISOString(),
    receiver: { operatorId: operator.id, ...figures(operator.id) },
    shift: figures(null),
  };
}
