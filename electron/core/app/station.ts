import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ScanFeedback, Workflow } from '../../../shared/contract/station';
import type { ScanEvent } from '../../../shared/domain/devices';
import { SiteSettings } from '../../../shared/domain/master-data';
import { type EventName, type EventPayload, eventAudience } from '../../../shared/events';
import { message } from '../../../shared/messages';
import type { Result } from '../../../shared/rpc';
import type { StationContext } from '../context';
import { createCounts, createCountsRepo } from '../counts';
import { devicesHandlers, noDevices, type StationDevices } from '../devices';
import { createInspection, createInspectionRepo } from '../inspection';
import { type Clock, systemClock } from '../kernel/clock';
import { StationConfig } from '../kernel/config';
import { type ConnectionId, currentConnection, inConnection } from '../kernel/connection-scope';
import { StationError } from '../kernel/errors';
import { createEventBus } from '../kernel/event-bus';
import type { Handlers } from '../kernel/handlers';
import { type Logger, silentLogger } from '../kernel/log';
import { createPacking, createPackingRepo } from '../packing';
import { createReceiving, createReceivingKpiRepo, createReceivingRepo, receivingKpis } from '../receiving';
import { createReturns, createReturnsRepo } from '../returns';
import { createBadgeChecks, createSession, feedback, homeWorkflow, type Session, sessionHandlers } from '../session';
import { createBusyProbes, type SetupOptions, setupHandlers } from '../setup';
import { databaseFacts, transactionOf } from '../storage/database';
import { createJournal } from '../storage/journal';
import { createOperatorCredentials } from '../storage/master-data';
import { createMeta } from '../storage/meta';
import { createOutbox } from '../storage/outbox';
import { createRecorder } from '../storage/record';
import { type StationSync, standaloneSync, syncHandlers } from '../sync';
import { createRouter } from './router';
import { deviceHealth, signedOutView, syncHealth } from './signed-out-views';

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

export type StationEventListener = (event: EventName, payload: unknown) => void;

/** One window or tool talking to the station: its own session (operator, screen) and the events meant for it. */
export interface StationConnection {
  readonly id: ConnectionId;
  call(command: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: StationEventListener): () => void;
  /** Signs its operator out (journalled) and stops its events. */
  close(): void;
}

export interface Station {
  /** A call on the station's own connection: the Electron window (one IPC link) and in-process callers. */
  call(command: string, input: unknown): Promise<Result<unknown>>;
  /** Events for the station's own connection. */
  subscribe(listener: StationEventListener): () => void;
  /** A further connection (a browser-shell window, a local tool) with a session of its own. */
  connect(): StationConnection;
  /**
   * A scan from a hardware scanner (serial, HID): it goes to the session of the most recently active connection
   * with an operator signed in; when nobody is signed in anywhere, to the most recently active connection.
   */
  scan(event: ScanEvent, scanId?: string): Promise<ScanFeedback>;
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
  const site = (): SiteSettings => meta.getSharedJson('site_settings', SiteSettings) ?? DEFAULT_SITE;
  // One set of badge checks per station: every connection's sign-ins and approvals count against the same lockout.
  const badges = createBadgeChecks({ credentials: createOperatorCredentials(db), meta, journal, clock, log, site });
  // Sessions are made from the context, and the context answers which screen is in use by asking the caller's session.
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
    site,
    currentWorkflow: () => screen(),
    record: createRecorder({ db, clock, journal, outbox, onEnqueued: () => sync.kick() }),
    badges,
    approvals: {
      scanned: (purpose) => callerSession()?.approvals.scanned(purpose) ?? null,
      consume: (purpose) => callerSession()?.approvals.consume(purpose),
    },
  };

  const receiving = createReceiving(context, createReceivingRepo(db));
  const packing = createPacking(context, createPackingRepo(db));
  const returns = createReturns(context, createReturnsRepo(db));
  const receivingKpiRepo = createReceivingKpiRepo(db);
  const counts = createCounts(context, createCountsRepo(db));
  const inspection = createInspection(context, createInspectionRepo(db), receiving);
  const modules = [homeWorkflow(), receiving.workflow, packing.workflow, returns.workflow, counts.workflow];

  interface Attached {
    session: Session;
    listeners: Set<StationEventListener>;
    /** When it last called (a counter, not a clock): hardware scans go to the most recently active one. */
    activeAt: number;
  }
  const connections = new Map<ConnectionId, Attached>();
  let activity = 0;
  const attach = (): ConnectionId => {
    const connectionId = `conn-${randomUUID()}`;
    connections.set(connectionId, { session: createSession(context, modules), listeners: new Set(), activeAt: 0 });
    return connectionId;
  };
  const own = attach();
  const attachedOf = (connectionId: ConnectionId | null): Attached | undefined => connections.get(connectionId ?? own);
  /** Which connection a hardware scan belongs to (see `Station.scan`): signed in first, then the most recently active. */
  const scannerConnection = (): ConnectionId => {
    const rank = (a: Attached) => (a.session.operator() ? 1 : 0);
    let best: ConnectionId = own;
    for (const [connectionId, candidate] of connections) {
      const current = connections.get(best);
      if (!current || rank(candidate) > rank(current) || (rank(candidate) === rank(current) && candidate.activeAt > current.activeAt))
        best = connectionId;
    }
    return best;
  };
  /** The session of whoever is calling; a closed connection's late work has none. */
  const callerSession = (): Session | null => attachedOf(currentConnection())?.session ?? null;
  screen = () => callerSession()?.workflow() ?? 'home';

  const sessionOfCaller: Session = {
    operator: () => callerSession()?.operator() ?? null,
    workflow: () => callerSession()?.workflow() ?? 'home',
    signIn: (badge, via, pin) => {
      const session = callerSession();
      if (!session) throw new StationError('not_signed_in', message('session.connectionClosed'));
      return session.signIn(badge, via, pin);
    },
    signOut: () => callerSession()?.signOut() ?? null,
    selectWorkflow: (next) => {
      const session = callerSession();
      if (!session) throw new StationError('not_signed_in', message('session.connectionClosed'));
      session.selectWorkflow(next);
    },
    scan: (event, scanId) => {
      const session = callerSession();
      if (!session) return Promise.resolve(feedback.refused('home', 'not_signed_in', message('session.connectionClosed')));
      return session.scan(event, scanId);
    },
    get approvals() {
      const session = callerSession();
      if (!session) throw new StationError('not_signed_in', message('session.connectionClosed'));
      return session.approvals;
    },
  };

  const handlers: Handlers = {
    ...sessionHandlers(context, sessionOfCaller, { version: options.version ?? '0.0.0', dataDir: options.dataDir ?? ':memory:' }),
    ...devicesHandlers(context),
    ...syncHandlers(context),
    ...receiving.handlers,
    ...packing.handlers,
    ...returns.handlers,
    'receiving.kpis': (_input, call) => {
      if (!call.operator) throw new StationError('not_signed_in', message('session.signInFirst'));
      return receivingKpis(receivingKpiRepo, clock, call.operator, returns.figures);
    },
    ...counts.handlers,
    ...inspection.handlers,
    ...setupHandlers(context, { ...options.setup, dataDir: options.dataDir, version: options.version }),
  };
  const router = createRouter(
    handlers,
    () => sessionOfCaller.operator(),
    (command, error) => log.error({ command, err: error }, 'command failed'),
    signedOutView,
  );

  const callAs = (connectionId: ConnectionId, command: string, input: unknown): Promise<Result<unknown>> => {
    const attached = connections.get(connectionId);
    if (!attached) return Promise.resolve({ ok: false, error: { code: 'offline', message: message('session.connectionClosed') } });
    activity += 1;
    attached.activeAt = activity;
    return inConnection(connectionId, () => router.call(command, input));
  };

  /** Each event goes to its audience; a connection with nobody signed in sees health without hosts or paths. */
  const unsubscribeBus = bus.subscribe((event, payload, from) => {
    const audience = eventAudience[event];
    for (const [connectionId, attached] of connections) {
      if (attached.listeners.size === 0) continue;
      const signedIn = attached.session.operator() !== null;
      let delivered: unknown = payload;
      if (audience === 'own') {
        if (from !== null ? from !== connectionId : !signedIn) continue;
      } else if (audience === 'signed-in') {
        if (!signedIn) continue;
      } else if (!signedIn) {
        if (event === 'device.status') delivered = deviceHealth(payload as EventPayload<'device.status'>);
        else if (event === 'sync.state') delivered = syncHealth(payload as EventPayload<'sync.state'>);
      }
      for (const listener of attached.listeners) listener(event, delivered);
    }
  });

  const subscribeAs = (connectionId: ConnectionId, listener: StationEventListener): (() => void) => {
    const attached = connections.get(connectionId);
    if (!attached) return () => undefined;
    attached.listeners.add(listener);
    return () => attached.listeners.delete(listener);
  };

  const routeScan = (event: ScanEvent): Promise<ScanFeedback> => {
    const target = scannerConnection();
    const session = connections.get(target)?.session;
    if (!session) return Promise.resolve(feedback.refused('home', 'not_signed_in', message('session.signInFirst')));
    return inConnection(target, () => session.scan(event));
  };

  const unsubscribeDevices = devices.onEvent((e) => {
    if (e.type === 'scan') void routeScan(e.scan);
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
    call: (command, input) => callAs(own, command, input),
    subscribe: (listener) => subscribeAs(own, listener),
    connect() {
      const connectionId = attach();
      return {
        id: connectionId,
        call: (command, input) => callAs(connectionId, command, input),
        subscribe: (listener) => subscribeAs(connectionId, listener),
        close() {
          const attached = connections.get(connectionId);
          if (!attached) return;
          attached.listeners.clear();
          inConnection(connectionId, () => attached.session.signOut());
          connections.delete(connectionId);
        },
      };
    },
    scan: routeScan,
    context,
    async close() {
      unsubscribeBus();
      unsubscribeDevices();
      unsubscribeSync();
      await sync.stop();
      await packing.close();
      await devices.close();
      db.close();
      await options.onClose?.();
    },
  };
}
