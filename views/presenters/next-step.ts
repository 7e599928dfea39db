import type { ReadinessPath } from '../../calculators/index.js';
import type { Locale } from '../render/string-catalogue.js';
import { describeNeed } from './describe-need.js';

/** The one next step shown for a student not yet ready: the closest route's first gap. */
export interface NextStep {
  routeId: string;
  needs: string | null;
  closesAt: string | null;
}

/**
 * Picks the one next step from a path to readiness: the closest open route (the calculators
 * rank routes closest first) and the first thing it still needs.
 *
 * @param path - the student's path, or null when unknown.
 * @param locale - the viewer's language.
 * @returns the step, or null when the student is ready or no route is open.
 */
export function pickNextStep(
  path: ReadinessPath | null | undefined,
  locale: Locale,
): NextStep | null {
  const route = path?.routes[0];
  if (!route) return null;
  const first = route.missing[0];
  const needs = first ? describeNeed(first, locale).needs : null;
  return { routeId: route.route_id, needs, closesAt: route.closes_at };
}
