import type { setupCommands } from '../../../shared/contract/setup';

export const setupExamples: Record<keyof typeof setupCommands, { valid: unknown; invalid: unknown }> = {
  'setup.state': { valid: {}, invalid: { reset: true } },
  'setup.save': {
    valid: {
      stationName: 'Dock 3',
      stationRole: 'receiving',
      locale: 'de',
      server: { kind: 'embedded' },
      devices: { scanner: { kind: 'wedge' }, scale: { kind: 'none' }, printer: { kind: 'tcp', host: '10.0.0.50', port: 9100 } },
    },
    invalid: { stationName: '', stationRole: 'shipping', locale: 'fr', server: { kind: 'central', url: 'not a url' }, devices: {} },
  },
  'station.busy': { valid: {}, invalid: { why: 1 } },
  'diagnostics.info': { valid: {}, invalid: { verbose: true } },
  'diagnostics.bundle': { valid: {}, invalid: { includeDatabase: true } },
};
