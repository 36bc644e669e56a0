import type { Operator } from '../../../shared/domain/master-data';
import type { KpiFigures, PackKpis } from '../../../shared/domain/packing';
import type { Bench } from './bench';
import { perHour, shiftWindow } from './rules';

/** Bench KPIs since the start of the shift: for the signed-in packer and for everyone at this station. */
export function packKpis(bench: Bench, operator: Operator): PackKpis {
  const { repo, ctx } = bench;
  const now = ctx.clock.now();
  const { start, end } = shiftWindow(now);
  const from = start.toISOString();
  const figures = (operatorId: string | null): KpiFigures => {
    const orders = repo.ordersShipped(from, operatorId);
    const units = repo.unitsPacked(from, operatorId);
    return {
      orders,
      units,
      ordersPerHour: perHour(orders, start.getTime(), now.getTime()),
      unitsPerHour: perHour(units, start.getTime(), now.getTime()),
      scanErrors: repo.journalCount('packing.scan.stopped', from, operatorId),
      weightExceptions: repo.journalCount('packing.weight.out', from, operatorId),
    };
  };
  return {
    shiftStart: from,
    shiftEnd: end.toISOString(),
    packer: { operatorId: operator.id, ...figures(operator.id) },
    shift: figures(null),
  };
}
