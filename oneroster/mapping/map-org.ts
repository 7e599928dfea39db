import { z } from 'zod';
import {
  baseFields,
  mapWith,
  optionalText,
  refField,
  type MapOutcome,
  type MappedBase,
} from './wire-fields.js';

/** An org as stored: the district, its campuses, and any other org the provider sends. */
export interface MappedOrg extends MappedBase {
  name: string;
  orgType: string;
  identifier: string | null;
  parentSourcedId: string | null;
  /** 9-digit TEA campus number (schools) or 6-digit county-district number (district). */
  teaNumber: string | null;
}

const orgSchema = z.looseObject({
  ...baseFields,
  name: z.string().min(1, 'is empty'),
  type: z.string().min(1, 'is empty'),
  identifier: optionalText,
  parent: refField.optional().nullable(),
});

/**
 * The TEA number in an org identifier. Districts write it as 101912001, 101-912-001 or
 * '101912001 (a leading quote kept by spreadsheets); anything else is not one.
 */
export function readTeaNumber(orgType: string, identifier: string | null): string | null {
  const digits = (identifier ?? '').replace(/^'/, '').replace(/[\s-]/g, '');
  if (orgType === 'school' && /^\d{9}$/.test(digits)) return digits;
  if (orgType === 'district' && /^\d{6}$/.test(digits)) return digits;
  return null;
}

/** Maps a 1.1 or 1.2 org. */
export function mapOrg(input: unknown): MapOutcome<MappedOrg> {
  return mapWith(orgSchema, input, (o) => ({
    sourcedId: o.sourcedId,
    status: o.status,
    modifiedAt: o.dateLastModified,
    name: o.name,
    orgType: o.type,
    identifier: o.identifier,
    parentSourcedId: o.parent?.sourcedId ?? null,
    teaNumber: readTeaNumber(o.type, o.identifier),
  }));
}
