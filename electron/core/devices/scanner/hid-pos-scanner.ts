/** Input report id of a HID POS scanner's scan report (usage page 0x8C). */
export const HID_SCANNER_REPORT_ID = 0x02;

/** Most data bytes one report carries (bytes 5..60). */
const MAX_CHUNK = 56;

export interface HidScanChunk {
  /** AIM identifier from bytes 2-4, when the scanner sent one. */
  aimId?: string;
  data: Uint8Array;
  /** Byte 63 bit 0: more reports of this scan follow. */
  more: boolean;
}

/**
 * Decodes one scan report as node-hid delivers it (report id first): `[0x02, length, ']', c, m,
 * data…(up to 56), further id, reserved, continued]`. Other report ids are not scans: `undefined`.
 */
export function decodeHidScannerReport(report: Uint8Array): HidScanChunk | undefined {
  if (report.length < 5 || report[0] !== HID_SCANNER_REPORT_ID) return undefined;
  const length = Math.min(report[1] ?? 0, MAX_CHUNK, Math.max(0, report.length - 5));
  const aim = report.subarray(2, 5);
  const hasAim =
    aim[0] === 0x5d && /^[A-Za-z]$/.test(String.fromCharCode(aim[1] ?? 0)) && /^[0-9A-Za-z]$/.test(String.fromCharCode(aim[2] ?? 0));
  return {
    ...(hasAim ? { aimId: String.fromCharCode(...aim) } : {}),
    data: report.slice(5, 5 + length),
    more: ((report[63] ?? 0) & 0x01) !== 0,
  };
}

/** Joins the chunks of one scan: returns the whole scan (AIM id + data bytes) once the last chunk arrived. */
export interface HidScanAssembler {
  push(report: Uint8Array): { aimId?: string; data: Uint8Array } | undefined;
  reset(): void;
}

export function createHidScanAssembler(options: { maxLength?: number } = {}): HidScanAssembler {
  const maxLength = options.maxLength ?? 4096;
  let parts: Uint8Array[] = [];
  let size = 0;
  let aimId: string | undefined;

  const reset = (): void => {
    parts = [];
    size = 0;
    aimId = undefined;
  };

  return {
    push(report) {
      const chunk = decodeHidScannerReport(report);
      if (!chunk) return undefined;
      if (parts.length === 0) aimId = chunk.aimId;
      if (size + chunk.data.length <= maxLength) {
        parts.push(chunk.data);
        size += chunk.data.length;
      }
      if (chunk.more) return undefined;
      const data = new Uint8Array(size);
      let offset = 0;
      for (const part of parts) {
        data.set(part, offset);
        offset += part.length;
      }
      const done = { ...(aimId ? { aimId } : {}), data };
      reset();
      return done;
    },
    reset,
  };
}
