import type { TenantTransaction } from '../../store/index.js';

/** A class section as the class view needs it. */
export interface ClassInfo {
  sourcedId: string;
  title: string;
  campusOrgId: string | null;
}

/**
 * Titles and campuses of the given class sections, in the order given; a section the roster
 * does not know keeps its position with a generic title.
 *
 * @param tx - a transaction of the viewer's district.
 * @param classSourcedIds - the sections of the launch.
 * @returns one entry per known section.
 */
export async function loadClassInfo(
  tx: TenantTransaction,
  classSourcedIds: readonly string[],
): Promise<ClassInfo[]> {
  if (classSourcedIds.length === 0) return [];
  const rows = await tx.query<{ sourced_id: string; title: string; campus_org_id: string | null }>(
    `SELECT c.sourced_id, c.title, o.id AS campus_org_id
       FROM classes c
       LEFT JOIN orgs o ON o.tenant_id = c.tenant_id AND o.sourced_id = c.school_sourced_id
      WHERE c.sourced_id = ANY($1::text[]) AND c.deleted_at IS NULL`,
    [classSourcedIds],
  );
  const bySourcedId = new Map(rows.map((row) => [row.sourced_id, row]));
  return classSourcedIds.flatMap((sourcedId) => {
    const row = bySourcedId.get(sourcedId);
    return row ? [{ sourcedId, title: row.title, campusOrgId: row.campus_org_id }] : [];
  });
}
