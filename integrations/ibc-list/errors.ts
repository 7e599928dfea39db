import { InputError } from '../../store/index.js';

/** A TEA IBC list file that cannot be loaded; names the file, row and column. */
export class IbcListFileInvalid extends InputError {
  constructor(file: string, row: number, column: string, reason: string) {
    super('ERR_EVIDENCE_BAD_IBC_LIST', `${file} row ${row} column ${column}: ${reason}`);
  }
}
