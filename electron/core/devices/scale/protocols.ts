import type { WeightUnit } from '../../../../shared/domain/devices';
import { createHidScaleFramer } from './hid-pos';
import type { ScaleFramer } from './message';
import { createMtSicsFramer, encodeMtSicsCommand } from './mt-sics';
import { createNciFramer, encodeNciCommand } from './nci';
import { createToledoFramer } from './toledo-continuous';

export const SCALE_PROTOCOLS = ['mt-sics', 'nci', 'toledo', 'hid-pos'] as const;
export type ScaleProtocolName = (typeof SCALE_PROTOCOLS)[number];

/** How the station talks to one kind of scale: its framer and, for polled scales, its commands. */
export interface ScaleProtocol {
  name: ScaleProtocolName;
  createFramer(): ScaleFramer;
  /** Asks for a reading; absent for scales that stream on their own. */
  poll?: Uint8Array;
  /** The scale sends frames all the time, so silence means it is gone (HID scales may report only on change). */
  continuous?: boolean;
  zero?: Uint8Array;
  tare?: Uint8Array;
}

export interface ScaleProtocolOptions {
  /** Unit assumed for replies that carry none ("S +") until the scale has sent one. */
  defaultUnit?: WeightUnit;
  /** Toledo continuous: a checksum character follows CR (default true). */
  checksum?: boolean;
}

export function scaleProtocol(name: ScaleProtocolName, options: ScaleProtocolOptions = {}): ScaleProtocol {
  const unit = options.defaultUnit ? { defaultUnit: options.defaultUnit } : {};
  switch (name) {
    case 'mt-sics':
      return {
        name,
        createFramer: () => createMtSicsFramer(unit),
        poll: encodeMtSicsCommand('SI'),
        zero: encodeMtSicsCommand('Z'),
        tare: encodeMtSicsCommand('T'),
      };
    case 'nci':
      return {
        name,
        createFramer: () => createNciFramer(unit),
        poll: encodeNciCommand('W'),
        zero: encodeNciCommand('Z'),
        tare: encodeNciCommand('T'),
      };
    case 'toledo':
      return {
        name,
        continuous: true,
        createFramer: () => createToledoFramer(options.checksum === undefined ? {} : { checksum: options.checksum }),
      };
    case 'hid-pos':
      return { name, createFramer: () => createHidScaleFramer() };
  }
}

/** Serial settings each protocol usually ships with. */
export const DEFAULT_SERIAL_SETTINGS: Readonly<
  Record<Exclude<ScaleProtocolName, 'hid-pos'>, { baudRate: number; parity: 'none' | 'even' | 'odd'; dataBits: 7 | 8; stopBits: 1 | 2 }>
> = {
  'mt-sics': { baudRate: 9600, parity: 'none', dataBits: 8, stopBits: 1 },
  nci: { baudRate: 9600, parity: 'even', dataBits: 7, stopBits: 1 },
  toledo: { baudRate: 9600, parity: 'even', dataBits: 7, stopBits: 1 },
};
