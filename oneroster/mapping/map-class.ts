import { z } from 'zod';
import {
  baseFields,
  mapWith,
  optionalText,
  refField,
  type MapOutcome,
  type MappedBase,
} from './wire-fields.js';

/** A section of a course at a school in one or more terms. */
export interface MappedClass extends MappedBase {
  title: string;
  classCode: string | null;
  courseSourcedId: string;
  schoolSourcedId: string;
  termSourcedIds: string[];
}

const classSchema = z.looseObject({
  ...baseFields,
  title: z.string().min(1, 'is empty'),
  classCode: optionalText,
  course: refField,
  school: refField,
  terms: z.array(refField).optional().nullable(),
});

/** Maps a 1.1 or 1.2 class. */
export function mapClass(input: unknown): MapOutcome<MappedClass> {
  return mapWith(classSchema, input, (c) => ({
    sourcedId: c.sourcedId,
    status: c.status,
    modifiedAt: c.dateLastModified,
    title: c.title,
    classCode: c.classCode,
    courseSourcedId: c.course.sourcedId,
    schoolSourcedId: c.school.sourcedId,
    termSourcedIds: (c.terms ?? []).map((t) => t.sourcedId),
  }));
}
