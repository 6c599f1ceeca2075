/**
 * Reading a saved-scenarios export file (chokepoint.scenarios/1). Its own module, imported on demand when the
 * analyst chooses a file, so that the schema library it validates with stays out of the page's first load.
 */
import * as z from "zod/mini";
import { decodeScenario, encodeScenario } from "./url";
import { cleanName, MAX_IMPORT_BYTES, MAX_SAVED_NOTE, SAVED_FILE_FORMAT, type SavedScenario } from "./savedFile";

const entrySchema = z.object({
  name: z.string(),
  note: z.optional(z.string()),
  query: z.string(),
  savedAt: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
});
const fileSchema = z.object({ format: z.literal(SAVED_FILE_FORMAT), scenarios: z.array(entrySchema) });

/** The outcome of reading an import file: scenarios to add, and problems (the file's or an entry's) in words. */
export interface ImportResult {
  ok: boolean;
  scenarios: Omit<SavedScenario, "id">[];
  /** One message per problem; when `ok` is false the first says why nothing was imported. */
  messages: string[];
}

/**
 * Reads an export file's text. Untrusted: never throws. A file that is not JSON or not of this format imports
 * nothing, with a message; each entry's query goes through the share-link decoder, and an entry whose link
 * had values that could not be used is imported as the link would open, with a message naming it.
 */
export function readImportFile(text: string, now = new Date()): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, scenarios: [], messages: [`The file is too large (${text.length.toLocaleString("en-US")} characters; at most ${MAX_IMPORT_BYTES.toLocaleString("en-US")}).`] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, scenarios: [], messages: ["The file is not JSON: choose a file exported from Chokepoint's saved scenarios."] };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const format = typeof data === "object" && data !== null && "format" in data ? String((data as { format: unknown }).format).slice(0, 60) : null;
    return { ok: false, scenarios: [], messages: [format && format !== SAVED_FILE_FORMAT ? `The file's format is "${format}", not "${SAVED_FILE_FORMAT}".` : `The file is not a Chokepoint scenarios file (${SAVED_FILE_FORMAT}): ${parsed.error.issues[0]?.path.join(".") || "top level"} is missing or of the wrong type.`] };
  }
  const messages: string[] = [];
  const t = now.toISOString();
  const scenarios = parsed.data.scenarios.map((e) => {
    const decoded = decodeScenario(e.query.slice(0, 100_000));
    const name = cleanName(e.name);
    if (decoded.issues.length) messages.push(`“${name}”: ${decoded.issues.length} value${decoded.issues.length === 1 ? "" : "s"} of its link could not be used (${decoded.issues[0].reason}); imported as the link opens.`);
    const query = encodeScenario(decoded.state, decoded.baseline ? { baseline: decoded.baseline } : undefined);
    const valid = (s?: string) => (s && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : t);
    return { name, note: (e.note ?? "").slice(0, MAX_SAVED_NOTE), query, savedAt: valid(e.savedAt), updatedAt: valid(e.updatedAt) };
  });
  if (!scenarios.length) messages.push("The file holds no scenarios.");
  return { ok: scenarios.length > 0, scenarios, messages };
}
