import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { documentTypes } from "@jitsumei/domain";
import { z } from "zod";

/** The demo list: fictitious places, used outside production when JITSUMEI_COUNTERS_FILE is unset. */
const demoFile = fileURLToPath(new URL("./demo-counters.json", import.meta.url));

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) }).catchall(z.string().min(1));

export const counterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, "must be 1-60 lowercase letters, digits or hyphens"),
    kind: z.enum(["shop", "airport"]),
    name: text,
    address: text,
    hours: text,
    documents: z.array(z.enum(documentTypes)).min(1, "must name at least one document the counter reads"),
    mapUrl: z.string().url().optional(),
  })
  .strict();

export type Counter = z.infer<typeof counterSchema>;

/**
 * The shop and airport counters where a clerk reads the document's IC chip face to face, for the
 * applicants who cannot finish online: JITSUMEI_COUNTERS_FILE (a JSON array), or the shipped demo list
 * outside production (none in production). A file that does not parse stops start-up naming the entry,
 * the field and the reason.
 */
export function loadCounters(config: { countersFile: string | null; env: string }): Counter[] {
  const file = config.countersFile ?? (config.env === "production" ? null : demoFile);
  if (!file) return [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`JITSUMEI_COUNTERS_FILE ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = z.array(counterSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`JITSUMEI_COUNTERS_FILE ${file}: [${issue?.path.join(".")}] ${issue?.message}`);
  }
  return parsed.data;
}
