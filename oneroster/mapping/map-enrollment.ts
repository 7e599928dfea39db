import { z } from 'zod';
import {
  baseFields,
  booleanField,
  dateField,
  mapWith,
  refField,
  type MapOutcome,
  type MappedBase,
} from './wire-fields.js';

/** A person in a class, with their role in it. */
export interface MappedEnrollment extends MappedBase {
  classSourcedId: string;
  userSourcedId: string;
  schoolSourcedId: string | null;
  role: string;
  isPrimary: boolean;
  beginDate: string | null;
  endDate: string | null;
}

const enrollmentSchema = z.looseObject({
  ...baseFields,
  class: refField,
  user: refField,
  school: refField.optional().nullable(),
  role: z.string().min(1, 'is empty'),
  primary: booleanField.optional().nullable(),
  beginDate: dateField.optional().nullable(),
  endDate: dateField.optional().nullable(),
});

/** Maps a 1.1 or 1.2 enrollment. */
export function mapEnrollment(input: unknown): MapOutcome<MappedEnrollment> {
  return mapWith(enrollmentSchema, input, (e) => ({
    sourcedId: e.sourcedId,
    status: e.status,
    modifiedAt: e.dateLastModified,
    classSourcedId: e.class.sourcedId,
    userSourcedId: e.user.sourcedId,
    schoolSourcedId: e.school?.sourcedId ?? null,
    role: e.role,
    isPrimary: e.primary ?? false,
    beginDate: e.beginDate ?? null,
    endDate: e.endDate ?? null,
  }));
}
