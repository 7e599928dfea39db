import { loadConfig, ConfigError, type Config } from '../config.js';
import { openAppContext, type AppContext } from '../app-context.js';
import { InputError } from '../../store/index.js';

/**
 * Loads the configuration, opens the application context, runs `work`, and closes everything.
 * A configuration problem is reported in full and ends the process with exit code 1.
 */
export async function runWithContext<T>(
  work: (context: AppContext) => Promise<T>,
  overrides: Partial<Config> = {},
): Promise<T> {
  let config: Readonly<Config>;
  try {
    config = { ...loadConfig(), ...overrides };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`ccmr: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const context = await openAppContext(config);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** Prints the one JSON summary line a long-running command ends with. */
export function printSummary(summary: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/**
 * Checks that a required option is present.
 * @throws InputError (ERR_CLI_MISSING_OPTION) naming the option.
 */
export function requireOption<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '') {
    throw new InputError('ERR_CLI_MISSING_OPTION', `option --${name} is required`);
  }
  return value;
}
