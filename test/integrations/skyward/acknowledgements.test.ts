import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deliverPending, getDeliveryStatus } from '../../../integrations/skyward/index.js';
import { testBackendName } from '../../support/test-database.js';
import { createSkywardDistrict, useSkywardWorld } from './skyward-fixture.js';

describe(`Skyward acknowledgement files (${testBackendName()})`, function () {
  this.timeout(60_000);
  const world = useSkywardWorld();

  it('marks accepted records acknowledged and rejected ones failed with Skyward’s reason', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-ack');
    const accepted = await district.save();
    const rejected = await district.save({ ibcCode: 'IBC0999' });
    await deliverPending(world.context, district.tenant.id);
    writeFileSync(
      join(district.acks, 'ccmr-ibc-return-1.csv'),
      'record_id,version,status,message\r\n' +
        `${accepted.id},1,accepted,\r\n` +
        `${rejected.id},1,REJECTED,"IBC code not on the district's list, row 2"\r\n` +
        `${randomUUID()},1,accepted,\r\n`,
    );

    const summary = await deliverPending(world.context, district.tenant.id);

    assert.deepEqual(summary.acknowledgements, {
      files: 1,
      accepted: 1,
      rejected: 1,
      unmatched: 1,
      invalidFiles: 0,
    });
    const statuses = await world.context.db.withTenant(district.tenant.id, (tx) =>
      getDeliveryStatus(tx),
    );
    const byId = new Map(statuses.map((entry) => [entry.certificationId, entry]));
    assert.equal(byId.get(accepted.id)!.status, 'acknowledged');
    assert.equal(byId.get(rejected.id)!.status, 'failed');
    assert.equal(byId.get(rejected.id)!.failureCode, 'ERR_SKYWARD_REJECTED');
    assert.equal(
      byId.get(rejected.id)!.failureReason,
      "IBC code not on the district's list, row 2",
    );
  });

  it('reads each acknowledgement file once', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-ack-once');
    const saved = await district.save();
    await deliverPending(world.context, district.tenant.id);
    writeFileSync(
      join(district.acks, 'return.csv'),
      `record_id,version,status,message\n${saved.id},1,accepted,ok\n`,
    );
    const first = await deliverPending(world.context, district.tenant.id);
    const second = await deliverPending(world.context, district.tenant.id);
    assert.equal(first.acknowledgements.files, 1);
    assert.equal(second.acknowledgements.files, 0);
  });

  it('does not acknowledge a version that was never sent', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-ack-version');
    const saved = await district.save();
    await deliverPending(world.context, district.tenant.id);
    writeFileSync(
      join(district.acks, 'return.csv'),
      `record_id,version,status,message\n${saved.id},2,accepted,\n`,
    );
    const summary = await deliverPending(world.context, district.tenant.id);
    assert.equal(summary.acknowledgements.unmatched, 1);
    const [status] = await world.context.db.withTenant(district.tenant.id, (tx) =>
      getDeliveryStatus(tx),
    );
    assert.equal(status!.status, 'delivered');
  });

  it('leaves a file in another layout unread and reports it, and reads it once corrected', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-ack-bad');
    const saved = await district.save();
    await deliverPending(world.context, district.tenant.id);
    const path = join(district.acks, 'return.csv');
    writeFileSync(path, `id;status\n${saved.id};accepted\n`);
    const bad = await deliverPending(world.context, district.tenant.id);
    assert.equal(bad.acknowledgements.invalidFiles, 1);
    writeFileSync(path, `record_id,version,status,message\n${saved.id},1,accepted,\n`);
    const fixed = await deliverPending(world.context, district.tenant.id);
    assert.equal(fixed.acknowledgements.accepted, 1);
  });
});
