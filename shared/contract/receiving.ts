import { z } from 'zod';
import { OperatorPin, Supplier } from '../domain/master-data';
import {
  CloseSummary,
  ConditionSetting,
  Container,
  LpnView,
  PoSummary,
  PrintOutcome,
  PutawayPlan,
  ReceiptView,
  ReceivingAction,
} from '../domain/receiving';
import { ReceiptCondition } from '../sync-protocol';
import { defineCommands } from './define';

const receivers = ['receiver', 'supervisor'] as const;
const Empty = z.object({}).strict();
const Ref = z.string().trim().min(1).max(64);
const Badge = z.string().trim().min(1, 'a supervisor scans or types their badge').max(64);
const Lot = z.string().trim().min(1).max(20);
const Serial = z.string().trim().min(1).max(40);
/** Typed or scanned: YYYY-MM-DD, GS1 YYMMDD (DD 00 = end of month) or DD.MM.YYYY. */
const ExpiryText = z.string().trim().min(6).max(10);
const Qty = z.number().int('a whole number of units').positive('at least one unit').max(1_000_000);
/** An LPN of the open receipt; the current one when left out. */
const LpnRef = z.string().trim().min(1).max(64).optional();

export const receivingCommands = defineCommands({
  'receiving.purchaseOrders': {
    summary: 'open purchase orders to receive, with their ASNs',
    access: receivers,
    input: Empty,
    output: z.array(PoSummary),
  },
  'receiving.open': {
    summary: 'open (or resume) the receipt of a PO, found by PO number, ASN number or a supplier pallet SSCC',
    access: receivers,
    input: z.object({ reference: z.string().trim().min(1, 'scan or type a PO, ASN or SSCC').max(64) }).strict(),
    output: ReceiptView,
  },
  'receiving.suppliers': {
    summary: 'the suppliers a receipt without PO (blind receipt) may be opened for',
    access: receivers,
    input: Empty,
    output: z.array(Supplier),
  },
  'receiving.blind.open': {
    summary: 'open (or resume) a receipt without PO or ASN for a supplier of the site: every unit is scanned, a supervisor closes it',
    access: receivers,
    input: z.object({ supplierId: Ref }).strict(),
    output: ReceivingAction,
  },
  'receiving.pallet.receive': {
    summary: 'weigh the offered supplier pallet and receive it whole when its weight matches the ASN, else ask for a counted sample',
    access: receivers,
    input: z
      .object({
        sscc: z
          .string()
          .regex(/^\d{18}$/, 'an SSCC is 18 digits')
          .optional(),
      })
      .strict(),
    output: ReceivingAction,
  },
  'receiving.pallet.drop': {
    summary: 'receive the offered supplier pallet unit by unit instead of whole',
    access: receivers,
    input: Empty,
    output: ReceiptView,
  },
  'receiving.current': {
    summary: 'the receipt this station is working on, if any',
    access: receivers,
    input: Empty,
    output: ReceiptView.nullable(),
  },
  'receiving.receive': {
    summary: 'receive a typed count of an item (quantity keys), with its lot, expiry and serial',
    access: receivers,
    input: z.object({ itemId: Ref, qty: Qty, lot: Lot.optional(), expiry: ExpiryText.optional(), serial: Serial.optional() }).strict(),
    output: ReceivingAction,
  },
  'receiving.weighCount': {
    summary: 'count an item by weight on the receiving scale (stable reading / unit weight) and receive the count',
    access: receivers,
    input: z
      .object({ itemId: Ref, tareKg: z.number().min(0).max(5000).default(0), lot: Lot.optional(), expiry: ExpiryText.optional() })
      .strict(),
    output: ReceivingAction,
  },
  'receiving.provide': {
    summary: 'type the lot, expiry or serial the last scan lacked',
    access: receivers,
    input: z
      .object({ lot: Lot.optional(), expiry: ExpiryText.optional(), serial: Serial.optional() })
      .strict()
      .refine((v) => v.lot !== undefined || v.expiry !== undefined || v.serial !== undefined, 'give a lot, an expiry or a serial'),
    output: ReceivingAction,
  },
  'receiving.approve': {
    summary: 'a supervisor approves the refused receipt waiting for approval (over-receipt, short shelf life)',
    access: receivers,
    input: z
      .object({ badge: Badge.optional(), pin: OperatorPin.optional(), scanned: z.literal(true).optional() })
      .strict()
      .refine((v) => v.badge !== undefined || v.scanned === true, { message: 'a supervisor scans or types their badge', path: ['badge'] }),
    output: ReceivingAction,
  },
  'receiving.cancelPending': {
    summary: 'drop the scan waiting for a lot, expiry, serial or approval',
    access: receivers,
    input: Empty,
    output: ReceiptView,
  },
  'receiving.setCondition': {
    summary:
      'condition of the next received goods: good, damaged or quarantine, with a reason (a photo comes from the camera: inspection.receiptPhoto)',
    access: receivers,
    input: z
      .object({
        condition: ReceiptCondition,
        reason: z.string().trim().max(200).optional(),
      })
      .strict()
      .refine((v) => v.condition === 'good' || (v.reason !== undefined && v.reason.length > 0), {
        message: 'say why the goods are not good',
        path: ['reason'],
      }),
    output: ConditionSetting,
  },
  'receiving.linkBarcode': {
    summary: 'a supervisor links an unknown barcode to an item (sent to the server as item.barcode.link)',
    access: receivers,
    input: z
      .object({
        code: z.string().trim().min(1).max(64),
        itemId: Ref,
        packQty: z.number().int().positive().max(100_000).default(1),
        supervisorBadge: Badge.optional(),
        supervisorPin: OperatorPin.optional(),
        /** The supervisor scanned their badge after `approval.await`. */
        supervisorScanned: z.literal(true).optional(),
      })
      .strict(),
    output: z.object({ code: z.string(), itemId: z.string(), packQty: z.number().int() }),
  },
  'receiving.undo': {
    summary: 'undo the last received scan of the open receipt',
    access: receivers,
    input: Empty,
    output: ReceivingAction,
  },
  'receiving.lpn.start': {
    summary: 'start a license plate (pallet or tote) that the next goods are received onto',
    access: receivers,
    input: z.object({ container: Container, label: z.enum(['sscc', 'internal']) }).strict(),
    output: LpnView,
  },
  'receiving.lpn.undoPutaway': {
    summary: 'take a putaway of the open receipt back: the plate is at the receiving dock again',
    access: receivers,
    input: z.object({ lpn: z.string().trim().min(1).max(64) }).strict(),
    output: ReceivingAction,
  },
  'receiving.lpn.split': {
    summary: 'move units of an item off a license plate not yet put away onto a new one (a held unit off a mixed pallet)',
    access: receivers,
    input: z
      .object({
        lpn: z.string().trim().min(1).max(64),
        itemId: Ref,
        lot: Lot.nullable().optional(),
        onHold: z.boolean().optional(),
        qty: Qty,
        container: Container.default('tote'),
      })
      .strict(),
    output: ReceivingAction,
  },
  'receiving.lpn.weigh': {
    summary: 'weigh the LPN on the receiving scale and compare with the ASN weight',
    access: receivers,
    input: z.object({ lpn: LpnRef }).strict(),
    output: LpnView,
  },
  'receiving.lpn.print': {
    summary: 'print the LPN label: the GS1 logistic label (SSCC) or the internal LPN label with its putaway location',
    access: receivers,
    input: z.object({ lpn: LpnRef, label: z.enum(['sscc', 'lpn']), reprintReason: z.string().trim().min(1).max(200).optional() }).strict(),
    output: PrintOutcome,
  },
  'receiving.lpn.suggest': {
    summary: 'ranked putaway locations for the LPN, with the reasons and the locations ruled out',
    access: receivers,
    input: z.object({ lpn: LpnRef }).strict(),
    output: PutawayPlan,
  },
  'receiving.lpn.putaway': {
    summary: 'confirm where the LPN goes (the best suggestion when no location is given)',
    access: receivers,
    input: z
      .object({
        lpn: LpnRef,
        location: z.string().trim().min(1).max(64).optional(),
        /** Quarantine takes everything on the plate: a supervisor approves it. */
        supervisorBadge: Badge.optional(),
        supervisorPin: OperatorPin.optional(),
        supervisorScanned: z.literal(true).optional(),
      })
      .strict(),
    output: LpnView,
  },
  'receiving.closePreview': {
    summary: 'the discrepancy summary closing the receipt would record',
    access: receivers,
    input: Empty,
    output: CloseSummary,
  },
  'receiving.close': {
    summary: 'close the receipt: short lines recorded, discrepancies approved by a supervisor badge, optional report',
    access: receivers,
    input: z
      .object({
        supervisorBadge: Badge.optional(),
        supervisorPin: OperatorPin.optional(),
        /** The supervisor scanned their badge after `approval.await`. */
        supervisorScanned: z.literal(true).optional(),
        printReport: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ summary: CloseSummary, approvedBy: z.string().nullable(), report: PrintOutcome.nullable() }),
  },
});
