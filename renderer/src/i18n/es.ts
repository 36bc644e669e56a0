import type { Messages } from './en';

/** Spanish UI text. */
export const es: Messages = {
  app: { name: 'Warebench', training: 'Modo de formación', coreOffline: 'No se puede contactar con el núcleo de la estación; reintentando' },
  signin: {
    title: 'Iniciar sesión',
    prompt: 'Escanee su tarjeta o escriba su código',
    badge: 'Código de tarjeta',
    submit: 'Iniciar sesión',
    unknown: 'Tarjeta no reconocida',
  },
  home: { greeting: 'Hola, {{name}}', receive: 'Recibir', pack: 'Embalar', devices: 'Dispositivos', sync: 'Sincronización', signOut: 'Cerrar sesión', diagnostics: 'Diagnóstico', workflows: 'Flujos de trabajo' },
  scan: { label: 'Escanear', placeholder: 'Escanee aquí (o escriba y pulse Intro)', last: 'Último escaneo', result: 'Resultado del escaneo', accepted: 'Aceptado', rejected: 'Rechazado', info: 'Aviso' },
  status: { devices: 'Dispositivos', sync: 'Sincronización', online: 'en línea', offline: 'sin conexión', standalone: 'sin registrar', queue: '{{count}} en espera', rejected: '{{count}} rechazadas' },
  devices: {
    title: 'Dispositivos', none: 'No hay dispositivos configurados.', test: 'Probar', role: 'Función', state: 'Estado', transport: 'Conexión',
    simScale: 'Báscula simulada', setWeight: 'Poner peso', motion: 'En movimiento', device: 'Dispositivo', actions: 'Acciones', weightKg: 'Peso en kg', weightSlider: 'Control de peso',
    printJobs: {
      title: 'Trabajos de impresión', none: 'Aún no se ha impreso nada.', preview: 'Ver etiqueta', reprint: 'Imprimir de nuevo', markDone: 'Se imprimió', reason: 'Motivo (al menos 3 caracteres)',
      previewAlt: 'Etiqueta {{n}} de {{description}}',
      state: { queued: 'esperando a la impresora', sent: 'enviando', done: 'impresa', failed: 'fallida', uncertain: 'puede que se haya impreso' },
      help: { uncertain: 'La conexión se cortó al enviar: mire la impresora. Imprima de nuevo solo si no salió ninguna etiqueta.', failed: 'No se pudo contactar con la impresora. Revísela y vuelva a imprimir.' },
    },
    connection: { connected: 'conectado', connecting: 'conectando', disconnected: 'desconectado', error: 'error', disabled: 'desactivado' },
  },
  sync: {
    title: 'Sincronización', mode: 'Modo', server: 'Servidor', queue: 'Pendiente de envío', lastSync: 'Última sincronización', lastError: 'Último error',
    now: 'Sincronizar ahora', rejected: 'Rechazado por el servidor', resolve: 'Marcar como resuelto', noneRejected: 'Nada rechazado.', initial: 'Sincronización inicial',
  },
  common: { back: 'Atrás', cancel: 'Cancelar', confirm: 'Confirmar', never: 'nunca', loading: 'Cargando…', yes: 'sí', no: 'no' },
};
