/**
 * The only module that reads the environment. Every setting is typed, documented in the README
 * and validated before anything starts; all problems are reported together. Secrets may be
 * given as `NAME_FILE` (a path whose content is the value).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type RunMode = 'development' | 'test' | 'production';

export interface Config {
  mode: RunMode;
  /** Address and port the web server listens on. */
  host: string;
  port: number;
  /** Origin the product is reached at, as platforms and browsers see it (no trailing slash). */
  publicUrl: string;
  /** PostgreSQL connection string; undefined means the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Base64 of 32 bytes; undefined in embedded mode until one is generated into `dataDir`. */
  masterKey?: Buffer;
  /** Earlier master keys, kept while `ccmr keys rotate` re-wraps data keys. */
  retiredMasterKeys: Buffer[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run the job workers inside the web process (embedded mode does by default). */
  workersInProcess: boolean;
  /** How long shutdown waits for in-flight requests and jobs. */
  shutdownGraceMs: number;
  /** Number of proxy hops to trust for the client address (0 = none). */
  trustProxyHops: number;
  /** Seconds between job-queue polls. */
  jobPollSeconds: number;
  /** Maximum database connections per process (PostgreSQL only). */
  databaseMaxConnections: number;
  /** Enable the demo district and its "Try a launch" page (never in production). */
  demo: boolean;
  /** When every connected district's roster is synced (5-field cron); undefined = never. */
  rosterSyncCron?: string;
  /** A scheduled sync is full (absent records soft-deleted) when the last full one is older. */
  rosterFullSyncDays: number;
  /** When every district's retention rules are applied (5-field cron); undefined = never. */
  retentionCron?: string;
  /** When Skyward changes left pending after their retries are sent again; undefined = never. */
  skywardRetryCron?: string;
  /** IANA time zone every schedule is read in. */
  scheduleTimezone: string;
}

/** One line per variable, as the README's configuration table. */
export const CONFIG_VARIABLES = {
  NODE_ENV: 'development | test | production (default development)',
  HOST: 'listen address (default 127.0.0.1; 0.0.0.0 in production)',
  PORT: 'listen port (default 3000)',
  PUBLIC_URL:
    'origin platforms reach the tool at (default http://localhost:PORT); https in production',
  DATABASE_URL:
    'PostgreSQL connection string; unset = embedded PGlite in DATA_DIR (secret, _FILE allowed)',
  DATA_DIR: 'folder of the embedded database and generated keys (default ./data)',
  MASTER_KEY:
    'base64 of 32 random bytes wrapping every data key; required in production (secret, _FILE allowed)',
  MASTER_KEYS_RETIRED:
    'comma-separated earlier master keys, during rotation (secret, _FILE allowed)',
  LOG_LEVEL: 'fatal | error | warn | info | debug | trace | silent (default info)',
  WORKERS_IN_PROCESS:
    'true | false: run job workers in the web process (default true, false with DATABASE_URL)',
  SHUTDOWN_GRACE_MS: 'milliseconds to let requests and jobs finish on SIGTERM (default 10000)',
  TRUST_PROXY_HOPS: 'reverse-proxy hops to trust for client addresses (default 0)',
  JOB_POLL_SECONDS: 'seconds between job-queue polls (default 2, at least 0.5)',
  DATABASE_MAX_CONNECTIONS: 'PostgreSQL pool size per process (default 10)',
  DEMO: 'true | false: demo district and launch page (default true without DATABASE_URL outside production)',
  ONEROSTER_SYNC_CRON:
    'when connected districts sync their roster, as 5-field cron, or off (default "0 5 * * *"; off in test and demo)',
  ONEROSTER_FULL_SYNC_DAYS:
    'days after which a scheduled sync is full instead of delta (default 7)',
  RETENTION_CRON:
    'when each district\'s retention rules run, 5-field cron or off (default "30 2 * * *"; off in test)',
  SKYWARD_RETRY_CRON:
    'when Skyward changes still pending are sent again, 5-field cron or off (default "20 * * * *"; off in test)',
  SCHEDULE_TIMEZONE: 'IANA time zone of the schedules above (default America/Chicago)',
} as const;

type Env = Record<string, string | undefined>;

/** Raised once with every configuration problem found. */
export class ConfigError extends TypeError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

function readSecret(env: Env, name: string, problems: string[]): string | undefined {
  const path = env[`${name}_FILE`];
  if (path !== undefined && env[name] !== undefined) {
    problems.push(`${name} and ${name}_FILE are both set; set only one`);
  }
  if (path === undefined) return env[name];
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    problems.push(`${name}_FILE: cannot read ${path}`);
    return undefined;
  }
}

function parseKey(name: string, value: string, problems: string[]): Buffer | undefined {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32) {
    problems.push(`${name} must be base64 of exactly 32 bytes (openssl rand -base64 32)`);
    return undefined;
  }
  return key;
}

function parseInteger(env: Env, name: string, fallback: number, min: number, problems: string[]) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    problems.push(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function parseBoolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

/** Minute, hour, day of month, month, day of week: digits, `*`, ranges, lists and steps. */
const CRON_PATTERN = /^[\d*,/-]+( [\d*,/-]+){4}$/;

function parseCron(
  env: Env,
  name: string,
  fallback: string,
  problems: string[],
): string | undefined {
  const raw = (env[name] || fallback).trim().replace(/\s+/g, ' ');
  if (raw === 'off') return undefined;
  if (!CRON_PATTERN.test(raw)) {
    problems.push(`${name} must be 5 cron fields or off, got "${raw}"`);
    return undefined;
  }
  return raw;
}

function parseTimezone(env: Env, problems: string[]): string {
  const raw = env.SCHEDULE_TIMEZONE || 'America/Chicago';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
    return raw;
  } catch {
    problems.push(`SCHEDULE_TIMEZONE must be an IANA time zone, got "${raw}"`);
    return 'America/Chicago';
  }
}

/**
 * Tests start many short-lived contexts, none of which should sync on a clock; the demo
 * district's provider runs only while the demo is prepared, so there is nothing to sync later.
 */
function isRosterScheduleOffByDefault(mode: RunMode, demo: boolean): boolean {
  return mode === 'test' || demo;
}

function parseMode(env: Env, problems: string[]): RunMode {
  const raw = env.NODE_ENV ?? 'development';
  if (raw === 'development' || raw === 'test' || raw === 'production') return raw;
  problems.push(`NODE_ENV must be development, test or production, got "${raw}"`);
  return 'development';
}

/**
 * Reads and validates the configuration.
 * @throws ConfigError listing every problem at once.
 */
export function loadConfig(env: Env = process.env): Readonly<Config> {
  const problems: string[] = [];
  const mode = parseMode(env, problems);
  const port = parseInteger(env, 'PORT', 3000, 0, problems);
  const databaseUrl = readSecret(env, 'DATABASE_URL', problems) || undefined;
  const masterKeyText = readSecret(env, 'MASTER_KEY', problems);
  const retiredText = readSecret(env, 'MASTER_KEYS_RETIRED', problems);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];

  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  if (!/^https?:\/\/[^/]+$/.test(publicUrl)) {
    problems.push(
      `PUBLIC_URL must be an origin such as https://ccmr.example.org, got "${publicUrl}"`,
    );
  }
  if (mode === 'production') {
    if (!masterKeyText) problems.push('MASTER_KEY (or MASTER_KEY_FILE) is required in production');
    if (!databaseUrl) problems.push('DATABASE_URL is required in production');
    if (!publicUrl.startsWith('https://')) problems.push('PUBLIC_URL must use https in production');
  }
  const jobPollSeconds = Number(env.JOB_POLL_SECONDS ?? '2');
  const demo = parseBoolean(env, 'DEMO', !databaseUrl && mode !== 'production', problems);
  if (!(jobPollSeconds >= 0.5)) problems.push('JOB_POLL_SECONDS must be a number ≥ 0.5');

  const config: Config = {
    mode,
    host: env.HOST ?? (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    port,
    publicUrl,
    databaseUrl,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    masterKey: masterKeyText ? parseKey('MASTER_KEY', masterKeyText, problems) : undefined,
    retiredMasterKeys: (retiredText ?? '')
      .split(',')
      .filter((part) => part.trim() !== '')
      .map((part) => parseKey('MASTER_KEYS_RETIRED', part, problems))
      .filter((key): key is Buffer => key !== undefined),
    logLevel,
    workersInProcess: parseBoolean(env, 'WORKERS_IN_PROCESS', !databaseUrl, problems),
    shutdownGraceMs: parseInteger(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, problems),
    trustProxyHops: parseInteger(env, 'TRUST_PROXY_HOPS', 0, 0, problems),
    jobPollSeconds,
    databaseMaxConnections: parseInteger(env, 'DATABASE_MAX_CONNECTIONS', 10, 1, problems),
    demo,
    rosterSyncCron: parseCron(
      env,
      'ONEROSTER_SYNC_CRON',
      isRosterScheduleOffByDefault(mode, demo) ? 'off' : '0 5 * * *',
      problems,
    ),
    rosterFullSyncDays: parseInteger(env, 'ONEROSTER_FULL_SYNC_DAYS', 7, 1, problems),
    // Tests start many short-lived contexts; none of them should act on a clock.
    retentionCron: parseCron(
      env,
      'RETENTION_CRON',
      mode === 'test' ? 'off' : '30 2 * * *',
      problems,
    ),
    skywardRetryCron: parseCron(
      env,
      'SKYWARD_RETRY_CRON',
      mode === 'test' ? 'off' : '20 * * * *',
      problems,
    ),
    scheduleTimezone: parseTimezone(env, problems),
  };
  if (config.demo && mode === 'production') problems.push('DEMO cannot be enabled in production');

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
