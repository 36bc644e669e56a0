import type { FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { HttpError } from '../http-error';

/** NUL and unpaired UTF-16 surrogates: PostgreSQL stores neither in text nor in jsonb. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters this refuses.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a parsed value holds a string or key PostgreSQL cannot store: the pass every request takes, building no paths. */
function holdsUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node)) return true;
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) stack.push(node[i]);
    } else if (node !== null && typeof node === 'object') {
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        if (UNSTORABLE.test(key)) return true;
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

/** Where the first string or key PostgreSQL cannot store sits in a parsed value, or null. Iterative, so any depth is fine. */
export function findUnstorableText(value: unknown, root: string): string | null {
  if (!holdsUnstorableText(value)) return null;
  const stack: [unknown, string][] = [[value, root]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, path] = next;
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node)) return path;
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) stack.push([item, `${path}.${i}`]);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (UNSTORABLE.test(key)) return `${path} (a key)`;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/**
 * preValidation hook: a request carrying such text is refused whole, before any handler tries to store it
 * (the database would refuse it half-way, as an internal error, and a station would retry it forever).
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const where =
    findUnstorableText(request.params, 'params') ??
    findUnstorableText(request.query, 'querystring') ??
    findUnstorableText(request.body, 'body');
  if (where === null) return;
  const path = where.length > 200 ? `${where.slice(0, 200)}…` : where;
  const message = 'text may not contain NUL characters or unpaired UTF-16 surrogates';
  throw new HttpError(400, 'invalid_request', `invalid request: ${path}: ${message}`, [{ path, message }]);
}

/** Installs `refuseUnstorableText` on every route. */
export const storableTextPlugin = fastifyPlugin(
  async (app) => {
    app.addHook('preValidation', refuseUnstorableText);
  },
  { name: 'warebench-storable-text' },
);
