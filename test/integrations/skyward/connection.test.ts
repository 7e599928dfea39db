import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import {
  getConnectionSummary,
  saveSkywardConnection,
  testSkywardConnection,
} from '../../../integrations/skyward/index.js';
import { createTestTenant } from '../../support/test-context.js';
import { testBackendName } from '../../support/test-database.js';
import { createSkywardDistrict, operator, useSkywardWorld } from './skyward-fixture.js';

describe(`Skyward connection settings and test (${testBackendName()})`, function () {
  this.timeout(60_000);
  const world = useSkywardWorld();

  it('stores the private key encrypted and never shows it in the summary', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-secret');
    const stored = await world.context.db.withTenant(district.tenant.id, (tx) =>
      tx.one<{ secret_enc: Buffer }>('SELECT secret_enc FROM skyward_connections'),
    );
    assert.ok(!stored!.secret_enc.toString('latin1').includes('OPENSSH PRIVATE KEY'));
    const summary = await world.context.db.withTenant(district.tenant.id, (tx) =>
      getConnectionSummary(tx),
    );
    assert.equal(summary.isConnected, true);
    assert.equal(summary.authMethod, 'key');
    assert.equal(summary.port, world.server.port);
    assert.ok(!JSON.stringify(summary).includes('PRIVATE KEY'));
  });

  it('passes the test and pins the server’s host key when none was given', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-test-ok', {
      hostKeySha256: undefined,
    });
    const result = await testSkywardConnection(world.context, district.tenant.id, operator);
    assert.equal(result.isOk, true);
    assert.equal(result.code, 'ok');
    assert.equal(result.isPosixRenameSupported, true);
    assert.deepEqual(district.inboxFiles(), []);
    const summary = await world.context.db.withTenant(district.tenant.id, (tx) =>
      getConnectionSummary(tx),
    );
    assert.equal(summary.hostKeySha256, world.server.hostKeySha256);
    assert.equal(summary.lastTestCode, 'ok');
  });

  it('fails the test with a code for a wrong host key, a missing folder and a stopped server', async () => {
    const wrongKey = await createSkywardDistrict(world.context, world.server, 'sky-test-key', {
      hostKeySha256: `SHA256:${'A'.repeat(43)}`,
    });
    assert.equal(
      (await testSkywardConnection(world.context, wrongKey.tenant.id, operator)).code,
      'ERR_SKYWARD_HOST_KEY_MISMATCH',
    );

    const noFolder = await createSkywardDistrict(world.context, world.server, 'sky-test-folder');
    rmSync(noFolder.inbox, { recursive: true });
    assert.equal(
      (await testSkywardConnection(world.context, noFolder.tenant.id, operator)).code,
      'ERR_SKYWARD_FOLDER_MISSING',
    );

    const down = await createSkywardDistrict(world.context, world.server, 'sky-test-down');
    await world.server.stop();
    try {
      assert.equal(
        (await testSkywardConnection(world.context, down.tenant.id, operator)).code,
        'ERR_SKYWARD_UNREACHABLE',
      );
    } finally {
      await world.server.start();
    }
  });

  it('fails the test with ERR_SKYWARD_AUTH when the login is refused', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-test-auth', {
      privateKey: undefined,
      password: 'not-the-password',
    });
    assert.equal(
      (await testSkywardConnection(world.context, district.tenant.id, operator)).code,
      'ERR_SKYWARD_AUTH',
    );
  });

  it('refuses bad settings with ERR_SKYWARD_BAD_SETTING naming the field', async () => {
    const tenant = await createTestTenant(world.context, 'sky-bad');
    const base = { host: '127.0.0.1', username: 'u', password: 'p', remoteFolder: '/in' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, port: 70_000 }, 'port'],
      [{ ...base, remoteFolder: 'relative/path' }, 'remoteFolder'],
      [{ ...base, remoteFolder: '/in/../etc' }, 'remoteFolder'],
      [{ ...base, fileNamePattern: 'fixed-name.csv' }, 'fileNamePattern'],
      [{ ...base, privateKey: 'key' }, 'privateKey'],
      [{ ...base, columnMapping: [{ header: 'A', field: 'certification_code' }] }, 'columnMapping'],
      [{ ...base, columnMapping: [{ header: 'A', field: 'student_name' }] }, 'columnMapping'],
    ];
    for (const [input, field] of cases) {
      await assert.rejects(
        world.context.db.withTenant(tenant.id, (tx) =>
          saveSkywardConnection(world.context, tx, input, operator),
        ),
        (error: { code?: string; message: string }) =>
          error.code === 'ERR_SKYWARD_BAD_SETTING' && error.message.includes(field),
        field,
      );
    }
    const summary = await world.context.db.withTenant(tenant.id, (tx) => getConnectionSummary(tx));
    assert.equal(summary.isConnected, false);
  });

  it('answers ERR_SKYWARD_NOT_CONNECTED when testing a district with no connection', async () => {
    const tenant = await createTestTenant(world.context, 'sky-none');
    await assert.rejects(testSkywardConnection(world.context, tenant.id, operator), {
      code: 'ERR_SKYWARD_NOT_CONNECTED',
    });
  });
});
