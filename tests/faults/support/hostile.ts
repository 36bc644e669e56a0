import fc from 'fast-check';

/** Strings people and attackers send: SQL, ZPL control, NUL and lone surrogates, huge, path tricks, unicode. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE items; --",
    "' OR '1'='1",
    '1; SELECT pg_sleep(5)',
    '^XA^FO50,50^FDboom^FS^XZ',
    '^XA~JR',
    '~JA~HS',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\ufffe\uffff',
    '\u202eevil',
    '\u001d\u001d',
    '../../etc/passwd',
    '%00',
    '%ff%fe',
    '%s%s%n',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant as plain text
    '${7*7}{{7*7}}',
    '<script>alert(1)</script>',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧨',
    '1e309',
    '-0',
    'NaN',
    '__proto__',
    '',
    ' ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 2000, maxLength: 30_000 }),
);

/** Short pieces to hide inside otherwise valid text: what a database, a label printer or a terminal chokes on. */
export const hostileFragment: fc.Arbitrary<string> = fc.constantFrom(
  '\u0000',
  '\ud800',
  '\udc00',
  '\udbff\u0041',
  "'--",
  "'; DROP TABLE items; --",
  '^XA~JR',
  '^FS^XZ',
  '\u202e',
  '\u001d',
  '\r\n',
  '\\',
  '%',
  '🧨',
  '\ufeff',
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, hostile at every leaf, a few levels deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('id', 'siteId', 'items', 'ops', 'code', 'qty', 'limit', 'cursor', '__proto__', 'constructor', 'prototype'),
        fc.string({ maxLength: 8 }),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** JSON text nested `depth` levels deep: arrays or objects. */
export function nestedJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Bodies that are not JSON a parser should take: broken, deep, invalid UTF-8, NUL escapes. */
export const hostileRawBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":}',
    '[1,]',
    "'; DROP TABLE items; --",
    '^XA~JR^XZ',
    'null',
    '""',
    '[]',
    '1e309',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '\u0000',
  ),
  fc.constantFrom(64, 2_000, 200_000).chain((depth) => fc.constantFrom(nestedJson(depth, 'array'), nestedJson(depth, 'object'))),
  fc.constantFrom(
    new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
    new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    new Uint8Array([0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]),
  ),
  fc.constantFrom('{"siteName":"\\u0000"}', '{"reason":"\\ud800"}', '{"a":"\\u0000\\u0000"}'),
);

/** Leaf paths of a JSON value (arrays and objects walked). */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [prefix] : [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? [prefix] : [prefix, ...entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  }
  return [prefix];
}

/** Paths of the plain objects inside a JSON value, the value itself included. */
function objectPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...prefix, i]));
  if (value !== null && typeof value === 'object')
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...prefix, k]))];
  return [];
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

function setAt(
  root: unknown,
  path: (string | number)[],
  update: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy: unknown = structuredClone(root);
  if (path.length === 0) return copy;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  update(node, path.at(-1) as string | number);
  return copy;
}

/** A valid template, or one changed where it hurts: a field hostile, a field gone, an extra field, a wrong type. */
export function nearlyValid(template: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(template);
  const inner = paths.filter((p) => p.length > 0);
  const objects = objectPaths(template);
  const strings = paths.filter((p) => p.length > 0 && typeof valueAt(template, p) === 'string');
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(template),
    fc
      .tuple(fc.constantFrom(...paths), hostileValue)
      .map(([path, value]) => (path.length === 0 ? value : setAt(template, path, (parent, key) => (parent[key] = value)))),
    fc
      .tuple(fc.constantFrom(...paths), hostileString)
      .map(([path, value]) => (path.length === 0 ? value : setAt(template, path, (parent, key) => (parent[key] = value)))),
  ];
  if (strings.length > 0) {
    // The same field, still text and about as long, with a hostile piece inside: passes type checks, reaches the database.
    const spiked = fc.tuple(fc.constantFrom(...strings), hostileFragment).map(([path, fragment]) =>
      setAt(template, path, (parent, key) => {
        const original = String(parent[key]);
        parent[key] = original.length > fragment.length ? `${fragment}${original.slice(fragment.length)}` : `${fragment}${original}`;
      }),
    );
    options.push(spiked, spiked);
  }
  if (inner.length > 0) {
    options.push(
      fc.constantFrom(...inner).map((path) =>
        setAt(template, path, (parent, key) => {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
        }),
      ),
    );
  }
  if (objects.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...objects), fc.constantFrom('extra', '__proto__', 'constructor', 'siteId', 'id'), hostileValue)
        .map(([path, key, value]) => {
          const copy: unknown = structuredClone(template);
          let node = copy as Record<string | number, unknown>;
          for (const step of path) node = node[step] as Record<string | number, unknown>;
          // defineProperty: an own "__proto__" key that JSON.stringify sends as is.
          Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
          return copy;
        }),
    );
  }
  return fc.oneof(...options);
}
