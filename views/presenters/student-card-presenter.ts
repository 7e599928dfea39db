import type { ReadinessPath } from '../../calculators/index.js';
import type { StudentRow } from '../sources/student-rows.js';
import { describeEvidence } from './describe-evidence.js';
import { describeNeed } from './describe-need.js';
import type { Locale } from '../render/string-catalogue.js';

/** One indicator line of the card. */
export interface IndicatorLine {
  indicator: string;
  isMet: boolean;
  reason: string;
  ruleId: string;
  evidence: string | null;
  date: string | null;
}

/** One open route of the path to readiness. */
export interface RouteLine {
  routeId: string;
  ruleId: string;
  closesAt: string | null;
  missing: Array<{
    part: string;
    needs: string;
    bestSoFar: string | null;
    bestSource: string | null;
  }>;
}

/** The fields the student readiness card shows, and nothing else. */
export interface StudentCardModel {
  personId: string;
  displayName: string | null;
  graduationYear: number | null;
  hasResult: boolean;
  isReady: boolean;
  accountabilityYear: number | null;
  creditedIndicators: string[];
  indicators: IndicatorLine[];
  routes: RouteLine[];
  computedAt: Date | null;
}

function presentRoutes(path: ReadinessPath | null | undefined, locale: Locale): RouteLine[] {
  if (!path) return [];
  return path.routes.map((route) => ({
    routeId: route.route_id,
    ruleId: route.rule_id,
    closesAt: route.closes_at,
    missing: route.missing.map((piece) => ({
      part: piece.part,
      ...describeNeed(piece, locale),
      bestSource: piece.best_source,
    })),
  }));
}

/**
 * Chooses what the readiness card shows of one student: each indicator with its status,
 * deciding rule, evidence and date, and the open routes to readiness.
 *
 * @param row - the student, loaded for a viewer allowed to read them.
 * @param path - the path to readiness (stored with the result or computed for the card).
 * @param locale - the viewer's language, for the requirements of the path.
 * @returns the card's model.
 */
export function presentStudentCard(
  row: StudentRow,
  path: ReadinessPath | null | undefined,
  locale: Locale,
): StudentCardModel {
  const result = row.result;
  return {
    personId: row.personId,
    displayName: row.displayName,
    graduationYear: row.graduationYear,
    hasResult: result !== null,
    isReady: result?.ccmr_met ?? false,
    accountabilityYear: result?.accountability_year ?? null,
    creditedIndicators: result?.credited_indicators ?? [],
    indicators: (result?.explanations.indicators ?? []).map((line) => ({
      indicator: line.indicator,
      isMet: line.is_met,
      reason: line.reason,
      ruleId: line.rule_id,
      evidence: describeEvidence(line.evidence),
      date: line.evidence?.date ?? null,
    })),
    routes: result?.ccmr_met ? [] : presentRoutes(path ?? result?.path, locale),
    computedAt: row.computedAt,
  };
}
