import type { Clock } from '../../kernel/clock';
import { type ScaleDeviceConfig, type ScannerDeviceConfig, type SerialTransportConfig, scaleProtocolOf } from '../config';
import { DEFAULT_SERIAL_SETTINGS } from '../scale/protocols';
import { createHidTransport } from './hid';
import { createSerialTransport, type SerialTransportOptions } from './serial';
import { createSimTransport, type SimPeer } from './sim';
import type { ByteTransport } from './transport';

/** Serial settings of a device: what the config says, else what its protocol usually uses. */
export function serialOptionsOf(transport: SerialTransportConfig, protocol: string | undefined): Omit<SerialTransportOptions, 'clock'> {
  const defaults =
    protocol === 'nci' || protocol === 'toledo' || protocol === 'mt-sics'
      ? DEFAULT_SERIAL_SETTINGS[protocol]
      : DEFAULT_SERIAL_SETTINGS['mt-sics'];
  return {
    path: transport.path,
    baudRate: transport.baudRate ?? defaults.baudRate,
    parity: transport.parity ?? defaults.parity,
    dataBits: transport.dataBits ?? defaults.dataBits,
    stopBits: transport.stopBits ?? defaults.stopBits,
  };
}

/** Creates (does not open) the byte transport of a scanner or scale; a simulator also gets its peer. */
export function createDeviceTransport(
  device: ScannerDeviceConfig | ScaleDeviceConfig,
  clock: Clock,
): { transport: ByteTransport; peer?: SimPeer } {
  const config = device.transport;
  switch (config.type) {
    case 'serial': {
      const protocol = device.kind === 'scale' ? scaleProtocolOf(device) : undefined;
      return { transport: createSerialTransport({ ...serialOptionsOf(config, protocol), clock }) };
    }
    case 'hid':
      return {
        transport: createHidTransport({
          vendorId: config.vendorId,
          productId: config.productId,
          ...(config.usagePage === undefined ? {} : { usagePage: config.usagePage }),
          ...(config.serialNumber === undefined ? {} : { serialNumber: config.serialNumber }),
          ...(config.path === undefined ? {} : { path: config.path }),
        }),
      };
    case 'sim': {
      const sim = createSimTransport({ label: `simulated ${device.kind}` });
      return { transport: sim.transport, peer: sim.peer };
    }
  }
}
