import { pickAt, randomAt } from './seeded-random.js';
import { FAMILY_NAMES, GIVEN_NAMES, HERITAGE_SHARES, type Heritage } from './texas-names.js';

/** Keys of the random streams, so names and demographics never share draws. */
const USER_KEY = 2;
const DEMOGRAPHIC_KEY = 3;

/** The generated person behind user `index`: heritage, sex and names. */
export interface GeneratedPerson {
  heritage: Heritage;
  isFemale: boolean;
  givenName: string;
  familyName: string;
  middleName?: string;
}

/** The person of user `index` in the district of `seed`: the same every time. */
export function generatePerson(seed: number, index: number): GeneratedPerson {
  const roll = randomAt(seed, USER_KEY, index, 1);
  const heritage: Heritage = HERITAGE_SHARES.find(([, share]) => roll < share)![0];
  const isFemale = randomAt(seed, USER_KEY, index, 2) < 0.5;
  const givens = GIVEN_NAMES[heritage][isFemale ? 'female' : 'male'];
  return {
    heritage,
    isFemale,
    givenName: pickAt(givens, seed, USER_KEY, index, 3),
    familyName: pickAt(FAMILY_NAMES[heritage], seed, USER_KEY, index, 4),
    middleName:
      randomAt(seed, USER_KEY, index, 5) < 0.6
        ? pickAt(givens, seed, USER_KEY, index, 6)
        : undefined,
  };
}

/** The OneRoster race and ethnicity flags of a person of `heritage`. */
export function raceFlags(seed: number, heritage: Heritage, index: number) {
  const twoOrMore = randomAt(seed, DEMOGRAPHIC_KEY, index, 3) < 0.04;
  return {
    americanIndianOrAlaskaNative: heritage === 'other' && index % 2 === 0,
    asian: heritage === 'asian',
    blackOrAfricanAmerican: heritage === 'black',
    nativeHawaiianOrOtherPacificIslander: heritage === 'other' && index % 2 === 1,
    white: heritage === 'anglo' || heritage === 'hispanic',
    demographicRaceTwoOrMoreRaces: twoOrMore,
    hispanicOrLatinoEthnicity: heritage === 'hispanic',
  };
}
