import type { StationContext } from '../context';
import { toScanEvent } from '../devices';
import { isoAt } from '../kernel/clock';
import type { HandlersFor } from '../kernel/handlers';
import type { Session } from './session';

type SessionCommands =
  | 'station.info'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.current'
  | 'workflow.select'
  | 'scan.submit'
  | 'journal.recent'
  | 'site.reasons'
  | 'approval.await'
  | 'approval.cancel';

export function sessionHandlers(
  ctx: StationContext,
  session: Session,
  about: { version: string; dataDir: string },
): HandlersFor<SessionCommands> {
  return {
    'station.info': () => ({
      stationId: ctx.stationId,
      stationName: ctx.config.stationName,
      stationRole: ctx.config.stationRole,
      siteName: ctx.site().siteName,
      version: about.version,
      training: ctx.config.training,
      dataDir: about.dataDir,
      wedgeSeparator: ctx.config.wedgeSeparator,
      wedge: {
        prefix: ctx.site().scannerPrefix ?? '',
        suffix: ctx.site().scannerSuffix ?? 'Enter',
        burstKeyMs: ctx.config.wedgeBurstKeyMs,
      },
      locale: ctx.config.locale,
    }),
    'session.signIn': ({ badge, pin }) => session.signIn(badge, 'typed', pin),
    'session.signOut': () => ({ signedOut: session.signOut() !== null }),
    'session.current': () => session.operator(),
    'workflow.select': ({ workflow }) => {
      session.selectWorkflow(workflow);
      return { workflow };
    },
    'scan.submit': ({ data, source, scanId }) => {
      const raw = data.replace(/[\r\n]+$/, '');
      const context = { source: source === 'manual' ? ('wedge' as const) : source, at: isoAt(ctx.clock) };
      // A keyboard-wedge scanner types its AIM prefix like any other character: split it off as a serial scanner's is.
      const framed = toScanEvent(raw, context);
      return session.scan(framed.ok ? framed.event : { data: raw, symbology: 'unknown', ...context }, scanId);
    },
    'site.reasons': () => ctx.site().reasons ?? {},
    'approval.await': ({ purpose }) => {
      session.approvals.await(purpose);
      return { purpose };
    },
    'approval.cancel': () => ({ cancelled: session.approvals.cancel() }),
    'journal.recent': ({ limit }) =>
      ctx.journal.recent(limit).map(({ seq, at, operatorId, kind, payload }) => ({ seq, at, operatorId, kind, payload })),
  };
}
