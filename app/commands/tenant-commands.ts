import type { Command } from 'commander';
import { createTenant, listTenants } from '../../store/index.js';
import { runWithContext, printSummary, requireOption } from './run-with-context.js';

/** `ccmr tenant create|list` and `ccmr keys rotate`. */
export function registerTenantCommands(program: Command): void {
  const tenant = program.command('tenant').description('manage districts (tenants)');
  tenant
    .command('create')
    .description('create a district with its own data key (idempotent by slug)')
    .option('--slug <slug>', 'short name used by --tenant, e.g. round-rock-isd')
    .option('--name <name>', 'display name, e.g. "Round Rock ISD"')
    .action((options: { slug?: string; name?: string }) =>
      runWithContext(async (context) => {
        const slug = requireOption(options.slug, 'slug');
        const { tenant: created, created: isNew } = await createTenant(context.db, context.keys, {
          slug,
          name: options.name ?? slug,
        });
        printSummary({ id: created.id, slug: created.slug, created: isNew });
      }),
    );
  tenant
    .command('list')
    .description('list districts as JSON lines')
    .action(() =>
      runWithContext(async (context) => {
        for (const row of await listTenants(context.db)) {
          printSummary({ id: row.id, slug: row.slug, name: row.name, status: row.status });
        }
      }),
    );

  program
    .command('keys')
    .description('manage encryption keys')
    .command('rotate')
    .description(
      're-wrap every district data key under MASTER_KEY; keep the old key in MASTER_KEYS_RETIRED until done',
    )
    .action(() =>
      runWithContext(async (context) => {
        const { rewrapped, unreadableTenantIds } = await context.keys.rewrapAll(context.db);
        printSummary({ rewrapped, unreadable: unreadableTenantIds });
        // A district whose key no configured master key opens is a failure of the work.
        if (unreadableTenantIds.length > 0) process.exitCode = 1;
      }),
    );
}
