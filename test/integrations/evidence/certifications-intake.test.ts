import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleStudentRecords } from '../../../app/results/index.js';
import { enterCertification, LocalReceiptStore } from '../../../integrations/evidence/index.js';
import {
  BUNDLED_IBC_ENTRIES,
  importIbcListFile,
  loadIbcList,
} from '../../../integrations/ibc-list/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createEvidenceFixture, type EvidenceFixture } from './support/evidence-fixture.js';

const COUNSELOR = { actorType: 'user' as const, actorId: 'counselor-7' };
const PDF = Buffer.from('%PDF-1.4\nreceipt for exam fee 117.00\n%%EOF\n');

describe(`industry-based certifications intake (${testBackendName()})`, () => {
  let fixture: EvidenceFixture;
  let receipts: LocalReceiptStore;
  let receiptDir: string;

  before(async function () {
    this.timeout(120_000);
    fixture = await createEvidenceFixture('ibc', 3);
    receiptDir = await mkdtemp(join(tmpdir(), 'ccmr-receipts-'));
    receipts = new LocalReceiptStore(receiptDir);
  });

  after(() => fixture.context.close());

  const inTenant = <T>(work: Parameters<typeof fixture.context.db.withTenant<T>>[1]) =>
    fixture.context.db.withTenant(fixture.tenant.id, work);

  const form = (overrides: Record<string, unknown> = {}) => ({
    personId: fixture.students[0]!.personId,
    ibcCode: 'pht',
    examFee: 117,
    resultCode: '01',
    examDate: '2025-04-22',
    alignedPosStatus: 'concentrator',
    ...overrides,
  });

  it('saves a form entry with the list editions of its code and an encrypted receipt', async () => {
    const outcome = await inTenant((tx) =>
      enterCertification(
        fixture.context,
        tx,
        { form: form(), receipt: { contentType: 'application/pdf', bytes: PDF }, receipts },
        COUNSELOR,
      ),
    );
    assert.equal(outcome.changed, true);
    const stored = await inTenant((tx) =>
      tx.one<{
        ibc_code: string;
        lists: string[];
        exam_fee_cents: number;
        earned_date: string;
        receipt_file_id: string;
      }>(
        'SELECT ibc_code, lists, exam_fee_cents, earned_date, receipt_file_id FROM certifications',
      ),
    );
    assert.deepEqual(
      [
        stored!.ibc_code,
        stored!.lists,
        stored!.exam_fee_cents,
        stored!.earned_date,
        stored!.receipt_file_id,
      ],
      ['PHT', ['2019-2022', '2022-2025', '2025-2030'], 11700, '2025-04-22', outcome.receiptFileId],
    );
    const [folder] = await readdir(receiptDir);
    const [name] = await readdir(join(receiptDir, folder!));
    assert.equal(
      (await readFile(join(receiptDir, folder!, name!))).includes(Buffer.from('exam fee')),
      false,
    );
    const back = await inTenant(async (tx) =>
      receipts.read(await fixture.context.keys.cipherFor(tx), outcome.receiptFileId!),
    );
    assert.deepEqual(back.bytes, PDF);
  });

  it('changes nothing when the same form is saved again', async () => {
    const outcome = await inTenant((tx) =>
      enterCertification(
        fixture.context,
        tx,
        { form: form(), receipt: { contentType: 'application/pdf', bytes: PDF }, receipts },
        COUNSELOR,
      ),
    );
    assert.equal(outcome.changed, false);
  });

  it('refuses a receipt that is not a PDF, PNG or JPEG, saving nothing', async () => {
    const before = await fixture.count('certifications');
    await assert.rejects(
      inTenant((tx) =>
        enterCertification(
          fixture.context,
          tx,
          {
            form: form({ personId: fixture.students[2]!.personId }),
            receipt: {
              contentType: 'text/html' as 'application/pdf',
              bytes: Buffer.from('<p>x</p>'),
            },
            receipts,
          },
          COUNSELOR,
        ),
      ),
      { code: 'ERR_EVIDENCE_BAD_RECEIPT' },
    );
    assert.equal(await fixture.count('certifications'), before);
  });

  it('refuses a code that is not on the TEA IBC list', async () => {
    await assert.rejects(
      inTenant((tx) =>
        enterCertification(fixture.context, tx, { form: form({ ibcCode: 'NOPE1' }) }, COUNSELOR),
      ),
      { code: 'ERR_EVIDENCE_UNKNOWN_IBC' },
    );
  });

  it('refuses a form with a bad result code, naming the field', async () => {
    await assert.rejects(
      inTenant((tx) =>
        enterCertification(fixture.context, tx, { form: form({ resultCode: '7' }) }, COUNSELOR),
      ),
      (error: Error & { code: string }) =>
        error.code === 'ERR_EVIDENCE_BAD_FORM' && /resultCode/.test(error.message),
    );
  });

  it('turns earned certifications, and only those, into ibc_earned of the student record', async () => {
    const csv = [
      'state_id,ibc_code,result_code,exam_date,aligned_pos_status',
      `${fixture.students[1]!.stateId},CNA,01,2025-03-14,completer`,
      `${fixture.students[1]!.stateId},COMPTIAA,03,2025-03-20,level2_course`,
    ].join('\n');
    assert.equal((await fixture.importFile('ibc', csv)).applied, 2);
    const [record] = await inTenant((tx) =>
      assembleStudentRecords(fixture.context, tx, [fixture.students[1]!.personId]),
    );
    assert.deepEqual(record!.ibc_earned, [
      {
        code: 'CNA',
        lists: ['2019-2022', '2022-2025', '2025-2030'],
        earned_date: '2025-03-14',
        result_code: '01',
        aligned_pos_status: 'completer',
      },
    ]);
  });

  it('refuses an IBC file row whose code is not on the list, naming the row', async () => {
    const csv = `state_id,ibc_code,result_code,exam_date\n${fixture.students[2]!.stateId},XYZ999,01,2025-03-14\n`;
    await assert.rejects(
      fixture.importFile('ibc', csv),
      (error: { code: string; issues: Array<{ row: number; column: string }> }) => {
        assert.equal(error.code, 'ERR_EVIDENCE_UNKNOWN_IBC');
        assert.deepEqual([error.issues[0]!.row, error.issues[0]!.column], [2, 'ibc_code']);
        return true;
      },
    );
  });

  it('accepts a code once a newer TEA list version containing it is loaded from a file', async () => {
    const lines = BUNDLED_IBC_ENTRIES.map(
      (e) => `${e.code},"${e.name}","${e.vendor}",${e.lists.join(';')}`,
    );
    const file = [
      'code,name,vendor,lists',
      ...lines,
      'DRONEP107,Part 107 Remote Pilot,Federal Aviation Administration,2025-2030',
    ].join('\n');
    const loaded = await importIbcListFile(
      fixture.context.db,
      { version: 'test-2025.2', file: 'ibc.csv', content: file },
      fixture.context.now(),
    );
    assert.equal(loaded.entries, BUNDLED_IBC_ENTRIES.length + 1);
    const list = await inTenant((tx) => loadIbcList(tx));
    assert.equal(list.entries.get('DRONEP107')?.lists[0], '2025-2030');
    const csv = `state_id,ibc_code,result_code,exam_date\n${fixture.students[2]!.stateId},DRONEP107,01,2025-10-02\n`;
    assert.equal((await fixture.importFile('ibc', csv)).applied, 1);
  });

  it('refuses an IBC list file with an edition that is not a year range', async () => {
    await assert.rejects(
      importIbcListFile(
        fixture.context.db,
        { version: 'bad', file: 'ibc.csv', content: 'code,name,vendor,lists\nX1,X,Y,2025\n' },
        fixture.context.now(),
      ),
      { code: 'ERR_EVIDENCE_BAD_IBC_LIST' },
    );
  });
});
