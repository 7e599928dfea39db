import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerEvaluateCommands } from '../../app/commands/evaluate.js';
import { InputError } from '../../store/index.js';

/**
 * The evaluate and aggregate commands run in process (commander, real files, captured standard
 * output); examples-cli.test.ts covers the spawned process and its exit codes.
 */

const dir = mkdtempSync(join(tmpdir(), 'ccmr-evaluate-'));
let fileCount = 0;

function writeInput(content: unknown): string {
  fileCount += 1;
  const file = join(dir, `input-${fileCount}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Runs `ccmr <args>` in process and returns what it wrote to standard output. */
async function run(args: string[]): Promise<string> {
  const program = new Command('ccmr').exitOverride();
  registerEvaluateCommands(program);
  const write = process.stdout.write;
  let output = '';
  process.stdout.write = ((chunk: string) => {
    output += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'ccmr', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return output;
}

async function rejectsWithCode(args: string[], code: string): Promise<void> {
  await assert.rejects(run(args), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.code, code);
    return true;
  });
}

const record = {
  student_id: 'P1',
  graduated: true,
  grade9_start_date: '2021-08-16',
  graduation_date: '2025-05-30',
  college_prep: [{ subject: 'ELA', completed_with_credit: true, grade_level: 11 }],
  sat: [{ date: '2024-10-05', math: 560 }],
  unknown_field: 'dropped',
};

describe('ccmr evaluate options and input forms', () => {
  it('answers a JSON object with one object, taking the year from the graduation date (class of 2025 → 2026)', async () => {
    const result = JSON.parse(await run(['evaluate', writeInput(record)]));
    assert.equal(Array.isArray(result), false);
    assert.equal(result.accountability_year, 2026);
    assert.equal(result.ccmr_met, true);
    assert.equal('unknown_field' in result, false);
  });

  it('applies --year over the record', async () => {
    const result = JSON.parse(await run(['evaluate', '--year', '2027', writeInput(record)]));
    assert.equal(result.accountability_year, 2027);
    // A grade-11 college prep course does not count in 2027 (TSI-CPC-YEAR).
    assert.equal(result.ccmr_met, false);
  });

  it('applies district overrides from --params by year', async () => {
    const params = writeInput({
      by_year: { '2027': { college_prep: { allowed_grade_levels: [11, 12] } } },
    });
    const output = await run([
      'evaluate',
      '--year',
      '2027',
      '--params',
      params,
      writeInput(record),
    ]);
    assert.equal(JSON.parse(output).ccmr_met, true);
  });

  it('answers NDJSON with NDJSON, one line per record', async () => {
    const ndjson = `${JSON.stringify(record)}\n\n${JSON.stringify({ ...record, student_id: 'P2' })}\n`;
    const lines = (await run(['evaluate', writeInput(ndjson)])).trim().split('\n');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).student_id),
      ['P1', 'P2'],
    );
  });

  it('rejects a --params file with an unknown setting (ERR_CALC_INVALID_PARAMS)', async () => {
    const params = writeInput({ tsi: { sat_ebrw: 470 } });
    await rejectsWithCode(
      ['evaluate', '--params', params, writeInput(record)],
      'ERR_CALC_INVALID_PARAMS',
    );
  });

  it('rejects --params overrides for a year without a row', async () => {
    const params = writeInput({ by_year: { '2031': {} } });
    await rejectsWithCode(
      ['evaluate', '--params', params, writeInput(record)],
      'ERR_CALC_INVALID_PARAMS',
    );
  });

  it('rejects an unsupported --year (ERR_CALC_INVALID_INPUT)', async () => {
    await rejectsWithCode(
      ['evaluate', '--year', '2031', writeInput(record)],
      'ERR_CALC_INVALID_INPUT',
    );
  });

  it('rejects a graduate without a graduation date', async () => {
    await rejectsWithCode(['evaluate', writeInput({ graduated: true })], 'ERR_CALC_INVALID_INPUT');
  });

  it('rejects a line that is not JSON', async () => {
    await rejectsWithCode(
      ['evaluate', writeInput('{"graduated": true}\nnot json\n')],
      'ERR_CALC_INVALID_INPUT',
    );
  });

  it('rejects an unreadable input file', async () => {
    await rejectsWithCode(['evaluate', join(dir, 'missing.json')], 'ERR_CALC_INVALID_INPUT');
  });
});

describe('ccmr aggregate input', () => {
  it('rejects a request of an unknown kind (ERR_CALC_INVALID_INPUT)', async () => {
    await rejectsWithCode(
      ['aggregate', writeInput({ kind: 'nonsense' })],
      'ERR_CALC_INVALID_INPUT',
    );
  });

  it('applies floor rounding to the Outcomes Bonus minimum on request', async () => {
    const request = {
      kind: 'ob_district',
      cohorts: { ED: [101, 12], NONED: [0, 0], SPED: [0, 0] },
      rounding: 'floor',
    };
    const result = JSON.parse(await run(['aggregate', writeInput(request)]));
    assert.equal(result.ED.min_count, 11);
    assert.equal(result.ED.bonus, 5000);
  });

  it('answers an array of requests with an array', async () => {
    const requests = [
      {
        kind: 'ccmr_rate',
        accountability_year: 2025,
        roster: [{ graduated: true, ccmr_met: true, sunsetting_only: false }],
      },
      {
        kind: 'obm',
        program: 'PTECH',
        domain: 'achievement',
        version: 'current',
        indicators: { tsi_both_by_graduation: [4, 10] },
      },
    ];
    const results = JSON.parse(await run(['aggregate', writeInput(requests)]));
    assert.equal(results[0].component_score, 100);
    assert.equal(results[1].indicators.tsi_both_by_graduation.designated, true);
  });
});
