import { describe, expect, it } from 'vitest';
import { createZplPreviewer } from '../../../electron/core/devices/printer/preview';
import { demo } from '../../../shared/demo/dataset';
import type { PackState } from '../../../shared/domain/packing';
import { decodePng } from '../../support/devices/zbar';
import { type Answers, collectAnswers } from './support/answers';
import { outboxOps, snapshot, state, unitGtin } from './support/pack-helpers';
import { usePackSuite } from './support/pack-suite';

const suite = usePackSuite(undefined, { handsFree: true });

/** What ends one run of the loop: the label printed, or a stop the packer has to answer. */
const LOOP_ENDS = [
  'packing.autoLabelPrinted',
  'packing.weightLight',
  'packing.weightHeavy',
  'packing.scaleNoWeight',
  'packing.scaleNoStableWeight',
];

const openCarton = (s: PackState) => s.cartons.find((c) => c.id === s.openCartonId);

async function packAll(answers: Answers): Promise<void> {
  expect((await suite.scan(demo.order)).outcome).toBe('accepted');
  for (const gtin of [unitGtin('mug'), unitGtin('mug')]) expect((await suite.scan(gtin)).outcome).toBe('accepted');
  // Nothing happens on its own while units are still to pack.
  expect(answers.automatic()).toEqual([]);
  expect((await suite.scan(unitGtin('tape'))).outcome).toBe('accepted');
}

describe('the hands-free pack loop', () => {
  it('weighs the complete carton, prints its label, closes it when the label is scanned and ships the order after the last carton', async () => {
    const answers = collectAnswers(suite.t);
    await suite.bench.putOnScale(1.09);
    await packAll(answers);

    const printed = await answers.nextAutomatic(LOOP_ENDS);
    expect(printed).toMatchObject({
      outcome: 'accepted',
      sound: 'good',
      workflow: 'packing',
      message: { code: 'packing.autoLabelPrinted' },
    });
    expect(answers.automatic()[0]?.message.code).toBe('packing.autoWeighing');
    const zpl = (await suite.bench.labels.nextJob()).toString('latin1');
    const labelled = await state(suite.t);
    const carton = openCarton(labelled);
    expect(labelled.step).toBe('close-carton');
    expect(labelled.handsFree).toBe(true);
    expect(carton?.weight).toMatchObject({ status: 'ok', actualG: 1090 });
    expect(carton?.label).toMatchObject({ state: 'printed', printState: 'done' });
    expect(carton?.label?.jobId).toBeTruthy();
    // The printed label scans back to the tracking number the carton carries.
    const symbols = await decodePng(await createZplPreviewer().render(zpl));
    expect(symbols).toContainEqual({ type: 'CODE-128', data: carton?.label?.tracking, gs1: false });

    // The pack screen's picture of the label (rendered off the scan path) shows the same barcodes.
    const picture = await suite.t.call<{ images: string[] }>('packing.labelPicture', { cartonId: carton?.id });
    const pictured = await decodePng(Buffer.from((picture.images[0] ?? '').replace('data:image/png;base64,', ''), 'base64'));
    expect(pictured).toContainEqual({ type: 'CODE-128', data: carton?.label?.tracking, gs1: false });

    const closed = await suite.scan(carton?.label?.tracking ?? '?');
    expect(closed).toMatchObject({ outcome: 'accepted', message: { code: 'packing.autoShipped' } });
    expect(closed.message.params?.said).toMatchObject({ code: 'packing.shipped', params: { document: demo.order, count: 1 } });
    const after = await state(suite.t);
    expect(after.order).toBeNull();
    expect(after.step).toBe('scan-order');
    expect(outboxOps(suite.t).map((o) => o.kind)).toEqual(expect.arrayContaining(['pack.carton.close', 'shipment.close']));
    const order = suite.t.db.prepare('SELECT status FROM orders WHERE number = ?').get(demo.order) as { status: string };
    expect(order.status).toBe('shipped');
  }, 30_000);

  it('packs two cartons by scans only: NEXT CARTON finishes the first, its SSCC closes it, the last label ships the order', async () => {
    const answers = collectAnswers(suite.t);
    await suite.scan(demo.order);
    await suite.scan(unitGtin('mug'));
    const first = openCarton(await state(suite.t));
    await suite.bench.putOnScale((first?.expectedG ?? 0) / 1000);
    await suite.scan('!WB:NEXT-CARTON');
    const one = openCarton(await state(suite.t));
    expect(one?.label?.state).toBe('printed');
    await suite.bench.labels.nextJob();
    // The SSCC as the scanner reads the label's GS1-128 bars closes carton 1; units are still to pack.
    expect(await suite.scan(`]C100${one?.sscc}`)).toMatchObject({ outcome: 'accepted', message: { code: 'packing.cartonClosed' } });
    expect((await state(suite.t)).order?.number).toBe(demo.order);

    await suite.scan(unitGtin('mug'));
    const second = openCarton(await state(suite.t));
    expect(second?.seq).toBe(2);
    // The carton stands on the scale while it is packed: with the tape in, it weighs what the carton expects.
    const tape = suite.t.dataset.items.find((i) => i.id === demo.items.tape)?.unitWeightG ?? 0;
    await suite.bench.putOnScale(((second?.expectedG ?? 0) + tape) / 1000);
    await suite.scan(unitGtin('tape'));
    await answers.nextAutomatic(LOOP_ENDS);
    await suite.bench.labels.nextJob();
    const two = openCarton(await state(suite.t));
    expect((await suite.scan(two?.label?.tracking ?? '?')).message.code).toBe('packing.autoShipped');
    expect((await state(suite.t)).order).toBeNull();
    expect(answers.automatic().map((a) => a.message.code)).toEqual(['packing.autoWeighing', 'packing.autoLabelPrinted']);
  }, 30_000);

  it('stops amber with expected, measured and tolerance when the weight is out, prints nothing, and goes on after a re-weigh', async () => {
    const answers = collectAnswers(suite.t);
    await suite.bench.putOnScale(0.8);
    const jobsBefore = suite.bench.labels.jobs.length;
    await packAll(answers);
    const out = await answers.nextAutomatic(LOOP_ENDS);
    expect(out).toMatchObject({ outcome: 'warning', sound: 'warn', reason: 'weight_out', message: { code: 'packing.weightLight' } });
    expect(out.message.params).toMatchObject({ actualG: 800, expectedG: 1090, diffG: 290, toleranceG: 55 });
    const stopped = await state(suite.t);
    expect(stopped.step).toBe('resolve-weight');
    expect(openCarton(stopped)?.label).toBeNull();
    expect(suite.bench.labels.jobs.length).toBe(jobsBefore);
    expect(outboxOps(suite.t).map((o) => o.kind)).not.toContain('pack.carton.close');

    // The packer finds the missing piece, the scale reads the right weight, WEIGH goes on where the loop stopped.
    await suite.bench.putOnScale(1.09);
    const reweighed = await suite.scan('!WB:WEIGH');
    expect(reweighed).toMatchObject({ outcome: 'accepted', message: { code: 'packing.autoLabelPrinted' } });
    await suite.bench.labels.nextJob();
  }, 30_000);

  it('a supervisor badge accepts the weight and the label prints at once', async () => {
    const answers = collectAnswers(suite.t);
    await suite.bench.putOnScale(0.8);
    await packAll(answers);
    await answers.nextAutomatic(LOOP_ENDS);
    await suite.t.call('packing.overrideWeight', { badge: demo.badges.supervisor, reason: 'dense padding' });
    const printed = await answers.nextAutomatic(LOOP_ENDS);
    expect(printed.message.code).toBe('packing.autoLabelPrinted');
    await suite.bench.labels.nextJob();
    expect(openCarton(await state(suite.t))?.weight?.status).toBe('overridden');
  }, 30_000);

  it('waits for the carton on an empty scale, changing nothing meanwhile, and weighs it once it stands there', async () => {
    const answers = collectAnswers(suite.t);
    await suite.bench.putOnScale(0);
    await packAll(answers);
    await answers.nextAutomatic(['packing.autoWeighing']);
    const before = snapshot(suite.t);
    expect((await state(suite.t)).step).toBe('weigh');
    // A scan meanwhile is answered at once; the loop goes on waiting.
    expect((await suite.scan(unitGtin('mug'))).outcome).toBe('refused');
    expect(answers.automatic().map((a) => a.message.code)).toEqual(['packing.autoWeighing']);
    expect(snapshot(suite.t)).toEqual(before);
    await suite.bench.putOnScale(1.09);
    expect((await answers.nextAutomatic(LOOP_ENDS)).message.code).toBe('packing.autoLabelPrinted');
    await suite.bench.labels.nextJob();
  }, 30_000);
});
