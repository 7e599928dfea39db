import { appendAudit } from '../../store/index.js';
import type { PrivacyContext } from '../privacy-context.js';
import { loadSubject } from './load-subject.js';
import { collectSubjectRecord, type SubjectRecord } from './collect-subject-record.js';
import { openDataRequest, completeDataRequest } from './data-request-records.js';
import { assertMayRunDataRequest, auditActor, type RequestActor } from './request-actor.js';

/** Everything the product holds about one student, for the district (FERPA 99.10, R6). */
export interface StudentDataPackage {
  format: 'ccmr-student-data/1';
  tenantId: string;
  personId: string;
  requestId: string;
  generatedAt: string;
  record: SubjectRecord;
}

/**
 * Exports everything held about a student: the request is recorded with its due date, the data
 * collected from every table that refers to people, and the disclosure audited.
 * @param context database, keys and clock.
 * @param tenantId the district.
 * @param personId the student's internal id.
 * @param actor who asks (a district administrator, or an operator).
 * @returns the package (serialise as JSON, or render with `renderStudentDataHtml`).
 * @throws PrivacyForbidden (ERR_PRIVACY_FORBIDDEN); PrivacyInputError (ERR_PRIVACY_UNKNOWN_STUDENT).
 */
export async function exportStudentData(
  context: PrivacyContext,
  tenantId: string,
  personId: string,
  actor: RequestActor,
): Promise<StudentDataPackage> {
  assertMayRunDataRequest(actor, tenantId);
  const now = context.now();
  return context.db.withTenant(tenantId, async (tx) => {
    const cipher = await context.keys.cipherFor(tx);
    const subject = await loadSubject(tx, cipher, personId);
    const request = await openDataRequest(tx, cipher, {
      kind: 'export',
      personId,
      requestedBy: actor.actorId,
      now,
    });
    await appendAudit(
      tx,
      {
        ...auditActor(actor),
        action: 'data_request.exported',
        resourceType: 'student',
        resourceId: personId,
        detail: { requestId: request.id, personIds: [personId] },
      },
      now,
    );
    // Collected after the audit event, so the package lists its own disclosure.
    const record = await collectSubjectRecord(tx, cipher, subject);
    await completeDataRequest(tx, request.id, { tables: Object.keys(record.tables).length }, now);
    return {
      format: 'ccmr-student-data/1',
      tenantId,
      personId,
      requestId: request.id,
      generatedAt: now.toISOString(),
      record,
    };
  });
}
