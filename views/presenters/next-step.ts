import type { ReadinessPath } from '../../calculators/index.js';

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
 * @returns the step, or null when the student is ready or no route is open.
 */
export function pickNextStep(path: ReadinessPath | null | undefined): NextStep | null {
  const route = path?.routes[0];
  if (!route) return null;
  return {
    routeId: route.route_id,
    needs: route.missing[0]?.needs ?? null,
    closesAt: route.closes_at,
  };
}
