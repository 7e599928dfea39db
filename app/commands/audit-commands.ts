import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { resolveTenant } from '../../store/index.js';
import {
  exportAuditLog,
  verifyAuditChain,
  recordAuditCheckpoint,
  PrivacyInputError,
} from '../../privacy/index.js';
import { runWithContext, printSummary, requireOption } from './run-with-context.js';

const anchorSchema = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Reads the anchor a district kept: an audit export (its `anchor`) or a bare checkpoint.
 * @throws PrivacyInputError (ERR_PRIVACY_BAD_CHECKPOINT) naming the file.
 */
async function readAnchor(path: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new PrivacyInputError(
      'ERR_PRIVACY_BAD_CHECKPOINT',
      `${path} is not a readable JSON file`,
    );
  }
  const candidate = (parsed as { anchor?: unknown })?.anchor ?? parsed;
  const result = anchorSchema.safeParse(candidate);
  if (!result.success) {
    throw new PrivacyInputError(
      'ERR_PRIVACY_BAD_CHECKPOINT',
      `${path} holds no checkpoint (seq, hash, signature)`,
    );
  }
  return result.data;
}

/**
 * Parses an ISO 8601 instant option.
 * @throws PrivacyInputError (ERR_PRIVACY_BAD_WINDOW) naming the option.
 */
export function parseInstant(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new PrivacyInputError(
      'ERR_PRIVACY_BAD_WINDOW',
      `--${name} must be an ISO 8601 date or instant`,
    );
  }
  return at;
}

/** `ccmr audit verify|export|checkpoint`: the district audit trail's integrity and export. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description("verify and export a district's audit trail");
  audit
    .command('verify')
    .description(
      'recompute the hash chain; exit 1 when an entry was edited, deleted, reordered or cut off',
    )
    .option('--tenant <slug|id>', 'the district')
    .option('--anchor <file>', 'an audit export or checkpoint the district kept')
    .action((options: { tenant?: string; anchor?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const anchor = options.anchor ? await readAnchor(options.anchor) : undefined;
        const report = await verifyAuditChain(context.db, context.keys, tenant.id, { anchor });
        context.logger.info({
          event: 'audit.chain.verified',
          tenantId: tenant.id,
          isIntact: report.isIntact,
          entries: report.entryCount,
        });
        printSummary({ ...report });
        if (!report.isIntact) process.exitCode = 1;
      }),
    );
  audit
    .command('export')
    .description("write the district's audit log (JSON, with a signed anchor to keep)")
    .option('--tenant <slug|id>', 'the district')
    .option('--out <file>', 'where to write the export')
    .option('--from <iso>', 'first instant included')
    .option('--to <iso>', 'first instant excluded')
    .action((options: { tenant?: string; out?: string; from?: string; to?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const out = requireOption(options.out, 'out');
        const exported = await exportAuditLog(context.db, context.keys, tenant.id, {
          from: parseInstant(options.from, 'from'),
          to: parseInstant(options.to, 'to'),
          actor: { actorType: 'cli', actorId: 'operator' },
          now: context.now(),
        });
        await writeFile(out, `${JSON.stringify(exported, null, 2)}\n`, { mode: 0o600 });
        context.logger.info({
          event: 'audit.log.exported',
          tenantId: tenant.id,
          events: exported.events.length,
        });
        printSummary({
          tenantId: tenant.id,
          events: exported.events.length,
          anchor: exported.anchor,
          isIntact: exported.verification.isIntact,
        });
      }),
    );
  audit
    .command('checkpoint')
    .description('sign the current head of the chain (run it on a schedule)')
    .option('--tenant <slug|id>', 'the district')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const checkpoint = await recordAuditCheckpoint(
          context.db,
          context.keys,
          tenant.id,
          context.now(),
        );
        printSummary({ tenantId: tenant.id, checkpoint });
      }),
    );
}
