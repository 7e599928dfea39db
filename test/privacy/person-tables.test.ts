import assert from 'node:assert/strict';
import type { AppContext } from '../../app/app-context.js';
import {
  discoverPersonTables,
  isPersonKeyed,
  TABLES_WITHOUT_PERSON_DATA,
} from '../../privacy/index.js';
import { createTestContext } from '../support/test-context.js';

class RollBack extends Error {}

describe('discovery of the tables that hold people', () => {
  let context: AppContext;

  before(async () => {
    context = await createTestContext();
  });
  after(() => context.close());

  it('classifies every district table: it refers to people by convention, or is declared free of them', async () => {
    const tables = await context.db.withOwner((tx) => discoverPersonTables(tx));
    const unclassified = tables
      .filter((table) => !isPersonKeyed(table) && !(table.table in TABLES_WITHOUT_PERSON_DATA))
      .map((table) => table.table);
    assert.deepEqual(
      unclassified,
      [],
      'name the person column person_id / …_person_id, or declare the table',
    );
  });

  it('finds the roster, evidence, results, certification and outbox tables by their person columns', async () => {
    const tables = await context.db.withOwner((tx) => discoverPersonTables(tx));
    const keyed = tables.filter(isPersonKeyed).map((table) => table.table);
    for (const name of [
      'people',
      'students',
      'enrollments',
      'evidence',
      'student_results',
      'certifications',
      'skyward_outbox',
    ]) {
      assert.ok(keyed.includes(name), name);
    }
    const enrollments = tables.find((table) => table.table === 'enrollments')!;
    assert.deepEqual(enrollments.keyColumns, [
      { column: 'user_sourced_id', refersTo: 'sourced_id' },
    ]);
  });

  it('covers a table added later without any list being edited', async () => {
    await assert.rejects(
      context.db.withOwner(async (tx) => {
        await tx.query(
          `CREATE TABLE tomorrow_feature (tenant_id uuid NOT NULL, mentor_person_id uuid, notes jsonb)`,
        );
        const found = (await discoverPersonTables(tx)).find(
          (table) => table.table === 'tomorrow_feature',
        );
        assert.deepEqual(found?.keyColumns, [{ column: 'mentor_person_id', refersTo: 'id' }]);
        assert.deepEqual(found?.mentionColumns, [{ column: 'notes', type: 'jsonb' }]);
        throw new RollBack();
      }),
      RollBack,
    );
  });

  it('never erases the audit trail or the deletion records', async () => {
    const names = (await context.db.withOwner((tx) => discoverPersonTables(tx))).map(
      (table) => table.table,
    );
    for (const kept of ['audit_events', 'audit_heads', 'deletion_records', 'data_requests']) {
      assert.equal(names.includes(kept), false, kept);
    }
  });
});
