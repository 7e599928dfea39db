import {
  AUDIT_GENESIS_HASH,
  type Database,
  type TenantCipher,
  type TenantKeys,
} from '../../store/index.js';
import { readAuditEvents, recomputeHash, type StoredAuditEvent } from './audit-rows.js';
import { signCheckpoint, type AuditCheckpoint } from './audit-checkpoint.js';

/** One way the stored chain disagrees with itself, its head or a checkpoint. */
export interface AuditProblem {
  /** The sequence number where the problem shows first. */
  seq: number;
  kind:
    | 'hash_mismatch'
    | 'broken_link'
    | 'missing_entry'
    | 'head_mismatch'
    | 'truncated'
    | 'checkpoint_mismatch'
    | 'checkpoint_forged';
}

/** What `verifyAuditChain` found. */
export interface AuditVerification {
  tenantId: string;
  isIntact: boolean;
  entryCount: number;
  /** The last entry of the stored chain. */
  lastSeq: number;
  lastHash: string;
  /** The first sequence number where something is wrong, or null. */
  firstBrokenSeq: number | null;
  problems: AuditProblem[];
  checkpointsChecked: number;
  /** False when the district's key is gone (after offboarding): signatures were not checked. */
  areSignaturesChecked: boolean;
}

/** Walks the chain: every entry in sequence, linked to its predecessor, hashing to itself. */
function checkEntries(events: StoredAuditEvent[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  let previousHash = AUDIT_GENESIS_HASH;
  events.forEach((event, index) => {
    if (event.seq !== index + 1) problems.push({ seq: index + 1, kind: 'missing_entry' });
    if (event.prev_hash !== previousHash) problems.push({ seq: event.seq, kind: 'broken_link' });
    if (recomputeHash(event.prev_hash, event) !== event.hash) {
      problems.push({ seq: event.seq, kind: 'hash_mismatch' });
    }
    previousHash = event.hash;
  });
  return problems;
}

/** The stored head must name the last entry exactly; a longer head means entries were cut off. */
function checkHead(
  head: { seq: number; hash: string } | undefined,
  lastSeq: number,
  lastHash: string,
) {
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq > lastSeq) return [{ seq: lastSeq + 1, kind: 'truncated' as const }];
  if (headSeq < lastSeq || (head && headSeq > 0 && head.hash !== lastHash)) {
    return [{ seq: Math.min(headSeq + 1, lastSeq), kind: 'head_mismatch' as const }];
  }
  return [];
}

/** Each checkpoint must be genuine and still match the chain at its position. */
function checkCheckpoints(
  checkpoints: Array<Pick<AuditCheckpoint, 'seq' | 'hash' | 'signature'>>,
  events: StoredAuditEvent[],
  cipher: TenantCipher | null,
): AuditProblem[] {
  const problems: AuditProblem[] = [];
  for (const checkpoint of checkpoints) {
    if (
      cipher &&
      signCheckpoint(cipher, checkpoint.seq, checkpoint.hash) !== checkpoint.signature
    ) {
      problems.push({ seq: checkpoint.seq, kind: 'checkpoint_forged' });
      continue;
    }
    const entry = events.find((event) => event.seq === checkpoint.seq);
    if (!entry) problems.push({ seq: checkpoint.seq, kind: 'truncated' });
    else if (entry.hash !== checkpoint.hash)
      problems.push({ seq: checkpoint.seq, kind: 'checkpoint_mismatch' });
  }
  return problems;
}

async function loadCipher(
  db: Database,
  keys: TenantKeys,
  tenantId: string,
): Promise<TenantCipher | null> {
  try {
    return await db.withTenant(tenantId, (tx) => keys.cipherFor(tx));
  } catch {
    return null;
  }
}

/**
 * Verifies a district's audit trail (privacy-checklist.md R25): recomputes every hash, checks
 * every link and sequence number, compares the last entry with the stored head (truncation) and
 * with every signed checkpoint, including one the district kept from an export.
 * @param db the database (read as the owner).
 * @param keys the district data keys (to check checkpoint signatures).
 * @param tenantId the district.
 * @param options.anchor a checkpoint the district kept (from an audit export).
 * @returns the findings; `isIntact` is true only when there are none.
 */
export async function verifyAuditChain(
  db: Database,
  keys: TenantKeys,
  tenantId: string,
  options: { anchor?: Pick<AuditCheckpoint, 'seq' | 'hash' | 'signature'> } = {},
): Promise<AuditVerification> {
  const { events, head, checkpoints } = await db.withOwner(async (tx) => ({
    events: await readAuditEvents(tx, tenantId),
    head: await tx.one<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1',
      [tenantId],
    ),
    checkpoints: await tx.query<{ seq: number; hash: string; signature: string }>(
      'SELECT seq, hash, signature FROM audit_checkpoints WHERE tenant_id = $1 ORDER BY seq',
      [tenantId],
    ),
  }));
  const cipher = await loadCipher(db, keys, tenantId);
  const last = events.at(-1);
  const lastSeq = last?.seq ?? 0;
  const lastHash = last?.hash ?? AUDIT_GENESIS_HASH;
  const anchors = [
    ...checkpoints.map((c) => ({ ...c, seq: Number(c.seq) })),
    ...(options.anchor ? [options.anchor] : []),
  ];

  const problems = [
    ...checkEntries(events),
    ...checkHead(head, lastSeq, lastHash),
    ...checkCheckpoints(anchors, events, cipher),
  ].sort((a, b) => a.seq - b.seq);
  return {
    tenantId,
    isIntact: problems.length === 0,
    entryCount: events.length,
    lastSeq,
    lastHash,
    firstBrokenSeq: problems[0]?.seq ?? null,
    problems,
    checkpointsChecked: anchors.length,
    areSignaturesChecked: cipher !== null,
  };
}
