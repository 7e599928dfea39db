import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  SUPPORTED_YEARS,
  accountabilityYearFor,
  aggregateCcmrRate,
  computeObm,
  computeOutcomesBonus,
  evaluateStudent,
  mergeParameters,
  parametersFor,
  type ParameterOverrides,
  type StudentRecord,
  type YearParameters,
} from '../../calculators/index.js';
import { InputError } from '../../store/index.js';

/**
 * `ccmr evaluate` and `ccmr aggregate`: the calculators on the command line. Input is one JSON
 * object, a JSON array, or NDJSON (one object per line), from a file or standard input; output
 * keeps the same form. Records follow ccmr-rules.md §3 in snake_case, exactly as the `inputs` of
 * examples.json; unknown fields are dropped. Bad input raises ERR_CALC_INVALID_INPUT (exit 2)
 * naming the record and the field; a bad `--params` file raises ERR_CALC_INVALID_PARAMS.
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

const studentSchema = z
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

const aggregateSchema = z.discriminatedUnion('kind', [
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

type AggregateRequest = z.infer<typeof aggregateSchema>;

/** The parsed input: its records and the form to write the answer in. */
interface ParsedInput {
  form: 'object' | 'array' | 'ndjson';
  records: unknown[];
}

/** Options of `ccmr evaluate`. */
interface EvaluateOptions {
  year?: string;
  params?: string;
}

/**
 * Registers `ccmr evaluate` and `ccmr aggregate`.
 *
 * @param program - the root command.
 */
export function registerEvaluateCommands(program: Command): void {
  program
    .command('evaluate')
    .description('evaluate students (ccmr-rules.md §3 records: JSON object, array or NDJSON)')
    .argument('[file]', 'input file, or - for standard input', '-')
    .option(
      '--year <year>',
      'accountability year (default: the record, else its graduation year + 1)',
    )
    .option('--params <file>', 'district parameter overrides (JSON)')
    .action(async (file: string, options: EvaluateOptions) => {
      const input = parseInput(await readSource(file), file);
      const overrides =
        options.params === undefined ? undefined : await readOverrides(options.params);
      const forcedYear = options.year === undefined ? undefined : parseYear(options.year);
      const paramsFor = buildParameters(overrides, options.params ?? '');
      const results = input.records.map((raw, index) => {
        const record = validateStudent(raw, index, forcedYear);
        return evaluateStudent(record, paramsFor(record.accountability_year));
      });
      writeOutput(input.form, results);
    });

  program
    .command('aggregate')
    .description('campus CCMR rate (ccmr_rate), district Outcomes Bonus (ob_district) or OBM (obm)')
    .argument('[file]', 'input file, or - for standard input', '-')
    .action(async (file: string) => {
      const input = parseInput(await readSource(file), file);
      const results = input.records.map((raw, index) => aggregate(validateAggregate(raw, index)));
      writeOutput(input.form, results);
    });
}

function aggregate(request: AggregateRequest): unknown {
  switch (request.kind) {
    case 'ccmr_rate':
      return aggregateCcmrRate(request.roster, parametersFor(request.accountability_year));
    case 'ob_district': {
      const params = parametersFor(request.accountability_year ?? SUPPORTED_YEARS.at(-1)!);
      const [ed, noned, sped] = [request.cohorts.ED, request.cohorts.NONED, request.cohorts.SPED];
      const counts = {
        ED: { graduates: ed[0], ready: ed[1] },
        NONED: { graduates: noned[0], ready: noned[1] },
        SPED: { graduates: sped[0], ready: sped[1] },
      };
      return computeOutcomesBonus(counts, params, request.rounding);
    }
    case 'obm':
      return computeObm(request);
  }
}

async function readSource(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError('ERR_CALC_INVALID_INPUT', `cannot read input file ${file}`, {
      detail: (error as NodeJS.ErrnoException).code,
    });
  }
}

/** JSON object → one record; JSON array → records; otherwise one JSON value per line. */
function parseInput(text: string, file: string): ParsedInput {
  const source = file === '-' ? 'standard input' : file;
  if (text.trim() === '') {
    throw new InputError('ERR_CALC_INVALID_INPUT', `${source} holds no records`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return { form: 'array', records: value };
    return { form: 'object', records: [value] };
  } catch {
    // Not one JSON document: read it as NDJSON below.
  }
  const records: unknown[] = [];
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line += 1) {
    if (lines[line].trim() === '') continue;
    try {
      records.push(JSON.parse(lines[line]));
    } catch {
      throw new InputError(
        'ERR_CALC_INVALID_INPUT',
        `${source} line ${line + 1}: not valid JSON (expected a JSON object, array or NDJSON)`,
      );
    }
  }
  return { form: 'ndjson', records };
}

function validateStudent(raw: unknown, index: number, forcedYear?: number): StudentRecord {
  const parsed = studentSchema.safeParse(raw);
  if (!parsed.success) throw invalidRecord(raw, index, parsed.error);
  const record = parsed.data;
  const anchor = record.graduated ? record.graduation_date : record.school_year_end_date;
  const accountabilityYear =
    forcedYear ??
    record.accountability_year ??
    (anchor ? accountabilityYearFor(anchor) : undefined);
  if (accountabilityYear === undefined || !SUPPORTED_YEARS.includes(accountabilityYear)) {
    throw new InputError(
      'ERR_CALC_INVALID_INPUT',
      `${recordName(raw, index)}: field accountability_year: missing or not one of ` +
        `${SUPPORTED_YEARS.join(', ')} (give it, a graduation_date, or --year)`,
    );
  }
  return { ...record, accountability_year: accountabilityYear };
}

function validateAggregate(raw: unknown, index: number): AggregateRequest {
  const parsed = aggregateSchema.safeParse(raw);
  if (!parsed.success) throw invalidRecord(raw, index, parsed.error, 'request');
  return parsed.data;
}

function invalidRecord(
  raw: unknown,
  index: number,
  error: z.ZodError,
  noun = 'record',
): InputError {
  const issue = error.issues[0];
  const field = issue.path.length === 0 ? '(record)' : formatPath(issue.path);
  return new InputError(
    'ERR_CALC_INVALID_INPUT',
    `${recordName(raw, index, noun)}: field ${field}: ${issue.message}`,
  );
}

/** Names a record by index and, if it has one, its student_id (an internal id, never a name). */
function recordName(raw: unknown, index: number, noun = 'record'): string {
  const id = (raw as { student_id?: unknown } | null)?.student_id;
  return typeof id === 'string' ? `${noun} ${index} (student_id ${id})` : `${noun} ${index}`;
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function parseYear(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || !SUPPORTED_YEARS.includes(value)) {
    throw new InputError(
      'ERR_CALC_INVALID_INPUT',
      `option --year: must be one of ${SUPPORTED_YEARS.join(', ')}`,
    );
  }
  return value;
}

/** A `--params` file: overrides for every year, and optionally `by_year` overrides on top. */
interface OverrideFile {
  all: ParameterOverrides;
  byYear: Record<string, ParameterOverrides>;
}

async function readOverrides(file: string): Promise<OverrideFile> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new InputError('ERR_CALC_INVALID_PARAMS', `${file}: not a readable JSON file`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('ERR_CALC_INVALID_PARAMS', `${file}: must hold a JSON object`);
  }
  const { by_year: byYear = {}, ...all } = value as Record<string, unknown>;
  return { all: all as ParameterOverrides, byYear: byYear as Record<string, ParameterOverrides> };
}

/** One merged parameter set per supported year, built up front so a bad file fails at once. */
function buildParameters(
  overrides: OverrideFile | undefined,
  file: string,
): (year: number) => YearParameters {
  const byYear = new Map<number, YearParameters>();
  for (const key of Object.keys(overrides?.byYear ?? {})) {
    if (!SUPPORTED_YEARS.includes(Number(key))) {
      throw new InputError(
        'ERR_CALC_INVALID_PARAMS',
        `${file}: by_year.${key} is not a supported year`,
      );
    }
  }
  for (const accountabilityYear of SUPPORTED_YEARS) {
    try {
      const forAll = parametersFor(accountabilityYear, overrides?.all);
      byYear.set(
        accountabilityYear,
        mergeParameters(forAll, overrides?.byYear[accountabilityYear]),
      );
    } catch (error) {
      throw new InputError('ERR_CALC_INVALID_PARAMS', `${file}: ${(error as Error).message}`);
    }
  }
  return (accountabilityYear) => byYear.get(accountabilityYear)!;
}

function writeOutput(form: ParsedInput['form'], results: unknown[]): void {
  if (form === 'object') process.stdout.write(`${JSON.stringify(results[0])}\n`);
  else if (form === 'array') process.stdout.write(`${JSON.stringify(results)}\n`);
  else process.stdout.write(results.map((result) => `${JSON.stringify(result)}\n`).join(''));
}
