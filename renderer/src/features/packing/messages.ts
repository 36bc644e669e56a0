/** UI text of the packing screens, per language. */
const en = {
  title: 'Pack',
  step: {
    'scan-order': 'Scan an order, tote or pick list',
    'scan-items': 'Scan every item',
    'scan-serial': 'Scan the serial number of the {{item}}',
    weigh: 'Put the carton on the scale and weigh it',
    'resolve-weight': 'Weight out of tolerance: check the carton, weigh again or ask a supervisor',
    'print-label': 'Print the shipping label',
    'close-carton': 'Stick the label on and close the carton',
    'close-shipment': 'Everything is packed: close the shipment',
    stopped: 'STOP — this order may not be packed',
  },
  open: { label: 'Order, tote or pick list', submit: 'Open' },
  order: {
    title: 'Order {{number}}', shipTo: 'Ship to', carrier: 'Carrier', notes: 'Notes', tote: 'Tote', fragile: 'FRAGILE', gift: 'GIFT',
    left_one: '{{count}} unit left', left_other: '{{count}} units left', leave: 'Put order down',
  },
  lines: { title: 'Lines', sku: 'SKU', description: 'Item', ordered: 'Ordered', packed: 'Packed', left: 'Left', serial: 'serial', lot: 'lot' },
  qty: { label: 'How many more of line {{line}}', add: 'Add' },
  carton: {
    title: 'Carton {{seq}}', next: 'Next carton', type: 'Carton type', sscc: 'SSCC', units: 'Units', expected: 'Expected weight',
    recommended: 'Recommended: {{code}}', recommendedMark: '(recommended)', noneFits: 'No carton type takes everything', choose: 'Carton type',
    closed: 'Closed cartons', empty: 'The carton opens with the first scan.',
  },
  weight: {
    weigh: 'Weigh', actual: 'Weighed', expected: 'Expected', tolerance: 'Tolerance', ok: 'Weight OK', out: 'Weight out of tolerance', overridden: 'Accepted by supervisor',
  },
  override: { title: 'Supervisor override', badge: 'Supervisor badge', reason: 'Reason', submit: 'Accept weight' },
  label: {
    print: 'Print label', reprint: 'Reprint', void: 'Void label', tracking: 'Tracking', fallback: 'House label: the carrier could not be reached',
    printFailed: 'The label did not print', voided: 'Voided', reprintReason: 'Why reprint?', voidReason: 'Why void?', slip: 'Packing slip',
  },
  close: { carton: 'Close carton', shipment: 'Close shipment' },
  exceptions: {
    title: 'Problems', short: 'Item missing (short)', damaged: 'Item damaged', line: 'Line', reason: 'Reason', replace: 'Replace it', problem: 'Problem shelf',
    send: 'Send', inCarton: 'The unit is in the carton already',
  },
  manifests: {
    title: 'Manifests today', none: 'No shipped cartons yet today.', cartons_one: '{{count}} carton', cartons_other: '{{count}} cartons', weight: '{{kg}} kg', open: 'open', closed: 'closed',
    close: 'Close for pickup', print: 'Print',
  },
  kpis: {
    title: 'Performance this shift', you: 'You', shift: 'Shift', orders: 'Orders', units: 'Units', perHour: '/h', scanErrors: 'Scan errors caught',
    weightExceptions: 'Weight exceptions',
  },
  reason: { placeholder: 'Say why' },
};

type Messages = typeof en;

const de: Messages = {
  title: 'Packen',
  step: {
    'scan-order': 'Auftrag, Behälter oder Pickliste scannen',
    'scan-items': 'Jeden Artikel scannen',
    'scan-serial': 'Seriennummer von {{item}} scannen',
    weigh: 'Karton auf die Waage stellen und wiegen',
    'resolve-weight': 'Gewicht außerhalb der Toleranz: Karton prüfen, neu wiegen oder Vorgesetzte fragen',
    'print-label': 'Versandetikett drucken',
    'close-carton': 'Etikett aufkleben und Karton schließen',
    'close-shipment': 'Alles gepackt: Sendung abschließen',
    stopped: 'STOPP — dieser Auftrag darf nicht gepackt werden',
  },
  open: { label: 'Auftrag, Behälter oder Pickliste', submit: 'Öffnen' },
  order: {
    title: 'Auftrag {{number}}', shipTo: 'Lieferadresse', carrier: 'Versender', notes: 'Hinweise', tote: 'Behälter', fragile: 'ZERBRECHLICH', gift: 'GESCHENK',
    left_one: 'Noch {{count}} Stück', left_other: 'Noch {{count}} Stück', leave: 'Auftrag zurückstellen',
  },
  lines: { title: 'Positionen', sku: 'Artikelnr.', description: 'Artikel', ordered: 'Bestellt', packed: 'Gepackt', left: 'Offen', serial: 'Seriennr.', lot: 'Charge' },
  qty: { label: 'Wie viele weitere von Position {{line}}', add: 'Hinzufügen' },
  carton: {
    title: 'Karton {{seq}}', next: 'Nächster Karton', type: 'Kartontyp', sscc: 'SSCC', units: 'Stück', expected: 'Sollgewicht',
    recommended: 'Empfohlen: {{code}}', recommendedMark: '(empfohlen)', noneFits: 'Kein Kartontyp fasst alles', choose: 'Kartontyp',
    closed: 'Geschlossene Kartons', empty: 'Der Karton wird mit dem ersten Scan geöffnet.',
  },
  weight: {
    weigh: 'Wiegen', actual: 'Gewogen', expected: 'Soll', tolerance: 'Toleranz', ok: 'Gewicht in Ordnung', out: 'Gewicht außerhalb der Toleranz', overridden: 'Von Vorgesetzten freigegeben',
  },
  override: { title: 'Freigabe durch Vorgesetzte', badge: 'Ausweis der Vorgesetzten', reason: 'Begründung', submit: 'Gewicht freigeben' },
  label: {
    print: 'Etikett drucken', reprint: 'Nachdrucken', void: 'Etikett stornieren', tracking: 'Sendungsnummer', fallback: 'Hausetikett: der Versender war nicht erreichbar',
    printFailed: 'Das Etikett wurde nicht gedruckt', voided: 'Storniert', reprintReason: 'Warum nachdrucken?', voidReason: 'Warum stornieren?', slip: 'Lieferschein',
  },
  close: { carton: 'Karton schließen', shipment: 'Sendung abschließen' },
  exceptions: {
    title: 'Probleme', short: 'Artikel fehlt (Fehlmenge)', damaged: 'Artikel beschädigt', line: 'Position', reason: 'Begründung', replace: 'Ersetzen', problem: 'Klärfach',
    send: 'Senden', inCarton: 'Das Stück liegt schon im Karton',
  },
  manifests: {
    title: 'Manifeste heute', none: 'Heute noch keine versandten Kartons.', cartons_one: '{{count}} Karton', cartons_other: '{{count}} Kartons', weight: '{{kg}} kg', open: 'offen', closed: 'geschlossen',
    close: 'Zur Abholung abschließen', print: 'Drucken',
  },
  kpis: {
    title: 'Leistung dieser Schicht', you: 'Sie', shift: 'Schicht', orders: 'Aufträge', units: 'Stück', perHour: '/Std.', scanErrors: 'Abgefangene Scanfehler',
    weightExceptions: 'Gewichtsabweichungen',
  },
  reason: { placeholder: 'Begründung angeben' },
};

const es: Messages = {
  title: 'Embalar',
  step: {
    'scan-order': 'Escanee un pedido, una caja de picking o una lista de picking',
    'scan-items': 'Escanee cada artículo',
    'scan-serial': 'Escanee el número de serie de {{item}}',
    weigh: 'Ponga la caja en la báscula y pésela',
    'resolve-weight': 'Peso fuera de tolerancia: revise la caja, vuelva a pesar o avise a un supervisor',
    'print-label': 'Imprima la etiqueta de envío',
    'close-carton': 'Pegue la etiqueta y cierre la caja',
    'close-shipment': 'Todo embalado: cierre el envío',
    stopped: 'ALTO — este pedido no se puede embalar',
  },
  open: { label: 'Pedido, caja de picking o lista de picking', submit: 'Abrir' },
  order: {
    title: 'Pedido {{number}}', shipTo: 'Enviar a', carrier: 'Transportista', notes: 'Notas', tote: 'Caja de picking', fragile: 'FRÁGIL', gift: 'REGALO',
    left_one: 'Queda {{count}} unidad', left_other: 'Quedan {{count}} unidades', leave: 'Dejar el pedido',
  },
  lines: { title: 'Líneas', sku: 'Referencia', description: 'Artículo', ordered: 'Pedido', packed: 'Embalado', left: 'Pendiente', serial: 'n.º de serie', lot: 'lote' },
  qty: { label: 'Cuántas más de la línea {{line}}', add: 'Añadir' },
  carton: {
    title: 'Caja {{seq}}', next: 'Siguiente caja', type: 'Tipo de caja', sscc: 'SSCC', units: 'Unidades', expected: 'Peso esperado',
    recommended: 'Recomendada: {{code}}', recommendedMark: '(recomendada)', noneFits: 'Ningún tipo de caja lo admite todo', choose: 'Tipo de caja',
    closed: 'Cajas cerradas', empty: 'La caja se abre con el primer escaneo.',
  },
  weight: {
    weigh: 'Pesar', actual: 'Pesado', expected: 'Esperado', tolerance: 'Tolerancia', ok: 'Peso correcto', out: 'Peso fuera de tolerancia', overridden: 'Aceptado por el supervisor',
  },
  override: { title: 'Autorización del supervisor', badge: 'Tarjeta del supervisor', reason: 'Motivo', submit: 'Aceptar el peso' },
  label: {
    print: 'Imprimir etiqueta', reprint: 'Reimprimir', void: 'Anular etiqueta', tracking: 'Seguimiento', fallback: 'Etiqueta propia: no se pudo contactar con el transportista',
    printFailed: 'La etiqueta no se imprimió', voided: 'Anulada', reprintReason: '¿Por qué reimprimir?', voidReason: '¿Por qué anular?', slip: 'Albarán',
  },
  close: { carton: 'Cerrar caja', shipment: 'Cerrar envío' },
  exceptions: {
    title: 'Incidencias', short: 'Falta un artículo', damaged: 'Artículo dañado', line: 'Línea', reason: 'Motivo', replace: 'Sustituirlo', problem: 'Estante de incidencias',
    send: 'Enviar', inCarton: 'La unidad ya está en la caja',
  },
  manifests: {
    title: 'Manifiestos de hoy', none: 'Hoy aún no hay cajas enviadas.', cartons_one: '{{count}} caja', cartons_other: '{{count}} cajas', weight: '{{kg}} kg', open: 'abierto', closed: 'cerrado',
    close: 'Cerrar para la recogida', print: 'Imprimir',
  },
  kpis: {
    title: 'Rendimiento de este turno', you: 'Usted', shift: 'Turno', orders: 'Pedidos', units: 'Unidades', perHour: '/h', scanErrors: 'Errores de escaneo detectados',
    weightExceptions: 'Incidencias de peso',
  },
  reason: { placeholder: 'Indique el motivo' },
};

export const packingMessages = { en, de, es };
