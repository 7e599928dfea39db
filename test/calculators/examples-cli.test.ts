import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = JSON.parse(
  readFileSync(new URL('./fixtures/examples.json', import.meta.url), 'utf8'),
) as {
  student_cases: Array<{ id: string; inputs: object; expected: Record<string, unknown> }>;
  campus_cases: Array<{ id: string; inputs: object; expected: Record<string, unknown> }>;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/ccmr.js <args>` with `input` on standard input. */
function runCli(args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ccmr.js', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function toNdjson(items: object[]): string {
  return items.map((item) => `${JSON.stringify(item)}\n`).join('');
}

/** Every field the case expects, compared exactly; extra output fields are allowed. */
function assertExpected(id: string, actual: Record<string, unknown>, expected: object): void {
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(actual[key], value, `case ${id}: field ${key}`);
  }
}

describe('ccmr evaluate and aggregate against every case of examples.json', function () {
  this.timeout(60_000);

  it('evaluates every student case to the expected result, one NDJSON line per case', async () => {
    const cases = examples.student_cases;
    const run = await runCli(['evaluate', '-'], toNdjson(cases.map((c) => c.inputs)));
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, cases.length);
    cases.forEach((c, i) => assertExpected(c.id, JSON.parse(lines[i]), c.expected));
  });

  it('aggregates every campus case to the expected result, one NDJSON line per case', async () => {
    const cases = examples.campus_cases;
    const run = await runCli(['aggregate', '-'], toNdjson(cases.map((c) => c.inputs)));
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, cases.length);
    cases.forEach((c, i) => assertExpected(c.id, JSON.parse(lines[i]), c.expected));
  });

  it('answers a JSON object with an object and a JSON array with an array', async () => {
    const [first, second] = examples.student_cases;
    const single = await runCli(['evaluate'], JSON.stringify(first.inputs));
    assert.equal(single.code, 0, single.stderr);
    assertExpected(first.id, JSON.parse(single.stdout), first.expected);

    const many = await runCli(['evaluate', '-'], JSON.stringify([first.inputs, second.inputs]));
    assert.equal(many.code, 0, many.stderr);
    const results = JSON.parse(many.stdout) as Array<Record<string, unknown>>;
    assert.equal(results.length, 2);
    assertExpected(second.id, results[1], second.expected);
  });

  it('rejects a record with a bad field with exit code 2, naming record, student and field', async () => {
    const good = examples.student_cases[0].inputs;
    const bad = { ...good, student_id: 'S99', sat: [{ date: '2023-13-40', ebrw: 480 }] };
    const run = await runCli(['evaluate', '-'], toNdjson([good, bad]));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ERR_CALC_INVALID_INPUT/);
    assert.match(run.stderr, /record 1 \(student_id S99\).*sat\[0\]\.date/);
    assert.equal(run.stdout, '');
  });

  it('rejects an aggregate request of an unknown kind with exit code 2', async () => {
    const run = await runCli(['aggregate', '-'], JSON.stringify({ kind: 'nonsense' }));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ERR_CALC_INVALID_INPUT/);
  });
});

describe('ccmr evaluate options', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'ccmr-evaluate-'));
  const record = {
    student_id: 'P1',
    graduated: true,
    grade9_start_date: '2021-08-16',
    graduation_date: '2025-05-30',
    college_prep: [{ subject: 'ELA', completed_with_credit: true, grade_level: 11 }],
    sat: [{ date: '2024-10-05', math: 560 }],
    unknown_field: 'dropped',
  };

  it('takes the year from the graduation date when the record has none (class of 2025 → 2026)', async () => {
    const run = await runCli(['evaluate'], JSON.stringify(record));
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.accountability_year, 2026);
    assert.equal(result.ccmr_met, true);
    assert.equal('unknown_field' in result, false);
  });

  it('applies --year over the record', async () => {
    const run = await runCli(['evaluate', '--year', '2027'], JSON.stringify(record));
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.accountability_year, 2027);
    // A grade-11 college prep course does not count in 2027 (TSI-CPC-YEAR).
    assert.equal(result.ccmr_met, false);
  });

  it('applies district overrides from --params, for all years and by year', async () => {
    const file = join(dir, 'params.json');
    writeFileSync(
      file,
      JSON.stringify({ by_year: { '2027': { college_prep: { allowed_grade_levels: [11, 12] } } } }),
    );
    const run = await runCli(
      ['evaluate', '--year', '2027', '--params', file],
      JSON.stringify(record),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).ccmr_met, true);
  });

  it('rejects a --params file with an unknown setting with exit code 2', async () => {
    const file = join(dir, 'bad-params.json');
    writeFileSync(file, JSON.stringify({ tsi: { sat_ebrw: 470 } }));
    const run = await runCli(['evaluate', '--params', file], JSON.stringify(record));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ERR_CALC_INVALID_PARAMS/);
  });

  it('rejects an unsupported --year with exit code 2', async () => {
    const run = await runCli(['evaluate', '--year', '2031'], JSON.stringify(record));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ERR_CALC_INVALID_INPUT/);
  });
});
