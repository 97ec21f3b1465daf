import { describeError } from '../domain/db-errors.js';
import { Problem } from '../errors.js';

/**
 * A command's last word on an error it did not expect: one line on stderr that names it (a refusal's detail,
 * a SQLSTATE, a connection failure), never SQL, parameters or a stack; the exit code becomes 1.
 */
export function reportError(err: unknown): void {
  console.error(err instanceof Problem ? `${err.title}: ${err.detail}` : describeError(err));
  process.exitCode = 1;
}

/** reportError, then exit: for a command that cannot go on. */
export function exitOnError(err: unknown): never {
  reportError(err);
  process.exit();
}
