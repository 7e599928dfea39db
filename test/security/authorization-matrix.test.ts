import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AppContext } from '../../app/app-context.js';
import { createWebApp } from '../../app/web/create-web-app.js';
import {
  authorize,
  loadStudentResource,
  type AccessResource,
  type Viewer,
} from '../../privacy/index.js';
import type { ToolClient } from '../peers/lti-platform/lti-platform.js';
import { createTestContext } from '../support/test-context.js';
import {
  INSTITUTION_ADMIN,
  INSTRUCTOR,
  LEARNER,
  SYSTEM_ADMIN,
  launchThroughPlatform,
  registerManually,
} from '../lti/support/lti-harness.js';
import type { TestUserAgent } from '../lti/support/user-agent.js';
import { readCookie } from '../views/support/read-cookie.js';
import { startWidgetWorld, type WidgetWorld } from '../views/support/widget-launch.js';
import { ROUTE_MATRIX, type MatrixTarget, type RouteRule } from './route-matrix.js';
import { listAppRoutes } from './support/list-app-routes.js';
import { MAY_READ_A1, type PersonaName } from './personas.js';

const COUNSELOR = 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Mentor';
const UNMAPPED = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Member';

/** Personas reachable over a real launch (the caseload counselor is covered by the policy tests). */
type HttpPersona = Exclude<PersonaName, 'counselor_with_caseload'>;

interface PersonaSession {
  agent: TestUserAgent;
  viewer: Viewer;
}

describe('authorization matrix: every route × persona over real HTTP', () => {
  let world: WidgetWorld;
  let target: MatrixTarget;
  /** The home district's data each kind of target exposes: internal ids and campus names. */
  let protectedData: Record<'target_student' | 'target_campus' | 'district', string[]>;
  const sessions = new Map<HttpPersona, PersonaSession>();

  /** Launches through the in-repo platform and reads back the viewer the tool stored. */
  async function launch(
    client: ToolClient,
    tenantId: string,
    role: string,
    personSourcedId: string,
  ) {
    const { response, agent } = await launchThroughPlatform(world.lti, client, {
      user: { sub: `lms-${personSourcedId}`, personSourcedId },
      roles: [role],
      messageType: 'LtiResourceLinkRequest',
      context: { id: 'lms-course-1', title: 'Course' },
      custom: { widget: 'student-card' },
    });
    assert.equal(response.status, 303, `launch as ${role}: ${response.body.slice(0, 200)}`);
    const token = readCookie(agent, world.lti.toolUrl);
    const tokenHash = createHash('sha256').update(token).digest();
    const db = world.lti.context.db;
    const session = await db.withSystem((tx) =>
      tx.one<{ id: string }>('SELECT id FROM lti_sessions WHERE token_hash = $1', [tokenHash]),
    );
    const launchRow = await db.withTenant(tenantId, (tx) =>
      tx.one<{ viewer: Viewer }>('SELECT viewer FROM lti_launches WHERE id = $1', [session!.id]),
    );
    return { agent, viewer: launchRow!.viewer };
  }

  before(async function () {
    this.timeout(240_000);
    world = await startWidgetWorld('matrix', {
      campuses: [
        { sourcedId: 'hs-a', name: 'A High', students: 20 },
        { sourcedId: 'hs-b', name: 'B High', students: 10 },
      ],
      sectionSize: 10,
    });
    const [a, b] = world.district.campuses as [
      (typeof world.district.campuses)[0],
      (typeof world.district.campuses)[0],
    ];
    const sectioned = a.studentIds
      .map((id, i) => ({
        id,
        sourcedId: a.studentSourcedIds[i]!,
        section: world.district.sectionOf.get(id),
      }))
      .filter((s) => s.section);
    const [self, classmate] = sectioned.filter((s) => s.section === sectioned[0]!.section) as [
      (typeof sectioned)[0],
      (typeof sectioned)[0],
    ];
    const teacherOf = (section: string) => a.teacherSourcedIds[a.classSourcedIds.indexOf(section)]!;
    const otherSection = a.classSourcedIds.find((c) => c !== self.section) ?? b.classSourcedIds[0]!;
    target = { studentId: self.id, campusOrgId: a.orgId };
    protectedData = {
      target_student: [self.id],
      target_campus: [...a.studentIds, 'A High'],
      district: [...a.studentIds, ...b.studentIds, 'A High', 'B High'],
    };

    const home = world.tenant.id;
    const otherDistrict = await registerManually(world.lti, 'matrix-other');
    const plan: Array<[HttpPersona, ToolClient, string, string, string]> = [
      ['teacher_of_class', world.client, home, INSTRUCTOR, teacherOf(self.section!)],
      ['teacher_of_other_class', world.client, home, INSTRUCTOR, teacherOf(otherSection)],
      ['counselor_of_campus', world.client, home, COUNSELOR, a.counselorSourcedId],
      ['counselor_of_other_campus', world.client, home, COUNSELOR, b.counselorSourcedId],
      ['campus_admin', world.client, home, INSTITUTION_ADMIN, a.principalSourcedId],
      ['campus_admin_of_other_campus', world.client, home, INSTITUTION_ADMIN, b.principalSourcedId],
      ['district_admin', world.client, home, SYSTEM_ADMIN, world.district.districtAdminSourcedId],
      [
        'admin_of_other_district',
        otherDistrict.client,
        otherDistrict.tenant.id,
        SYSTEM_ADMIN,
        'other-district-admin',
      ],
      ['student_self', world.client, home, LEARNER, self.sourcedId],
      ['student_other', world.client, home, LEARNER, classmate.sourcedId],
      ['unknown_role', world.client, home, UNMAPPED, a.counselorSourcedId],
    ];
    for (const [persona, client, tenantId, role, person] of plan) {
      sessions.set(persona, await launch(client, tenantId, role, person));
    }
  });

  after(() => world?.close());

  async function resourceFor(
    rule: Extract<RouteRule, { access: 'policy' }>,
    viewer: Viewer,
  ): Promise<AccessResource> {
    const home = world.tenant.id;
    switch (rule.resource) {
      case 'target_student':
        return world.lti.context.db.withTenant(home, (tx) =>
          loadStudentResource(tx, target.studentId),
        );
      case 'target_campus':
        return { kind: 'campus', campusOrgId: target.campusOrgId, tenantId: home };
      case 'own_district':
        return { kind: 'district', tenantId: viewer.tenantId };
      default:
        return { kind: 'own_scope', tenantId: viewer.tenantId };
    }
  }

  it('has a matrix row for every route of the application, and a route for every row', async () => {
    const context: AppContext = await createTestContext({ demo: true });
    try {
      const routes = listAppRoutes(await createWebApp(context));
      const declared = Object.keys(ROUTE_MATRIX).sort();
      assert.deepEqual(
        routes.filter((r) => !(r in ROUTE_MATRIX)),
        [],
        'routes missing from test/security/route-matrix.ts',
      );
      assert.deepEqual(
        declared.filter((r) => !routes.includes(r)),
        [],
        'matrix rows without a route',
      );
    } finally {
      await context.close();
    }
  });

  it('launches every persona with the scope the matrix assumes', () => {
    assert.equal(sessions.get('teacher_of_class')!.viewer.role, 'teacher');
    assert.equal(sessions.get('unknown_role')!.viewer.role, 'none');
    assert.notEqual(sessions.get('admin_of_other_district')!.viewer.tenantId, world.tenant.id);
  });

  it('lets exactly the intended personas read the target student', async () => {
    const resource = await world.lti.context.db.withTenant(world.tenant.id, (tx) =>
      loadStudentResource(tx, target.studentId),
    );
    const allowed = [...sessions.entries()]
      .filter(([, s]) => authorize(s.viewer, 'student.read', resource).allowed)
      .map(([name]) => name);
    assert.deepEqual(
      allowed.sort(),
      MAY_READ_A1.filter((name) => name !== 'counselor_with_caseload').sort(),
    );
  });

  it('answers 401 on every session route when no launch session is presented', async () => {
    const failures: string[] = [];
    for (const [key, rule] of Object.entries(ROUTE_MATRIX)) {
      if (rule.access !== 'policy' && rule.access !== 'own_launch') continue;
      const [method, path] = key.split(' ') as [string, string];
      const response = await fetch(`${world.lti.toolUrl}${path}`, {
        method,
        headers: { accept: 'application/json' },
      });
      if (response.status !== 401) failures.push(`${key} → ${response.status}`);
    }
    assert.deepEqual(failures, []);
  });

  it('answers every policy route × persona cell as the access policy decides', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [key, rule] of Object.entries(ROUTE_MATRIX)) {
      if (rule.access !== 'policy') continue;
      const method = key.split(' ')[0]!;
      const { path, form } = rule.request(target);
      for (const [persona, session] of sessions) {
        const decision = authorize(
          session.viewer,
          rule.action,
          await resourceFor(rule, session.viewer),
        );
        const isAllowed = decision.allowed && !(rule.refusedByWidget ?? []).includes(persona);
        const response = await session.agent.request(`${world.lti.toolUrl}${path}`, {
          method,
          form: method === 'POST' ? (form ?? {}) : undefined,
          headers: { accept: 'application/json' },
        });
        const body = response.body;
        if (isAllowed) {
          const expected = rule.allowStatuses ?? [200];
          if (!expected.includes(response.status)) {
            mismatches.push(
              `${key} as ${persona}: ${response.status}, expected ${expected.join('|')}`,
            );
          }
        } else if (response.status === 200) {
          // A refusal may also take the form of the viewer's own content (a learner's card is
          // always their own; another district sees its own, empty, campus): then none of the
          // target's data may be in the page.
          const leaked = protectedData[
            rule.resource === 'target_student'
              ? 'target_student'
              : rule.resource === 'target_campus'
                ? 'target_campus'
                : 'district'
          ].filter((value) => body.includes(value));
          if (leaked.length > 0)
            mismatches.push(
              `${key} as ${persona}: 200 with the target's data (${decision.reason})`,
            );
        } else if (![403, 404].includes(response.status)) {
          mismatches.push(
            `${key} as ${persona}: ${response.status}, expected a refusal (${decision.reason})`,
          );
        }
        cells += 1;
      }
    }
    assert.deepEqual(mismatches, []);
    assert.ok(cells >= 11 * 9, `${cells} cells checked`);
  });
});
