import type { TenantTransaction } from '../../store/index.js';
import { saveCertification } from '../certifications/index.js';
import type { IbcList } from '../ibc-list/index.js';
import type { EvidenceActor, EvidenceContext } from './evidence-context.js';
import type { CertificationFields } from './layout.js';

/**
 * The TEDS school year of a date: the calendar year in which its school year (September to
 * August) ends.
 *
 * @param isoDate - 'YYYY-MM-DD'.
 * @returns the school year, e.g. 2025 for 2024-10-03.
 */
export function schoolYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5, 7) >= '09' ? year + 1 : year;
}

/**
 * Stores one IBC result through the certifications module (which audits it and queues its
 * Skyward write-back), with the list editions of its code. The same student, code and exam date
 * always land on the same record.
 *
 * @param context - queue, keys, clock.
 * @param tx - the district's transaction.
 * @param input - the student, fields, IBC list, receipt and source label.
 * @param actor - who is saving.
 * @returns whether anything changed.
 * @throws CertificationInvalid (ERR_CERTIFICATION_INVALID) from the certifications module.
 */
export async function writeCertificationRow(
  context: EvidenceContext,
  tx: TenantTransaction,
  input: {
    personId: string;
    fields: CertificationFields;
    ibcList: IbcList;
    source: string;
    receiptFileId?: string | null;
  },
  actor: EvidenceActor,
): Promise<boolean> {
  const { fields } = input;
  const entry = input.ibcList.entries.get(fields.ibcCode);
  const anchorDate = (fields.examDate ?? fields.earnedDate)!;
  const result = await saveCertification(
    context,
    tx,
    {
      sourceKey: `ibc|${input.personId}|${fields.ibcCode}|${anchorDate}`,
      personId: input.personId,
      ibcCode: fields.ibcCode,
      vendorCode: fields.vendorCode ?? null,
      examFeeCents: fields.examFeeCents ?? null,
      resultCode: fields.resultCode,
      examDate: fields.examDate ?? null,
      earnedDate: fields.earnedDate ?? null,
      schoolYear: schoolYearOf(anchorDate),
      alignedPosStatus: fields.alignedPosStatus,
      lists: entry?.lists ?? [],
      receiptFileId: input.receiptFileId ?? null,
      source: input.source,
    },
    actor,
  );
  return result.outcome !== 'unchanged';
}
