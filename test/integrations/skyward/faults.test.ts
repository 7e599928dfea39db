import assert from 'node:assert/strict';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deliverPending, type DeliveryFaults } from '../../../integrations/skyward/index.js';
import { testBackendName } from '../../support/test-database.js';
import {
  createSkywardDistrict,
  outboxOf,
  type SkywardDistrict,
  useSkywardWorld,
} from './skyward-fixture.js';

/** Stands for the worker process dying at one point of a delivery. */
class SimulatedCrash extends Error {}

function crashOnce(point: keyof DeliveryFaults): DeliveryFaults {
  let hasCrashed = false;
  return {
    [point]: () => {
      if (hasCrashed) return;
      hasCrashed = true;
      throw new SimulatedCrash(point);
    },
  };
}

/** Every line of every file in the inbox, without headers, as `id,version`. */
function deliveredKeys(district: SkywardDistrict): string[] {
  return district
    .inboxFiles()
    .flatMap((name) => district.read(name).trim().split('\r\n').slice(1))
    .map((line) => line.split(',').slice(0, 2).join(','))
    .sort();
}

describe(`Skyward delivery under faults (${testBackendName()})`, function () {
  this.timeout(60_000);
  const world = useSkywardWorld();

  it('keeps changes pending while the server is down and delivers them once it is back', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-down');
    const saved = await district.save();
    await world.server.stop();
    try {
      await assert.rejects(deliverPending(world.context, district.tenant.id), {
        code: 'ERR_SKYWARD_UNREACHABLE',
      });
      await assert.rejects(deliverPending(world.context, district.tenant.id), {
        code: 'ERR_SKYWARD_UNREACHABLE',
      });
      assert.deepEqual(
        (await outboxOf(world.context, district.tenant.id)).map((row) => row.status),
        ['pending'],
      );
    } finally {
      await world.server.start();
    }
    const summary = await deliverPending(world.context, district.tenant.id);
    assert.equal(summary.records, 1);
    assert.deepEqual(deliveredKeys(district), [`${saved.id},1`]);
  });

  it('finishes a batch whose worker died between upload and rename, in one file', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-crash-upload');
    const a = await district.save();
    const b = await district.save({ ibcCode: 'IBC0002' });
    await assert.rejects(
      deliverPending(world.context, district.tenant.id, { faults: crashOnce('afterUpload') }),
      SimulatedCrash,
    );
    const [partial] = district.inboxFiles();
    assert.match(partial!, /\.csv\.part$/);
    assert.deepEqual(
      (await outboxOf(world.context, district.tenant.id)).map((row) => row.status),
      ['pending', 'pending'],
    );

    const restarted = await deliverPending(world.context, district.tenant.id);

    assert.equal(restarted.records, 2);
    assert.deepEqual(district.inboxFiles(), [partial!.replace(/\.part$/, '')]);
    assert.deepEqual(deliveredKeys(district), [`${a.id},1`, `${b.id},1`].sort());
    assert.deepEqual(
      (await outboxOf(world.context, district.tenant.id)).map((row) => row.status),
      ['delivered', 'delivered'],
    );
  });

  it('recognises a file already renamed before the worker died and does not send it again', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-crash-rename');
    const saved = await district.save();
    await assert.rejects(
      deliverPending(world.context, district.tenant.id, { faults: crashOnce('afterRename') }),
      SimulatedCrash,
    );
    const [name] = district.inboxFiles();
    const writtenAtMs = statSync(join(district.inbox, name!)).mtimeMs;
    assert.deepEqual(
      (await outboxOf(world.context, district.tenant.id)).map((row) => row.status),
      ['pending'],
    );

    const restarted = await deliverPending(world.context, district.tenant.id);

    assert.equal(restarted.records, 1);
    assert.deepEqual(district.inboxFiles(), [name]);
    assert.equal(statSync(join(district.inbox, name!)).mtimeMs, writtenAtMs);
    assert.deepEqual(deliveredKeys(district), [`${saved.id},1`]);
    assert.deepEqual(
      (await outboxOf(world.context, district.tenant.id)).map((row) => row.status),
      ['delivered'],
    );
  });

  it('re-sends a batch Skyward already took, under the same name with the same ids and versions', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-crash-taken');
    const saved = await district.save();
    await assert.rejects(
      deliverPending(world.context, district.tenant.id, { faults: crashOnce('afterRename') }),
      SimulatedCrash,
    );
    const [name] = district.inboxFiles();
    const firstCopy = district.read(name!);
    const imported = join(district.inbox, '..', 'imported');
    mkdirSync(imported, { recursive: true });
    renameSync(join(district.inbox, name!), join(imported, name!));

    await deliverPending(world.context, district.tenant.id);

    assert.deepEqual(district.inboxFiles(), [name]);
    assert.equal(district.read(name!), firstCopy);
    assert.ok(existsSync(join(imported, name!)));
    assert.deepEqual(deliveredKeys(district), [`${saved.id},1`]);
  });

  it('survives a crash at every step of several batches and ends with every record delivered once', async () => {
    const district = await createSkywardDistrict(world.context, world.server, 'sky-crash-many');
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1)
      ids.push((await district.save({ ibcCode: `IBC${index}` })).id);
    const options = { maxRecordsPerFile: 3 };
    await assert.rejects(
      deliverPending(world.context, district.tenant.id, {
        ...options,
        faults: crashOnce('afterUpload'),
      }),
      SimulatedCrash,
    );
    await assert.rejects(
      deliverPending(world.context, district.tenant.id, {
        ...options,
        faults: crashOnce('afterRename'),
      }),
      SimulatedCrash,
    );
    await deliverPending(world.context, district.tenant.id, options);

    assert.equal(district.inboxFiles().filter((name) => name.endsWith('.part')).length, 0);
    assert.deepEqual(deliveredKeys(district), ids.map((id) => `${id},1`).sort());
    const statuses = (await outboxOf(world.context, district.tenant.id)).map((row) => row.status);
    assert.deepEqual(
      statuses,
      ids.map(() => 'delivered'),
    );
  });
});
