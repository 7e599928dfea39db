/**
 * The seven periods of each grade in the generated district: title, TEA service ID (the PEIMS
 * course number districts use as course code) and subject.
 */
export interface PlannedCourse {
  title: string;
  courseCode: string;
  subject: string;
}

function course(title: string, courseCode: string, subject: string): PlannedCourse {
  return { title, courseCode, subject };
}

/** COURSE_PLAN[grade - 9][period]. */
export const COURSE_PLAN: readonly (readonly PlannedCourse[])[] = [
  [
    course('English I', '03220100', 'English Language Arts'),
    course('Algebra I', '03100500', 'Mathematics'),
    course('Biology', '03010200', 'Science'),
    course('World Geography Studies', '03320100', 'Social Studies'),
    course('Spanish I', '03440100', 'Languages Other Than English'),
    course('Principles of Health Science', '13020200', 'Career and Technical Education'),
    course('Physical Education I', 'PES00052', 'Physical Education'),
  ],
  [
    course('English II', '03220200', 'English Language Arts'),
    course('Geometry', '03100700', 'Mathematics'),
    course('Chemistry', '03040000', 'Science'),
    course('World History Studies', '03340400', 'Social Studies'),
    course('Spanish II', '03440200', 'Languages Other Than English'),
    course('Principles of Information Technology', '13027200', 'Career and Technical Education'),
    course('Art I', '03500100', 'Fine Arts'),
  ],
  [
    course('English III', '03220300', 'English Language Arts'),
    course('Algebra II', '03100600', 'Mathematics'),
    course('Physics', '03050000', 'Science'),
    course('United States History Studies Since 1877', '03340100', 'Social Studies'),
    course('AP English Language and Composition', 'A3220100', 'English Language Arts'),
    course('Welding I', '13032900', 'Career and Technical Education'),
    course('Professional Communications', '13009900', 'Career and Technical Education'),
  ],
  [
    course('English IV', '03220400', 'English Language Arts'),
    course('Precalculus', '03101100', 'Mathematics'),
    course('Anatomy and Physiology', '13020600', 'Science'),
    course('United States Government', '03330100', 'Social Studies'),
    course('Economics with Emphasis on the Free Enterprise System', '03310300', 'Social Studies'),
    course('College Prep Mathematics', 'CP111200', 'Mathematics'),
    course('College Prep English Language Arts', 'CP110100', 'English Language Arts'),
  ],
];

/** Students per class section. */
export const CLASS_SIZE = 28;
/** Sections each teacher teaches. */
export const SECTIONS_PER_TEACHER = 6;
/** Students per counselor (at least one counselor per campus). */
export const STUDENTS_PER_COUNSELOR = 350;
/** Campus administrators: a principal and two assistant principals. */
export const CAMPUS_ADMINISTRATORS = 3;
/** District administrators in the central office. */
export const DISTRICT_ADMINISTRATORS = 3;
