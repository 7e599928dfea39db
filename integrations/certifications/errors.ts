import { InputError } from '../../store/index.js';

/** A certification input that does not pass validation; the message names the record and field. */
export class CertificationInvalid extends InputError {
  constructor(field: string, problem: string, recordNumber?: number) {
    const which = recordNumber === undefined ? 'certification' : `certification ${recordNumber}`;
    super('ERR_CERTIFICATION_INVALID', `${which}, field "${field}": ${problem}`);
  }
}

/** The certification's student is not a person of this district. */
export class CertificationPersonUnknown extends InputError {
  constructor(personId: string) {
    super(
      'ERR_CERTIFICATION_UNKNOWN_PERSON',
      `person ${personId} is not rostered in this district`,
    );
  }
}

/** No certification with this id in this district (or it was already deleted). */
export class CertificationNotFound extends InputError {
  constructor(id: string) {
    super('ERR_CERTIFICATION_NOT_FOUND', `certification ${id} was not found`, { status: 404 });
  }
}
