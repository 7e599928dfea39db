import { appendAudit, type TenantTransaction } from '../../store/index.js';
import type { MappedDemographics } from '../mapping/map-demographics.js';
import type { EntityCounts } from '../sync-counts.js';
import { nameBirthIndex } from './table-specs.js';
import { contentHash } from './write-batch.js';
import { jsonRecordset, type WriteContext } from './write-context.js';

type PersonRow = {
  id: string;
  given_name_enc: Buffer | null;
  family_name_enc: Buffer | null;
  demographics_hash: string | null;
  demographics_seen_run_id: string | null;
};

/**
 * Clears the demographics of people (tobedeleted, or absent from a full snapshot) and audits it.
 * @returns how many people had demographics cleared.
 */
export async function clearDemographics(
  tx: TenantTransaction,
  ids: string[],
  ctx: WriteContext,
  reason: 'tobedeleted' | 'absent',
): Promise<number> {
  if (ids.length === 0) return 0;
  const cleared = await tx.query<{ id: string }>(
    `UPDATE people SET birth_date_enc = NULL, demographics_enc = NULL, name_birth_bidx = NULL,
        demographics_hash = NULL, demographics_seen_run_id = $3, updated_at = $4
      WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND demographics_hash IS NOT NULL RETURNING id`,
    [tx.tenantId, ids, ctx.runId, ctx.now],
  );
  await appendAudit(
    tx,
    cleared.map((row) => ({
      actorType: 'system' as const,
      actorId: ctx.runId,
      action: 'roster.demographics.deleted',
      resourceType: 'person',
      resourceId: row.id,
      detail: { runId: ctx.runId, reason },
    })),
    ctx.now,
  );
  return cleared.length;
}

/** A demographics record with the row id of its person and its keyed content hash. */
export interface PlannedDemographics {
  record: MappedDemographics;
  id: string;
  hash: string;
}

/** Person ids and hashes of a batch; no database work, so it can run ahead of the write. */
export function planDemographics(
  records: readonly MappedDemographics[],
  ctx: WriteContext,
): PlannedDemographics[] {
  return records.map((record) => ({
    record,
    id: ctx.cipher.rowId('person', record.sourcedId),
    hash: contentHash(ctx, 'demographics', record),
  }));
}

/**
 * Writes a batch of demographics onto their people: birth date and the whole record encrypted,
 * and name_birth_bidx (family|given|birth date) for matching evidence rows. A record whose user
 * is not stored is counted as an error (or refused through `onMissingPerson`).
 */
export async function writeDemographics(
  tx: TenantTransaction,
  planned: readonly PlannedDemographics[],
  ctx: WriteContext,
  onMissingPerson?: (position: number) => never,
): Promise<Partial<EntityCounts>> {
  const rows = await tx.query<PersonRow>(
    `SELECT id, given_name_enc, family_name_enc, demographics_hash, demographics_seen_run_id
       FROM people WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tx.tenantId, planned.map((p) => p.id)],
  );
  const people = new Map(rows.map((r) => [r.id, r]));
  const counts = { created: 0, updated: 0, deleted: 0, unchanged: 0, errors: 0 };
  const updates: unknown[][] = [];
  const toClear: string[] = [];
  const unchanged: string[] = [];
  planned.forEach((p, position) => {
    const person = people.get(p.id);
    if (!person) {
      onMissingPerson?.(position);
      counts.errors += 1;
      return;
    }
    if (ctx.onDuplicate && person.demographics_seen_run_id === ctx.runId) ctx.onDuplicate(position);
    if (p.record.status === 'tobedeleted') return void toClear.push(p.id);
    if (person.demographics_hash === p.hash) return void unchanged.push(p.id);
    counts[person.demographics_hash === null ? 'created' : 'updated'] += 1;
    updates.push(updateTuple(person, p, ctx));
  });
  if (updates.length > 0) {
    const { from, json } = jsonRecordset(
      [
        ['id', 'uuid'],
        ['birth', 'bytea'],
        ['data', 'bytea'],
        ['bidx', 'bytea'],
        ['hash', 'text'],
      ],
      updates,
      3,
    );
    await tx.query(
      `UPDATE people SET birth_date_enc = r.birth, demographics_enc = r.data, name_birth_bidx = r.bidx,
          demographics_hash = r.hash, demographics_seen_run_id = $2, updated_at = $4
         FROM ${from}
        WHERE people.tenant_id = $1 AND people.id = r.id`,
      [tx.tenantId, ctx.runId, json, ctx.now],
    );
  }
  if (ctx.marksSeen && unchanged.length > 0) {
    await tx.query(
      `UPDATE people SET demographics_seen_run_id = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tx.tenantId, unchanged, ctx.runId],
    );
  }
  counts.deleted = await clearDemographics(tx, toClear, ctx, 'tobedeleted');
  counts.unchanged = unchanged.length + toClear.length - counts.deleted;
  return counts;
}

function updateTuple(person: PersonRow, p: PlannedDemographics, ctx: WriteContext): unknown[] {
  const at = (column: string) => ({ table: 'people', column, rowId: p.id });
  const given = ctx.cipher.decrypt(person.given_name_enc, at('given_name_enc'));
  const family = ctx.cipher.decrypt(person.family_name_enc, at('family_name_enc'));
  return [
    p.id,
    ctx.cipher.encrypt(p.record.birthDate, at('birth_date_enc')),
    ctx.cipher.encryptJson(p.record.data, at('demographics_enc')),
    given && family ? nameBirthIndex(ctx.cipher, family, given, p.record.birthDate) : null,
    p.hash,
  ];
}
