import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ScanFeedback, Workflow } from '../../../shared/contract/station';
import type { ScanEvent } from '../../../shared/domain/devices';
import { SiteSettings } from '../../../shared/domain/master-data';
import { isSupervisor } from '../../../shared/domain/roles';
import type { EventName } from '../../../shared/events';
import type { Result } from '../../../shared/rpc';
import type { StationContext } from '../context';
import { devicesHandlers, noDevices, type StationDevices } from '../devices';
import { type Clock, systemClock } from '../kernel/clock';
import { StationConfig } from '../kernel/config';
import { StationError } from '../kernel/errors';
import { createEventBus } from '../kernel/event-bus';
import type { Handlers } from '../kernel/handlers';
import { type Logger, silentLogger } from '../kernel/log';
import { createPacking, createPackingRepo } from '../packing';
import { createReceiving, createReceivingRepo } from '../receiving';
import { createSession, homeWorkflow, sessionHandlers } from '../session';
import { createBusyProbes, type SetupOptions, setupHandlers } from '../setup';
import { databaseFacts, transactionOf } from '../storage/database';
import { createJournal } from '../storage/journal';
import { createOperatorLookup } from '../storage/master-data';
import { createMeta } from '../storage/meta';
import { createOutbox } from '../storage/outbox';
import { createRecorder } from '../storage/record';
import { type StationSync, standaloneSync, syncHandlers } from '../sync';
import { createRouter } from './router';

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
  siteId: 'SITE-LOCAL',
  siteName: 'Unenrolled station',
  gs1CompanyPrefix: '0000000',
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
  const operatorByBadge = createOperatorLookup(db);
  // The session is made from the context, and the context answers which screen is in use by asking the session.
  let screen = (): Workflow => 'home';

  const context: StationContext = {
    database: databaseFacts(db),
    transaction: transactionOf(db),
    clock,
    log,
    bus,
    journal,
    outbox,
    meta,
    devices,
    sync,
    config,
    stationId: id,
    busy: createBusyProbes(),
    site: () => meta.getJson('site_settings', SiteSettings) ?? DEFAULT_SITE,
    currentWorkflow: () => screen(),
    record: createRecorder({ db, clock, journal, outbox, onEnqueued: () => sync.kick() }),
    operatorByBadge,
    supervisorByBadge(badge) {
      const sup = operatorByBadge(badge);
      if (!sup || !isSupervisor(sup)) {
        throw new StationError('forbidden', 'A supervisor must scan their badge to approve this.');
      }
      return sup;
    },
  };

  const receiving = createReceiving(context, createReceivingRepo(db));
  const packing = createPacking(context, createPackingRepo(db));
  const session = createSession(context, [homeWorkflow(), receiving.workflow, packing.workflow]);
  screen = session.workflow;

  const handlers: Handlers = {
    ...sessionHandlers(context, session, { version: options.version ?? '0.0.0', dataDir: options.dataDir ?? ':memory:' }),
    ...devicesHandlers(context),
    ...syncHandlers(context),
    ...receiving.handlers,
    ...packing.handlers,
    ...setupHandlers(context, { ...options.setup, dataDir: options.dataDir, version: options.version }),
  };
  const router = createRouter(
    handlers,
    () => session.operator(),
    (command, error) => log.error({ command, err: error }, 'command failed'),
  );

  const unsubscribeDevices = devices.onEvent((e) => {
    if (e.type === 'scan') void session.scan(e.scan);
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
    scan: (event) => session.scan(event),
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
