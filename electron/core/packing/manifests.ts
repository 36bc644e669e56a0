import type { Operator } from '../../../shared/domain/master-data';
import type { Manifest } from '../../../shared/domain/packing';
import { needsCarrierRelabel } from '../../../shared/rules/house-labels';
import { conflict, notFound, ruleError } from '../kernel/errors';
import { syncOp } from '../storage/sync-op';
import type { Bench } from './bench';
import type { ManifestRow } from './repo';

export function manifestView(bench: Bench, m: ManifestRow): Manifest {
  const cartons = bench.repo.manifestCartons(m.id).map((c) => ({
    cartonId: c.id,
    sscc: c.sscc,
    orderNumber: c.order_number ?? c.order_id,
    tracking: c.tracking ?? '',
    weightG: c.weight_g ?? 0,
    service: c.service,
    needsRelabel: needsCarrierRelabel(m.carrier, c.tracking ?? ''),
  }));
  return {
    id: m.id,
    carrier: m.carrier,
    date: m.date,
    state: m.state,
    cartons,
    totalWeightG: Math.round(cartons.reduce((s, c) => s + c.weightG, 0) * 100) / 100,
    closedAt: m.closed_at,
    closedBy: m.closed_by,
  };
}

/** The day's manifests, one open per carrier (shipped cartons join it) plus those already closed. */
export function listManifests(bench: Bench, date?: string): Manifest[] {
  return bench.repo.manifestsOn(date ?? bench.today()).map((m) => manifestView(bench, m));
}

/** Hands a carrier's manifest over: no carton joins it afterwards; sends `manifest.close`. */
export function closeManifest(bench: Bench, operator: Operator, manifestId: string): Manifest {
  const { repo, ctx } = bench;
  const m = repo.manifest(manifestId);
  if (!m) throw notFound('errors.notFound', { document: manifestId });
  if (m.state === 'closed') throw conflict('packing.manifestClosed', { document: manifestId });
  const cartons = repo.manifestCartons(m.id);
  if (cartons.length === 0) throw ruleError('packing.manifestEmpty', { document: manifestId });
  const houseLabelled = cartons.filter((c) => needsCarrierRelabel(m.carrier, c.tracking ?? ''));
  if (houseLabelled.length > 0)
    throw ruleError('packing.manifestHouseLabels', {
      document: manifestId,
      count: houseLabelled.length,
      carrier: m.carrier,
      cartons: houseLabelled.map((c) => c.sscc).join(', '),
    });
  const op = syncOp('manifest.close', { manifestId: m.id, carrier: m.carrier, date: m.date, cartonIds: cartons.map((c) => c.id) });
  ctx.record(
    operator,
    { kind: 'packing.manifest.closed', payload: { manifestId: m.id, carrier: m.carrier, cartons: cartons.length }, op },
    () => {
      repo.closeManifest(m.id, operator.id, bench.now());
    },
  );
  bench.changed('manifest.closed');
  const closed = repo.manifest(m.id);
  if (!closed) throw notFound('errors.notFound', { document: manifestId });
  return manifestView(bench, closed);
}
