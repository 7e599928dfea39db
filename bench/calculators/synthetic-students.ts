import type { StudentRecord } from '../../calculators/index.js';

/**
 * A fixed, seeded generator of §3 student records with a realistic mix of evidence, so that
 * benchmark runs are comparable from one machine and one change to the next.
 */

/** mulberry32: a small, fast, seeded pseudo-random generator returning [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates `count` students of one accountability year.
 *
 * @param count - how many records.
 * @param seed - the generator seed; the same seed gives the same records.
 * @param year - accountability year (class of year − 1).
 * @returns the records.
 */
export function generateStudents(count: number, seed: number, year = 2025): StudentRecord[] {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const day = (y: number) =>
    `${y}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
  const classOf = year - 1;
  const students: StudentRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const graduated = chance(0.94);
    const record: StudentRecord = {
      student_id: `B${i}`,
      campus_id: `C${i % 40}`,
      accountability_year: year,
      graduated,
      graduation_date: graduated
        ? `${classOf}-05-${String(between(20, 31)).padStart(2, '0')}`
        : null,
      school_year_end_date: graduated ? null : `${classOf}-05-30`,
      grade12_attended_last_six_weeks: !graduated && chance(0.8),
      grade9_start_date: `${classOf - 4}-08-17`,
      econ_disadv: chance(0.55),
      sped_in_graduation_year: chance(0.11),
      graduation_plan: chance(0.6) ? 'FHSP-DLA' : 'FHSP',
      ps_enrolled_by_10th_day_fall: chance(0.5),
    };
    if (chance(0.55))
      record.sat = [{ date: day(classOf - 1), ebrw: between(350, 700), math: between(350, 700) }];
    if (chance(0.2))
      record.act = [
        {
          date: day(classOf - 1),
          english: between(12, 30),
          reading: between(12, 30),
          math: between(12, 30),
          composite: between(12, 30),
        },
      ];
    if (chance(0.35)) {
      record.tsia2 = [
        {
          date: day(classOf - 1),
          elar_crc: between(920, 990),
          essay: between(2, 8),
          math_crc: between(920, 990),
          math_diag: between(1, 6),
        },
      ];
    }
    if (chance(0.15))
      record.college_prep = [
        {
          subject: chance(0.5) ? 'ELA' : 'MATH',
          completed_with_credit: chance(0.9),
          grade_level: between(11, 12),
        },
      ];
    if (chance(0.3))
      record.ap_exams = [
        { date: day(classOf - 1), subject: 'AP English Language', score: between(1, 5) },
      ];
    if (chance(0.25)) {
      record.dual_credit_courses = [
        {
          subject: 'ELA',
          hours: 3,
          credit_earned: chance(0.85),
          completion_date: day(classOf - 1),
        },
        {
          subject: 'OTHER',
          hours: between(1, 6),
          credit_earned: true,
          completion_date: day(classOf - 1),
        },
      ];
    }
    if (chance(0.2)) {
      record.ibc_earned = [
        {
          code: `IBC-${between(1, 40)}`,
          lists: chance(0.2) ? ['2019-2022'] : ['2019-2022', '2022-2025'],
          earned_date: day(classOf - 1),
          result_code: chance(0.85) ? '01' : '02',
          aligned_pos_status: (['none', 'level2_course', 'concentrator', 'completer'] as const)[
            between(0, 3)
          ],
        },
      ];
    }
    if (chance(0.04))
      record.enlistment = {
        date: `${classOf}-0${between(1, 9)}-15`,
        component: 'active',
        dd4_complete: chance(0.8),
        dmdc_match: false,
      };
    if (chance(0.02)) record.associate_degree_date = `${classOf}-05-10`;
    students.push(record);
  }
  return students;
}
