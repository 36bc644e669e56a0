import type { ScanFeedback, Workflow } from '../../../shared/contract/station';
import type { ScanEvent } from '../../../shared/domain/devices';
import type { Operator } from '../../../shared/domain/master-data';
import type { ParsedScan } from '../../../shared/scan';

export interface ScanInput {
  event: ScanEvent;
  parsed: ParsedScan;
}

/** A screen's scan handling: every scan, from any scanner, reaches the workflow of the screen the operator is on. */
export interface WorkflowModule {
  workflow: Workflow;
  onScan(scan: ScanInput, operator: Operator): ScanFeedback | Promise<ScanFeedback>;
}

export const feedback = {
  good: (workflow: Workflow, message: string): ScanFeedback => ({ decision: 'accepted', message, sound: 'good', workflow }),
  bad: (workflow: Workflow, reason: string, message: string): ScanFeedback => ({
    decision: 'rejected',
    reason,
    message,
    sound: 'bad',
    workflow,
  }),
  info: (workflow: Workflow, message: string): ScanFeedback => ({ decision: 'info', message, sound: 'none', workflow }),
  warn: (workflow: Workflow, reason: string, message: string): ScanFeedback => ({
    decision: 'rejected',
    reason,
    message,
    sound: 'warn',
    workflow,
  }),
};
