import type { CountLine, CountScope } from '../domain/counts';
import type {
  Asn,
  CartonType,
  Hold,
  Item,
  ItemClass,
  Location,
  OperatorRecord,
  Order,
  PurchaseOrder,
  SiteSettings,
} from '../domain/master-data';
import type { Rma } from '../domain/returns';
import { makeGtin14 } from './gtin';
import { seededRandom } from './random';

/** A realistic small warehouse: the embedded default's master data, and the fixture of the e2e tests. */
export interface DemoDataset {
  site: SiteSettings;
  operators: OperatorRecord[];
  items: Item[];
  locations: Location[];
  purchaseOrders: PurchaseOrder[];
  asns: Asn[];
  orders: Order[];
  cartonTypes: CartonType[];
  holds: Hold[];
  /** Customer returns announced by the ERP, with what their order shipped. */
  rmas: Rma[];
  /** Count tasks the ERP issues (the server adds the ledger's on-hand; the station's own cache takes `expected` as given). */
  countTasks: DemoCountTask[];
}

export interface DemoCountTask {
  id: string;
  scope: CountScope;
  location: string;
  itemId: string | null;
  lpn: string | null;
  blind: boolean | null;
  expected: CountLine[];
}

export const DEMO_COMPANY_PREFIX = '0614141';

/** Well-known records the demo script and the tests refer to by id. */
export const demo = {
  badges: { receiver: '1001', packer: '1002', supervisor: '1003', admin: '1004', spanishPacker: '1005', counter: '1006', counter2: '1007' },
  /** Typed after the badge when the site requires a PIN for supervisors and admins. */
  pins: { supervisor: '2468', admin: '1357' },
  items: {
    bolt: 'ITM-BOLT-M8', // small part: weight count
    yoghurt: 'ITM-YOG-500', // lot + expiry tracked, cold, 10 days min shelf life
    scanner: 'ITM-SCAN-HH', // serial tracked
    mug: 'ITM-MUG-CER', // plain item, fragile
    tape: 'ITM-TAPE-48', // plain item
    battery: 'ITM-BATT-AA24', // hazmat
    gloves: 'ITM-GLOVE-NIT', // inspected at receipt (and its supplier is flagged)
  },
  /** A PO from a supplier the ERP flagged for inspection at receipt. */
  inspectedPo: 'PO-1013',
  inspectedSupplier: 'Safety First GmbH',
  /** Count tasks: a blind location count and an item count with the expected quantity shown. */
  countTasks: { location: 'CT-0001', item: 'CT-0002' },
  countLocation: 'A-02-03-1',
  heldLot: { item: 'ITM-YOG-500', lot: 'L2405B' },
  po: 'PO-1001',
  /** A PO of ten plain lines (no lot, expiry or serial) with small counts: more lines than one screen shows. */
  longPo: 'PO-1020',
  asn: 'ASN-5001',
  /** The supplier's pallet on ASN-5001, with its contents and expected gross weight: received whole in one scan. */
  asnPallet: '106141410000000019',
  /** A supplier for receipts without PO. */
  blindSupplier: 'SUP-WALKIN',
  order: 'SO-2001',
  tote: 'T-0001',
  /** A shipped order and the return the customer announced for it. */
  shippedOrder: 'SO-1990',
  rma: { id: 'RMA-3001', tracking: 'HOUSE1990TRK01', serials: ['SN-HH-0001', 'SN-HH-0002'] },
} as const;

interface Template {
  name: string;
  weightG: [number, number];
  dims: [number, number, number];
  cls: ItemClass;
  lot?: boolean;
  expiry?: boolean;
  serial?: boolean;
  shelf?: number;
}

const templates: Template[] = [
  { name: 'Hex bolt', weightG: [5, 60], dims: [10, 10, 60], cls: 'general' },
  { name: 'Washer', weightG: [1, 8], dims: [20, 20, 2], cls: 'general' },
  { name: 'Cable tie pack', weightG: [40, 120], dims: [200, 60, 20], cls: 'fast-mover' },
  { name: 'Packing tape', weightG: [250, 320], dims: [110, 110, 50], cls: 'fast-mover' },
  { name: 'Orange juice 1 l', weightG: [1050, 1100], dims: [70, 70, 240], cls: 'cold', lot: true, expiry: true, shelf: 7 },
  { name: 'Cheddar 400 g', weightG: [410, 430], dims: [120, 80, 40], cls: 'cold', lot: true, expiry: true, shelf: 14 },
  { name: 'Vitamin D tablets', weightG: [90, 130], dims: [50, 50, 100], cls: 'general', lot: true, expiry: true, shelf: 180 },
  { name: 'Bluetooth headset', weightG: [150, 260], dims: [180, 120, 60], cls: 'high-value', serial: true },
  { name: 'Smartphone case', weightG: [30, 60], dims: [170, 90, 15], cls: 'fast-mover' },
  { name: 'Spray paint 400 ml', weightG: [380, 420], dims: [65, 65, 200], cls: 'hazmat', lot: true },
  { name: 'Office chair', weightG: [11000, 15000], dims: [650, 650, 500], cls: 'bulky' },
  { name: 'LED bulb E27', weightG: [45, 70], dims: [60, 60, 110], cls: 'general' },
  { name: 'Notebook A5', weightG: [180, 240], dims: [210, 148, 12], cls: 'general' },
  { name: 'Ceramic plate', weightG: [450, 600], dims: [260, 260, 25], cls: 'general' },
];

const address = (name: string, street1: string, city: string, postalCode: string, country: string, company = '') => ({
  name,
  company,
  street1,
  street2: '',
  city,
  region: '',
  postalCode,
  country,
  phone: '',
});

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

export function buildDemoDataset(now: Date = new Date(), itemCount = 300): DemoDataset {
  const rnd = seededRandom(20261125);
  const site: SiteSettings = {
    siteId: 'SITE-DEMO',
    siteName: 'Demo DC Rotterdam',
    gs1CompanyPrefix: DEMO_COMPANY_PREFIX,
    shipFrom: address('Warebench Demo DC', 'Waalhaven Zuidzijde 12', 'Rotterdam', '3089 JH', 'NL', 'Demo Distribution BV'),
    weightTolerancePct: 5,
    weightToleranceG: 50,
    smallCartonG: 500,
    smallCartonTolerancePct: 3,
    allowQuantityKeys: true,
    handsFreePacking: true,
    defaultOverReceiptTolerancePct: 0,
    reasons: {
      shortReceipt: ['Supplier shipped short', 'Back-ordered by the supplier', 'Lost in transit'],
      overReceipt: ['Supplier shipped extra', 'Free goods'],
      damaged: ['Crushed packaging', 'Broken item', 'Wet or stained', 'Leaking'],
      overWeight: ['Extra padding', 'Supplier changed the item', 'Scale checked by hand'],
      shortPack: ['Not found in the tote', 'Damaged in the tote', 'Wrong item picked'],
      reprintLabel: ['Label smudged', 'Label torn', 'Printer jammed'],
      voidLabel: ['Wrong carton', 'Wrong service', 'Carton repacked'],
    },
    suppliers: [
      { id: 'SUP-NORDIC', name: 'Nordic Supply AB', audit: false },
      { id: 'SUP-ACME', name: 'Acme Industrial', audit: true },
      { id: 'SUP-GLOBEX', name: 'Globex Foods', audit: false },
      { id: 'SUP-INITECH', name: 'Initech Office', audit: false },
      { id: 'SUP-UMBRELLA', name: 'Umbrella Pharma', audit: true },
      { id: 'SUP-WALKIN', name: 'Walk-in delivery (no PO)', audit: false },
    ],
    palletReceipt: { weightTolerancePct: 2, weightToleranceKg: 1, sample: { kind: 'cases', cases: 2 } },
    counts: { blind: true, toleranceUnits: 1, tolerancePct: 2 },
    inspection: {
      items: [demo.items.gloves],
      suppliers: [demo.inspectedSupplier],
      checklist: [
        { kind: 'check', id: 'seal', label: 'Packaging sealed and undamaged' },
        { kind: 'check', id: 'label', label: 'Size and lot printed on the box' },
        { kind: 'measure', id: 'weight', label: 'Box weight', unit: 'g', min: 180, max: 230 },
      ],
    },
  };

  const operators: OperatorRecord[] = [
    { id: 'OP-ANA', badge: demo.badges.receiver, name: 'Ana Silva', roles: ['receiver', 'returns'], active: true },
    { id: 'OP-BEN', badge: demo.badges.packer, name: 'Ben Okafor', roles: ['packer'], active: true },
    {
      id: 'OP-CHLOE',
      badge: demo.badges.supervisor,
      pin: demo.pins.supervisor,
      name: 'Chloé Martin',
      roles: ['supervisor', 'receiver', 'packer'],
      active: true,
    },
    { id: 'OP-DAN', badge: demo.badges.admin, pin: demo.pins.admin, name: 'Dan Novak', roles: ['admin', 'supervisor'], active: true },
    // Works in Spanish whatever the station's language: the screen switches at her sign-in.
    { id: 'OP-LUCIA', badge: demo.badges.spanishPacker, name: 'Lucía Romero', roles: ['packer', 'receiver'], active: true, locale: 'es' },
    { id: 'OP-EVA', badge: demo.badges.counter, name: 'Eva Lindqvist', roles: ['counter'], active: true },
    { id: 'OP-FARID', badge: demo.badges.counter2, name: 'Farid Haddad', roles: ['counter', 'receiver'], active: true },
  ];

  const item = (id: string, ref: number, p: Partial<Item> & Pick<Item, 'sku' | 'description' | 'unitWeightG'>, caseQty?: number): Item => ({
    id,
    barcodes: [
      { code: makeGtin14(0, DEMO_COMPANY_PREFIX, ref), packQty: 1 },
      ...(caseQty ? [{ code: makeGtin14(1, DEMO_COMPANY_PREFIX, ref), packQty: caseQty }] : []),
    ],
    lengthMm: 0,
    widthMm: 0,
    heightMm: 0,
    lotTracked: false,
    serialTracked: false,
    expiryTracked: false,
    minShelfLifeDays: 0,
    itemClass: 'general',
    homeLocation: null,
    overReceiptTolerancePct: null,
    active: true,
    ...p,
  });

  const items: Item[] = [
    item(
      demo.items.bolt,
      1,
      {
        sku: 'BOLT-M8X40',
        description: 'Hex bolt M8x40 zinc plated',
        unitWeightG: 21.5,
        lengthMm: 13,
        widthMm: 13,
        heightMm: 45,
        homeLocation: 'A-01-01-1',
      },
      50,
    ),
    item(
      demo.items.yoghurt,
      2,
      {
        sku: 'YOG-500',
        description: 'Greek yoghurt 500 g',
        unitWeightG: 530,
        lengthMm: 100,
        widthMm: 100,
        heightMm: 90,
        lotTracked: true,
        expiryTracked: true,
        minShelfLifeDays: 10,
        itemClass: 'cold',
      },
      12,
    ),
    item(
      demo.items.scanner,
      3,
      {
        sku: 'SCAN-HH',
        description: 'Handheld barcode scanner',
        unitWeightG: 310,
        lengthMm: 200,
        widthMm: 90,
        heightMm: 80,
        serialTracked: true,
        itemClass: 'high-value',
      },
      5,
    ),
    item(
      demo.items.mug,
      4,
      {
        sku: 'MUG-CER-350',
        description: 'Ceramic mug 350 ml',
        unitWeightG: 340,
        lengthMm: 120,
        widthMm: 90,
        heightMm: 100,
        homeLocation: 'A-02-03-1',
      },
      6,
    ),
    item(
      demo.items.tape,
      5,
      {
        sku: 'TAPE-48',
        description: 'Packing tape 48 mm x 66 m',
        unitWeightG: 290,
        lengthMm: 110,
        widthMm: 110,
        heightMm: 50,
        itemClass: 'fast-mover',
        homeLocation: 'A-01-02-1',
      },
      36,
    ),
    item(
      demo.items.battery,
      6,
      {
        sku: 'BATT-AA24',
        description: 'AA alkaline batteries, 24 pack',
        unitWeightG: 560,
        lengthMm: 140,
        widthMm: 100,
        heightMm: 30,
        lotTracked: true,
        itemClass: 'hazmat',
      },
      10,
    ),
  ];
  for (let i = items.length + 1; i <= itemCount; i++) {
    const t = rnd.pick(templates);
    const [l, w, h] = t.dims;
    items.push(
      item(
        `ITM-${String(i).padStart(5, '0')}`,
        100 + i,
        {
          sku: `SKU-${String(i).padStart(5, '0')}`,
          description: `${t.name} ${String.fromCharCode(65 + (i % 26))}${i}`,
          unitWeightG: rnd.int(t.weightG[0], t.weightG[1]),
          lengthMm: l,
          widthMm: w,
          heightMm: h,
          lotTracked: t.lot ?? false,
          expiryTracked: t.expiry ?? false,
          serialTracked: t.serial ?? false,
          minShelfLifeDays: t.shelf ?? 0,
          itemClass: t.cls,
        },
        rnd.next() < 0.5 ? rnd.pick([6, 10, 12, 24]) : undefined,
      ),
    );
  }

  // Added after the generated items, so their ids and barcodes stay as they were.
  items.push(
    item(demo.items.gloves, 7, {
      sku: 'GLOVE-NIT-M',
      description: 'Nitrile gloves size M, box of 100',
      unitWeightG: 205,
      lengthMm: 240,
      widthMm: 125,
      heightMm: 65,
      homeLocation: 'A-01-03-1',
    }),
  );

  const zones: { zone: string; classes: ItemClass[]; aisles: number }[] = [
    { zone: 'A', classes: ['general', 'fast-mover', 'high-value'], aisles: 4 },
    { zone: 'B', classes: ['bulky', 'general'], aisles: 2 },
    { zone: 'C', classes: ['cold'], aisles: 2 },
    { zone: 'H', classes: ['hazmat'], aisles: 1 },
  ];
  const locations: Location[] = [];
  let seq = 0;
  for (const z of zones) {
    for (let aisle = 1; aisle <= z.aisles; aisle++) {
      for (let bay = 1; bay <= 6; bay++) {
        for (let level = 1; level <= 2; level++) {
          locations.push({
            code: `${z.zone}-${String(aisle).padStart(2, '0')}-${String(bay).padStart(2, '0')}-${level}`,
            zone: z.zone,
            itemClasses: z.classes,
            status: 'available',
            capacityUnits: z.zone === 'B' ? 40 : 500,
            pickSequence: seq++,
          });
        }
      }
    }
  }
  locations.push({
    code: 'Q-01',
    zone: 'Q',
    itemClasses: ['general', 'fast-mover', 'high-value', 'bulky', 'cold', 'hazmat'],
    status: 'available',
    capacityUnits: 0,
    pickSequence: seq++,
  });
  const heldLocation = locations.find((l) => l.code === 'A-03-01-1');
  if (heldLocation) heldLocation.status = 'hold';

  const purchaseOrders: PurchaseOrder[] = [
    {
      id: demo.po,
      number: demo.po,
      supplier: 'Nordic Supply AB',
      status: 'open',
      expectedDate: isoDate(now),
      overReceiptTolerancePct: 5,
      lines: [
        { lineNo: 1, itemId: demo.items.yoghurt, qtyOrdered: 24 },
        { lineNo: 2, itemId: demo.items.bolt, qtyOrdered: 500 },
        { lineNo: 3, itemId: demo.items.scanner, qtyOrdered: 3 },
        { lineNo: 4, itemId: demo.items.mug, qtyOrdered: 12 },
      ],
    },
  ];
  for (let n = 2; n <= 12; n++) {
    const lines = Array.from({ length: rnd.int(2, 8) }, (_, i) => ({
      lineNo: i + 1,
      itemId: rnd.pick(items).id,
      qtyOrdered: rnd.int(5, 120),
    }));
    purchaseOrders.push({
      id: `PO-${1000 + n}`,
      number: `PO-${1000 + n}`,
      supplier: rnd.pick(['Acme Industrial', 'Globex Foods', 'Initech Office', 'Umbrella Pharma']),
      status: 'open',
      expectedDate: isoDate(addDays(now, rnd.int(0, 10))),
      overReceiptTolerancePct: 0,
      lines,
    });
  }

  const plainItems = items
    .filter((i) => i.id.startsWith('ITM-0') && !i.lotTracked && !i.expiryTracked && !i.serialTracked && i.itemClass !== 'cold')
    .slice(0, 10);
  purchaseOrders.push({
    id: demo.longPo,
    number: demo.longPo,
    supplier: 'Acme Industrial',
    status: 'open',
    expectedDate: isoDate(now),
    overReceiptTolerancePct: 0,
    lines: plainItems.map((it, i) => ({ lineNo: i + 1, itemId: it.id, qtyOrdered: 2 + (i % 2) })),
  });

  purchaseOrders.push({
    id: demo.inspectedPo,
    number: demo.inspectedPo,
    supplier: demo.inspectedSupplier,
    status: 'open',
    expectedDate: isoDate(now),
    overReceiptTolerancePct: 0,
    lines: [{ lineNo: 1, itemId: demo.items.gloves, qtyOrdered: 10 }],
  });

  const asns: Asn[] = [
    {
      id: demo.asn,
      number: demo.asn,
      poId: demo.po,
      expectedWeightKg: 38.5,
      lines: [
        {
          lineNo: 1,
          poLineNo: 1,
          itemId: demo.items.yoghurt,
          qty: 24,
          lot: 'L2411A',
          expiry: isoDate(addDays(now, 30)),
          sscc: demo.asnPallet,
        },
        { lineNo: 2, poLineNo: 2, itemId: demo.items.bolt, qty: 500, lot: null, expiry: null, sscc: demo.asnPallet },
      ],
      // 24 yoghurts (12.72 kg) and 500 bolts (10.75 kg) on a 15 kg pallet.
      pallets: [{ sscc: demo.asnPallet, expectedGrossKg: 38.5 }],
    },
  ];

  const firstNames = ['Mila', 'Jonas', 'Sofia', 'Lucas', 'Emma', 'Noah', 'Lea', 'Finn', 'Sara', 'Omar'];
  const cities: [string, string, string][] = [
    ['Utrecht', '3511 AB', 'NL'],
    ['Antwerpen', '2000', 'BE'],
    ['Köln', '50667', 'DE'],
    ['Lyon', '69002', 'FR'],
    ['Madrid', '28013', 'ES'],
  ];
  const orders: Order[] = [
    {
      id: demo.order,
      number: demo.order,
      tote: demo.tote,
      shipTo: address('Mila de Vries', 'Oudegracht 101', 'Utrecht', '3511 AB', 'NL'),
      carrier: 'HOUSE',
      service: 'STANDARD',
      notes: 'Leave at reception',
      gift: false,
      fragile: true,
      status: 'open',
      lines: [
        { lineNo: 1, itemId: demo.items.mug, qty: 2 },
        { lineNo: 2, itemId: demo.items.tape, qty: 1 },
      ],
    },
    {
      id: 'SO-2002',
      number: 'SO-2002',
      tote: 'T-0002',
      shipTo: address('Jonas Peeters', 'Meir 50', 'Antwerpen', '2000', 'BE'),
      carrier: 'HOUSE',
      service: 'EXPRESS',
      notes: '',
      gift: true,
      fragile: false,
      status: 'open',
      lines: [
        { lineNo: 1, itemId: demo.items.yoghurt, qty: 1 },
        { lineNo: 2, itemId: demo.items.scanner, qty: 1 },
      ],
    },
  ];
  orders.push({
    id: demo.shippedOrder,
    number: demo.shippedOrder,
    tote: null,
    shipTo: address('Sofia Jansen', 'Lange Voorhout 8', 'Den Haag', '2514 ED', 'NL'),
    carrier: 'HOUSE',
    service: 'STANDARD',
    notes: '',
    gift: false,
    fragile: false,
    status: 'shipped',
    lines: [
      { lineNo: 1, itemId: demo.items.scanner, qty: 2 },
      { lineNo: 2, itemId: demo.items.mug, qty: 2 },
      { lineNo: 3, itemId: demo.items.yoghurt, qty: 1 },
    ],
  });
  for (let n = 3; n <= 40; n++) {
    const [city, postal, country] = rnd.pick(cities);
    const lines = Array.from({ length: rnd.int(1, 5) }, (_, i) => ({
      lineNo: i + 1,
      itemId: rnd.pick(items.slice(6)).id,
      qty: rnd.int(1, 4),
    }));
    orders.push({
      id: `SO-${2000 + n}`,
      number: `SO-${2000 + n}`,
      tote: `T-${String(n).padStart(4, '0')}`,
      shipTo: address(`${rnd.pick(firstNames)} ${String.fromCharCode(65 + (n % 26))}.`, `Main street ${n}`, city, postal, country),
      carrier: rnd.pick(['HOUSE', 'DHL', 'UPS']),
      service: rnd.pick(['STANDARD', 'EXPRESS']),
      notes: '',
      gift: false,
      fragile: false,
      status: 'open',
      lines,
    });
  }

  const cartonTypes: CartonType[] = [
    {
      code: 'ENV-A4',
      description: 'Padded envelope A4',
      innerLengthMm: 300,
      innerWidthMm: 220,
      innerHeightMm: 30,
      tareG: 25,
      maxWeightG: 1000,
      active: true,
    },
    {
      code: 'BOX-S',
      description: 'Box S 250x200x100',
      innerLengthMm: 250,
      innerWidthMm: 200,
      innerHeightMm: 100,
      tareG: 120,
      maxWeightG: 5000,
      active: true,
    },
    {
      code: 'BOX-M',
      description: 'Box M 350x250x200',
      innerLengthMm: 350,
      innerWidthMm: 250,
      innerHeightMm: 200,
      tareG: 220,
      maxWeightG: 12000,
      active: true,
    },
    {
      code: 'BOX-L',
      description: 'Box L 500x400x300',
      innerLengthMm: 500,
      innerWidthMm: 400,
      innerHeightMm: 300,
      tareG: 450,
      maxWeightG: 20000,
      active: true,
    },
    {
      code: 'BOX-XL',
      description: 'Box XL 700x700x600',
      innerLengthMm: 700,
      innerWidthMm: 700,
      innerHeightMm: 600,
      tareG: 900,
      maxWeightG: 30000,
      active: true,
    },
  ];

  const holds: Hold[] = [
    {
      id: 'HOLD-1',
      kind: 'lot',
      itemId: demo.heldLot.item,
      lot: demo.heldLot.lot,
      location: null,
      reason: 'Listeria test pending',
      active: true,
      createdAt: now.toISOString(),
    },
    {
      id: 'HOLD-2',
      kind: 'location',
      itemId: null,
      lot: null,
      location: 'A-03-01-1',
      reason: 'Rack damage, awaiting inspection',
      active: true,
      createdAt: now.toISOString(),
    },
  ];

  const rmas: Rma[] = [
    {
      id: demo.rma.id,
      number: demo.rma.id,
      orderId: demo.shippedOrder,
      customer: 'Sofia Jansen',
      shipmentRefs: [demo.rma.tracking],
      status: 'open',
      lines: [
        { lineNo: 1, itemId: demo.items.scanner, qty: 1 },
        { lineNo: 2, itemId: demo.items.mug, qty: 2 },
        { lineNo: 3, itemId: demo.items.yoghurt, qty: 1 },
      ],
      shipped: [
        ...demo.rma.serials.map((serial) => ({ itemId: demo.items.scanner, lot: null, expiry: null, serial, qty: 1 })),
        { itemId: demo.items.mug, lot: null, expiry: null, serial: null, qty: 2 },
        {
          itemId: demo.items.yoghurt,
          lot: demo.heldLot.lot,
          expiry: isoDate(new Date(now.getTime() + 20 * 86_400_000)),
          serial: null,
          qty: 1,
        },
      ],
    },
  ];

  const countTasks: DemoCountTask[] = [
    {
      id: demo.countTasks.location,
      scope: 'location',
      location: demo.countLocation,
      itemId: null,
      lpn: null,
      blind: null,
      expected: [{ itemId: demo.items.mug, lot: null, qty: 12 }],
    },
    {
      id: demo.countTasks.item,
      scope: 'item',
      location: 'A-01-02-1',
      itemId: demo.items.tape,
      lpn: null,
      blind: false,
      expected: [{ itemId: demo.items.tape, lot: null, qty: 36 }],
    },
  ];

  return { site, operators, items, locations, purchaseOrders, asns, orders, cartonTypes, holds, rmas, countTasks };
}
