import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../app/app-context.js';
import { findTenantById, type Tenant } from '../../store/index.js';
import { hashDisposalCertificate, offboardTenant, tenantFilesFolder } from '../../privacy/index.js';
import { createTestContext, createTestTenant } from '../support/test-context.js';
import { seedMarkedStudent } from './support/seed-marked-student.js';
import { scanDatabaseForMarkers, scanFilesForMarkers } from './support/scan-for-markers.js';

const operator = { actorType: 'cli' as const, actorId: 'operator' };

describe('offboarding a district', () => {
  let context: AppContext;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'privacy-offboard-'));
    context = await createTestContext({ dataDir });
  });
  after(() => context.close());

  async function seededDistrict(label: string) {
    const tenant = await createTestTenant(context, label);
    const marker = `MK${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const cipher = await context.db.withTenant(tenant.id, async (tx) => {
      const c = await context.keys.cipherFor(tx);
      await seedMarkedStudent(context, tx, c, marker);
      await tx.query(`UPDATE students SET graduated = true, graduation_year = 2026`);
      return c;
    });
    const folder = tenantFilesFolder(dataDir, tenant.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'export.csv'), `name\n${marker}-given\n`);
    return { tenant, marker, cipher, folder };
  }

  async function remainingRows(tenant: Tenant): Promise<string[]> {
    return context.db.withOwner(async (tx) => {
      const tables = await tx.query<{ table_name: string }>(
        `SELECT DISTINCT table_name FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
      );
      const left: string[] = [];
      for (const { table_name } of tables) {
        const row = await tx.one(
          `SELECT 1 AS found FROM ${table_name} WHERE tenant_id = $1 LIMIT 1`,
          [tenant.id],
        );
        if (row) left.push(table_name);
      }
      return left.sort();
    });
  }

  it('deletes every row, file and key of the district and issues a verifiable certificate', async () => {
    const { tenant, marker, cipher, folder } = await seededDistrict('offboard-delete');
    const certificate = await offboardTenant(context, tenant.id, {
      mode: 'delete',
      confirmSlug: tenant.slug,
      actor: operator,
    });

    assert.deepEqual(await scanDatabaseForMarkers(context.db, cipher, [marker]), []);
    assert.deepEqual(await scanFilesForMarkers(dataDir, [marker]), []);
    assert.equal(existsSync(folder), false);
    assert.deepEqual(await remainingRows(tenant), ['disposal_certificates']);
    await assert.rejects(
      context.db.withTenant(tenant.id, (tx) => context.keys.cipherFor(tx)),
      (error: { code: string }) => error.code === 'ERR_STORE_TENANT_KEY_UNAVAILABLE',
    );
    assert.equal((await findTenantById(context.db, tenant.id))!.status, 'offboarded');
    assert.equal(certificate.removedRows.people, 2);
    assert.equal(certificate.removedRows.tenant_keys, 1);
    assert.deepEqual(
      certificate.keysDestroyed.map((k) => k.keyId),
      [`${tenant.id}/v1`],
    );
    assert.ok(certificate.auditHead && certificate.auditHead.seq > 0);
    assert.deepEqual(certificate.retainedTables, []);
    assert.equal(certificate.removedFiles, 1);
    assert.equal(hashDisposalCertificate(certificate), certificate.certificateSha256);
  });

  it('returns the same certificate when run again', async () => {
    const { tenant } = await seededDistrict('offboard-twice');
    const first = await offboardTenant(context, tenant.id, {
      mode: 'delete',
      confirmSlug: tenant.slug,
      actor: operator,
    });
    const second = await offboardTenant(context, tenant.id, {
      mode: 'delete',
      confirmSlug: tenant.slug,
      actor: operator,
    });
    assert.equal(second.certificateSha256, first.certificateSha256);
  });

  it('keeps only the masked aggregate release in de-identify mode', async () => {
    const { tenant, marker, cipher } = await seededDistrict('offboard-deid');
    const certificate = await offboardTenant(context, tenant.id, {
      mode: 'deidentify',
      confirmSlug: tenant.slug,
      actor: operator,
    });
    assert.deepEqual(await scanDatabaseForMarkers(context.db, cipher, [marker]), []);
    const retained = certificate.retainedDeidentified as {
      cells: Array<{ key: string; display: string }>;
    };
    assert.ok(retained.cells.some((cell) => cell.key === '2026|district' && cell.display === '*'));
    assert.doesNotMatch(JSON.stringify(retained), /MK/);
  });

  it('refuses to start without the district slug typed again', async () => {
    const tenant = await createTestTenant(context, 'offboard-confirm');
    await assert.rejects(
      offboardTenant(context, tenant.id, { mode: 'delete', confirmSlug: 'wrong', actor: operator }),
      (error: { code: string }) => error.code === 'ERR_PRIVACY_BAD_CONFIRMATION',
    );
    assert.equal((await findTenantById(context.db, tenant.id))!.status, 'active');
  });
});
