import type { YearParameters } from '../parameters/year-parameters.js';
import type { IbcResult, PendingEvidence, PosStatus, StudentRecord } from '../student-record.js';

/**
 * The record as it would be if every pending item still ahead of `now` succeeds: a scheduled
 * exam scores exactly at the cuts, courses in progress finish with credit on their expected
 * date, a registered IBC exam earns the certification, POS courses in progress reach their
 * status, a planned enlistment happens with complete documentation. Items dated before `now`
 * are stale and ignored. The year's rules then decide, windows included (an exam after
 * graduation still does not count).
 *
 * @param record - the §3 record with `pending`.
 * @param params - the year's parameters (the cut scores a success is assumed to reach).
 * @param now - today, ISO `YYYY-MM-DD`.
 * @returns a new record; the input is not changed.
 */
export function applyPendingEvidence(
  record: StudentRecord,
  params: YearParameters,
  now: string,
): StudentRecord {
  const pending: PendingEvidence = record.pending ?? {};
  const next: StudentRecord = { ...record, pending: undefined };
  addExams(next, pending, params, now);

  for (const course of pending.dual_credit_in_progress ?? []) {
    if (course.expected_completion_date < now) continue;
    next.dual_credit_courses = [
      ...(next.dual_credit_courses ?? []),
      {
        subject: course.subject,
        hours: course.hours,
        credit_earned: true,
        completion_date: course.expected_completion_date,
      },
    ];
  }
  for (const course of pending.onramps_in_progress ?? []) {
    if (course.expected_completion_date < now) continue;
    next.onramps = [
      ...(next.onramps ?? []),
      { completion_date: course.expected_completion_date, qualified_hours: course.qualified_hours },
    ];
  }
  for (const course of pending.college_prep_in_progress ?? []) {
    next.college_prep = [...(next.college_prep ?? []), { ...course, completed_with_credit: true }];
  }

  const registered: IbcResult[] = (pending.ibc_exam_registered ?? [])
    .filter((exam) => exam.exam_date >= now)
    .map((exam) => ({
      code: exam.code,
      lists: exam.lists,
      earned_date: exam.exam_date,
      result_code: '01',
      aligned_pos_status: exam.aligned_pos_status,
    }));
  const ibcs = [...(next.ibc_earned ?? []), ...registered];
  if (ibcs.length > 0) next.ibc_earned = ibcs.map((ibc) => raisePos(ibc, pending));

  const planned = pending.enlistment_planned;
  if (planned && planned.expected_date >= now && (next.enlistment ?? null) === null) {
    next.enlistment = {
      date: planned.expected_date,
      component: planned.component,
      dd4_complete: true,
      dmdc_match: true,
    };
  }
  return next;
}

function addExams(
  next: StudentRecord,
  pending: PendingEvidence,
  params: YearParameters,
  now: string,
): void {
  const t = params.tsi;
  for (const exam of pending.exams_scheduled ?? []) {
    if (exam.date < now) continue;
    const date = exam.date;
    if (exam.instrument === 'SAT') {
      next.sat = [...(next.sat ?? []), { date, ebrw: t.sat_ebrw_min, math: t.sat_math_min }];
    } else if (exam.instrument === 'ACT') {
      const english = Math.ceil(t.act_new_english_reading_min / 2);
      next.act = [
        ...(next.act ?? []),
        {
          date,
          english,
          reading: t.act_new_english_reading_min - english,
          math: t.act_new_math_min,
        },
      ];
    } else if (exam.instrument === 'TSIA2') {
      next.tsia2 = [
        ...(next.tsia2 ?? []),
        {
          date,
          elar_crc: t.tsia2_elar_crc_min,
          essay: t.tsia2_essay_min,
          math_crc: t.tsia2_math_crc_min,
        },
      ];
    } else if (exam.instrument === 'AP') {
      next.ap_exams = [
        ...(next.ap_exams ?? []),
        { date, subject: exam.subject ?? 'AP', score: params.college.ap_min_score },
      ];
    } else {
      next.ib_exams = [
        ...(next.ib_exams ?? []),
        { date, subject: exam.subject ?? 'IB', score: params.college.ib_min_score },
      ];
    }
  }
}

const RANK: Record<PosStatus, number> = {
  none: 0,
  level2_course: 1,
  concentrator: 2,
  completer: 3,
};

function raisePos(ibc: IbcResult, pending: PendingEvidence): IbcResult {
  let status = ibc.aligned_pos_status;
  for (const course of pending.pos_courses_in_progress ?? []) {
    if (course.ibc_code === ibc.code && RANK[course.status_on_completion] > RANK[status]) {
      status = course.status_on_completion;
    }
  }
  return status === ibc.aligned_pos_status ? ibc : { ...ibc, aligned_pos_status: status };
}
