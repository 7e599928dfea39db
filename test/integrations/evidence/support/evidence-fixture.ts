import { randomUUID } from 'node:crypto';
import type { Config } from '../../../../app/config.js';
import type { Tenant } from '../../../../store/index.js';
import {
  importEvidenceFile,
  type ImportRequest,
  type ImportSummary,
} from '../../../../integrations/evidence/index.js';
import {
  createTestContext,
  createTestTenant,
  type TestContext,
} from '../../../support/test-context.js';
import { makeStudents, storeStudents, type SampleStudent } from './seed-students.js';

/** A district with rostered students, ready for imports. */
export interface EvidenceFixture {
  context: TestContext;
  tenant: Tenant;
  students: SampleStudent[];
  /** Imports a file as the CLI would. */
  importFile(
    type: string,
    content: string,
    options?: Partial<ImportRequest>,
  ): Promise<ImportSummary>;
  /** Counts rows of a tenant table. */
  count(table: string): Promise<number>;
}

/**
 * Opens a test context (job queue started), creates a district and stores `studentCount`
 * students.
 *
 * @param label - tenant label.
 * @param studentCount - how many students.
 * @param overrides - configuration overrides (e.g. a short job poll).
 * @param overrides - configuration overrides (e.g. a short job poll).
 * @returns the fixture; close `fixture.context` after.
 */
export async function createEvidenceFixture(
  label: string,
  studentCount = 6,
  overrides: Partial<Config> = {},
): Promise<EvidenceFixture> {
  const context = await createTestContext(overrides);
  await context.jobs.start();
  const tenant = await createTestTenant(context, label);
  const students = makeStudents(studentCount, randomUUID().slice(0, 4));
  await storeStudents(context, tenant.id, students);
  return {
    context,
    tenant,
    students,
    importFile: (type, content, options = {}) =>
      importEvidenceFile(context, tenant.id, {
        type,
        fileName: `${type}.csv`,
        content,
        actor: { actorType: 'cli', actorId: 'test' },
        ...options,
      }),
    count: async (table) => {
      const row = await context.db.withTenant(tenant.id, (tx) =>
        tx.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`),
      );
      return row!.n;
    },
  };
}
