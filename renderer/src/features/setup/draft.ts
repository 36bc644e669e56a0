import { SetupForm, type SetupFormInput, type StationLocale } from '../../../../shared/contract/setup';
import type { StationRole } from '../../../../shared/contract/station';

/** The wizard's answers as the form fields hold them (text in inputs, choices in radios). */
export interface SetupDraft {
  stationName: string;
  stationRole: StationRole;
  locale: StationLocale;
  serverKind: 'embedded' | 'central';
  url: string;
  enrollmentCode: string;
  scannerKind: 'wedge' | 'serial';
  scannerPath: string;
  scaleKind: 'none' | 'serial';
  scalePath: string;
  scaleProtocol: 'mt-sics' | 'nci' | 'toledo';
  printerKind: 'none' | 'tcp' | 'cups';
  printerHost: string;
  printerPort: string;
  printerQueue: string;
  training: boolean;
  kiosk: boolean;
  pinnedVersion: string;
}

export type DraftField = keyof SetupDraft;

export function draftFrom(form: SetupForm): SetupDraft {
  const { server, devices } = form;
  return {
    stationName: form.stationName,
    stationRole: form.stationRole,
    locale: form.locale,
    serverKind: server.kind,
    url: server.kind === 'central' ? server.url : '',
    enrollmentCode: '',
    scannerKind: devices.scanner.kind,
    scannerPath: devices.scanner.kind === 'serial' ? devices.scanner.path : '',
    scaleKind: devices.scale.kind,
    scalePath: devices.scale.kind === 'serial' ? devices.scale.path : '',
    scaleProtocol: devices.scale.kind === 'serial' ? devices.scale.protocol : 'mt-sics',
    printerKind: devices.printer.kind,
    printerHost: devices.printer.kind === 'tcp' ? devices.printer.host : '',
    printerPort: devices.printer.kind === 'tcp' ? String(devices.printer.port) : '9100',
    printerQueue: devices.printer.kind === 'cups' ? devices.printer.queue : '',
    training: form.training,
    kiosk: form.kiosk,
    pinnedVersion: form.pinnedVersion ?? '',
  };
}

/** What `setup.save` receives. */
export function formFrom(d: SetupDraft): SetupFormInput {
  const code = d.enrollmentCode.trim();
  return {
    stationName: d.stationName,
    stationRole: d.stationRole,
    locale: d.locale,
    server: d.serverKind === 'embedded' ? { kind: 'embedded' } : { kind: 'central', url: d.url, ...(code ? { enrollmentCode: code } : {}) },
    devices: {
      scanner: d.scannerKind === 'serial' ? { kind: 'serial', path: d.scannerPath } : { kind: 'wedge' },
      scale: d.scaleKind === 'serial' ? { kind: 'serial', path: d.scalePath, protocol: d.scaleProtocol } : { kind: 'none' },
      printer:
        d.printerKind === 'tcp'
          ? { kind: 'tcp', host: d.printerHost, port: d.printerPort.trim() === '' ? 9100 : Number(d.printerPort) }
          : d.printerKind === 'cups'
            ? { kind: 'cups', queue: d.printerQueue }
            : { kind: 'none' },
    },
    training: d.training,
    kiosk: d.kiosk,
    pinnedVersion: d.pinnedVersion.trim() === '' ? null : d.pinnedVersion.trim(),
  };
}

/** Form field of a contract path, so an error lands next to the input that caused it. */
const fieldOfPath: Record<string, DraftField> = {
  stationName: 'stationName',
  stationRole: 'stationRole',
  locale: 'locale',
  'server.url': 'url',
  'server.enrollmentCode': 'enrollmentCode',
  'devices.scanner.path': 'scannerPath',
  'devices.scale.path': 'scalePath',
  'devices.scale.protocol': 'scaleProtocol',
  'devices.printer.host': 'printerHost',
  'devices.printer.port': 'printerPort',
  'devices.printer.queue': 'printerQueue',
  pinnedVersion: 'pinnedVersion',
};

export type FieldErrors = Partial<Record<DraftField, string>>;

export function errorsFromIssues(issues: { path: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfPath[issue.path];
    if (field && !out[field]) out[field] = issue.message;
  }
  return out;
}

/** Checks the draft with the contract's own schema: the same rules the core applies. */
export function validateDraft(d: SetupDraft): FieldErrors {
  const parsed = SetupForm.safeParse(formFrom(d));
  if (parsed.success) return {};
  return errorsFromIssues(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}
