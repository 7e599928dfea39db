import type { Express } from 'express';

/** One entry of the application's routing table: `GET /widgets/student-card`, `STATIC /lti/assets`. */
export type RouteKey = string;

interface Layer {
  name: string;
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}${path === '/' ? '' : path}`;
  return joined === '' ? '/' : joined;
}

function walk(stack: Layer[], prefix: string, found: Set<RouteKey>): void {
  for (const layer of stack) {
    const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        found.add(`${method.toUpperCase()} ${join(prefix, layer.route.path)}`);
      }
    } else if (layer.handle.stack) {
      walk(layer.handle.stack, join(prefix, mount).replace(/^\/$/, ''), found);
    } else if (layer.name === 'mounted_app') {
      // A sub-application is opaque from here: it gets one row for its mount path.
      found.add(`APP ${join(prefix, mount)}`);
    } else if (layer.name === 'serveStatic') {
      found.add(`STATIC ${join(prefix, mount)}`);
    }
  }
}

/**
 * Lists every route the Express application answers, by walking its router stack: routes with
 * their methods, static folders and mounted sub-applications. Plain middleware is not a route.
 * @param app the application from createWebApp.
 * @returns the route keys, sorted.
 */
export function listAppRoutes(app: Express): RouteKey[] {
  const found = new Set<RouteKey>();
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', found);
  return [...found].sort();
}
