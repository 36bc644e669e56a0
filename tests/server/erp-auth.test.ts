import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PullResponse } from '../../shared/sync-protocol';
import {
  bodyOf,
  ErrorResult,
  enrollStation,
  expectOk,
  item,
  opFactory,
  purchaseOrder,
  receiptLine,
  seedSite,
  siteSettings,
} from './support/fixtures';
import { startTestServer, type TestServer } from './support/harness';
import { forEachBackend } from './support/suite';

const Upserted = z.object({ received: z.number(), changed: z.number() });

forEachBackend('ERP API and station auth', (ctx) => {
  it('upserts by external id idempotently: a repeated import changes nothing and writes no changes', async () => {
    const { api } = ctx.server();
    const station = await seedSite(api, 'erp-idem', { items: [item('A'), item('B')] });
    const cursorAfterSeed = bodyOf(PullResponse, await expectOk(api('GET', '/sync/v1/pull?limit=5000', { token: station.credential })));
    if (cursorAfterSeed.reset) throw new Error('unexpected reset');

    const again = bodyOf(
      Upserted,
      await expectOk(api('POST', '/api/v1/sites/erp-idem/items', { body: { items: [item('A'), item('B')] } })),
    );
    expect(again).toEqual({ received: 2, changed: 0 });
    const changedOne = bodyOf(
      Upserted,
      await expectOk(api('POST', '/api/v1/sites/erp-idem/items', { body: { items: [item('A'), item('B', { unitWeightG: 250 })] } })),
    );
    expect(changedOne).toEqual({ received: 2, changed: 1 });
    const po = purchaseOrder('PO1', [{ itemId: 'A', qty: 5 }]);
    expect(
      bodyOf(Upserted, await expectOk(api('POST', '/api/v1/sites/erp-idem/purchase-orders', { body: { purchaseOrders: [po] } }))),
    ).toEqual({ received: 1, changed: 1 });
    expect(
      bodyOf(Upserted, await expectOk(api('POST', '/api/v1/sites/erp-idem/purchase-orders', { body: { purchaseOrders: [po] } }))),
    ).toEqual({ received: 1, changed: 0 });
    const site = await expectOk(api('PUT', '/api/v1/sites/erp-idem', { body: siteSettings('erp-idem') }));
    expect(site.body).toMatchObject({ created: false, changed: false });

    const later = bodyOf(
      PullResponse,
      await expectOk(api('GET', `/sync/v1/pull?cursor=${cursorAfterSeed.cursor}`, { token: station.credential })),
    );
    if (later.reset) throw new Error('unexpected reset');
    expect(later.changes.map((c) => `${c.entity}:${c.id}`)).toEqual(['item:B', 'purchaseOrder:PO1']);
  });

  it('keeps received quantities when the ERP sends a PO again with changed lines', async () => {
    const { api } = ctx.server();
    const station = await seedSite(api, 'erp-po', {
      pos: [
        purchaseOrder('PO1', [
          { itemId: 'A', qty: 5 },
          { itemId: 'B', qty: 5 },
        ]),
      ],
    });
    const op = opFactory();
    await expectOk(
      api('POST', '/sync/v1/push', { token: station.credential, body: { ops: [op('receipt.line', receiptLine('PO1', 1, 'A', 4))] } }),
    );
    await expectOk(
      api('POST', '/api/v1/sites/erp-po/purchase-orders', { body: { purchaseOrders: [purchaseOrder('PO1', [{ itemId: 'A', qty: 6 }])] } }),
    );
    const result = await expectOk(
      api('POST', '/sync/v1/push', { token: station.credential, body: { ops: [op('receipt.line', receiptLine('PO1', 1, 'A', 3))] } }),
    );
    expect(result.body).toMatchObject({ results: [{ status: 'rejected', code: 'over_receipt' }] });
    const fits = await expectOk(
      api('POST', '/sync/v1/push', { token: station.credential, body: { ops: [op('receipt.line', receiptLine('PO1', 1, 'A', 2))] } }),
    );
    expect(fits.body).toMatchObject({ results: [{ status: 'applied' }] });
  });

  it('answers bad ERP input with 400 and field paths, an unknown site with 404, and a missing key with 401', async () => {
    const { api } = ctx.server();
    await seedSite(api, 'erp-bad');
    const bad = await api('POST', '/api/v1/sites/erp-bad/items', { body: { items: [{ ...item('X'), unitWeightG: -1 }] } });
    expect(bad.status).toBe(400);
    expect(bodyOf(ErrorResult, bad).error.issues?.[0]?.path).toBe('body.items.0.unitWeightG');
    const unknownSite = await api('POST', '/api/v1/sites/nowhere/items', { body: { items: [item('X')] } });
    expect(unknownSite.status).toBe(404);
    expect(bodyOf(ErrorResult, unknownSite).error.code).toBe('unknown_site');
    const noKey = await api('POST', '/api/v1/sites/erp-bad/items', { token: null, body: { items: [item('X')] } });
    expect(noKey.status).toBe(401);
    const wrongKey = await api('POST', '/api/v1/sites/erp-bad/items', { token: 'guess', body: { items: [item('X')] } });
    expect(wrongKey.status).toBe(401);
    const holdWithoutLot = await api('POST', '/api/v1/sites/erp-bad/holds', {
      body: { id: 'H', kind: 'lot', itemId: 'A', lot: null, location: null, reason: 'x' },
    });
    expect(holdWithoutLot.status).toBe(400);
    const missing = await api('GET', '/api/v1/nothing-here');
    expect(bodyOf(ErrorResult, missing).error.code).toBe('not_found');
  });

  it('enrolls a station with a one-time code, authenticates each call, and revokes it from the next call on', async () => {
    const { api } = ctx.server();
    await seedSite(api, 'auth-site');
    const code = bodyOf(
      z.object({ code: z.string(), expiresAt: z.string() }),
      await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId: 'auth-site' } }), 201),
    );
    const enrolled = await expectOk(
      api('POST', '/sync/v1/enroll', { token: null, body: { code: code.code.toLowerCase(), stationName: 'dock-3', role: 'receiving' } }),
      201,
    );
    const station = bodyOf(z.object({ stationId: z.string(), siteId: z.string(), credential: z.string() }), enrolled);
    expect(station.siteId).toBe('auth-site');
    const reuse = await api('POST', '/sync/v1/enroll', {
      token: null,
      body: { code: code.code, stationName: 'dock-4', role: 'receiving' },
    });
    expect(reuse.status).toBe(401);
    expect(bodyOf(ErrorResult, reuse).error.code).toBe('invalid_enrollment_code');
    const expired = bodyOf(
      z.object({ code: z.string() }),
      await expectOk(api('POST', '/api/v1/enrollment-codes', { body: { siteId: 'auth-site', ttlMinutes: 1 } }), 201),
    );
    await ctx
      .server()
      .serverDb.db.updateTable('enrollment_codes')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute();
    expect(
      (await api('POST', '/sync/v1/enroll', { token: null, body: { code: expired.code, stationName: 'late', role: 'packing' } })).status,
    ).toBe(401);

    expect((await api('GET', '/sync/v1/pull', { token: station.credential })).status).toBe(200);
    expect((await api('GET', '/sync/v1/pull', { token: null })).status).toBe(401);
    expect(bodyOf(ErrorResult, await api('GET', '/sync/v1/pull', { token: 'wbs_forged' })).error.code).toBe('unknown_station');
    // The admin key is not a station credential.
    expect((await api('GET', '/sync/v1/pull')).status).toBe(401);

    const stations = await expectOk(api('GET', '/api/v1/sites/auth-site/stations'));
    expect(stations.body).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ id: station.stationId, name: 'dock-3', role: 'receiving', revokedAt: null }),
      ]),
    });
    await expectOk(api('POST', `/api/v1/stations/${station.stationId}/revoke`));
    const revoked = await api('GET', '/sync/v1/pull', { token: station.credential });
    expect(revoked.status).toBe(401);
    expect(bodyOf(ErrorResult, revoked).error).toMatchObject({ code: 'station_revoked' });
    expect(bodyOf(ErrorResult, revoked).error.message).toContain('dock-3');
    const push = await api('POST', '/sync/v1/push', {
      token: station.credential,
      body: { ops: [opFactory()('order.problem', { orderId: 'x', reason: 'y' })] },
    });
    expect(push.status).toBe(401);
    const other = await enrollStation(api, 'auth-site', 'dock-5');
    expect((await api('GET', '/sync/v1/pull', { token: other.credential })).status).toBe(200);
  });

  it('gives a tracking number and a label from the carrier integration point', async () => {
    const { api } = ctx.server();
    const station = await seedSite(api, 'carrier', {
      orders: [{ ...(await import('./support/fixtures')).order('SO1', [{ itemId: 'A', qty: 1 }]) }],
    });
    const request = {
      orderId: 'SO1',
      cartonId: 'C1',
      carrier: 'UPS',
      service: 'GROUND',
      weightG: 1200,
      shipTo: {
        name: 'Ann ^XZ Buyer',
        company: '',
        street1: '2 Elm',
        street2: '',
        city: 'X',
        region: '',
        postalCode: '1',
        country: 'US',
        phone: '',
      },
    };
    const first = bodyOf(
      z.object({ tracking: z.string(), zpl: z.string() }),
      await expectOk(api('POST', '/sync/v1/carrier-label', { token: station.credential, body: request })),
    );
    expect(first.tracking).toMatch(/^WBUPS\d{13}$/);
    expect(first.zpl.startsWith('^XA')).toBe(true);
    expect(first.zpl).toContain('Ann _5EXZ Buyer');
    const again = bodyOf(
      z.object({ tracking: z.string() }),
      await expectOk(api('POST', '/sync/v1/carrier-label', { token: station.credential, body: request })),
    );
    expect(again.tracking).toBe(first.tracking);
    expect(
      (await api('POST', '/sync/v1/carrier-label', { token: station.credential, body: { ...request, orderId: 'SO404' } })).status,
    ).toBe(404);
  });

  it('serves the OpenAPI document at /docs', async () => {
    const { api } = ctx.server();
    const spec = await expectOk(api('GET', '/docs/json', { token: null }));
    const paths = Object.keys(z.object({ paths: z.record(z.string(), z.unknown()) }).parse(spec.body).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/sync/v1/push', '/sync/v1/pull', '/api/v1/sites/{siteId}/items', '/api/v1/enrollment-codes']),
    );
    expect((await api('GET', '/docs', { token: null })).status).toBeLessThan(400);
  });
});

describe('limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite', limits: { requestsPerMinute: 8, anonymousPerMinute: 1000, bodyBytes: 4096 } });
  }, 60_000);
  afterAll(async () => server?.close());

  it('answers an oversized body from a station with 413 and a clear error', async () => {
    const station = await enrollStation(server.api, (await seedLimitsSite(server)).siteId, 'big-body');
    const result = await server.api('POST', '/sync/v1/push', {
      token: station.credential,
      raw: JSON.stringify({ ops: [], pad: 'x'.repeat(8000) }),
    });
    expect(result.status).toBe(413);
    expect(bodyOf(ErrorResult, result).error.code).toBe('body_too_large');
  });

  it('answers too many requests from one station with 429 and a clear error, without touching another', async () => {
    const { siteId } = await seedLimitsSite(server);
    const one = await enrollStation(server.api, siteId, 'station-one');
    const two = await enrollStation(server.api, siteId, 'station-two');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await server.api('GET', '/sync/v1/pull', { token: one.credential })).status);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const limited = await server.api('GET', '/sync/v1/pull', { token: one.credential });
    expect(bodyOf(ErrorResult, limited).error).toMatchObject({ code: 'rate_limited' });
    expect(bodyOf(ErrorResult, limited).error.message).toMatch(/retry in \d+ s/);
    expect((await server.api('GET', '/sync/v1/pull', { token: two.credential })).status).toBe(200);
  });
});

let limitsSites = 0;
/** A site for the limits suite, made with the admin key (whose own budget is 8 requests a minute: a fresh site per test). */
async function seedLimitsSite(server: TestServer) {
  const siteId = `limits-${++limitsSites}`;
  await expectOk(server.api('PUT', `/api/v1/sites/${siteId}`, { body: siteSettings(siteId) }));
  return { siteId };
}
