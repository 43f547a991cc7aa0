/**
 * Why a file cannot be processed at all. Thrown by intake/extract; the CLI
 * prints one line per failed file and the queue does not retry it. Matched by
 * `name`/`code`, because errors cross process boundaries in the queue.
 */
export type InputErrorCode =
  | 'not-found'
  | 'not-a-file'
  | 'symlink'
  | 'empty'
  | 'too-large'
  | 'unsupported-type'
  | 'not-a-pdf'
  | 'truncated-pdf'
  | 'corrupt-pdf'
  | 'encrypted-pdf'
  | 'truncated-image'
  | 'truncated-text'
  | 'corrupt-image'
  | 'too-many-pixels'
  | 'too-many-pages'
  | 'stream-too-large'
  | 'text-too-large'
  | 'time-limit'
  | 'legacy-word'
  | 'truncated-docx'
  | 'corrupt-docx'
  | 'docx-too-large'
  | 'unreadable'
  | 'output-name-taken';

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for errors that mean "this input can never be processed" (no retry). */
export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === 'InputError';
}
