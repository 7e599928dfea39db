import type { Command } from 'commander';
import { migrate } from '../../store/index.js';
import { runWithContext, printSummary } from './run-with-context.js';
import { runServerUntilSignal, runWorkerUntilSignal } from '../process-lifecycle.js';

/** `ccmr serve`, `ccmr worker`, `ccmr migrate`. */
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('run the web server (and, in embedded mode, the job workers)')
    .action(() => runWithContext((context) => runServerUntilSignal(context)));

  program
    .command('worker')
    .description('run the background job workers until SIGTERM')
    .action(() => runWithContext((context) => runWorkerUntilSignal(context)));

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(() =>
      runWithContext(async (context) => {
        // Opening the context already migrated; a second pass reports nothing left to apply.
        const pending = await migrate(context.db);
        printSummary({ database: context.db.kind, applied: pending.length, upToDate: true });
      }),
    );
}
