import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli';
import { DevicesConfig } from '../../electron/core/devices/config';
import { StationConfig } from '../../electron/core/kernel/config';

const root = join(import.meta.dirname, '..', '..');

/** The example station.json the README documents (the json block under its `station.json` heading). */
function readmeExample(): unknown {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### `station.json`'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block?.[1]) throw new Error('README.md has no json example under "### `station.json`"');
  return JSON.parse(block[1]);
}

describe('warebench config schema', () => {
  let schema: Record<string, unknown>;
  let validate: (document: unknown) => boolean;
  let validationErrors: () => unknown;

  beforeAll(async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['config', 'schema'], { out: (text) => out.push(text), err: (text) => err.push(text) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    schema = JSON.parse(out.join('\n'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const compiled = ajv.compile(schema);
    validate = (document) => compiled(document);
    validationErrors = () => compiled.errors;
  });

  it('prints a JSON Schema (2020-12) of the station config, closed to unknown settings', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object).sort()).toEqual(Object.keys(StationConfig.shape).sort());
  });

  it('the README example is valid by the schema and by the zod schemas the station loads it with', () => {
    const example = readmeExample();
    const valid = validate(example);
    expect(validationErrors()).toBeNull();
    expect(valid).toBe(true);
    const config = StationConfig.parse(example);
    expect(config.stationRole).toBe('receiving');
    expect(DevicesConfig.parse(config.devices).map((device) => device.kind)).toEqual(['scanner', 'scale', 'printer']);
  });

  it('agrees with the zod schema on what a station.json may hold', () => {
    const documents: unknown[] = [
      {},
      { stationName: 'Bench 2', server: 'embedded', locale: 'es' },
      { server: null, training: true },
      { stationNmae: 'typo' },
      { stationRole: 'shipping' },
      { server: { url: 'not a url' } },
      { updateUrl: 'https://it.example.com/warebench/', pinnedVersion: '1.4.0' },
      { kiosk: 'yes' },
      { wedgeSeparator: '||' },
      { devices: [{ id: 'Pack Scale', kind: 'scale', role: 'pack-scale', transport: { type: 'sim' } }] },
      { devices: [{ id: 'pack-scale', kind: 'scale', role: 'pack-scale', transport: { type: 'sim' } }] },
      {
        devices: [
          { id: 'hid-scanner', kind: 'scanner', role: 'pack-scanner', transport: { type: 'hid', vendorId: '0x0c2e', productId: 2338 } },
        ],
      },
    ];
    for (const document of documents) {
      const parsed = StationConfig.safeParse(document);
      const zodAccepts = parsed.success && DevicesConfig.safeParse(parsed.data.devices).success;
      expect({ document, valid: validate(document) }).toEqual({ document, valid: zodAccepts });
    }
  });
});
