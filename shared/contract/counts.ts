import { z } from 'zod';
import { CountTaskSummary, CountView } from '../domain/counts';
import { OperatorPin } from '../domain/master-data';
import { InspectionPhoto } from '../rules/inspection';
import { defineCommands } from './define';
import { ScanFeedback } from './station';

const counters = ['counter', 'supervisor'] as const;
const receivers = ['receiver', 'supervisor'] as const;
const Empty = z.object({}).strict();
const Ref = z.string().trim().min(1).max(64);
const Badge = z.string().trim().min(1, 'a supervisor scans or types their badge').max(64);

export const CountAction = z.object({ feedback: ScanFeedback, count: CountView.nullable() });
export type CountAction = z.infer<typeof CountAction>;

export const countsCommands = defineCommands({
  'counts.tasks': {
    summary: 'open count tasks from the ERP, the blind ones without their expected quantity',
    access: counters,
    input: Empty,
    output: z.array(CountTaskSummary),
  },
  'counts.current': { summary: 'the count this station works on, if any', access: counters, input: Empty, output: CountView.nullable() },
  'counts.start': {
    summary: "start an ERP count task; the counter then scans the task's location",
    access: counters,
    input: z.object({ taskId: Ref }).strict(),
    output: CountView,
  },
  'counts.weighCount': {
    summary: 'count small parts of an item by weight on the scale (stable reading / unit weight)',
    access: counters,
    input: z.object({ itemId: Ref, tareKg: z.number().min(0).max(5000).default(0) }).strict(),
    output: CountAction,
  },
  'counts.finish': {
    summary: "compare what was found with the on-hand at the count's start: post, ask for a recount, or ask for a badge",
    access: counters,
    input: Empty,
    output: CountAction,
  },
  'counts.recount': {
    summary: 'another operator counts the location again after a variance beyond the tolerance',
    access: counters,
    input: Empty,
    output: CountView,
  },
  'counts.approve': {
    summary: 'a supervisor approves the variances of a recount by badge; they post as adjustments',
    access: counters,
    input: z
      .object({ badge: Badge.optional(), pin: OperatorPin.optional(), scanned: z.literal(true).optional() })
      .strict()
      .refine((v) => v.badge !== undefined || v.scanned === true, { message: 'a supervisor scans or types their badge', path: ['badge'] }),
    output: CountAction,
  },
  'counts.cancel': {
    summary: 'drop the count: nothing found is posted',
    access: counters,
    input: Empty,
    output: z.object({ cancelled: z.boolean() }),
  },
});

const UnitAnswers = z.array(
  z.union([
    z.object({ questionId: Ref, passed: z.boolean() }).strict(),
    z.object({ questionId: Ref, value: z.number().finite().min(-1_000_000).max(1_000_000) }).strict(),
  ]),
);

export const InspectionPlanView = z.object({
  required: z.boolean(),
  itemId: z.string(),
  sku: z.string(),
  description: z.string(),
  /** Units are inspected one per scanned serial (the unit count follows the serials scanned). */
  serialTracked: z.boolean(),
  /** The scans that asked for the inspection, with the lot, expiry and serial the inspected units are received with. */
  scanned: z.array(z.object({ lot: z.string().nullable(), expiry: z.string().nullable(), serial: z.string().nullable() })),
  checklist: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['check', 'measure']),
      label: z.string(),
      unit: z.string().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
});
export type InspectionPlanView = z.infer<typeof InspectionPlanView>;

export const inspectionCommands = defineCommands({
  'inspection.pending': {
    summary: 'items of the open receipt that are inspected at receipt (flagged item or supplier), with the units still to receive',
    access: receivers,
    input: Empty,
    output: z.array(z.object({ itemId: z.string(), sku: z.string(), description: z.string(), open: z.number().int().nonnegative() })),
  },
  'inspection.plan': {
    summary: "whether an item of the open receipt is inspected, and the checklist (the site's inspection plan)",
    access: receivers,
    input: z.object({ itemId: Ref }).strict(),
    output: InspectionPlanView,
  },
  'inspection.receiptPhoto': {
    summary: "keep a photo from the station's camera of goods of the open receipt received damaged or to quarantine (synced)",
    access: receivers,
    input: z
      .object({ condition: z.enum(['damaged', 'quarantine']), reason: z.string().trim().max(200).optional(), photo: InspectionPhoto })
      .strict(),
    output: z.object({ photoId: z.string() }),
  },
  'inspection.record': {
    summary: 'record an inspection unit by unit: passed units are received to go on to putaway, failed units to hold with the reason',
    access: receivers,
    input: z
      .object({
        itemId: Ref,
        units: z
          .array(z.object({ answers: UnitAnswers.max(30) }).strict())
          .min(1, 'inspect at least one unit')
          .max(500),
        /** A frame from the station's camera, or null: left out. */
        photo: InspectionPhoto.nullable(),
      })
      .strict(),
    output: z.object({
      feedback: ScanFeedback,
      inspectionId: z.string(),
      passed: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
    }),
  },
});
