import type { WeightStatus, WeightUnit } from '../../../../shared/domain/devices';
import { type Decimal, stepOf } from './decimal';
import { readingMessage, type ScaleFramer, type ScaleMessage } from './message';

/** Input report id of a HID POS scale's weight report (usage page 0x8D). */
export const HID_SCALE_REPORT_ID = 0x03;

const STATUS: Record<number, { status: WeightStatus; note?: string }> = {
  1: { status: 'fault', note: 'scale fault' },
  2: { status: 'ok', note: 'stable at zero' },
  3: { status: 'motion' },
  4: { status: 'ok' },
  5: { status: 'underload', note: 'under zero' },
  6: { status: 'overload', note: 'over weight' },
  7: { status: 'fault', note: 'scale needs calibration' },
  8: { status: 'fault', note: 'scale needs re-zeroing' },
};

/** HID POS weight units; milligrams are reported as grams with three more decimals. */
const UNITS: Record<number, { unit: WeightUnit; shift: number }> = {
  1: { unit: 'g', shift: 3 },
  2: { unit: 'g', shift: 0 },
  3: { unit: 'kg', shift: 0 },
  11: { unit: 'oz', shift: 0 },
  12: { unit: 'lb', shift: 0 },
};

/**
 * Decodes one weight report `[0x03, status, unit, exponent(int8), weightLSB, weightMSB]`.
 * Reports with another id (the scale's other reports) are not weight: `undefined`.
 */
export function decodeHidScaleReport(report: Uint8Array): ScaleMessage | undefined {
  if (report.length === 0 || report[0] !== HID_SCALE_REPORT_ID) return undefined;
  if (report.length < 6) return { type: 'invalid', reason: `HID scale report too short (${report.length} bytes)` };
  const statusCode = report[1] ?? 0;
  const unitCode = report[2] ?? 0;
  const exponentByte = report[3] ?? 0;
  const raw = (report[4] ?? 0) + (report[5] ?? 0) * 256;
  const status = STATUS[statusCode];
  if (!status) return { type: 'invalid', reason: `HID scale status ${statusCode} is not defined` };
  const unit = UNITS[unitCode];
  if (!unit) return { type: 'invalid', reason: `HID scale unit ${unitCode} is not supported` };
  const exponent = exponentByte > 127 ? exponentByte - 256 : exponentByte;
  const magnitude = BigInt(raw);
  const weight: Decimal = { mantissa: status.status === 'underload' ? -magnitude : magnitude, scale: unit.shift - exponent };
  return readingMessage({ weight, unit: unit.unit, status: status.status, division: stepOf(weight.scale) });
}

/** HID reports arrive whole, one per `data` event, so this "framer" decodes each chunk as a report. */
export function createHidScaleFramer(): ScaleFramer {
  return {
    push(report) {
      const message = decodeHidScaleReport(report);
      return message ? [message] : [];
    },
    reset() {},
  };
}
