/** The device layer's public surface: the manager, its config and the pieces other modules build on. */
export { createDeviceManager, type DeviceManager, type DeviceManagerEvents, type DeviceManagerOptions } from './manager';
export {
  DeviceConfig,
  DeviceConfigError,
  DevicesConfig,
  parseDevicesConfig,
  type PrinterDeviceConfig,
  type ScaleDeviceConfig,
  type ScannerDeviceConfig,
} from './config';
export type { PrinterDriver, PrinterDriverFactory, PrinterStatus } from './printer-port';
export type { ByteTransport, TransportEvents, TransportState } from './transport';
export { TransportError } from './transport';
export { createSystemClock, type Clock } from './clock';
export type { DeviceLog } from './log';
export type { Scale } from './scale/scale';
export { ScaleError } from './scale/scale';
export type { SimWeight } from './scale/sim-scale';
export { convertWeight, convertReading, roundToDivision } from './scale/units';
