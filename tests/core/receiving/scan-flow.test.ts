import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_COMPANY_PREFIX, demo } from '../../../shared/demo/dataset';
import { makeGtin14 } from '../../../shared/demo/gtin';
import type { EventName } from '../../../shared/events';
import { makeSscc } from '../../../shared/scan';
import { english } from '../../support/english';
import { createTestStation, type TestStation } from '../../support/station-fixture';
import { act, current, GS, gs1Date, gtins, isoDays, line, onReceiving, opsOf, outboxOps, scan, snapshot, view } from './support/receiving';

const ASN_SSCC = '106141410000000019';

describe('receiving by scan through the real station', () => {
  let t: TestStation;
  let events: { event: EventName; payload: unknown }[];
  beforeEach(async () => {
    t = await createTestStation();
    events = [];
    t.station.subscribe((event, payload) => events.push({ event, payload }));
    await onReceiving(t);
  });
  afterEach(async () => t.close());

  it('opens PO-1001 by scan with every line at 0 and receives a GS1-128 case with lot and expiry', async () => {
    expect(await current(t)).toBeNull();
    const opened = await scan(t, 'PO-1001');
    expect(opened).toMatchObject({ outcome: 'accepted', sound: 'good' });
    expect(english(opened.message)).toContain('PO-1001');
    const before = await view(t);
    expect(before.lines.map((l) => [l.poLineNo, l.ordered, l.received])).toEqual([
      [1, 24, 0],
      [2, 500, 0],
      [3, 3, 0],
      [4, 12, 0],
    ]);

    const expiry = gs1Date(t, 30);
    const first = await scan(t, `01${gtins.yoghurt.case}17${expiry}10L2411A`);
    expect(first).toMatchObject({ outcome: 'accepted', sound: 'good' });
    expect(english(first.message)).toContain('12 × YOG-500 lot L2411A');
    await scan(t, `01${gtins.yoghurt.case}10L2411A${GS}17${expiry}`);
    const after = await view(t);
    expect(line(after, 1)).toMatchObject({ received: 24, onHold: 0, damaged: 0 });
    expect(after.scans[0]).toMatchObject({
      sku: 'YOG-500',
      qty: 12,
      lot: 'L2411A',
      expiry: isoDays(t, 30),
      source: 'scan',
      condition: 'good',
    });

    const ops = opsOf(t, 'receipt.line');
    expect(ops).toHaveLength(2);
    expect(ops[0]).toMatchObject({
      operatorId: 'OP-ANA',
      payload: {
        receiptId: after.receiptId,
        poId: 'PO-1001',
        poLineNo: 1,
        itemId: demo.items.yoghurt,
        qty: 12,
        lot: 'L2411A',
        expiry: isoDays(t, 30),
        onHold: false,
        condition: 'good',
      },
    });
    const journal = await t.call<{ kind: string; operatorId: string }[]>('journal.recent', { limit: 10 });
    expect(journal.filter((j) => j.kind === 'receiving.line')).toHaveLength(2);
    expect(journal.find((j) => j.kind === 'receiving.open')).toMatchObject({ operatorId: 'OP-ANA' });
    expect(events.some((e) => e.event === 'workflow.changed')).toBe(true);
  });

  it('opens the receipt from the supplier pallet SSCC, with the ASN, the pallet as license plate and received still 0', async () => {
    const fb = await scan(t, `00${ASN_SSCC}`);
    // The ASN lists the pallet's contents: it is offered whole; scanning goods instead receives it unit by unit.
    expect(fb).toMatchObject({ outcome: 'needs_input', reason: 'pallet_offer' });
    expect((await view(t)).pallet).toMatchObject({ sscc: ASN_SSCC, stage: 'offer', units: 524 });
    const v = await view(t);
    expect(v).toMatchObject({ poId: 'PO-1001', asn: { id: 'ASN-5001', expectedWeightKg: 38.5 }, currentLpn: ASN_SSCC });
    expect(line(v, 1)).toMatchObject({ received: 0, asn: { qty: 24, lot: 'L2411A' } });
    expect(v.lpns).toEqual([expect.objectContaining({ lpn: ASN_SSCC, kind: 'supplier', sscc: ASN_SSCC, current: true })]);
    await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 30)}10L2411A`);
    expect(opsOf(t, 'receipt.line')[0]?.payload).toMatchObject({ asnId: 'ASN-5001', lpn: ASN_SSCC });
    expect((await view(t)).pallet).toBeNull();
  });

  it('asks for the lot and the expiry a bare GTIN lacks, filled by the next scans', async () => {
    await scan(t, 'ASN-5001');
    const before = snapshot(t);
    const ask = await scan(t, gtins.yoghurt.unit);
    expect(ask).toMatchObject({ outcome: 'needs_input', reason: 'needs_tracking', sound: 'warn' });
    expect(english(ask.message)).toContain('LOT');
    expect(english(ask.message)).toContain('EXPIRY');
    expect((await view(t)).pending).toMatchObject({ kind: 'tracking', needs: ['lot', 'expiry'], qty: 1 });
    expect(snapshot(t)).toEqual(before);

    const askExpiry = await scan(t, 'L2411A');
    expect(askExpiry).toMatchObject({ outcome: 'needs_input', reason: 'needs_tracking' });
    expect((await view(t)).pending).toMatchObject({ needs: ['expiry'], have: { lot: 'L2411A' } });
    const done = await scan(t, gs1Date(t, 20));
    expect(done).toMatchObject({ outcome: 'accepted' });
    expect(line(await view(t), 1).received).toBe(1);

    // A second barcode on the case (lot and expiry, no GTIN) answers both at once.
    await scan(t, gtins.yoghurt.unit);
    expect(await scan(t, `17${gs1Date(t, 20)}10L2411A`, ']C1')).toMatchObject({ outcome: 'accepted' });
    // Typed answers through the contract.
    await scan(t, gtins.yoghurt.unit);
    const typed = await act(t, 'receiving.provide', { lot: 'L2411A', expiry: isoDays(t, 25) });
    expect(typed.feedback).toMatchObject({ outcome: 'accepted' });
    expect(line(await view(t), 1).received).toBe(3);
  });

  it('refuses a lot with too little shelf life until a supervisor approves by badge scan; expired goods never', async () => {
    await scan(t, 'PO-1001');
    const before = snapshot(t);
    const short = await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 5)}10L2411A`);
    expect(short).toMatchObject({ outcome: 'warning', reason: 'short_shelf_life', sound: 'warn' });
    expect(english(short.message)).toContain('only 5 days of shelf life left');
    expect(snapshot(t)).toMatchObject({ lines: before.lines, outbox: before.outbox });
    expect((await view(t)).pending).toMatchObject({ kind: 'approval', rule: 'short_shelf_life' });

    expect(await scan(t, demo.badges.receiver)).toMatchObject({ outcome: 'refused', reason: 'forbidden' });
    const ok = await scan(t, demo.badges.supervisor);
    expect(ok).toMatchObject({ outcome: 'accepted' });
    expect((await view(t)).scans[0]).toMatchObject({ qty: 12, approvedBy: 'OP-CHLOE' });
    expect(opsOf(t, 'receipt.line')[0]?.payload.reason).toContain('short_shelf_life');

    const mid = snapshot(t);
    const expired = await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, -1)}10L2411A`);
    expect(expired).toMatchObject({ outcome: 'refused', reason: 'expired' });
    expect((await view(t)).pending).toBeNull();
    expect(await scan(t, demo.badges.supervisor)).toMatchObject({
      outcome: 'refused',
      message: { code: 'receiving.badgeNoApproval' },
    });
    expect(snapshot(t)).toMatchObject({ lines: mid.lines, outbox: mid.outbox });
  });

  it('refuses an over-receipt past the PO tolerance; a supervisor approval sends the excess apart', async () => {
    await scan(t, 'PO-1001');
    const exp = gs1Date(t, 30);
    await scan(t, `01${gtins.yoghurt.case}17${exp}10L2411A`);
    await scan(t, `01${gtins.yoghurt.case}17${exp}10L2411A`);
    const before = snapshot(t);
    const over = await scan(t, `01${gtins.yoghurt.case}17${exp}10L2411A`);
    expect(over).toMatchObject({ outcome: 'warning', reason: 'over_receipt', sound: 'warn' });
    expect(english(over.message)).toContain('at most 25');
    expect(snapshot(t)).toMatchObject({ lines: before.lines, outbox: before.outbox });

    const denied = await t.station.call('receiving.approve', { badge: demo.badges.receiver });
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const approved = await act(t, 'receiving.approve', { badge: demo.badges.supervisor });
    expect(approved.feedback).toMatchObject({ outcome: 'accepted' });
    expect(line(approved.receipt!, 1).received).toBe(36);
    const lines = opsOf(t, 'receipt.line')
      .slice(2)
      .map((o) => [o.payload.poLineNo, o.payload.qty]);
    expect(lines).toEqual([
      [1, 1],
      [null, 11],
    ]);
  });

  it('counts the units of a pallet label (02 + 37) and of a variable-measure item by its net weight (310n)', async () => {
    await scan(t, 'PO-1001');
    const pallet = await scan(t, `00${ASN_SSCC}02${gtins.yoghurt.unit}3724${GS}10L2411A${GS}17${gs1Date(t, 30)}`, ']C1');
    expect(pallet).toMatchObject({ outcome: 'accepted' });
    expect(english(pallet.message)).toContain('24 × YOG-500 lot L2411A');

    const weighed = makeGtin14(9, DEMO_COMPANY_PREFIX, 1);
    await t.call('receiving.linkBarcode', { code: weighed, itemId: demo.items.bolt, supervisorBadge: demo.badges.supervisor });
    const bolts = await scan(t, `01${weighed}3103001075`, ']C1');
    expect(bolts.outcome).toBe('accepted');
    expect(english(bolts.message)).toContain('50 × BOLT-M8X40');
    expect(await scan(t, `01${weighed}3103000099`, ']C1')).toMatchObject({ outcome: 'refused', reason: 'not_whole' });
    expect(line(await view(t), 2).received).toBe(50);
  });

  it('counts typed quantities and refuses one that passes the line', async () => {
    await scan(t, 'PO-1001');
    const typed = await act(t, 'receiving.receive', { itemId: demo.items.mug, qty: 12 });
    expect(typed.feedback).toMatchObject({ outcome: 'accepted' });
    expect(line(typed.receipt!, 4).received).toBe(12);
    const over = await act(t, 'receiving.receive', { itemId: demo.items.mug, qty: 1 });
    expect(over.feedback).toMatchObject({ outcome: 'warning', reason: 'over_receipt' });
    expect(line(over.receipt!, 4).received).toBe(12);
    expect((await view(t)).scans[0]).toMatchObject({ source: 'typed', qty: 12 });

    const ctx = t.station.context;
    ctx.meta.set('site_settings', JSON.stringify({ ...ctx.site(), allowQuantityKeys: false }));
    const off = await t.station.call('receiving.receive', { itemId: demo.items.bolt, qty: 5 });
    expect(off).toMatchObject({ ok: false, error: { code: 'rule', message: { code: 'receiving.quantityKeysOff' } } });
  });

  it('keeps serials unique in the receipt and across the station history; undo frees a serial', async () => {
    await scan(t, 'PO-1001');
    expect(await scan(t, `01${gtins.scanner.unit}21SN-0001`)).toMatchObject({ outcome: 'accepted' });
    const before = snapshot(t);
    const again = await scan(t, `01${gtins.scanner.unit}21SN-0001`);
    expect(again).toMatchObject({ outcome: 'refused', reason: 'duplicate_serial' });
    expect(english(again.message)).toContain('already scanned in this receipt');
    expect(snapshot(t)).toMatchObject({ lines: before.lines, outbox: before.outbox });
    expect(await scan(t, `01${gtins.scanner.case}21SN-0009`)).toMatchObject({ outcome: 'refused', reason: 'serial_quantity' });
    expect(await scan(t, gtins.scanner.unit)).toMatchObject({ outcome: 'needs_input', reason: 'needs_tracking' });
    expect(await scan(t, 'SN-0002')).toMatchObject({ outcome: 'accepted' });

    // Another PO at this station: the serial is still taken.
    await scan(t, 'PO-1002');
    const elsewhere = await act(t, 'receiving.receive', { itemId: demo.items.scanner, qty: 1, serial: 'SN-0001' });
    expect(elsewhere.feedback).toMatchObject({ outcome: 'refused', reason: 'duplicate_serial' });
    expect(english(elsewhere.feedback.message)).toContain('already received on PO-1001');

    await scan(t, 'PO-1001');
    await act(t, 'receiving.undo');
    await act(t, 'receiving.undo');
    expect(await scan(t, `01${gtins.scanner.unit}21SN-0001`)).toMatchObject({ outcome: 'accepted' });
  });

  it('stops an unknown barcode; a supervisor links it and the next scan receives', async () => {
    await scan(t, 'PO-1001');
    const before = snapshot(t);
    const unknown = await scan(t, '09506000134352');
    expect(unknown).toMatchObject({ outcome: 'refused', reason: 'unknown_barcode', sound: 'bad' });
    expect(english(unknown.message)).toContain('Unknown barcode 09506000134352');
    expect((await view(t)).unknownBarcode).toBe('09506000134352');
    expect(snapshot(t)).toEqual(before);

    const notSupervisor = await t.station.call('receiving.linkBarcode', {
      code: '09506000134352',
      itemId: demo.items.mug,
      packQty: 6,
      supervisorBadge: demo.badges.receiver,
    });
    expect(notSupervisor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await t.call('receiving.linkBarcode', {
        code: '09506000134352',
        itemId: demo.items.mug,
        packQty: 6,
        supervisorBadge: demo.badges.supervisor,
      }),
    ).toEqual({ code: '09506000134352', itemId: demo.items.mug, packQty: 6 });
    expect(opsOf(t, 'item.barcode.link').map((o) => o.payload)).toEqual([
      { itemId: demo.items.mug, code: '09506000134352', packQty: 6, linkedBy: 'OP-CHLOE' },
    ]);
    expect((await view(t)).unknownBarcode).toBeNull();
    const mugs = await scan(t, '09506000134352');
    expect(mugs.outcome).toBe('accepted');
    expect(english(mugs.message)).toContain('6 × MUG-CER-350');
    const dup = await t.station.call('receiving.linkBarcode', {
      code: '9506000134352',
      itemId: demo.items.tape,
      supervisorBadge: demo.badges.supervisor,
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('receives a lot under quality hold straight into hold status, with a warning, not a refusal', async () => {
    await scan(t, 'PO-1001');
    const held = await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, 30)}10${demo.heldLot.lot}`);
    expect(held).toMatchObject({ outcome: 'warning', sound: 'warn', reason: 'on_hold' });
    expect(english(held.message)).toContain('Listeria test pending');
    expect(line(await view(t), 1)).toMatchObject({ received: 12, onHold: 12 });
    expect(opsOf(t, 'receipt.line')[0]?.payload).toMatchObject({ lot: demo.heldLot.lot, onHold: true });
    expect(events.find((e) => e.event === 'alert')?.payload).toMatchObject({ level: 'warning', workflow: 'receiving' });
  });

  it('receives damaged goods on hold with the reason, then goes back to good; a typed photo path is refused', async () => {
    await scan(t, 'PO-1001');
    const bad = await t.station.call('receiving.setCondition', { condition: 'damaged' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // A photo comes from the station's camera (inspection.receiptPhoto), never as a path on the station's disk.
    const typedPath = await t.station.call('receiving.setCondition', {
      condition: 'damaged',
      reason: 'crushed carton',
      photoPath: '/photos/rcv-1.jpg',
    });
    expect(typedPath).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await view(t)).nextCondition).toEqual({ condition: 'good', reason: null });
    await t.call('receiving.setCondition', { condition: 'damaged', reason: 'crushed carton' });
    expect((await view(t)).nextCondition).toEqual({ condition: 'damaged', reason: 'crushed carton' });
    expect(await scan(t, gtins.mug.case)).toMatchObject({ outcome: 'warning', reason: 'on_hold', sound: 'warn' });
    expect(await scan(t, gtins.mug.case)).toMatchObject({ outcome: 'accepted', sound: 'good' });
    const v = await view(t);
    expect(line(v, 4)).toMatchObject({ received: 12, damaged: 6, onHold: 6 });
    expect(v.nextCondition.condition).toBe('good');
    expect(opsOf(t, 'receipt.line').map((o) => [o.payload.condition, o.payload.reason, o.payload.onHold])).toEqual([
      ['damaged', 'crushed carton', true],
      ['good', null, false],
    ]);
  });

  it('undoes the last scan with a receipt.undo naming its op, and receives an unexpected item with a warning', async () => {
    await scan(t, 'PO-1001');
    await scan(t, gtins.mug.case);
    const tape = await scan(t, gtins.tape.unit);
    expect(tape).toMatchObject({ outcome: 'warning', reason: 'unexpected_item', sound: 'warn' });
    expect((await view(t)).unexpected).toEqual([expect.objectContaining({ itemId: demo.items.tape, received: 1 })]);
    const undo = await act(t, 'receiving.undo');
    expect(english(undo.feedback.message)).toContain('Undone: 1 × TAPE-48');
    expect(undo.receipt?.unexpected).toEqual([]);
    const [mugLine, tapeLine] = opsOf(t, 'receipt.line');
    expect(opsOf(t, 'receipt.undo').map((o) => o.payload.undoesOpId)).toEqual([tapeLine?.opId]);
    await act(t, 'receiving.undo');
    expect(opsOf(t, 'receipt.undo').map((o) => o.payload.undoesOpId)).toEqual([tapeLine?.opId, mugLine?.opId]);
    expect(line(await view(t), 4).received).toBe(0);
    expect((await act(t, 'receiving.undo')).feedback).toMatchObject({ outcome: 'refused', message: { code: 'receiving.nothingToUndo' } });
  });

  it('judges GS1 pairing rules over all labels of one item, and names the rule of an unreadable scan', async () => {
    await scan(t, 'ASN-5001');
    await scan(t, gtins.yoghurt.unit);
    const before = snapshot(t);
    // (37) counts trade items inside a logistic unit: with the item's (01) from the first label it breaks GS1's rules.
    const refused = await scan(t, '(10)L2411A(37)5');
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'gs1_pairing' });
    expect(english(refused.message)).toContain('AI 37');
    expect(snapshot(t)).toEqual(before);
    expect((await view(t)).pending).toMatchObject({ kind: 'tracking', needs: ['lot', 'expiry'] });

    const unreadable = await scan(t, '(8001)1234123451239');
    expect(unreadable).toMatchObject({ outcome: 'refused', reason: 'unreadable' });
    expect(english(unreadable.message)).toContain('AI 8001: 13 digits, needs 14');
  });

  it('changes nothing on refused scans: unreadable, unknown SSCC, no receipt, no item', async () => {
    const before = snapshot(t);
    expect(await scan(t, gtins.mug.unit)).toMatchObject({ outcome: 'refused', reason: 'no_receipt' });
    expect(await scan(t, '09506000134353')).toMatchObject({ outcome: 'refused', reason: 'unreadable' });
    expect(await scan(t, 'PO-9999')).toMatchObject({ outcome: 'refused' });
    expect(snapshot(t)).toEqual(before);
    await scan(t, 'PO-1001');
    const open = snapshot(t);
    expect(await scan(t, makeSscc(1, DEMO_COMPANY_PREFIX, 999))).toMatchObject({ outcome: 'refused', reason: 'unknown_sscc' });
    expect(await scan(t, `17${gs1Date(t, 30)}10L2411A`, ']d2')).toMatchObject({ outcome: 'refused', reason: 'no_item' });
    expect(await scan(t, `01${gtins.yoghurt.case}17${gs1Date(t, -3)}10L2411A`)).toMatchObject({ outcome: 'refused', reason: 'expired' });
    expect(snapshot(t)).toEqual(open);
    const refusals = await t.call<{ kind: string }[]>('journal.recent', { limit: 20 });
    expect(refusals.filter((j) => j.kind === 'receiving.refused').length).toBeGreaterThanOrEqual(5);
  });

  it('lists open POs, resumes the open receipt of a PO and keeps one open receipt per PO', async () => {
    const list = await t.call<{ poId: string; receiptOpen: boolean; asns: { number: string }[] }[]>('receiving.purchaseOrders');
    expect(list.find((p) => p.poId === 'PO-1001')).toMatchObject({ receiptOpen: false, asns: [{ number: 'ASN-5001' }] });
    const first = await t.call<{ receiptId: string }>('receiving.open', { reference: 'PO-1001' });
    await scan(t, gtins.mug.case);
    const again = await t.call<{ receiptId: string; lines: { received: number }[] }>('receiving.open', { reference: 'ASN-5001' });
    expect(again.receiptId).toBe(first.receiptId);
    expect(line(await view(t), 4).received).toBe(6);
    expect(
      (await t.call<{ poId: string; receiptOpen: boolean }[]>('receiving.purchaseOrders')).find((p) => p.poId === 'PO-1001')?.receiptOpen,
    ).toBe(true);
    expect(t.db.prepare("SELECT count(*) AS n FROM receipts WHERE po_id = 'PO-1001'").get()).toEqual({ n: 1 });
    const missing = await t.station.call('receiving.open', { reference: 'NOPE' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(outboxOps(t).every((o) => o.operatorId === 'OP-ANA')).toBe(true);
  });

  it('refuses receiving to a packer', async () => {
    await t.call('session.signIn', { badge: demo.badges.packer });
    expect(await t.station.call('receiving.open', { reference: 'PO-1001' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
