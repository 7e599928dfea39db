import { z } from 'zod';
import { InputError, type TenantTransaction } from '../../store/index.js';
import { loadIbcList } from '../ibc-list/index.js';
import { enqueueRecompute } from './apply-import.js';
import type { EvidenceActor, EvidenceContext } from './evidence-context.js';
import type { ReceiptFile, ReceiptStore } from './receipts/receipt-store.js';
import { writeCertificationRow } from './write-certification-rows.js';

/** A certification form field that is missing or wrong; names the field. */
export class CertificationFormInvalid extends InputError {
  constructor(field: string, reason: string, code = 'ERR_EVIDENCE_BAD_FORM') {
    super(code, `field ${field}: ${reason}`);
  }
}

const isoDate = z.iso.date();

/** The IBC form of the admin view / IBC tracker. */
export const certificationFormSchema = z
  .object({
    personId: z.uuid(),
    ibcCode: z.string().trim().min(1).max(20),
    vendorCode: z.string().trim().max(20).optional(),
    /** Dollars and cents, as typed: "117.00". */
    examFee: z.number().min(0).max(999.99).optional(),
    resultCode: z.enum(['01', '02', '03']),
    examDate: isoDate,
    earnedDate: isoDate.optional(),
    alignedPosStatus: z
      .enum(['none', 'level2_course', 'concentrator', 'completer'])
      .default('none'),
  })
  .refine(
    (form) => form.resultCode !== '01' || !form.earnedDate || form.earnedDate >= form.examDate,
    {
      path: ['earnedDate'],
      message: 'must not be before the exam date',
    },
  );

/** What the form sends. */
export type CertificationForm = z.input<typeof certificationFormSchema>;

/**
 * Saves a certification entered by a counselor: validates the form, checks the code against the
 * TEA IBC list in force, stores the optional receipt encrypted, saves the record (audited, with
 * its Skyward write-back queued) and queues the student's recompute, in the caller's transaction.
 *
 * @param context - database, keys, queue, clock.
 * @param tx - the district's transaction.
 * @param input - the form, and an optional receipt with the store to keep it in.
 * @param actor - the staff member.
 * @returns the outcome and the receipt id, if any.
 * @throws CertificationFormInvalid (ERR_EVIDENCE_BAD_FORM, ERR_EVIDENCE_UNKNOWN_IBC) naming the field.
 * @throws ReceiptRejected (ERR_EVIDENCE_BAD_RECEIPT).
 * @throws CertificationPersonUnknown (ERR_CERTIFICATION_UNKNOWN_PERSON).
 */
export async function enterCertification(
  context: EvidenceContext,
  tx: TenantTransaction,
  input: { form: unknown; receipt?: ReceiptFile; receipts?: ReceiptStore },
  actor: EvidenceActor,
): Promise<{ changed: boolean; receiptFileId: string | null }> {
  const parsed = certificationFormSchema.safeParse(input.form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CertificationFormInvalid(issue.path.join('.') || '(form)', issue.message);
  }
  const form = parsed.data;
  const ibcCode = form.ibcCode.toUpperCase();
  const ibcList = await loadIbcList(tx);
  if (!ibcList.entries.has(ibcCode)) {
    throw new CertificationFormInvalid(
      'ibcCode',
      `not on the TEA IBC list (version ${ibcList.version})`,
      'ERR_EVIDENCE_UNKNOWN_IBC',
    );
  }
  let receiptFileId: string | null = null;
  // Limitation: the receipt file is written before the transaction commits; if it rolls back,
  // the file stays unreferenced (content-addressed, so a retry reuses it, but nothing sweeps it).
  if (input.receipt) {
    if (!input.receipts) throw new TypeError('a receipt needs a receipt store');
    receiptFileId = await input.receipts.save(await context.keys.cipherFor(tx), input.receipt);
  }
  const fields = {
    ibcCode,
    vendorCode: form.vendorCode || undefined,
    examFeeCents: form.examFee === undefined ? undefined : Math.round(form.examFee * 100),
    resultCode: form.resultCode,
    examDate: form.examDate,
    earnedDate: form.earnedDate ?? (form.resultCode === '01' ? form.examDate : undefined),
    alignedPosStatus: form.alignedPosStatus,
  };
  const changed = await writeCertificationRow(
    context,
    tx,
    { personId: form.personId, fields, ibcList, source: 'form', receiptFileId },
    actor,
  );
  if (changed) await enqueueRecompute(context, tx, null, [form.personId]);
  return { changed, receiptFileId };
}
