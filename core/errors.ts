/**
 * A mistake in what the user gave us (a flag, a file, a plugin). The CLI prints its message as one
 * line and exits with code 2; anything else that escapes is a bug in xai-bench and exits 70.
 */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
