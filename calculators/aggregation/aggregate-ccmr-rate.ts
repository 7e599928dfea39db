import type { YearParameters } from '../parameters/year-parameters.js';
import { roundCount, roundPercentHalfUp } from './rounding.js';
import { scaleComponent, type Letter } from './scale-component.js';

/** One student as the campus rate needs them; a {@link StudentResult} fits this shape. */
export interface RosterEntry {
  /** An annual graduate (DEN-SA). */
  graduated: boolean;
  ccmr_met: boolean;
  sunsetting_only: boolean;
  /** DEN-CTG membership; defaults to `graduated`. */
  in_closing_gaps_denominator?: boolean;
}

/** A campus or district CCMR rate (§6). */
export interface CcmrRate {
  accountability_year: number;
  annual_graduates: number;
  /** Graduates met only through a sunsetting IBC. */
  sunsetting_only_count: number;
  /** AGG-CAP: how many of them may count; `null` when the year has no cap. */
  sunset_cap: number | null;
  numerator: number;
  /** AGG-RATE to 0.1, half up; `null` with no graduates. */
  ccmr_rate_pct: number | null;
  /** AGG-ROUND: whole number, half up. */
  component_score: number | null;
  /** AGG-SCALE. */
  scaled_score: number | null;
  letter: Letter | null;
  /** AGG-ACUT. */
  meets_A_cut: boolean;
  /** DEN-CTG: Closing the Gaps CCMR, with no sunsetting cap. */
  closing_gaps: { denominator: number; numerator: number; rate_pct: number | null };
}

/**
 * The Student Achievement CCMR rate of a campus or district (DEN-SA, AGG-CAP, AGG-RATE,
 * AGG-ROUND, AGG-SCALE, AGG-ACUT) and the Closing the Gaps CCMR figures (DEN-CTG).
 *
 * Limitation: Closing the Gaps student-group targets, the 3-year small-numbers average and the
 * district "proportionality" domain method are not computed, because the rule sources do not
 * give them (ccmr-rules.md §6); the figures here are the all-students counts.
 *
 * @param roster - one entry per student (graduates and non-graduating 12th graders).
 * @param params - the year's parameters.
 * @returns the rate, the component and scaled scores, the letter and the CTG figures.
 * @example aggregateCcmrRate(tenGraduatesNineMet, parametersFor(2025)).component_score // 90
 */
export function aggregateCcmrRate(
  roster: readonly RosterEntry[],
  params: YearParameters,
): CcmrRate {
  let graduates = 0;
  let metOther = 0;
  let sunsetOnly = 0;
  let ctgDenominator = 0;
  let ctgNumerator = 0;
  for (const entry of roster) {
    const isInCtg = entry.in_closing_gaps_denominator ?? entry.graduated;
    if (isInCtg) {
      ctgDenominator += 1;
      if (entry.ccmr_met) ctgNumerator += 1;
    }
    if (!entry.graduated) continue;
    graduates += 1;
    if (!entry.ccmr_met) continue;
    if (entry.sunsetting_only) sunsetOnly += 1;
    else metOther += 1;
  }

  const rules = params.aggregation;
  const cap = rules.sunset_cap_applies ? sunsetCap(graduates, params) : null;
  const numerator = metOther + (cap === null ? sunsetOnly : Math.min(sunsetOnly, cap));
  const component = graduates === 0 ? null : roundPercentHalfUp(numerator, graduates, 0);
  const scale = component === null ? null : scaleComponent(component, rules.cut_scores);
  return {
    accountability_year: params.accountability_year,
    annual_graduates: graduates,
    sunsetting_only_count: sunsetOnly,
    sunset_cap: cap,
    numerator,
    ccmr_rate_pct: graduates === 0 ? null : roundPercentHalfUp(numerator, graduates, 1),
    component_score: component,
    scaled_score: scale === null ? null : scale.scaled,
    letter: scale === null ? null : scale.letter,
    meets_A_cut: component !== null && component >= rules.cut_scores.A,
    closing_gaps: {
      denominator: ctgDenominator,
      numerator: ctgNumerator,
      rate_pct: ctgDenominator === 0 ? null : roundPercentHalfUp(ctgNumerator, ctgDenominator, 1),
    },
  };
}

/** AGG-CAP: max(5, floor(20 % of annual graduates)). */
function sunsetCap(graduates: number, params: YearParameters): number {
  const rules = params.aggregation;
  const share = roundCount(graduates * rules.sunset_cap_share, rules.sunset_cap_rounding);
  return Math.max(rules.sunset_cap_min_students, share);
}
