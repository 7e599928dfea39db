import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../app/config.js';
import { openAppContext, type AppContext } from '../../app/app-context.js';
import { createTenant, type Tenant } from '../../store/index.js';
import { startServer, type RunningServer } from '../../app/web/start-server.js';
import { getTestDatabase } from './test-database.js';
import { CapturedLogs } from './captured-logs.js';

/** A frozen instant every test clock starts from. */
export const TEST_NOW = new Date('2026-10-15T15:00:00.000Z');

export interface TestContext extends AppContext {
  logs: CapturedLogs;
}

/**
 * An application context on the shared test database, with a fixed master key, captured logs
 * and a frozen clock unless `now` is given.
 */
export async function createTestContext(
  overrides: Partial<Config> = {},
  options: { now?: () => Date } = {},
): Promise<TestContext> {
  const logs = new CapturedLogs();
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0' }),
    masterKey: Buffer.alloc(32, 7),
    ...overrides,
  };
  const context = await openAppContext(config, {
    db: await getTestDatabase(),
    logDestination: logs,
    now: options.now ?? (() => TEST_NOW),
  });
  return Object.assign(context, { logs });
}

/** A fresh district with a unique slug, so tests never see each other's rows. */
export async function createTestTenant(context: AppContext, label = 'test'): Promise<Tenant> {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const { tenant } = await createTenant(context.db, context.keys, { slug, name: `${label} ISD` });
  return tenant;
}

/** Starts the real web server on a free loopback port. */
export function startTestServer(context: AppContext): Promise<RunningServer> {
  return startServer(context);
}

/** 32 random bytes, base64: a master key for rotation tests. */
export function newMasterKey(): Buffer {
  return randomBytes(32);
}
