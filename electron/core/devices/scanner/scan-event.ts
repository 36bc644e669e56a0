import { ScanEvent, type ScanSource } from '../../../../shared/domain/devices';
import { splitAim } from '../../../../shared/scan/aim';

export type ScanResult = { ok: true; event: ScanEvent } | { ok: false; reason: string };

/**
 * Frames raw scan text into a ScanEvent: an AIM prefix ("]C1…") is split off into `aimId` and names the
 * symbology; the rest is `data`, untouched (GS stays GS). Content parsing (GS1) happens later.
 */
export function toScanEvent(raw: string, context: { source: ScanSource; at: string; deviceId?: string }): ScanResult {
  const split = splitAim(raw);
  const candidate = {
    data: split.body,
    symbology: split.symbology,
    ...(split.aimId ? { aimId: split.aimId } : {}),
    source: context.source,
    ...(context.deviceId ? { deviceId: context.deviceId } : {}),
    at: context.at,
  };
  const parsed = ScanEvent.safeParse(candidate);
  if (parsed.success) return { ok: true, event: parsed.data };
  if (split.body.length === 0) return { ok: false, reason: split.aimId ? `scan with AIM id ${split.aimId} but no data` : 'empty scan' };
  return {
    ok: false,
    reason: `scan rejected: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'scan'}: ${issue.message}`).join('; ')}`,
  };
}
