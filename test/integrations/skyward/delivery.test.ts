import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  deleteCertification,
  saveCertification,
} from '../../../integrations/certifications/index.js';
import { deliverPending, getDeliveryStatus } from '../../../integrations/skyward/index.js';
import { createTestTenant } from '../../support/test-context.js';
import { testBackendName } from '../../support/test-database.js';
import { seedStudent } from '../certifications/seed-student.js';
import { createSkywardDistrict, operator, outboxOf, useSkywardWorld } from './skyward-fixture.js';

const HEADER =
  'record_id,record_version,operation,student_state_id,student_local_id,campus_id,' +
  'certification_code,result_code,vendor_code,exam_fee,date_taken,date_earned,school_year';

describe(`Skyward delivery over SFTP (${testBackendName()})`, function () {
  this.timeout(60_000);
  const world = useSkywardWorld();

  it('delivers saved certifications in one file with exactly the documented content', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-deliver');
    const first = await district.save();
    const second = await district.save({
      ibcCode: 'IBC0102',
      vendorCode: null,
      examFeeCents: null,
      resultCode: '02',
      earnedDate: null,
      examDate: '2026-05-01',
    });

    const summary = await deliverPending(world.context, district.tenant.id);

    assert.equal(summary.status, 'delivered');
    assert.equal(summary.records, 2);
    const [name] = district.inboxFiles();
    assert.equal(district.inboxFiles().length, 1);
    assert.match(name!, /^ccmr-ibc-[0-9a-f-]{36}\.csv$/);
    assert.equal(
      district.read(name!),
      `${HEADER}\r\n` +
        `${first.id},1,upsert,S123456789,000451,101912001,IBC0417,01,V0123,120.00,2026-04-10,2026-04-20,2026\r\n` +
        `${second.id},1,upsert,S123456789,000451,101912001,IBC0102,02,,,2026-05-01,,2026\r\n`,
    );
    const statuses = await world.context.db.withTenant(district.tenant.id, (tx) =>
      getDeliveryStatus(tx, { personId: district.student.personId }),
    );
    assert.deepEqual(
      statuses.map((entry) => entry.status),
      ['delivered', 'delivered'],
    );
  });

  it('delivers nothing twice: a second run finds nothing pending and writes no file', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-once');
    await district.save();
    await deliverPending(world.context, district.tenant.id);
    const again = await deliverPending(world.context, district.tenant.id);
    assert.equal(again.status, 'nothing_pending');
    assert.equal(again.records, 0);
    assert.equal(district.inboxFiles().length, 1);
  });

  it('sends a change as the next version and a delete as a delete line, in a new file', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-change');
    const saved = await district.save();
    await deliverPending(world.context, district.tenant.id);
    await district.save({ id: saved.id, resultCode: '03' });
    await deliverPending(world.context, district.tenant.id);
    await world.context.db.withTenant(district.tenant.id, (tx) =>
      deleteCertification(world.context, tx, saved.id, operator),
    );
    await deliverPending(world.context, district.tenant.id);

    const lines = district
      .inboxFiles()
      .flatMap((name) => district.read(name).trim().split('\r\n').slice(1))
      .map((line) => line.split(',').slice(0, 3).join(','))
      .sort();
    assert.deepEqual(lines, [
      `${saved.id},1,upsert`,
      `${saved.id},2,upsert`,
      `${saved.id},3,delete`,
    ]);
  });

  it('sends nothing for a record created and deleted before any delivery', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-never-sent');
    const fleeting = await district.save();
    const kept = await district.save({ ibcCode: 'IBC0420' });
    await world.context.db.withTenant(district.tenant.id, (tx) =>
      deleteCertification(world.context, tx, fleeting.id, operator),
    );
    await deliverPending(world.context, district.tenant.id);

    const lines = district
      .inboxFiles()
      .flatMap((name) => district.read(name).trim().split('\r\n').slice(1))
      .map((line) => line.split(',').slice(0, 3).join(','));
    assert.deepEqual(lines, [`${kept.id},1,upsert`]);
    const outbox = await outboxOf(world.context, district.tenant.id);
    assert.deepEqual(
      outbox
        .filter((row) => row.certification_id === fleeting.id)
        .map((row) => `${row.version}:${row.status}`),
      ['1:superseded', '2:superseded'],
    );
    assert.equal((await deliverPending(world.context, district.tenant.id)).records, 0);
  });

  it('sends only the newest version when a record changed twice before delivery', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-supersede');
    const saved = await district.save();
    await district.save({ id: saved.id, examFeeCents: 5_000 });
    await district.save({ id: saved.id, examFeeCents: 6_000 });
    await deliverPending(world.context, district.tenant.id);

    const body = district.read(district.inboxFiles()[0]!).trim().split('\r\n').slice(1);
    assert.equal(body.length, 1);
    assert.match(body[0]!, new RegExp(`^${saved.id},3,upsert,.*,60\\.00,`));
    const outbox = await outboxOf(world.context, district.tenant.id);
    assert.deepEqual(
      outbox.map((row) => `${row.version}:${row.status}`),
      ['1:superseded', '2:superseded', '3:delivered'],
    );
  });

  it('writes the district’s own column layout, fixed values included', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-layout', {
      columnMapping: [
        { header: 'Student ID', field: 'student_local_id' },
        { header: 'Cert Code', field: 'certification_code' },
        { header: 'District', constant: '101912' },
        { header: 'Record', field: 'record_id' },
        { header: 'Ver', field: 'record_version' },
      ],
      fileNamePattern: 'IBC_{date}_{batch}.txt',
    });
    const saved = await district.save();
    await deliverPending(world.context, district.tenant.id);

    const [name] = district.inboxFiles();
    assert.match(name!, /^IBC_20261015_[0-9a-f-]{36}\.txt$/);
    assert.equal(
      district.read(name!),
      `Student ID,Cert Code,District,Record,Ver\r\n000451,IBC0417,101912,${saved.id},1\r\n`,
    );
  });

  it('files a record without a campus under the campus the student is rostered at', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-campus');
    const rostered = await seedStudent(world.context, district.tenant.id, {
      stateId: 'S222333444',
      localId: '000777',
      campusIdentifier: '101912002',
    });
    await world.context.db.withTenant(district.tenant.id, (tx) =>
      tx.query('INSERT INTO students (tenant_id, person_id, campus_org_id) VALUES ($1, $2, $3)', [
        tx.tenantId,
        rostered.personId,
        rostered.campusOrgId,
      ]),
    );
    const saved = await district.save({ personId: rostered.personId, campusOrgId: null });
    const unplaced = await district.save({ campusOrgId: null, ibcCode: 'IBC0418' });
    await deliverPending(world.context, district.tenant.id);

    const lines = district.read(district.inboxFiles()[0]!).trim().split('\r\n').slice(1);
    const campusOf = (id: string) => lines.find((line) => line.startsWith(id))!.split(',')[5];
    assert.equal(campusOf(saved.id), '101912002');
    assert.equal(campusOf(unplaced.id), '', 'a student with no roster record has no campus');
  });

  it('marks a change failed with a reason when the student has neither state nor local ID', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-noid');
    const anonymous = await seedStudent(world.context, district.tenant.id, {
      stateId: '',
      localId: '',
    });
    const saved = await district.save({ personId: anonymous.personId });
    const summary = await deliverPending(world.context, district.tenant.id);
    assert.equal(summary.records, 0);
    assert.equal(district.inboxFiles().length, 0);
    const [status] = await world.context.db.withTenant(district.tenant.id, (tx) =>
      getDeliveryStatus(tx, { personId: anonymous.personId }),
    );
    assert.equal(status!.certificationId, saved.id);
    assert.equal(status!.status, 'failed');
    assert.equal(status!.failureCode, 'ERR_SKYWARD_STUDENT_ID_MISSING');
  });

  it('keeps changes pending in a district with no connection', async () => {
    const tenant = await createTestTenant(world.context, 'sky-unconnected');
    const student = await seedStudent(world.context, tenant.id, { stateId: 'S1', localId: 'L1' });
    await world.context.db.withTenant(tenant.id, (tx) =>
      saveCertification(
        world.context,
        tx,
        {
          sourceKey: randomUUID(),
          personId: student.personId,
          ibcCode: 'IBC0001',
          resultCode: '01',
          earnedDate: '2026-03-01',
          schoolYear: 2026,
          source: 'staff',
        },
        operator,
      ),
    );
    const summary = await deliverPending(world.context, tenant.id);
    assert.equal(summary.status, 'not_connected');
    assert.deepEqual(
      (await outboxOf(world.context, tenant.id)).map((row) => row.status),
      ['pending'],
    );
  });
});
