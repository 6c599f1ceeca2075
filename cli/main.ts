/**
 * The `chokepoint` process: runs `main` (cli/app.ts) on the process's arguments and streams. See
 * `chokepoint --help` for commands and exit codes.
 */
import { main } from "./app";
import { EXIT, oneLine } from "./errors";

// A closed pipe (e.g. `| head`) is not an error; any other stream failure is one line, not a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(EXIT.ok);
  process.stderr.write(`chokepoint: cannot write to standard output: ${oneLine(e)}\n`);
  process.exit(EXIT.io);
});
process.on("uncaughtException", (e) => {
  process.stderr.write(`chokepoint: internal error: ${oneLine(e)}\n`);
  process.exit(EXIT.internal);
});

process.exitCode = main(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
});
