import PgBoss from 'pg-boss';
import type { Database, Row, SqlExecutor, Transaction } from './database.js';
import type { DataPurpose } from './data-purpose.js';
import { APP_ROLE } from './sql-transaction.js';

/** Schema pg-boss keeps its tables in, beside the product's own. */
const JOB_SCHEMA = 'pgboss';

/** One kind of background work: its queue name and what to do with each job. */
export interface JobDefinition<P extends Record<string, unknown>> {
  name: string;
  /** Why this job may touch student data (privacy-checklist.md R1). */
  purpose: DataPurpose;
  /** Attempts after the first failure. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled at each further one when `retryBackoff`. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /**
   * pg-boss queue policy. Only `short` (at most one job waiting per singleton key) and
   * `singleton` (at most one active) make `singletonKey` prevent duplicates; the default
   * `standard` queues every job sent.
   */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /**
   * Sends the job with an empty payload on this schedule (5-field cron read in `timezone`).
   * However many processes run workers, pg-boss sends it once per slot; a queue defined
   * without a schedule has any earlier one removed when workers start.
   */
  schedule?: { cron: string; timezone: string };
  /** Handles one job. Payloads carry ids only; the handler re-reads what it needs. */
  handle(payload: P, context: { jobId: string }): Promise<void>;
}

/** Options of the job queue. */
export interface JobQueueOptions {
  /** Seconds between polls for new jobs (pg-boss accepts 0.5 at the least). */
  pollingIntervalSeconds?: number;
  /** Let this process send scheduled jobs when they are due (off: schedules are only stored). */
  runsSchedules?: boolean;
}

function executorFor(tx: Transaction): SqlExecutor {
  return {
    async executeSql(text: string, values?: unknown[]) {
      return { rows: await tx.query<Row>(text, values) };
    },
  };
}

/**
 * Background jobs on pg-boss in the product's own database. `enqueue` runs inside the caller's
 * transaction, so a change and the work it causes commit together or not at all.
 */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #db: Database;
  readonly #definitions = new Map<string, JobDefinition<Record<string, unknown>>>();
  readonly #options: JobQueueOptions;
  #started = false;

  constructor(db: Database, options: JobQueueOptions = {}) {
    this.#db = db;
    this.#options = options;
    // pg-boss runs its own statements as the owner; it never touches tenant-owned tables.
    this.#boss = new PgBoss({
      db: db.ownerExecutor(),
      schema: JOB_SCHEMA,
      supervise: true,
      schedule: options.runsSchedules ?? false,
      migrate: true,
    } as unknown as PgBoss.ConstructorOptions);
    this.#boss.on('error', () => undefined);
  }

  /** Declares a kind of job. Call before `start`. */
  define<P extends Record<string, unknown>>(definition: JobDefinition<P>): void {
    this.#definitions.set(
      definition.name,
      definition as unknown as JobDefinition<Record<string, unknown>>,
    );
  }

  /**
   * Declares a job the clock starts: sent on `cron` (read in `timezone`), never when `cron` is
   * undefined (the schedule turned off). At most one waits at a time, and a failed run is not
   * retried: the next slot runs it again.
   */
  defineScheduled(definition: {
    name: string;
    purpose: DataPurpose;
    cron: string | undefined;
    timezone: string;
    handle(context: { jobId: string }): Promise<void>;
  }): void {
    const { name, purpose, cron, timezone, handle } = definition;
    this.define({
      name,
      purpose,
      policy: 'short',
      retryLimit: 0,
      schedule: cron ? { cron, timezone } : undefined,
      handle: (_payload, context) => handle(context),
    });
  }

  /** Every declared kind of job with its purpose: the registry a privacy review walks. */
  definedJobs(): Array<{ name: string; purpose: DataPurpose }> {
    return [...this.#definitions.values()].map(({ name, purpose }) => ({ name, purpose }));
  }

  /** Creates pg-boss's schema and the declared queues, and lets the application role enqueue. */
  async start(): Promise<void> {
    if (this.#started) return;
    await this.#boss.start();
    for (const definition of this.#definitions.values()) {
      await this.#boss.createQueue(definition.name, {
        name: definition.name,
        policy: definition.policy ?? 'standard',
        retryLimit: definition.retryLimit ?? 5,
        retryDelay: definition.retryDelaySeconds ?? 5,
        retryBackoff: definition.retryBackoff ?? true,
      });
    }
    await this.#db.withOwner(async (tx) => {
      await tx.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`);
      await tx.query(
        `GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE}`,
      );
    });
    this.#started = true;
  }

  /**
   * Queues a job inside the caller's transaction.
   * @param singletonKey passed to pg-boss; it prevents a duplicate only on queues whose policy
   *   is `short` or `singleton` (see JobDefinition.policy).
   * @returns the job id, or null when pg-boss refused a duplicate.
   */
  async enqueue(
    tx: Transaction,
    name: string,
    payload: Record<string, unknown>,
    options: { singletonKey?: string; startAfterSeconds?: number } = {},
  ): Promise<string | null> {
    if (!this.#definitions.has(name)) throw new TypeError(`job "${name}" is not defined`);
    return this.#boss.send(name, payload, {
      db: executorFor(tx),
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
    } as PgBoss.SendOptions);
  }

  /** Starts polling every declared queue and running its handler, one job at a time per queue. */
  async runWorkers(): Promise<void> {
    await this.start();
    for (const definition of this.#definitions.values()) {
      await this.#boss.work(
        definition.name,
        { batchSize: 1, pollingIntervalSeconds: this.#options.pollingIntervalSeconds ?? 2 },
        async (jobs: PgBoss.Job<Record<string, unknown>>[]) => {
          for (const job of jobs) await definition.handle(job.data, { jobId: job.id });
        },
      );
      await this.#applySchedule(definition);
    }
  }

  async #applySchedule(definition: JobDefinition<Record<string, unknown>>): Promise<void> {
    if (definition.schedule) {
      const { cron, timezone } = definition.schedule;
      await this.#boss.schedule(definition.name, cron, {}, { tz: timezone });
    } else {
      await this.#boss.unschedule(definition.name);
    }
  }

  /** The stored schedules, for status pages and tests. */
  async listSchedules(): Promise<Array<{ name: string; cron: string; timezone: string }>> {
    // pg-boss returns its schedule rows as stored; its typings leave out the timezone column.
    const schedules = (await this.#boss.getSchedules()) as unknown as Array<{
      name: string;
      cron: string;
      timezone: string;
    }>;
    return schedules.map(({ name, cron, timezone }) => ({ name, cron, timezone }));
  }

  /** Counts the jobs of a queue by state, for status pages and tests. */
  async countByState(name: string): Promise<Record<string, number>> {
    const rows = await this.#db.withOwner((tx) =>
      tx.query<{ state: string; count: number }>(
        `SELECT state, count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE name = $1 GROUP BY state`,
        [name],
      ),
    );
    return Object.fromEntries(rows.map((row) => [row.state, row.count]));
  }

  /** Stops polling; jobs in flight finish first (up to `timeoutMs`). */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.#started) return;
    await this.#boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    this.#started = false;
  }
}
