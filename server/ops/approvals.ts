import { z } from 'zod';
import { Role } from '../../shared/domain/master-data';
import { supervisorRoles } from '../../shared/domain/roles';
import { type OpContext, Rejection } from './rejection';

const OperatorRoles = z.object({ roles: z.array(Role) });

/**
 * The operator whose badge approved an op must be one of the site's supervisors (or admins) in the server's own master
 * data: a station's word is not enough. One deactivated since still counts (the badge was valid when it was scanned);
 * an id the site does not know, or an operator without the role, refuses the op.
 */
export async function requireApprover(ctx: Pick<OpContext, 'trx' | 'siteId'>, approvedBy: string): Promise<void> {
  const row = await ctx.trx
    .selectFrom('operators')
    .select('doc')
    .where('site_id', '=', ctx.siteId)
    .where('id', '=', approvedBy)
    .executeTakeFirst();
  const operator = OperatorRoles.safeParse(row?.doc);
  if (!operator.success || !operator.data.roles.some((role) => supervisorRoles.includes(role)))
    throw new Rejection('approver_not_supervisor', `"${approvedBy}" approved this but is not a supervisor of site "${ctx.siteId}"`);
}
