import type { Operator } from '../../../shared/domain/master-data';
import { lpnLabel } from '../devices';
import { ruleError } from '../kernel/errors';
import type { ReturnsDeps } from './returns';

/** The carton label of the units of the open return that go back to the vendor (ZPL, through the station's print queue). */
export async function printVendorLabel(deps: ReturnsDeps, operator: Operator): Promise<void> {
  const ret = deps.repo.openReturn();
  if (!ret) throw ruleError('returns.noReturn');
  const units = deps.repo.units(ret.id).filter((u) => u.disposition === 'returnToVendor');
  if (units.length === 0) throw ruleError('returns.noVendorUnits');
  const items = [...new Set(units.map((u) => u.item_id))];
  const first = items.length === 1 && items[0] ? deps.repo.item(items[0]) : undefined;
  const lots = [...new Set(units.map((u) => u.lot))];
  const lot = lots.length === 1 ? lots[0] : null;
  const zpl = lpnLabel.build({
    lpn: ret.id,
    item: first
      ? { sku: first.sku, description: `RTV ${first.description}`.slice(0, 60) }
      : { sku: 'MIXED', description: `RTV ${items.length} items` },
    quantity: { value: units.reduce((n, u) => n + u.qty, 0), unit: 'EA' },
    ...(lot ? { lot } : {}),
    location: units[0]?.location ?? 'RETURNS-RTV',
  });
  const job = await deps.ctx.devices.print({
    role: 'label-printer',
    kind: 'zpl',
    data: zpl,
    idempotencyKey: `returns:rtv:${ret.id}:${units.length}`,
    description: `Return-to-vendor label ${ret.id}`,
  });
  deps.ctx.record(operator, { kind: 'returns.label', payload: { returnId: ret.id, job: job.id, state: job.state } });
}
