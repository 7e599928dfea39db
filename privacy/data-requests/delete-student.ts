import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../store/index.js';
import type { PrivacyContext } from '../privacy-context.js';
import { loadSubject, subjectHash } from './load-subject.js';
import { eraseSubjectRows } from './erase-subject-rows.js';
import { purgeSubjectJobs } from './purge-subject-jobs.js';
import { eraseSubjectFromFiles, tenantFilesFolder } from './tenant-files.js';
import { forgetTenantCaches } from './student-caches.js';
import { openDataRequest, completeDataRequest } from './data-request-records.js';
import { assertMayRunDataRequest, auditActor, type RequestActor } from './request-actor.js';

/** What a deletion removed; this is also what the non-identifying deletion record keeps. */
export interface DeletionOutcome {
  requestId: string;
  deletionRecordId: string;
  subjectHash: string;
  removed: Record<string, number>;
  jobs: Record<string, number>;
  files: { rewritten: number; deleted: number };
  caches: string[];
  /** Ciphertext columns the binding convention could not open (they could not be searched). */
  undecryptable: string[];
}

/**
 * Deletes a student everywhere (privacy-checklist.md R7): every district table that refers to
 * people, the district's files, job payloads and in-process caches. What remains is a deletion
 * record with a keyed hash of the id and the counts removed, and the audit trail, which names the
 * student only by an internal id that no longer leads to anyone.
 *
 * Order: the identifiers are read first (files and ciphertexts are searched for them), the
 * tables are erased with the request and deletion record in one transaction, then jobs, files and
 * caches, which are idempotent and searched by the internal id and identifiers returned.
 * @param context database, keys, clock and data folder.
 * @param tenantId the district.
 * @param personId the student's internal id.
 * @param actor who asks.
 * @returns what was removed.
 * @throws PrivacyForbidden (ERR_PRIVACY_FORBIDDEN); PrivacyInputError (ERR_PRIVACY_UNKNOWN_STUDENT).
 */
export async function deleteStudent(
  context: PrivacyContext,
  tenantId: string,
  personId: string,
  actor: RequestActor,
): Promise<DeletionOutcome> {
  assertMayRunDataRequest(actor, tenantId);
  const now = context.now();
  const tablesDone = await context.db.withTenant(tenantId, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    const subject = await loadSubject(tx, cipher, personId);
    const request = await openDataRequest(tx, cipher, {
      kind: 'delete',
      personId,
      requestedBy: actor.actorId,
      now,
    });
    const erased = await eraseSubjectRows(tx, cipher, subject);
    const deletionRecordId = randomUUID();
    const hash = subjectHash(cipher, personId);
    await tx.query(
      `INSERT INTO deletion_records (tenant_id, id, subject_hash, scope, request_id, deleted_at, removed)
       VALUES ($1, $2, $3, 'student', $4, $5, $6)`,
      [tenantId, deletionRecordId, hash, request.id, now, JSON.stringify(erased.removed)],
    );
    await appendAudit(
      tx,
      {
        ...auditActor(actor),
        action: 'student.deleted',
        resourceType: 'student',
        resourceId: personId,
        detail: { requestId: request.id, deletionRecordId, removed: erased.removed },
      },
      now,
    );
    await completeDataRequest(tx, request.id, { removed: erased.removed }, now);
    return { request, erased, deletionRecordId, hash, identifiers: subject.identifiers };
  });

  const jobs = await purgeSubjectJobs(context.db, personId);
  const files = await eraseSubjectFromFiles(
    tenantFilesFolder(context.config.dataDir, tenantId),
    tablesDone.identifiers,
  );
  const caches = forgetTenantCaches(tenantId);
  return {
    requestId: tablesDone.request.id,
    deletionRecordId: tablesDone.deletionRecordId,
    subjectHash: tablesDone.hash,
    removed: tablesDone.erased.removed,
    jobs,
    files,
    caches,
    undecryptable: tablesDone.erased.undecryptable,
  };
}
