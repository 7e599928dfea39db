import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, type TenantCipher } from '../../../store/index.js';
import type { ReceiptFile, ReceiptStore } from './receipt-store.js';

/** Largest receipt accepted, in bytes. */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

const TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);
const ID = /^[0-9a-f-]{36}$/;

/** A receipt the store refuses (type or size). */
export class ReceiptRejected extends InputError {
  constructor(reason: string) {
    super('ERR_EVIDENCE_BAD_RECEIPT', `receipt: ${reason}`);
  }
}

/**
 * Receipts in a local folder (DATA_DIR/receipts/<tenant>/<id>.bin), each encrypted with the
 * district's key and bound to its id, written under a temporary name and renamed into place.
 *
 * Limitation: the S3-compatible bucket store is not built; multi-server deployments need a
 * shared folder for receipts until it is.
 */
export class LocalReceiptStore implements ReceiptStore {
  readonly #root: string;

  /** @param root - the receipts folder, e.g. DATA_DIR/receipts. */
  constructor(root: string) {
    this.#root = root;
  }

  #path(tenantId: string, id: string): string {
    return join(this.#root, tenantId, `${id}.bin`);
  }

  /**
   * @throws ReceiptRejected (ERR_EVIDENCE_BAD_RECEIPT) for another type or more than 5 MiB.
   */
  async save(cipher: TenantCipher, file: ReceiptFile): Promise<string> {
    if (!TYPES.has(file.contentType)) throw new ReceiptRejected('must be PDF, PNG or JPEG');
    if (file.bytes.length === 0 || file.bytes.length > MAX_RECEIPT_BYTES) {
      throw new ReceiptRejected('must be between 1 byte and 5 MiB');
    }
    const id = cipher.rowId('receipt', createHash('sha256').update(file.bytes).digest('hex'));
    const sealed = cipher.encryptJson(
      { contentType: file.contentType, data: file.bytes.toString('base64') },
      { table: 'receipts', column: 'file', rowId: id },
    )!;
    const path = this.#path(cipher.tenantId, id);
    await mkdir(join(this.#root, cipher.tenantId), { recursive: true, mode: 0o700 });
    await writeFile(`${path}.part`, sealed, { mode: 0o600 });
    await rename(`${path}.part`, path);
    return id;
  }

  /**
   * @throws ReceiptRejected (ERR_EVIDENCE_BAD_RECEIPT) for an id that is not one.
   * @throws FieldDecryptFailed (ERR_STORE_DECRYPT_FAILED) when the file was altered or moved.
   */
  async read(cipher: TenantCipher, receiptFileId: string): Promise<ReceiptFile> {
    if (!ID.test(receiptFileId)) throw new ReceiptRejected('unknown receipt id');
    const sealed = await readFile(this.#path(cipher.tenantId, receiptFileId));
    const stored = cipher.decryptJson<{ contentType: ReceiptFile['contentType']; data: string }>(
      sealed,
      {
        table: 'receipts',
        column: 'file',
        rowId: receiptFileId,
      },
    )!;
    return { contentType: stored.contentType, bytes: Buffer.from(stored.data, 'base64') };
  }
}
