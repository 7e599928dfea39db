import type { Viewer } from '../../privacy/index.js';
import type { TenantCipher, TenantTransaction } from '../../store/index.js';
import type { ClassSummary } from '../cache/campus-summary.js';
import type { GapGroup } from '../presenters/gap-group.js';
import { visibleStudentIds } from './access.js';
import { loadStudentRows, type StudentRow } from './student-rows.js';

/**
 * The students of one gap group of one graduating class that the viewer may see: the group's
 * members intersected with the access policy's visible students (a counselor with a caseload
 * sees only their caseload within the campus figures).
 *
 * @param tx - a transaction of the viewer's district.
 * @param viewer - the viewer.
 * @param campusOrgId - the campus.
 * @param summary - the class summary holding the group members.
 * @param group - the gap group.
 * @param cipher - to decrypt names.
 * @returns the students, in name order.
 */
export async function loadGapGroupStudents(
  tx: TenantTransaction,
  viewer: Viewer,
  campusOrgId: string,
  summary: ClassSummary,
  group: GapGroup,
  cipher: TenantCipher,
): Promise<StudentRow[]> {
  const visible = new Set(
    await visibleStudentIds(tx, viewer, {
      campusOrgId,
      graduationYear: summary.graduationYear,
    }),
  );
  const ids = summary.groups[group].filter((id) => visible.has(id));
  return loadStudentRows(tx, ids, cipher);
}
