import type { Database } from 'better-sqlite3';
import type { ScanFeedback, Workflow } from '../../shared/contract/station';
import type { ScanEvent } from '../../shared/domain/devices';
import { SiteSettings, type Operator } from '../../shared/domain/master-data';
import type { EventName } from '../../shared/events';
import type { Result } from '../../shared/rpc';
import { parseScan } from '../../shared/scan';
import { systemClock, type Clock } from './clock';
import { StationConfig } from './config';
import type { StationContext } from './context';
import { createJournal } from './db/repos/journal';
import { rowToOperator } from './db/repos/master-data';
import { createMeta } from './db/repos/meta';
import { createOutbox } from './db/repos/outbox';
import { describeStorageError } from './db/storage-errors';
import { StationError } from './errors';
import { createEventBus } from './event-bus';
import { devicesHandlers } from './handlers/devices';
import { stationHandlers } from './handlers/station';
import { syncHandlers } from './handlers/sync';
import { silentLogger, type Logger } from './log';
import { createRouter, type Handlers } from './router';
import { createBusyProbes } from './settings/busy';
import { setupHandlers, type SetupOptions } from './settings/handlers';
import { noDevices, type StationDevices } from './station-devices';
import { standaloneSync, type StationSync } from './station-sync';
import { workflowRefusal } from './workflows/access';
import { homeWorkflow } from './workflows/home';
import { createPacking } from './workflows/packing';
import { createReceiving } from './workflows/receiving';
import type { WorkflowModule } from './workflows/workflow';
import { randomUUID } from 'node:crypto';

export interface StationOptions {
  db: Database;
  config?: StationConfig;
  dataDir?: string;
  version?: string;
  clock?: Clock;
  log?: Logger;
  devices?: StationDevices;
  /** Made once the outbox exists: the sync client reads it. */
  sync?: (deps: { db: Database; clock: Clock; log: Logger }) => StationSync;
  /** First-run setup, credential keeping and restart-after-save, from the host that boots the station. */
  setup?: SetupOptions;
  /** Runs after the station closed its own parts (e.g. the embedded server it was booted with). */
  onClose?: () => Promise<void>;
}

export interface Station {
  call(command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  /** A scan from any source enters here: parsed, routed to the current workflow, answered and pushed. */
  scan(event: ScanEvent): Promise<ScanFeedback>;
  readonly context: StationContext;
  close(): Promise<void>;
}

const DEFAULT_SITE: SiteSettings = SiteSettings.parse({
  siteId: 'SITE-LOCAL', siteName: 'Unenrolled station', gs1CompanyPrefix: '0000000',
  shipFrom: { name: 'Warehouse', street1: '-', city: '-', postalCode: '-', country: 'NL' },
});

export function createStation(options: StationOptions): Station {
  const { db } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger();
  const config = options.config ?? StationConfig.parse({});
  const devices = options.devices ?? noDevices();
  const meta = createMeta(db);
  let stationId = meta.get('station_id');
  if (!stationId) {
    stationId = `ST-${randomUUID()}`;
    meta.set('station_id', stationId);
  }
  const id = stationId;
  const journal = createJournal(db, () => id);
  const outbox = createOutbox(db);
  const bus = createEventBus((event, error) => log.error({ event, err: error }, 'event not sent: it does not match its schema'));
  const sync = options.sync ? options.sync({ db, clock, log }) : standaloneSync(outbox);
  let operator: Operator | null = null;
  let workflow: Workflow = 'home';

  const operatorByBadgeStmt = db.prepare('SELECT * FROM operators WHERE badge = ? AND active = 1');
  const operatorByBadge = (badge: string): Operator | null => {
    const row = operatorByBadgeStmt.get(badge.trim()) as Parameters<typeof rowToOperator>[0] | undefined;
    return row ? rowToOperator(row) : null;
  };

  const context: StationContext = {
    db, clock, log, bus, journal, outbox, meta, devices, sync, config, stationId: id, busy: createBusyProbes(),
    site: () => meta.getJson('site_settings', SiteSettings) ?? DEFAULT_SITE,
    currentWorkflow: () => workflow,
    record(by, action, change) {
      const at = clock.now().toISOString();
      const result = db.transaction(() => {
        const value = change ? change() : (undefined as never);
        journal.append(action.kind, action.payload, by.id, at);
        if (action.op) outbox.enqueue(action.op.kind, action.op.payload, by.id, at);
        return value;
      })();
      if (action.op) sync.kick();
      return result;
    },
    operatorByBadge,
    supervisorByBadge(badge) {
      const sup = operatorByBadge(badge);
      if (!sup || !sup.roles.some((r) => r === 'supervisor' || r === 'admin')) {
        throw new StationError('forbidden', 'A supervisor must scan their badge to approve this.');
      }
      return sup;
    },
  };

  const workflows = new Map<Workflow, WorkflowModule>();
  const register = (module: WorkflowModule) => workflows.set(module.workflow, module);
  register(homeWorkflow());
  const receiving = createReceiving(context);
  const packing = createPacking(context);
  register(receiving.workflow);
  register(packing.workflow);

  /** A new operator (or none) starts on the home screen: scans never reach a workflow chosen by someone else. */
  const setOperator = (next: Operator | null) => {
    operator = next;
    workflow = 'home';
    bus.emit('session.changed', { operator: next });
  };

  async function routeScan(event: ScanEvent, current: Workflow): Promise<ScanFeedback> {
    if (!operator) {
      const badgeHolder = operatorByBadge(event.data);
      if (!badgeHolder) return { decision: 'rejected', reason: 'not_signed_in', message: 'Sign in first: scan your badge.', sound: 'bad', workflow: current };
      journal.append('session.signIn', { badge: event.data, via: event.source }, badgeHolder.id, clock.now().toISOString());
      setOperator(badgeHolder);
      return { decision: 'accepted', message: `Welcome, ${badgeHolder.name}.`, sound: 'good', workflow: 'home' };
    }
    const refusal = workflowRefusal(current, operator);
    if (refusal) return { decision: 'rejected', reason: 'forbidden', message: refusal, sound: 'bad', workflow: current };
    const module = workflows.get(current) ?? workflows.get('home');
    const parsed = parseScan(event.data, { aimId: event.aimId, separator: config.wedgeSeparator ?? undefined });
    return module ? module.onScan({ event, parsed }, operator) : { decision: 'info', message: 'No workflow takes scans here.', sound: 'none', workflow: current };
  }

  /** Never throws: a scan from a device has no caller to catch it, so every failure becomes a refusal on screen. */
  async function scan(event: ScanEvent): Promise<ScanFeedback> {
    const current = workflow;
    let result: ScanFeedback;
    try {
      result = await routeScan(event, current);
    } catch (error) {
      const message = error instanceof StationError ? error.message : describeStorageError(error) ?? `The scan could not be handled: ${(error as Error).message}`;
      if (!(error instanceof StationError)) log.error({ err: error, data: event.data }, 'scan handler failed');
      result = { decision: 'rejected', reason: error instanceof StationError ? error.code : 'internal', message, sound: 'bad', workflow: current };
    }
    bus.emit('scan.result', { ...result, data: event.data });
    return result;
  }

  const handlers: Handlers = {
    ...stationHandlers(context, {
      version: options.version ?? '0.0.0',
      dataDir: options.dataDir ?? ':memory:',
      session: () => operator,
      setOperator,
      setWorkflow: (w) => {
        workflow = w;
        bus.emit('workflow.changed', { workflow: w });
      },
      scan,
    }),
    ...devicesHandlers(context),
    ...syncHandlers(context),
    ...receiving.handlers,
    ...packing.handlers,
    ...setupHandlers(context, { ...options.setup, dataDir: options.dataDir, version: options.version }),
  };
  const router = createRouter(handlers, () => operator, (command, error) => log.error({ command, err: error }, 'command failed'));

  const unsubscribeDevices = devices.onEvent((e) => {
    if (e.type === 'scan') void scan(e.scan);
    else if (e.type === 'scale.reading') bus.emit('scale.reading', { ...e.reading, role: e.role });
    else if (e.type === 'print.job') bus.emit('print.job', e.job);
    else bus.emit('device.status', e.status);
  });
  let lastPullAt: string | null = null;
  const unsubscribeSync = sync.onState((s) => {
    bus.emit('sync.state', s);
    if (s.lastSyncAt !== lastPullAt) {
      lastPullAt = s.lastSyncAt;
      // Master data may have changed under an open order (a cancellation): the pack bench re-checks at once.
      packing.ordersChanged();
    }
  });

  return {
    call: (command, input) => router.call(command, input),
    subscribe: (listener) => bus.subscribe(listener),
    scan,
    context,
    async close() {
      unsubscribeDevices();
      unsubscribeSync();
      await sync.stop();
      await devices.close();
      db.close();
      await options.onClose?.();
    },
  };
}
