import { describe, expect, it } from 'vitest';
import { DeviceConfigError, parseDevicesConfig, scaleProtocolOf } from '../../../electron/core/devices/config';

const valid = [
  { id: 'pack-scanner', kind: 'scanner', role: 'pack-scanner', transport: { type: 'serial', path: '/dev/ttyACM0' } },
  {
    id: 'hid-scanner',
    kind: 'scanner',
    role: 'receiving-scanner',
    transport: { type: 'hid', vendorId: '0x0c2e', productId: 2304, usagePage: '0x8c' },
  },
  {
    id: 'pack-scale',
    kind: 'scale',
    role: 'pack-scale',
    transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
    protocol: 'nci',
  },
  { id: 'dymo', kind: 'scale', role: 'receiving-scale', transport: { type: 'hid', vendorId: '0922', productId: '8009' } },
  { id: 'label', kind: 'printer', role: 'label-printer', transport: { type: 'tcp', host: '10.0.0.5' } },
  { id: 'docs', kind: 'printer', role: 'document-printer', transport: { type: 'cups', queue: 'Office' } },
];

describe('device config', () => {
  it('accepts every kind of device and fills in defaults', () => {
    const devices = parseDevicesConfig({ devices: valid });
    expect(devices).toHaveLength(6);
    expect(devices[1]).toMatchObject({ enabled: true, transport: { vendorId: 0x0c2e, productId: 2304, usagePage: 0x8c } });
    expect(devices[3]).toMatchObject({ transport: { vendorId: 0x0922, productId: 0x8009 } });
    expect(devices[4]).toMatchObject({ transport: { port: 9100 } });
    const dymo = devices[3];
    expect(dymo?.kind === 'scale' && scaleProtocolOf(dymo)).toBe('hid-pos');
  });

  it('names the device and the field in each error', () => {
    const bad = [{ ...valid[2], transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 'fast' } }];
    const error = (() => {
      try {
        parseDevicesConfig(bad);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DeviceConfigError);
    expect((error as DeviceConfigError).issues[0]).toMatch(/^device "pack-scale" \(devices\[0\]\) transport\.baudRate: /);
  });

  it('requires a protocol for a serial scale and refuses mismatched protocols', () => {
    expect(() =>
      parseDevicesConfig([{ id: 's', kind: 'scale', role: 'pack-scale', transport: { type: 'serial', path: '/dev/ttyUSB0' } }]),
    ).toThrow(/needs protocol "mt-sics", "nci" or "toledo"/);
    expect(() =>
      parseDevicesConfig([{ id: 's', kind: 'scanner', role: 'pack-scanner', protocol: 'hid-pos', transport: { type: 'sim' } }]),
    ).toThrow(/hid-pos needs a hid transport/);
  });

  it('refuses duplicate ids, unknown roles, unknown fields and a role of another kind', () => {
    expect(() => parseDevicesConfig([valid[0], valid[0]])).toThrow(/used twice/);
    expect(() => parseDevicesConfig([{ ...valid[0], role: 'pack-scale' }])).toThrow(DeviceConfigError);
    expect(() => parseDevicesConfig([{ ...valid[0], colour: 'red' }])).toThrow(/colour/);
    expect(() => parseDevicesConfig([{ ...valid[0], id: 'Bad Id' }])).toThrow(/lower-case/);
    expect(() => parseDevicesConfig('nonsense')).toThrow(DeviceConfigError);
  });
});
