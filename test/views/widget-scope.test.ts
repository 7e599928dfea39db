import assert from 'node:assert/strict';
import { linkedStudentIds } from './support/linked-students.js';
import { startWidgetWorld, type WidgetWorld } from './support/widget-launch.js';

function codeOf(body: string): string {
  return (JSON.parse(body) as { code: string }).code;
}

describe('widget access scope, after real LTI launches', () => {
  let world: WidgetWorld;

  before(async function () {
    // Opening the shared test database applies every migration once per run.
    this.timeout(180_000);
    world = await startWidgetWorld('scope', {
      campuses: [
        { sourcedId: 'hs-a', name: 'A High', students: 20 },
        { sourcedId: 'hs-b', name: 'B High', students: 10 },
      ],
      sectionSize: 10,
    });
  });

  after(() => world?.close());

  const campusA = () => world.district.campuses[0];
  const campusB = () => world.district.campuses[1];

  async function countDenials(resourceType: string): Promise<number> {
    const rows = await world.lti.context.db.withTenant(world.tenant.id, (tx) =>
      tx.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM audit_events
          WHERE action = 'access.denied' AND outcome = 'denied' AND resource_type = $1`,
        [resourceType],
      ),
    );
    return rows[0]!.count;
  }

  it('refuses a widget request that carries no launch session', async () => {
    const response = await fetch(`${world.lti.toolUrl}/widgets/student-card`, {
      headers: { accept: 'application/json' },
    });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { code: string }).code, 'ERR_LTI_SESSION_REQUIRED');
  });

  it('sends a launch to the widget it names', async () => {
    const session = await world.launch('teacher', campusA().teacherSourcedIds[0], {
      widget: 'class-readiness',
    });
    assert.match(session.location, /\/widgets\/class-readiness/);
    const page = await session.agent.request(session.location);
    assert.equal(page.status, 200);
  });

  it('lets a teacher open the card of a student in their section', async () => {
    const session = await world.launch('teacher', campusA().teacherSourcedIds[0]);
    const page = await session.get(`/widgets/student-card?student=${campusA().studentIds[0]}`);
    assert.equal(page.status, 200);
  });

  it('refuses a teacher the card of a student outside their sections', async () => {
    const session = await world.launch('teacher', campusA().teacherSourcedIds[0]);
    const other = campusA().studentIds[15];
    const page = await session.get(`/widgets/student-card?student=${other}`, 'application/json');
    assert.equal(page.status, 403);
    assert.equal(codeOf(page.body), 'ERR_PRIVACY_FORBIDDEN');
  });

  it('lists in class readiness only the students of the teacher’s section', async () => {
    const session = await world.launch('teacher', campusA().teacherSourcedIds[1]);
    const page = await session.get('/widgets/class-readiness');
    const linked = linkedStudentIds(page.body);
    assert.equal(linked.length, 10);
    for (const id of linked) assert.ok(campusA().studentIds.slice(10, 20).includes(id));
  });

  it('refuses a counselor the card of a student at another campus', async () => {
    const session = await world.launch('counselor', campusA().counselorSourcedId);
    const other = campusB().studentIds[0];
    const page = await session.get(`/widgets/student-card?student=${other}`, 'application/json');
    assert.equal(page.status, 403);
    assert.equal(codeOf(page.body), 'ERR_PRIVACY_FORBIDDEN');
  });

  it('refuses a counselor the dashboard of a campus outside their scope', async () => {
    const session = await world.launch('counselor', campusA().counselorSourcedId);
    const url = `/widgets/campus-dashboard?campus=${campusB().orgId}`;
    const page = await session.get(url, 'application/json');
    assert.equal(page.status, 403);
    assert.equal(codeOf(page.body), 'ERR_PRIVACY_FORBIDDEN');
  });

  it('audits the refusal of a campus outside a counselor’s scope', async () => {
    const session = await world.launch('counselor', campusA().counselorSourcedId);
    const denialsBefore = await countDenials('campus');
    const page = await session.get(
      `/widgets/campus-dashboard?campus=${campusB().orgId}`,
      'application/json',
    );
    assert.equal(page.status, 403);
    assert.equal(await countDenials('campus'), denialsBefore + 1);
  });

  it('shows each counselor their own campus in their own language, also when a page is served again', async () => {
    const inA = await world.launch('counselor', campusA().counselorSourcedId);
    const inB = await world.launch('counselor', campusB().counselorSourcedId);
    const inASpanish = await world.launch('counselor', campusA().counselorSourcedId, {
      locale: 'es',
    });
    const pageOf = async (session: typeof inA, campus: string) =>
      (await session.get(`/widgets/campus-dashboard?campus=${campus}`)).body;
    for (let round = 0; round < 2; round += 1) {
      const a = await pageOf(inA, campusA().orgId);
      const b = await pageOf(inB, campusB().orgId);
      const aSpanish = await pageOf(inASpanish, campusA().orgId);
      assert.match(a, /<html lang="en">/);
      assert.match(a, /A High/);
      assert.doesNotMatch(a, /B High/);
      assert.match(b, /B High/);
      assert.doesNotMatch(b, /A High/);
      assert.match(aSpanish, /<html lang="es">/);
    }
  });

  it('lists in a counselor drill-down only students of their own campus', async () => {
    const session = await world.launch('counselor', campusA().counselorSourcedId);
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
        seen.push(...linkedStudentIds((await session.get(url)).body));
      }
    }
    assert.ok(seen.length > 0, 'campus A has students not yet ready');
    for (const id of seen) assert.ok(campusA().studentIds.includes(id), `${id} is not at campus A`);
  });

  it("shows a counselor the PEIMS submission check of their own campus's records only", async () => {
    const { db } = world.lti.context;
    const insertCertification = (personId: string, campusOrgId: string, code: string) =>
      db.withTenant(world.tenant.id, (tx) =>
        tx.query(
          `INSERT INTO certifications (tenant_id, id, person_id, ibc_code, result_code, exam_date,
             earned_date, school_year, campus_org_id, exam_fee_cents, aligned_pos_status, lists,
             source)
           VALUES ($1, gen_random_uuid(), $2, $3, '01', '2026-09-20', '2026-10-01', 2027, $4,
             9000, 'completer', '{2025-2030}', 'staff')`,
          [tx.tenantId, personId, code, campusOrgId],
        ),
      );
    await insertCertification(campusA().studentIds[1]!, campusA().orgId, 'IBC-SUB-A');
    await insertCertification(campusB().studentIds[1]!, campusB().orgId, 'IBC-SUB-B');

    const session = await world.launch('counselor', campusA().counselorSourcedId);
    const page = await session.get('/widgets/ibc-tracker');

    assert.equal(page.status, 200);
    const section = page.body.slice(page.body.indexOf('id="ibc-submission"'));
    assert.match(section, /Before the PEIMS submission of 2026–27/);
    assert.match(section, /IBC-SUB-A<\/td>\s*<td>Not yet accepted by Skyward/);
    assert.doesNotMatch(page.body, /IBC-SUB-B/);
    assert.deepEqual(linkedStudentIds(section), [campusA().studentIds[1]]);
  });

  it('shows a learner only their own card, whatever student the link names', async () => {
    const session = await world.launch('student', campusA().studentSourcedIds[3]);
    const own = await session.get('/widgets/student-card');
    const other = await session.get(`/widgets/student-card?student=${campusA().studentIds[4]}`);
    assert.equal(own.status, 200);
    assert.equal(other.status, 200);
    assert.deepEqual(linkedStudentIds(other.body), []);
    assert.equal(own.body, other.body);
  });

  it('keeps learners out of every staff widget', async () => {
    const session = await world.launch('student', campusA().studentSourcedIds[3]);
    for (const widget of ['class-readiness', 'campus-dashboard']) {
      const page = await session.get(`/widgets/${widget}`, 'application/json');
      assert.equal(page.status, 403, widget);
      assert.equal(codeOf(page.body), 'ERR_VIEWS_FORBIDDEN');
    }
  });

  it('audits each card read with the student id', async () => {
    const session = await world.launch('counselor', campusA().counselorSourcedId);
    const student = campusA().studentIds[2];
    await session.get(`/widgets/student-card?student=${student}`);
    const events = await world.lti.context.db.withTenant(world.tenant.id, (tx) =>
      tx.query<{ resource_id: string }>(
        `SELECT resource_id FROM audit_events WHERE action = 'student.read' AND resource_id = $1`,
        [student],
      ),
    );
    assert.equal(events.length, 1);
  });
});
