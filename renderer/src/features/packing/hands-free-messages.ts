/** UI text of the hands-free loop and the command sheet on the pack screen, per language. */
const en = {
  on: 'Hands-free',
  onHint: 'The carton weighs itself when its last unit is scanned; scan the printed label to close it.',
  labelTitle: 'Label of carton {{seq}}',
  labelAlt: 'Shipping label {{tracking}} of carton {{seq}}',
  confirm: {
    'put-down': 'Scan PUT ORDER DOWN again or CONFIRM to put the order down; CANCEL keeps packing.',
    cancel: 'Scan CANCEL again or CONFIRM to empty the open carton.',
  },
  sheet: {
    button: 'Command sheet',
    preparing: 'Preparing the command sheet…',
    ready: 'Command sheet ready: open it to print.',
    open: 'Open command sheet (PDF)',
    title: 'Warebench pack commands',
    cartonType: 'Carton type',
    names: {
      'close-carton': 'Close carton',
      'next-carton': 'Next carton (this one is full)',
      reprint: 'Reprint label',
      weigh: 'Weigh again',
      'put-down': 'Put order down',
      cancel: 'Cancel (empty the open carton)',
      confirm: 'Confirm',
    },
  },
};

type Texts = typeof en;

const de: Texts = {
  on: 'Freihändig',
  onHint: 'Der Karton wiegt sich selbst, sobald seine letzte Einheit gescannt ist; gedrucktes Etikett scannen, um ihn zu schließen.',
  labelTitle: 'Etikett von Karton {{seq}}',
  labelAlt: 'Versandetikett {{tracking}} von Karton {{seq}}',
  confirm: {
    'put-down': 'AUFTRAG ABLEGEN noch einmal oder BESTÄTIGEN scannen, um den Auftrag abzulegen; ABBRECHEN packt weiter.',
    cancel: 'ABBRECHEN noch einmal oder BESTÄTIGEN scannen, um den offenen Karton zu leeren.',
  },
  sheet: {
    button: 'Befehlsblatt',
    preparing: 'Befehlsblatt wird erstellt…',
    ready: 'Befehlsblatt fertig: zum Drucken öffnen.',
    open: 'Befehlsblatt öffnen (PDF)',
    title: 'Warebench Pack-Befehle',
    cartonType: 'Kartontyp',
    names: {
      'close-carton': 'Karton schließen',
      'next-carton': 'Nächster Karton (dieser ist voll)',
      reprint: 'Etikett neu drucken',
      weigh: 'Erneut wiegen',
      'put-down': 'Auftrag ablegen',
      cancel: 'Abbrechen (offenen Karton leeren)',
      confirm: 'Bestätigen',
    },
  },
};

const es: Texts = {
  on: 'Manos libres',
  onHint: 'La caja se pesa sola al escanear su última unidad; escanee la etiqueta impresa para cerrarla.',
  labelTitle: 'Etiqueta de la caja {{seq}}',
  labelAlt: 'Etiqueta de envío {{tracking}} de la caja {{seq}}',
  confirm: {
    'put-down': 'Escanee DEJAR PEDIDO otra vez o CONFIRMAR para dejar el pedido; CANCELAR sigue embalando.',
    cancel: 'Escanee CANCELAR otra vez o CONFIRMAR para vaciar la caja abierta.',
  },
  sheet: {
    button: 'Hoja de comandos',
    preparing: 'Preparando la hoja de comandos…',
    ready: 'Hoja de comandos lista: ábrala para imprimirla.',
    open: 'Abrir hoja de comandos (PDF)',
    title: 'Comandos de embalaje Warebench',
    cartonType: 'Tipo de caja',
    names: {
      'close-carton': 'Cerrar caja',
      'next-carton': 'Siguiente caja (esta está llena)',
      reprint: 'Reimprimir etiqueta',
      weigh: 'Pesar otra vez',
      'put-down': 'Dejar pedido',
      cancel: 'Cancelar (vaciar la caja abierta)',
      confirm: 'Confirmar',
    },
  },
};

export const handsFreeMessages = { en, de, es };
