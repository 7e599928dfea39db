import type { Command } from 'commander';
import { registerServerCommands } from './server-commands.js';
import { registerTenantCommands } from './tenant-commands.js';
import { registerDemoCommand } from './demo-command.js';
import { registerEvaluateCommands } from './evaluate.js';
import { registerOneRosterCommands } from './oneroster-commands.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerPrivacyCommands } from './privacy-commands.js';
import { registerEvidenceCommands } from './evidence-commands.js';
import { registerSkywardCommands } from './skyward-commands.js';
import { registerLtiCommands } from './lti-commands.js';

/**
 * Every noun of the `ccmr` command line. Each area adds its own `register…Commands` function
 * from its own file here, one line each.
 */
const registrations: Array<(program: Command) => void> = [
  registerServerCommands,
  registerTenantCommands,
  registerDemoCommand,
  registerEvaluateCommands,
  registerOneRosterCommands,
  registerAuditCommands,
  registerPrivacyCommands,
  registerEvidenceCommands,
  registerSkywardCommands,
  registerLtiCommands,
];

export function registerCommands(program: Command): void {
  for (const register of registrations) register(program);
}
