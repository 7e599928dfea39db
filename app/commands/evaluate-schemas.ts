import { z } from 'zod';
import { SUPPORTED_YEARS } from '../../calculators/index.js';

/**
 * zod schemas of the `ccmr evaluate` and `ccmr aggregate` input: the §3 student record of
 * ccmr-rules.md (snake_case, exactly as the `inputs` of examples.json, plus the optional
 * projection-only `pending` evidence) and the aggregate requests (`ccmr_rate`, `ob_district`,
 * `obm`). Unknown fields are dropped; score ranges are the instruments' own scales.
 */

const isoDate = z.iso.date();
const score = (min: number, max: number) => z.number().min(min).max(max).optional();
const posStatus = z.enum(['none', 'level2_course', 'concentrator', 'completer']);
const component = z.enum(['active', 'texas_national_guard', 'federal_reserve']);
const year = z
  .number()
  .int()
  .refine((value) => SUPPORTED_YEARS.includes(value), {
    message: `accountability year must be one of ${SUPPORTED_YEARS.join(', ')}`,
  });

const pendingSchema = z.object({
  exams_scheduled: z
    .array(
      z.object({
        instrument: z.enum(['SAT', 'ACT', 'TSIA2', 'AP', 'IB']),
        date: isoDate,
        subject: z.string().optional(),
      }),
    )
    .optional(),
  dual_credit_in_progress: z
    .array(
      z.object({
        subject: z.enum(['ELA', 'MATH', 'OTHER']),
        hours: z.number().min(0).max(60),
        expected_completion_date: isoDate,
      }),
    )
    .optional(),
  onramps_in_progress: z
    .array(z.object({ expected_completion_date: isoDate, qualified_hours: z.number().min(0) }))
    .optional(),
  college_prep_in_progress: z
    .array(
      z.object({
        subject: z.enum(['ELA', 'MATH']),
        grade_level: z.number().int().min(9).max(12),
        approved_provider: z.boolean().optional(),
      }),
    )
    .optional(),
  pos_courses_in_progress: z
    .array(z.object({ ibc_code: z.string(), status_on_completion: posStatus }))
    .optional(),
  ibc_exam_registered: z
    .array(
      z.object({
        code: z.string(),
        lists: z.array(z.string()),
        exam_date: isoDate,
        aligned_pos_status: posStatus,
      }),
    )
    .optional(),
  enlistment_planned: z.object({ expected_date: isoDate, component }).nullable().optional(),
});

/** One §3 student record; `graduation_date` is required for a graduate. */
export const studentSchema = z
  .object({
    student_id: z.string().optional(),
    district_id: z.string().optional(),
    campus_id: z.string().optional(),
    accountability_year: year.optional(),
    graduated: z.boolean(),
    graduation_date: isoDate.nullable().optional(),
    grade9_start_date: isoDate.nullable().optional(),
    econ_disadv: z.boolean().optional(),
    sped_in_graduation_year: z.boolean().optional(),
    graduation_type_code: z.string().nullable().optional(),
    graduation_plan: z
      .enum(['FHSP', 'FHSP-E', 'FHSP-DLA', 'RHSP', 'DAP', 'MHSP'])
      .nullable()
      .optional(),
    grade12_attended_last_six_weeks: z.boolean().optional(),
    iep_continuer: z.boolean().optional(),
    multiple_campuses_last_six_weeks: z.boolean().optional(),
    school_year_end_date: isoDate.nullable().optional(),
    tsia1: z
      .array(
        z.object({
          date: isoDate,
          reading: score(300, 390),
          math: score(300, 390),
          writing_mc: score(300, 390),
          essay: score(0, 8),
        }),
      )
      .optional(),
    tsia2: z
      .array(
        z.object({
          date: isoDate,
          elar_crc: score(900, 990),
          elar_diag: score(1, 6),
          essay: score(0, 8),
          math_crc: score(900, 990),
          math_diag: score(1, 6),
        }),
      )
      .optional(),
    sat: z
      .array(z.object({ date: isoDate, ebrw: score(200, 800), math: score(200, 800) }))
      .optional(),
    act: z
      .array(
        z.object({
          date: isoDate,
          english: score(1, 36),
          reading: score(1, 36),
          math: score(1, 36),
          composite: score(1, 36),
        }),
      )
      .optional(),
    college_prep: z
      .array(
        z.object({
          subject: z.enum(['ELA', 'MATH']),
          completed_with_credit: z.boolean(),
          grade_level: z.number().int().min(9).max(12),
          approved_provider: z.boolean().optional(),
        }),
      )
      .optional(),
    ap_exams: z
      .array(
        z.object({ date: isoDate, subject: z.string(), score: z.number().int().min(1).max(5) }),
      )
      .optional(),
    ib_exams: z
      .array(
        z.object({ date: isoDate, subject: z.string(), score: z.number().int().min(1).max(7) }),
      )
      .optional(),
    dual_credit_courses: z
      .array(
        z.object({
          subject: z.enum(['ELA', 'MATH', 'OTHER']),
          hours: z.number().min(0).max(60),
          credit_earned: z.boolean(),
          completion_date: isoDate,
        }),
      )
      .optional(),
    onramps: z
      .array(z.object({ completion_date: isoDate, qualified_hours: z.number().min(0).max(60) }))
      .optional(),
    associate_degree_date: isoDate.nullable().optional(),
    ibc_earned: z
      .array(
        z.object({
          code: z.string(),
          lists: z.array(z.string()),
          earned_date: isoDate,
          result_code: z.string(),
          aligned_pos_status: posStatus,
        }),
      )
      .optional(),
    level_certificates: z
      .array(z.object({ level: z.enum(['I', 'II']), award_date: isoDate }))
      .optional(),
    enlistment: z
      .object({
        date: isoDate,
        component,
        dd4_complete: z.boolean(),
        dmdc_match: z.boolean(),
      })
      .nullable()
      .optional(),
    ps_enrolled_by_10th_day_fall: z.boolean().optional(),
    asvab_afqt: z.number().min(1).max(99).nullable().optional(),
    jrotc_years: z.number().int().min(0).max(4).nullable().optional(),
    pending: pendingSchema.optional(),
  })
  .superRefine((record, context) => {
    if (record.graduated && !record.graduation_date) {
      context.addIssue({
        code: 'custom',
        path: ['graduation_date'],
        message: 'required when graduated is true',
      });
    }
  });

const countPair = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

/** One aggregate request, shaped like the examples' `campus_cases[].inputs`. */
export const aggregateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ccmr_rate'),
    accountability_year: year,
    roster: z.array(
      z.object({
        id: z.string().optional(),
        graduated: z.boolean(),
        ccmr_met: z.boolean(),
        sunsetting_only: z.boolean(),
        in_closing_gaps_denominator: z.boolean().optional(),
      }),
    ),
  }),
  z.object({
    kind: z.literal('ob_district'),
    accountability_year: year.optional(),
    cohorts: z.object({ ED: countPair, NONED: countPair, SPED: countPair }),
    rounding: z.enum(['ceil', 'floor']).optional(),
  }),
  z.object({
    kind: z.literal('obm'),
    program: z.enum(['ECHS', 'PTECH']),
    domain: z.enum(['attainment', 'achievement', 'access']),
    version: z.enum(['current', '2020']),
    indicators: z.record(
      z.string(),
      z.union([
        z.tuple([z.number().min(0), z.number().min(0)]),
        z.tuple([z.number().min(0), z.number().min(0), z.number().min(0).max(100)]),
      ]),
    ),
  }),
]);

/** A validated aggregate request. */
export type AggregateRequest = z.infer<typeof aggregateSchema>;
