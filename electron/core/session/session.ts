import type { ScanFeedback, Workflow } from '../../../shared/contract/station';
import type { ScanEvent, ScanSource } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import { message } from '../../../shared/messages';
import { parseScan } from '../../../shared/scan';
import type { StationContext } from '../context';
import { isoAt } from '../kernel/clock';
import { StationError } from '../kernel/errors';
import { describeStorageError } from '../storage/storage-errors';
import { workflowRefusal } from './access';
import { type ApprovalDesk, createApprovalDesk } from './approvals';
import type { WorkflowModule } from './workflow';
import { feedback } from './workflow';

/** How a badge reached the station: typed or scanned on the sign-in screen, or scanned on a device while signed out. */
export type SignInVia = 'typed' | ScanSource;

/**
 * Who is signed in at the station and which screen they work: every scan, from any source, passes through `scan`
 * once, signs the operator in when nobody is, and otherwise goes to the workflow of the current screen.
 */
export interface Session {
  operator(): Operator | null;
  workflow(): Workflow;
  /** Signs in the badge's holder (journalled, the badge never); throws `not_found`, `locked`, `pin_required` or `forbidden`. */
  signIn(badge: string, via: SignInVia, pin?: string): Operator;
  signOut(): Operator | null;
  selectWorkflow(workflow: Workflow): void;
  /** Never throws: a scan from a device has no caller to catch it, so every failure becomes a refusal on screen. */
  scan(event: ScanEvent, scanId?: string): Promise<ScanFeedback>;
  /** This connection's wait for a supervisor badge. */
  approvals: ApprovalDesk;
}

/** Shown and pushed instead of scanned data that is a badge (or a sign-in attempt): badges are credentials. */
export const BADGE_MASK = '[badge]';

export function createSession(ctx: StationContext, modules: readonly WorkflowModule[]): Session {
  const workflows = new Map(modules.map((m) => [m.workflow, m]));
  let operator: Operator | null = null;
  let workflow: Workflow = 'home';
  const approvals = createApprovalDesk(ctx);

  /** A new operator (or none) starts on the home screen: scans never reach a workflow chosen by someone else. */
  const setOperator = (next: Operator | null) => {
    operator = next;
    workflow = 'home';
    approvals.cancel();
    ctx.bus.emit('session.changed', { operator: next });
  };

  const signIn = (badge: string, via: SignInVia, pin?: string): Operator => {
    const holder = ctx.badges.signIn({ badge, pin, via });
    ctx.journal.append('session.signIn', { via }, holder.id, isoAt(ctx.clock));
    setOperator(holder);
    return holder;
  };

  const signInByScan = (event: ScanEvent, current: Workflow): ScanFeedback => {
    const pleaseSignIn = feedback.refused(current, 'not_signed_in', message('session.signInFirst'));
    // GS1 element strings and pallet labels scanned before signing in are no badge guesses; any other code may be a badge.
    const parsed = parseScan(event.data, { aimId: event.aimId, separator: ctx.config.wedgeSeparator ?? undefined });
    if (parsed.ok && (parsed.kind === 'gs1' || parsed.kind === 'sscc')) return pleaseSignIn;
    try {
      const holder = signIn(event.data, event.source);
      return feedback.accepted('home', message('session.welcome', { name: holder.name }));
    } catch (error) {
      if (error instanceof StationError && error.code === 'not_found') return { ...pleaseSignIn, message: error.operatorMessage };
      throw error;
    }
  };

  async function route(event: ScanEvent, current: Workflow, badgeHolder: Operator | null): Promise<ScanFeedback> {
    if (!operator) return signInByScan(event, current);
    const refusal = workflowRefusal(current, operator);
    if (refusal) return feedback.refused(current, 'forbidden', refusal);
    if (approvals.waiting() !== null) return approvals.takeScan(event, current);
    const module = workflows.get(current) ?? workflows.get('home');
    const parsed = parseScan(event.data, { aimId: event.aimId, separator: ctx.config.wedgeSeparator ?? undefined });
    return module
      ? module.onScan({ event, parsed, badgeHolder }, operator)
      : feedback.refused(current, 'no_workflow', message('session.noWorkflowHere'));
  }

  return {
    operator: () => operator,
    workflow: () => workflow,
    signIn,
    approvals,
    signOut() {
      const leaving = operator;
      if (leaving) ctx.journal.append('session.signOut', {}, leaving.id, isoAt(ctx.clock));
      setOperator(null);
      return leaving;
    },
    selectWorkflow(next) {
      const refusal = operator ? workflowRefusal(next, operator) : null;
      if (refusal) throw new StationError('forbidden', refusal);
      if (next !== workflow) approvals.cancel();
      workflow = next;
      ctx.bus.emit('workflow.changed', { workflow: next });
    },
    async scan(event, scanId) {
      const current = workflow;
      // A blank scan (a trigger pulled at nothing, a stray Enter) is no scan: it gets no answer and changes nothing.
      if (event.data.trim() === '')
        return { ...feedback.refused(current, 'blank', message('session.blankScan')), sound: 'none', ...(scanId ? { scanId } : {}) };
      // A scan while nobody is signed in is a badge attempt; a badge scanned as data later is a credential all the same.
      const badgeHolder = operator === null || approvals.waiting() !== null ? null : ctx.badges.holder(event.data);
      const asBadge = operator === null || approvals.waiting() !== null || badgeHolder !== null;
      const shown = asBadge ? BADGE_MASK : event.data;
      let result: ScanFeedback;
      try {
        result = await route(event, current, badgeHolder);
      } catch (error) {
        const said = error instanceof StationError ? error.operatorMessage : (describeStorageError(error) ?? message('errors.scanFailed'));
        if (!(error instanceof StationError)) ctx.log.error({ err: error, data: shown }, 'scan handler failed');
        result = feedback.refused(current, error instanceof StationError ? error.code : 'internal', said);
      }
      if (scanId) result = { ...result, scanId };
      ctx.bus.emit('scan.result', { ...result, data: shown });
      return result;
    },
  };
}
