import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanFeedback } from '../../../shared/contract/station';
import { Message } from '../../../shared/messages';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { caseGtin, gs1, unitGtin } from '../packing/support/pack-helpers';
import { gs1Date, gtins, onReceiving, scan } from '../receiving/support/receiving';

/** Every answer the core gives an operator is a message code with parameters: never a sentence. */
function expectMessage(said: unknown): void {
  expect(Message.safeParse(said).success, `not a Message: ${JSON.stringify(said)}`).toBe(true);
}

function expectFeedback(answer: ScanFeedback): void {
  expect(['accepted', 'warning', 'refused', 'needs_input']).toContain(answer.outcome);
  expectMessage(answer.message);
}

describe('the core speaks codes', () => {
  let t: TestStation;
  let pushed: unknown[];
  beforeEach(async () => {
    t = await createTestStation();
    pushed = [];
    t.station.subscribe((event, payload) => {
      if (event === 'scan.result' || event === 'alert') pushed.push((payload as { message: unknown }).message);
    });
  });
  afterEach(async () => t.close());

  it('answers receiving scans and refusals with codes, an unknown document as not found, a bad field by its label', async () => {
    await onReceiving(t);
    const unknownPo = await scan(t, 'PO-9999');
    expect(unknownPo).toMatchObject({ outcome: 'refused', message: { code: 'errors.notFound', params: { document: 'PO-9999' } } });
    const opened = await scan(t, 'PO-1001');
    expect(opened).toMatchObject({ outcome: 'accepted', message: { code: 'receiving.opened' } });
    const received = await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 30)}10L2411A`);
    expectFeedback(received);
    const unknown = await scan(t, 'NO-SUCH-ITEM-42');
    expect(unknown).toMatchObject({ outcome: 'refused', message: { code: 'receiving.unknownBarcode' } });
    const noLot = await scan(t, `01${gtins.yoghurt.case}`);
    expect(noLot.outcome).toBe('needs_input');
    const invalid = await t.station.call('receiving.weighCount', { itemId: 'ITM-YOG-500', tareKg: -1 });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: { code: 'errors.invalidField', params: { field: { code: 'field.tareKg' } } } },
    });
    for (const said of pushed) expectMessage(said);
    expect(pushed.length).toBeGreaterThan(3);
  });

  it('answers packing scans and refusals with codes', async () => {
    await t.signIn('packer');
    await t.call('workflow.select', { workflow: 'packing' });
    const answers = [
      await t.call<ScanFeedback>('scan.submit', { data: 'SO-9999', scanId: 'scan-1' }),
      await t.call<ScanFeedback>('scan.submit', { data: 'SO-2001', scanId: 'scan-2' }),
      await t.call<ScanFeedback>('scan.submit', { data: unitGtin('mug'), scanId: 'scan-3' }),
      await t.call<ScanFeedback>('scan.submit', { data: gs1(caseGtin('battery')), scanId: 'scan-4' }),
    ];
    expect(answers.map((a) => a.scanId)).toEqual(['scan-1', 'scan-2', 'scan-3', 'scan-4']);
    expect(answers[0]).toMatchObject({ outcome: 'refused', message: { code: 'errors.notFound' } });
    for (const answer of answers) expectFeedback(answer);
    const refused = await t.station.call('packing.closeShipment', {});
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expectMessage(refused.error.message);
    for (const said of pushed) expectMessage(said);
  });
});
