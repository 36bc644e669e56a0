import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCANNED_BADGE_VALID_MS } from '../../../electron/core/session/approvals';
import { createMasterDataWriter } from '../../../electron/core/storage/master-data';
import { demo } from '../../../shared/demo/dataset';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { gtins, onReceiving, scan, snapshot } from '../receiving/support/receiving';

/** PO-1001 open with nothing received yet: every line is short, so closing it needs a supervisor. */
async function receiptWithShortLine(t: TestStation): Promise<void> {
  await onReceiving(t);
  await scan(t, 'PO-1001');
  expect((await t.call<{ needsApproval: boolean }>('receiving.closePreview')).needsApproval).toBe(true);
}

const closedBy = async (t: TestStation, input: unknown) =>
  (await t.call<{ approvedBy: string | null }>('receiving.close', input)).approvedBy;

describe('a supervisor approves by scanning their badge', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
  });
  afterEach(async () => t.close());

  it('takes the next scan as the badge, not as goods, and the close uses it', async () => {
    await receiptWithShortLine(t);
    await t.call('approval.await', { purpose: 'receiving.close' });
    const before = snapshot(t);

    // Goods scanned while the station waits for a badge are refused, never received, and count as no badge guess.
    const goods = await scan(t, `01${gtins.mug.unit}`);
    expect(goods).toMatchObject({ outcome: 'refused', message: { code: 'badges.supervisorMustScan' } });
    expect(t.db.prepare("SELECT count(*) AS n FROM journal WHERE kind = 'badge.refused'").get()).toEqual({ n: 0 });
    // A receiver's badge approves nothing; the wait goes on.
    const receiver = await scan(t, demo.badges.receiver);
    expect(receiver).toMatchObject({ outcome: 'refused', reason: 'forbidden' });
    expect(snapshot(t)).toEqual(before);

    const supervisor = await scan(t, demo.badges.supervisor);
    expect(supervisor).toMatchObject({ outcome: 'accepted', message: { code: 'approvals.approvedBy', params: { name: 'Chloé Martin' } } });
    expect(await closedBy(t, { supervisorScanned: true })).toBe('OP-CHLOE');
  });

  it('refuses a scanned approval when no badge was scanned, when it was for something else, or after it went stale', async () => {
    await receiptWithShortLine(t);
    const none = await t.station.call('receiving.close', { supervisorScanned: true });
    expect(none).toMatchObject({ ok: false, error: { code: 'forbidden', message: { code: 'badges.supervisorMustScan' } } });

    await t.call('approval.await', { purpose: 'receiving.linkBarcode' });
    await scan(t, demo.badges.supervisor);
    expect(await t.station.call('receiving.close', { supervisorScanned: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await t.call('approval.await', { purpose: 'receiving.close' });
    await scan(t, demo.badges.supervisor);
    t.clock.advance(SCANNED_BADGE_VALID_MS + 1000);
    expect(await t.station.call('receiving.close', { supervisorScanned: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Scanned once, taken once: a fresh scan approves, and with the receipt closed nothing else can use it.
    await t.call('approval.await', { purpose: 'receiving.close' });
    await scan(t, demo.badges.supervisor);
    expect(await closedBy(t, { supervisorScanned: true })).toBe('OP-CHLOE');
  });

  it('after the badge asks for the PIN where the site requires one; a wrong PIN keeps the badge for another try', async () => {
    createMasterDataWriter(t.db).siteSettings({ ...t.dataset.site, supervisorPinRequired: true });
    await receiptWithShortLine(t);
    await t.call('approval.await', { purpose: 'receiving.close' });
    expect(await scan(t, demo.badges.supervisor)).toMatchObject({ outcome: 'needs_input', message: { code: 'approvals.typePin' } });
    expect(await t.station.call('receiving.close', { supervisorScanned: true })).toMatchObject({
      ok: false,
      error: { code: 'pin_required' },
    });
    expect(await t.station.call('receiving.close', { supervisorScanned: true, supervisorPin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await closedBy(t, { supervisorScanned: true, supervisorPin: demo.pins.supervisor })).toBe('OP-CHLOE');
  });

  it('forgets a scanned badge when the operator signs out or leaves the screen', async () => {
    await receiptWithShortLine(t);
    await t.call('approval.await', { purpose: 'receiving.close' });
    await scan(t, demo.badges.supervisor);
    await t.call('session.signOut');
    await onReceiving(t);
    expect(await t.station.call('receiving.close', { supervisorScanned: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: { code: 'badges.supervisorMustScan' } },
    });

    await t.call('approval.await', { purpose: 'receiving.close' });
    await t.call('workflow.select', { workflow: 'home' });
    // Away from the screen that waited, a badge scan is no approval.
    expect(await scan(t, demo.badges.supervisor)).not.toMatchObject({ message: { code: 'approvals.approvedBy' } });
  });
});
