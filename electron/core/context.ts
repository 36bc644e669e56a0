import type { Workflow } from '../../shared/contract/station';
import type { SiteSettings } from '../../shared/domain/master-data';
import type { StationDevices } from './devices';
import type { Clock } from './kernel/clock';
import type { StationConfig } from './kernel/config';
import type { EventBus } from './kernel/event-bus';
import type { Logger } from './kernel/log';
import type { ApprovalDesk, BadgeChecks } from './session';
import type { BusyProbes } from './setup';
import type { DatabaseFacts } from './storage/database';
import type { Journal } from './storage/journal';
import type { Meta } from './storage/meta';
import type { Outbox } from './storage/outbox';
import type { Recorder } from './storage/record';
import type { StationSync } from './sync';

/** Everything a workflow or handler module gets from the station: no globals, one object per station. */
export interface StationContext {
  /** Facts about the cache for diagnostics; features reach their tables through their repo only. */
  database: DatabaseFacts;
  /** Runs `work` in one transaction: the repos' writes inside it commit together or not at all. */
  transaction<T>(work: () => T): T;
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
  /** Journals an action and enqueues its sync op with the change, in one transaction; answers the change's value and the op id. */
  record: Recorder;
  /** Sign-in and supervisor approvals by badge (and PIN): rate-limited per station, failures journaled without the badge. */
  badges: BadgeChecks;
  /** The caller's supervisor badge scanned for an approval (see `ApprovalDesk`). */
  approvals: Pick<ApprovalDesk, 'scanned' | 'consume'>;
}
