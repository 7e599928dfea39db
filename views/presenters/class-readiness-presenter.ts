import type { ReadinessPath } from '../../calculators/index.js';
import type { StudentRow } from '../sources/student-rows.js';
import { pickNextStep, type NextStep } from './next-step.js';
import type { Locale } from '../render/string-catalogue.js';

/** One student line of the class view. */
export interface ClassStudentLine {
  personId: string;
  displayName: string | null;
  hasResult: boolean;
  isReady: boolean;
  credited: string[];
  nextStep: NextStep | null;
}

/** One section of the launching course. */
export interface ClassSection {
  title: string;
  readyCount: number;
  students: ClassStudentLine[];
}

/**
 * Chooses what the class view shows of each student: readiness, credited indicators and the one
 * next step; no scores, no demographics.
 *
 * @param title - the section title.
 * @param rows - the section's students, already limited to the viewer's scope.
 * @param paths - each not-ready student's path, by person id.
 * @param locale - the viewer's language.
 * @returns the section's model.
 */
export function presentClassSection(
  title: string,
  rows: readonly StudentRow[],
  paths: ReadonlyMap<string, ReadinessPath | null>,
  locale: Locale,
): ClassSection {
  const students = rows.map((row) => ({
    personId: row.personId,
    displayName: row.displayName,
    hasResult: row.result !== null,
    isReady: row.result?.ccmr_met ?? false,
    credited: row.result?.credited_indicators ?? [],
    nextStep: row.result?.ccmr_met ? null : pickNextStep(paths.get(row.personId), locale),
  }));
  return { title, readyCount: students.filter((s) => s.isReady).length, students };
}
