import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../app/config.js';

describe('configuration', () => {
  it('needs no variable at all for the embedded demo', () => {
    const config = loadConfig({});
    assert.equal(config.mode, 'development');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.demo, true);
    assert.equal(config.workersInProcess, true);
    assert.ok(Object.isFrozen(config));
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        MASTER_KEY: 'short',
      });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const text = error.problems.join('\n');
      for (const name of ['PORT', 'LOG_LEVEL', 'MASTER_KEY', 'DATABASE_URL', 'PUBLIC_URL']) {
        assert.match(text, new RegExp(name), `expected a problem about ${name}`);
      }
    }
  });

  it('reads secrets from NAME_FILE', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ccmr-config-'));
    const key = Buffer.alloc(32, 3).toString('base64');
    writeFileSync(join(folder, 'key'), `${key}\n`);
    const config = loadConfig({ MASTER_KEY_FILE: join(folder, 'key') });
    assert.deepEqual(config.masterKey, Buffer.alloc(32, 3));
  });

  it('refuses a secret given both directly and as a file', () => {
    assert.throws(
      () => loadConfig({ MASTER_KEY: 'a', MASTER_KEY_FILE: '/nonexistent' }),
      ConfigError,
    );
  });

  it('requires https and a master key in production', () => {
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: 'production',
          DATABASE_URL: 'postgres://x/y',
          PUBLIC_URL: 'http://a.org',
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some((p) => p.includes('https')) &&
        error.problems.some((p) => p.includes('MASTER_KEY')),
    );
  });

  it('never enables the demo in production', () => {
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: 'production',
          DATABASE_URL: 'postgres://x/y',
          PUBLIC_URL: 'https://a.org',
          MASTER_KEY: Buffer.alloc(32).toString('base64'),
          DEMO: 'true',
        }),
      ConfigError,
    );
  });
});
