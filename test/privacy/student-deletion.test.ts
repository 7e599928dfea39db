import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../app/app-context.js';
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
import { seedMarkedStudent } from './support/seed-marked-student.js';
import { scanDatabaseForMarkers, scanFilesForMarkers } from './support/scan-for-markers.js';

const JOB = 'privacy-test-payload';

describe('data requests: export, correct, delete a student', () => {
  let context: AppContext;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'privacy-files-'));
    context = await createTestContext({ dataDir });
    context.jobs.define({ name: JOB, purpose: 'deliver_service', handle: async () => undefined });
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
