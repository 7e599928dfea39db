import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { importEvidenceFile, type ImportType } from '../../integrations/evidence/index.js';
import type { Tenant, TenantCipher } from '../../store/index.js';
import type { AppContext } from '../app-context.js';
import { recomputeResults } from './recompute-results.js';

/** How far along a demo student is; decides what evidence they get. */
type Profile = 'ready' | 'near' | 'far';

type Cells = Record<string, string | number>;

/** A stable number in [0, 1) per student and purpose, so every demo start makes the same files. */
function chance(personId: string, purpose: string): number {
  return createHash('sha256').update(`${personId}|${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

function profileOf(personId: string): Profile {
  const draw = chance(personId, 'profile');
  return draw < 0.4 ? 'ready' : draw < 0.7 ? 'near' : 'far';
}

/** The evidence rows of one student, by file type: a mix of routes to readiness. */
function rowsFor(personId: string, classOf: number): Array<[ImportType, Cells]> {
  const profile = profileOf(personId);
  const route = Math.floor(chance(personId, 'route') * 5);
  const fall = `${classOf - 1}-10-04`;
  const spring = `${classOf - 1}-05-12`;
  const rows: Array<[ImportType, Cells]> = [
    [
      'student-status',
      {
        graduated: 'N',
        graduation_year: classOf,
        // The last day of the seniors' school year bounds their indicator window (§3).
        school_year_end_date: `${classOf}-05-28`,
        grade9_start_date: `${classOf - 4}-08-17`,
        econ_disadv: chance(personId, 'ed') < 0.6 ? 'Y' : 'N',
        sped_in_graduation_year: chance(personId, 'sped') < 0.1 ? 'Y' : 'N',
        graduation_plan: chance(personId, 'plan') < 0.8 ? 'FHSP-E' : 'FHSP',
        program: chance(personId, 'program') < 0.15 ? 'ECHS' : 'NONE',
      },
    ],
  ];
  if (profile === 'far') {
    if (route < 3) rows.push(['sat', { test_date: fall, ebrw: 420, math: 400 }]);
    if (route === 4) {
      rows.push([
        'pending',
        { pending_type: 'enlistment_planned', date: `${classOf}-07-15`, component: 'active' },
      ]);
    }
    return rows;
  }
  if (profile === 'near') {
    const near: Array<[ImportType, Cells]> = [
      ['sat', { test_date: fall, ebrw: 500, math: 510 }],
      ['tsia2', { test_date: fall, elar_crc: 950, essay: 5, math_crc: 940, math_diag: 5 }],
      ['ap', { exam_date: spring, subject: 'United States History', score: 2 }],
      [
        'dual-credit',
        {
          program: 'DC',
          subject: 'OTHER',
          hours: 3,
          credit_earned: 'Y',
          completion_date: `${classOf - 1}-05-15`,
        },
      ],
      [
        'ibc',
        {
          ibc_code: 'CNA',
          result_code: '02',
          exam_date: `${classOf - 1}-04-22`,
          aligned_pos_status: 'concentrator',
        },
      ],
    ];
    rows.push(near[route]!);
    rows.push([
      'pending',
      { pending_type: 'exams_scheduled', date: `${classOf}-03-07`, instrument: 'SAT' },
    ]);
    return rows;
  }
  const ready: Array<[ImportType, Cells]> = [
    ['sat', { test_date: fall, ebrw: 560, math: 570 }],
    ['ap', { exam_date: spring, subject: 'English Language and Composition', score: 4 }],
    [
      'dual-credit',
      {
        program: 'DC',
        subject: 'ELA',
        hours: 3,
        credit_earned: 'Y',
        completion_date: `${classOf - 1}-05-15`,
      },
    ],
    [
      'ibc',
      {
        ibc_code: 'PHT',
        result_code: '01',
        exam_date: `${classOf - 1}-04-22`,
        aligned_pos_status: 'completer',
      },
    ],
    [
      'dual-credit',
      {
        program: 'ONRAMPS',
        subject: 'MATH',
        hours: 3,
        credit_earned: 'Y',
        completion_date: spring,
      },
    ],
  ];
  rows.push(ready[route]!);
  return rows;
}

/** Seniors of the demo district with the identifier their files carry. */
async function loadSeniors(context: AppContext, tenant: Tenant, classOf: number) {
  return context.db.withTenant(tenant.id, async (tx) => {
    const cipher: TenantCipher = await context.keys.cipherFor(tx);
    const rows = await tx.query<{
      id: string;
      state_id_enc: Buffer | null;
      local_id_enc: Buffer | null;
    }>(
      `SELECT p.id, p.state_id_enc, p.local_id_enc FROM people p
       JOIN students s ON s.tenant_id = p.tenant_id AND s.person_id = p.id
       WHERE p.role = 'student' AND p.deleted_at IS NULL AND (s.graduation_year = $1 OR s.grade_level = 12)`,
      [classOf],
    );
    return rows.map((row) => {
      const at = (column: string) => ({ table: 'people', column, rowId: row.id });
      const stateId = cipher.decrypt(row.state_id_enc, at('state_id_enc'));
      const localId = stateId ? null : cipher.decrypt(row.local_id_enc, at('local_id_enc'));
      const identity: Cells = stateId ? { state_id: stateId } : { local_id: localId ?? '' };
      return { personId: row.id, identity };
    });
  });
}

/**
 * Demo step (after the roster): gives the demo district's seniors realistic evidence (about 40 %
 * ready, 30 % near, 30 % far), imported through the ordinary importers, then recomputes every
 * result. Idempotent: the same students get the same files, which re-import as no change.
 *
 * @param context - the application.
 * @param tenant - the demo district.
 */
export async function seedDemoEvidence(context: AppContext, tenant: Tenant): Promise<void> {
  const now = context.now();
  const classOf = now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const seniors = (await loadSeniors(context, tenant, classOf)).filter(
    (s) => Object.values(s.identity)[0],
  );
  const files = new Map<ImportType, Cells[]>();
  for (const senior of seniors) {
    for (const [type, cells] of rowsFor(senior.personId, classOf)) {
      files.set(type, [...(files.get(type) ?? []), { ...senior.identity, ...cells }]);
    }
  }
  for (const [type, rows] of files) {
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    await importEvidenceFile(context, tenant.id, {
      type,
      fileName: `demo-${type}.csv`,
      content: stringify(rows, { header: true, columns }),
      actor: { actorType: 'system', actorId: 'demo' },
    });
  }
  await recomputeResults(context, tenant.id);
}
