import type { TenantTransaction } from '../../store/index.js';
import type { MappedUser } from '../mapping/map-user.js';
import { nameBirthIndex } from './table-specs.js';
import type { PlannedRow } from './write-batch.js';
import { jsonRecordset, type WriteContext } from './write-context.js';

/**
 * Recomputes name_birth_bidx (family|given|birth date) of people whose stored row a batch
 * updated, since their names may have changed. Only people with a stored birth date have one, so
 * a first sync, where every person is new, reads nothing here.
 */
export async function refreshNameBirthIndex(
  tx: TenantTransaction,
  updated: readonly PlannedRow<MappedUser>[],
  ctx: WriteContext,
): Promise<void> {
  if (updated.length === 0) return;
  const born = await tx.query<{ id: string; birth_date_enc: Buffer }>(
    `SELECT id, birth_date_enc FROM people
      WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND birth_date_enc IS NOT NULL`,
    [tx.tenantId, updated.map((row) => row.id)],
  );
  if (born.length === 0) return;
  const records = new Map(updated.map((row) => [row.id, row.record]));
  const tuples = born.map(({ id, birth_date_enc }) => {
    const user = records.get(id)!;
    const birthDate = ctx.cipher.decrypt(birth_date_enc, {
      table: 'people',
      column: 'birth_date_enc',
      rowId: id,
    });
    return [id, nameBirthIndex(ctx.cipher, user.familyName, user.givenName, birthDate)];
  });
  const { from, json } = jsonRecordset(
    [
      ['id', 'uuid'],
      ['bidx', 'bytea'],
    ],
    tuples,
    2,
  );
  await tx.query(
    `UPDATE people SET name_birth_bidx = r.bidx FROM ${from}
      WHERE people.tenant_id = $1 AND people.id = r.id`,
    [tx.tenantId, json],
  );
}
