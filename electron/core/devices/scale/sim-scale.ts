import { z } from 'zod';
import { SimWeight, type WeightUnit } from '../../../../shared/domain/devices';
import { type Clock, msAt } from '../../kernel/clock';
import type { SimPeer } from '../io/sim';
import { decimalFromNumber, decimalToString, divideRounded, pow10 } from './decimal';

export type { SimWeight };

export interface SimScale {
  /** Puts a load on the platter (gross); the display shows it less zero offset and tare. */
  setWeight(weight: SimWeight): void;
  /** What the scale would show now: value, unit and whether it is still moving. */
  display(): { value: number; unit: WeightUnit; moving: boolean; status: 'ok' | 'overload' | 'underload' };
}

const DEFAULT_MOTION_MS = 600;
const DEFAULT_DIVISION: Record<WeightUnit, number> = { g: 1, kg: 0.005, lb: 0.01, oz: 0.1 };

/**
 * A simulated scale for training and demos. It is the scale's firmware, not a shortcut: it answers
 * MT-SICS commands (SI, S, Z, T, TA, TAC, @) on its side of a simulated transport, so readings go
 * through the same framer, settle rule and manager as a real scale's.
 */
export function createSimScale(peer: SimPeer, clock: Clock, options: { unit?: WeightUnit; division?: number } = {}): SimScale {
  let unit: WeightUnit = options.unit ?? 'kg';
  const divisionOf = (of: WeightUnit) => decimalFromNumber(options.division ?? DEFAULT_DIVISION[of]);
  let gross = 0;
  let zeroOffset = 0;
  let tare = 0;
  let status: 'ok' | 'overload' | 'underload' = 'ok';
  let movingUntil = 0;
  let wobble = 0;
  let line = '';

  /** Formats a value at the scale's division, as the display shows it. */
  const format = (value: number): string => {
    const division = divisionOf(unit);
    const v = decimalFromNumber(value);
    let numerator = v.mantissa;
    let denominator = division.mantissa;
    const shift = division.scale - v.scale;
    if (shift >= 0) numerator *= pow10(shift);
    else denominator *= pow10(-shift);
    return decimalToString({ mantissa: divideRounded(numerator, denominator) * division.mantissa, scale: division.scale });
  };

  const moving = (): boolean => msAt(clock) < movingUntil;
  const net = (): number => gross - zeroOffset - tare;
  const shown = (): number => {
    if (!moving()) return net();
    wobble = (wobble + 1) % 4;
    const step = Number(decimalToString(divisionOf(unit)));
    return net() + (wobble - 1.5) * 2 * step;
  };

  const weightLine = (prefix: string): string => {
    if (status === 'overload') return 'S +';
    if (status === 'underload') return 'S -';
    const value = shown();
    return `${prefix} ${moving() ? 'D' : 'S'} ${format(value).padStart(10)} ${unit}`;
  };

  const reply = (text: string): void => peer.send(`${text}\r\n`);

  const answer = (command: string): void => {
    switch (command) {
      case 'SI':
        reply(weightLine('S'));
        return;
      case 'S':
        if (status !== 'ok' || !moving()) reply(weightLine('S'));
        else clock.schedule(movingUntil - msAt(clock), () => reply(weightLine('S')));
        return;
      case 'Z':
      case 'ZI':
        if (moving() && command === 'Z') {
          reply('Z I');
          return;
        }
        zeroOffset = gross;
        tare = 0;
        reply(command === 'Z' ? 'Z A' : 'ZI S');
        return;
      case 'T':
      case 'TI':
        if (moving() && command === 'T') {
          reply('T I');
          return;
        }
        tare = gross - zeroOffset;
        reply(`${command} S ${format(tare).padStart(10)} ${unit}`);
        return;
      case 'TA':
        reply(`TA A ${format(tare).padStart(10)} ${unit}`);
        return;
      case 'TAC':
        tare = 0;
        reply('TAC A');
        return;
      case '@':
        reply('I4 A "SIM0001"');
        return;
      default:
        reply('ES');
    }
  };

  peer.onReceive((bytes) => {
    for (const byte of bytes) {
      if (byte === 0x0a) {
        const command = line.trim();
        line = '';
        if (command) answer(command);
      } else if (byte !== 0x0d && line.length < 64) line += String.fromCharCode(byte);
    }
  });

  return {
    setWeight(input) {
      const parsed = SimWeight.safeParse(input);
      if (!parsed.success) throw new RangeError(`invalid simulated weight: ${z.prettifyError(parsed.error)}`);
      const weight = parsed.data;
      if (weight.unit) unit = weight.unit;
      gross = weight.value;
      status = weight.status ?? 'ok';
      const motionMs = weight.motion === true ? DEFAULT_MOTION_MS : typeof weight.motion === 'number' ? weight.motion : 0;
      movingUntil = motionMs > 0 ? msAt(clock) + motionMs : 0;
    },
    display() {
      return { value: Number(format(net())), unit, moving: moving(), status };
    },
  };
}
