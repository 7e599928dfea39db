import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  this.timeout(120_000);
  const [first, second] = examples.student_cases;
  const bad = { ...first.inputs, student_id: 'S99', sat: [{ date: '2023-13-40', ebrw: 480 }] };
  let runs: { students: Run; campuses: Run; array: Run; invalid: Run };

  // The four processes start together: each spends most of its time loading the CLI.
  before(async () => {
    const [students, campuses, array, invalid] = await Promise.all([
      runCli(['evaluate', '-'], toNdjson(examples.student_cases.map((c) => c.inputs))),
      runCli(['aggregate', '-'], toNdjson(examples.campus_cases.map((c) => c.inputs))),
      runCli(['evaluate', '-'], JSON.stringify([first.inputs, second.inputs])),
      runCli(['evaluate', '-'], toNdjson([first.inputs, bad])),
    ]);
    runs = { students, campuses, array, invalid };
  });

  it('evaluates every student case to the expected result, one NDJSON line per case', () => {
    const cases = examples.student_cases;
    assert.equal(runs.students.code, 0, runs.students.stderr);
    const lines = runs.students.stdout.trim().split('\n');
    assert.equal(lines.length, cases.length);
    cases.forEach((c, i) => assertExpected(c.id, JSON.parse(lines[i]), c.expected));
  });

  it('aggregates every campus case to the expected result, one NDJSON line per case', () => {
    const cases = examples.campus_cases;
    assert.equal(runs.campuses.code, 0, runs.campuses.stderr);
    const lines = runs.campuses.stdout.trim().split('\n');
    assert.equal(lines.length, cases.length);
    cases.forEach((c, i) => assertExpected(c.id, JSON.parse(lines[i]), c.expected));
  });

  it('answers a JSON array with a JSON array', () => {
    assert.equal(runs.array.code, 0, runs.array.stderr);
    const results = JSON.parse(runs.array.stdout) as Array<Record<string, unknown>>;
    assert.equal(results.length, 2);
    assertExpected(first.id, results[0], first.expected);
    assertExpected(second.id, results[1], second.expected);
  });

  it('rejects a record with a bad field with exit code 2, naming record, student and field', () => {
    assert.equal(runs.invalid.code, 2);
    assert.match(runs.invalid.stderr, /ERR_CALC_INVALID_INPUT/);
    assert.match(runs.invalid.stderr, /record 1 \(student_id S99\).*sat\[0\]\.date/);
    assert.equal(runs.invalid.stdout, '');
  });
});
