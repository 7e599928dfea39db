import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  saveCertification,
  type CertificationActor,
} from '../../../integrations/certifications/index.js';
import { saveSkywardConnection } from '../../../integrations/skyward/index.js';
import type { Config } from '../../../app/config.js';
import type { Tenant } from '../../../store/index.js';
import { keyLogin, startSftpServer, type SftpServer } from '../../peers/sftp/start-sftp-server.js';
import {
  createTestContext,
  createTestTenant,
  type TestContext,
} from '../../support/test-context.js';
import { seedStudent, type SeededStudent } from '../certifications/seed-student.js';

export const operator: CertificationActor = { actorType: 'cli', actorId: 'operator-1' };

/** What a Skyward suite runs against: the application with its job workers, and the SFTP server. */
export interface SkywardWorld {
  context: TestContext;
  server: SftpServer;
}

/**
 * Registers the suite's hooks: before it, the application context (jobs started) and the test
 * SFTP server; after it, both closed. The returned object is filled in once the hook has run.
 */
export function useSkywardWorld(overrides: Partial<Config> = {}): SkywardWorld {
  const world = {} as SkywardWorld;
  before(async () => {
    world.context = await createTestContext(overrides);
    await world.context.jobs.start();
    world.server = await startSftpServer();
  });
  after(async () => {
    await world.server.close();
    await world.context.close();
  });
  return world;
}

/** A district with one student, connected to the test SFTP server in its own folders. */
export interface SkywardDistrict {
  tenant: Tenant;
  student: SeededStudent;
  inbox: string;
  acks: string;
  /** Names of the files in the inbox, sorted. */
  inboxFiles(): string[];
  read(name: string): string;
  /** Saves a certification for the student and returns its id and version. */
  save(overrides?: Record<string, unknown>): Promise<{ id: string; version: number }>;
}

/** Creates the district, its student and its connection (key login, host key pinned). */
export async function createSkywardDistrict(
  context: TestContext,
  server: SftpServer,
  label: string,
  connection: Record<string, unknown> = {},
): Promise<SkywardDistrict> {
  const tenant = await createTestTenant(context, label);
  const student = await seedStudent(context, tenant.id, {
    stateId: 'S123456789',
    localId: '000451',
  });
  const inbox = join(server.root, tenant.id, 'inbox');
  const acks = join(server.root, tenant.id, 'acks');
  mkdirSync(inbox, { recursive: true });
  mkdirSync(acks, { recursive: true });
  await context.db.withTenant(tenant.id, (tx) =>
    saveSkywardConnection(
      context,
      tx,
      {
        ...keyLogin(server),
        remoteFolder: inbox,
        ackFolder: acks,
        batchWindowSeconds: 0,
        ...connection,
      },
      operator,
    ),
  );
  return {
    tenant,
    student,
    inbox,
    acks,
    inboxFiles: () => readdirSync(inbox).sort(),
    read: (name) => readFileSync(join(inbox, name), 'utf8'),
    save: (overrides = {}) =>
      context.db.withTenant(tenant.id, (tx) =>
        saveCertification(
          context,
          tx,
          {
            personId: student.personId,
            ibcCode: 'IBC0417',
            vendorCode: 'V0123',
            examFeeCents: 12_000,
            resultCode: '01',
            examDate: '2026-04-10',
            earnedDate: '2026-04-20',
            schoolYear: 2026,
            campusOrgId: student.campusOrgId,
            source: 'staff',
            ...overrides,
          },
          operator,
        ),
      ),
  };
}

/** The outbox rows of a district: id, version, status, failure code. */
export function outboxOf(context: TestContext, tenantId: string) {
  return context.db.withTenant(tenantId, (tx) =>
    tx.query<{
      certification_id: string;
      version: number;
      status: string;
      failure_code: string | null;
    }>(
      'SELECT certification_id, version, status, failure_code FROM skyward_outbox ORDER BY change_seq',
    ),
  );
}
