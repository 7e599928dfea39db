import { randomUUID } from 'node:crypto';
import type { Database, TenantKeys, TenantTransaction } from '../store/index.js';
import { OneRosterClient, type OneRosterClientOptions } from './client/oneroster-client.js';
import { clientOptionsFor, loadConnection } from './connection.js';
import { SyncAborted } from './errors.js';
import { schoolYearEnding } from './school-year.js';
import { prepareAhead } from './prepare-ahead.js';
import { ENTITY_TABLES, prepareEntityPage, writePreparedPage } from './store/write-entity-page.js';
import { finishRun, recordProgress, startRun, type SyncMode } from './store/sync-runs.js';
import { sweepAbsentDemographicsStep, sweepAbsentStep } from './store/sweep-absent.js';
import { contentKeyFor, type WriteContext } from './store/write-context.js';
import {
  addCounts,
  emptyCounts,
  ROSTER_ENTITIES,
  type RosterEntity,
  type SyncCounts,
} from './sync-counts.js';

/** What a sync needs of the application: the database, the keys and the clock. */
export interface SyncEnvironment {
  db: Database;
  keys: TenantKeys;
  now: () => Date;
}

/** Progress after each page. */
export interface SyncProgress {
  runId: string;
  mode: SyncMode;
  entity: RosterEntity | 'deletions';
  processed: number;
  total: number;
  percent: number;
  pages: number;
}

export interface SyncOptions {
  /** Fetch everything and soft-delete what is absent; the default is delta when a watermark exists. */
  full?: boolean;
  /** Stops the sync between requests or pages; what was written stays and a rerun completes it. */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Client settings beyond the stored connection (page size, retry policy, concurrency, clock). */
  client?: Partial<Omit<OneRosterClientOptions, 'version' | 'baseUrl' | 'auth'>>;
  /** A delta asks for records modified this long before the watermark, for clock skew. */
  deltaOverlapMs?: number;
}

/** The outcome of a completed sync. */
export interface SyncSummary {
  runId: string;
  mode: SyncMode;
  counts: SyncCounts;
}

/** Tables swept for absent records after a full snapshot: dependants first. */
const SWEEP_ORDER = [
  'enrollments',
  'classes',
  'courses',
  'academicSessions',
  'users',
  'orgs',
] as const;

async function openRun(
  env: SyncEnvironment,
  tenantId: string,
  runId: string,
  options: SyncOptions,
) {
  return env.db.withTenant(tenantId, async (tx) => {
    const cipher = await env.keys.cipherFor(tx);
    const connection = await loadConnection(tx, cipher);
    const requested = options.full ? 'full' : 'delta';
    const { watermark } = await startRun(tx, { id: runId, mode: requested, now: env.now() });
    // The mode is fixed before the run row is read by anyone: no watermark yet means full.
    const mode: SyncMode = requested === 'delta' && watermark ? 'delta' : 'full';
    if (mode !== requested)
      await tx.query('UPDATE oneroster_sync_runs SET mode = $3 WHERE tenant_id = $1 AND id = $2', [
        tenantId,
        runId,
        mode,
      ]);
    return { cipher, connection, mode, watermark };
  });
}

/**
 * Synchronises a district's roster from its OneRoster provider: orgs, academic sessions,
 * courses, classes, users (with their `students` rows), enrollments and demographics, page by
 * page, each page upserted in its own transaction with the run's progress. A full sync then
 * soft-deletes (and audits) what the provider no longer has; a delta asks only for records
 * modified since the last successful sync. One sync per district at a time. A sync stopped at any
 * point leaves consistent data, and running it again ends in the same state as an uninterrupted one.
 * @param env database, keys and clock (an AppContext fits).
 * @param tenantId the district.
 * @returns the run id, mode and counts per entity.
 * @throws OneRosterNotConnected (ERR_ONEROSTER_NOT_CONNECTED), SyncInProgress
 *   (ERR_ONEROSTER_SYNC_IN_PROGRESS), SyncAborted (ERR_ONEROSTER_ABORTED), OneRosterRequestFailed
 *   (ERR_ONEROSTER_AUTH, _PROVIDER, _UNREACHABLE, _BAD_QUERY, _BAD_RESPONSE).
 */
export async function syncRoster(
  env: SyncEnvironment,
  tenantId: string,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const runId = randomUUID();
  const startedAt = env.now();
  const { cipher, connection, mode, watermark } = await openRun(env, tenantId, runId, options);
  const counts = emptyCounts();
  try {
    const client = new OneRosterClient({ ...clientOptionsFor(connection), ...options.client });
    const ctx: WriteContext = {
      runId,
      now: startedAt,
      cipher,
      contentKey: contentKeyFor(cipher),
      marksSeen: mode === 'full',
      schoolYearEnd: schoolYearEnding(startedAt),
    };
    const since =
      watermark && mode === 'delta'
        ? new Date(watermark.getTime() - (options.deltaOverlapMs ?? 60_000))
        : null;
    const filter = since ? `dateLastModified>'${since.toISOString()}'` : undefined;
    await loadEntities(env, tenantId, { client, ctx, filter, counts, mode, options });
    if (mode === 'full') await sweepAbsent(env, tenantId, ctx, counts, options.signal);
    await env.db.withTenant(tenantId, (tx) =>
      finishRun(tx, runId, { state: 'completed', counts, now: env.now(), watermark: startedAt }),
    );
    return { runId, mode, counts };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    await env.db.withTenant(tenantId, (tx) =>
      finishRun(tx, runId, {
        state: 'failed',
        counts,
        now: env.now(),
        errorCode: typeof code === 'string' ? code : 'ERR_ONEROSTER_SYNC_FAILED',
      }),
    );
    throw error;
  }
}

interface LoadPlan {
  client: OneRosterClient;
  ctx: WriteContext;
  filter?: string;
  counts: SyncCounts;
  mode: SyncMode;
  options: SyncOptions;
}

/**
 * Pages of one entity written at once, each in its own transaction: while PostgreSQL writes one,
 * it can write the next on the other core instead of waiting for the first to commit. Their
 * upserts take rows in id order, so two pages sharing records (a provider's paging may repeat
 * some) wait for each other rather than deadlock. Demographics pages are written one at a time:
 * their update joins people in no fixed order. Should PostgreSQL still break a deadlock, the
 * sync fails like any interrupted one and a rerun completes it.
 */
const PAGE_WRITERS = 2;

async function loadEntities(env: SyncEnvironment, tenantId: string, plan: LoadPlan): Promise<void> {
  const { client, filter, options } = plan;
  let total = 0;
  for (const entity of ROSTER_ENTITIES)
    total += (await client.count(entity, { filter, signal: options.signal })) ?? 0;
  let processed = 0;
  let pages = 0;
  for (const entity of ROSTER_ENTITIES) {
    const prepared = prepareAhead(
      client.pages(entity, { filter, signal: options.signal }),
      (p) => ({
        size: p.records.length,
        page: prepareEntityPage(entity, p.records, plan.ctx),
      }),
    );
    const writers = entity === 'demographics' ? 1 : PAGE_WRITERS;
    // Pages in the order they were read; progress is reported as each one is written, in order.
    const writing: Array<Promise<{ processed: number; pages: number }>> = [];
    const report = (done: { processed: number; pages: number }) =>
      options.onProgress?.({
        runId: plan.ctx.runId,
        mode: plan.mode,
        entity,
        processed: done.processed,
        total,
        percent: Math.min(
          100,
          Math.floor((100 * done.processed) / Math.max(1, total, done.processed)),
        ),
        pages: done.pages,
      });
    try {
      for await (const { size, page } of prepared) {
        if (options.signal?.aborted) throw new SyncAborted();
        processed += size;
        pages += 1;
        const done = { processed, pages };
        const write = env.db
          .withTenant(tenantId, async (tx) => {
            addCounts(plan.counts[entity], await writePreparedPage(tx, page, plan.ctx));
            await recordProgress(tx, plan.ctx.runId, {
              entity,
              processed: done.processed,
              total: Math.max(total, done.processed),
              counts: plan.counts,
              now: env.now(),
            });
          })
          .then(() => done);
        // A page failing while an earlier one is awaited is reported when its turn comes.
        write.catch(() => undefined);
        writing.push(write);
        if (writing.length >= writers) report(await writing.shift()!);
      }
      while (writing.length > 0) report(await writing.shift()!);
    } finally {
      // Never leave a page's transaction running behind a failure: the run is closed next.
      await Promise.allSettled(writing);
    }
  }
}

async function sweepAbsent(
  env: SyncEnvironment,
  tenantId: string,
  ctx: WriteContext,
  counts: SyncCounts,
  signal?: AbortSignal,
): Promise<void> {
  const step = (work: (tx: TenantTransaction) => Promise<number>) =>
    env.db.withTenant(tenantId, work);
  for (;;) {
    if (signal?.aborted) throw new SyncAborted();
    const cleared = await step((tx) => sweepAbsentDemographicsStep(tx, ctx));
    counts.demographics.deleted += cleared;
    if (cleared === 0) break;
  }
  for (const entity of SWEEP_ORDER) {
    for (;;) {
      if (signal?.aborted) throw new SyncAborted();
      const deleted = await step((tx) => sweepAbsentStep(tx, ENTITY_TABLES[entity], ctx));
      counts[entity].deleted += deleted;
      if (deleted === 0) break;
    }
  }
}
