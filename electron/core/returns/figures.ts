import type { ReturnFigures } from '../../../shared/domain/receiving-kpis';
import { ALL_DISPOSITIONS } from '../../../shared/rules/returns';
import type { ReturnsRepo } from './repo';

/** Returns closed since `from` (ISO time), of one operator or of the whole station (null), and their units by disposition. */
export function returnFigures(repo: ReturnsRepo, from: string, operatorId: string | null): ReturnFigures {
  const byDisposition = Object.fromEntries(ALL_DISPOSITIONS.map((d) => [d, 0])) as ReturnFigures['byDisposition'];
  let units = 0;
  for (const row of repo.closedUnitsSince(from, operatorId)) {
    byDisposition[row.disposition] = row.units;
    units += row.units;
  }
  return { returns: repo.closedReturnsSince(from, operatorId), units, byDisposition };
}
