import type { AppContext } from './app-context.js';
import { startServer, type RunningServer } from './web/start-server.js';

function waitForStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

/** Starts the web server (and workers when configured) and blocks until SIGTERM or SIGINT. */
export async function runServerUntilSignal(
  context: AppContext,
  onListening?: (server: RunningServer) => Promise<void> | void,
): Promise<void> {
  if (context.config.workersInProcess) await context.jobs.runWorkers();
  else await context.jobs.start();
  const server = await startServer(context);
  context.logger.info({ event: 'server.started', url: server.url, database: context.db.kind });
  await onListening?.(server);
  const signal = await waitForStopSignal();
  context.logger.info({ event: 'server.stopping', signal });
  // In-flight requests finish first, then in-flight jobs; the caller closes the database.
  await server.stop();
  await context.jobs.stop(context.config.shutdownGraceMs);
  context.logger.info({ event: 'server.stopped' });
}

/** Runs the job workers and blocks until SIGTERM or SIGINT; jobs in flight finish first. */
export async function runWorkerUntilSignal(context: AppContext): Promise<void> {
  await context.jobs.runWorkers();
  context.logger.info({ event: 'worker.started', database: context.db.kind });
  const signal = await waitForStopSignal();
  context.logger.info({ event: 'worker.stopping', signal });
  await context.jobs.stop(context.config.shutdownGraceMs);
  context.logger.info({ event: 'worker.stopped' });
}
