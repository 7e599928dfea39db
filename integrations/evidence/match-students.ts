import type { TenantCipher, TenantTransaction } from '../../store/index.js';

/** The identifying cells of a row; any of them may be absent. */
export interface StudentIdentity {
  stateId?: string;
  localId?: string;
  lastName?: string;
  firstName?: string;
  birthDate?: string;
}

/** Why a row was not attached to a student. */
export type UnmatchedReason = 'not_found' | 'ambiguous' | 'conflict' | 'id_mismatch';

/** How a row was matched, or why not. Confidence: 1 state ID, 0.95 local ID, 0.9 name + birth. */
export type MatchOutcome =
  | { personId: string; method: 'state_id' | 'local_id' | 'name_birth'; confidence: number }
  | { personId: null; reason: UnmatchedReason; candidatePersonId?: string };

type Index = Map<string, string[]>;

function add(index: Index, key: Buffer | null, personId: string): void {
  if (!key) return;
  const hex = key.toString('hex');
  const list = index.get(hex);
  if (list) list.push(personId);
  else index.set(hex, [personId]);
}

/**
 * Finds the student a row of an evidence file belongs to, through the blind indexes of the
 * rostered students (state unique ID, local ID, or name plus birth date). Only a certain match
 * attaches evidence: IDs that disagree with each other or with the name, an ID that matches no
 * one while the name does, or two students with the same name and birth date all leave the row
 * unmatched for staff to resolve, so evidence never lands on the wrong student silently.
 */
export class StudentMatcher {
  readonly #cipher: TenantCipher;
  readonly #byState: Index = new Map();
  readonly #byLocal: Index = new Map();
  readonly #byNameBirth: Index = new Map();

  private constructor(cipher: TenantCipher) {
    this.#cipher = cipher;
  }

  /**
   * Loads the indexes of every active student of the district.
   *
   * @param tx - the district's transaction.
   * @param cipher - the district's cipher (for the row's blind indexes).
   * @returns a matcher.
   */
  static async load(tx: TenantTransaction, cipher: TenantCipher): Promise<StudentMatcher> {
    const matcher = new StudentMatcher(cipher);
    const rows = await tx.query<{
      id: string;
      state_id_bidx: Buffer | null;
      local_id_bidx: Buffer | null;
      name_birth_bidx: Buffer | null;
    }>(
      `SELECT id, state_id_bidx, local_id_bidx, name_birth_bidx FROM people
       WHERE role = 'student' AND deleted_at IS NULL`,
    );
    for (const row of rows) {
      add(matcher.#byState, row.state_id_bidx, row.id);
      add(matcher.#byLocal, row.local_id_bidx, row.id);
      add(matcher.#byNameBirth, row.name_birth_bidx, row.id);
    }
    return matcher;
  }

  #find(index: Index, purpose: string, value: string | undefined): string[] | undefined {
    const key = this.#cipher.blindIndex(purpose, value);
    return key ? (index.get(key.toString('hex')) ?? []) : undefined;
  }

  /**
   * Matches one row's identity.
   *
   * @param identity - the identifying cells.
   * @returns the person and method, or the reason it stays unmatched.
   */
  match(identity: StudentIdentity): MatchOutcome {
    const byState = this.#find(this.#byState, 'state_id', identity.stateId);
    const byLocal = this.#find(this.#byLocal, 'local_id', identity.localId);
    const hasName = identity.lastName && identity.firstName && identity.birthDate;
    const nameKey = hasName
      ? `${identity.lastName!.trim()}|${identity.firstName!.trim()}|${identity.birthDate}`
      : undefined;
    const byName = this.#find(this.#byNameBirth, 'name_birth', nameKey);

    if (byState === undefined && byLocal === undefined) return this.#matchByName(byName);
    if ((byState?.length ?? 0) > 1 || (byLocal?.length ?? 0) > 1)
      return { personId: null, reason: 'ambiguous' };
    const found = new Set([...(byState ?? []), ...(byLocal ?? [])]);
    if (found.size > 1) return { personId: null, reason: 'conflict' };
    if (found.size === 0) {
      const candidate = byName?.length === 1 ? byName[0] : undefined;
      return candidate
        ? { personId: null, reason: 'id_mismatch', candidatePersonId: candidate }
        : { personId: null, reason: 'not_found' };
    }
    const personId = [...found][0]!;
    if (byName && byName.length > 0 && !byName.includes(personId)) {
      return { personId: null, reason: 'conflict', candidatePersonId: personId };
    }
    const method = byState?.length ? 'state_id' : 'local_id';
    return { personId, method, confidence: method === 'state_id' ? 1 : 0.95 };
  }

  #matchByName(byName: string[] | undefined): MatchOutcome {
    if (!byName || byName.length === 0) return { personId: null, reason: 'not_found' };
    if (byName.length > 1) return { personId: null, reason: 'ambiguous' };
    return { personId: byName[0]!, method: 'name_birth', confidence: 0.9 };
  }
}
