import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../app/app-context.js';
import type { TenantCipher, TenantTransaction } from '../../../store/index.js';
import { TEST_NOW } from '../../support/test-context.js';
import { insertPerson, makeViewer } from './seed-district.js';

/** Seeds one student with a unique marker in every personal field and in every feature's table. */
export async function seedMarkedStudent(
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
