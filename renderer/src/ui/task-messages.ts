/** UI text of the task layout, the step keys, the line cards and the live scale, per language. */
const en = {
  task: {
    done: 'Done ({{count}})',
    more: 'More',
    lineDone: 'complete',
    decrease: 'One less',
    increase: 'One more',
    allFine: 'All fine',
    problems: 'Needs attention',
    keyNotNow: 'Not available now',
    keyWaiting: 'One moment…',
    receiving: { scan: 'Scan the goods — {{done}} of {{total}} lines complete', allIn: 'Everything is received: close the receipt' },
  },
  scale: {
    live: 'Scale',
    state: {
      stable: 'stable',
      motion: 'moving',
      over: 'over capacity',
      'under-zero': 'under zero',
      fault: 'scale fault',
      none: 'no reading',
    },
  },
};

type Texts = typeof en;

const de: Texts = {
  task: {
    done: 'Erledigt ({{count}})',
    more: 'Mehr',
    lineDone: 'vollständig',
    decrease: 'Eins weniger',
    increase: 'Eins mehr',
    allFine: 'Alles in Ordnung',
    problems: 'Bitte prüfen',
    keyNotNow: 'Gerade nicht möglich',
    keyWaiting: 'Einen Moment…',
    receiving: {
      scan: 'Ware scannen — {{done}} von {{total}} Positionen vollständig',
      allIn: 'Alles ist eingegangen: Wareneingang abschließen',
    },
  },
  scale: {
    live: 'Waage',
    state: {
      stable: 'stabil',
      motion: 'in Bewegung',
      over: 'überlastet',
      'under-zero': 'unter null',
      fault: 'Waagenfehler',
      none: 'kein Messwert',
    },
  },
};

const es: Texts = {
  task: {
    done: 'Hecho ({{count}})',
    more: 'Más',
    lineDone: 'completa',
    decrease: 'Uno menos',
    increase: 'Uno más',
    allFine: 'Todo en orden',
    problems: 'Requiere atención',
    keyNotNow: 'No disponible ahora',
    keyWaiting: 'Un momento…',
    receiving: { scan: 'Escanee la mercancía — {{done}} de {{total}} líneas completas', allIn: 'Todo está recibido: cierre la recepción' },
  },
  scale: {
    live: 'Báscula',
    state: {
      stable: 'estable',
      motion: 'en movimiento',
      over: 'sobrecarga',
      'under-zero': 'bajo cero',
      fault: 'fallo de báscula',
      none: 'sin lectura',
    },
  },
};

export const taskMessages = { en, de, es };
