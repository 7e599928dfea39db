import assert from 'node:assert/strict';
import {
  dismissUnmatchedRow,
  listUnmatchedRows,
  readUnmatchedIdentity,
  resolveUnmatchedRow,
  saveColumnMapping,
} from '../../../integrations/evidence/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createEvidenceFixture, type EvidenceFixture } from './support/evidence-fixture.js';

const STAFF = { actorType: 'user' as const, actorId: 'counselor-1' };

describe(`unmatched rows and column mappings (${testBackendName()})`, () => {
  let fixture: EvidenceFixture;

  before(async function () {
    this.timeout(120_000);
    fixture = await createEvidenceFixture('unmatched', 2);
  });

  after(() => fixture.context.close());

  const inTenant = <T>(work: Parameters<typeof fixture.context.db.withTenant<T>>[1]) =>
    fixture.context.db.withTenant(fixture.tenant.id, work);

  it('keeps an unknown student row once, with its identity encrypted, however often the file comes', async () => {
    const csv = 'state_id,exam_date,subject,score\nS-LATE-TRANSFER,2025-05-06,Biology,4\n';
    await fixture.importFile('ap', csv);
    await fixture.importFile('ap', csv);
    const rows = await inTenant((tx) => listUnmatchedRows(tx));
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]!.importType, rows[0]!.row, rows[0]!.reason], ['ap', 2, 'not_found']);
    const raw = await inTenant((tx) =>
      tx.one<{ identity_enc: Buffer }>('SELECT identity_enc FROM evidence_unmatched'),
    );
    assert.equal(raw!.identity_enc.includes(Buffer.from('S-LATE-TRANSFER')), false);
    const identity = await inTenant((tx) =>
      readUnmatchedIdentity(fixture.context, tx, rows[0]!.id),
    );
    assert.equal(identity.stateId, 'S-LATE-TRANSFER');
  });

  it('attaches a resolved row to the chosen student and closes it', async () => {
    const [row] = await inTenant((tx) => listUnmatchedRows(tx));
    const student = fixture.students[0]!;
    const outcome = await inTenant((tx) =>
      resolveUnmatchedRow(
        fixture.context,
        tx,
        { unmatchedId: row!.id, personId: student.personId },
        STAFF,
      ),
    );
    assert.equal(outcome.changed, true);
    const evidence = await inTenant((tx) =>
      tx.query<{ kind: string }>('SELECT kind FROM evidence WHERE person_id = $1', [
        student.personId,
      ]),
    );
    assert.deepEqual(
      evidence.map((e) => e.kind),
      ['ap_exam'],
    );
    assert.deepEqual(await inTenant((tx) => listUnmatchedRows(tx)), []);
    await assert.rejects(
      inTenant((tx) =>
        resolveUnmatchedRow(
          fixture.context,
          tx,
          { unmatchedId: row!.id, personId: student.personId },
          STAFF,
        ),
      ),
      { code: 'ERR_EVIDENCE_UNMATCHED_NOT_OPEN' },
    );
  });

  it('dismisses a row without attaching it to anyone', async () => {
    await fixture.importFile(
      'ib',
      'state_id,exam_date,subject,score\nS-NOT-OURS,2025-05-10,History HL,5\n',
    );
    const [row] = await inTenant((tx) => listUnmatchedRows(tx));
    await inTenant((tx) => dismissUnmatchedRow(fixture.context, tx, row!.id, STAFF));
    assert.equal((await inTenant((tx) => listUnmatchedRows(tx, 'dismissed'))).length, 1);
    assert.equal(await fixture.count(`evidence WHERE kind = 'ib_exam'`), 0);
  });

  it("reads a vendor's own column names through the district's saved mapping", async () => {
    await inTenant((tx) =>
      saveColumnMapping(
        tx,
        'act',
        {
          state_id: 'TSDS ID',
          test_date: 'Test Date',
          english: 'ACT English',
          math: 'ACT Math',
          reading: 'ACT Reading',
          composite: 'ACT Composite',
        },
        fixture.context.now(),
      ),
    );
    const csv = `TSDS ID,Test Date,ACT English,ACT Math,ACT Reading,ACT Composite\n${fixture.students[1]!.stateId},04/05/2025,24,23,25,24\n`;
    const summary = await fixture.importFile('act', csv);
    assert.equal(summary.applied, 1);
  });

  it('refuses a mapping naming a column the template does not have', async () => {
    await assert.rejects(
      inTenant((tx) => saveColumnMapping(tx, 'sat', { verbal: 'Verbal' }, fixture.context.now())),
      { code: 'ERR_EVIDENCE_BAD_MAPPING' },
    );
  });
});

describe(`pending evidence files (${testBackendName()})`, () => {
  let fixture: EvidenceFixture;

  before(async function () {
    this.timeout(120_000);
    fixture = await createEvidenceFixture('pending', 2);
  });

  after(() => fixture.context.close());

  it("replaces a listed student's earlier pending entries and leaves other students' alone", async () => {
    const [a, b] = fixture.students;
    const header = 'state_id,pending_type,date,instrument,subject,hours';
    await fixture.importFile(
      'pending',
      [
        header,
        `${a!.stateId},exams_scheduled,2026-03-07,SAT,,`,
        `${b!.stateId},exams_scheduled,2026-03-07,ACT,,`,
      ].join('\n'),
    );
    const next = await fixture.importFile(
      'pending',
      [header, `${a!.stateId},dual_credit_in_progress,2026-05-15,,MATH,3`].join('\n'),
    );
    assert.equal(next.students, 1);
    const rows = await fixture.context.db.withTenant(fixture.tenant.id, (tx) =>
      tx.query<{ person_id: string; type: string }>(
        `SELECT person_id, data ->> 'type' AS type FROM evidence WHERE kind = 'pending' ORDER BY 2`,
      ),
    );
    assert.deepEqual(
      rows.map((r) => [r.person_id, r.type]),
      [
        [a!.personId, 'dual_credit_in_progress'],
        [b!.personId, 'exams_scheduled'],
      ],
    );
  });
});
