import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app-context.js';
import { createWebApp } from './create-web-app.js';

export interface RunningServer {
  server: Server;
  /** Base URL the server answers on, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes idle ones. */
  stop(): Promise<void>;
}

/** Starts the web server on the configured host and port (port 0 picks a free one). */
export async function startServer(context: AppContext): Promise<RunningServer> {
  const app = await createWebApp(context);
  const server = createServer(app);
  // Slow clients must not hold sockets forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(context.config.port, context.config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const deadline = setTimeout(
          () => server.closeAllConnections(),
          context.config.shutdownGraceMs,
        );
        deadline.unref();
      }),
  };
}
