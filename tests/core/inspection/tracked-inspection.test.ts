import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InspectionPlanView } from '../../../shared/contract/counts';
import type { ScanFeedback } from '../../../shared/contract/station';
import { demo } from '../../../shared/demo/dataset';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { gs1Date, gtins, isoDays, opsOf, scan, snapshot } from '../receiving/support/receiving';

/** Inspection of lot-, expiry- and serial-tracked items: the inspected units are received with what their scans read. */

const pass = [
  { questionId: 'seal', passed: true },
  { questionId: 'label', passed: true },
  { questionId: 'weight', value: 204 },
];
const torn = [
  { questionId: 'seal', passed: false },
  { questionId: 'label', passed: true },
  { questionId: 'weight', value: 204 },
];

type Recorded = { feedback: ScanFeedback; inspectionId: string; passed: number; failed: number };

let t: TestStation;
beforeEach(async () => {
  t = await createTestStation();
  // The ERP flags the yoghurt (lot and expiry) and the handheld scanner (serial) for inspection at receipt.
  const site = { ...t.dataset.site, inspection: { ...t.dataset.site.inspection, items: [demo.items.yoghurt, demo.items.scanner] } };
  t.db.prepare("UPDATE meta SET value = ? WHERE key = 'site_settings'").run(JSON.stringify(site));
  await t.signIn('receiver');
  await t.call('workflow.select', { workflow: 'receiving' });
  await t.call('receiving.open', { reference: demo.po });
});
afterEach(async () => {
  await t.close();
});

const receiptLines = () => opsOf(t, 'receipt.line').map((o) => o.payload);

describe('inspection of tracked items', () => {
  it('receives an inspected lot of yoghurt with the lot and expiry of its scan, the failed unit held with its lot', async () => {
    const before = snapshot(t);
    const asked = await scan(t, `01${gtins.yoghurt.unit}17${gs1Date(t, 30)}10L-INSP-7`);
    expect(asked).toMatchObject({ outcome: 'needs_input', reason: 'needs_inspection' });
    expect(snapshot(t)).toEqual(before);
    const plan = await t.call<InspectionPlanView>('inspection.plan', { itemId: demo.items.yoghurt });
    expect(plan).toMatchObject({
      required: true,
      serialTracked: false,
      scanned: [{ lot: 'L-INSP-7', expiry: isoDays(t, 30), serial: null }],
    });

    const tote = await t.call<{ lpn: string }>('receiving.lpn.start', { container: 'tote', label: 'internal' });
    const recorded = await t.call<Recorded>('inspection.record', {
      itemId: demo.items.yoghurt,
      units: [{ answers: pass }, { answers: torn }, { answers: pass }],
      photo: null,
    });
    expect(recorded).toMatchObject({
      passed: 2,
      failed: 1,
      feedback: { outcome: 'warning', message: { code: 'inspection.recordedWithHold' } },
    });
    expect(receiptLines()).toEqual([
      expect.objectContaining({
        itemId: demo.items.yoghurt,
        qty: 2,
        lot: 'L-INSP-7',
        expiry: isoDays(t, 30),
        condition: 'good',
        onHold: false,
        lpn: tote.lpn,
      }),
      expect.objectContaining({
        itemId: demo.items.yoghurt,
        qty: 1,
        lot: 'L-INSP-7',
        expiry: isoDays(t, 30),
        condition: 'quarantine',
        onHold: true,
        reason: 'Packaging sealed and undamaged',
        lpn: null,
      }),
    ]);
    // Nothing is left waiting at a tracking prompt, and the scan is not offered again.
    const after = await t.call<InspectionPlanView>('inspection.plan', { itemId: demo.items.yoghurt });
    expect(after.scanned).toEqual([]);
  });

  it('inspects a serial-tracked item unit by scanned serial and receives each unit with its serial', async () => {
    for (const serial of ['SN-I-1', 'SN-I-2', 'SN-I-2', 'SN-I-3'])
      expect(await scan(t, `01${gtins.scanner.unit}21${serial}`)).toMatchObject({ outcome: 'needs_input', reason: 'needs_inspection' });
    const plan = await t.call<InspectionPlanView>('inspection.plan', { itemId: demo.items.scanner });
    expect(plan.serialTracked).toBe(true);
    expect(plan.scanned.map((s) => s.serial)).toEqual(['SN-I-1', 'SN-I-2', 'SN-I-3']);

    // The unit count follows the serials scanned: two units for three serials are refused, nothing stored.
    const before = snapshot(t);
    const short = await t.station.call('inspection.record', {
      itemId: demo.items.scanner,
      units: [{ answers: pass }, { answers: pass }],
      photo: null,
    });
    expect(short).toMatchObject({ ok: false, error: { message: { code: 'inspection.unitPerSerial', params: { count: 3 } } } });
    expect(snapshot(t)).toEqual(before);
    expect((t.db.prepare('SELECT count(*) AS n FROM inspections').get() as { n: number }).n).toBe(0);

    const recorded = await t.call<Recorded>('inspection.record', {
      itemId: demo.items.scanner,
      units: [{ answers: pass }, { answers: torn }, { answers: pass }],
      photo: null,
    });
    expect(recorded).toMatchObject({ passed: 2, failed: 1 });
    expect(receiptLines().map((l) => [l.serial, l.qty, l.condition, l.onHold])).toEqual([
      ['SN-I-1', 1, 'good', false],
      ['SN-I-2', 1, 'quarantine', true],
      ['SN-I-3', 1, 'good', false],
    ]);
  });

  it('refuses to inspect a serial-tracked item before any serial was scanned', async () => {
    const answer = await t.station.call('inspection.record', { itemId: demo.items.scanner, units: [{ answers: pass }], photo: null });
    expect(answer).toMatchObject({ ok: false, error: { message: { code: 'inspection.scanSerials' } } });
    expect(receiptLines()).toEqual([]);
  });
});
