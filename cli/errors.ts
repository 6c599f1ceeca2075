/**
 * The CLI's errors and exit codes. Every failure reaches the user as one line on standard error, never a
 * stack trace; the code says what kind of failure it was (documented in `chokepoint --help` and the README).
 */

/** Exit codes of the `chokepoint` command. */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** `calibrate`: a target claim is missed (the only documented use of 1). */
  calibrationMiss: 1,
  /** Bad input: an unknown command, option, parameter or value, or an `--out` path that may not be written. */
  usage: 2,
  /** The output could not be written (disk full, permission denied, the folder vanished …). */
  io: 3,
  /** A fault in the program itself; the message says so. */
  internal: 4,
} as const;

/** An error that the CLI reports as one line and turns into an exit code. */
export class CliError extends Error {
  /** The process exit code this error ends with. */
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** An error in the user's input: exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Longest stretch of user input quoted in a message, so that one line stays one readable line. */
const QUOTE_MAX = 60;

/** User input quoted for a one-line message: control characters escaped, shortened to 60 characters. */
export function quoteArg(s: string): string {
  const flat = JSON.stringify(String(s)).slice(1, -1);
  return `"${flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX)}…` : flat}"`;
}

/** Any thrown value as one line of text (first line of its message, without a stack). */
export function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s*\n[\s\S]*$/, "").slice(0, 300);
}
