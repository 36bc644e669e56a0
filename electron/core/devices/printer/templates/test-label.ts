import { buildLabel } from '../zpl';

/** A small label that proves a printer prints: who asked, which device, when, and a barcode to scan back. */
export function buildTestLabel(input: { deviceId: string; stationName: string; at: Date }): string {
  const stamp = input.at.toISOString().slice(0, 19).replace('T', ' ');
  return buildLabel({ widthDots: 812, heightDots: 406, dpi: 203 }, [
    { kind: 'text', x: 40, y: 30, height: 50, text: 'Warebench test label' },
    { kind: 'text', x: 40, y: 100, height: 32, text: `${input.stationName} · ${input.deviceId}` },
    { kind: 'text', x: 40, y: 145, height: 28, text: stamp },
    { kind: 'code128', x: 40, y: 200, height: 120, moduleWidth: 3, data: `TEST-${input.deviceId}`.slice(0, 30), interpretation: true },
  ]);
}
