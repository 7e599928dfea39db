/** Which school model an OBM table belongs to. */
export type ObmProgram = 'ECHS' | 'PTECH';

/** The OBM domains. */
export type ObmDomain = 'attainment' | 'achievement' | 'access';

/** The current tables or the 2020–21 Blueprint tables (§8). */
export type ObmVersion = 'current' | '2020';

/**
 * What one level needs from one indicator (OBM-CALC): a share of students at or above
 * `min_pct` (optionally with a second share, e.g. "60 % Meets with 40 % Masters"), or a
 * comparison with a reference rate (state or district) in percentage points.
 */
export type ObmTarget =
  | { input: string; min_pct: number; also?: { input: string; min_pct: number } }
  | { input: string; versus: 'within_points_below' | 'exceeds'; points?: number };

/** One indicator and its target at each level that uses it. */
export interface ObmIndicator {
  key: string;
  targets: Record<string, ObmTarget | undefined>;
}

/** What a level needs: a number of indicators, every indicator it targets, or named ones. */
export type ObmRequirement = number | 'all' | { must_meet: string[] };

/** One OBM table of ccmr-rules.md §8. */
export interface ObmTable {
  rule_id: string;
  program: ObmProgram;
  domain: ObmDomain;
  version: ObmVersion;
  levels: string[];
  required: Record<string, ObmRequirement>;
  indicators: ObmIndicator[];
}

/** A share target on the indicator's own input. */
export function share(input: string, min_pct: number): ObmTarget {
  return { input, min_pct };
}

/** "Within X points of the reference" (campus ≥ reference − X) [U: points, not relative]. */
export function within(input: string, points: number): ObmTarget {
  return { input, versus: 'within_points_below', points };
}

/** "Exceeds the reference" (campus > reference). */
export function exceeds(input: string): ObmTarget {
  return { input, versus: 'exceeds' };
}
