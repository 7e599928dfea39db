import assert from 'node:assert/strict';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { seedReadinessDistrict, type SeededDistrict } from './support/seed-readiness-district.js';
import { linkedStudentIds } from './support/linked-students.js';
import { makeViewer, startWidgetHarness, type WidgetHarness } from './support/widget-harness.js';

async function getJson(url: string) {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as { code: string } };
}

describe('widget access scope', () => {
  let context: TestContext;
  let harness: WidgetHarness;
  let tenantId: string;
  let district: SeededDistrict;

  before(async function () {
    // Opening the shared test database applies every migration once per run.
    this.timeout(180_000);
    context = await createTestContext();
    tenantId = (await createTestTenant(context, 'scope')).id;
    district = await seedReadinessDistrict(context, tenantId, {
      campuses: [
        { sourcedId: 'hs-a', name: 'A High', students: 20 },
        { sourcedId: 'hs-b', name: 'B High', students: 10 },
      ],
      sectionSize: 10,
    });
    harness = await startWidgetHarness(context);
  });

  after(async () => {
    await harness.stop();
    await context.close();
  });

  const campusA = () => district.campuses[0];
  const campusB = () => district.campuses[1];

  it('refuses a widget request that carries no launch session', async () => {
    const { status, body } = await getJson(`${harness.url}/widgets/student-card`);
    assert.equal(status, 401);
    assert.equal(body.code, 'ERR_VIEWS_NO_SESSION');
  });

  it('lets a teacher open the card of a student in their section', async () => {
    const viewer = makeViewer(tenantId, 'teacher', {
      scope: { classSourcedIds: [campusA().classSourcedIds[0]] },
    });
    const inSection = campusA().studentIds[0];
    const session = harness.openSession(viewer);
    const response = await fetch(
      harness.widgetUrl(session, `/widgets/student-card?student=${inSection}`),
    );
    assert.equal(response.status, 200);
  });

  it('refuses a teacher the card of a student outside their sections', async () => {
    const viewer = makeViewer(tenantId, 'teacher', {
      scope: { classSourcedIds: [campusA().classSourcedIds[0]] },
    });
    const otherSection = campusA().studentIds[15];
    const session = harness.openSession(viewer);
    const { status, body } = await getJson(
      harness.widgetUrl(session, `/widgets/student-card?student=${otherSection}`),
    );
    assert.equal(status, 403);
    assert.equal(body.code, 'ERR_PRIVACY_FORBIDDEN');
  });

  it('lists in class readiness only the students of the launching sections', async () => {
    const viewer = makeViewer(tenantId, 'teacher', {
      scope: { classSourcedIds: [campusA().classSourcedIds[1]] },
    });
    const session = harness.openSession(viewer);
    const html = await (await fetch(harness.widgetUrl(session, '/widgets/class-readiness'))).text();
    const linked = linkedStudentIds(html);
    assert.equal(linked.length, 10);
    for (const id of linked) assert.ok(campusA().studentIds.slice(10, 20).includes(id));
  });

  it('refuses a counselor the card of a student at another campus', async () => {
    const viewer = makeViewer(tenantId, 'counselor', {
      scope: { campusOrgIds: [campusA().orgId] },
    });
    const session = harness.openSession(viewer);
    const { status, body } = await getJson(
      harness.widgetUrl(session, `/widgets/student-card?student=${campusB().studentIds[0]}`),
    );
    assert.equal(status, 403);
    assert.equal(body.code, 'ERR_PRIVACY_FORBIDDEN');
  });

  it('refuses a counselor the dashboard of a campus outside their scope', async () => {
    const viewer = makeViewer(tenantId, 'counselor', {
      scope: { campusOrgIds: [campusA().orgId] },
    });
    const session = harness.openSession(viewer);
    const { status, body } = await getJson(
      harness.widgetUrl(session, `/widgets/campus-dashboard?campus=${campusB().orgId}`),
    );
    assert.equal(status, 403);
    assert.equal(body.code, 'ERR_PRIVACY_FORBIDDEN');
  });

  it('limits a caseload counselor drill-down to their caseload', async () => {
    const caseload = campusA().studentIds.slice(0, 12);
    const viewer = makeViewer(tenantId, 'counselor', {
      scope: { campusOrgIds: [campusA().orgId], caseloadPersonIds: caseload },
    });
    const session = harness.openSession(viewer);
    const seen: string[] = [];
    for (const group of [
      'tsi_math_only',
      'tsi_ela_only',
      'ibc_without_pos',
      'no_evidence',
      'other',
    ]) {
      for (const year of [2026, 2027]) {
        const url = `/widgets/campus-dashboard?campus=${campusA().orgId}&year=${year}&group=${group}`;
        const html = await (await fetch(harness.widgetUrl(session, url))).text();
        seen.push(...linkedStudentIds(html));
      }
    }
    assert.ok(seen.length > 0, 'the caseload has students not yet ready');
    for (const id of seen) assert.ok(caseload.includes(id), `${id} is outside the caseload`);
  });

  it('shows a learner only their own card, whatever student the link names', async () => {
    const self = campusA().studentIds[3];
    const viewer = makeViewer(tenantId, 'student', { personId: self });
    const session = harness.openSession(viewer);
    const own = await fetch(harness.widgetUrl(session, '/widgets/student-card'));
    const other = await fetch(
      harness.widgetUrl(session, `/widgets/student-card?student=${campusA().studentIds[4]}`),
    );
    assert.equal(own.status, 200);
    assert.equal(other.status, 200);
    assert.equal(await own.text(), await other.text());
  });

  it('keeps learners out of every staff widget', async () => {
    const viewer = makeViewer(tenantId, 'student', { personId: campusA().studentIds[3] });
    const session = harness.openSession(viewer);
    for (const widget of ['class-readiness', 'campus-dashboard']) {
      const { status, body } = await getJson(harness.widgetUrl(session, `/widgets/${widget}`));
      assert.equal(status, 403, widget);
      assert.equal(body.code, 'ERR_VIEWS_FORBIDDEN');
    }
  });

  it('audits each card read with the student id and the launch', async () => {
    const viewer = makeViewer(tenantId, 'counselor', {
      scope: { campusOrgIds: [campusA().orgId] },
    });
    const student = campusA().studentIds[2];
    const session = harness.openSession(viewer);
    await fetch(harness.widgetUrl(session, `/widgets/student-card?student=${student}`));
    const events = await context.db.withTenant(tenantId, (tx) =>
      tx.query<{ resource_id: string }>(
        `SELECT resource_id FROM audit_events WHERE action = 'student.read' AND launch_id = $1`,
        [viewer.launchId],
      ),
    );
    assert.deepEqual(
      events.map((e) => e.resource_id),
      [student],
    );
  });
});
