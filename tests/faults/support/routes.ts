import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** Fastify's path, with `:param` and `*`. */
  path: string;
}

const LINE = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/u;

/** Every route of a Fastify instance, read from its route tree (`printRoutes({ commonPrefix: false })`). */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const stack = [''];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`cannot read the route tree line "${line}"`);
    const depth = [...(match[1] ?? '')].length / 4;
    const path = `${stack[depth - 1] ?? ''}${match[2] ?? ''}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean))
      routes.push({ method, path });
  }
  return routes;
}

/** The names of a route's path parameters (`*` for the wildcard). */
export function paramsOf(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)|\*/g)].map((m) => m[1] ?? '*');
}
