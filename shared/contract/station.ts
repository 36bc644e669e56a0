import { z } from 'zod';
import { Operator, OperatorPin } from '../domain/master-data';
import { StationRole } from '../domain/roles';
import { defineCommands } from './define';

export { StationRole };

export const Workflow = z.enum(['home', 'receiving', 'packing', 'devices', 'sync', 'diagnostics']);
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
  locale: z.string(),
});
export type StationInfo = z.infer<typeof StationInfo>;

/** What the station says back about a scan: shown big on screen, with a sound. */
export const ScanFeedback = z.object({
  decision: z.enum(['accepted', 'rejected', 'info']),
  message: z.string(),
  sound: z.enum(['good', 'bad', 'warn', 'none']),
  /** Machine-readable reason for a rejection, e.g. "wrong_item", "on_hold", "unknown_barcode". */
  reason: z.string().optional(),
  workflow: Workflow,
});
export type ScanFeedback = z.infer<typeof ScanFeedback>;

const Empty = z.object({}).strict();

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
    input: z.object({ data: z.string().min(1, 'empty scan').max(4096), source: z.enum(['wedge', 'manual']).default('wedge') }).strict(),
    output: ScanFeedback,
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
