import type { Command } from 'commander';
import { runWithContext } from './run-with-context.js';
import { runServerUntilSignal } from '../process-lifecycle.js';
import { seedDemo } from '../demo/seed-demo.js';
import { stopDemoPeers } from '../demo/demo-peers.js';
import { demoLandingPath } from '../demo/demo-landing.js';
import { serializeError } from '../logger.js';

/**
 * `ccmr demo`: the embedded server with the demo district, as `npm start` runs it. The server
 * answers at once; the district is generated behind it and the demo page shows its progress.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('start the product on the embedded database with a generated demo district')
    .action(() =>
      runWithContext(async (context) => {
        if (!context.config.demo) {
          process.stderr.write('ccmr: the demo is disabled (DEMO=false or production mode)\n');
          process.exitCode = 2;
          return;
        }
        try {
          await runServerUntilSignal(context, (server) => {
            process.stderr.write(
              `\nCCMR Readiness demo is running.\nOpen ${context.config.publicUrl}${demoLandingPath} ` +
                `(listening on ${server.url}). Stop with Ctrl+C.\n\n`,
            );
            seedDemo(context).catch((error: unknown) =>
              context.logger.error({ event: 'demo.seed.failed', err: serializeError(error) }),
            );
          });
        } finally {
          await stopDemoPeers();
        }
      }),
    );
}
