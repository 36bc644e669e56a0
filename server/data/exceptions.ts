import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { OpKind, RejectionCode, StationException } from '../../shared/sync-protocol';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from '../http-error';

export const ExceptionsQuery = z.object({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ExceptionsQuery = z.infer<typeof ExceptionsQuery>;

/** Whose exceptions: one station's own, or every station's of a site (the ERP's view). */
export type ExceptionScope = { siteId: string; stationId?: string };

/** Rejected ops, newest first, with the op as the station sent it. */
export async function readExceptions(db: Kysely<ServerDatabase>, scope: ExceptionScope, q: ExceptionsQuery): Promise<StationException[]> {
  let query = db
    .selectFrom('station_exceptions as e')
    .innerJoin('applied_ops as o', (join) => join.onRef('o.station_id', '=', 'e.station_id').onRef('o.op_id', '=', 'e.op_id'))
    .select([
      'e.op_id',
      'e.station_id',
      'e.kind',
      'e.code',
      'e.reason',
      'e.created_at',
      'e.resolved_at',
      'e.resolved_by',
      'e.note',
      'o.payload',
      'o.at',
      'o.operator_id',
      'o.station_seq',
    ])
    .where('e.site_id', '=', scope.siteId)
    .orderBy('e.created_at', 'desc')
    .limit(q.limit);
  if (scope.stationId) query = query.where('e.station_id', '=', scope.stationId);
  if (q.status === 'open') query = query.where('e.resolved_at', 'is', null);
  if (q.status === 'resolved') query = query.where('e.resolved_at', 'is not', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    opId: r.op_id,
    stationId: r.station_id,
    kind: r.kind as OpKind,
    code: r.code as RejectionCode,
    reason: r.reason,
    op: { opId: r.op_id, kind: r.kind, stationSeq: r.station_seq, at: r.at.toISOString(), operatorId: r.operator_id, payload: r.payload },
    createdAt: r.created_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by,
    note: r.note,
  }));
}

/** Marks one station's rejected op as dealt with; 404 when that station of that site has no such exception. */
export async function resolveException(
  db: Kysely<ServerDatabase>,
  where: { siteId: string; stationId: string; opId: string },
  resolution: { resolvedBy: string; note: string },
): Promise<{ opId: string; resolvedAt: string }> {
  const now = new Date();
  const row = await db
    .updateTable('station_exceptions')
    .set({ resolved_at: now, resolved_by: resolution.resolvedBy, note: resolution.note })
    .where('site_id', '=', where.siteId)
    .where('station_id', '=', where.stationId)
    .where('op_id', '=', where.opId)
    .returning(['op_id', 'resolved_at'])
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', `no exception for op ${where.opId} of this station`);
  return { opId: row.op_id, resolvedAt: (row.resolved_at ?? now).toISOString() };
}
