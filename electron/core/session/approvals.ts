import type { ApprovalPurpose, ScanFeedback, SupervisorApproval, Workflow } from '../../../shared/contract/station';
import type { ScanEvent } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import { message } from '../../../shared/messages';
import { parseScan } from '../../../shared/scan';
import type { StationContext } from '../context';
import { msAt } from '../kernel/clock';
import { StationError } from '../kernel/errors';
import { feedback } from './workflow';

/** A scanned badge stands for its approval this long: a badge scanned and walked away from approves nothing later. */
export const SCANNED_BADGE_VALID_MS = 120_000;

/** A supervisor's badge scanned for one approval, kept until the action it approves takes it. */
export interface ScannedBadge {
  purpose: ApprovalPurpose;
  badge: string;
  via: string;
  atMs: number;
}

/**
 * One connection's wait for a supervisor: after `await`, the next scan is taken as the badge for that approval,
 * never as goods. The badge is checked when scanned (a non-supervisor is refused there, and the wait goes on) and
 * again with the PIN, where the site asks for one, when the action takes it.
 */
export interface ApprovalDesk {
  await(purpose: ApprovalPurpose): void;
  cancel(): boolean;
  waiting(): ApprovalPurpose | null;
  /** The scan taken as the badge; refusals (unknown badge, not a supervisor, lockout) throw and keep the wait. */
  takeScan(event: ScanEvent, workflow: Workflow): ScanFeedback;
  /** The badge scanned for `purpose`, while still valid. */
  scanned(purpose: ApprovalPurpose): ScannedBadge | null;
  /** Forgets the scanned badge once its approval is recorded. */
  consume(purpose: ApprovalPurpose): void;
}

export function createApprovalDesk(ctx: StationContext): ApprovalDesk {
  let waitingFor: ApprovalPurpose | null = null;
  let held: ScannedBadge | null = null;
  return {
    await(purpose) {
      waitingFor = purpose;
      held = null;
    },
    cancel() {
      const had = waitingFor !== null || held !== null;
      waitingFor = null;
      held = null;
      return had;
    },
    waiting: () => waitingFor,
    takeScan(event, workflow) {
      const purpose = waitingFor;
      if (purpose === null) throw new StationError('rule', message('approvals.nothingWaits'));
      const badge = event.data.trim();
      // Goods labels (GS1 element strings, pallet SSCCs) are no badge guesses: refused without counting toward a lockout.
      const parsed = parseScan(event.data, { aimId: event.aimId, separator: ctx.config.wedgeSeparator ?? undefined });
      if (parsed.ok && (parsed.kind === 'gs1' || parsed.kind === 'sscc'))
        throw new StationError('forbidden', message('badges.supervisorMustScan'));
      let supervisor: Operator;
      let pinRequired = false;
      try {
        supervisor = ctx.badges.approve({ badge, via: `${purpose}:${event.source}` });
      } catch (error) {
        const holder = ctx.badges.holder(badge);
        if (!(error instanceof StationError && error.code === 'pin_required') || !holder) throw error;
        supervisor = holder;
        pinRequired = true;
      }
      waitingFor = null;
      held = { purpose, badge, via: event.source, atMs: msAt(ctx.clock) };
      ctx.bus.emit('approval.scanned', { purpose, supervisor: { id: supervisor.id, name: supervisor.name }, pinRequired });
      return pinRequired
        ? feedback.needsInput(workflow, 'approval_pin', message('approvals.typePin', { name: supervisor.name }))
        : feedback.accepted(workflow, message('approvals.approvedBy', { name: supervisor.name }));
    },
    scanned(purpose) {
      if (!held || held.purpose !== purpose) return null;
      if (msAt(ctx.clock) - held.atMs > SCANNED_BADGE_VALID_MS) {
        held = null;
        return null;
      }
      return held;
    },
    consume(purpose) {
      if (held?.purpose === purpose) held = null;
    },
  };
}

/**
 * The supervisor approving `purpose`: the badge scanned for it (with the PIN typed on the keypad where the site asks),
 * or a typed badge. Throws `forbidden` when neither is given, and whatever the badge checks throw.
 */
export function approvingSupervisor(ctx: StationContext, purpose: ApprovalPurpose, approval: SupervisorApproval | undefined): Operator {
  if (approval && 'scanned' in approval) {
    const scanned = ctx.approvals.scanned(purpose);
    if (!scanned) throw new StationError('forbidden', message('badges.supervisorMustScan'));
    const supervisor = ctx.badges.approve({ badge: scanned.badge, pin: approval.pin, via: `${purpose}:${scanned.via}` });
    ctx.approvals.consume(purpose);
    return supervisor;
  }
  if (approval) return ctx.badges.approve({ badge: approval.badge, pin: approval.pin, via: purpose });
  throw new StationError('forbidden', message('badges.supervisorMustScan'));
}

/** The approval named by a command's fields: a scanned badge wins over a typed one; undefined when neither is given. */
export function approvalFrom(fields: { badge?: string; pin?: string; scanned?: true }): SupervisorApproval | undefined {
  const pin = fields.pin === undefined ? {} : { pin: fields.pin };
  if (fields.scanned) return { scanned: true, ...pin };
  if (fields.badge !== undefined) return { badge: fields.badge, ...pin };
  return undefined;
}
