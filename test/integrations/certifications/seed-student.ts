import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../app/app-context.js';

/** A rostered student with encrypted state and local IDs, as the roster sync stores one. */
export interface SeededStudent {
  personId: string;
  stateId: string;
  localId: string;
  campusOrgId: string;
  campusIdentifier: string;
}

/**
 * Inserts a campus (once per identifier) and a student person in the district, with the
 * state ID (E1523) and local ID (E0001) field-encrypted the way the roster sync does.
 */
export async function seedStudent(
  context: AppContext,
  tenantId: string,
  ids: { stateId: string; localId: string; campusIdentifier?: string },
): Promise<SeededStudent> {
  const campusIdentifier = ids.campusIdentifier ?? '101912001';
  return context.db.withTenant(tenantId, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    const campusOrgId = cipher.rowId('org', `campus-${campusIdentifier}`);
    await tx.query(
      `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name, identifier)
       VALUES ($1, $2, $3, 'school', 'High School', $4) ON CONFLICT DO NOTHING`,
      [tenantId, campusOrgId, `campus-${campusIdentifier}`, campusIdentifier],
    );
    const sourcedId = `student-${randomUUID()}`;
    const personId = cipher.rowId('person', sourcedId);
    const bind = (column: string) => ({ table: 'people', column, rowId: personId });
    await tx.query(
      `INSERT INTO people (tenant_id, id, sourced_id, role, state_id_enc, state_id_bidx,
         local_id_enc, local_id_bidx)
       VALUES ($1, $2, $3, 'student', $4, $5, $6, $7)`,
      [
        tenantId,
        personId,
        sourcedId,
        cipher.encrypt(ids.stateId, bind('state_id_enc')),
        cipher.blindIndex('state_id', ids.stateId),
        cipher.encrypt(ids.localId, bind('local_id_enc')),
        cipher.blindIndex('local_id', ids.localId),
      ],
    );
    return { personId, stateId: ids.stateId, localId: ids.localId, campusOrgId, campusIdentifier };
  });
}
