import type { ScanFeedback, Workflow } from '../../../shared/contract/station';
import type { ScanEvent } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import type { Message } from '../../../shared/messages';
import type { ParsedScan } from '../../../shared/scan';

export interface ScanInput {
  event: ScanEvent;
  parsed: ParsedScan;
  /** The active holder of the scanned data as a badge, as the session looked it up for this scan (absent: not looked up). */
  badgeHolder?: Operator | null;
}

/** A screen's scan handling: every scan, from any scanner, reaches the workflow of the screen the operator is on. */
export interface WorkflowModule {
  workflow: Workflow;
  onScan(scan: ScanInput, operator: Operator): ScanFeedback | Promise<ScanFeedback>;
}

/** Answers to a scan, one per outcome; the sound goes with the outcome. */
export const feedback = {
  accepted: (workflow: Workflow, message: Message): ScanFeedback => ({ outcome: 'accepted', message, sound: 'good', workflow }),
  /** Accepted, with something the operator must notice (a hold, goods not on the PO). */
  warning: (workflow: Workflow, reason: string, message: Message): ScanFeedback => ({
    outcome: 'warning',
    reason,
    message,
    sound: 'warn',
    workflow,
  }),
  refused: (workflow: Workflow, reason: string, message: Message): ScanFeedback => ({
    outcome: 'refused',
    reason,
    message,
    sound: 'bad',
    workflow,
  }),
  /** The station asks for something before it can go on (a lot, an expiry, a serial, a badge, a document). */
  needsInput: (workflow: Workflow, reason: string, message: Message): ScanFeedback => ({
    outcome: 'needs_input',
    reason,
    message,
    sound: 'warn',
    workflow,
  }),
};
