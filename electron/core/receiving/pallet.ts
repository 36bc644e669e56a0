/**
 * One-scan pallet receipt: a supplier pallet the ASN lists with its contents is weighed and, within tolerance of the
 * ASN's gross weight (and its supplier not audited), received whole: one `receipt.line` per ASN line through the
 * same decision as a scan, in one transaction. Otherwise a counted sample is asked first.
 */
import { randomUUID } from 'node:crypto';
import type { ScanFeedback } from '../../../shared/contract/station';
import type { Operator, Supplier } from '../../../shared/domain/master-data';
import { PalletReceiptSettings } from '../../../shared/domain/master-data';
import type { PalletOfferView } from '../../../shared/domain/receiving';
import { type Message, message } from '../../../shared/messages';
import { toGrams } from '../devices';
import { feedback } from '../session';
import { decide, refuse } from './accept';
import { changed, nowIso, type ReceivingDeps, requireReceipt } from './deps';
import { readScale } from './lpn';
import type { AsnLineRow, ReceiptRow } from './repo';
import type { Candidate, PalletOffer } from './session';

const W = 'receiving' as const;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The ASN lines that travel on the pallet. */
function contentsOf(deps: ReceivingDeps, asnId: string, sscc: string): AsnLineRow[] {
  return deps.repo.asnLines(asnId).filter((l) => l.sscc === sscc);
}

const unitsOf = (lines: readonly AsnLineRow[]) => lines.reduce((s, l) => s + l.qty, 0);

/** The pallet's expected gross weight: its own on the ASN, else the ASN's when the pallet is the whole shipment. */
function expectedKgOf(deps: ReceivingDeps, asnId: string, sscc: string): number | null {
  const own = deps.repo.asnPalletWeightKg(asnId, sscc);
  if (own !== undefined) return own;
  const asn = deps.repo.asn(asnId);
  if (!asn || asn.expectedWeightKg === null || asn.expectedWeightKg <= 0) return null;
  return deps.repo.asnLines(asnId).every((l) => l.sscc === sscc) ? asn.expectedWeightKg : null;
}

function settingsOf(deps: ReceivingDeps): PalletReceiptSettings {
  return PalletReceiptSettings.parse(deps.ctx.site().palletReceipt ?? {});
}

/** The site's supplier entry for a PO's supplier (by id or name). */
export function supplierOf(deps: ReceivingDeps, name: string): Supplier | undefined {
  return (deps.ctx.site().suppliers ?? []).find((s) => s.id === name || s.name === name);
}

/**
 * Offers to receive the pallet whole when the ASN lists its contents and nothing is on it yet; null when the pallet
 * is received unit by unit (nothing listed, received onto already, or serial-tracked goods that need each serial).
 */
export function offerPallet(deps: ReceivingDeps, receipt: ReceiptRow, asnId: string, sscc: string): ScanFeedback | null {
  const lines = contentsOf(deps, asnId, sscc);
  if (lines.length === 0) return null;
  if (deps.repo.linesOfLpn(sscc).length > 0) return null;
  if (lines.some((l) => deps.repo.item(l.itemId)?.serialTracked !== false)) return null;
  deps.session.pallet = {
    sscc,
    asnId,
    stage: 'offer',
    why: null,
    weighedKg: null,
    expectedKg: expectedKgOf(deps, asnId, sscc),
    sample: null,
  };
  changed(deps, 'pallet offered');
  const asn = deps.repo.asn(asnId);
  return feedback.needsInput(
    W,
    'pallet_offer',
    message('receiving.palletOffer', { sscc, document: asn?.number ?? receipt.poId ?? '', count: lines.length, units: unitsOf(lines) }),
  );
}

class PalletLineProblem extends Error {
  constructor(readonly answer: ScanFeedback) {
    super('a pallet line was not received');
  }
}

/**
 * Receives every ASN line of the pallet, all or none: each through `decide` (checks, journal, outbox), one scan id for
 * all of them (undo takes the pallet back together). A line the checks stop rolls the whole pallet back.
 */
function receiveContents(deps: ReceivingDeps, operator: Operator, offer: PalletOffer): ScanFeedback | { units: number; count: number } {
  const receipt = requireReceipt(deps);
  const lines = contentsOf(deps, offer.asnId, offer.sscc);
  const scanId = randomUUID();
  try {
    deps.ctx.transaction(() => {
      deps.repo.setCurrentLpn(receipt.id, offer.sscc);
      for (const l of lines) {
        const candidate: Candidate = {
          itemId: l.itemId,
          qty: l.qty,
          lot: l.lot,
          expiry: l.expiry,
          serial: null,
          source: 'scan',
          barcode: null,
          ais: [],
          approvals: [],
        };
        const answer = decide(deps, operator, candidate, { scanId });
        if (answer.outcome === 'refused' || answer.outcome === 'needs_input' || deps.session.pending !== null)
          throw new PalletLineProblem(answer);
      }
    });
  } catch (error) {
    if (!(error instanceof PalletLineProblem)) throw error;
    deps.session.pending = null;
    deps.session.pallet = null;
    changed(deps, 'pallet refused');
    return refuse(
      deps,
      operator,
      'pallet_not_whole',
      message('receiving.palletNotWhole', { sscc: offer.sscc, problem: error.answer.message }),
      {
        sscc: offer.sscc,
      },
    );
  }
  deps.session.pallet = null;
  changed(deps, 'pallet received');
  return { units: unitsOf(lines), count: lines.length };
}

function sampleSize(settings: PalletReceiptSettings, units: number, cases: number): { by: 'cases' | 'units'; needed: number } {
  if (settings.sample.kind === 'cases') return { by: 'cases', needed: Math.max(1, Math.min(settings.sample.cases, cases)) };
  return { by: 'units', needed: Math.max(1, Math.min(units, Math.ceil((units * settings.sample.pct) / 100))) };
}

const sampleText = (by: 'cases' | 'units', count: number): Message =>
  message(by === 'cases' ? 'receiving.sampleCases' : 'receiving.sampleUnits', { count });

function samplePrompt(deps: ReceivingDeps, offer: PalletOffer): Message {
  const sample = offer.sample;
  const text = sample ? sampleText(sample.by, sample.needed - sample.counted) : message('receiving.noPalletOffer');
  if (offer.why === 'audit') {
    const receipt = requireReceipt(deps);
    const po = receipt.poId ? deps.repo.purchaseOrder(receipt.poId) : undefined;
    return message('receiving.palletSampleAudit', { sscc: offer.sscc, supplier: po?.supplier ?? '', sample: text });
  }
  if (offer.why === 'no_weight' || offer.weighedKg === null || offer.expectedKg === null)
    return message('receiving.palletSampleNoWeight', { sscc: offer.sscc, sample: text });
  return message('receiving.palletSampleWeight', {
    sscc: offer.sscc,
    weightKg: offer.weighedKg,
    expectedKg: offer.expectedKg,
    sample: text,
  });
}

/** The offered pallet is weighed: received whole within tolerance of the ASN, else a counted sample is asked. */
export async function receiveWholePallet(deps: ReceivingDeps, operator: Operator, sscc: string | undefined): Promise<ScanFeedback> {
  const receipt = requireReceipt(deps);
  const offer = deps.session.pallet;
  if (!offer || (sscc !== undefined && sscc !== offer.sscc))
    return refuse(deps, operator, 'no_pallet_offer', message('receiving.noPalletOffer'), { sscc: sscc ?? null });
  if (offer.stage === 'sample') return feedback.needsInput(W, 'pallet_sample', samplePrompt(deps, offer));
  let reading: Awaited<ReturnType<typeof readScale>>;
  try {
    reading = await readScale(deps);
  } catch {
    return refuse(deps, operator, 'scale', message('receiving.scaleNoSteadyWeight'), { sscc: offer.sscc });
  }
  if (reading.status !== 'ok' || !reading.stable)
    return refuse(deps, operator, 'scale', message('receiving.scaleStatus', { status: message(`scaleStatus.${reading.status}`) }), {
      sscc: offer.sscc,
    });
  const kg = round3(toGrams(reading.value, reading.unit) / 1000);
  if (kg <= 0) return refuse(deps, operator, 'empty_scale', message('receiving.nothingOnScale'), { sscc: offer.sscc });
  // The offer may have gone while the scale settled (another scan, a cancel): nothing is written then.
  if (deps.session.pallet !== offer)
    return refuse(deps, operator, 'no_pallet_offer', message('receiving.noPalletOffer'), { sscc: offer.sscc });
  deps.ctx.record(operator, { kind: 'receiving.lpn.weigh', payload: { lpn: offer.sscc, weightKg: kg, reading } }, () =>
    deps.repo.weighLpn(offer.sscc, kg, nowIso(deps)),
  );
  offer.weighedKg = kg;

  const settings = settingsOf(deps);
  const po = receipt.poId ? deps.repo.purchaseOrder(receipt.poId) : undefined;
  const audited = po ? supplierOf(deps, po.supplier)?.audit === true : false;
  const expected = offer.expectedKg;
  const within =
    expected !== null &&
    Math.abs(kg - expected) <= Math.max((expected * settings.weightTolerancePct) / 100, settings.weightToleranceKg) + 1e-9;
  if (within && !audited) {
    const received = receiveContents(deps, operator, offer);
    if ('outcome' in received) return received;
    return feedback.accepted(
      W,
      message('receiving.palletReceived', { sscc: offer.sscc, count: received.count, units: received.units, weightKg: kg }),
    );
  }
  const lines = contentsOf(deps, offer.asnId, offer.sscc);
  const size = sampleSize(settings, unitsOf(lines), lines.length);
  offer.stage = 'sample';
  offer.why = audited ? 'audit' : expected === null ? 'no_weight' : 'weight';
  offer.sample = { ...size, counted: 0, units: new Map() };
  deps.ctx.record(operator, {
    kind: 'receiving.pallet.sample',
    payload: { sscc: offer.sscc, weightKg: kg, expectedKg: expected, why: offer.why, needed: size.needed, by: size.by },
  });
  changed(deps, 'pallet sample');
  return feedback.needsInput(W, 'pallet_sample', samplePrompt(deps, offer));
}

/**
 * A scan of goods while the pallet's sample is counted: an item the pallet carries counts towards the sample (nothing
 * is received yet); when the sample is complete the pallet is received whole. Anything else ends the offer.
 */
export function countSample(deps: ReceivingDeps, operator: Operator, candidate: Candidate): ScanFeedback {
  const offer = deps.session.pallet;
  const sample = offer?.sample;
  if (!offer || !sample) return refuse(deps, operator, 'no_pallet_offer', message('receiving.noPalletOffer'));
  const lines = contentsOf(deps, offer.asnId, offer.sscc);
  const onPallet = lines.filter((l) => l.itemId === candidate.itemId).reduce((s, l) => s + l.qty, 0);
  const sampled = (sample.units.get(candidate.itemId) ?? 0) + candidate.qty;
  const lot = lines.find((l) => l.itemId === candidate.itemId)?.lot ?? null;
  if (onPallet === 0 || sampled > onPallet || (candidate.lot !== null && lot !== null && candidate.lot !== lot)) {
    deps.session.pallet = null;
    changed(deps, 'pallet sample mismatch');
    const sku = deps.repo.item(candidate.itemId)?.sku ?? candidate.itemId;
    return refuse(deps, operator, 'sample_mismatch', message('receiving.palletSampleMismatch', { sku, sscc: offer.sscc }), {
      sscc: offer.sscc,
      itemId: candidate.itemId,
      qty: candidate.qty,
    });
  }
  sample.units.set(candidate.itemId, sampled);
  sample.counted += sample.by === 'cases' ? 1 : candidate.qty;
  deps.ctx.record(operator, {
    kind: 'receiving.pallet.sampled',
    payload: { sscc: offer.sscc, itemId: candidate.itemId, qty: candidate.qty, counted: sample.counted, needed: sample.needed },
  });
  if (sample.counted < sample.needed) {
    changed(deps, 'pallet sample');
    return feedback.needsInput(
      W,
      'pallet_sample',
      message('receiving.palletSampleProgress', { sscc: offer.sscc, counted: sample.counted, needed: sample.needed }),
    );
  }
  const received = receiveContents(deps, operator, offer);
  if ('outcome' in received) return received;
  return feedback.accepted(W, message('receiving.palletSampleMatched', { sscc: offer.sscc, count: received.count, units: received.units }));
}

/** The operator receives the pallet unit by unit instead. */
export function dropPalletOffer(deps: ReceivingDeps, operator: Operator): void {
  const offer = deps.session.pallet;
  if (!offer) return;
  deps.ctx.record(operator, { kind: 'receiving.pallet.dropped', payload: { sscc: offer.sscc, stage: offer.stage } });
  deps.session.pallet = null;
  changed(deps, 'pallet offer dropped');
}

export function palletOfferView(deps: ReceivingDeps): PalletOfferView | null {
  const offer = deps.session.pallet;
  if (!offer) return null;
  const lines = contentsOf(deps, offer.asnId, offer.sscc);
  return {
    sscc: offer.sscc,
    stage: offer.stage,
    lines: lines.map((l) => ({ itemId: l.itemId, sku: deps.repo.item(l.itemId)?.sku ?? l.itemId, qty: l.qty, lot: l.lot })),
    units: unitsOf(lines),
    expectedKg: offer.expectedKg,
    weighedKg: offer.weighedKg,
    sample: offer.sample ? { by: offer.sample.by, needed: offer.sample.needed, counted: offer.sample.counted } : null,
    message:
      offer.stage === 'sample'
        ? samplePrompt(deps, offer)
        : message('receiving.palletOffer', {
            sscc: offer.sscc,
            document: deps.repo.asn(offer.asnId)?.number ?? '',
            count: lines.length,
            units: unitsOf(lines),
          }),
  };
}
