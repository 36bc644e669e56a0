import type { Messages } from './en';

/** German UI text. */
export const de: Messages = {
  app: { name: 'Warebench', training: 'Schulungsmodus', coreOffline: 'Stationskern nicht erreichbar – neuer Versuch läuft' },
  signin: {
    title: 'Anmelden',
    prompt: 'Ausweis scannen oder Code eingeben',
    badge: 'Ausweiscode',
    submit: 'Anmelden',
    unknown: 'Ausweis nicht erkannt',
  },
  home: { greeting: 'Hallo, {{name}}', receive: 'Wareneingang', pack: 'Verpacken', devices: 'Geräte', sync: 'Synchronisierung', signOut: 'Abmelden', diagnostics: 'Diagnose', workflows: 'Arbeitsabläufe' },
  scan: { label: 'Scan', placeholder: 'Hier scannen (oder eingeben und Enter drücken)', last: 'Letzter Scan', result: 'Scan-Ergebnis', accepted: 'Angenommen', rejected: 'Abgelehnt', info: 'Hinweis' },
  status: { devices: 'Geräte', sync: 'Synchronisierung', online: 'online', offline: 'offline', standalone: 'nicht registriert', queue: '{{count}} wartend', rejected: '{{count}} abgelehnt' },
  devices: {
    title: 'Geräte', none: 'Keine Geräte eingerichtet.', test: 'Testen', role: 'Rolle', state: 'Zustand', transport: 'Verbindung',
    simScale: 'Simulierte Waage', setWeight: 'Gewicht auflegen', motion: 'In Bewegung', device: 'Gerät', actions: 'Aktionen', weightKg: 'Gewicht in kg', weightSlider: 'Gewichtsregler',
    printJobs: {
      title: 'Druckaufträge', none: 'Noch nichts gedruckt.', preview: 'Etikett zeigen', reprint: 'Erneut drucken', markDone: 'Wurde gedruckt', reason: 'Grund (mindestens 3 Zeichen)',
      previewAlt: 'Etikett {{n}} von {{description}}',
      state: { queued: 'wartet auf den Drucker', sent: 'wird gesendet', done: 'gedruckt', failed: 'fehlgeschlagen', uncertain: 'vielleicht gedruckt' },
      help: { uncertain: 'Die Verbindung brach beim Senden ab: Bitte am Drucker nachsehen. Nur erneut drucken, wenn kein Etikett kam.', failed: 'Der Drucker war nicht erreichbar. Bitte prüfen, dann erneut drucken.' },
    },
    connection: { connected: 'verbunden', connecting: 'verbindet', disconnected: 'getrennt', error: 'Fehler', disabled: 'deaktiviert' },
  },
  sync: {
    title: 'Synchronisierung', mode: 'Modus', server: 'Server', queue: 'Wartet auf Versand', lastSync: 'Letzte Synchronisierung', lastError: 'Letzter Fehler',
    now: 'Jetzt synchronisieren', rejected: 'Vom Server abgelehnt', resolve: 'Als erledigt markieren', noneRejected: 'Nichts abgelehnt.', initial: 'Erstsynchronisierung',
  },
  common: { back: 'Zurück', cancel: 'Abbrechen', confirm: 'Bestätigen', never: 'nie', loading: 'Wird geladen…', yes: 'ja', no: 'nein' },
};
