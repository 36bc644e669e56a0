import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PrintError } from '../../../../electron/core/devices/printer/delivery/transport';
import { createZplPreviewer } from '../../../../electron/core/devices/printer/preview';
import { createSimPrinter, type SimPrintJob } from '../../../../electron/core/devices/printer/sim-printer';
import { labelTemplates } from '../../../../electron/core/devices/printer/templates';
import { zplBytes } from '../../../../electron/core/devices/printer/zpl';
import { decodePng } from '../../../support/devices/zbar';

const lpnZpl = labelTemplates.lpn.build(
  JSON.parse(readFileSync(new URL('../../../../resources/labels/examples/lpn.json', import.meta.url), 'utf8')),
);

describe('simulated printer (training mode)', () => {
  it('keeps each job with a preview per label that scans back to the label data', async () => {
    const sim = createSimPrinter({ name: 'bench-1', previewer: createZplPreviewer(), now: () => new Date('2026-05-01T08:00:00Z') });
    const seen: SimPrintJob[] = [];
    sim.onJob((job) => seen.push(job));
    const twoLabels = `${lpnZpl}${lpnZpl.replace('LPN0001234', 'LPN0009999')}`;
    expect(await sim.send(zplBytes(twoLabels))).toEqual({ bytes: zplBytes(twoLabels).byteLength, target: 'sim:bench-1' });

    const [job] = sim.jobs();
    expect(job).toMatchObject({ seq: 1, at: '2026-05-01T08:00:00.000Z', text: twoLabels });
    expect(job?.previews).toHaveLength(2);
    expect(seen).toHaveLength(1);
    if (existsSync('/usr/bin/zbarimg')) {
      const decoded = await Promise.all((job?.previews ?? []).map(decodePng));
      expect(decoded.map((symbols) => symbols.map((s) => s.data))).toEqual([['LPN0001234'], ['LPN0009999']]);
    }
  });

  it('refuses jobs while a fault is set, like a real printer checked with ~HS', async () => {
    const sim = createSimPrinter({ name: 'bench-2' });
    sim.setFlags({ paperOut: true, headOpen: true });
    expect(await sim.status()).toMatchObject({ ready: false, problems: ['print head open', 'paper out'], source: 'sim' });
    const error = await sim.send(zplBytes(lpnZpl)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PrintError);
    expect(error).toMatchObject({ code: 'not-ready', mayHavePrinted: false });
    expect(sim.jobs()).toHaveLength(0);

    sim.setFlags({ paperOut: false, headOpen: false });
    await sim.send(zplBytes(lpnZpl));
    expect(sim.jobs().map((j) => j.previews.length)).toEqual([0]);
    sim.clear();
    expect(sim.jobs()).toEqual([]);
  });
});
