/**
 * What the rest of the station uses of the device layer: the port the core talks to, its implementation over the
 * device manager, the device config, scan framing, weight units, and the label and document builders.
 * Device internals (transports, framers, protocols, the print queue) stay behind it.
 */

export { DeviceConfig, DeviceConfigError, type DeviceConfigInput, DevicesConfig, parseDevicesConfig } from './config';
export { devicesHandlers } from './handlers';
export { type DeviceEvent, type DeviceRole, noDevices, type PrintRequest, type StationDevices } from './port';
export { buildPackingSlip } from './printer/documents/packing-slip';
export { type Column, code128Png, drawTable, MARGIN, renderPdf } from './printer/documents/pdf';
export { buildReceiptReport } from './printer/documents/receipt-report';
export * as lpnLabel from './printer/templates/lpn';
export { build as buildShippingLabel } from './printer/templates/shipping';
export * as ssccLabel from './printer/templates/sscc';
export { toGrams } from './scale/units';
export { toScanEvent } from './scanner/scan-event';
export { createStationDevices, trainingDevices } from './station-adapter';
