/**
 * Writing a command's output to a file without ever clobbering something that is not a file:
 * the target must be absent or a regular file (a symlink, FIFO, device, socket or directory is refused),
 * the text goes to a temporary file beside it (same folder, so the rename is atomic), the temporary
 * file is removed on every failure, and an existing file keeps its permission bits.
 */
import fs from "node:fs";
import path from "node:path";
import { CliError, EXIT, UsageError } from "./errors";

/** What an existing path is, in words, for the refusal message. */
function kindOf(st: fs.Stats): string {
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/** Checks that `target` may be written: its folder exists and it is absent or a regular file. Returns its mode if it exists. */
export function checkOutputPath(target: string): number | null {
  if (target === "") throw new UsageError("--out needs a file name.");
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw new UsageError(`Cannot write ${target}: folder ${dir} does not exist.`);
  }
  if (!dirStat.isDirectory()) throw new UsageError(`Cannot write ${target}: ${dir} is not a folder.`);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new UsageError(`Cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? "cannot inspect it"}.`);
  }
  if (!st.isFile()) throw new UsageError(`Refusing to write ${target}: it is ${kindOf(st)}, not a regular file.`);
  return st.mode & 0o7777;
}

/** Hooks for tests: a failure injected after the temporary file is opened. */
export interface SafeWriteHooks {
  /** Called with the temporary file's path once it exists; may throw to simulate a failing write. */
  afterOpen?(tmpPath: string): void;
}

/**
 * Writes `text` to `target` atomically: a temporary file beside it, then a rename. Refuses special files
 * (UsageError, exit 2); any I/O failure is a CliError with exit 3, and the temporary file is gone either way.
 */
export function writeFileSafely(target: string, text: string, hooks: SafeWriteHooks = {}): void {
  const mode = checkOutputPath(target);
  const abs = path.resolve(target);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    // "wx": never follows or reuses an existing path under the temporary name.
    fd = fs.openSync(tmp, "wx", mode ?? 0o666);
    hooks.afterOpen?.(tmp);
    fs.writeSync(fd, text);
    // An existing file keeps its mode exactly (open's mode is reduced by the umask; fchmod is not).
    if (mode !== null) fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    // The target may have been replaced by a special file since the check; look again just before the rename.
    checkOutputPath(target);
    fs.renameSync(tmp, abs);
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created, or already renamed */
    }
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot write ${target}: ${code ? `${code} (${(e as Error).message.split(",")[0]})` : (e as Error).message}.`, EXIT.io);
  }
}
