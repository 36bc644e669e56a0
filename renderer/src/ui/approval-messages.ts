/** UI text of the approval prompt, the reason chips and the confirmation dialog, per language. */
const en = {
  approval: {
    scan: 'Supervisor: scan your badge',
    scanHint: 'The next scan is taken as the badge for this approval.',
    approvedBy: 'Approved by {{name}}',
    typePin: '{{name}}: type your PIN',
    pin: 'Supervisor PIN',
    typeInstead: 'Type the badge instead',
    scanInstead: 'Scan instead',
    badge: 'Supervisor badge',
    again: 'Scan another badge',
  },
  reasons: { label: 'Reason', other: 'Other…', otherText: 'Reason in your own words' },
  confirmDialog: { cancel: 'Keep it', lost: 'This will be lost:' },
  destructive: {
    putDown: {
      title: 'Put order {{number}} down?',
      confirm: 'Put order down',
      lost_one: '{{count}} packed unit in 1 carton will be unpacked: put it back in the tote.',
      lost_other: '{{count}} packed units in 1 carton will be unpacked: put them back in the tote.',
      label: 'Carton {{seq}} and its shipping label {{tracking}} are dropped.',
      kept: 'Closed cartons stay packed; the order can be picked up again by scanning it.',
    },
    voidLabel: {
      title: 'Void the shipping label?',
      lost: 'Label {{tracking}} can no longer be used: tear it off, weigh and label the carton again.',
    },
  },
};

type ApprovalMessages = typeof en;

const de: ApprovalMessages = {
  approval: {
    scan: 'Vorgesetzte: Ausweis scannen',
    scanHint: 'Der nächste Scan gilt als Ausweis für diese Freigabe.',
    approvedBy: 'Freigegeben von {{name}}',
    typePin: '{{name}}: PIN eingeben',
    pin: 'PIN der Vorgesetzten',
    typeInstead: 'Ausweis stattdessen eintippen',
    scanInstead: 'Stattdessen scannen',
    badge: 'Ausweis der Vorgesetzten',
    again: 'Anderen Ausweis scannen',
  },
  reasons: { label: 'Grund', other: 'Anderer…', otherText: 'Grund in eigenen Worten' },
  confirmDialog: { cancel: 'Behalten', lost: 'Das geht verloren:' },
  destructive: {
    putDown: {
      title: 'Auftrag {{number}} zurücklegen?',
      confirm: 'Auftrag zurücklegen',
      lost_one: '{{count}} gepackte Einheit in 1 Karton wird ausgepackt: zurück in den Behälter legen.',
      lost_other: '{{count}} gepackte Einheiten in 1 Karton werden ausgepackt: zurück in den Behälter legen.',
      label: 'Karton {{seq}} und sein Versandetikett {{tracking}} entfallen.',
      kept: 'Geschlossene Kartons bleiben gepackt; der Auftrag kann durch Scannen wieder aufgenommen werden.',
    },
    voidLabel: {
      title: 'Versandetikett stornieren?',
      lost: 'Etikett {{tracking}} ist nicht mehr gültig: abreißen, Karton neu wiegen und etikettieren.',
    },
  },
};

const es: ApprovalMessages = {
  approval: {
    scan: 'Supervisor: escanee su tarjeta',
    scanHint: 'El próximo escaneo se toma como la tarjeta para esta aprobación.',
    approvedBy: 'Aprobado por {{name}}',
    typePin: '{{name}}: teclee su PIN',
    pin: 'PIN del supervisor',
    typeInstead: 'Teclear la tarjeta',
    scanInstead: 'Escanear',
    badge: 'Tarjeta del supervisor',
    again: 'Escanear otra tarjeta',
  },
  reasons: { label: 'Motivo', other: 'Otro…', otherText: 'Motivo con sus palabras' },
  confirmDialog: { cancel: 'Conservar', lost: 'Se perderá:' },
  destructive: {
    putDown: {
      title: '¿Dejar el pedido {{number}}?',
      confirm: 'Dejar el pedido',
      lost_one: '{{count}} unidad empacada en 1 caja se desempacará: devuélvala a la cubeta.',
      lost_other: '{{count}} unidades empacadas en 1 caja se desempacarán: devuélvalas a la cubeta.',
      label: 'La caja {{seq}} y su etiqueta de envío {{tracking}} se descartan.',
      kept: 'Las cajas cerradas siguen empacadas; el pedido se retoma escaneándolo.',
    },
    voidLabel: {
      title: '¿Anular la etiqueta de envío?',
      lost: 'La etiqueta {{tracking}} ya no vale: arránquela, pese y etiquete la caja de nuevo.',
    },
  },
};

export const approvalMessages = { en, de, es };
