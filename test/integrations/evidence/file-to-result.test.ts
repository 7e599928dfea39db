import assert from 'node:assert/strict';
import { loadResults, type StoredResult } from '../../../app/results/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createEvidenceFixture, type EvidenceFixture } from './support/evidence-fixture.js';
import { waitFor } from './support/wait-for.js';

describe(`from an evidence file to CCMR results (${testBackendName()})`, () => {
  let fixture: EvidenceFixture;
  let ids: string[];

  before(async function () {
    this.timeout(120_000);
    fixture = await createEvidenceFixture('e2e', 3, { jobPollSeconds: 0.5 });
    ids = fixture.students.map((s) => s.stateId);
    await fixture.context.jobs.runWorkers();
  });

  after(() => fixture.context.close());

  const results = () => fixture.context.db.withTenant(fixture.tenant.id, (tx) => loadResults(tx));

  /**
   * Waits until the stored results pass `check`. The queue is shared with every other test of
   * the run, so the wait allows for their jobs to drain first.
   */
  async function resultsWhere(check: (rows: StoredResult[]) => boolean): Promise<StoredResult[]> {
    return waitFor(async () => {
      const rows = await results();
      return check(rows) ? rows : undefined;
    }, 60_000);
  }

  beforeEach(function () {
    this.currentTest?.timeout(90_000);
  });

  let statusImportId: string;

  it('computes results for graduates once their status is imported, none ready yet', async () => {
    const status = [
      'state_id,graduated,graduation_date,graduation_year,grade9_start_date,econ_disadv,graduation_plan',
      ...ids.map((id) => `${id},Y,2025-05-30,2025,2021-08-16,Y,FHSP-E`),
    ].join('\n');
    const summary = await fixture.importFile('student-status', status);
    assert.equal(summary.applied, 3);
    statusImportId = summary.importId!;
    const rows = await resultsWhere((r) => r.length === 3);
    assert.deepEqual(
      rows.map((r) => [r.accountabilityYear, r.ccmrMet, r.result.graduated]),
      [
        [2026, false, true],
        [2026, false, true],
        [2026, false, true],
      ],
    );
  });

  it('turns a student CCMR-met through TSI after an SAT file meets both benchmarks', async () => {
    const sat = [
      'state_id,test_date,ebrw,math,total',
      `${ids[0]},2024-10-05,520,560,1080`,
      `${ids[1]},2024-10-05,520,500,1020`,
    ].join('\n');
    assert.equal((await fixture.importFile('sat', sat)).applied, 2);
    const rows = await resultsWhere((r) => r.some((row) => row.ccmrMet));
    const byState = new Map(fixture.students.map((s) => [s.personId, s.stateId]));
    const met = rows.filter((r) => r.ccmrMet).map((r) => byState.get(r.personId));
    assert.deepEqual(met, [ids[0]]);
    const second = rows.find((r) => byState.get(r.personId) === ids[1])!;
    assert.equal(second.result.tsi_ela_met, true);
    assert.equal(second.result.tsi_math_met, false);
  });

  it('changes nothing and queues no recompute when the same SAT file is imported again', async () => {
    const before = await results();
    const queued = await fixture.context.jobs.countByState('results.recompute');
    const sat = [
      'state_id,test_date,ebrw,math,total',
      `${ids[0]},2024-10-05,520,560,1080`,
      `${ids[1]},2024-10-05,520,500,1020`,
    ].join('\n');
    const summary = await fixture.importFile('sat', sat);
    assert.equal(summary.applied, 0);
    assert.equal(summary.students, 0);
    const total = (counts: Record<string, number>) =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    assert.equal(
      total(await fixture.context.jobs.countByState('results.recompute')),
      total(queued),
    );
    assert.deepEqual(await results(), before);
  });

  it('credits AP/IB for an AP score of 3 and leaves a score of 2 uncredited', async () => {
    const ap = [
      'state_id,exam_date,subject,score',
      `${ids[1]},2025-05-06,Calculus AB,2`,
      `${ids[2]},2025-05-13,United States History,3`,
    ].join('\n');
    await fixture.importFile('ap', ap);
    const rows = await resultsWhere((r) => r.filter((row) => row.ccmrMet).length === 2);
    const third = rows.find((r) => r.personId === fixture.students[2]!.personId)!;
    assert.deepEqual(third.result.credited_indicators, ['COL-APIB']);
    const second = rows.find((r) => r.personId === fixture.students[1]!.personId)!;
    assert.equal(second.ccmrMet, false);
  });

  it('recomputes the students of a batch when the job names the import instead of the students', async () => {
    await fixture.context.db.withTenant(fixture.tenant.id, async (tx) => {
      await tx.query('DELETE FROM student_results');
      await fixture.context.jobs.enqueue(tx, 'results.recompute', {
        tenantId: fixture.tenant.id,
        importId: statusImportId,
      });
    });
    const rows = await resultsWhere((r) => r.length === 3);
    assert.equal(rows.filter((r) => r.ccmrMet).length, 2);
  });
});
