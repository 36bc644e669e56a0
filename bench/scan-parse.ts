import { parseScan } from '../shared/scan';
import { type Benchmark, type BenchRow, percentile } from './types';

const GS = '\u001d';

/** What a bench sees in a day: GS1-128 carton labels, retail GTINs, pallet SSCCs, plain order/tote/location codes. */
const SCANS = {
  'gs1-128': [
    ']C1010950600013435217201225' + '10ABC123',
    `]C10109521234543213${'3103'}000123${GS}10LOT-77${GS}21SN000123`,
    '(01)09506000134352(17)201225(10)ABC123',
    '(00)106141411234567897(02)09506000134352(37)48(400)PO-2024/77',
  ],
  gtin: ['09506000134352', '9506000134352', ']E09506000134352', '96385074'],
  sscc: ['106141411234567897', '006141411234567890'],
  plain: ['SO-104233', 'TOTE-0042', 'A-01-03-B', 'BADGE:7781'],
  'digital link': ['https://id.gs1.org/01/09506000134352/10/ABC123?17=201225'],
} as const;

const MIX: readonly string[] = [...SCANS['gs1-128'], ...SCANS.gtin, ...SCANS.sscc, ...SCANS.plain];

function perSecond(inputs: readonly string[], iterations: number, work: (input: string) => unknown): number {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) {
    const out = work(inputs[i % inputs.length] ?? '');
    if (out) sink += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) throw new Error('unreachable');
  return iterations / seconds;
}

/** Per-scan latency from batches of 100 (one scan is below timer resolution). */
function latencySamplesMicros(inputs: readonly string[], batches: number): number[] {
  const samples: number[] = [];
  for (let b = 0; b < batches; b += 1) {
    const start = performance.now();
    for (let i = 0; i < 100; i += 1) parseScan(inputs[(b + i) % inputs.length] ?? '');
    samples.push(((performance.now() - start) * 1000) / 100);
  }
  return samples;
}

export const benchmark: Benchmark = {
  name: 'scan-parse',
  async run(): Promise<BenchRow[]> {
    const jsonOfSameSize = MIX.map((raw) => JSON.stringify({ data: raw }));
    perSecond(MIX, 20_000, (raw) => parseScan(raw)); // warm-up
    perSecond(jsonOfSameSize, 20_000, (text) => JSON.parse(text));

    const iterations = 200_000;
    const mixed = perSecond(MIX, iterations, (raw) => parseScan(raw));
    const baseline = perSecond(jsonOfSameSize, iterations, (text) => JSON.parse(text));
    const rows: BenchRow[] = [
      {
        figure: 'parseScan, mixed GS1-128/GTIN/SSCC/plain',
        value: Math.round(mixed),
        unit: 'scans/s',
        baseline: { name: 'JSON.parse of {"data": scan} for the same scans', value: Math.round(baseline) },
      },
    ];
    for (const [kind, inputs] of Object.entries(SCANS)) {
      rows.push({
        figure: `parseScan, ${kind} only`,
        value: Math.round(perSecond(inputs, 50_000, (raw) => parseScan(raw))),
        unit: 'scans/s',
      });
    }
    const latency = latencySamplesMicros(MIX, 2_000);
    rows.push({ figure: 'parseScan latency p50, mixed', value: Number(percentile(latency, 50).toFixed(2)), unit: 'µs/scan' });
    rows.push({ figure: 'parseScan latency p99, mixed', value: Number(percentile(latency, 99).toFixed(2)), unit: 'µs/scan' });
    return rows;
  },
};
