import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRosterZip, syncRoster } from '../../oneroster/index.js';
import { InputError } from '../../store/index.js';
import { createTestContext, createTestTenant, type TestContext } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';
import {
  writeDistrictZip,
  writeRawZip,
  writeRosterZip,
  type WireRecord,
} from '../peers/oneroster/index.js';
import {
  connectTenant,
  liveCounts,
  nameBirthIndexMatches,
  rosterDigest,
  smallDistrict,
  startProvider,
} from './roster-fixture.js';

const MANIFEST_11 = (files: Record<string, string>) =>
  [
    'propertyName,value',
    'manifest.version,1.0',
    'oneroster.version,1.1',
    ...Object.entries(files).map(([k, v]) => `file.${k},${v}`),
  ].join('\n');

const ORGS =
  'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\norg-0,,,Lone Star ISD,district,057905,\norg-1,,,Bluebonnet High School,school,057905001,org-0\n';

/** Asserts that `work` fails with an InputError of `code` naming file, row and column. */
async function assertCsvError(
  work: Promise<unknown>,
  code: string,
  where: { file: string; row?: number; column?: string },
) {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.code, code);
    const located = error as InputError & { file: string; row?: number; column?: string };
    assert.equal(located.file, where.file);
    if (where.row !== undefined) assert.equal(located.row, where.row);
    if (where.column !== undefined) assert.equal(located.column, where.column);
    assert.ok(error.message.includes(where.file));
    return true;
  });
}

describe(`OneRoster CSV import (${testBackendName()})`, () => {
  let context: TestContext;
  let dir: string;
  const dataset = smallDistrict(60, 11);

  before(async () => {
    context = await createTestContext();
    dir = mkdtempSync(join(tmpdir(), 'ccmr-or-csv-'));
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  });

  for (const version of ['1.1', '1.2'] as const) {
    it(`imports a ${version} bulk zip into the same roster a REST sync stores`, async () => {
      const zipPath = join(dir, `district-${version}.zip`);
      await writeDistrictZip(dataset, zipPath, version);
      const viaCsv = await createTestTenant(context, 'or-csv');
      const summary = await importRosterZip(context, viaCsv.id, zipPath);
      const totals = dataset.generator.plan.totals;
      assert.equal(summary.counts.users.created, totals.users);
      assert.equal(summary.counts.enrollments.created, totals.enrollments);
      assert.equal(summary.counts.demographics.created, totals.students);
      const server = await startProvider(dataset);
      try {
        const viaRest = await createTestTenant(context, 'or-rest');
        await connectTenant(context, viaRest, server, version);
        await syncRoster(context, viaRest.id);
        assert.deepEqual(await liveCounts(context, viaCsv), await liveCounts(context, viaRest));
      } finally {
        await server.stop();
      }
    });
  }

  it('counts a second import of the same zip as unchanged', async () => {
    const zipPath = join(dir, 'again.zip');
    await writeDistrictZip(dataset, zipPath, '1.1');
    const tenant = await createTestTenant(context, 'or-csv-again');
    await importRosterZip(context, tenant.id, zipPath);
    const before = await rosterDigest(context, tenant);
    const second = await importRosterZip(context, tenant.id, zipPath);
    assert.equal(second.counts.users.unchanged, dataset.generator.plan.totals.users);
    assert.equal(
      second.counts.users.created + second.counts.users.updated + second.counts.users.deleted,
      0,
    );
    assert.equal(await rosterDigest(context, tenant), before);
  });

  it('applies a delta zip: changed rows updated, tobedeleted rows soft-deleted, others untouched', async () => {
    const tenant = await createTestTenant(context, 'or-csv-delta');
    const bulk = join(dir, 'bulk.zip');
    await writeDistrictZip(dataset, bulk, '1.1');
    await importRosterZip(context, tenant.id, bulk);
    const user = dataset.get('users', 'usr-3')!;
    const enrollment = dataset.get('enrollments', 'enr-5')!;
    const delta = join(dir, 'delta.zip');
    await writeRosterZip(delta, '1.1', {
      users: {
        mode: 'delta',
        records: [
          {
            ...user,
            familyName: 'Delgado',
            dateLastModified: '2026-10-01T00:00:00Z',
          } as WireRecord,
        ],
      },
      enrollments: {
        mode: 'delta',
        records: [
          { ...enrollment, status: 'tobedeleted', dateLastModified: '2026-10-01T00:00:00Z' },
        ],
      },
    });
    const summary = await importRosterZip(context, tenant.id, delta);
    assert.deepEqual(summary.counts.users, {
      created: 0,
      updated: 1,
      deleted: 0,
      unchanged: 0,
      errors: 0,
    });
    assert.deepEqual(summary.counts.enrollments, {
      created: 0,
      updated: 0,
      deleted: 1,
      unchanged: 0,
      errors: 0,
    });
    const counts = await liveCounts(context, tenant);
    assert.equal(counts.enrollments, dataset.generator.plan.totals.enrollments - 1);
    assert.equal(counts.people, dataset.generator.plan.totals.users);
    assert.ok(await nameBirthIndexMatches(context, tenant, 'usr-3', 'Delgado'));
  });

  describe('malformed zips are refused whole, naming file, row and column', () => {
    let tenant: Awaited<ReturnType<typeof createTestTenant>>;
    let stored: string;

    before(async () => {
      tenant = await createTestTenant(context, 'or-csv-bad');
      const bulk = join(dir, 'bad-base.zip');
      await writeDistrictZip(dataset, bulk, '1.1');
      await importRosterZip(context, tenant.id, bulk);
      stored = await rosterDigest(context, tenant);
    });

    afterEach(async () => {
      assert.equal(await rosterDigest(context, tenant), stored, 'stored data changed');
    });

    async function importRaw(name: string, files: Record<string, string>) {
      const path = join(dir, name);
      await writeRawZip(path, files);
      return importRosterZip(context, tenant.id, path);
    }

    it('refuses a file that is not a zip', async () => {
      const path = join(dir, 'not-a.zip');
      await writeRawZip(path, {});
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path, 'sourcedId,status\n');
      await assertCsvError(
        importRosterZip(context, tenant.id, path),
        'ERR_ONEROSTER_CSV_NOT_A_ZIP',
        { file: 'not-a.zip' },
      );
    });

    it('refuses a zip without manifest.csv', async () => {
      await assertCsvError(
        importRaw('no-manifest.zip', { 'orgs.csv': ORGS }),
        'ERR_ONEROSTER_CSV_MISSING_FILE',
        { file: 'manifest.csv' },
      );
    });

    it('refuses a manifest with an unknown OneRoster version', async () => {
      const manifest =
        'propertyName,value\nmanifest.version,1.0\noneroster.version,2.0\nfile.orgs,bulk\n';
      await assertCsvError(
        importRaw('bad-version.zip', { 'manifest.csv': manifest, 'orgs.csv': ORGS }),
        'ERR_ONEROSTER_CSV_MANIFEST',
        { file: 'manifest.csv', row: 3, column: 'value' },
      );
    });

    it('refuses a manifest listing a file the zip lacks', async () => {
      await assertCsvError(
        importRaw('lacks-file.zip', {
          'manifest.csv': MANIFEST_11({ orgs: 'bulk', courses: 'bulk' }),
          'orgs.csv': ORGS,
        }),
        'ERR_ONEROSTER_CSV_MISSING_FILE',
        { file: 'courses.csv' },
      );
    });

    it('refuses a file whose header lacks a required column', async () => {
      const orgs =
        'sourcedId,status,dateLastModified,name,identifier,parentSourcedId\norg-0,,,Lone Star ISD,057905,\n';
      await assertCsvError(
        importRaw('missing-column.zip', {
          'manifest.csv': MANIFEST_11({ orgs: 'bulk' }),
          'orgs.csv': orgs,
        }),
        'ERR_ONEROSTER_CSV_MISSING_COLUMN',
        { file: 'orgs.csv', row: 1, column: 'type' },
      );
    });

    it('refuses a bad date, naming its row and column', async () => {
      const sessions =
        'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\nas-0,,,2026-2027,schoolYear,2026-08-12,2027-05-28,,2027\nas-1,,,Fall,semester,2026-13-40,2026-12-18,as-0,2027\n';
      await assertCsvError(
        importRaw('bad-date.zip', {
          'manifest.csv': MANIFEST_11({ academicSessions: 'delta' }),
          'academicSessions.csv': sessions.replace(/,,,/g, ',active,2026-10-01T00:00:00Z,'),
        }),
        'ERR_ONEROSTER_CSV_BAD_VALUE',
        { file: 'academicSessions.csv', row: 3, column: 'startDate' },
      );
    });

    it('refuses broken quoting', async () => {
      const orgs = `${ORGS}org-2,,,"Lamar High School,school,057905002,org-0\n`;
      await assertCsvError(
        importRaw('bad-quote.zip', {
          'manifest.csv': MANIFEST_11({ orgs: 'bulk' }),
          'orgs.csv': orgs,
        }),
        'ERR_ONEROSTER_CSV_BAD_QUOTING',
        { file: 'orgs.csv', row: 4 },
      );
    });

    it('refuses a sourcedId repeated in a file', async () => {
      const orgs = `${ORGS}org-1,,,Bluebonnet High School,school,057905001,org-0\n`;
      await assertCsvError(
        importRaw('duplicate.zip', {
          'manifest.csv': MANIFEST_11({ orgs: 'bulk' }),
          'orgs.csv': orgs,
        }),
        'ERR_ONEROSTER_CSV_DUPLICATE_ID',
        { file: 'orgs.csv', row: 4, column: 'sourcedId' },
      );
    });

    for (const repeat of ['unchanged', 'changed'] as const) {
      it(`refuses a sourcedId repeated ${repeat} in a later batch of a large file`, async () => {
        const first = dataset.records('enrollments').next().value as WireRecord;
        // More rows than one write batch holds, so the repeat is found against stored rows.
        const records = Array.from(
          { length: 2600 },
          (_, i) => ({ ...first, sourcedId: `enr-many-${i}` }) as WireRecord,
        );
        const again = { ...records[0]!, ...(repeat === 'changed' ? { role: 'teacher' } : {}) };
        const path = join(dir, `late-duplicate-${repeat}.zip`);
        await writeRosterZip(path, '1.1', {
          enrollments: { mode: 'delta', records: [...records, again as WireRecord] },
        });
        await assertCsvError(
          importRosterZip(context, tenant.id, path),
          'ERR_ONEROSTER_CSV_DUPLICATE_ID',
          { file: 'enrollments.csv', row: records.length + 2, column: 'sourcedId' },
        );
      });
    }

    it('refuses a bad row deep in a large file after earlier files were written, keeping nothing', async () => {
      const records = [...dataset.records('enrollments')];
      const broken = { ...records[records.length - 2]!, role: '' } as WireRecord;
      const path = join(dir, 'late-error.zip');
      await writeRosterZip(path, '1.1', {
        users: {
          mode: 'delta',
          records: [
            {
              ...dataset.get('users', 'usr-1')!,
              givenName: 'Changed',
              dateLastModified: '2026-10-02T00:00:00Z',
            } as WireRecord,
          ],
        },
        enrollments: {
          mode: 'bulk',
          records: [...records.slice(0, -2), broken, records[records.length - 1]!],
        },
      });
      await assertCsvError(
        importRosterZip(context, tenant.id, path),
        'ERR_ONEROSTER_CSV_BAD_VALUE',
        { file: 'enrollments.csv', row: records.length, column: 'role' },
      );
    });
  });
});
