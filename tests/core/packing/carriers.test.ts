import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarrierRefusal, type ShipmentLabelInput } from '../../../electron/core/packing/carriers/carrier';
import { createHouseCarrier, houseTrackingNumber, isHouseTrackingNumber, stationCode } from '../../../electron/core/packing/carriers/house';
import { createCarrierRegistry } from '../../../electron/core/packing/carriers/registry';
import { CarrierUnavailable, createServerCarrier } from '../../../electron/core/packing/carriers/server';
import { buildDemoDataset } from '../../../shared/demo/dataset';
import { makeSscc } from '../../../shared/scan';
import { expectOk, order, seedSite } from '../../server/support/fixtures';
import { startTestServer, type TestServer } from '../../server/support/harness';
import { closedPort } from '../../support/devices/raw-listener';

const demo = buildDemoDataset(new Date('2026-11-25T09:00:00Z'));
const input = (over: Partial<ShipmentLabelInput> = {}): ShipmentLabelInput => ({
  orderId: 'SO1',
  orderNumber: 'SO-SO1',
  cartonId: 'C-1',
  cartonNumber: 1,
  cartonCount: 1,
  sscc: makeSscc(0, '0614141', 1),
  carrier: 'UPS',
  service: 'GROUND',
  weightG: 1200,
  shipTo: { ...order('SO1', [{ itemId: 'A', qty: 1 }]).shipTo },
  shipFrom: demo.site.shipFrom,
  ...over,
});

let counter = 0;
const house = createHouseCarrier({ stationCode: '0042', nextSerial: () => ++counter });

describe('house carrier', () => {
  it('issues house tracking numbers with a check digit and its own label', async () => {
    const label = await house.createShipmentLabel(input());
    expect(label.tracking).toMatch(/^WBH0042\d{9}\d$/);
    expect(isHouseTrackingNumber(label.tracking)).toBe(true);
    expect(label.zpl).toContain(label.tracking);
    expect(label.zpl).toContain('^XA');
    const next = await house.createShipmentLabel(input());
    expect(next.tracking).not.toBe(label.tracking);
  });
  it('catches a mistyped house tracking number', () => {
    const good = houseTrackingNumber('1234', 77);
    const bad = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    expect(isHouseTrackingNumber(good)).toBe(true);
    expect(isHouseTrackingNumber(bad)).toBe(false);
  });
  it('gives each station id its own 4-digit code', () => {
    expect(stationCode('ST-a')).toMatch(/^\d{4}$/);
    expect(stationCode('ST-a')).toBe(stationCode('ST-a'));
  });
});

describe('server carrier against the central server', () => {
  let server: TestServer;
  let credential: string;
  beforeAll(async () => {
    server = await startTestServer({ backend: 'pglite' });
    credential = (
      await seedSite(server.api, 'bench', { orders: [order('SO1', [{ itemId: 'A', qty: 1 }]), order('SO2', [{ itemId: 'A', qty: 1 }])] })
    ).credential;
  }, 60_000);
  afterAll(async () => server.close());

  it('gets the carrier tracking number and label', async () => {
    const carrier = createServerCarrier({ baseUrl: server.url, credential });
    const label = await carrier.createShipmentLabel(input());
    expect(label.tracking).toMatch(/^WBUPS\d{13}$/);
    expect(label.zpl).toContain(label.tracking);
  });

  it('passes a cancellation on as a refusal, not a fallback', async () => {
    await expectOk(server.api('POST', '/api/v1/sites/bench/orders/SO2/cancel', {}));
    const registry = createCarrierRegistry({ house, remote: createServerCarrier({ baseUrl: server.url, credential }) });
    const error = await registry.issue(input({ orderId: 'SO2' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CarrierRefusal);
    expect((error as CarrierRefusal).code).toBe('order_cancelled');
  });

  it('uses the server adapter for carrier orders and the house adapter for HOUSE orders', async () => {
    const registry = createCarrierRegistry({ house, remote: createServerCarrier({ baseUrl: server.url, credential }) });
    expect(await registry.issue(input())).toMatchObject({ adapter: 'server', fallback: false });
    expect(await registry.issue(input({ carrier: 'HOUSE' }))).toMatchObject({ adapter: 'house', fallback: false });
  });
});

describe('fallback when the server cannot be reached', () => {
  it('prints a house label when the port is closed', async () => {
    const port = await closedPort();
    const remote = createServerCarrier({ baseUrl: `http://127.0.0.1:${port}`, credential: 'x'.repeat(40), timeoutMs: 2000 });
    await expect(remote.createShipmentLabel(input())).rejects.toBeInstanceOf(CarrierUnavailable);
    const reasons: string[] = [];
    const registry = createCarrierRegistry({ house, remote, onFallback: (r) => reasons.push(r) });
    const label = await registry.issue(input());
    expect(label).toMatchObject({ adapter: 'house', fallback: true });
    expect(isHouseTrackingNumber(label.tracking)).toBe(true);
    expect(label.zpl).toContain(label.tracking);
    expect(reasons[0]).toContain('could not be reached');
  });

  it('falls back after the timeout when the server does not answer', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      const remote = createServerCarrier({ baseUrl: `http://127.0.0.1:${address.port}`, credential: 'x'.repeat(40), timeoutMs: 300 });
      const label = await createCarrierRegistry({ house, remote }).issue(input());
      expect(label).toMatchObject({ adapter: 'house', fallback: true });
    } finally {
      silent.close();
    }
  });
});
