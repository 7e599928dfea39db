import { z } from 'zod';
import {
  baseFields,
  booleanField,
  dateField,
  mapWith,
  optionalText,
  type MapOutcome,
  type MappedBase,
} from './wire-fields.js';

/** The demographics of a user (its sourcedId is the user's). Encrypted whole when stored. */
export interface MappedDemographics extends MappedBase {
  birthDate: string | null;
  /** Sex, race and ethnicity flags, birthplace, residence status. */
  data: Record<string, string | boolean | null>;
}

const FLAGS = [
  'americanIndianOrAlaskaNative',
  'asian',
  'blackOrAfricanAmerican',
  'nativeHawaiianOrOtherPacificIslander',
  'white',
  'demographicRaceTwoOrMoreRaces',
  'hispanicOrLatinoEthnicity',
] as const;
const TEXTS = [
  'sex',
  'countryOfBirthCode',
  'stateOfBirthAbbreviation',
  'cityOfBirth',
  'publicSchoolResidenceStatus',
] as const;

const demographicsSchema = z.looseObject({
  ...baseFields,
  birthDate: dateField.optional().nullable(),
  ...Object.fromEntries(FLAGS.map((f) => [f, booleanField.optional().nullable()])),
  ...Object.fromEntries(TEXTS.map((f) => [f, optionalText])),
});

/** Maps a 1.1 or 1.2 demographics record. */
export function mapDemographics(input: unknown): MapOutcome<MappedDemographics> {
  return mapWith(demographicsSchema, input, (d) => {
    const values = d as Record<string, unknown>;
    const data: Record<string, string | boolean | null> = {};
    for (const key of [...TEXTS, ...FLAGS]) {
      const value = values[key];
      if (value !== undefined && value !== null) data[key] = value as string | boolean;
    }
    return {
      sourcedId: d.sourcedId,
      status: d.status,
      modifiedAt: d.dateLastModified,
      birthDate: (d.birthDate as string | null | undefined) ?? null,
      data,
    };
  });
}
