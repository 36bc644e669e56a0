import { parseAst } from 'rolldown/parseAst';

/** An ESTree node as the parser gives it: read through guards, never cast blindly. */
export type Node = { type: string; [key: string]: unknown };

export const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

export function parse(code: string, lang: 'js' | 'ts'): Node {
  return parseAst(code, { lang }) as unknown as Node;
}

/** Every node with its chain of ancestors (nearest first). */
export function* walk(node: Node, ancestors: Node[] = []): Generator<{ node: Node; ancestors: Node[] }> {
  yield { node, ancestors };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) if (isNode(child)) yield* walk(child, [node, ...ancestors]);
  }
}

export const nodes = (root: Node, type: string) => [...walk(root)].filter(({ node }) => node.type === type);

/** The key of an object property, whether written as identifier or string. */
export function propertyKey(p: Node): string | null {
  if (p.type !== 'Property') return null;
  const key = p.key;
  if (!isNode(key)) return null;
  if (key.type === 'Identifier') return String(key.name);
  if (key.type === 'Literal') return String(key.value);
  return null;
}

/** Literal value of a node (true, false, 'text', 1), or undefined when it is not a plain literal. */
export function literal(n: unknown): unknown {
  if (!isNode(n)) return undefined;
  if (n.type === 'Literal') return n.value;
  // Minifiers write !0 / !1 for true / false.
  if (n.type === 'UnaryExpression' && n.operator === '!' && isNode(n.argument) && n.argument.type === 'Literal') return !n.argument.value;
  return undefined;
}

/** An object literal's properties as key -> value node. */
export function objectProperties(obj: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const props = Array.isArray(obj.properties) ? obj.properties : [];
  for (const p of props) {
    if (!isNode(p)) continue;
    const key = propertyKey(p);
    if (key !== null && isNode(p.value)) out.set(key, p.value);
  }
  return out;
}

/** Name of the called member for `a.b.c(...)` → "c", or of the function for `f(...)` → "f". */
export function calleeName(call: Node): string | null {
  const callee = call.callee;
  if (!isNode(callee)) return null;
  if (callee.type === 'Identifier') return String(callee.name);
  if (callee.type === 'MemberExpression' && isNode(callee.property) && callee.property.type === 'Identifier')
    return String(callee.property.name);
  return null;
}

export const callsNamed = (root: Node, name: string) => nodes(root, 'CallExpression').filter(({ node }) => calleeName(node) === name);

export const args = (call: Node): Node[] => (Array.isArray(call.arguments) ? call.arguments.filter(isNode) : []);

/** Every string literal and template text in a tree. */
export function strings(root: Node): string[] {
  const out: string[] = [];
  for (const { node } of walk(root)) {
    if (node.type === 'Literal' && typeof node.value === 'string') out.push(node.value);
    if (node.type === 'TemplateElement' && isNode(node.value as unknown) === false) {
      const v = node.value as { cooked?: string; raw?: string } | undefined;
      if (v?.cooked) out.push(v.cooked);
    }
  }
  return out;
}

/** Whether any identifier or member property in the tree has this name. */
export function mentions(root: Node, name: string): boolean {
  for (const { node } of walk(root)) {
    if (node.type === 'Identifier' && node.name === name) return true;
  }
  return false;
}
