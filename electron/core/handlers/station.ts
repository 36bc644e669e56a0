import type { ScanFeedback, Workflow } from '../../../shared/contract/station';
import type { ScanEvent } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import type { StationContext } from '../context';
import { StationError } from '../errors';
import { workflowRefusal } from '../workflows/access';
import type { HandlersFor } from '../router';

interface SessionControl {
  version: string;
  dataDir: string;
  session(): Operator | null;
  setOperator(operator: Operator | null): void;
  setWorkflow(workflow: Workflow): void;
  scan(event: ScanEvent): Promise<ScanFeedback>;
}

type StationCommands = 'station.info' | 'session.signIn' | 'session.signOut' | 'session.current' | 'workflow.select' | 'scan.submit' | 'journal.recent';

export function stationHandlers(ctx: StationContext, control: SessionControl): HandlersFor<StationCommands> {
  const now = () => ctx.clock.now().toISOString();
  return {
    'station.info': () => ({
      stationId: ctx.stationId,
      stationName: ctx.config.stationName,
      stationRole: ctx.config.stationRole,
      siteName: ctx.site().siteName,
      version: control.version,
      training: ctx.config.training,
      dataDir: control.dataDir,
      wedgeSeparator: ctx.config.wedgeSeparator,
      locale: ctx.config.locale,
    }),
    'session.signIn': ({ badge }) => {
      const operator = ctx.operatorByBadge(badge);
      if (!operator) {
        ctx.journal.append('session.refused', { badge: badge.slice(0, 64) }, null, now());
        throw new StationError('not_found', `Badge "${badge.slice(0, 64)}" is not known at this site. Ask a supervisor to check it.`);
      }
      ctx.journal.append('session.signIn', { badge }, operator.id, now());
      control.setOperator(operator);
      return operator;
    },
    'session.signOut': () => {
      const operator = control.session();
      if (operator) ctx.journal.append('session.signOut', {}, operator.id, now());
      control.setOperator(null);
      return { signedOut: operator !== null };
    },
    'session.current': () => control.session(),
    'workflow.select': ({ workflow }, { operator }) => {
      const refusal = operator ? workflowRefusal(workflow, operator) : null;
      if (refusal) throw new StationError('forbidden', refusal);
      control.setWorkflow(workflow);
      return { workflow };
    },
    'scan.submit': ({ data, source }) =>
      control.scan({ data: data.replace(/[\r\n]+$/, ''), symbology: 'unknown', source: source === 'manual' ? 'wedge' : source, at: now() }),
    'journal.recent': ({ limit }) => ctx.journal.recent(limit).map(({ seq, at, operatorId, kind, payload }) => ({ seq, at, operatorId, kind, payload })),
  };
}
