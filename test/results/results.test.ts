import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { assembleStudentRecords, loadResults, recomputeResults } from '../../app/results/index.js';
import type { AppContext } from '../../app/app-context.js';
import type { Tenant } from '../../store/index.js';
import { createTestContext, createTestTenant } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';

/** Stores one student with the given §3 attributes and evidence rows straight in the store. */
async function storeStudent(
  context: AppContext,
  tenant: Tenant,
  attributes: Record<string, unknown>,
  evidence: Array<[kind: string, data: Record<string, unknown>]>,
): Promise<string> {
  const personId = randomUUID();
  await context.db.withTenant(tenant.id, async (tx) => {
    await tx.query(
      `INSERT INTO people (tenant_id, id, sourced_id, role) VALUES ($1, $2, $3, 'student')`,
      [tenant.id, personId, randomUUID()],
    );
    const columns = Object.keys(attributes);
    await tx.query(
      `INSERT INTO students (tenant_id, person_id${columns.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2${columns.map((_, i) => `, $${i + 3}`).join('')})`,
      [tenant.id, personId, ...Object.values(attributes)],
    );
    for (const [kind, data] of evidence) {
      await tx.query(
        `INSERT INTO evidence (tenant_id, id, person_id, kind, data, source, fingerprint)
         VALUES ($1, $2, $3, $4, $5::jsonb, 'test', $6)`,
        [tenant.id, randomUUID(), personId, kind, JSON.stringify(data), randomUUID()],
      );
    }
  });
  return personId;
}

describe(`student records and results from the store (${testBackendName()})`, () => {
  let context: AppContext;
  let tenant: Tenant;
  let campus: string;
  let ready: string;
  let far: string;

  before(async function () {
    this.timeout(120_000);
    context = await createTestContext();
    tenant = await createTestTenant(context, 'results');
    campus = randomUUID();
    const graduate = {
      campus_org_id: campus,
      graduation_year: 2025,
      graduated: true,
      graduation_date: '2025-05-30',
      grade9_start_date: '2021-08-16',
      econ_disadv: true,
      graduation_plan: 'FHSP-E',
    };
    ready = await storeStudent(context, tenant, graduate, [
      ['sat', { date: '2024-10-05', ebrw: 540, math: 550 }],
      [
        'dual_credit',
        {
          subject: 'ELA',
          hours: 3,
          credit_earned: true,
          completion_date: '2024-12-13',
          course_code: 'ENGL 1301',
        },
      ],
      ['onramps', { completion_date: '2025-05-16', qualified_hours: 3, subject: 'MATH' }],
      ['associate_degree', { date: '2025-05-10' }],
      ['associate_degree', { date: '2025-05-09' }],
      [
        'enlistment',
        { date: '2025-07-01', component: 'active', dd4_complete: false, dmdc_match: false },
      ],
      [
        'enlistment',
        { date: '2025-08-01', component: 'active', dd4_complete: true, dmdc_match: false },
      ],
      ['pending', { type: 'exams_scheduled', entry: { instrument: 'ACT', date: '2025-06-14' } }],
      [
        'pending',
        { type: 'enlistment_planned', entry: { expected_date: '2025-08-01', component: 'active' } },
      ],
    ]);
    far = await storeStudent(context, tenant, { ...graduate, econ_disadv: false }, [
      ['ap_exam', { date: '2025-05-06', subject: 'Biology', score: 2 }],
    ]);
  });

  after(() => context.close());

  it('assembles the §3 record: attributes, every evidence kind in its place, pending inputs', async () => {
    const [record] = await context.db.withTenant(tenant.id, (tx) =>
      assembleStudentRecords(context, tx, [ready]),
    );
    assert.deepEqual(record, {
      student_id: ready,
      district_id: tenant.id,
      campus_id: campus,
      accountability_year: 2026,
      graduated: true,
      graduation_date: '2025-05-30',
      grade9_start_date: '2021-08-16',
      econ_disadv: true,
      sped_in_graduation_year: false,
      graduation_type_code: null,
      graduation_plan: 'FHSP-E',
      grade12_attended_last_six_weeks: false,
      iep_continuer: false,
      school_year_end_date: null,
      associate_degree_date: '2025-05-09',
      enlistment: {
        date: '2025-08-01',
        component: 'active',
        dd4_complete: true,
        dmdc_match: false,
      },
      ps_enrolled_by_10th_day_fall: false,
      asvab_afqt: null,
      sat: [{ date: '2024-10-05', ebrw: 540, math: 550 }],
      dual_credit_courses: [
        { subject: 'ELA', hours: 3, credit_earned: true, completion_date: '2024-12-13' },
      ],
      onramps: [{ completion_date: '2025-05-16', qualified_hours: 3 }],
      pending: {
        exams_scheduled: [{ instrument: 'ACT', date: '2025-06-14' }],
        enlistment_planned: { expected_date: '2025-08-01', component: 'active' },
      },
    });
  });

  it('stores each result once and rewrites nothing while the inputs stay the same', async () => {
    const first = await recomputeResults(context, tenant.id);
    assert.deepEqual([first.evaluated, first.changed], [2, 2]);
    const again = await recomputeResults(context, tenant.id);
    assert.deepEqual([again.evaluated, again.changed], [2, 0]);
    const audit = await context.db.withTenant(tenant.id, (tx) =>
      tx.query<{ detail: { changed: number } }>(
        `SELECT detail FROM audit_events WHERE action = 'results.recomputed' ORDER BY seq`,
      ),
    );
    assert.deepEqual(
      audit.map((a) => a.detail.changed),
      [2, 0],
    );
  });

  it('loads results by campus and by CCMR status for the widgets', async () => {
    const met = await context.db.withTenant(tenant.id, (tx) =>
      loadResults(tx, { campusOrgIds: [campus], isCcmrMet: true }),
    );
    assert.deepEqual(
      met.map((r) => r.personId),
      [ready],
    );
    assert.deepEqual([...met[0]!.result.credited_indicators].sort(), [
      'COL-AD',
      'COL-DC',
      'COL-ONR',
      'COL-TSI',
      'MIL-ENL',
    ]);
    const notMet = await context.db.withTenant(tenant.id, (tx) =>
      loadResults(tx, { isCcmrMet: false }),
    );
    assert.deepEqual(
      notMet.map((r) => r.personId),
      [far],
    );
    const otherCampus = await context.db.withTenant(tenant.id, (tx) =>
      loadResults(tx, { campusOrgIds: [randomUUID()] }),
    );
    assert.deepEqual(otherCampus, []);
  });
});
