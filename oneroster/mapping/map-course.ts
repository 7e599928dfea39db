import { z } from 'zod';
import {
  baseFields,
  mapWith,
  optionalText,
  refField,
  type MapOutcome,
  type MappedBase,
} from './wire-fields.js';

/** A course of the catalog. */
export interface MappedCourse extends MappedBase {
  title: string;
  courseCode: string | null;
  orgSourcedId: string | null;
  subjects: string[];
}

const courseSchema = z.looseObject({
  ...baseFields,
  title: z.string().min(1, 'is empty'),
  courseCode: optionalText,
  org: refField.optional().nullable(),
  subjects: z.array(z.string()).optional().nullable(),
});

/** Maps a 1.1 or 1.2 course. */
export function mapCourse(input: unknown): MapOutcome<MappedCourse> {
  return mapWith(courseSchema, input, (c) => ({
    sourcedId: c.sourcedId,
    status: c.status,
    modifiedAt: c.dateLastModified,
    title: c.title,
    courseCode: c.courseCode,
    orgSourcedId: c.org?.sourcedId ?? null,
    subjects: c.subjects ?? [],
  }));
}
