import { z } from 'zod';
import { Operator, OperatorPin, SiteReasons } from '../domain/master-data';
import { StationRole } from '../domain/roles';
import { Message } from '../messages';
import { defineCommands } from './define';

export { StationRole };

export const Workflow = z.enum(['home', 'receiving', 'packing', 'returns', 'counts', 'devices', 'sync', 'diagnostics']);
export type Workflow = z.infer<typeof Workflow>;

export const StationInfo = z.object({
  stationId: z.string(),
  stationName: z.string(),
  stationRole: StationRole,
  siteName: z.string(),
  version: z.string(),
  training: z.boolean(),
  dataDir: z.string(),
  /** Character a wedge scanner types in place of GS (FNC1), if the site set one. */
  wedgeSeparator: z.string().max(1).nullable(),
  /** How the renderer tells a wedge scanner from typing: the site's prefix and suffix, the station's key timing. */
  wedge: z.object({ prefix: z.string(), suffix: z.enum(['Enter', 'Tab']), burstKeyMs: z.number() }),
  locale: z.string(),
});
export type StationInfo = z.infer<typeof StationInfo>;

/** What the station says back about a scan: shown big on screen, with a sound. */
/**
 * How a scan went: accepted (green), accepted with a warning the operator must notice (amber), refused (red),
 * or the station needs an answer first (blue). The screen takes the outcome from here, never from the words.
 */
export const ScanOutcome = z.enum(['accepted', 'warning', 'refused', 'needs_input']);
export type ScanOutcome = z.infer<typeof ScanOutcome>;

/** Tells the answer to one scan apart from the answer to the one before, repeats included. */
export const ScanId = z.string().min(1).max(64);

export const ScanFeedback = z.object({
  outcome: ScanOutcome,
  message: Message,
  sound: z.enum(['good', 'bad', 'warn', 'none']),
  /** Machine-readable reason, e.g. "wrong_item", "on_hold", "unknown_barcode". */
  reason: z.string().optional(),
  workflow: Workflow,
  /** The `scanId` the scan was submitted with, echoed. */
  scanId: ScanId.optional(),
});
export type ScanFeedback = z.infer<typeof ScanFeedback>;

const Empty = z.object({}).strict();

/** What a supervisor approves by badge. */
export const ApprovalPurpose = z.enum([
  'receiving.close',
  'receiving.linkBarcode',
  'receiving.pending',
  'receiving.quarantine',
  'packing.overrideWeight',
  'returns.notOnRma',
  'counts.variance',
]);
export type ApprovalPurpose = z.infer<typeof ApprovalPurpose>;

const SupervisorBadge = z.string().trim().min(1, 'a supervisor scans or types their badge').max(64);
/** A supervisor's approval: the badge scanned while the station waited for it, or typed; a PIN where the site asks. */
export const SupervisorApproval = z.union([
  z.object({ scanned: z.literal(true), pin: OperatorPin.optional() }).strict(),
  z.object({ badge: SupervisorBadge, pin: OperatorPin.optional() }).strict(),
]);
export type SupervisorApproval = z.infer<typeof SupervisorApproval>;

export const stationCommands = defineCommands({
  'station.info': { summary: 'who and what this station is', access: 'public', input: Empty, output: StationInfo },
  'session.signIn': {
    summary: 'sign in by badge scan or typed code',
    access: 'public',
    input: z.object({ badge: z.string().trim().min(1, 'scan or type your badge').max(64), pin: OperatorPin.optional() }).strict(),
    output: Operator,
  },
  'session.signOut': { summary: 'sign the operator out', access: 'public', input: Empty, output: z.object({ signedOut: z.boolean() }) },
  'session.current': { summary: 'the signed-in operator, if any', access: 'public', input: Empty, output: Operator.nullable() },
  'workflow.select': {
    summary: 'the screen the operator is on; scans from hardware scanners go to it',
    access: 'signed-in',
    input: z.object({ workflow: Workflow }).strict(),
    output: z.object({ workflow: Workflow }),
  },
  'scan.submit': {
    summary: 'a scan typed into the window by a keyboard-wedge scanner (or by hand)',
    access: 'signed-in',
    input: z
      .object({
        data: z.string().min(1, 'empty scan').max(4096),
        source: z.enum(['wedge', 'manual']).default('wedge'),
        scanId: ScanId.optional(),
      })
      .strict(),
    output: ScanFeedback,
  },
  'site.reasons': {
    summary: "the site's reasons operators pick from, per kind",
    access: 'signed-in',
    input: Empty,
    output: SiteReasons,
  },
  'approval.await': {
    summary: 'the next scan at this connection is a supervisor badge approving `purpose`, not goods',
    access: 'signed-in',
    input: z.object({ purpose: ApprovalPurpose }).strict(),
    output: z.object({ purpose: ApprovalPurpose }),
  },
  'approval.cancel': {
    summary: 'stop waiting for a supervisor badge and forget one scanned',
    access: 'signed-in',
    input: Empty,
    output: z.object({ cancelled: z.boolean() }),
  },
  'journal.recent': {
    summary: 'the latest actions at this station',
    access: 'signed-in',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(
      z.object({ seq: z.number(), at: z.string(), operatorId: z.string().nullable(), kind: z.string(), payload: z.unknown() }),
    ),
  },
});
