import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deleteCertification } from '../../../integrations/certifications/index.js';
import { deliverPending } from '../../../integrations/skyward/index.js';
import { recomputeResults } from '../../../app/results/index.js';
import { checkSubmission } from '../../../integrations/submission-checks/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createSkywardDistrict, operator, useSkywardWorld } from '../skyward/skyward-fixture.js';

const LISTED = { lists: ['2022-2025', '2025-2030'], alignedPosStatus: 'completer' };

describe(`PEIMS submission check of a district (${testBackendName()})`, function () {
  this.timeout(60_000);
  const world = useSkywardWorld();

  it("finds what would reach TEA wrong from the district's records and Skyward's answers", async () => {
    const { context, server } = world;
    const district = await createSkywardDistrict(context, server, 'peims-check');
    const acknowledged = await district.save({ ...LISTED });
    const unlisted = await district.save({ ibcCode: 'IBC9999', examDate: '2026-04-11' });
    const summer = await district.save({
      ...LISTED,
      ibcCode: 'IBC0500',
      examDate: '2026-06-20',
      earnedDate: '2026-07-02',
    });
    const removed = await district.save({ ...LISTED, ibcCode: 'IBC0600', examDate: '2026-05-01' });
    await deliverPending(context, district.tenant.id);
    writeFileSync(
      join(district.acks, 'return-1.csv'),
      `record_id,version,status,message\r\n${acknowledged.id},1,accepted,\r\n`,
    );
    await deliverPending(context, district.tenant.id);
    await context.db.withTenant(district.tenant.id, (tx) =>
      deleteCertification(context, tx, removed.id, operator),
    );

    const report = await context.db.withTenant(district.tenant.id, (tx) =>
      checkSubmission(tx, { actorType: 'cli', actorId: 'coordinator' }, 2026, context.now()),
    );

    assert.equal(report.certifications, 4);
    const found = report.findings.map((finding) => `${finding.check} ${finding.certificationId}`);
    assert.deepEqual(
      found.sort(),
      [
        `ibc_not_in_skyward ${summer.id}`,
        `ibc_not_in_skyward ${unlisted.id}`,
        `ibc_not_on_tea_list ${unlisted.id}`,
        `ibc_removal_not_in_skyward ${removed.id}`,
        `ibc_summer_extended_year ${summer.id}`,
      ].sort(),
    );
    assert.equal(report.findings.at(-1)?.severity, 'notice');
    const notInSkyward = report.findings.find(
      (finding) => finding.check === 'ibc_not_in_skyward' && finding.certificationId === summer.id,
    );
    assert.deepEqual(notInSkyward?.detail, { skyward: 'delivered', reason: null });
    const removal = report.findings.find(
      (finding) => finding.check === 'ibc_removal_not_in_skyward',
    );
    assert.equal(removal?.detail.skyward, 'pending');

    const [event] = await context.db.withTenant(district.tenant.id, (tx) =>
      tx.query<{ actor_id: string; detail: Record<string, unknown> }>(
        `SELECT actor_id, detail FROM audit_events WHERE action = 'submission.checked'`,
      ),
    );
    assert.equal(event?.actor_id, 'coordinator');
    assert.deepEqual(event?.detail, {
      schoolYear: 2026,
      certifications: 4,
      findings: 5,
      students: 1,
    });
  });

  it('says a record is not connected when the district has no Skyward connection', async () => {
    const { context, server } = world;
    const district = await createSkywardDistrict(context, server, 'peims-unconnected');
    const saved = await district.save({ ...LISTED });
    await context.db.withTenant(district.tenant.id, (tx) =>
      tx.query('DELETE FROM skyward_connections'),
    );
    const report = await context.db.withTenant(district.tenant.id, (tx) =>
      checkSubmission(tx, { actorType: 'cli', actorId: 'coordinator' }, 2026, context.now()),
    );
    assert.deepEqual(report.findings, [
      {
        check: 'ibc_not_in_skyward',
        severity: 'blocking',
        certificationId: saved.id,
        personId: district.student.personId,
        ibcCode: 'IBC0417',
        detail: { skyward: 'not_connected', reason: null },
      },
    ]);
  });

  it("holds an earned IBC to the program-of-study status its student's class needs", async () => {
    const { context, server } = world;
    const district = await createSkywardDistrict(context, server, 'peims-pos');
    const short = await district.save({ ...LISTED, alignedPosStatus: 'level2_course' });
    await recomputeResults(context, district.tenant.id, [district.student.personId]);
    const [stored] = await context.db.withTenant(district.tenant.id, (tx) =>
      tx.query<{ accountability_year: number }>('SELECT accountability_year FROM student_results'),
    );
    assert.ok(stored, 'the student has a result');

    const report = await context.db.withTenant(district.tenant.id, (tx) =>
      checkSubmission(tx, { actorType: 'cli', actorId: 'coordinator' }, 2026, context.now()),
    );

    const finding = report.findings.find((entry) => entry.check === 'ibc_pos_short');
    assert.equal(finding?.certificationId, short.id);
    assert.equal(finding?.detail.reached, 'level2_course');
    assert.ok(['concentrator', 'completer'].includes(String(finding?.detail.required)));
  });
});
