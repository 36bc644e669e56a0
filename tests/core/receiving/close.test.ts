import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demo } from '../../../shared/demo/dataset';
import type { CloseSummary } from '../../../shared/domain/receiving';
import { english } from '../../support/english';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { act, current, gs1Date, gtins, onReceiving, opsOf, scan, snapshot, view } from './support/receiving';

interface Closed {
  summary: CloseSummary;
  approvedBy: string | null;
  report: unknown;
}

describe('closing a receipt', () => {
  let t: TestStation;
  beforeEach(async () => {
    t = await createTestStation();
    await onReceiving(t);
  });
  afterEach(async () => t.close());

  it('records short lines, needs a supervisor badge for discrepancies, and sends receipt.close', async () => {
    await scan(t, 'ASN-5001');
    const exp = gs1Date(t, 30);
    await scan(t, `01${gtins.yoghurt.case}17${exp}10L2411A`);
    await scan(t, `01${gtins.yoghurt.case}17${exp}10L2411A`);
    await act(t, 'receiving.receive', { itemId: demo.items.bolt, qty: 500 });
    await act(t, 'receiving.receive', { itemId: demo.items.mug, qty: 12 });
    await t.call('receiving.setCondition', { condition: 'damaged', reason: 'broken handle' });
    await act(t, 'receiving.receive', { itemId: demo.items.scanner, qty: 1, serial: 'SN-77' });

    const preview = await t.call<CloseSummary>('receiving.closePreview');
    expect(preview.needsApproval).toBe(true);
    expect(preview.lines.map((l) => [l.sku, l.ordered, l.received, l.damaged, l.kind])).toEqual([
      ['YOG-500', 24, 24, 0, 'ok'],
      ['BOLT-M8X40', 500, 500, 0, 'ok'],
      ['SCAN-HH', 3, 1, 1, 'short'],
      ['MUG-CER-350', 12, 12, 0, 'ok'],
    ]);

    const before = snapshot(t);
    const unapproved = await t.station.call('receiving.close', {});
    expect(unapproved).toMatchObject({ ok: false, error: { code: 'rule' } });
    if (!unapproved.ok) expect(english(unapproved.error.message)).toContain('SCAN-HH');
    const byReceiver = await t.station.call('receiving.close', { supervisorBadge: demo.badges.receiver });
    expect(byReceiver).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(snapshot(t)).toEqual(before);

    const closed = await t.call<Closed>('receiving.close', { supervisorBadge: demo.badges.supervisor });
    expect(closed.approvedBy).toBe('OP-CHLOE');
    const [close] = opsOf(t, 'receipt.close');
    expect(close).toMatchObject({ operatorId: 'OP-ANA', payload: { poId: 'PO-1001', approvedBy: 'OP-CHLOE' } });
    expect(close?.payload.lines.find((l) => l.itemId === demo.items.scanner)).toEqual({
      poLineNo: 3,
      itemId: demo.items.scanner,
      ordered: 3,
      received: 1,
      damaged: 1,
      kind: 'short',
    });
    expect(await current(t)).toBeNull();

    // The PO is closed at this station: no second receipt on it.
    const reopen = await scan(t, 'PO-1001');
    expect(reopen).toMatchObject({ outcome: 'refused' });
    expect(english(reopen.message)).toContain('is not open');
    const list = await t.call<{ poId: string }[]>('receiving.purchaseOrders');
    expect(list.map((p) => p.poId)).not.toContain('PO-1001');
    const journal = await t.call<{ kind: string; operatorId: string }[]>('journal.recent', { limit: 5 });
    expect(journal[0]).toMatchObject({ kind: 'receiving.close', operatorId: 'OP-ANA' });
  });

  it('closes without approval when everything came as ordered, and counts over and unexpected lines', async () => {
    await scan(t, 'PO-1001');
    const exp = gs1Date(t, 30);
    await act(t, 'receiving.receive', { itemId: demo.items.yoghurt, qty: 24, lot: 'L2411A', expiry: exp });
    await act(t, 'receiving.receive', { itemId: demo.items.bolt, qty: 500 });
    for (const serial of ['S1', 'S2', 'S3']) await act(t, 'receiving.receive', { itemId: demo.items.scanner, qty: 1, serial });
    await act(t, 'receiving.receive', { itemId: demo.items.mug, qty: 12 });
    expect((await t.call<CloseSummary>('receiving.closePreview')).needsApproval).toBe(false);

    await act(t, 'receiving.receive', { itemId: demo.items.bolt, qty: 10 });
    await scan(t, gtins.tape.unit);
    const preview = await t.call<CloseSummary>('receiving.closePreview');
    expect(preview.needsApproval).toBe(true);
    expect(preview.lines.filter((l) => l.kind !== 'ok').map((l) => [l.sku, l.kind, l.received])).toEqual([
      ['BOLT-M8X40', 'over', 510],
      ['TAPE-48', 'unexpected', 1],
    ]);
    await act(t, 'receiving.undo');
    await act(t, 'receiving.undo');
    const closed = await t.call<Closed>('receiving.close', {});
    expect(closed.approvedBy).toBeNull();
    expect(opsOf(t, 'receipt.close')[0]?.payload.lines.every((l) => l.kind === 'ok')).toBe(true);
    expect(await view(t).catch((e: Error) => e.message)).toBe('no receipt open');
  });
});
