import { randomUUID } from 'node:crypto';
import type { Database, TenantKeys } from '../../../../store/index.js';

/** A rostered student as a test or benchmark creates it: the identity a file would carry. */
export interface SampleStudent {
  personId: string;
  stateId: string;
  localId: string;
  lastName: string;
  firstName: string;
  birthDate: string;
}

const FAMILY = [
  'Garcia',
  'Nguyen',
  'Smith',
  'Hernandez',
  'Johnson',
  'Lopez',
  'Williams',
  'Patel',
  'Martinez',
  'Brown',
  'Kim',
  'Davis',
];
const GIVEN = [
  'Maria',
  'Jose',
  'Ava',
  'Liam',
  'Sofia',
  'Noah',
  'Emma',
  'Mateo',
  'Mia',
  'Elijah',
  'Camila',
  'Lucas',
];

/**
 * Students of a district, with their identifiers as the roster stores them: encrypted, with the
 * blind indexes matching uses (state_id, local_id, name_birth = family|given|YYYY-MM-DD).
 *
 * @param count - how many.
 * @param prefix - makes identifiers unique per test.
 * @returns the students (not stored yet).
 */
export function makeStudents(count: number, prefix: string): SampleStudent[] {
  return Array.from({ length: count }, (_, i) => ({
    personId: randomUUID(),
    stateId: `S${prefix}${String(i).padStart(6, '0')}`,
    localId: `L-${prefix}-${i}`,
    lastName: `${FAMILY[i % FAMILY.length]}${i >= FAMILY.length ? `-${Math.floor(i / FAMILY.length)}` : ''}`,
    firstName: GIVEN[(i * 7) % GIVEN.length]!,
    birthDate: `2007-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  }));
}

/**
 * Stores students as the roster does (people with encrypted identifiers and blind indexes, and
 * an empty `students` row with the expected graduation year).
 *
 * @param ctx - database and keys.
 * @param tenantId - the district.
 * @param students - from `makeStudents`.
 * @param graduationYear - the class.
 */
export async function storeStudents(
  ctx: { db: Database; keys: TenantKeys },
  tenantId: string,
  students: readonly SampleStudent[],
  graduationYear = 2026,
): Promise<void> {
  for (let start = 0; start < students.length; start += 500) {
    const chunk = students.slice(start, start + 500);
    await ctx.db.withTenant(tenantId, async (tx) => {
      const cipher = await ctx.keys.cipherFor(tx);
      for (const s of chunk) {
        const at = (column: string) => ({ table: 'people', column, rowId: s.personId });
        await tx.query(
          `INSERT INTO people (tenant_id, id, sourced_id, role, given_name_enc, family_name_enc,
             local_id_enc, local_id_bidx, state_id_enc, state_id_bidx, birth_date_enc, name_birth_bidx)
           VALUES ($1, $2, $3, 'student', $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            tenantId,
            s.personId,
            randomUUID(),
            cipher.encrypt(s.firstName, at('given_name_enc')),
            cipher.encrypt(s.lastName, at('family_name_enc')),
            cipher.encrypt(s.localId, at('local_id_enc')),
            cipher.blindIndex('local_id', s.localId),
            cipher.encrypt(s.stateId, at('state_id_enc')),
            cipher.blindIndex('state_id', s.stateId),
            cipher.encrypt(s.birthDate, at('birth_date_enc')),
            cipher.blindIndex('name_birth', `${s.lastName}|${s.firstName}|${s.birthDate}`),
          ],
        );
        await tx.query(
          'INSERT INTO students (tenant_id, person_id, graduation_year, grade_level) VALUES ($1, $2, $3, 12)',
          [tenantId, s.personId, graduationYear],
        );
      }
    });
  }
}
