/**
 * The `ccmr` command line: `ccmr <noun> <verb>`. Each noun lives in its own file under
 * `app/commands/` and is listed in `app/commands/index.ts`.
 *
 * Exit codes (DESIGN.md): 0 success, 1 the work failed, 2 bad input or usage.
 */
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { exitCodeFor, describeFailure } from './exit-codes.js';

const program = new Command('ccmr')
  .description('CCMR Readiness: College, Career and Military Readiness for Texas districts')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are successful exits; everything else commander raises is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`ccmr: ${describeFailure(error)}\n`);
    process.exitCode = exitCodeFor(error);
  }
}
