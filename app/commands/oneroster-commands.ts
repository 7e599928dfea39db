import type { Command } from 'commander';
import {
  importRosterZip,
  OneRosterClient,
  clientOptionsFor,
  saveConnection,
  syncRoster,
  validateConnection,
  type SyncCounts,
  type SyncProgress,
} from '../../oneroster/index.js';
import { resolveTenant } from '../../store/index.js';
import type { AppContext } from '../app-context.js';
import { printSummary, requireOption, runWithContext } from './run-with-context.js';

interface ConnectOptions {
  tenant?: string;
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  version?: string;
  tokenUrl?: string;
  scope?: string[];
}

/** Writes progress to standard error and the log at most every `everyMs`, and at 100 %. */
function progressReporter(context: AppContext, tenantId: string, everyMs = 2000) {
  let last = 0;
  return (p: SyncProgress) => {
    const at = Date.now();
    if (at - last < everyMs && p.percent < 100) return;
    last = at;
    process.stderr.write(`oneroster: ${p.entity} ${p.processed}/${p.total} (${p.percent}%)\n`);
    context.logger.info({
      event: 'roster.sync.progress',
      tenantId,
      runId: p.runId,
      entity: p.entity,
      processed: p.processed,
      total: p.total,
      percent: p.percent,
    });
  };
}

/** Logs the end of a run: ids, mode, counts and duration only. */
function logCompleted(
  context: AppContext,
  tenantId: string,
  run: { runId: string; mode: string; counts: SyncCounts },
  startedMs: number,
) {
  context.logger.info({
    event: 'roster.sync.completed',
    tenantId,
    runId: run.runId,
    mode: run.mode,
    counts: run.counts,
    durationMs: Date.now() - startedMs,
  });
}

/** `ccmr oneroster connect|sync|import`. */
export function registerOneRosterCommands(program: Command): void {
  const oneroster = program
    .command('oneroster')
    .description('roster a district from its OneRoster provider or CSV files');

  oneroster
    .command('connect')
    .description('save (encrypted) and check the district’s OneRoster provider connection')
    .option('--tenant <slug>', 'district slug or id')
    .option('--base-url <url>', "the provider's root URL (the /ims/oneroster/… path is added)")
    .option('--client-id <id>', 'OAuth client id (1.1: consumer key)')
    .option('--client-secret <secret>', 'OAuth client secret (1.1: consumer secret)')
    .option('--version <version>', 'OneRoster version: 1.1 or 1.2')
    .option(
      '--token-url <url>',
      'OAuth 2.0 token endpoint (required for 1.2; for 1.1 selects OAuth 2.0)',
    )
    .option(
      '--scope <scope...>',
      'OAuth 2.0 scopes (default: roster-core and roster-demographics readonly)',
    )
    .action((options: ConnectOptions) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const connection = validateConnection({
          version: requireOption(options.version, 'version'),
          baseUrl: requireOption(options.baseUrl, 'base-url'),
          clientId: requireOption(options.clientId, 'client-id'),
          clientSecret: requireOption(options.clientSecret, 'client-secret'),
          tokenUrl: options.tokenUrl,
          scopes: options.scope,
        });
        // Prove the credentials before saving them: one request for the number of orgs.
        const orgs = await new OneRosterClient(clientOptionsFor(connection)).count('orgs');
        await context.db.withTenant(tenant.id, async (tx) =>
          saveConnection(tx, await context.keys.cipherFor(tx), connection, context.now()),
        );
        context.logger.info({
          event: 'roster.connection.saved',
          tenantId: tenant.id,
          version: connection.version,
          authKind: connection.authKind,
        });
        printSummary({
          tenantId: tenant.id,
          version: connection.version,
          authKind: connection.authKind,
          orgs: orgs ?? null,
        });
      }),
    );

  oneroster
    .command('sync')
    .description('synchronise the roster: delta since the last sync, or --full')
    .option('--tenant <slug>', 'district slug or id')
    .option('--full', 'fetch everything and soft-delete what the provider no longer has')
    .action((options: { tenant?: string; full?: boolean }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const started = Date.now();
        const run = await syncRoster(context, tenant.id, {
          full: options.full,
          onProgress: progressReporter(context, tenant.id),
        });
        logCompleted(context, tenant.id, run, started);
        printSummary(run.counts);
      }),
    );

  oneroster
    .command('import')
    .description('import a OneRoster 1.1 or 1.2 CSV zip (bulk or delta), all or nothing')
    .option('--tenant <slug>', 'district slug or id')
    .argument('<file>', 'the zip file')
    .action((file: string, options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const started = Date.now();
        const run = await importRosterZip(context, tenant.id, file, {
          onProgress: (p) => process.stderr.write(`oneroster: ${p.entity}.csv ${p.rows} rows\n`),
        });
        logCompleted(context, tenant.id, run, started);
        printSummary(run.counts);
      }),
    );
}
