import { z } from 'zod';
import { OperatorPin } from '../domain/master-data';
import { Manifest, PackKpis, PackState, PrintJob } from '../domain/packing';
import { defineCommands } from './define';

const Empty = z.object({}).strict();
const Reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(200);
const LineNo = z.number().int().positive();
const Code = z.string().trim().min(1, 'scan or type the code').max(64);
const packers = ['packer', 'supervisor'] as const;
/** A printed name on the command sheet: one line of plain text. */
const SheetText = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\p{Cc}]*$/u, 'one line of text');
/** The commands the sheet prints (carton types come from the master data). */
export const SHEET_COMMANDS = ['close-carton', 'next-carton', 'reprint', 'weigh', 'put-down', 'cancel', 'confirm'] as const;
export type SheetCommand = (typeof SHEET_COMMANDS)[number];

export const packingCommands = defineCommands({
  'packing.state': {
    summary: 'the order on the bench: lines, cartons, weight check, label, what to do next',
    access: 'signed-in',
    input: Empty,
    output: PackState,
  },
  'packing.open': {
    summary: 'open an order by its number, tote or pick list code (the same as scanning it)',
    access: packers,
    input: z.object({ code: Code }).strict(),
    output: PackState,
  },
  'packing.leave': {
    summary: 'put the order down; units in the open carton go back to the tote',
    access: packers,
    input: Empty,
    output: PackState,
  },
  'packing.quantity': {
    summary: 'typed quantity for a multi-unit line, right after one verifying scan of it',
    access: packers,
    input: z.object({ lineNo: LineNo, qty: z.number().int().positive().max(10_000) }).strict(),
    output: PackState,
  },
  'packing.chooseCarton': {
    summary: 'override the recommended carton type (for the open carton, or the next one)',
    access: packers,
    input: z.object({ cartonType: Code }).strict(),
    output: PackState,
  },
  'packing.weigh': {
    summary: 'weigh the open carton on the pack scale (stable reading) and check it against the expected weight',
    access: packers,
    input: Empty,
    output: PackState,
  },
  'packing.overrideWeight': {
    summary: 'a supervisor accepts an out-of-tolerance weight with their badge and a reason',
    access: packers,
    input: z
      .object({ badge: Code.optional(), pin: OperatorPin.optional(), scanned: z.literal(true).optional(), reason: Reason })
      .strict()
      .refine((v) => v.badge !== undefined || v.scanned === true, { message: 'a supervisor scans or types their badge', path: ['badge'] }),
    output: PackState,
  },
  'packing.printLabel': {
    summary: 'get the tracking number from the carrier and print the shipping label of the open carton',
    access: packers,
    input: Empty,
    output: PackState,
  },
  'packing.reprintLabel': {
    summary: 'print the same shipping label again, with a reason (the open carton, the last closed one, or the one named)',
    access: packers,
    input: z.object({ reason: Reason, cartonId: z.string().min(1).max(64).optional() }).strict(),
    output: PackState,
  },
  'packing.voidLabel': {
    summary: 'void the shipping label of the open carton (a new one is printed after re-weighing)',
    access: packers,
    input: z.object({ reason: Reason }).strict(),
    output: PackState,
  },
  'packing.printSlip': {
    summary: 'print the packing slip (PDF) of the order',
    access: packers,
    input: Empty,
    output: PrintJob,
  },
  'packing.closeCarton': {
    summary: 'close the open carton: weighed, labelled; sends pack.carton.close',
    access: packers,
    input: Empty,
    output: PackState,
  },
  'packing.closeShipment': {
    summary: 'close the shipment once every unit is in a closed carton; sends shipment.close',
    access: packers,
    input: Empty,
    output: PackState,
  },
  'packing.short': {
    summary: 'an item cannot be found: the order goes to the problem shelf with a reason',
    access: packers,
    input: z.object({ lineNo: LineNo, reason: Reason }).strict(),
    output: PackState,
  },
  'packing.damaged': {
    summary: 'a unit is damaged: take it out (if scanned) and either pack a replacement or send the order to the problem shelf',
    access: packers,
    input: z
      .object({ lineNo: LineNo, unitId: z.number().int().positive().optional(), reason: Reason, action: z.enum(['replace', 'problem']) })
      .strict(),
    output: PackState,
  },
  'packing.manifests': {
    summary: "the day's carrier manifests: shipped cartons per carrier, open or closed",
    access: 'signed-in',
    input: z.object({ date: z.iso.date().optional() }).strict(),
    output: z.array(Manifest),
  },
  'packing.closeManifest': {
    summary: "close a carrier's manifest for the pickup; sends manifest.close. A closed manifest takes no more cartons",
    access: packers,
    input: z.object({ manifestId: Code }).strict(),
    output: Manifest,
  },
  'packing.printManifest': {
    summary: 'print a manifest (PDF) for the driver to sign',
    access: packers,
    input: z.object({ manifestId: Code }).strict(),
    output: PrintJob,
  },
  'packing.labelPicture': {
    summary: "pictures of a carton's shipping label as printed, as PNG data URLs (rendered beside the scan path)",
    access: 'signed-in',
    input: z.object({ cartonId: z.string().min(1).max(64) }).strict(),
    output: z.object({ images: z.array(z.string().startsWith('data:image/png;base64,')) }),
  },
  'packing.commandSheet': {
    summary: 'the command sheet (PDF): every command barcode and one per carton type, with the names the screen gives them',
    access: 'signed-in',
    input: z
      .object({
        /** The sheet's heading and each command's name, in the operator's language (the screen translates them). */
        title: SheetText,
        names: z
          .object(Object.fromEntries(SHEET_COMMANDS.map((name) => [name, SheetText])) as Record<SheetCommand, typeof SheetText>)
          .strict(),
        /** Printed before each carton type's description, e.g. "Carton type". */
        cartonType: SheetText,
      })
      .strict(),
    output: z.object({ pdf: z.string().startsWith('data:application/pdf;base64,') }),
  },
  'packing.kpis': {
    summary: 'orders and units per hour, scan errors caught, weight exceptions: for the signed-in packer and the shift',
    access: 'signed-in',
    input: Empty,
    output: PackKpis,
  },
});
