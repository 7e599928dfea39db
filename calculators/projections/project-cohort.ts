import { aggregateCcmrRate, type CcmrRate } from '../aggregation/aggregate-ccmr-rate.js';
import { evaluateStudent } from '../evaluate-student.js';
import type { IndicatorId } from '../outcome.js';
import { parametersFor } from '../parameters/parameters-for.js';
import { SUPPORTED_YEARS } from '../parameters/parameter-table.js';
import type { ParameterOverrides, YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { StudentResult } from '../student-result.js';
import { applyPendingEvidence } from './apply-pending-evidence.js';

/** Where a current student stands. */
export type ProjectionStatus = 'met' | 'on_track' | 'not_on_track';

/** One student's projection. */
export interface StudentProjection {
  student_id?: string;
  status: ProjectionStatus;
  /** Indicators credited now. */
  credited_now: IndicatorId[];
  /** Indicators the pending evidence would add (on track only). */
  credited_if_pending_succeeds: IndicatorId[];
}

/** A cohort's projection. */
export interface CohortProjection {
  accountability_year: number;
  counts: Record<ProjectionStatus, number>;
  /** The rate with today's evidence. */
  rate_now: CcmrRate;
  /** The rate if every on-track student's pending evidence succeeds. */
  rate_if_on_track_succeed: CcmrRate;
  students: StudentProjection[];
}

/** Options of {@link projectCohort}. */
export interface ProjectionOptions {
  /** Today, ISO `YYYY-MM-DD`. */
  now: string;
  /** The district's parameter overrides. */
  overrides?: ParameterOverrides;
}

/**
 * Projects a current cohort (class of G → accountability year G+1, Y-MAP): each student is met
 * now, on track (pending evidence would make them met before their windows close), or not on
 * track; and the campus rate now and if the on-track students succeed. Records are evaluated
 * as prospective graduates: pass `graduated: true` with the expected graduation date.
 *
 * @param records - the cohort's §3 records with optional `pending`, all of one year.
 * @param options - `now` and the district's overrides.
 * @returns per-student statuses, counts and the two rates.
 * @throws {RangeError} when the records are of a year the table lacks.
 */
export function projectCohort(
  records: readonly StudentRecord[],
  options: ProjectionOptions,
): CohortProjection {
  const accountabilityYear =
    records[0]?.accountability_year ?? SUPPORTED_YEARS[SUPPORTED_YEARS.length - 1];
  const params: YearParameters = parametersFor(accountabilityYear, options.overrides);
  const counts: Record<ProjectionStatus, number> = { met: 0, on_track: 0, not_on_track: 0 };
  const students: StudentProjection[] = [];
  const resultsNow: StudentResult[] = [];
  const resultsProjected: StudentResult[] = [];
  for (const record of records) {
    const current = evaluateStudent(record, params);
    const hoped = current.ccmr_met
      ? current
      : evaluateStudent(applyPendingEvidence(record, params, options.now), params);
    const status: ProjectionStatus = current.ccmr_met
      ? 'met'
      : hoped.ccmr_met
        ? 'on_track'
        : 'not_on_track';
    counts[status] += 1;
    resultsNow.push(current);
    resultsProjected.push(status === 'on_track' ? hoped : current);
    students.push({
      student_id: record.student_id,
      status,
      credited_now: current.credited_indicators,
      credited_if_pending_succeeds: status === 'on_track' ? hoped.credited_indicators : [],
    });
  }
  return {
    accountability_year: accountabilityYear,
    counts,
    rate_now: aggregateCcmrRate(resultsNow, params),
    rate_if_on_track_succeed: aggregateCcmrRate(resultsProjected, params),
    students,
  };
}
