import { noEvidenceFor, outcome, type Evidence, type Outcome } from '../outcome.js';
import type { YearParameters } from '../parameters/year-parameters.js';
import type { IbcResult, PosStatus, StudentRecord } from '../student-record.js';
import { isWithin, type StudentWindow } from '../student-window.js';
import { ClosestScore } from './closest-score.js';

const NO_EVIDENCE = noEvidenceFor('CAR-IBC');

const POS_RANK: Record<PosStatus, number> = {
  none: 0,
  level2_course: 1,
  concentrator: 2,
  completer: 3,
};

/**
 * CAR-IBC: an industry-based certification credited when CAR-IBC-EARNED, CAR-IBC-LIST,
 * CAR-IBC-POS and CAR-IBC-TIMING all hold. A certification that counts only because of the
 * sunsetting 2019–2022 list is reported under `CAR-IBC-SUNSET-FLAG`, so the campus cap
 * (AGG-CAP) can find it; any other credited certification is preferred.
 *
 * @param record - the §3 record.
 * @param params - the year's parameters.
 * @param window - the student's indicator window.
 * @returns the deciding outcome, or the certification that came closest.
 * @example evaluateIbc(concentratorOnly2027, parametersFor(2027), w).rule_id // 'CAR-IBC-POS'
 */
export function evaluateIbc(
  record: StudentRecord,
  params: YearParameters,
  window: StudentWindow,
): Outcome {
  const results = record.ibc_earned;
  if (results === undefined || results.length === 0) return NO_EVIDENCE;
  const closest = new ClosestScore();
  let sunsetOnly: Outcome | null = null;
  for (const ibc of results) {
    const evidence: Evidence = {
      source: 'ibc_earned',
      code: ibc.code,
      date: ibc.earned_date,
      field: 'aligned_pos_status',
      value: ibc.aligned_pos_status,
      cut: params.ibc.pos_required,
    };
    const failure = checkIbc(ibc, params, window);
    if (failure === null) {
      if (!isSunsettingIbc(ibc, params)) return outcome('CAR-IBC', true, 'met', evidence);
      sunsetOnly ??= outcome('CAR-IBC-SUNSET-FLAG', true, 'met', evidence);
    } else {
      closest.offer(failure.rule_id, failure.closeness, evidence, failure.reason);
    }
  }
  return sunsetOnly ?? closest.toOutcome('CAR-IBC');
}

/**
 * Tells whether a certification is sunsetting: on the 2019–2022 list and not on 2022–2025.
 *
 * @param ibc - one certification result.
 * @param params - the year's parameters (list names).
 * @returns true for a sunsetting certification.
 */
export function isSunsettingIbc(ibc: IbcResult, params: YearParameters): boolean {
  return (
    ibc.lists.includes(params.ibc.sunset_list) && !ibc.lists.includes(params.ibc.successor_list)
  );
}

/**
 * CAR-IBC-LIST date rules shared with the Outcomes Bonus: a sunsetting certification must be
 * earned by the end of its two-year sunset, and one that is only on a list with an effective
 * date must be earned on or after it.
 *
 * @param ibc - one certification result.
 * @param lists - the lists that may credit it.
 * @param params - the year's parameters.
 * @returns true when some list in `lists` can credit it on its earned date.
 */
export function isOnValidList(
  ibc: IbcResult,
  lists: readonly string[],
  params: YearParameters,
): boolean {
  const rules = params.ibc;
  for (const list of ibc.lists) {
    if (!lists.includes(list)) continue;
    if (list === rules.sunset_list && !ibc.lists.includes(rules.successor_list)) {
      if (ibc.earned_date <= rules.sunset_earned_by_date) return true;
      continue;
    }
    const effective = rules.list_effective_dates[list];
    if (effective === undefined || ibc.earned_date >= effective) return true;
  }
  return false;
}

/**
 * Tells whether a POS status reaches a required one (none < level2_course < concentrator <
 * completer).
 *
 * @param status - the status reached.
 * @param required - the status needed.
 * @returns true when `status` is at least `required`.
 */
export function isPosReached(status: PosStatus, required: PosStatus): boolean {
  return POS_RANK[status] >= POS_RANK[required];
}

interface IbcFailure {
  rule_id: string;
  reason: Outcome['reason'];
  closeness: number;
}

const NOT_EARNED: IbcFailure = { rule_id: 'CAR-IBC-EARNED', reason: 'not_earned', closeness: 0.3 };
const LIST: IbcFailure = { rule_id: 'CAR-IBC-LIST', reason: 'list_not_allowed', closeness: 0.4 };
const SUNSET: IbcFailure = { rule_id: 'CAR-IBC-LIST', reason: 'sunset_expired', closeness: 0.5 };
const POS: IbcFailure = {
  rule_id: 'CAR-IBC-POS',
  reason: 'pos_requirement_not_met',
  closeness: 0.9,
};
const TIMING: IbcFailure = { rule_id: 'CAR-IBC-TIMING', reason: 'outside_window', closeness: 0.8 };

function checkIbc(
  ibc: IbcResult,
  params: YearParameters,
  window: StudentWindow,
): IbcFailure | null {
  if (ibc.result_code !== '01') return NOT_EARNED;
  const rules = params.ibc;
  if (isSunsettingIbc(ibc, params)) {
    if (!rules.sunsetting_credited || !rules.allowed_lists.includes(rules.sunset_list)) return LIST;
    if (ibc.earned_date > rules.sunset_earned_by_date) return SUNSET;
  } else if (!isOnValidList(ibc, rules.allowed_lists, params)) {
    return LIST;
  }
  if (!isPosReached(ibc.aligned_pos_status, rules.pos_required)) return POS;
  if (!isWithin(ibc.earned_date, window.start, window.endFor(params.windows.ibc_end)))
    return TIMING;
  return null;
}
