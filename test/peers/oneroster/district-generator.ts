import { COURSE_PLAN, DISTRICT_ADMINISTRATORS, SECTIONS_PER_TEACHER } from './course-plan.js';
import {
  campusOf,
  planDistrict,
  type CampusPlan,
  type DistrictOptions,
  type DistrictPlan,
} from './district-plan.js';
import { hashInts, pickAt, randomAt } from './seeded-random.js';
import { asciiSlug, CAMPUS_NAMES, TEXAS_CITIES } from './texas-names.js';
import { generatePerson, raceFlags } from './generated-person.js';

/** The entities a OneRoster provider serves, in the order a consumer loads them. */
export const ENTITIES = [
  'orgs',
  'academicSessions',
  'courses',
  'classes',
  'users',
  'enrollments',
  'demographics',
] as const;
export type Entity = (typeof ENTITIES)[number];

/** A record in the OneRoster 1.2 JSON binding (1.1 is derived from it when served). */
export type WireRecord = Record<string, unknown> & {
  sourcedId: string;
  status: string;
  dateLastModified: string;
};

const KEY = { org: 1, user: 2, demographic: 3 } as const;

function ref(collection: string, sourcedId: string, type: string) {
  return { href: `${collection}/${sourcedId}`, sourcedId, type };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A Texas-like district generated on demand: any record is computed from its index alone, so a
 * district of 200,000 students is served page by page without ever being held in memory.
 */
export class DistrictGenerator {
  readonly plan: DistrictPlan;
  readonly #options: DistrictOptions;
  readonly #districtNumber: string;

  constructor(options: Partial<DistrictOptions> & { students: number }) {
    this.#options = {
      seed: 2027,
      campuses: 4,
      schoolYear: 2027,
      modifiedAt: '2026-08-01T12:00:00.000Z',
      districtName: 'Lone Star Independent School District',
      ...options,
    };
    this.plan = planDistrict(this.#options);
    const seed = this.#options.seed;
    // County number 001–254 and a district number 901–999: a 6-digit county-district number.
    this.#districtNumber =
      pad(1 + (hashInts(seed, 11) % 254), 3) + pad(901 + (hashInts(seed, 12) % 99), 3);
  }

  /** How many records of the entity the district has. */
  count(entity: Entity): number {
    const t = this.plan.totals;
    const counts: Record<Entity, number> = {
      orgs: t.orgs,
      academicSessions: t.academicSessions,
      courses: t.courses,
      classes: t.classes,
      users: t.users,
      enrollments: t.enrollments,
      demographics: t.students,
    };
    return counts[entity];
  }

  /** The sourcedId of the record at `index`, without building the record. */
  sourcedIdAt(entity: Entity, index: number): string {
    const prefix: Record<Entity, string> = {
      orgs: 'org',
      academicSessions: 'as',
      courses: 'crs',
      classes: 'cls',
      users: 'usr',
      enrollments: 'enr',
      demographics: 'usr',
    };
    return `${prefix[entity]}-${index}`;
  }

  /** The index of a sourcedId of this district, or undefined when it is not one. */
  indexOf(entity: Entity, sourcedId: string): number | undefined {
    const match = /^[a-z]+-(\d+)$/.exec(sourcedId);
    if (!match) return undefined;
    const index = Number(match[1]);
    return index < this.count(entity) && this.sourcedIdAt(entity, index) === sourcedId
      ? index
      : undefined;
  }

  /** Builds the record at `index` (0 ≤ index < count(entity)). */
  recordAt(entity: Entity, index: number): WireRecord {
    switch (entity) {
      case 'orgs':
        return this.#org(index);
      case 'academicSessions':
        return this.#session(index);
      case 'courses':
        return this.#course(index);
      case 'classes':
        return this.#class(index);
      case 'users':
        return this.#user(index);
      case 'enrollments':
        return this.#enrollment(index);
      case 'demographics':
        return this.#demographics(index);
    }
  }

  /** The 9-digit TEA campus number of campus `c`. */
  campusNumber(c: number): string {
    return `${this.#districtNumber}${pad(1 + c, 3)}`;
  }

  #base(entity: Entity, index: number) {
    return {
      sourcedId: this.sourcedIdAt(entity, index),
      status: 'active',
      dateLastModified: this.#options.modifiedAt,
    };
  }

  #org(index: number): WireRecord {
    if (index === 0) {
      return {
        ...this.#base('orgs', 0),
        name: this.#options.districtName,
        type: 'district',
        identifier: this.#districtNumber,
        children: this.plan.campuses.map((c) =>
          ref('orgs', this.sourcedIdAt('orgs', c.index + 1), 'org'),
        ),
      };
    }
    const c = index - 1;
    return {
      ...this.#base('orgs', index),
      name:
        CAMPUS_NAMES[c % CAMPUS_NAMES.length]! +
        (c >= CAMPUS_NAMES.length ? ` ${Math.floor(c / CAMPUS_NAMES.length) + 1}` : ''),
      type: 'school',
      identifier: this.campusNumber(c),
      parent: ref('orgs', this.sourcedIdAt('orgs', 0), 'org'),
    };
  }

  #session(index: number): WireRecord {
    const y = this.#options.schoolYear;
    const yearRef = ref(
      'academicSessions',
      this.sourcedIdAt('academicSessions', 0),
      'academicSession',
    );
    const sessions = [
      {
        title: `${y - 1}-${y} School Year`,
        type: 'schoolYear',
        startDate: `${y - 1}-08-12`,
        endDate: `${y}-05-28`,
      },
      {
        title: `Fall ${y - 1}`,
        type: 'semester',
        startDate: `${y - 1}-08-12`,
        endDate: `${y - 1}-12-18`,
        parent: yearRef,
      },
      {
        title: `Spring ${y}`,
        type: 'semester',
        startDate: `${y}-01-06`,
        endDate: `${y}-05-28`,
        parent: yearRef,
      },
    ];
    return { ...this.#base('academicSessions', index), ...sessions[index]!, schoolYear: String(y) };
  }

  #course(index: number): WireRecord {
    const c = Math.floor(index / 28);
    const grade = 9 + Math.floor((index % 28) / 7);
    const planned = COURSE_PLAN[grade - 9]![index % 7]!;
    return {
      ...this.#base('courses', index),
      title: planned.title,
      courseCode: planned.courseCode,
      grades: [pad(grade, 2)],
      subjects: [planned.subject],
      org: ref('orgs', this.sourcedIdAt('orgs', c + 1), 'org'),
      schoolYear: ref(
        'academicSessions',
        this.sourcedIdAt('academicSessions', 0),
        'academicSession',
      ),
    };
  }

  /** Campus, grade, period and section of class `index`. */
  #classPosition(index: number) {
    const campus = campusOf(this.plan, index, 'classStart');
    let rest = index - campus.classStart;
    for (let g = 0; g < 4; g += 1) {
      const sections = campus.sectionsByGrade[g]!;
      if (rest < sections * 7) {
        return {
          campus,
          grade: 9 + g,
          period: Math.floor(rest / sections),
          section: rest % sections,
        };
      }
      rest -= sections * 7;
    }
    throw new RangeError(`class index ${index} is outside the district`);
  }

  #classIndex(campus: CampusPlan, grade: number, period: number, section: number): number {
    let offset = campus.classStart;
    for (let g = 9; g < grade; g += 1) offset += campus.sectionsByGrade[g - 9]! * 7;
    return offset + period * campus.sectionsByGrade[grade - 9]! + section;
  }

  #class(index: number): WireRecord {
    const { campus, grade, period, section } = this.#classPosition(index);
    const planned = COURSE_PLAN[grade - 9]![period]!;
    const term = 1 + (period % 2);
    return {
      ...this.#base('classes', index),
      title: `${planned.title} - Period ${period + 1} Section ${section + 1}`,
      classCode: `${planned.courseCode}-${pad(period + 1, 2)}${pad(section + 1, 2)}`,
      classType: 'scheduled',
      location: `Room ${100 * (1 + (period % 3)) + section + 1}`,
      grades: [pad(grade, 2)],
      subjects: [planned.subject],
      course: ref(
        'courses',
        this.sourcedIdAt('courses', campus.index * 28 + (grade - 9) * 7 + period),
        'course',
      ),
      school: ref('orgs', this.sourcedIdAt('orgs', campus.index + 1), 'org'),
      terms: [
        ref('academicSessions', this.sourcedIdAt('academicSessions', term), 'academicSession'),
      ],
      periods: [String(period + 1)],
    };
  }

  /** Role, home org (as orgs index) and grade of user `index`. */
  #userRole(index: number): { role: string; orgIndex: number; grade?: number } {
    const t = this.plan.totals;
    if (index < t.students) {
      const campus = campusOf(this.plan, index, 'studentStart');
      return {
        role: 'student',
        orgIndex: campus.index + 1,
        grade: 9 + ((index - campus.studentStart) % 4),
      };
    }
    const first = this.plan.campuses[0]!;
    if (index < first.counselorStart) {
      return { role: 'teacher', orgIndex: campusOf(this.plan, index, 'teacherStart').index + 1 };
    }
    if (index < first.adminStart) {
      return {
        role: 'counselor',
        orgIndex: campusOf(this.plan, index, 'counselorStart').index + 1,
      };
    }
    if (index < t.users - DISTRICT_ADMINISTRATORS) {
      const campus = campusOf(this.plan, index, 'adminStart');
      return {
        role: index === campus.adminStart ? 'principal' : 'siteAdministrator',
        orgIndex: campus.index + 1,
      };
    }
    return { role: 'districtAdministrator', orgIndex: 0 };
  }

  #user(index: number): WireRecord {
    const person = generatePerson(this.#options.seed, index);
    const { role, orgIndex, grade } = this.#userRole(index);
    const org = ref('orgs', this.sourcedIdAt('orgs', orgIndex), 'org');
    const isStudent = role === 'student';
    const localId = isStudent
      ? String(100000 + index)
      : `E${pad(index - this.plan.totals.students + 1, 5)}`;
    const handle = `${asciiSlug(person.givenName)}.${asciiSlug(person.familyName)}${localId.slice(-3)}`;
    const userIds = isStudent
      ? [
          {
            type: 'TX-UNIQUE-ID',
            identifier: String(2_000_000_000 + index * 37 + (this.#options.seed % 37)),
          },
        ]
      : [{ type: 'employeeId', identifier: localId }];
    return {
      ...this.#base('users', index),
      enabledUser: true,
      username: handle,
      userIds,
      givenName: person.givenName,
      familyName: person.familyName,
      ...(person.middleName ? { middleName: person.middleName } : {}),
      roles: [{ roleType: 'primary', role, org }],
      primaryOrg: org,
      identifier: localId,
      email: `${handle}@${isStudent ? 'students.' : ''}lonestar-isd.example`,
      grades: grade === undefined ? [] : [pad(grade, 2)],
      agents: [],
    };
  }

  /** The class student `student` takes in `period`. */
  studentClassIndex(student: number, period: number): number {
    const campus = campusOf(this.plan, student, 'studentStart');
    const local = student - campus.studentStart;
    const grade = 9 + (local % 4);
    const sections = campus.sectionsByGrade[grade - 9]!;
    const section = (Math.floor(Math.floor(local / 4) / 28) + period) % sections;
    return this.#classIndex(campus, grade, period, section);
  }

  #enrollment(index: number): WireRecord {
    const t = this.plan.totals;
    const y = this.#options.schoolYear;
    const isStudent = index < t.students * 7;
    const classIndex = isStudent
      ? this.studentClassIndex(Math.floor(index / 7), index % 7)
      : index - t.students * 7;
    const { campus } = this.#classPosition(classIndex);
    const userIndex = isStudent
      ? Math.floor(index / 7)
      : campus.teacherStart + Math.floor((classIndex - campus.classStart) / SECTIONS_PER_TEACHER);
    return {
      ...this.#base('enrollments', index),
      user: ref('users', this.sourcedIdAt('users', userIndex), 'user'),
      class: ref('classes', this.sourcedIdAt('classes', classIndex), 'class'),
      school: ref('orgs', this.sourcedIdAt('orgs', campus.index + 1), 'org'),
      role: isStudent ? 'student' : 'teacher',
      primary: !isStudent,
      beginDate: `${y - 1}-08-12`,
      endDate: `${y}-05-28`,
    };
  }

  #demographics(index: number): WireRecord {
    const seed = this.#options.seed;
    const person = generatePerson(this.#options.seed, index);
    const grade = this.#userRole(index).grade ?? 12;
    // A grade-12 student of school year 2026–27 was born between 2008-09-01 and 2009-08-31.
    const bornFrom = Date.UTC(this.#options.schoolYear - 7 - grade, 8, 1);
    const birthDate = new Date(
      bornFrom + Math.floor(randomAt(seed, KEY.demographic, index, 1) * 365) * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    const race = raceFlags(seed, person.heritage, index);
    return {
      ...this.#base('demographics', index),
      birthDate,
      sex: person.isFemale ? 'female' : 'male',
      ...race,
      countryOfBirthCode: 'US',
      stateOfBirthAbbreviation: 'TX',
      cityOfBirth: pickAt(TEXAS_CITIES, seed, KEY.demographic, index, 2),
      publicSchoolResidenceStatus: '01652',
    };
  }
}
