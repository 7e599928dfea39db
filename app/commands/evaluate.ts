import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { z } from 'zod';
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
import { aggregateSchema, studentSchema, type AggregateRequest } from './evaluate-schemas.js';

/**
 * `ccmr evaluate` and `ccmr aggregate`: the calculators on the command line. Input is one JSON
 * object, a JSON array, or NDJSON (one object per line), from a file or standard input; output
 * keeps the same form. Records follow ccmr-rules.md §3 in snake_case, exactly as the `inputs` of
 * examples.json; unknown fields are dropped. Bad input raises ERR_CALC_INVALID_INPUT (exit 2)
 * naming the record and the field; a bad `--params` file raises ERR_CALC_INVALID_PARAMS.
 */

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
