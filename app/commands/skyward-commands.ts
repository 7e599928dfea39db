import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  deliverPending,
  exportSkywardFile,
  getConnectionSummary,
  saveSkywardConnection,
  testSkywardConnection,
} from '../../integrations/skyward/index.js';
import { schoolYearOf } from '../../integrations/evidence/index.js';
import { checkSubmission, SUBMISSION_CHECKS } from '../../integrations/submission-checks/index.js';
import { InputError, resolveTenant } from '../../store/index.js';
import { printSummary, requireOption, runWithContext } from './run-with-context.js';

const CLI_ACTOR = { actorType: 'cli' as const, actorId: 'ccmr-cli' };

interface ConnectOptions {
  tenant?: string;
  host?: string;
  port?: string;
  user?: string;
  keyFile?: string;
  passwordFile?: string;
  folder?: string;
  ackFolder?: string;
  fileName?: string;
  batchWindowSeconds?: string;
  mappingFile?: string;
  hostKey?: string;
}

/** Reads a file named by an option; a missing file is bad input naming the option. */
async function readOptionFile(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new InputError('ERR_SKYWARD_UNREADABLE_FILE', `--${option}: cannot read ${path}`);
  }
}

function parseInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new InputError('ERR_SKYWARD_BAD_SETTING', `--${option} must be a whole number`);
  return Number(value);
}

async function parseMapping(path: string | undefined): Promise<unknown> {
  if (path === undefined) return undefined;
  try {
    return JSON.parse(await readOptionFile(path, 'mapping-file')) as unknown;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('ERR_SKYWARD_BAD_SETTING', `--mapping-file: ${path} is not JSON`);
  }
}

async function connectionInput(options: ConnectOptions): Promise<Record<string, unknown>> {
  if (Boolean(options.keyFile) === Boolean(options.passwordFile)) {
    throw new InputError(
      'ERR_CLI_MISSING_OPTION',
      'give exactly one of --key-file or --password-file',
    );
  }
  return {
    host: requireOption(options.host, 'host'),
    port: parseInteger(options.port, 'port'),
    username: requireOption(options.user, 'user'),
    privateKey: options.keyFile ? await readOptionFile(options.keyFile, 'key-file') : undefined,
    password: options.passwordFile
      ? (await readOptionFile(options.passwordFile, 'password-file')).trim()
      : undefined,
    remoteFolder: requireOption(options.folder, 'folder'),
    ackFolder: options.ackFolder,
    fileNamePattern: options.fileName,
    batchWindowSeconds: parseInteger(options.batchWindowSeconds, 'batch-window-seconds'),
    columnMapping: await parseMapping(options.mappingFile),
    hostKeySha256: options.hostKey,
  };
}

function registerConnect(skyward: Command): void {
  skyward
    .command('connect')
    .description("save the district's Skyward SFTP connection (secret stored encrypted)")
    .option('--tenant <slug>', 'district slug or id')
    .option('--host <host>', 'SFTP host name or address')
    .option('--port <port>', 'SFTP port (default 22)')
    .option('--user <name>', 'SFTP user name')
    .option('--key-file <path>', 'private key file (OpenSSH or PEM)')
    .option('--password-file <path>', 'file holding the password')
    .option('--folder <dir>', 'absolute remote folder Skyward imports from')
    .option('--ack-folder <dir>', 'absolute remote folder Skyward drops acknowledgement files in')
    .option(
      '--file-name <pattern>',
      'file name with {batch} and optional {date} (default ccmr-ibc-{batch}.csv)',
    )
    .option(
      '--batch-window-seconds <n>',
      'wait after a change so a burst travels in one file (default 60)',
    )
    .option('--mapping-file <path>', "JSON column layout matching the district's SkyBuild template")
    .option(
      '--host-key <fingerprint>',
      'expected host key, SHA256:… (default: pin the first one seen)',
    )
    .action(async (options: ConnectOptions) => {
      // Options are checked before the database opens, so a usage error answers at once.
      const input = await connectionInput(options);
      await runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        await context.jobs.start();
        await context.db.withTenant(tenant.id, (tx) =>
          saveSkywardConnection(context, tx, input, CLI_ACTOR),
        );
        context.logger.info({ event: 'skyward.connection.saved', tenantId: tenant.id });
        printSummary({ tenantId: tenant.id, connected: true });
      });
    });
}

function registerTest(skyward: Command): void {
  skyward
    .command('test')
    .description(
      'log in, write and rename a probe file in the folder, remove it; exit 1 on failure',
    )
    .option('--tenant <slug>', 'district slug or id')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const result = await testSkywardConnection(context, tenant.id, CLI_ACTOR);
        context.logger.info({
          event: 'skyward.connection.tested',
          tenantId: tenant.id,
          code: result.code,
        });
        printSummary({ tenantId: tenant.id, ...result });
        if (!result.isOk) process.exitCode = 1;
      }),
    );
}

function registerPush(skyward: Command): void {
  skyward
    .command('push')
    .description('deliver pending certification changes now and read acknowledgements')
    .option('--tenant <slug>', 'district slug or id')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const startedMs = Date.now();
        const { acknowledgements, ...summary } = await deliverPending(context, tenant.id);
        const line = {
          tenantId: tenant.id,
          ...summary,
          ackFiles: acknowledgements.files,
          ackAccepted: acknowledgements.accepted,
          ackRejected: acknowledgements.rejected,
          ackUnmatched: acknowledgements.unmatched,
          ackInvalidFiles: acknowledgements.invalidFiles,
          durationMs: Date.now() - startedMs,
        };
        context.logger.info({ event: 'skyward.delivery.completed', ...line });
        printSummary(line);
      }),
    );
}

function registerExport(skyward: Command): void {
  skyward
    .command('export')
    .description("write every current certification to a local file in the district's layout")
    .option('--tenant <slug>', 'district slug or id')
    .option('--out <file>', 'file to write (created readable by its owner only)')
    .action((options: { tenant?: string; out?: string }) =>
      runWithContext(async (context) => {
        const out = requireOption(options.out, 'out');
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const exported = await exportSkywardFile(context, tenant.id, CLI_ACTOR);
        await writeFile(out, exported.content, { mode: 0o600 });
        context.logger.info({
          event: 'skyward.file.exported',
          tenantId: tenant.id,
          records: exported.records,
        });
        printSummary({ tenantId: tenant.id, records: exported.records, skipped: exported.skipped });
      }),
    );
}

function registerStatus(skyward: Command): void {
  skyward
    .command('status')
    .description('print the connection (never its secret) and delivery counts as one JSON line')
    .option('--tenant <slug>', 'district slug or id')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const summary = await context.db.withTenant(tenant.id, (tx) => getConnectionSummary(tx));
        printSummary({ tenantId: tenant.id, ...summary });
      }),
    );
}

function registerCheck(skyward: Command): void {
  skyward
    .command('check')
    .description(
      `before a PEIMS submission: list certification records that would reach TEA missing or wrong, as JSON lines (${SUBMISSION_CHECKS.join(', ')})`,
    )
    .option('--tenant <slug>', 'district slug or id')
    .option('--school-year <year>', 'the year the school year ends in (default: the current one)')
    .action((options: { tenant?: string; schoolYear?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const schoolYear =
          parseInteger(options.schoolYear, 'school-year') ??
          schoolYearOf(context.now().toISOString().slice(0, 10));
        const report = await context.db.withTenant(tenant.id, (tx) =>
          checkSubmission(tx, CLI_ACTOR, schoolYear, context.now()),
        );
        for (const finding of report.findings) printSummary({ ...finding });
        const count = (severity: string) =>
          report.findings.filter((finding) => finding.severity === severity).length;
        printSummary({
          tenantId: tenant.id,
          schoolYear,
          certifications: report.certifications,
          blocking: count('blocking'),
          warning: count('warning'),
          notice: count('notice'),
        });
      }),
    );
}

/**
 * `ccmr skyward connect|test|push|export|status|check`: the Skyward write-back on the command line.
 * @param program the root command.
 */
export function registerSkywardCommands(program: Command): void {
  const skyward = program
    .command('skyward')
    .description('write certifications back to Skyward over SFTP');
  registerConnect(skyward);
  registerTest(skyward);
  registerPush(skyward);
  registerExport(skyward);
  registerStatus(skyward);
  registerCheck(skyward);
}
