import { describeError } from '../domain/db-errors.js';
import { ConfigurationError, parseEnv, type Env } from '../env.js';
import { Problem } from '../errors.js';

/**
 * A command's last word on an error it did not expect: one line on stderr that names it (a refusal's detail,
 * a SQLSTATE, a connection failure), never SQL, parameters or a stack; the exit code becomes 1.
 */
export function reportError(err: unknown): void {
  console.error(err instanceof Problem ? `${err.title}: ${err.detail}` : err instanceof ConfigurationError ? err.message : describeError(err));
  process.exitCode = 1;
}

/** reportError, then exit: for a command that cannot go on. */
export function exitOnError(err: unknown): never {
  reportError(err);
  process.exit();
}

/** The parsed environment, or exit 1 with the message naming the bad variables (never their values). */
export function envOrExit(source: Record<string, string | undefined>): Env {
  try {
    return parseEnv(source);
  } catch (err) {
    return exitOnError(err);
  }
}
