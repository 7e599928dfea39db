import { z } from 'zod';
import { appendAudit, type TenantCipher, type TenantTransaction } from '../../store/index.js';
import type { PrivacyContext } from '../privacy-context.js';
import { PrivacyInputError } from '../errors.js';
import { loadSubject } from './load-subject.js';
import { openDataRequest, completeDataRequest } from './data-request-records.js';
import { assertMayRunDataRequest, auditActor, type RequestActor } from './request-actor.js';

/** Personal fields, stored encrypted in people, with the blind index each one feeds. */
const PERSON_FIELDS = {
  given_name: { schema: z.string().trim().min(1).max(200), index: null },
  family_name: { schema: z.string().trim().min(1).max(200), index: null },
  email: { schema: z.email().max(320), index: 'email' },
  local_id: { schema: z.string().trim().min(1).max(64), index: 'local_id' },
  state_id: { schema: z.string().trim().min(1).max(64), index: 'state_id' },
  birth_date: { schema: z.iso.date(), index: null },
} as const;

/** CCMR attributes in students (ccmr-rules.md §3), stored in the clear. */
const STUDENT_FIELDS = {
  graduation_year: z.coerce.number().int().min(2000).max(2100),
  grade_level: z.coerce.number().int().min(-1).max(13),
  graduated: z.stringbool(),
  graduation_date: z.iso.date(),
  econ_disadv: z.stringbool(),
  graduation_plan: z.string().trim().min(1).max(40),
} as const;

export type CorrectableField = keyof typeof PERSON_FIELDS | keyof typeof STUDENT_FIELDS;

/** The fields a district may correct through a data request. */
export const CORRECTABLE_FIELDS = [
  ...Object.keys(PERSON_FIELDS),
  ...Object.keys(STUDENT_FIELDS),
] as CorrectableField[];

function parseValue(field: string, value: string): unknown {
  const schema =
    (PERSON_FIELDS as Record<string, { schema: z.ZodType }>)[field]?.schema ??
    (STUDENT_FIELDS as Record<string, z.ZodType>)[field];
  if (!schema) {
    throw new PrivacyInputError(
      'ERR_PRIVACY_BAD_CORRECTION',
      `field "${field}" cannot be corrected; use one of ${CORRECTABLE_FIELDS.join(', ')}`,
    );
  }
  const result = schema.safeParse(value);
  if (!result.success)
    throw new PrivacyInputError(
      'ERR_PRIVACY_BAD_CORRECTION',
      `the new value of "${field}" is not valid`,
    );
  return result.data;
}

/** Re-derives the name-and-birth lookup hash after one of its parts changed. */
async function refreshNameBirthIndex(
  tx: TenantTransaction,
  cipher: TenantCipher,
  personId: string,
) {
  const row = await tx.one<Record<string, Buffer | null>>(
    'SELECT given_name_enc, family_name_enc, birth_date_enc FROM people WHERE id = $1',
    [personId],
  );
  const open = (column: string) =>
    cipher.decrypt(row?.[column], { table: 'people', column, rowId: personId });
  const [given, family, birth] = ['given_name_enc', 'family_name_enc', 'birth_date_enc'].map(open);
  const index =
    given && family && birth
      ? cipher.blindIndex('name_birth', `${family}|${given}|${birth}`)
      : null;
  await tx.query('UPDATE people SET name_birth_bidx = $2 WHERE id = $1', [personId, index]);
}

async function correctPersonField(
  tx: TenantTransaction,
  cipher: TenantCipher,
  personId: string,
  field: keyof typeof PERSON_FIELDS,
  value: string,
) {
  const column = `${field}_enc`;
  const { index } = PERSON_FIELDS[field];
  const encrypted = cipher.encrypt(value, { table: 'people', column, rowId: personId });
  if (index) {
    await tx.query(
      `UPDATE people SET ${column} = $2, ${field}_bidx = $3, updated_at = now() WHERE id = $1`,
      [personId, encrypted, cipher.blindIndex(index, value)],
    );
  } else {
    await tx.query(`UPDATE people SET ${column} = $2, updated_at = now() WHERE id = $1`, [
      personId,
      encrypted,
    ]);
  }
  await refreshNameBirthIndex(tx, cipher, personId);
}

async function correctStudentAttribute(
  tx: TenantTransaction,
  personId: string,
  field: string,
  value: unknown,
) {
  const before = await tx.one(`SELECT ${field} AS value FROM students WHERE person_id = $1`, [
    personId,
  ]);
  if (!before)
    throw new PrivacyInputError(
      'ERR_PRIVACY_UNKNOWN_STUDENT',
      `person ${personId} has no student record`,
    );
  await tx.query(`UPDATE students SET ${field} = $2, updated_at = now() WHERE person_id = $1`, [
    personId,
    value,
  ]);
  // Derived results were computed from the old value: mark them for recomputation.
  await tx.query(
    `UPDATE student_results SET inputs_hash = 'stale:correction' WHERE person_id = $1`,
    [personId],
  );
  return { before: before.value, after: value };
}

/**
 * Corrects one field of a student's record at the district's request (FERPA 99.20), audited:
 * personal fields by name only, CCMR attributes with their before and after values. Derived
 * results are marked stale.
 * @param context database, keys and clock.
 * @param tenantId the district.
 * @param personId the student's internal id.
 * @param correction the field (one of CORRECTABLE_FIELDS) and its new value as text.
 * @param actor who asks.
 * @returns the request id.
 * @throws PrivacyInputError (ERR_PRIVACY_BAD_CORRECTION, ERR_PRIVACY_UNKNOWN_STUDENT);
 *   PrivacyForbidden (ERR_PRIVACY_FORBIDDEN).
 */
export async function correctStudentField(
  context: PrivacyContext,
  tenantId: string,
  personId: string,
  correction: { field: string; value: string },
  actor: RequestActor,
): Promise<{ requestId: string }> {
  assertMayRunDataRequest(actor, tenantId);
  const value = parseValue(correction.field, correction.value);
  const now = context.now();
  return context.db.withTenant(tenantId, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    await loadSubject(tx, cipher, personId);
    const request = await openDataRequest(tx, cipher, {
      kind: 'correct',
      personId,
      requestedBy: actor.actorId,
      now,
    });
    const isPersonal = correction.field in PERSON_FIELDS;
    const change = isPersonal
      ? (await correctPersonField(
          tx,
          cipher,
          personId,
          correction.field as keyof typeof PERSON_FIELDS,
          String(value),
        ),
        {})
      : await correctStudentAttribute(tx, personId, correction.field, value);
    await appendAudit(
      tx,
      {
        ...auditActor(actor),
        action: 'student.corrected',
        resourceType: 'student',
        resourceId: personId,
        detail: {
          requestId: request.id,
          field: correction.field,
          personIds: [personId],
          ...change,
        },
      },
      now,
    );
    await completeDataRequest(tx, request.id, { field: correction.field }, now);
    return { requestId: request.id };
  });
}
