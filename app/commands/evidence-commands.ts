import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  EvidenceRowsRejected,
  IMPORT_TYPES,
  importEvidenceFile,
  listUnmatchedRows,
  reconcileTracker,
  saveColumnMapping,
  layoutFor,
} from '../../integrations/evidence/index.js';
import { importIbcListFile } from '../../integrations/ibc-list/index.js';
import { InputError, resolveTenant } from '../../store/index.js';
import { recomputeResults } from '../results/index.js';
import { printSummary, requireOption, runWithContext } from './run-with-context.js';

const CLI_ACTOR = { actorType: 'cli' as const, actorId: 'ccmr-cli' };

async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError('ERR_EVIDENCE_UNREADABLE_FILE', `cannot read ${path}`, {
      detail: (error as NodeJS.ErrnoException).code,
    });
  }
}

/** Prints each row problem on standard error: file, row, column, code (no cell values). */
function printIssues(error: EvidenceRowsRejected): void {
  for (const issue of error.issues) {
    process.stderr.write(
      `${issue.file} row ${issue.row} column ${issue.column}: ${issue.code} ${issue.message}\n`,
    );
  }
}

interface ImportOptions {
  tenant?: string;
  type?: string;
  dryRun?: boolean;
  requireMatch?: boolean;
}

async function runImport(file: string, options: ImportOptions): Promise<void> {
  const type = requireOption(options.type, 'type');
  layoutFor(type);
  const content = await readInputFile(file);
  await runWithContext(async (context) => {
    const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
    await context.jobs.start();
    try {
      const summary = await importEvidenceFile(context, tenant.id, {
        type,
        fileName: basename(file),
        content,
        isDryRun: options.dryRun,
        requireMatch: options.requireMatch,
        actor: CLI_ACTOR,
      });
      const { unmatchedRows, ...counts } = summary;
      for (const row of unmatchedRows)
        process.stderr.write(`row ${row.row}: unmatched (${row.reason})\n`);
      context.logger.info({ event: 'evidence.import.completed', tenantId: tenant.id, ...counts });
      printSummary(counts);
    } catch (error) {
      if (error instanceof EvidenceRowsRejected) {
        printIssues(error);
        const { unmatchedRows: _rows, ...counts } = error.summary ?? {};
        printSummary({ ...counts, rejected: true });
      }
      throw error;
    }
  });
}

/**
 * `ccmr evidence import|mapping|unmatched|reconcile|recompute|ibc-list load`: evidence intake on the
 * command line.
 *
 * @param program - the root command.
 */
export function registerEvidenceCommands(program: Command): void {
  const evidence = program
    .command('evidence')
    .description('import readiness evidence and reconcile with TEA');
  evidence
    .command('import')
    .description(`import an evidence file (types: ${IMPORT_TYPES.join(', ')})`)
    .argument('<file>', 'CSV file in the layout of docs/evidence-layouts.md')
    .option('--tenant <slugOrId>', 'district')
    .option('--type <type>', 'file type')
    .option('--dry-run', 'validate and match only; write nothing')
    .option('--require-match', 'refuse the file when any row matches no student with certainty')
    .action(runImport);

  evidence
    .command('mapping')
    .description('save the column mapping (JSON: template column → file column) for a file type')
    .argument('<file>', 'JSON file')
    .option('--tenant <slugOrId>', 'district')
    .option('--type <type>', 'file type')
    .action(async (file: string, options: { tenant?: string; type?: string }) => {
      const type = requireOption(options.type, 'type');
      const layout = layoutFor(type);
      let mapping: unknown;
      try {
        mapping = JSON.parse((await readInputFile(file)).toString('utf8'));
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError('ERR_EVIDENCE_BAD_MAPPING', `${file}: not JSON`);
      }
      if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) {
        throw new InputError('ERR_EVIDENCE_BAD_MAPPING', `${file}: must hold a JSON object`);
      }
      await runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        await context.db.withTenant(tenant.id, (tx) =>
          saveColumnMapping(tx, layout.type, mapping as Record<string, unknown>, context.now()),
        );
        printSummary({ type: layout.type, columns: Object.keys(mapping as object).length });
      });
    });

  evidence
    .command('unmatched')
    .description('list open unmatched rows as JSON lines (ids and reasons; no personal data)')
    .option('--tenant <slugOrId>', 'district')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const rows = await context.db.withTenant(tenant.id, (tx) => listUnmatchedRows(tx));
        for (const row of rows) {
          const { payload: _payload, ...listed } = row;
          printSummary(listed);
        }
        printSummary({ open: rows.length });
      }),
    );

  evidence
    .command('reconcile')
    .description('list every disagreement between the last TEA CCMR Tracker file and our results')
    .option('--tenant <slugOrId>', 'district')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const report = await context.db.withTenant(tenant.id, (tx) =>
          reconcileTracker(tx, CLI_ACTOR, context.now()),
        );
        for (const disagreement of report.disagreements) printSummary({ ...disagreement });
        printSummary({ students: report.students, disagreements: report.disagreements.length });
      }),
    );

  evidence
    .command('recompute')
    .description("recompute every student's CCMR result now (normally done by the job queue)")
    .option('--tenant <slugOrId>', 'district')
    .action((options: { tenant?: string }) =>
      runWithContext(async (context) => {
        const tenant = await resolveTenant(context.db, requireOption(options.tenant, 'tenant'));
        const summary = await recomputeResults(context, tenant.id);
        printSummary({ evaluated: summary.evaluated, changed: summary.changed });
      }),
    );

  evidence
    .command('ibc-list')
    .description('the TEA IBC list')
    .command('load')
    .description('load a version of the TEA IBC list (CSV: code,name,vendor,lists)')
    .argument('<file>', 'CSV file')
    .option('--version <label>', 'version label, e.g. 2025-2030-v2')
    .action(async (file: string, options: { version?: string }) => {
      const version = requireOption(options.version, 'version');
      const content = await readInputFile(file);
      await runWithContext(async (context) => {
        const loaded = await importIbcListFile(
          context.db,
          { version, file: basename(file), content },
          context.now(),
        );
        printSummary(loaded);
      });
    });
}
