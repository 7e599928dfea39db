import { z } from 'zod';
import {
  baseFields,
  dateField,
  mapWith,
  refField,
  type MapOutcome,
  type MappedBase,
} from './wire-fields.js';

/** A school year, semester, term or grading period. */
export interface MappedAcademicSession extends MappedBase {
  title: string;
  sessionType: string;
  startDate: string;
  endDate: string;
  parentSourcedId: string | null;
  /** The ending year of the school year (2027 for 2026–27). */
  schoolYear: number | null;
}

const sessionSchema = z.looseObject({
  ...baseFields,
  title: z.string().min(1, 'is empty'),
  type: z.string().min(1, 'is empty'),
  startDate: dateField,
  endDate: dateField,
  parent: refField.optional().nullable(),
  schoolYear: z
    .union([z.number().int(), z.string().regex(/^\d{4}$/, 'is not a 4-digit year')])
    .optional()
    .transform((v) => (v === undefined ? null : Number(v))),
});

/** Maps a 1.1 or 1.2 academic session. */
export function mapAcademicSession(input: unknown): MapOutcome<MappedAcademicSession> {
  return mapWith(sessionSchema, input, (s) => ({
    sourcedId: s.sourcedId,
    status: s.status,
    modifiedAt: s.dateLastModified,
    title: s.title,
    sessionType: s.type,
    startDate: s.startDate,
    endDate: s.endDate,
    parentSourcedId: s.parent?.sourcedId ?? null,
    schoolYear: s.schoolYear,
  }));
}
