import { z } from 'zod';
import { OperatorPin } from '../domain/master-data';
import { ReceivingKpis } from '../domain/receiving-kpis';
import { ReturnCondition, ReturnDisposition, ReturnsState } from '../domain/returns';
import { defineCommands } from './define';

const Empty = z.object({}).strict();
const Code = z.string().trim().min(1, 'scan or type the code').max(64);
const UnitId = z.string().min(1).max(64);
const returnsStaff = ['returns', 'supervisor', 'admin'] as const;

export const RmaSummary = z.object({ rmaId: z.string(), number: z.string(), orderId: z.string(), customer: z.string() });
export type RmaSummary = z.infer<typeof RmaSummary>;

export const returnsCommands = defineCommands({
  'returns.state': {
    summary: 'the open return: what the order shipped, what is expected back, the units received and what to do next',
    access: 'signed-in',
    input: Empty,
    output: ReturnsState,
  },
  'returns.open': {
    summary: 'open a return by its RMA number, its order, or the tracking number or SSCC of the shipment (the same as scanning it)',
    access: returnsStaff,
    input: z.object({ code: Code }).strict(),
    output: ReturnsState,
  },
  'returns.find': {
    summary: 'open returns of a customer, by part of the name',
    access: returnsStaff,
    input: z.object({ customer: z.string().trim().min(2, 'type at least 2 letters').max(100) }).strict(),
    output: z.array(RmaSummary).max(50),
  },
  'returns.condition': {
    summary: 'the condition of one received unit',
    access: returnsStaff,
    input: z.object({ unitId: UnitId, condition: ReturnCondition }).strict(),
    output: ReturnsState,
  },
  'returns.disposition': {
    summary: "where one received unit goes; the site's rules refuse what they rule out",
    access: returnsStaff,
    input: z.object({ unitId: UnitId, disposition: ReturnDisposition }).strict(),
    output: ReturnsState,
  },
  'returns.approve': {
    summary: 'a supervisor takes in the units not on the RMA with their badge',
    access: returnsStaff,
    input: z
      .object({ badge: Code.optional(), pin: OperatorPin.optional(), scanned: z.literal(true).optional() })
      .strict()
      .refine((v) => v.badge !== undefined || v.scanned === true, { message: 'a supervisor scans or types their badge', path: ['badge'] }),
    output: ReturnsState,
  },
  'returns.remove': {
    summary: 'take a unit off the open return (scanned by mistake)',
    access: returnsStaff,
    input: z.object({ unitId: UnitId }).strict(),
    output: ReturnsState,
  },
  'returns.close': {
    summary: 'close the return: every unit to its disposition, booked on the server',
    access: returnsStaff,
    input: Empty,
    output: ReturnsState,
  },
  'returns.printVendorLabel': {
    summary: 'print the return-to-vendor carton label of the open return',
    access: returnsStaff,
    input: Empty,
    output: ReturnsState,
  },
  'receiving.kpis': {
    summary: "receiving KPIs since the start of the shift: the signed-in receiver's and the station's, returns included",
    access: 'signed-in',
    input: Empty,
    output: ReceivingKpis,
  },
});
