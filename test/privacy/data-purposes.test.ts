import assert from 'node:assert/strict';
import { ACCESS_ACTIONS, PURPOSE_OF_ACTION } from '../../privacy/index.js';
import { DATA_PURPOSES } from '../../store/index.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

describe('declared purposes of student-data processing (R1)', () => {
  let context: TestContext;

  // Opening the application declares every job the product runs.
  before(async () => {
    context = await createTestContext();
  });
  after(() => context.close());

  it('gives every background job a purpose from the closed list', () => {
    const jobs = context.jobs.definedJobs();
    assert.ok(jobs.length >= 7, `the product's jobs are all declared (${jobs.length})`);
    for (const job of jobs) {
      assert.ok(DATA_PURPOSES.includes(job.purpose), `${job.name}: ${String(job.purpose)}`);
    }
    const purposeOf = new Map(jobs.map((job) => [job.name, job.purpose]));
    assert.equal(purposeOf.get('privacy.retention'), 'legal_compliance');
    assert.equal(purposeOf.get('skyward.deliver'), 'deliver_service');
  });

  it('gives every access-policy action, and so every student-data route, a purpose', () => {
    for (const action of ACCESS_ACTIONS) {
      assert.ok(DATA_PURPOSES.includes(PURPOSE_OF_ACTION[action]), action);
    }
    assert.deepEqual(Object.keys(PURPOSE_OF_ACTION).sort(), [...ACCESS_ACTIONS].sort());
    assert.equal(PURPOSE_OF_ACTION['data_request.run'], 'lea_requested');
    assert.equal(PURPOSE_OF_ACTION['export.deidentified'], 'deidentified_research');
  });
});
