import assert from 'node:assert/strict';
import type { AppContext } from '../../app/app-context.js';
import {
  ACCESS_ACTIONS,
  assertAuthorized,
  authorize,
  loadStudentResource,
  visibleStudentIds,
  type AccessAction,
  type AccessResource,
} from '../../privacy/index.js';
import { createTestContext, createTestTenant } from '../support/test-context.js';
import { makeViewer, seedDistrict, type SeededDistrict } from './support/seed-district.js';
import { buildPersonas, MAY_READ_A1, type PersonaName } from '../security/personas.js';

describe('access policy', () => {
  let context: AppContext;
  let home: SeededDistrict;
  let otherTenantId: string;

  before(async () => {
    context = await createTestContext();
    home = await seedDistrict(context, (await createTestTenant(context, 'policy')).id);
    otherTenantId = (await createTestTenant(context, 'policy-other')).id;
  });
  after(() => context.close());

  it('lets exactly the personas in scope read student a1, with the student facts from the database', async () => {
    const resource = await context.db.withTenant(home.tenantId, (tx) =>
      loadStudentResource(tx, home.students.a1),
    );
    const personas = buildPersonas(home, otherTenantId);
    for (const [name, viewer] of Object.entries(personas)) {
      const expected = MAY_READ_A1.includes(name as PersonaName);
      assert.equal(authorize(viewer, 'student.read', resource).allowed, expected, name);
      assert.equal(authorize(viewer, 'whatif.run', resource).allowed, expected, name);
    }
  });

  it('gives the unknown role nothing for any action', () => {
    const viewer = makeViewer(home.tenantId, 'none', { campusOrgIds: [home.campusA] });
    for (const action of ACCESS_ACTIONS) {
      assert.deepEqual(authorize(viewer, action, { kind: 'district' }), {
        allowed: false,
        reason: 'role_none',
      });
    }
  });

  it('refuses a resource of another district even to a district administrator', () => {
    const viewer = makeViewer(otherTenantId, 'district_admin');
    const decision = authorize(viewer, 'district.read', {
      kind: 'district',
      tenantId: home.tenantId,
    });
    assert.deepEqual(decision, { allowed: false, reason: 'tenant_mismatch' });
  });

  it('keeps district-level actions for district administrators', () => {
    const districtOnly: AccessAction[] = [
      'audit.export',
      'data_request.run',
      'admin.write',
      'district.read',
    ];
    const campusAdmin = makeViewer(home.tenantId, 'campus_admin', { campusOrgIds: [home.campusA] });
    const admin = makeViewer(home.tenantId, 'district_admin');
    for (const action of districtOnly) {
      assert.equal(authorize(campusAdmin, action, { kind: 'district' }).allowed, false, action);
      assert.equal(authorize(admin, action, { kind: 'district' }).allowed, true, action);
    }
  });

  it('lets a teacher list only the classes they teach', () => {
    const teacher = makeViewer(home.tenantId, 'teacher', { classSourcedIds: [home.classA] });
    const classOf = (id: string): AccessResource => ({
      kind: 'class',
      classSourcedId: id,
      campusOrgId: null,
    });
    assert.equal(authorize(teacher, 'student.list', classOf(home.classA)).allowed, true);
    assert.equal(authorize(teacher, 'student.list', classOf(home.classB)).reason, 'out_of_scope');
    assert.equal(
      authorize(teacher, 'campus.read', { kind: 'campus', campusOrgId: home.campusA }).allowed,
      false,
    );
  });

  it('lets a campus administrator read their campus and not another', () => {
    const viewer = makeViewer(home.tenantId, 'campus_admin', { campusOrgIds: [home.campusA] });
    assert.equal(
      authorize(viewer, 'campus.read', { kind: 'campus', campusOrgId: home.campusA }).allowed,
      true,
    );
    assert.equal(
      authorize(viewer, 'campus.read', { kind: 'campus', campusOrgId: home.campusB }).allowed,
      false,
    );
  });

  it('denies a resource kind an action does not apply to', () => {
    const admin = makeViewer(home.tenantId, 'district_admin');
    assert.equal(
      authorize(admin, 'student.read', { kind: 'district' }).reason,
      'resource_not_applicable',
    );
  });

  it('throws ERR_PRIVACY_FORBIDDEN with status 403 when refused', () => {
    const viewer = makeViewer(home.tenantId, 'teacher', { classSourcedIds: [home.classB] });
    assert.throws(
      () => assertAuthorized(viewer, 'district.read', { kind: 'district' }),
      (error: { code: string; status: number; expose: boolean }) =>
        error.code === 'ERR_PRIVACY_FORBIDDEN' && error.status === 403 && error.expose,
    );
  });

  it('lists exactly the students each persona may see', async () => {
    const personas = buildPersonas(home, otherTenantId);
    const { a1, a2, b1 } = home.students;
    const expected: Record<PersonaName, string[]> = {
      teacher_of_class: [a1, a2],
      teacher_of_other_class: [b1],
      counselor_of_campus: [a1, a2],
      counselor_of_other_campus: [b1],
      counselor_with_caseload: [a2],
      campus_admin: [a1, a2],
      campus_admin_of_other_campus: [b1],
      district_admin: [a1, a2, b1],
      admin_of_other_district: [],
      student_self: [a1],
      student_other: [a2],
      unknown_role: [],
    };
    await context.db.withTenant(home.tenantId, async (tx) => {
      for (const [name, viewer] of Object.entries(personas)) {
        const seen = await visibleStudentIds(tx, viewer);
        assert.deepEqual(seen, [...expected[name as PersonaName]].sort(), name);
      }
    });
  });

  it('narrows the visible students by class and campus filters', async () => {
    const admin = makeViewer(home.tenantId, 'district_admin');
    await context.db.withTenant(home.tenantId, async (tx) => {
      assert.deepEqual(await visibleStudentIds(tx, admin, { classSourcedId: home.classB }), [
        home.students.b1,
      ]);
      assert.deepEqual(
        await visibleStudentIds(tx, admin, { campusOrgId: home.campusA }),
        [home.students.a1, home.students.a2].sort(),
      );
    });
  });
});
