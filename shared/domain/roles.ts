import { z } from 'zod';
import type { Workflow } from '../contract/station';
import type { Operator, Role } from './master-data';

/** What a station is set up for: the config's `stationRole`, sent to the server at enrollment. */
export const StationRole = z.enum(['receiving', 'packing', 'both']);
export type StationRole = z.infer<typeof StationRole>;

/** Operator roles that may approve overrides, change the setup and resolve sync exceptions. */
export const supervisorRoles: readonly Role[] = ['supervisor', 'admin'];

export const isSupervisor = (operator: Pick<Operator, 'roles'>): boolean => operator.roles.some((r) => supervisorRoles.includes(r));

/** Who may work a workflow's screen; screens not listed are open to every signed-in operator. */
export const workflowRoles: Partial<Record<Workflow, readonly Role[]>> = {
  receiving: ['receiver', ...supervisorRoles],
  packing: ['packer', ...supervisorRoles],
  returns: ['returns', ...supervisorRoles],
  counts: ['counter', ...supervisorRoles],
};

export const mayWork = (workflow: Workflow, operator: Pick<Operator, 'roles'>): boolean => {
  const roles = workflowRoles[workflow];
  return !roles || operator.roles.some((r) => roles.includes(r));
};
