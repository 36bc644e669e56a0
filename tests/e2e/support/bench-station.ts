import type { Page } from '@playwright/test';
import { openPeer, type Peer } from '../../support/devices/peer';
import { createPtyPair, type PtyPair } from '../../support/devices/pty';
import { hsReply, type RawListener, startRawListener } from '../../support/devices/raw-listener';
import { type StationProcess, startStationProcess } from './station-process';

/**
 * A bench as site IT wires it: an MT-SICS scale on a real serial port (a socat pty the test plays the scale on)
 * and a ZPL label printer on a real TCP port, mapped in station.json, behind the browser shell.
 */
export interface BenchStation {
  station: StationProcess;
  printer: RawListener;
  /** Puts a load on the scale: it swings for a moment, then settles. */
  putOnScale(kg: number): Promise<void>;
  /** What the scale answers from now on. */
  setScale(kg: number, motion: boolean): void;
  stop(): Promise<void>;
}

export async function startBenchStation(options: {
  stationName: string;
  stationRole: 'receiving' | 'packing';
  scaleRole: 'receiving-scale' | 'pack-scale';
  /** The pack bench's hands-free loop (the demo site has it on); off unless a spec asks for it. */
  handsFree?: boolean;
}): Promise<BenchStation> {
  const pty: PtyPair = await createPtyPair(options.scaleRole);
  const scale: Peer = await openPeer(pty.peer);
  let weight = { kg: 0, motion: false };
  scale.answer((command) =>
    command === 'SI' || command === 'S' ? `S ${weight.motion ? 'D' : 'S'} ${weight.kg.toFixed(3).padStart(10)} kg\r\n` : undefined,
  );
  const printer = await startRawListener();
  printer.hsReply = hsReply();
  const station = await startStationProcess({
    config: {
      stationName: options.stationName,
      stationRole: options.stationRole,
      training: false,
      handsFreePacking: options.handsFree ?? false,
      devices: [
        {
          id: options.scaleRole,
          kind: 'scale',
          role: options.scaleRole,
          protocol: 'mt-sics',
          transport: { type: 'serial', path: pty.device },
          pollIntervalMs: 100,
          settle: { windowMs: 300 },
        },
        {
          id: 'label-printer',
          kind: 'printer',
          role: 'label-printer',
          protocol: 'zpl',
          transport: { type: 'tcp', host: '127.0.0.1', port: printer.port },
        },
      ],
    },
  });
  return {
    station,
    printer,
    setScale(kg, motion) {
      weight = { kg, motion };
    },
    async putOnScale(kg) {
      weight = { kg, motion: true };
      await new Promise((resolve) => setTimeout(resolve, 300));
      weight = { kg, motion: false };
    },
    async stop() {
      await station.stop();
      await scale.close().catch(() => undefined);
      await pty.dispose();
      await printer.close();
    },
  };
}

/** Types a scan as a keyboard-wedge scanner does; "\x1d" (FNC1/GS) goes as Ctrl+]. */
export async function wedgeScan(page: Page, data: string): Promise<void> {
  await page.getByTestId('scan-input').focus();
  const parts = data.split('\u001d');
  for (const [i, part] of parts.entries()) {
    if (i > 0) await page.keyboard.press('Control+BracketRight');
    await page.keyboard.type(part, { delay: 5 });
  }
  await page.keyboard.press('Enter');
}

/** A GS1 date (YYMMDD), `days` from today. */
export function gs1Date(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getFullYear()).slice(2)}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}
