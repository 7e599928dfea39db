import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testBackendName } from '../../support/test-database.js';
import { createEvidenceFixture, type EvidenceFixture } from './support/evidence-fixture.js';
import { storeStudents, type SampleStudent } from './support/seed-students.js';

const SAT = 'test_date,ebrw,math\n';

describe(`matching evidence rows to students (${testBackendName()})`, () => {
  let fixture: EvidenceFixture;
  let a: SampleStudent;
  let b: SampleStudent;
  let twin: SampleStudent;

  before(async function () {
    this.timeout(120_000);
    fixture = await createEvidenceFixture('matching', 2);
    [a, b] = fixture.students as [SampleStudent, SampleStudent];
    // Another student with the same name and birth date as `b` but different IDs.
    twin = { ...b, personId: randomUUID(), stateId: `T${b.stateId}`, localId: `T${b.localId}` };
    await storeStudents(fixture.context, fixture.tenant.id, [twin]);
  });

  after(() => fixture.context.close());

  async function matchOne(header: string, cells: string) {
    const csv = `${header},${SAT}${cells},2025-03-08,500,500\n`;
    return fixture.importFile('sat', csv, { isDryRun: true });
  }

  it('matches by state unique ID', async () => {
    const summary = await matchOne('state_id', a.stateId);
    assert.deepEqual([summary.applied, summary.unmatched], [1, 0]);
  });

  it('matches by local ID, ignoring case and surrounding spaces', async () => {
    const summary = await matchOne('local_id', ` ${a.localId.toUpperCase()} `);
    assert.deepEqual([summary.applied, summary.unmatched], [1, 0]);
  });

  it('matches by name and birth date in MM/DD/YYYY when exactly one student has them', async () => {
    const [y, m, d] = a.birthDate.split('-');
    const summary = await matchOne(
      'last_name,first_name,birth_date',
      `${a.lastName},${a.firstName},${m}/${d}/${y}`,
    );
    assert.deepEqual([summary.applied, summary.unmatched], [1, 0]);
  });

  it('leaves a row unmatched when two students share the name and birth date', async () => {
    const summary = await matchOne(
      'last_name,first_name,birth_date',
      `${b.lastName},${b.firstName},${b.birthDate}`,
    );
    assert.deepEqual(summary.unmatchedRows, [{ row: 2, reason: 'ambiguous' }]);
  });

  it('leaves a row unmatched when its state ID and local ID name different students', async () => {
    const summary = await matchOne('state_id,local_id', `${a.stateId},${b.localId}`);
    assert.deepEqual(summary.unmatchedRows, [{ row: 2, reason: 'conflict' }]);
  });

  it('leaves a row unmatched when its ID belongs to one student and its name to another', async () => {
    const summary = await matchOne(
      'state_id,last_name,first_name,birth_date',
      `${a.stateId},${b.lastName},${b.firstName},${b.birthDate}`,
    );
    assert.deepEqual(summary.unmatchedRows, [{ row: 2, reason: 'conflict' }]);
  });

  it('does not fall back to the name when the given ID matches no one', async () => {
    const summary = await matchOne(
      'state_id,last_name,first_name,birth_date',
      `S-NOBODY,${a.lastName},${a.firstName},${a.birthDate}`,
    );
    assert.deepEqual(summary.unmatchedRows, [{ row: 2, reason: 'id_mismatch' }]);
  });

  it('refuses a row that carries no identity at all', async () => {
    await assert.rejects(matchOne('state_id', ''), { code: 'ERR_EVIDENCE_NO_IDENTITY' });
  });
});
