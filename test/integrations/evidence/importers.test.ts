import assert from 'node:assert/strict';
import {
  EvidenceRowsRejected,
  previewEvidenceFile,
  type ImportType,
} from '../../../integrations/evidence/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createEvidenceFixture, type EvidenceFixture } from './support/evidence-fixture.js';
import {
  generateEvidenceFile,
  withCell,
  withDuplicatedRow,
  withoutColumn,
} from './support/generate-evidence-files.js';

/** Per importer: where its rows land, a required column, and a cell that can be out of range. */
const IMPORTERS: Array<{
  type: ImportType;
  table: string;
  requiredColumn: string;
  outOfRange?: [column: string, value: string];
  badValue?: [column: string, value: string];
  dateColumn: string;
}> = [
  {
    type: 'sat',
    table: 'evidence',
    requiredColumn: 'ebrw',
    outOfRange: ['math', '830'],
    dateColumn: 'test_date',
  },
  {
    type: 'act',
    table: 'evidence',
    requiredColumn: 'composite',
    outOfRange: ['english', '37'],
    dateColumn: 'test_date',
  },
  {
    type: 'tsia2',
    table: 'evidence',
    requiredColumn: 'test_date',
    outOfRange: ['elar_crc', '1000'],
    dateColumn: 'test_date',
  },
  {
    type: 'ap',
    table: 'evidence',
    requiredColumn: 'score',
    outOfRange: ['score', '6'],
    dateColumn: 'exam_date',
  },
  {
    type: 'ib',
    table: 'evidence',
    requiredColumn: 'score',
    outOfRange: ['score', '8'],
    dateColumn: 'exam_date',
  },
  {
    type: 'dual-credit',
    table: 'evidence',
    requiredColumn: 'hours',
    outOfRange: ['hours', '40'],
    dateColumn: 'completion_date',
  },
  {
    type: 'college-prep',
    table: 'evidence',
    requiredColumn: 'subject',
    outOfRange: ['grade_level', '8'],
    dateColumn: 'completion_date',
  },
  {
    type: 'level-cert',
    table: 'evidence',
    requiredColumn: 'level',
    badValue: ['level', 'III'],
    dateColumn: 'award_date',
  },
  { type: 'associate', table: 'evidence', requiredColumn: 'award_date', dateColumn: 'award_date' },
  {
    type: 'enlistment',
    table: 'evidence',
    requiredColumn: 'component',
    badValue: ['component', 'coast_guard_reserve'],
    dateColumn: 'enlistment_date',
  },
  {
    type: 'ibc',
    table: 'certifications',
    requiredColumn: 'ibc_code',
    outOfRange: ['exam_fee', '1200.00'],
    dateColumn: 'exam_date',
  },
  {
    type: 'pending',
    table: 'evidence',
    requiredColumn: 'pending_type',
    badValue: ['pending_type', 'maybe_later'],
    dateColumn: 'date',
  },
  {
    type: 'student-status',
    table: 'students',
    requiredColumn: 'state_id',
    outOfRange: ['graduation_year', '1999'],
    dateColumn: 'graduation_date',
  },
  {
    type: 'tea-tracker',
    table: 'tea_tracker_rows',
    requiredColumn: 'ccmr_met',
    badValue: ['ccmr_met', 'perhaps'],
    dateColumn: '',
  },
];

describe(`evidence importers (${testBackendName()})`, () => {
  let fixture: EvidenceFixture;

  before(async function () {
    this.timeout(120_000); // the shared database migrates on first use
    fixture = await createEvidenceFixture('importers', 5);
  });

  after(() => fixture.context.close());

  for (const importer of IMPORTERS) {
    describe(`--type ${importer.type}`, () => {
      const file = () =>
        generateEvidenceFile(importer.type, fixture.students, { seed: 11, rowsPerStudent: 2 });

      it('applies every row of a realistic file and changes nothing when the same file comes again', async () => {
        const before = await fixture.count(importer.table);
        const first = await fixture.importFile(importer.type, file());
        assert.equal(first.errors, 0);
        assert.equal(first.unmatched, 0);
        assert.equal(first.applied, first.rows);
        assert.ok(first.rows >= fixture.students.length);
        const stored = await fixture.count(importer.table);
        if (importer.table !== 'students') assert.equal(stored - before, first.rows);
        const again = await fixture.importFile(importer.type, file());
        assert.equal(again.applied, 0);
        assert.equal(again.importId, first.importId);
        assert.equal(await fixture.count(importer.table), stored);
      });

      it('refuses a file missing a required column, applying nothing', async () => {
        const before = await fixture.count(importer.table);
        const broken = withoutColumn(file(), importer.requiredColumn);
        await assert.rejects(
          fixture.importFile(importer.type, broken),
          (error: EvidenceRowsRejected) => {
            assert.equal(error.code, 'ERR_EVIDENCE_MISSING_COLUMN');
            assert.equal(error.issues[0]!.row, 1);
            return true;
          },
        );
        assert.equal(await fixture.count(importer.table), before);
      });

      if (importer.outOfRange) {
        const [column, value] = importer.outOfRange;
        it(`refuses a ${column} out of range, naming file, row and column`, async () => {
          const before = await fixture.count('evidence');
          const broken = withCell(file(), 3, column, value);
          await assert.rejects(
            fixture.importFile(importer.type, broken),
            (error: EvidenceRowsRejected) => {
              assert.equal(error.code, 'ERR_EVIDENCE_OUT_OF_RANGE');
              assert.deepEqual(
                [error.issues[0]!.file, error.issues[0]!.row, error.issues[0]!.column],
                [`${importer.type}.csv`, 3, column],
              );
              return true;
            },
          );
          assert.equal(await fixture.count('evidence'), before);
        });
      }

      if (importer.badValue) {
        const [column, value] = importer.badValue;
        it(`refuses a ${column} that is not one of the allowed values`, async () => {
          const broken = withCell(file(), 2, column, value);
          await assert.rejects(
            fixture.importFile(importer.type, broken),
            (error: EvidenceRowsRejected) => {
              assert.equal(error.code, 'ERR_EVIDENCE_BAD_VALUE');
              assert.deepEqual([error.issues[0]!.row, error.issues[0]!.column], [2, column]);
              return true;
            },
          );
        });
      }

      if (importer.dateColumn) {
        it('refuses a date that is not a calendar day', async () => {
          const broken = withCell(file(), 2, importer.dateColumn, '2025-02-30');
          await assert.rejects(
            fixture.importFile(importer.type, broken),
            (error: EvidenceRowsRejected) => {
              assert.equal(error.code, 'ERR_EVIDENCE_BAD_DATE');
              assert.equal(error.issues[0]!.column, importer.dateColumn);
              return true;
            },
          );
        });
      }

      it('refuses a file that repeats a row', async () => {
        await assert.rejects(fixture.importFile(importer.type, withDuplicatedRow(file(), 2)), {
          code: 'ERR_EVIDENCE_DUPLICATE_ROW',
        });
      });

      it('keeps rows of unknown students unmatched, and refuses them when a match is required', async () => {
        const csv = withCell(file(), 2, 'state_id', 'S-UNKNOWN-1');
        const dryRun = await fixture.importFile(importer.type, csv, { isDryRun: true });
        assert.equal(dryRun.unmatched, 1);
        assert.deepEqual(dryRun.unmatchedRows, [{ row: 2, reason: 'not_found' }]);
        await assert.rejects(fixture.importFile(importer.type, csv, { requireMatch: true }), {
          code: 'ERR_EVIDENCE_UNMATCHED_STUDENT',
        });
      });
    });
  }

  it('previews a file with every row problem listed and nothing written', async () => {
    const csv = [
      'state_id,test_date,ebrw,math',
      `${fixture.students[0]!.stateId},2025-03-08,510,520`,
      `${fixture.students[1]!.stateId},03/32/2025,510,520`,
      `${fixture.students[2]!.stateId},2025-03-08,515,520`,
      'S-NEW-STUDENT,2025-03-08,600,600',
    ].join('\n');
    const before = await fixture.count('evidence');
    const { summary, issues } = await previewEvidenceFile(fixture.context, fixture.tenant.id, {
      type: 'sat',
      fileName: 'sat.csv',
      content: csv,
      actor: { actorType: 'cli' },
    });
    assert.deepEqual(
      [summary.rows, summary.applied, summary.unmatched, summary.errors],
      [4, 1, 1, 2],
    );
    assert.deepEqual(
      issues.map((i) => [i.row, i.column, i.code]),
      [
        [3, 'test_date', 'ERR_EVIDENCE_BAD_DATE'],
        [4, 'ebrw', 'ERR_EVIDENCE_OUT_OF_RANGE'],
      ],
    );
    assert.equal(await fixture.count('evidence'), before);
  });

  it('audits a dry run and a refused file with counts only', async () => {
    // Built per score, not by text replacement: a generated state ID may itself contain "900".
    const satFile = (ebrw: number) =>
      `state_id,test_date,ebrw,math\n${fixture.students[0]!.stateId},2025-03-08,${ebrw},520\n`;
    await assert.rejects(fixture.importFile('sat', satFile(900)), {
      code: 'ERR_EVIDENCE_OUT_OF_RANGE',
    });
    await fixture.importFile('sat', satFile(500), { isDryRun: true });
    const events = await fixture.context.db.withTenant(fixture.tenant.id, (tx) =>
      tx.query<{ action: string; outcome: string; detail: Record<string, number> }>(
        `SELECT action, outcome, detail FROM audit_events
         WHERE action IN ('evidence.import.rejected', 'evidence.previewed') ORDER BY seq DESC LIMIT 2`,
      ),
    );
    assert.deepEqual(
      events.map((e) => [e.action, e.outcome, e.detail.rows, e.detail.errors]),
      [
        ['evidence.previewed', 'ok', 1, 0],
        ['evidence.import.rejected', 'rejected', 1, 1],
      ],
    );
  });

  it('refuses a file that is not CSV and a type it does not know', async () => {
    await assert.rejects(fixture.importFile('sat', 'a,"b\n1,2'), {
      code: 'ERR_EVIDENCE_UNREADABLE_FILE',
    });
    await assert.rejects(fixture.importFile('psat', 'state_id\n1'), {
      code: 'ERR_EVIDENCE_UNKNOWN_TYPE',
    });
  });
});
