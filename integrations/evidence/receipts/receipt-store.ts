import type { TenantCipher } from '../../../store/index.js';

/** A receipt file as uploaded with a certification (exam fee paid). */
export interface ReceiptFile {
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

/**
 * Where receipt files live, encrypted with the district's key. The embedded store is a local
 * folder; an S3-compatible bucket can implement the same interface.
 */
export interface ReceiptStore {
  /**
   * Stores a receipt; the same bytes always give the same id (idempotent).
   * @returns the receipt file id kept on the certification.
   */
  save(cipher: TenantCipher, file: ReceiptFile): Promise<string>;
  /** Reads a stored receipt back. */
  read(cipher: TenantCipher, receiptFileId: string): Promise<ReceiptFile>;
}
