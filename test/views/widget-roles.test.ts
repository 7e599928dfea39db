import assert from 'node:assert/strict';
import type { ViewerRole } from '../../privacy/index.js';
import { WIDGET_NAMES, WIDGET_ROLES } from '../../views/index.js';
import { decodeAttributes, linkedStudentIds } from './support/linked-students.js';
import { startWidgetWorld, type WidgetSession, type WidgetWorld } from './support/widget-launch.js';

type StaffOrStudent = Exclude<ViewerRole, 'none'>;

describe('every widget for every role, after real LTI launches', () => {
  let world: WidgetWorld;
  const sessions = new Map<StaffOrStudent, WidgetSession>();

  before(async function () {
    // Opening the shared test database applies every migration once per run.
    this.timeout(180_000);
    world = await startWidgetWorld('roles', {
      campuses: [
        { sourcedId: 'hs-a', name: 'A High', students: 24 },
        { sourcedId: 'echs-b', name: 'B Early College', students: 12, program: 'ECHS' },
      ],
      sectionSize: 12,
    });
    const a = world.district.campuses[0];
    sessions.set('student', await world.launch('student', a.studentSourcedIds[1]));
    sessions.set('teacher', await world.launch('teacher', a.teacherSourcedIds[0]));
    sessions.set('counselor', await world.launch('counselor', a.counselorSourcedId));
    sessions.set(
      'campus_admin',
      await world.launch('campus_admin', world.district.campuses[1].principalSourcedId),
    );
    sessions.set(
      'district_admin',
      await world.launch('district_admin', world.district.districtAdminSourcedId),
    );
  });

  after(() => world?.close());

  for (const widget of WIDGET_NAMES) {
    it(`opens ${widget} to ${WIDGET_ROLES[widget].join(', ')} and to no other role`, async () => {
      for (const [role, session] of sessions) {
        const page = await session.get(`/widgets/${widget}`);
        if (WIDGET_ROLES[widget].includes(role)) {
          assert.equal(page.status, 200, `${widget} as ${role}: ${page.body.slice(0, 300)}`);
          assert.match(page.body, /<main id="main"/);
          assert.equal(page.headers.get('cache-control'), 'no-store');
        } else {
          assert.equal(page.status, 403, `${widget} as ${role}`);
        }
      }
    });
  }

  it('shows the district administrator every campus side by side with the bonus in dollars', async () => {
    const page = await sessions.get('district_admin')!.get('/widgets/district-dashboard');
    assert.match(page.body, /A High/);
    assert.match(page.body, /B Early College/);
    assert.match(page.body, /\$[\d,]+/);
  });

  it('shows the ECHS measures of the early college campus by designation tier', async () => {
    const campus = world.district.campuses[1].orgId;
    const page = await sessions.get('campus_admin')!.get(`/widgets/obm-monitor?campus=${campus}`);
    assert.match(page.body, /OBM-ECHS-ACH/);
    assert.match(page.body, /Designated/);
  });

  it('answers a what-if with the change in ready graduates for the chosen students', async () => {
    const session = sessions.get('counselor')!;
    const form = await session.get('/widgets/what-if?year=2027');
    const action = /<form class="stack" method="post" action="([^"]+)"/.exec(
      decodeAttributes(form.body),
    )?.[1];
    assert.ok(action);
    const students = [
      ...decodeAttributes(form.body).matchAll(/name="students" value="([0-9a-f-]{36})"/g),
    ].map((m) => m[1]);
    assert.ok(students.length > 0);
    const body = new URLSearchParams([
      ...students.map((id) => ['students', id]),
      ['scenario', 'tsi_both'],
    ]);
    const answer = await session.agent.request(`${world.lti.toolUrl}${action}`, {
      form: Object.fromEntries(body),
    });
    assert.equal(answer.status, 200, answer.body.slice(0, 300));
    const readyRow =
      /Graduates ready<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/.exec(
        answer.body,
      );
    assert.ok(readyRow, 'the ready graduates row is shown');
    assert.ok(
      Number(readyRow[2]) > Number(readyRow[1]),
      'meeting both TSI benchmarks adds ready graduates',
    );
    const events = await world.lti.context.db.withTenant(world.tenant.id, (tx) =>
      tx.query<{ detail: { personIds: string[] } }>(
        `SELECT detail FROM audit_events WHERE action = 'student_list.read'
          AND detail->>'widget' = 'what-if' ORDER BY seq DESC LIMIT 1`,
      ),
    );
    for (const id of students) assert.ok(events[0]!.detail.personIds.includes(id));
  });

  it('refuses a what-if for a student the counselor may not see', async () => {
    const other = world.district.campuses[1].studentIds[1];
    const page = await sessions
      .get('counselor')!
      .agent.request(`${world.lti.toolUrl}/widgets/what-if?year=2027`, {
        form: { students: other, scenario: 'tsi_math' },
        headers: { accept: 'application/json' },
      });
    assert.equal(page.status, 400);
    assert.equal((JSON.parse(page.body) as { code: string }).code, 'ERR_VIEWS_BAD_INPUT');
  });

  it('exports a drill-down list as CSV and XLSX with the same students as the page', async () => {
    const session = sessions.get('counselor')!;
    const a = world.district.campuses[0].orgId;
    let group = '';
    let ids: string[] = [];
    for (const candidate of [
      'no_evidence',
      'other',
      'tsi_math_only',
      'tsi_ela_only',
      'ibc_without_pos',
    ]) {
      ids = linkedStudentIds(
        (await session.get(`/widgets/campus-dashboard?campus=${a}&year=2026&group=${candidate}`))
          .body,
      );
      group = candidate;
      if (ids.length > 0) break;
    }
    assert.ok(ids.length > 0);
    const base = `/widgets/campus-dashboard?campus=${a}&year=2026&group=${group}`;
    const csv = await session.get(`${base}&format=csv`, 'text/csv');
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('cache-control'), 'no-store');
    assert.equal(csv.body.trim().split('\r\n').length, ids.length + 1);
    const xlsx = await fetch(`${world.lti.toolUrl}${base}&format=xlsx`, {
      headers: { cookie: `ccmr_session=${session.token}` },
    });
    assert.equal(xlsx.status, 200);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  });

  it('finds in the audit log search the read it just made', async () => {
    const session = sessions.get('district_admin')!;
    const student = world.district.campuses[0].studentIds[0];
    await session.get(`/widgets/student-card?student=${student}`);
    const page = await session.get(`/widgets/admin-console?action=student.read&subject=${student}`);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(`<code>${student}</code>`));
  });
});
