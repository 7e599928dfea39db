import type { TenantCipher, TenantTransaction } from '../../store/index.js';
import { PrivacyInputError } from '../errors.js';

/** The student a data request is about, with the identifiers other records may carry. */
export interface RequestSubject {
  personId: string;
  sourcedId: string;
  /**
   * Distinctive identifiers to search stored files and ciphertexts for: the internal id, the
   * sourcedId, email, local and state IDs. Names are not searched (they are not unique).
   */
  identifiers: string[];
}

const MIN_IDENTIFIER_LENGTH = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a student of the transaction's district by internal id.
 * @param tx a transaction of the district.
 * @param cipher the district's cipher.
 * @param personId people.id of the student.
 * @returns the subject.
 * @throws PrivacyInputError (ERR_PRIVACY_UNKNOWN_STUDENT) when no such person exists.
 */
export async function loadSubject(
  tx: TenantTransaction,
  cipher: TenantCipher,
  personId: string,
): Promise<RequestSubject> {
  if (!UUID.test(personId)) {
    throw new PrivacyInputError(
      'ERR_PRIVACY_UNKNOWN_STUDENT',
      'a student is named by an internal id (uuid)',
    );
  }
  const row = await tx.one<{
    id: string;
    sourced_id: string;
    email_enc: Buffer | null;
    local_id_enc: Buffer | null;
    state_id_enc: Buffer | null;
  }>(
    'SELECT id, sourced_id, email_enc, local_id_enc, state_id_enc FROM people WHERE id = $1::uuid',
    [personId],
  );
  if (!row)
    throw new PrivacyInputError(
      'ERR_PRIVACY_UNKNOWN_STUDENT',
      `no person ${personId} in this district`,
    );
  const bind = (column: string) => ({ table: 'people', column, rowId: personId });
  const decrypted = ['email_enc', 'local_id_enc', 'state_id_enc'].map((column) =>
    cipher.decrypt(row[column as 'email_enc'], bind(column)),
  );
  const identifiers = [personId, row.sourced_id, ...decrypted].filter(
    (value): value is string =>
      typeof value === 'string' && value.trim().length >= MIN_IDENTIFIER_LENGTH,
  );
  return { personId, sourcedId: row.sourced_id, identifiers: [...new Set(identifiers)] };
}

/** A keyed hash of a person id: links records about one subject without identifying them. */
export function subjectHash(cipher: TenantCipher, personId: string): string {
  return cipher.blindIndex('data_request_subject', personId)!.toString('hex');
}
