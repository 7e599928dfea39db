import { evaluateStudent } from '../evaluate-student.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import { parametersFor } from '../parameters/parameters-for.js';
import type { StudentRecord } from '../student-record.js';
import type { StudentResult } from '../student-result.js';
import { windowOf } from '../student-window.js';
import {
  buildApIbRoute,
  buildAssociateDegreeRoute,
  buildDualCreditRoute,
  buildIbcRoute,
  buildLevelCertificateRoute,
  buildMilitaryRoute,
  buildOnRampsRoute,
  buildSpedAdvancedRoute,
} from './other-routes.js';
import type { ReadinessPath, ReadinessRoute } from './route.js';
import { buildTsiRoute } from './tsi-route.js';

/**
 * The open routes to CCMR readiness for a student not yet ready, closest first: each with its
 * rule ID, what is missing, the best result so far and the day it closes (graduation for most;
 * August 31 after graduation for an associate degree or Level certificate; December 31 for
 * enlistment; the college prep course only while the student's grade allows it). Routes that
 * closed before `now` are left out.
 *
 * @param record - the §3 record (for a current student: the expected graduation date).
 * @param now - today, ISO `YYYY-MM-DD`.
 * @param params - the year's parameters; defaults to the table row.
 * @param result - the student's result, if already computed.
 * @returns the path; `routes` is empty when the student is ready.
 * @example findPathToReadiness(satEla460MathMet, '2024-01-10').routes[0].summary // 'TSI math met; TSI ELA needs SAT EBRW ≥ 480, best so far 460'
 */
export function findPathToReadiness(
  record: StudentRecord,
  now: string,
  params?: YearParameters,
  result?: StudentResult,
): ReadinessPath {
  const p = params ?? parametersFor(record.accountability_year);
  const evaluated = result ?? evaluateStudent(record, p);
  const base = { student_id: record.student_id, accountability_year: record.accountability_year };
  if (evaluated.ccmr_met) {
    const credited = evaluated.credited_indicators.join(', ');
    return { ...base, is_ready: true, routes: [], summary: `Ready: ${credited}` };
  }

  const window = windowOf(record);
  const candidates: Array<ReadinessRoute | null> = [
    buildTsiRoute(
      record,
      p,
      evaluated.tsi_ela_met,
      evaluated.tsi_math_met,
      gradeOn(record, now),
      window.end,
    ),
    buildApIbRoute(record, p, window),
    buildDualCreditRoute(record, p, window),
    buildOnRampsRoute(record, p, window),
    buildAssociateDegreeRoute(record, window),
    buildIbcRoute(record, p, window),
    buildLevelCertificateRoute(window),
    buildSpedAdvancedRoute(record, p, window),
    buildMilitaryRoute(record, p, window),
  ];
  const routes = candidates
    .filter((r): r is ReadinessRoute => r !== null && (r.closes_at === null || r.closes_at >= now))
    .sort(
      (a, b) => b.closeness - a.closeness || (a.closes_at ?? '9').localeCompare(b.closes_at ?? '9'),
    );
  const summary =
    routes.length === 0
      ? 'Not ready, and every route has closed for this accountability year'
      : `Not ready; closest: ${routes[0].summary}`;
  return { ...base, is_ready: false, routes, summary };
}

/**
 * The student's grade level on `now`, counting school years from August 1 of the grade 9 year;
 * grade 12 when the grade 9 start date is unknown.
 */
function gradeOn(record: StudentRecord, now: string): number {
  const start = record.grade9_start_date;
  if (start === undefined || start === null) return 12;
  return 9 + schoolYearOf(now) - schoolYearOf(start);
}

function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '08-01' ? year : year - 1;
}
