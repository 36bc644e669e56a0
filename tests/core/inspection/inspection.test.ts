import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InspectionPlanView } from '../../../shared/contract/counts';
import type { ScanFeedback } from '../../../shared/contract/station';
import { DEMO_COMPANY_PREFIX, demo } from '../../../shared/demo/dataset';
import { makeGtin14 } from '../../../shared/demo/gtin';
import { MAX_PHOTO_BYTES } from '../../../shared/rules/inspection';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { opsOf, scan, snapshot, view } from '../receiving/support/receiving';

const GLOVES = makeGtin14(0, DEMO_COMPANY_PREFIX, 7);
/** A camera frame as the renderer sends it: a JPEG (FF D8 FF ...) in base64. */
const FRAME = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.alloc(2000, 0x42), Buffer.from([0xff, 0xd9])]);
const photo = { mime: 'image/jpeg', base64: FRAME.toString('base64') };

const good = [
  { questionId: 'seal', passed: true },
  { questionId: 'label', passed: true },
  { questionId: 'weight', value: 204 },
];
const torn = [
  { questionId: 'seal', passed: false },
  { questionId: 'label', passed: true },
  { questionId: 'weight', value: 204 },
];

let t: TestStation;
beforeEach(async () => {
  t = await createTestStation();
  await t.signIn('receiver');
  await t.call('workflow.select', { workflow: 'receiving' });
  await t.call('receiving.open', { reference: demo.inspectedPo });
});
afterEach(async () => {
  await t.close();
});

type Recorded = { feedback: ScanFeedback; inspectionId: string; passed: number; failed: number };

describe('inspection at receipt', () => {
  it('asks for the inspection when a flagged item is scanned, receiving nothing', async () => {
    const before = snapshot(t);
    expect(await scan(t, GLOVES)).toMatchObject({
      outcome: 'needs_input',
      reason: 'needs_inspection',
      message: { code: 'inspection.required' },
    });
    expect(snapshot(t)).toEqual(before);
    const plan = await t.call<InspectionPlanView>('inspection.plan', { itemId: demo.items.gloves });
    expect(plan).toMatchObject({ required: true, sku: 'GLOVE-NIT-M' });
    expect(plan.checklist.map((q) => q.id)).toEqual(['seal', 'label', 'weight']);
  });

  it('holds the one failed unit with its reason and receives the others to go on to putaway; the photo is kept and sent', async () => {
    const tote = await t.call<{ lpn: string }>('receiving.lpn.start', { container: 'tote', label: 'internal' });
    const recorded = await t.call<Recorded>('inspection.record', {
      itemId: demo.items.gloves,
      units: [{ answers: good }, { answers: torn }, { answers: good }, { answers: good }],
      photo,
    });
    expect(recorded).toMatchObject({
      passed: 3,
      failed: 1,
      feedback: { outcome: 'warning', message: { code: 'inspection.recordedWithHold' } },
    });
    const lines = opsOf(t, 'receipt.line').map((o) => o.payload);
    expect(lines).toEqual([
      expect.objectContaining({ itemId: demo.items.gloves, qty: 3, condition: 'good', onHold: false }),
      expect.objectContaining({
        itemId: demo.items.gloves,
        qty: 1,
        condition: 'quarantine',
        onHold: true,
        reason: 'Packaging sealed and undamaged',
      }),
    ]);
    expect(lines.map((l) => l.lpn)).toEqual([tote.lpn, null]);
    // The held unit stays at the dock; the tote of passed units goes to a storage location, not to quarantine.
    await t.call('receiving.lpn.putaway', { lpn: tote.lpn });
    const [putaway] = opsOf(t, 'lpn.putaway');
    expect(putaway?.payload.items).toEqual([{ itemId: demo.items.gloves, lot: null, serial: null, qty: 3 }]);
    expect(putaway?.payload.location).not.toMatch(/^Q-/);
    const receipt = await view(t);
    expect(receipt.lines[0]).toMatchObject({ received: 4, onHold: 1 });
    const [op] = opsOf(t, 'inspection.record');
    expect(op?.payload.units.map((u) => u.passed)).toEqual([true, false, true, true]);
    expect(Buffer.from(op?.payload.photo?.base64 ?? '', 'base64').equals(FRAME)).toBe(true);
    const stored = t.db.prepare('SELECT photo, photo_mime, passed, failed FROM inspections WHERE id = ?').get(recorded.inspectionId) as {
      photo: Buffer;
      photo_mime: string;
      passed: number;
      failed: number;
    };
    expect(stored).toMatchObject({ photo_mime: 'image/jpeg', passed: 3, failed: 1 });
    expect(Buffer.compare(stored.photo, FRAME)).toBe(0);
  });

  it('records an inspection without a photo when the operator leaves it out', async () => {
    const recorded = await t.call<Recorded>('inspection.record', { itemId: demo.items.gloves, units: [{ answers: good }], photo: null });
    expect(recorded.feedback.outcome).toBe('accepted');
    expect(opsOf(t, 'inspection.record')[0]?.payload.photo).toBeNull();
  });

  it('refuses a hostile photo before anything is stored', async () => {
    const before = snapshot(t);
    const hostile = [
      { mime: 'image/svg+xml', base64: Buffer.from('<svg onload="alert(1)"/>').toString('base64') },
      { mime: 'image/jpeg', base64: Buffer.from('#!/bin/sh\nrm -rf /').toString('base64') },
      { mime: 'image/jpeg', base64: '/9j/../../etc/passwd' },
      { mime: 'image/jpeg', base64: Buffer.concat([FRAME, Buffer.alloc(MAX_PHOTO_BYTES)]).toString('base64') },
      { mime: 'image/jpeg', base64: photo.base64, path: '/tmp/x.jpg' },
    ];
    for (const bad of hostile) {
      const answer = await t.station.call('inspection.record', { itemId: demo.items.gloves, units: [{ answers: good }], photo: bad });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(snapshot(t)).toEqual(before);
    expect((t.db.prepare('SELECT count(*) AS n FROM inspections').get() as { n: number }).n).toBe(0);
  });

  it('keeps a camera photo of damaged goods with the receipt and sends it; a typed path or another file type is refused', async () => {
    const kept = await t.call<{ photoId: string }>('inspection.receiptPhoto', { condition: 'damaged', reason: 'Crushed packaging', photo });
    const [op] = opsOf(t, 'receipt.photo');
    expect(op?.payload).toMatchObject({
      photoId: kept.photoId,
      condition: 'damaged',
      reason: 'Crushed packaging',
      photo: { mime: 'image/jpeg' },
    });
    const stored = t.db.prepare('SELECT photo FROM receipt_photos WHERE id = ?').get(kept.photoId) as { photo: Buffer };
    expect(Buffer.compare(stored.photo, FRAME)).toBe(0);
    for (const bad of [{ photoPath: '/home/op/photo.jpg' }, { photo: { mime: 'image/gif', base64: photo.base64 } }]) {
      const answer = await t.station.call('inspection.receiptPhoto', { condition: 'damaged', ...bad });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(opsOf(t, 'receipt.photo')).toHaveLength(1);
  });

  it('refuses to inspect an item nobody flagged, from a supplier nobody flagged', async () => {
    await t.close();
    t = await createTestStation();
    await t.signIn('receiver');
    await t.call('receiving.open', { reference: demo.po });
    const answer = await t.station.call('inspection.record', { itemId: demo.items.mug, units: [{ answers: good }], photo: null });
    expect(answer).toMatchObject({ ok: false, error: { message: { code: 'inspection.notRequired' } } });
  });
});
