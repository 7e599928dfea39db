import { isPosReached } from '../indicators/ibc.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { StudentRecord } from '../student-record.js';
import type { StudentWindow } from '../student-window.js';
import { ratioOf, type MissingPiece, type ReadinessRoute } from './route.js';

/**
 * The routes other than TSI, each with its gap and the day it closes. Each returns `null`
 * when the route cannot help this student this year.
 */

function route(
  route_id: string,
  rule_id: string,
  closeness: number,
  missing: MissingPiece,
  closes_at: string | null,
): ReadinessRoute {
  const best = missing.best_so_far === null ? '' : `, best so far ${missing.best_so_far}`;
  return {
    route_id,
    rule_id,
    closeness,
    met_parts: [],
    missing: [missing],
    closes_at,
    summary: `${rule_id}: needs ${missing.needs}${best}`,
  };
}

function piece(
  part: string,
  rule_id: string,
  needs: string,
  best: number | string | null,
  source: string | null = null,
): MissingPiece {
  return { part, rule_id, needs, best_so_far: best, best_source: best === null ? null : source };
}

/** COL-APIB: the best AP or IB score so far. */
export function buildApIbRoute(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): ReadinessRoute {
  const c = params.college;
  const ap = Math.max(0, ...(record.ap_exams ?? []).map((e) => e.score));
  const ib = Math.max(0, ...(record.ib_exams ?? []).map((e) => e.score));
  const isApCloser = ratioOf(ap, c.ap_min_score) >= ratioOf(ib, c.ib_min_score);
  const closeness = Math.max(ratioOf(ap, c.ap_min_score), ratioOf(ib, c.ib_min_score));
  const best = isApCloser ? (ap > 0 ? `AP ${ap}` : null) : `IB ${ib}`;
  const needs = `an AP score ≥ ${c.ap_min_score} or an IB score ≥ ${c.ib_min_score} by ${window.end}`;
  return route(
    'ap_ib',
    'COL-APIB',
    closeness,
    piece('ap_or_ib_score', 'COL-APIB', needs, best),
    window.end,
  );
}

/** COL-DC: ELA, math and total hours so far against 3 / 3 / 9. */
export function buildDualCreditRoute(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): ReadinessRoute {
  const c = params.college;
  let ela = 0;
  let math = 0;
  let total = 0;
  for (const course of record.dual_credit_courses ?? []) {
    if (!course.credit_earned || course.completion_date > window.end) continue;
    if (course.subject === 'ELA') ela += course.hours;
    if (course.subject === 'MATH') math += course.hours;
    total += course.hours;
  }
  const closeness = Math.max(
    ratioOf(ela, c.dual_credit_ela_hours_min),
    ratioOf(math, c.dual_credit_math_hours_min),
    ratioOf(total, c.dual_credit_total_hours_min),
  );
  const needs =
    `${c.dual_credit_ela_hours_min} ELA or ${c.dual_credit_math_hours_min} math dual credit hours, ` +
    `or ${c.dual_credit_total_hours_min} in any subject`;
  const best = total === 0 ? null : `ELA ${ela}, math ${math}, total ${total} hours`;
  return route(
    'dual_credit',
    'COL-DC',
    closeness,
    piece('dual_credit_hours', 'COL-DC', needs, best),
    window.end,
  );
}

/** COL-ONR: the best OnRamps qualified hours so far. */
export function buildOnRampsRoute(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): ReadinessRoute {
  const cut = params.college.onramps_hours_min;
  const best = Math.max(0, ...(record.onramps ?? []).map((c) => c.qualified_hours));
  const needs = `an OnRamps course qualifying for ≥ ${cut} college hours`;
  return route(
    'onramps',
    'COL-ONR',
    ratioOf(best, cut),
    piece('onramps_hours', 'COL-ONR', needs, best || null),
    window.end,
  );
}

/** CAR-IBC: the certification furthest along, and what it still lacks (result, list, POS). */
export function buildIbcRoute(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): ReadinessRoute {
  const rules = params.ibc;
  const pos = `${rules.pos_required} status in an aligned program of study`;
  const needs =
    rules.pos_required === 'none'
      ? `an IBC on the ${rules.allowed_lists.join(' or ')} list`
      : `an IBC on the ${rules.allowed_lists.join(' or ')} list plus ${pos}`;
  let best: ReadinessRoute = route(
    'ibc',
    'CAR-IBC',
    0,
    piece('ibc', 'CAR-IBC', needs, null),
    window.end,
  );
  for (const ibc of record.ibc_earned ?? []) {
    const isListed = ibc.lists.some((list) => rules.allowed_lists.includes(list));
    if (!isListed) continue;
    if (ibc.result_code === '01' && !isPosReached(ibc.aligned_pos_status, rules.pos_required)) {
      const gap = piece(
        'pos_status',
        'CAR-IBC-POS',
        `${pos} for ${ibc.code}`,
        ibc.aligned_pos_status,
        `ibc_earned ${ibc.earned_date}`,
      );
      if (best.closeness < 0.8) best = route('ibc', 'CAR-IBC', 0.8, gap, window.end);
    } else if (ibc.result_code !== '01') {
      const gap = piece(
        'ibc_result',
        'CAR-IBC-EARNED',
        `result code 01 (earned) for ${ibc.code}`,
        ibc.result_code,
        `ibc_earned ${ibc.earned_date}`,
      );
      if (best.closeness < 0.6) best = route('ibc', 'CAR-IBC', 0.6, gap, window.end);
    }
  }
  return best;
}

/** CAR-LVL: a Level I or II certificate by August 31 after graduation. */
export function buildLevelCertificateRoute(window: StudentWindow): ReadinessRoute {
  const needs = `a Level I or Level II certificate by ${window.august31After}`;
  return route(
    'level_certificate',
    'CAR-LVL',
    0,
    piece('level_certificate', 'CAR-LVL', needs, null),
    window.august31After,
  );
}

/** COL-AD: dual credit hours so far toward a 60-hour associate degree by August 31. */
export function buildAssociateDegreeRoute(
  record: StudentRecord,
  window: StudentWindow,
): ReadinessRoute {
  const hours = (record.dual_credit_courses ?? []).reduce(
    (sum, c) => sum + (c.credit_earned ? c.hours : 0),
    0,
  );
  const needs = `an associate degree by ${window.august31After}`;
  return route(
    'associate_degree',
    'COL-AD',
    ratioOf(hours, 60) * 0.5,
    piece('associate_degree', 'COL-AD', needs, hours ? `${hours} college hours` : null),
    window.august31After,
  );
}

/** CAR-SPEDADV: a special education graduate on plain FHSP can still add an endorsement. */
export function buildSpedAdvancedRoute(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): ReadinessRoute | null {
  if (record.sped_in_graduation_year !== true) return null;
  const needs = `graduation plan ${params.sped.advanced_plans.join(', ')}`;
  const best = record.graduation_plan ?? null;
  return route(
    'sped_advanced_plan',
    'CAR-SPEDADV',
    best === 'FHSP' ? 0.5 : 0.2,
    piece('graduation_plan', 'CAR-SPEDADV', needs, best),
    window.end,
  );
}

/** MIL-ENL: enlistment by December 31 after graduation, documented as the year requires. */
export function buildMilitaryRoute(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): ReadinessRoute | null {
  const rules = params.military;
  if (!rules.credited) return null;
  const documentation =
    rules.evidence === 'dd4' ? 'a complete DD Form 4' : 'a DMDC match or a complete DD Form 4';
  const enlistment = record.enlistment;
  if (
    enlistment !== null &&
    enlistment !== undefined &&
    rules.components.includes(enlistment.component)
  ) {
    const gap = piece(
      'enlistment_documentation',
      'MIL-DOC',
      documentation,
      'enlisted, not documented',
      `enlistment ${enlistment.date}`,
    );
    return route('military', 'MIL-ENL', 0.9, gap, window.december31After);
  }
  const needs = `enlistment in the Armed Forces or Texas National Guard by ${window.december31After}, with ${documentation}`;
  return route(
    'military',
    'MIL-ENL',
    0,
    piece('enlistment', 'MIL-ENL', needs, null),
    window.december31After,
  );
}
