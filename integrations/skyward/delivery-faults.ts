/**
 * Points inside a delivery where a fault can be injected, to prove that a process dying there
 * loses and doubles nothing. Production passes none.
 */
export interface DeliveryFaults {
  /** After `NAME.part` is written, before the rename. */
  afterUpload?(batchId: string): Promise<void> | void;
  /** After the rename, before the batch is marked delivered. */
  afterRename?(batchId: string): Promise<void> | void;
}
