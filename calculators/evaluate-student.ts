import { evaluateApIb } from './indicators/ap-ib.js';
import { evaluateAssociateDegree } from './indicators/associate-degree.js';
import { evaluateDualCredit } from './indicators/dual-credit.js';
import { evaluateEnlistment } from './indicators/enlistment.js';
import { evaluateIbc } from './indicators/ibc.js';
import { evaluateIepWorkforce } from './indicators/iep-workforce.js';
import { evaluateLevelCertificate } from './indicators/level-certificate.js';
import { evaluateOnRamps } from './indicators/onramps.js';
import { evaluateSpedAdvanced } from './indicators/sped-advanced.js';
import { evaluateTsiEla } from './indicators/tsi-ela.js';
import { evaluateTsiMath } from './indicators/tsi-math.js';
import { evaluateStudentOutcomesBonus } from './outcomes-bonus/student-outcomes-bonus.js';
import type { IndicatorExplanation, IndicatorId, Outcome } from './outcome.js';
import { parametersFor } from './parameters/parameters-for.js';
import type { YearParameters } from './parameters/year-parameters.js';
import type { StudentRecord } from './student-record.js';
import type { StudentResult } from './student-result.js';
import { windowOf } from './student-window.js';

/**
 * Evaluates one student under one accountability year's rules (ccmr-rules.md §1–5): every
 * indicator of CCMR-MET with its deciding rule and evidence, the display groupings, the
 * denominators (DEN-SA, DEN-CTG), the sunsetting-only flag and the Outcomes Bonus standing.
 * Pure: no I/O, no clock; never throws on missing data (a missing array means none).
 * CAR-CTE-LEGACY (the half point before the 2023 refresh) is deliberately not applied.
 *
 * @param record - the §3 record; `accountability_year` selects the rules.
 * @param params - the year's parameters, with district overrides; defaults to the table row.
 * @returns the student's result with explanations.
 * @throws {RangeError} only when `params` is omitted and the year has no parameter row.
 * @example evaluateStudent({ accountability_year: 2025, graduated: true, graduation_date: '2024-05-24', sat: [{ date: '2023-10-07', ebrw: 480, math: 530 }] }).credited_indicators // ['COL-TSI']
 */
export function evaluateStudent(record: StudentRecord, params?: YearParameters): StudentResult {
  const p = params ?? parametersFor(record.accountability_year);
  const window = windowOf(record);

  const ela = evaluateTsiEla(record, p, window);
  const math = evaluateTsiMath(record, p, window);
  const tsi = explainTsi(ela, math);
  const associateDegree = evaluateAssociateDegree(record, window);
  const enlistment = evaluateEnlistment(record, p, window);
  const ibc = evaluateIbc(record, p, window);
  const indicators: IndicatorExplanation[] = [
    tsi,
    explain('COL-APIB', evaluateApIb(record, p, window)),
    explain('COL-DC', evaluateDualCredit(record, p, window)),
    explain('COL-ONR', evaluateOnRamps(record, p, window)),
    explain('COL-AD', associateDegree),
    explain('CAR-IBC', ibc),
    explain('CAR-LVL', evaluateLevelCertificate(record, p, window)),
    explain('CAR-IEPWF', evaluateIepWorkforce(record, p)),
    explain('CAR-SPEDADV', evaluateSpedAdvanced(record, p)),
    explain('MIL-ENL', enlistment),
  ];

  const credited: IndicatorId[] = [];
  for (const item of indicators) if (item.is_met) credited.push(item.indicator);
  const obReasons: Outcome[] = [];
  const outcomesBonus = evaluateStudentOutcomesBonus(
    record,
    p,
    window,
    { ela, math, associateDegree, enlistment },
    obReasons,
  );

  return {
    student_id: record.student_id,
    accountability_year: record.accountability_year,
    graduated: record.graduated,
    college_ready: isAnyMet(indicators, 0, 5),
    career_ready: isAnyMet(indicators, 5, 9),
    military_ready: enlistment.is_met,
    ccmr_met: credited.length > 0,
    credited_indicators: credited,
    sunsetting_only: credited.length === 1 && ibc.rule_id === 'CAR-IBC-SUNSET-FLAG',
    in_student_achievement_denominator: record.graduated,
    in_closing_gaps_denominator: isInClosingGapsDenominator(record, p),
    outcomes_bonus: outcomesBonus,
    tsi_ela_met: ela.is_met,
    tsi_math_met: math.is_met,
    explanations: { indicators, outcomes_bonus: obReasons },
  };
}

/** COL-TSI via TSI-BOTH: both subjects met, possibly on different instruments. */
function explainTsi(ela: Outcome, math: Outcome): IndicatorExplanation {
  const isMet = ela.is_met && math.is_met;
  const decider = isMet || !ela.is_met ? ela : math;
  return {
    indicator: 'COL-TSI',
    rule_id: 'TSI-BOTH',
    is_met: isMet,
    reason: decider.reason,
    evidence: decider.evidence,
    parts: { ela, math },
  };
}

function explain(indicator: IndicatorId, result: Outcome): IndicatorExplanation {
  // Shared no-evidence outcomes come tagged already; every other outcome is a fresh object,
  // so tagging it in place saves a copy per indicator.
  const explanation = result as IndicatorExplanation;
  if (explanation.indicator !== indicator) explanation.indicator = indicator;
  return explanation;
}

function isAnyMet(items: IndicatorExplanation[], from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (items[i].is_met) return true;
  return false;
}

/**
 * DEN-CTG: annual graduates, plus grade-12 non-graduates present in the last six weeks, less
 * IEP continuers ([U] for 2023+, configurable) and students reported at more than one campus.
 */
function isInClosingGapsDenominator(record: StudentRecord, params: YearParameters): boolean {
  if (record.graduated) return true;
  if (record.grade12_attended_last_six_weeks !== true) return false;
  if (record.multiple_campuses_last_six_weeks === true) return false;
  return !(params.aggregation.ctg_exclude_iep_continuers && record.iep_continuer === true);
}
