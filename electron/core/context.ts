import type { Database } from 'better-sqlite3';
import type { Workflow } from '../../shared/contract/station';
import type { Operator, SiteSettings } from '../../shared/domain/master-data';
import type { Clock } from './clock';
import type { StationConfig } from './config';
import type { Journal } from './db/repos/journal';
import type { Meta } from './db/repos/meta';
import type { Outbox } from './db/repos/outbox';
import type { EventBus } from './event-bus';
import type { Logger } from './log';
import type { BusyProbes } from './settings/busy';
import type { StationDevices } from './station-devices';
import type { StationSync } from './station-sync';

/** Everything a workflow or handler module gets from the station: no globals, one object per station. */
export interface StationContext {
  db: Database;
  clock: Clock;
  log: Logger;
  bus: EventBus;
  journal: Journal;
  outbox: Outbox;
  meta: Meta;
  devices: StationDevices;
  sync: StationSync;
  config: StationConfig;
  /** Open work (receipts, cartons): workflow modules register probes; updates wait until none reports busy. */
  busy: BusyProbes;
  stationId: string;
  site(): SiteSettings;
  /** The screen the operator is on: hardware scans are routed to its workflow. */
  currentWorkflow(): Workflow;
  /**
   * Journals an action and, when `op` is given, enqueues its sync op, in one transaction together with `change`.
   * Returns what `change` returns. The sync client is told to push afterwards.
   */
  record<T>(operator: Operator, action: { kind: string; payload: unknown; op?: { kind: string; payload: unknown } | undefined }, change?: () => T): T;
  /** Finds an active supervisor by badge, for overrides; throws a `forbidden` error otherwise. */
  supervisorByBadge(badge: string): Operator;
  operatorByBadge(badge: string): Operator | null;
}
