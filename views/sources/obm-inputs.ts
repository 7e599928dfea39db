import type { ObmCount, ObmProgram } from '../../calculators/index.js';
import type { TenantTransaction } from '../../store/index.js';
import { readStoredResult } from './stored-result.js';

/** The OBM inputs of one program cohort at one campus. */
export interface ObmCohortInputs {
  program: ObmProgram;
  graduationYear: number;
  students: number;
  indicators: Record<string, ObmCount>;
}

/** students.program values (evidence student-status layout) → OBM program. */
const PROGRAM_OF: Record<string, ObmProgram> = { ECHS: 'ECHS', 'P-TECH': 'PTECH' };

/**
 * The counts the ECHS / P-TECH OBM tables take, per program and graduating class, from the
 * students' stored results: `ccmr_tsi_both_by_graduation` (TSI met in reading and math) and
 * `associate_by_graduation` (COL-AD credited), each over the cohort's students.
 *
 * Limitation: the other OBM inputs (course credits by grade 10 or 11, STAAR Algebra I and
 * English II, persistence, graduation rate, access shares) need data the product does not take
 * in yet; their indicators show as not reported.
 *
 * @param tx - a transaction of the district.
 * @param campusOrgId - the campus.
 * @returns one entry per program and class, newest class first.
 */
export async function loadObmInputs(
  tx: TenantTransaction,
  campusOrgId: string,
): Promise<ObmCohortInputs[]> {
  const rows = await tx.query<{ program: string; graduation_year: number; result: unknown }>(
    `SELECT s.program, s.graduation_year, r.result
       FROM students s
       JOIN student_results r ON r.tenant_id = s.tenant_id AND r.person_id = s.person_id
      WHERE s.campus_org_id = $1 AND s.program = ANY($2::text[]) AND s.graduation_year IS NOT NULL
      ORDER BY s.graduation_year DESC, s.program`,
    [campusOrgId, Object.keys(PROGRAM_OF)],
  );
  const cohorts = new Map<string, ObmCohortInputs & { tsiBoth: number; associate: number }>();
  for (const row of rows) {
    const result = readStoredResult(row.result);
    if (!result) continue;
    const key = `${row.program}/${row.graduation_year}`;
    const cohort = cohorts.get(key) ?? {
      program: PROGRAM_OF[row.program],
      graduationYear: row.graduation_year,
      students: 0,
      indicators: {},
      tsiBoth: 0,
      associate: 0,
    };
    cohort.students += 1;
    if (result.tsi_ela_met && result.tsi_math_met) cohort.tsiBoth += 1;
    if (result.credited_indicators.includes('COL-AD')) cohort.associate += 1;
    cohorts.set(key, cohort);
  }
  return [...cohorts.values()].map(({ tsiBoth, associate, ...cohort }) => ({
    ...cohort,
    indicators: {
      ccmr_tsi_both_by_graduation: [tsiBoth, cohort.students],
      associate_by_graduation: [associate, cohort.students],
    },
  }));
}
