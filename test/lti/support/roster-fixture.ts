import type { AppContext } from '../../../app/app-context.js';
import type { Tenant } from '../../../store/index.js';

/** The small roster the LTI tests resolve launches against (sourcedIds as OneRoster gives them). */
export const ROSTER = {
  schoolSourcedId: 'org-hs-1',
  classSourcedId: 'class-bio-1',
  otherClassSourcedId: 'class-chem-2',
  teacher: { sourcedId: 'usr-teacher-1', email: 'teacher.one@lonestar.example' },
  student: { sourcedId: 'usr-student-1', email: 'student.one@lonestar.example' },
  counselor: { sourcedId: 'usr-counselor-1', email: 'counselor.one@lonestar.example' },
  campusAdmin: { sourcedId: 'usr-principal-1', email: 'principal.one@lonestar.example' },
} as const;

/**
 * Writes one campus, two classes, a teacher enrolled in the first, a student, a counselor and a
 * principal at the campus. Emails are stored the product's way: encrypted, with a blind index.
 * Idempotent: rows already there are kept.
 */
export async function seedRoster(
  context: AppContext,
  tenant: Tenant,
): Promise<Record<string, string>> {
  return context.db.withTenant(tenant.id, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    const orgId = cipher.rowId('org', ROSTER.schoolSourcedId);
    await tx.query(
      `INSERT INTO orgs (tenant_id, id, sourced_id, org_type, name) VALUES ($1,$2,$3,'school','Lone Star HS') ON CONFLICT DO NOTHING`,
      [tenant.id, orgId, ROSTER.schoolSourcedId],
    );
    for (const sourcedId of [ROSTER.classSourcedId, ROSTER.otherClassSourcedId]) {
      await tx.query(
        `INSERT INTO classes (tenant_id, id, sourced_id, title, school_sourced_id) VALUES ($1,$2,$3,'Class',$4) ON CONFLICT DO NOTHING`,
        [tenant.id, cipher.rowId('class', sourcedId), sourcedId, ROSTER.schoolSourcedId],
      );
    }
    const ids: Record<string, string> = { orgId };
    const people = [
      ['teacher', ROSTER.teacher],
      ['student', ROSTER.student],
      ['counselor', ROSTER.counselor],
      ['administrator', ROSTER.campusAdmin],
    ] as const;
    for (const [role, person] of people) {
      const id = cipher.rowId('person', person.sourcedId);
      ids[person.sourcedId] = id;
      const binding = { table: 'people', column: 'email', rowId: id };
      await tx.query(
        `INSERT INTO people (tenant_id, id, sourced_id, role, email_enc, email_bidx, org_sourced_ids)
         VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING`,
        [
          tenant.id,
          id,
          person.sourcedId,
          role,
          cipher.encrypt(person.email, binding),
          cipher.blindIndex('email', person.email),
          [ROSTER.schoolSourcedId],
        ],
      );
    }
    await tx.query(
      `INSERT INTO enrollments (tenant_id, id, sourced_id, class_sourced_id, user_sourced_id, role)
       VALUES ($1,$2,'enr-1',$3,$4,'teacher') ON CONFLICT DO NOTHING`,
      [
        tenant.id,
        cipher.rowId('enrollment', 'enr-1'),
        ROSTER.classSourcedId,
        ROSTER.teacher.sourcedId,
      ],
    );
    return ids;
  });
}
