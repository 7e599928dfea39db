import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app/app-context.js';
import { createKeyRing, TenantKeys, type Tenant } from '../../store/index.js';
import { createTestContext, createTestTenant, newMasterKey } from '../support/test-context.js';
import { testBackendName } from '../support/test-database.js';

async function storePerson(context: AppContext, tenant: Tenant, email: string) {
  return context.db.withTenant(tenant.id, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO people (tenant_id, id, sourced_id, role, email_enc, email_bidx)
       VALUES ($1, $2, $3, 'student', $4, $5)`,
      [
        tenant.id,
        id,
        randomUUID(),
        cipher.encrypt(email, { table: 'people', column: 'email_enc', rowId: id }),
        cipher.blindIndex('email', email),
      ],
    );
    return id;
  });
}

async function readEmail(context: AppContext, tenant: Tenant, id: string) {
  return context.db.withTenant(tenant.id, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    const row = await tx.one<{ email_enc: Buffer }>('SELECT email_enc FROM people WHERE id = $1', [
      id,
    ]);
    return cipher.decrypt(row!.email_enc, { table: 'people', column: 'email_enc', rowId: id });
  });
}

describe(`field encryption (${testBackendName()})`, () => {
  let context: AppContext;
  let tenant: Tenant;

  before(async () => {
    context = await createTestContext();
    tenant = await createTestTenant(context, 'crypt');
  });

  after(() => context.close());

  it('stores personal fields as ciphertext that decrypts in place', async () => {
    const id = await storePerson(context, tenant, 'maria.g@example.org');
    const raw = await context.db.withTenant(tenant.id, (tx) =>
      tx.one<{ email_enc: Buffer }>('SELECT email_enc FROM people WHERE id = $1', [id]),
    );
    assert.ok(Buffer.isBuffer(raw!.email_enc));
    assert.equal(raw!.email_enc.includes(Buffer.from('maria.g')), false);
    assert.equal(await readEmail(context, tenant, id), 'maria.g@example.org');
  });

  it('fails to decrypt a ciphertext moved to another row', async () => {
    const first = await storePerson(context, tenant, 'first@example.org');
    const second = await storePerson(context, tenant, 'second@example.org');
    await context.db.withTenant(tenant.id, (tx) =>
      tx.query(
        'UPDATE people SET email_enc = (SELECT email_enc FROM people WHERE id = $1) WHERE id = $2',
        [first, second],
      ),
    );
    await assert.rejects(readEmail(context, tenant, second), { code: 'ERR_STORE_DECRYPT_FAILED' });
  });

  it('fails to decrypt a ciphertext moved to another column or another district', async () => {
    const other = await createTestTenant(context, 'crypt-other');
    const id = await storePerson(context, tenant, 'bound@example.org');
    await context.db.withTenant(tenant.id, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      const row = await tx.one<{ email_enc: Buffer }>(
        'SELECT email_enc FROM people WHERE id = $1',
        [id],
      );
      assert.throws(
        () =>
          cipher.decrypt(row!.email_enc, { table: 'people', column: 'local_id_enc', rowId: id }),
        { code: 'ERR_STORE_DECRYPT_FAILED' },
      );
    });
    const stolen = await context.db.withTenant(tenant.id, (tx) =>
      tx.one<{ email_enc: Buffer }>('SELECT email_enc FROM people WHERE id = $1', [id]),
    );
    await context.db.withTenant(other.id, async (tx) => {
      const foreign = await context.keys.cipherFor(tx);
      assert.throws(
        () =>
          foreign.decrypt(stolen!.email_enc, { table: 'people', column: 'email_enc', rowId: id }),
        { code: 'ERR_STORE_DECRYPT_FAILED' },
      );
    });
  });

  it('finds a person by email through the blind index, whatever the case and spacing', async () => {
    const id = await storePerson(context, tenant, 'Lookup.Me@Example.org');
    const found = await context.db.withTenant(tenant.id, async (tx) => {
      const cipher = await context.keys.cipherFor(tx);
      return tx.query<{ id: string }>('SELECT id FROM people WHERE email_bidx = $1', [
        cipher.blindIndex('email', '  lookup.me@example.ORG '),
      ]);
    });
    assert.deepEqual(
      found.map((row) => row.id),
      [id],
    );
  });

  it('gives two districts different blind indexes and row ids for the same value', async () => {
    const other = await createTestTenant(context, 'crypt-b');
    const [a, b] = await Promise.all(
      [tenant, other].map((t) =>
        context.db.withTenant(t.id, async (tx) => {
          const cipher = await context.keys.cipherFor(tx);
          return [
            cipher.blindIndex('email', 'same@example.org')!.toString('hex'),
            cipher.rowId('person', 'S1'),
          ];
        }),
      ),
    );
    assert.notEqual(a![0], b![0]);
    assert.notEqual(a![1], b![1]);
  });

  it('keeps data readable after the master key is rotated', async () => {
    const id = await storePerson(context, tenant, 'rotate@example.org');
    const newKey = newMasterKey();
    const rotated = new TenantKeys(createKeyRing(newKey, [Buffer.alloc(32, 7)]));
    const outcome = await rotated.rewrapAll(context.db);
    assert.ok(outcome.rewrapped >= 1);
    assert.equal(outcome.unreadableTenantIds.includes(tenant.id), false);

    // A process that knows only the new master key still reads everything.
    const onlyNew = new TenantKeys(createKeyRing(newKey));
    const email = await context.db.withTenant(tenant.id, async (tx) => {
      const cipher = await onlyNew.cipherFor(tx);
      const row = await tx.one<{ email_enc: Buffer }>(
        'SELECT email_enc FROM people WHERE id = $1',
        [id],
      );
      return cipher.decrypt(row!.email_enc, { table: 'people', column: 'email_enc', rowId: id });
    });
    assert.equal(email, 'rotate@example.org');

    // And one that knows only the old key can no longer open the data key.
    const onlyOld = new TenantKeys(createKeyRing(Buffer.alloc(32, 7)));
    await assert.rejects(
      context.db.withTenant(tenant.id, (tx) => onlyOld.cipherFor(tx)),
      { code: 'ERR_STORE_TENANT_KEY_UNAVAILABLE' },
    );
    // Put the shared test key back for the other tests of this run.
    await new TenantKeys(createKeyRing(Buffer.alloc(32, 7), [newKey])).rewrapAll(context.db);
  });
});
