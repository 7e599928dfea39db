import { AppError, InputError } from '../store/index.js';

/** Exit code 0: the command did its work. */
export const EXIT_OK = 0;
/** Exit code 1: the work failed (a peer unreachable, a sync that could not finish). */
export const EXIT_FAILURE = 1;
/** Exit code 2: bad input or usage; the message names the file, row, record or field. */
export const EXIT_BAD_INPUT = 2;

/** Maps an error thrown by a command to the process exit code DESIGN.md fixes. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return EXIT_BAD_INPUT;
  return EXIT_FAILURE;
}

/** One line for standard error: the stable code and the safe message, never a stack or payload. */
export function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
