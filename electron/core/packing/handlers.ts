import { type packingCommands, SHEET_COMMANDS } from '../../../shared/contract/packing';
import type { Operator } from '../../../shared/domain/master-data';
import { type Message, message } from '../../../shared/messages';
import { parseCommandBarcode, ScanCommand } from '../../../shared/scan/command';
import type { StationContext } from '../context';
import { notFound, StationError } from '../kernel/errors';
import type { CallContext, HandlersFor } from '../kernel/handlers';
import { approvalFrom, feedback, type WorkflowModule } from '../session';
import { createBench, mayPack } from './bench';
import type { CarrierRegistry } from './carriers/carrier';
import { createHouseCarrier, stationCode } from './carriers/house';
import { createCarrierRegistry } from './carriers/registry';
import { createServerCarrier } from './carriers/server';
import { chooseCarton, closeCarton, closeShipment, overrideWeight, weighCarton } from './cartons';
import { buildCommandSheet } from './command-sheet';
import { reportDamaged, reportShort } from './exceptions';
import { createHandsFreeLoop, type HandsFreeLoop, handsFreeOn } from './hands-free';
import { packKpis } from './kpis';
import { createLabelPictures } from './label-picture';
import { printLabel, printSlip, reprintLabel, voidLabel } from './labels';
import { printManifest } from './manifest-print';
import { closeManifest, listManifests } from './manifests';
import { leaveOrder, openOrder, resolveOrder } from './orders';
import { typedQuantity } from './quantity';
import type { PackingRepo } from './repo';
import { handlePackScan } from './scan';
import { packState } from './state';

/** Scan answers that counted a unit into the carton: the hands-free loop looks whether the carton is complete. */
const COUNTED: ReadonlySet<string> = new Set(['packing.counted', 'packing.countedSerial']);

export interface PackingModule {
  handlers: HandlersFor<keyof typeof packingCommands>;
  /** The hands-free loop and command barcodes (tests and the bench wait on its automatic steps). */
  handsFree: HandsFreeLoop;
  workflow: WorkflowModule;
  /** For the sync layer after it pulled orders: stops the bench at once when its order was cancelled. */
  ordersChanged(): void;
  /** Waits for the hands-free loop's step under way and stops the label picture worker. */
  close(): Promise<void>;
}

export interface PackingOptions {
  /** Carrier adapters; by default house labels, and the central server's carrier integration for other carriers when enrolled. */
  carriers?: CarrierRegistry;
  fetch?: typeof fetch;
}

/** The house adapter, plus the server adapter (with house fallback) when the station has a server link with a credential. */
export function defaultCarriers(ctx: StationContext, repo: PackingRepo, fetchImpl?: typeof fetch): CarrierRegistry {
  const house = createHouseCarrier({
    stationCode: stationCode(ctx.stationId),
    nextSerial: () => repo.nextCounter('house_tracking_serial'),
  });
  const link = ctx.config.server;
  const remote =
    typeof link === 'object' && link !== null && link.credential
      ? createServerCarrier({ baseUrl: link.url, credential: link.credential, ...(fetchImpl ? { fetch: fetchImpl } : {}) })
      : null;
  return createCarrierRegistry({
    house,
    remote,
    onFallback: (reason) => ctx.log.warn({ reason }, 'carrier not reachable: house label printed'),
  });
}

/** The operator a handler acts for (the router lets only signed-in packers and supervisors through). */
function who(call: CallContext): Operator {
  if (!call.operator) throw new StationError('not_signed_in', message('session.signInFirst'));
  return call.operator;
}

export function createPacking(ctx: StationContext, repo: PackingRepo, options: PackingOptions = {}): PackingModule {
  let carriers = options.carriers;
  const bench = createBench(ctx, repo, () => (carriers ??= defaultCarriers(ctx, repo, options.fetch)));
  const loop = createHandsFreeLoop(bench);
  const pictures = createLabelPictures();
  const state = (notice: Message | null = null) => packState(bench, notice, { handsFree: handsFreeOn(bench), confirm: loop.pending() });
  ctx.busy.register('packing', () => {
    const active = bench.active();
    const open = active ? bench.repo.openCarton(active.order.id) : undefined;
    return open && bench.repo.units(open.id).length > 0 ? `carton ${open.seq} of order ${active?.order.number ?? ''} is open` : null;
  });

  return {
    handsFree: loop,
    close: async () => {
      await loop.idle();
      await pictures.close();
    },
    workflow: {
      workflow: 'packing',
      onScan: async (scan, operator) => {
        const command = parseCommandBarcode(scan.event.data);
        if (command.kind === 'none') {
          loop.dropConfirm();
          const answer = handlePackScan(bench, scan, operator);
          if (answer.outcome === 'accepted' && COUNTED.has(answer.message.code)) loop.afterUnit(operator);
          return answer;
        }
        if (!mayPack(operator)) return feedback.refused('packing', 'forbidden', message('packing.notPacker', { name: operator.name }));
        if (command.kind === 'invalid')
          return feedback.refused('packing', 'unknown_command', message('packing.unknownCommand', { text: command.text }));
        return loop.command(command.command, operator);
      },
    },
    ordersChanged: () => {
      bench.noticeCancellation();
    },
    handlers: {
      'packing.state': () => {
        // The pack screen is open: the hands-free loop will show label pictures, so their renderer loads now.
        if (handsFreeOn(bench)) pictures.warm();
        return state();
      },
      'packing.open': ({ code }, call) => state(openOrder(bench, who(call), resolveOrder(bench, code)).message),
      'packing.leave': (_input, call) => {
        leaveOrder(bench, who(call));
        return state(message('packing.orderPutDown'));
      },
      'packing.quantity': ({ lineNo, qty }, call) => {
        const typed = typedQuantity(bench, who(call), lineNo, qty);
        loop.afterUnit(who(call));
        return state(typed.message);
      },
      'packing.chooseCarton': ({ cartonType }, call) => {
        chooseCarton(bench, who(call), cartonType);
        return state(message('packing.cartonChosen', { type: cartonType }));
      },
      'packing.weigh': async (_input, call) => state((await weighCarton(bench, who(call))).message),
      'packing.overrideWeight': ({ badge, pin, scanned, reason }, call) => {
        overrideWeight(bench, who(call), approvalFrom({ badge, pin, scanned }), reason);
        loop.afterOverride(who(call));
        return state(message('packing.weightAccepted'));
      },
      'packing.printLabel': async (_input, call) => state((await printLabel(bench, who(call))).message),
      'packing.reprintLabel': async ({ reason, cartonId }, call) => {
        await reprintLabel(bench, who(call), reason, cartonId);
        return state(message('packing.labelSentAgain'));
      },
      'packing.voidLabel': ({ reason }, call) => {
        voidLabel(bench, who(call), reason);
        return state(message('packing.labelVoided'));
      },
      'packing.printSlip': (_input, call) => printSlip(bench, who(call)),
      'packing.closeCarton': (_input, call) => state(closeCarton(bench, who(call)).message),
      'packing.closeShipment': (_input, call) => state(closeShipment(bench, who(call)).message),
      'packing.short': ({ lineNo, reason }, call) => state(reportShort(bench, who(call), lineNo, reason).message),
      'packing.damaged': (input, call) => state(reportDamaged(bench, who(call), input).message),
      'packing.manifests': ({ date }) => listManifests(bench, date),
      'packing.closeManifest': ({ manifestId }, call) => closeManifest(bench, who(call), manifestId),
      'packing.printManifest': ({ manifestId }, call) => printManifest(bench, who(call), manifestId),
      'packing.kpis': (_input, call) => packKpis(bench, who(call)),
      'packing.labelPicture': async ({ cartonId }) => {
        const carton = repo.carton(cartonId);
        if (!carton?.label_zpl || carton.label_state !== 'printed') throw notFound('packing.noSuchCarton');
        const jobId = carton.label_job_id;
        const fallback = async () => {
          if (!jobId) return [];
          const pngs = await ctx.devices.previewPrintJob(jobId);
          return pngs.map((png) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`);
        };
        try {
          return { images: await pictures.render(carton.label_zpl, fallback) };
        } catch {
          throw new StationError('device', message('packing.noLabelPicture'));
        }
      },
      'packing.commandSheet': async ({ title, names, cartonType }) => {
        const entries = [
          ...SHEET_COMMANDS.map((name) => ({ command: ScanCommand.parse({ name }), name: names[name] })),
          ...repo.cartonTypes().map((t) => ({
            command: ScanCommand.parse({ name: 'carton-type', cartonType: t.code }),
            name: `${cartonType}: ${t.code} · ${t.description}`,
          })),
        ];
        const pdf = await buildCommandSheet(title, entries, ctx.clock.now());
        return { pdf: `data:application/pdf;base64,${pdf.toString('base64')}` };
      },
    },
  };
}
