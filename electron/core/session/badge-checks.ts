import { z } from 'zod';
import type { Operator, SiteSettings } from '../../../shared/domain/master-data';
import { isSupervisor } from '../../../shared/domain/roles';
import { type Message, message } from '../../../shared/messages';
import type { ErrorCode } from '../../../shared/rpc';
import { type Clock, isoAt, msAt } from '../kernel/clock';
import { StationError } from '../kernel/errors';
import type { Logger } from '../kernel/log';
import type { Journal } from '../storage/journal';
import type { OperatorCredentials } from '../storage/master-data';
import type { Meta } from '../storage/meta';

/** Wrong badges or PINs in a row before badge checks lock. */
export const FAILURES_BEFORE_LOCKOUT = 5;
/** The first lockout; each further one in a row lasts twice as long, up to `MAX_LOCKOUT_MS`. */
export const FIRST_LOCKOUT_MS = 30_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;
/** A quiet spell (no failure, no lockout) after which the count and the lockout length start over. */
export const FAILURES_FORGOTTEN_AFTER_MS = 15 * 60_000;

const META_LOCKOUT = 'badge.lockout';

/**
 * Kept in meta: a restart does not reset the count or end a lockout. A good badge resets nothing either: an operator
 * who knows their own badge could otherwise sign in between guesses and never be locked out.
 */
const LockoutState = z.object({
  failures: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  lockedUntilMs: z.number().nullable(),
  lastFailureMs: z.number().nullable(),
});
type LockoutState = z.infer<typeof LockoutState>;
const UNLOCKED: LockoutState = { failures: 0, lockouts: 0, lockedUntilMs: null, lastFailureMs: null };

/** A badge (and PIN) offered to sign in or to approve; `via` says where it came from (typed, a scanner, a command). */
export interface BadgeAttempt {
  badge: string;
  pin?: string;
  via: string;
}

/**
 * Every check of a badge at the station, shared by all its connections: one failure count per station, so that
 * opening more connections buys no more guesses. Failures are journaled with the reason and never the badge.
 */
export interface BadgeChecks {
  /** The active holder of `badge`, not counted as an attempt: tells a badge scanned as data from goods. */
  holder(badge: string): Operator | null;
  /** The operator signing in; throws `not_found`, `locked`, `pin_required` or `forbidden`. */
  signIn(attempt: BadgeAttempt): Operator;
  /** The supervisor approving; throws `forbidden`, `locked` or `pin_required`. */
  approve(attempt: BadgeAttempt): Operator;
  /** When the current lockout ends, or null. */
  lockedUntil(): Date | null;
}

export interface BadgeCheckDeps {
  credentials: OperatorCredentials;
  meta: Meta;
  journal: Journal;
  clock: Clock;
  log: Logger;
  site(): SiteSettings;
}

type Purpose = 'signIn' | 'approval';
type FailureReason = 'unknown_badge' | 'not_supervisor' | 'wrong_pin' | 'no_pin';

export function createBadgeChecks(deps: BadgeCheckDeps): BadgeChecks {
  const { credentials, meta, journal, clock, log } = deps;
  const load = (): LockoutState => meta.getJson(META_LOCKOUT, LockoutState) ?? UNLOCKED;
  const save = (state: LockoutState) => meta.set(META_LOCKOUT, JSON.stringify(state));

  const lockoutFor = (lockouts: number): number => Math.min(FIRST_LOCKOUT_MS * 2 ** (lockouts - 1), MAX_LOCKOUT_MS);
  const secondsLeft = (untilMs: number): number => Math.ceil((untilMs - msAt(clock)) / 1000);

  /** Counts a failure, locks after the fifth in a row, journals it; answers the sentence to add about a lockout. */
  const fail = (purpose: Purpose, via: string, reason: FailureReason, operatorId: string | null): number | null => {
    const now = msAt(clock);
    const previous = load();
    // Quiet since the last failure or the end of the last lockout, whichever is later.
    const quietSince = Math.max(previous.lastFailureMs ?? now, previous.lockedUntilMs ?? 0);
    const state = now - quietSince > FAILURES_FORGOTTEN_AFTER_MS ? UNLOCKED : previous;
    let failures = state.failures + 1;
    let { lockouts, lockedUntilMs } = state;
    if (failures >= FAILURES_BEFORE_LOCKOUT) {
      lockouts += 1;
      lockedUntilMs = now + lockoutFor(lockouts);
      failures = 0;
    }
    save({ failures, lockouts, lockedUntilMs, lastFailureMs: now });
    const lockedUntil = lockedUntilMs !== null && lockedUntilMs > msAt(clock) ? new Date(lockedUntilMs).toISOString() : null;
    journal.append('badge.refused', { purpose, via, reason, lockedUntil }, operatorId, isoAt(clock));
    log.warn({ purpose, via, reason, operatorId, lockedUntil }, 'badge refused');
    return lockedUntil ? secondsLeft(lockedUntilMs as number) : null;
  };
  /** The refusal, with the lockout it started when this was one wrong attempt too many. */
  const refusal = (code: ErrorCode, said: Message, lockedSeconds: number | null): StationError =>
    new StationError(code, lockedSeconds === null ? said : message('badges.refusedAndLocked', { refusal: said, seconds: lockedSeconds }));

  const check = (purpose: Purpose, attempt: BadgeAttempt): Operator => {
    const { lockedUntilMs } = load();
    if (lockedUntilMs !== null && msAt(clock) < lockedUntilMs)
      throw new StationError('locked', message('badges.locked', { seconds: secondsLeft(lockedUntilMs) }));
    const holder = credentials.byBadge(attempt.badge);
    if (!holder) {
      const locked = fail(purpose, attempt.via, 'unknown_badge', null);
      if (purpose === 'signIn') throw refusal('not_found', message('badges.unknownBadge'), locked);
      throw refusal('forbidden', message('badges.supervisorMustScan'), locked);
    }
    if (purpose === 'approval' && !isSupervisor(holder)) {
      const locked = fail(purpose, attempt.via, 'not_supervisor', holder.id);
      throw refusal('forbidden', message('badges.notSupervisor', { name: holder.name }), locked);
    }
    if (deps.site().supervisorPinRequired === true && isSupervisor(holder)) {
      if (attempt.pin === undefined) throw new StationError('pin_required', message('badges.pinRequired', { name: holder.name }));
      if (!credentials.hasPin(holder.id)) {
        const locked = fail(purpose, attempt.via, 'no_pin', holder.id);
        throw refusal('forbidden', message('badges.noPin', { name: holder.name }), locked);
      }
      if (!credentials.pinMatches(holder.id, attempt.pin)) {
        const locked = fail(purpose, attempt.via, 'wrong_pin', holder.id);
        throw refusal('forbidden', message('badges.wrongPin', { name: holder.name }), locked);
      }
    }
    return holder;
  };

  return {
    holder: (badge) => credentials.byBadge(badge),
    signIn: (attempt) => check('signIn', attempt),
    approve: (attempt) => check('approval', attempt),
    lockedUntil() {
      const { lockedUntilMs } = load();
      return lockedUntilMs !== null && msAt(clock) < lockedUntilMs ? new Date(lockedUntilMs) : null;
    },
  };
}
