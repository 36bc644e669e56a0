import type { ScanFeedback, Workflow } from '../../../shared/contract/station';
import type { ScanEvent, ScanSource } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import { parseScan } from '../../../shared/scan';
import type { StationContext } from '../context';
import { isoAt } from '../kernel/clock';
import { StationError } from '../kernel/errors';
import { describeStorageError } from '../storage/storage-errors';
import { workflowRefusal } from './access';
import type { WorkflowModule } from './workflow';

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
  scan(event: ScanEvent): Promise<ScanFeedback>;
}

/** Shown and pushed instead of scanned data that is a badge (or a sign-in attempt): badges are credentials. */
export const BADGE_MASK = '[badge]';

export function createSession(ctx: StationContext, modules: readonly WorkflowModule[]): Session {
  const workflows = new Map(modules.map((m) => [m.workflow, m]));
  let operator: Operator | null = null;
  let workflow: Workflow = 'home';

  /** A new operator (or none) starts on the home screen: scans never reach a workflow chosen by someone else. */
  const setOperator = (next: Operator | null) => {
    operator = next;
    workflow = 'home';
    ctx.bus.emit('session.changed', { operator: next });
  };

  const signIn = (badge: string, via: SignInVia, pin?: string): Operator => {
    const holder = ctx.badges.signIn({ badge, pin, via });
    ctx.journal.append('session.signIn', { via }, holder.id, isoAt(ctx.clock));
    setOperator(holder);
    return holder;
  };

  const signInByScan = (event: ScanEvent, current: Workflow): ScanFeedback => {
    const pleaseSignIn: ScanFeedback = {
      decision: 'rejected',
      reason: 'not_signed_in',
      message: 'Sign in first: scan your badge.',
      sound: 'bad',
      workflow: current,
    };
    // GS1 element strings and pallet labels scanned before signing in are no badge guesses; any other code may be a badge.
    const parsed = parseScan(event.data, { aimId: event.aimId, separator: ctx.config.wedgeSeparator ?? undefined });
    if (parsed.ok && (parsed.kind === 'gs1' || parsed.kind === 'sscc')) return pleaseSignIn;
    try {
      const holder = signIn(event.data, event.source);
      return { decision: 'accepted', message: `Welcome, ${holder.name}.`, sound: 'good', workflow: 'home' };
    } catch (error) {
      if (error instanceof StationError && error.code === 'not_found') return { ...pleaseSignIn, message: `${error.message}` };
      throw error;
    }
  };

  async function route(event: ScanEvent, current: Workflow): Promise<ScanFeedback> {
    if (!operator) return signInByScan(event, current);
    const refusal = workflowRefusal(current, operator);
    if (refusal) return { decision: 'rejected', reason: 'forbidden', message: refusal, sound: 'bad', workflow: current };
    const module = workflows.get(current) ?? workflows.get('home');
    const parsed = parseScan(event.data, { aimId: event.aimId, separator: ctx.config.wedgeSeparator ?? undefined });
    return module
      ? module.onScan({ event, parsed }, operator)
      : { decision: 'info', message: 'No workflow takes scans here.', sound: 'none', workflow: current };
  }

  return {
    operator: () => operator,
    workflow: () => workflow,
    signIn,
    signOut() {
      const leaving = operator;
      if (leaving) ctx.journal.append('session.signOut', {}, leaving.id, isoAt(ctx.clock));
      setOperator(null);
      return leaving;
    },
    selectWorkflow(next) {
      const refusal = operator ? workflowRefusal(next, operator) : null;
      if (refusal) throw new StationError('forbidden', refusal);
      workflow = next;
      ctx.bus.emit('workflow.changed', { workflow: next });
    },
    async scan(event) {
      const current = workflow;
      // A scan while nobody is signed in is a badge attempt; a badge scanned as data later is a credential all the same.
      const shown = operator === null || ctx.badges.holder(event.data) !== null ? BADGE_MASK : event.data;
      let result: ScanFeedback;
      try {
        result = await route(event, current);
      } catch (error) {
        const message =
          error instanceof StationError
            ? error.message
            : (describeStorageError(error) ?? `The scan could not be handled: ${(error as Error).message}`);
        if (!(error instanceof StationError)) ctx.log.error({ err: error, data: shown }, 'scan handler failed');
        result = {
          decision: 'rejected',
          reason: error instanceof StationError ? error.code : 'internal',
          message,
          sound: 'bad',
          workflow: current,
        };
      }
      ctx.bus.emit('scan.result', { ...result, data: shown });
      return result;
    },
  };
}
