import {
  CAMPUS_ADMINISTRATORS,
  CLASS_SIZE,
  DISTRICT_ADMINISTRATORS,
  SECTIONS_PER_TEACHER,
  STUDENTS_PER_COUNSELOR,
} from './course-plan.js';

/** What to generate. Same options, same district, every time. */
export interface DistrictOptions {
  seed: number;
  /** Number of high schools. */
  campuses: number;
  /** Students across all campuses (grades 9–12). */
  students: number;
  /** The school year by its ending year: 2027 is the 2026–27 school year. */
  schoolYear: number;
  /** dateLastModified of every generated record (ISO 8601). */
  modifiedAt: string;
  districtName: string;
}

/** Per-campus counts and where each campus starts in every entity's index space. */
export interface CampusPlan {
  index: number;
  students: number;
  studentStart: number;
  /** Sections of each grade (9..12), per period. */
  sectionsByGrade: number[];
  classStart: number;
  classes: number;
  teachers: number;
  teacherStart: number;
  counselors: number;
  counselorStart: number;
  adminStart: number;
}

/** The shape of the whole district: counts and index ranges, computed once (a few numbers). */
export interface DistrictPlan {
  options: DistrictOptions;
  campuses: CampusPlan[];
  totals: {
    students: number;
    teachers: number;
    counselors: number;
    administrators: number;
    users: number;
    classes: number;
    courses: number;
    enrollments: number;
    orgs: number;
    academicSessions: number;
  };
}

/** Students of a campus in grade `grade` when grade = 9 + (local index mod 4). */
function studentsInGrade(campusStudents: number, grade: number): number {
  return Math.floor((campusStudents - (grade - 9) + 3) / 4);
}

/** Lays out the district: campus sizes, sections, staff, and the index range of each. */
export function planDistrict(options: DistrictOptions): DistrictPlan {
  const campuses: CampusPlan[] = [];
  let classStart = 0;
  for (let c = 0; c < options.campuses; c += 1) {
    const studentStart = Math.floor((c * options.students) / options.campuses);
    const students = Math.floor(((c + 1) * options.students) / options.campuses) - studentStart;
    const sectionsByGrade = [9, 10, 11, 12].map((g) =>
      Math.max(1, Math.ceil(studentsInGrade(students, g) / CLASS_SIZE)),
    );
    const classes = sectionsByGrade.reduce((sum, n) => sum + n * 7, 0);
    campuses.push({
      index: c,
      students,
      studentStart,
      sectionsByGrade,
      classStart,
      classes,
      teachers: Math.ceil(classes / SECTIONS_PER_TEACHER),
      teacherStart: 0,
      counselors: Math.max(1, Math.ceil(students / STUDENTS_PER_COUNSELOR)),
      counselorStart: 0,
      adminStart: 0,
    });
    classStart += classes;
  }
  const students = options.students;
  let next = students;
  for (const campus of campuses) {
    campus.teacherStart = next;
    next += campus.teachers;
  }
  const teachers = next - students;
  for (const campus of campuses) {
    campus.counselorStart = next;
    next += campus.counselors;
  }
  const counselors = next - students - teachers;
  for (const campus of campuses) {
    campus.adminStart = next;
    next += CAMPUS_ADMINISTRATORS;
  }
  const administrators = next - students - teachers - counselors + DISTRICT_ADMINISTRATORS;
  const classes = classStart;
  return {
    options,
    campuses,
    totals: {
      students,
      teachers,
      counselors,
      administrators,
      users: students + teachers + counselors + administrators,
      classes,
      courses: options.campuses * 28,
      enrollments: students * 7 + classes,
      orgs: 1 + options.campuses,
      academicSessions: 3,
    },
  };
}

/** The campus whose range of `startKey` contains `index` (campuses are few: a linear scan). */
export function campusOf(
  plan: DistrictPlan,
  index: number,
  startKey: 'studentStart' | 'classStart' | 'teacherStart' | 'counselorStart' | 'adminStart',
): CampusPlan {
  let found = plan.campuses[0]!;
  for (const campus of plan.campuses) {
    if (campus[startKey] <= index) found = campus;
  }
  return found;
}
