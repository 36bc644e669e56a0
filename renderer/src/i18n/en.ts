/** English UI text; the other languages follow these keys. */
export const en = {
  app: { name: 'Warebench', training: 'Training mode', coreOffline: 'Station core not reachable — retrying' },
  signin: {
    title: 'Sign in',
    prompt: 'Scan your badge or type your code',
    badge: 'Badge code',
    submit: 'Sign in',
    unknown: 'Badge not recognised',
  },
  home: { greeting: 'Hello, {{name}}', receive: 'Receive', pack: 'Pack', devices: 'Devices', sync: 'Sync', signOut: 'Sign out', diagnostics: 'Diagnostics', workflows: 'Workflows' },
  scan: { label: 'Scan', placeholder: 'Scan here (or type and press Enter)', last: 'Last scan', result: 'Scan result', accepted: 'Accepted', rejected: 'Rejected', info: 'Note' },
  status: { devices: 'Devices', sync: 'Sync', online: 'online', offline: 'offline', standalone: 'not enrolled', queue: '{{count}} waiting', rejected: '{{count}} refused' },
  devices: {
    title: 'Devices', none: 'No devices configured.', test: 'Test', role: 'Role', state: 'State', transport: 'Connection',
    simScale: 'Simulated scale', setWeight: 'Put weight', motion: 'Moving', device: 'Device', actions: 'Actions', weightKg: 'Weight in kg', weightSlider: 'Weight slider',
    printJobs: {
      title: 'Print jobs', none: 'Nothing printed yet.', preview: 'Show label', reprint: 'Print again', markDone: 'It printed', reason: 'Why (at least 3 characters)',
      previewAlt: 'Label {{n}} of {{description}}',
      state: { queued: 'waiting for the printer', sent: 'sending', done: 'printed', failed: 'failed', uncertain: 'may have printed' },
      help: { uncertain: 'The connection dropped while sending: look at the printer. Print again only if no label came out.', failed: 'The printer could not be reached. Check it, then print again.' },
    },
    connection: { connected: 'connected', connecting: 'connecting', disconnected: 'disconnected', error: 'error', disabled: 'disabled' },
  },
  sync: {
    title: 'Sync', mode: 'Mode', server: 'Server', queue: 'Waiting to send', lastSync: 'Last sync', lastError: 'Last error',
    now: 'Sync now', rejected: 'Refused by the server', resolve: 'Mark resolved', noneRejected: 'Nothing refused.', initial: 'Initial sync',
  },
  common: { back: 'Back', cancel: 'Cancel', confirm: 'Confirm', never: 'never', loading: 'Loading…', yes: 'yes', no: 'no' },
};

export type Messages = typeof en;
