import { AppError, InputError } from '../../store/index.js';

/** A Skyward connection setting or command option that is not valid; the message names it. */
export class SkywardSettingInvalid extends InputError {
  constructor(field: string, problem: string) {
    super('ERR_SKYWARD_BAD_SETTING', `Skyward setting "${field}": ${problem}`);
  }
}

/** The district has no Skyward connection yet (`ccmr skyward connect`). */
export class SkywardNotConnected extends InputError {
  constructor() {
    super(
      'ERR_SKYWARD_NOT_CONNECTED',
      'this district has no Skyward connection; run skyward connect',
    );
  }
}

/**
 * The SFTP server could not be used. Codes: ERR_SKYWARD_UNREACHABLE (no answer, refused,
 * timed out), ERR_SKYWARD_AUTH (login refused), ERR_SKYWARD_HOST_KEY_MISMATCH (the server's key
 * is not the one recorded), ERR_SKYWARD_FOLDER_MISSING, ERR_SKYWARD_NO_POSIX_RENAME (the server
 * lacks posix-rename@openssh.com), ERR_SKYWARD_TRANSFER (a file operation failed).
 */
export class SkywardTransferFailed extends AppError {
  constructor(
    code:
      | 'ERR_SKYWARD_UNREACHABLE'
      | 'ERR_SKYWARD_AUTH'
      | 'ERR_SKYWARD_HOST_KEY_MISMATCH'
      | 'ERR_SKYWARD_FOLDER_MISSING'
      | 'ERR_SKYWARD_NO_POSIX_RENAME'
      | 'ERR_SKYWARD_TRANSFER',
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(code, message, { status: 502, expose: true, cause: options.cause });
  }
}
