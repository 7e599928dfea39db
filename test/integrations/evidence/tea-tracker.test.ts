import assert from 'node:assert/strict';
import { recomputeResults } from '../../../app/results/index.js';
import { reconcileTracker } from '../../../integrations/evidence/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createEvidenceFixture, type EvidenceFixture } from './support/evidence-fixture.js';

describe(`TEA CCMR Tracker reconciliation (${testBackendName()})`, () => {
  let fixture: EvidenceFixture;

  before(async function () {
    this.timeout(120_000);
    fixture = await createEvidenceFixture('tracker', 3);
    const ids = fixture.students.map((s) => s.stateId);
    await fixture.importFile(
      'student-status',
      [
        'state_id,graduated,graduation_date,grade9_start_date',
        ...ids.map((id) => `${id},Y,2025-05-30,2021-08-16`),
      ].join('\n'),
    );
    await fixture.importFile(
      'ap',
      `state_id,exam_date,subject,score\n${ids[0]},2025-05-06,Biology,4\n`,
    );
    await recomputeResults(fixture.context, fixture.tenant.id);
  });

  after(() => fixture.context.close());

  it('lists every disagreement with TEA by student and indicator, and nothing where both agree', async () => {
    const [a, b, c] = fixture.students;
    const tracker = [
      'state_id,ap_ib_met,ibc_met,ccmr_met',
      `${a!.stateId},Y,N,Y`,
      `${b!.stateId},N,Y,Y`,
      `${c!.stateId},N,N,N`,
    ].join('\n');
    await fixture.importFile('tea-tracker', tracker);
    const report = await fixture.context.db.withTenant(fixture.tenant.id, (tx) =>
      reconcileTracker(tx, { actorType: 'cli' }, fixture.context.now()),
    );
    assert.equal(report.students, 3);
    assert.deepEqual(
      report.disagreements,
      [
        { personId: b!.personId, indicator: 'CAR-IBC', tea: true, product: false },
        { personId: b!.personId, indicator: 'CCMR-MET', tea: true, product: false },
      ].sort((x, y) => (x.personId < y.personId ? -1 : 1)),
    );
  });
});
