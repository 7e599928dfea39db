import type { AppContext } from '../../../app/app-context.js';
import { saveConnection, syncRoster, validateConnection } from '../../../oneroster/index.js';
import type { Tenant } from '../../../store/index.js';
import { DistrictDataset } from './district-dataset.js';
import { DistrictGenerator } from './district-generator.js';
import { startOneRosterServer } from './oneroster-server.js';

/** The demo district: four high schools, about 5,000 students, the same every time. */
export const DEMO_DISTRICT = {
  seed: 2027,
  campuses: 4,
  students: 5000,
  schoolYear: 2027,
  modifiedAt: '2026-08-01T12:00:00.000Z',
  districtName: 'Lone Star Demo Independent School District',
} as const;

/**
 * Demo step: rosters the demo district through the product's own OneRoster path. It starts the
 * in-repo provider on a loopback port inside this process, connects the district to it (1.2,
 * OAuth 2.0), runs a full sync and stops the provider. Skipped when the district already has
 * people, so a restart of the demo is quick and changes nothing.
 */
export async function loadDemoRoster(context: AppContext, tenant: Tenant): Promise<void> {
  const hasPeople = await context.db.withTenant(tenant.id, (tx) =>
    tx.one<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM people) AS found'),
  );
  if (hasPeople?.found) return;
  const server = await startOneRosterServer({
    dataset: new DistrictDataset(new DistrictGenerator(DEMO_DISTRICT)),
    clientId: 'demo-district-client',
    clientSecret: 'demo-district-secret',
  });
  try {
    const connection = validateConnection({
      version: '1.2',
      baseUrl: server.url,
      clientId: 'demo-district-client',
      clientSecret: 'demo-district-secret',
      tokenUrl: server.tokenUrl,
    });
    await context.db.withTenant(tenant.id, async (tx) =>
      saveConnection(tx, await context.keys.cipherFor(tx), connection, context.now()),
    );
    const started = Date.now();
    const run = await syncRoster(context, tenant.id, { full: true, client: { pageSize: 2000 } });
    context.logger.info({
      event: 'roster.sync.completed',
      tenantId: tenant.id,
      runId: run.runId,
      mode: run.mode,
      counts: run.counts,
      durationMs: Date.now() - started,
    });
  } finally {
    await server.stop();
  }
}
