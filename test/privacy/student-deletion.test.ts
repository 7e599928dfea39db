import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../app/app-context.js';
import type { TenantCipher, TenantTransaction } from '../../store/index.js';
import {
  correctStudentField,
  deleteStudent,
  exportStudentData,
  listDataRequests,
  renderStudentDataHtml,
  tenantFilesFolder,
} from '../../privacy/index.js';
import { createTestContext, createTestTenant, TEST_NOW } from '../support/test-context.js';
import { insertPerson, makeViewer } from './support/seed-district.js';
import { scanDatabaseForMarkers, scanFilesForMarkers } from './support/scan-for-markers.js';

const JOB = 'privacy-test-payload';

/** Seeds one student with a unique marker in every personal field and in every feature's table. */
async function seedMarkedStudent(
  context: AppContext,
  tx: TenantTransaction,
  cipher: TenantCipher,
  m: string,
) {
  const personId = await insertPerson(context, tx, {
    sourcedId: `${m}-sourced`,
    role: 'student',
    fields: {
      givenName: `${m}-given`,
      familyName: `${m}-family`,
      email: `${m}-email@example.test`,
      localId: `${m}-local`,
      stateId: `${m}-state`,
      demographics: { ethnicity: `${m}-ethnicity`, gender: `${m}-gender` },
    },
  });
  const otherId = await insertPerson(context, tx, {
    sourcedId: `other-${randomUUID()}`,
    role: 'student',
  });
  const t = tx.tenantId;
  await tx.query(
    `INSERT INTO enrollments (tenant_id, id, sourced_id, class_sourced_id, user_sourced_id, role)
     VALUES ($1, gen_random_uuid(), $2, 'class-x', $3, 'student')`,
    [t, `enr-${m}`, `${m}-sourced`],
  );
  await tx.query(
    `INSERT INTO evidence (tenant_id, id, person_id, kind, data, source, fingerprint)
     VALUES ($1, gen_random_uuid(), $2, 'sat', $3, 'import', $4)`,
    [t, personId, JSON.stringify({ total: 1200, note: `${m}-evidence` }), `${m}-fingerprint`],
  );
  await tx.query(
    `INSERT INTO student_results (tenant_id, person_id, accountability_year, result, ccmr_met, inputs_hash, computed_at)
     VALUES ($1, $2, 2027, $3, true, 'h', $4)`,
    [t, personId, JSON.stringify({ explanation: `${m}-result` }), TEST_NOW],
  );
  const certificationId = randomUUID();
  await tx.query(
    `INSERT INTO certifications (tenant_id, id, person_id, ibc_code, result_code, school_year, source, receipt_file_id)
     VALUES ($1, $2, $3, 'IBC1', 'P', 2027, 'staff', $4)`,
    [t, certificationId, personId, `${m}-receipt`],
  );
  await tx.query(
    `INSERT INTO skyward_outbox (tenant_id, certification_id, version, operation, person_id, enqueued_at, failure_reason)
     VALUES ($1, $2, 1, 'upsert', $3, $4, $5)`,
    [t, certificationId, personId, TEST_NOW, `${m}-outbox`],
  );
  await tx.query(
    `INSERT INTO tea_tracker_rows (tenant_id, person_id, indicators, import_id) VALUES ($1, $2, $3, gen_random_uuid())`,
    [t, personId, JSON.stringify({ note: `${m}-tracker` })],
  );
  const importId = randomUUID();
  await tx.query(
    `INSERT INTO evidence_imports (tenant_id, id, import_type, file_sha256, row_count, applied_count,
       unmatched_count, affected_person_ids, actor_type, imported_at)
     VALUES ($1, $2, 'sat', 'x', 2, 2, 0, $3::uuid[], 'cli', $4)`,
    [t, importId, [personId, otherId], TEST_NOW],
  );
  const unmatchedId = randomUUID();
  await tx.query(
    `INSERT INTO evidence_unmatched (tenant_id, id, import_id, import_type, row_number, reason,
       candidate_person_id, payload, created_at)
     VALUES ($1, gen_random_uuid(), $2, 'sat', 3, 'ambiguous', $3, $4, $5),
            ($1, $6, $2, 'sat', 4, 'no_match', NULL, $7, $5)`,
    [
      t,
      importId,
      personId,
      JSON.stringify({ name: `${m}-unmatched` }),
      TEST_NOW,
      unmatchedId,
      JSON.stringify({ local_id: `${m}-local`, given: `${m}-given-raw` }),
    ],
  );
  await tx.query(`UPDATE evidence_unmatched SET identity_enc = $2 WHERE id = $1`, [
    unmatchedId,
    cipher.encrypt(`${m}-identity ${m}-local`, {
      table: 'evidence_unmatched',
      column: 'identity_enc',
      rowId: unmatchedId,
    }),
  ]);
  await tx.query(
    `INSERT INTO lti_launches (tenant_id, id, registration_id, deployment_id, message_type, viewer, widget, created_at)
     VALUES ($1, gen_random_uuid(), gen_random_uuid(), 'd1', 'LtiResourceLinkRequest', $2, 'student-card', $3)`,
    [t, JSON.stringify(makeViewer(t, 'student', {}, personId)), TEST_NOW],
  );
  const batchId = randomUUID();
  await tx.query(
    `INSERT INTO skyward_batches (tenant_id, id, file_name, record_count, content_enc, content_sha256, created_at)
     VALUES ($1, $2, 'certs.csv', 2, $3, 'x', $4)`,
    [
      t,
      batchId,
      cipher.encrypt(`id,ibc\n${m}-local,IBC1\nother-local,IBC2\n`, {
        table: 'skyward_batches',
        column: 'content_enc',
        rowId: batchId,
      }),
      TEST_NOW,
    ],
  );
  return { personId, otherId };
}

describe('data requests: export, correct, delete a student', () => {
  let context: AppContext;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'privacy-files-'));
    context = await createTestContext({ dataDir });
    context.jobs.define({ name: JOB, handle: async () => undefined });
    await context.jobs.start();
  });
  after(() => context.close());

  it('deletes a student from every table, file and job payload, leaving only a non-identifying record', async () => {
    const tenant = await createTestTenant(context, 'deletion');
    const m = `MK${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const { cipher, personId, otherId } = await context.db.withTenant(tenant.id, async (tx) => {
      const c = await context.keys.cipherFor(tx);
      const ids = await seedMarkedStudent(context, tx, c, m);
      await context.jobs.enqueue(tx, JOB, { tenantId: tenant.id, personId: ids.personId });
      return { cipher: c, ...ids };
    });
    const folder = join(tenantFilesFolder(dataDir, tenant.id), 'imports');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'roster.csv'),
      `local_id,given\n${m}-local,${m}-given\nother-local,Other\n`,
    );
    const markers = [m];
    assert.ok(
      (await scanDatabaseForMarkers(context.db, cipher, markers)).length >= 10,
      'the seed reaches many tables',
    );

    const outcome = await deleteStudent(context, tenant.id, personId, {
      actorType: 'cli',
      actorId: 'operator',
    });

    assert.deepEqual(await scanDatabaseForMarkers(context.db, cipher, markers), []);
    assert.deepEqual(await scanFilesForMarkers(dataDir, markers), []);
    assert.deepEqual(outcome.undecryptable, []);
    assert.equal(outcome.jobs['pgboss.job'], 1);
    assert.deepEqual(outcome.files, { rewritten: 1, deleted: 0 });
    assert.match(readFileSync(join(folder, 'roster.csv'), 'utf8'), /other-local/);
    await context.db.withTenant(tenant.id, async (tx) => {
      const other = await tx.one(`SELECT id FROM people WHERE id = $1`, [otherId]);
      const list = await tx.one<{ ids: string[] }>(
        `SELECT affected_person_ids AS ids FROM evidence_imports`,
      );
      const record = await tx.one<{ subject_hash: string }>(
        `SELECT subject_hash FROM deletion_records`,
      );
      assert.ok(other, 'another student is untouched');
      assert.deepEqual(list!.ids, [otherId]);
      assert.equal(record!.subject_hash, outcome.subjectHash);
      assert.notEqual(record!.subject_hash, personId);
    });
  });

  it('repeats a deletion safely: a second run finds the student gone', async () => {
    const tenant = await createTestTenant(context, 'deletion-twice');
    const personId = await context.db.withTenant(tenant.id, (tx) =>
      insertPerson(context, tx, { sourcedId: 'twice', role: 'student' }),
    );
    await deleteStudent(context, tenant.id, personId, { actorType: 'cli', actorId: 'operator' });
    await assert.rejects(
      deleteStudent(context, tenant.id, personId, { actorType: 'cli', actorId: 'operator' }),
      (error: { code: string }) => error.code === 'ERR_PRIVACY_UNKNOWN_STUDENT',
    );
  });

  it('exports everything held about a student, decrypted, with who accessed it, as JSON and HTML', async () => {
    const tenant = await createTestTenant(context, 'export');
    const m = `MK${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const { personId } = await context.db.withTenant(tenant.id, async (tx) =>
      seedMarkedStudent(context, tx, await context.keys.cipherFor(tx), m),
    );
    const admin = makeViewer(tenant.id, 'district_admin');
    const data = await exportStudentData(context, tenant.id, personId, {
      actorType: 'user',
      actorId: 'admin-1',
      viewer: admin,
    });
    const tables = Object.keys(data.record.tables).sort();
    for (const table of [
      'certifications',
      'enrollments',
      'evidence',
      'evidence_imports',
      'evidence_unmatched',
      'lti_launches',
      'people',
      'skyward_outbox',
      'student_results',
      'students',
      'tea_tracker_rows',
    ]) {
      assert.ok(tables.includes(table), `export includes ${table}: ${tables.join()}`);
    }
    assert.equal(data.record.tables.people![0]!.given_name, `${m}-given`);
    assert.ok(data.record.accessLog.some((event) => event.action === 'data_request.exported'));
    const html = renderStudentDataHtml(data);
    assert.match(html, new RegExp(`${m}-family`));
    assert.doesNotMatch(html, /<script/);
    const requests = await context.db.withTenant(tenant.id, (tx) => listDataRequests(tx, TEST_NOW));
    assert.equal(requests[0]!.status, 'completed');
    assert.equal(requests[0]!.dueAt.getTime() - requests[0]!.receivedAt.getTime(), 45 * 86_400_000);
  });

  it('refuses data requests from anyone but a district administrator', async () => {
    const tenant = await createTestTenant(context, 'export-denied');
    const personId = await context.db.withTenant(tenant.id, (tx) =>
      insertPerson(context, tx, { sourcedId: 's', role: 'student' }),
    );
    const campusAdmin = makeViewer(tenant.id, 'campus_admin');
    await assert.rejects(
      exportStudentData(context, tenant.id, personId, {
        actorType: 'user',
        actorId: 'x',
        viewer: campusAdmin,
      }),
      (error: { code: string }) => error.code === 'ERR_PRIVACY_FORBIDDEN',
    );
  });

  it('corrects a field, audits it and keeps lookups working', async () => {
    const tenant = await createTestTenant(context, 'correct');
    const personId = await context.db.withTenant(tenant.id, (tx) =>
      insertPerson(context, tx, { sourcedId: 'c1', role: 'student' }),
    );
    await correctStudentField(
      context,
      tenant.id,
      personId,
      { field: 'local_id', value: 'NEW-123' },
      { actorType: 'cli', actorId: 'operator' },
    );
    await correctStudentField(
      context,
      tenant.id,
      personId,
      { field: 'econ_disadv', value: 'true' },
      { actorType: 'cli', actorId: 'operator' },
    );
    await context.db.withTenant(tenant.id, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      const found = await tx.one(`SELECT id FROM people WHERE local_id_bidx = $1`, [
        cipher.blindIndex('local_id', 'new-123'),
      ]);
      assert.equal(found?.id, personId);
      const events = await tx.query<{ detail: Record<string, unknown> }>(
        `SELECT detail FROM audit_events WHERE action = 'student.corrected' ORDER BY seq`,
      );
      assert.deepEqual(
        events.map((e) => e.detail.field),
        ['local_id', 'econ_disadv'],
      );
      assert.equal(
        events[0]!.detail.after,
        undefined,
        'a personal value is never written to the audit trail',
      );
      assert.deepEqual([events[1]!.detail.before, events[1]!.detail.after], [false, true]);
    });
    await assert.rejects(
      correctStudentField(
        context,
        tenant.id,
        personId,
        { field: 'sourced_id', value: 'x' },
        { actorType: 'cli', actorId: 'o' },
      ),
      (error: { code: string }) => error.code === 'ERR_PRIVACY_BAD_CORRECTION',
    );
  });
});
