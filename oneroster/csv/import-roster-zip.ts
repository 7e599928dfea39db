import { randomUUID } from 'node:crypto';
import type { TenantTransaction } from '../../store/index.js';
import { CsvImportError } from '../errors.js';
import type { FieldProblem } from '../mapping/wire-fields.js';
import { schoolYearEnding } from '../school-year.js';
import { sweepAbsentDemographicsStep, sweepAbsentStep } from '../store/sweep-absent.js';
import { finishRun, startRun } from '../store/sync-runs.js';
import { prepareAhead } from '../prepare-ahead.js';
import { ENTITY_TABLES, prepareEntityPage, writePreparedPage } from '../store/write-entity-page.js';
import { contentKeyFor, type WriteContext } from '../store/write-context.js';
import {
  addCounts,
  emptyCounts,
  ROSTER_ENTITIES,
  type RosterEntity,
  type SyncCounts,
} from '../sync-counts.js';
import type { SyncEnvironment, SyncSummary } from '../sync-roster.js';
import { readCsvBatches } from './csv-batches.js';
import { COLUMN_OF_FIELD, requiredColumns, rowToRecord, type UserRoles } from './csv-layouts.js';
import { readManifest, type FileMode, type Manifest } from './read-manifest.js';
import { openZipArchive, type ZipArchive } from './zip-archive.js';

/** Rows per batch: as many as a REST page of the benchmark, so fewer statements per row. */
const BATCH_ROWS = 2500;

export interface ImportOptions {
  onProgress?: (progress: { entity: RosterEntity; rows: number }) => void;
}

/**
 * Imports a OneRoster 1.1 or 1.2 CSV zip (manifest.csv and its files, bulk or delta), streamed
 * file by file in one transaction: either all of it is stored, or nothing. Bulk files are full
 * snapshots of their entity (rows absent from them are soft-deleted and audited); delta files
 * change only their rows (`tobedeleted` ones are soft-deleted).
 * @param env database, keys and clock.
 * @param tenantId the district.
 * @param path the zip file.
 * @returns run id and counts per entity.
 * @throws CsvImportError (ERR_ONEROSTER_CSV_…) naming the file, row and column of the first problem.
 * @throws SyncInProgress (ERR_ONEROSTER_SYNC_IN_PROGRESS)
 */
export async function importRosterZip(
  env: SyncEnvironment,
  tenantId: string,
  path: string,
  options: ImportOptions = {},
): Promise<SyncSummary> {
  const zip = await openZipArchive(path);
  try {
    const manifest = await readManifest(zip);
    const runId = randomUUID();
    const now = env.now();
    await env.db.withTenant(tenantId, (tx) => startRun(tx, { id: runId, mode: 'csv', now }));
    const counts = emptyCounts();
    try {
      await env.db.withTenant(tenantId, async (tx) => {
        const cipher = await env.keys.cipherFor(tx);
        const ctx: WriteContext = {
          runId,
          now,
          cipher,
          contentKey: contentKeyFor(cipher),
          marksSeen: true,
          schoolYearEnd: schoolYearEnding(now),
        };
        await importFiles(tx, zip, manifest, ctx, counts, options);
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      await env.db.withTenant(tenantId, (tx) =>
        finishRun(tx, runId, {
          state: 'failed',
          counts: emptyCounts(),
          now: env.now(),
          errorCode: typeof code === 'string' ? code : 'ERR_ONEROSTER_CSV_FAILED',
        }),
      );
      throw error;
    }
    await env.db.withTenant(tenantId, (tx) =>
      finishRun(tx, runId, { state: 'completed', counts, now: env.now() }),
    );
    return { runId, mode: 'csv', counts };
  } finally {
    zip.close();
  }
}

async function importFiles(
  tx: TenantTransaction,
  zip: ZipArchive,
  manifest: Manifest,
  ctx: WriteContext,
  counts: SyncCounts,
  options: ImportOptions,
): Promise<void> {
  const roles =
    manifest.version === '1.2' && manifest.files.users !== 'absent'
      ? await readRoles(zip, manifest.files.roles)
      : undefined;
  for (const entity of ROSTER_ENTITIES) {
    const mode = manifest.files[entity];
    if (mode === 'absent') continue;
    await importFile(
      tx,
      zip,
      { entity, mode, version: manifest.version, roles },
      ctx,
      counts,
      options,
    );
    if (mode === 'bulk') await sweepFile(tx, entity, ctx, counts);
  }
}

async function importFile(
  tx: TenantTransaction,
  zip: ZipArchive,
  file: {
    entity: RosterEntity;
    mode: FileMode;
    version: '1.1' | '1.2';
    roles?: Map<string, UserRoles>;
  },
  ctx: WriteContext,
  counts: SyncCounts,
  options: ImportOptions,
): Promise<void> {
  const name = `${file.entity}.csv`;
  const required = requiredColumns(file.entity, file.version);
  const batches = readCsvBatches(name, await zip.open(name), required, BATCH_ROWS);
  const prepared = prepareAhead(batches, (batch) => {
    const refuse = refuserAt(name, batch.firstRow);
    if (file.mode === 'delta') checkDeltaRows(batch.rows, refuse);
    const records = batch.rows.map((row) => rowToRecord(file.entity, row, file.roles));
    const local = { ...ctx, onDuplicate: duplicateAt(name, batch.firstRow) };
    return { batch, refuse, local, page: prepareEntityPage(file.entity, records, local, refuse) };
  });
  let rows = 0;
  for await (const { batch, refuse, local, page } of prepared) {
    addCounts(counts[file.entity], await writePreparedPage(tx, page, local, refuse));
    rows += batch.rows.length;
    options.onProgress?.({ entity: file.entity, rows });
  }
}

/** Refuses a bad value of a batch, naming the file, row and column. */
function refuserAt(file: string, firstRow: number) {
  return (position: number, problem: FieldProblem): never => {
    throw new CsvImportError(
      'ERR_ONEROSTER_CSV_BAD_VALUE',
      { file, row: firstRow + position, column: COLUMN_OF_FIELD[problem.field] ?? problem.field },
      problem.problem,
    );
  };
}

/** Refuses a sourcedId that an earlier row of the file already had. */
function duplicateAt(file: string, firstRow: number) {
  return (position: number): never => {
    throw new CsvImportError(
      'ERR_ONEROSTER_CSV_DUPLICATE_ID',
      { file, row: firstRow + position, column: 'sourcedId' },
      'repeats a sourcedId of an earlier row',
    );
  };
}

/** Delta files carry status and dateLastModified on every row (OneRoster CSV §2.1.1). */
function checkDeltaRows(
  rows: Record<string, string>[],
  refuse: (position: number, problem: FieldProblem) => never,
): void {
  rows.forEach((row, position) => {
    if (!row.status?.trim())
      refuse(position, { field: 'status', problem: 'is required in a delta file' });
    if (!row.dateLastModified?.trim())
      refuse(position, { field: 'dateLastModified', problem: 'is required in a delta file' });
  });
}

async function sweepFile(
  tx: TenantTransaction,
  entity: RosterEntity,
  ctx: WriteContext,
  counts: SyncCounts,
): Promise<void> {
  for (;;) {
    const deleted =
      entity === 'demographics'
        ? await sweepAbsentDemographicsStep(tx, ctx)
        : await sweepAbsentStep(tx, ENTITY_TABLES[entity], ctx);
    counts[entity].deleted += deleted;
    if (deleted === 0) return;
  }
}

/**
 * The roles of each 1.2 user, from roles.csv, primary role first.
 * Limitation: held in memory (a few dozen bytes per user) because users.csv rows need them and
 * the two files may come in any order; a 200,000-student district needs about 30 MB for it.
 */
async function readRoles(zip: ZipArchive, mode: FileMode): Promise<Map<string, UserRoles>> {
  const roles = new Map<string, UserRoles>();
  if (mode === 'absent') return roles;
  for await (const batch of readCsvBatches(
    'roles.csv',
    await zip.open('roles.csv'),
    requiredColumns('roles', '1.2'),
    BATCH_ROWS,
  )) {
    batch.rows.forEach((row, position) => {
      if (!row.userSourcedId || !row.role) {
        throw new CsvImportError(
          'ERR_ONEROSTER_CSV_BAD_VALUE',
          {
            file: 'roles.csv',
            row: batch.firstRow + position,
            column: row.userSourcedId ? 'role' : 'userSourcedId',
          },
          'is empty',
        );
      }
      if (row.status === 'tobedeleted') return;
      const entry = roles.get(row.userSourcedId) ?? { roles: [] };
      const role = { roleType: row.roleType, role: row.role, org: { sourcedId: row.orgSourcedId } };
      if (row.roleType === 'primary') entry.roles.unshift(role);
      else entry.roles.push(role);
      roles.set(row.userSourcedId, entry);
    });
  }
  return roles;
}
