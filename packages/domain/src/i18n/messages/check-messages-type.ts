import type { CheckStatus } from "../../checks/check.ts";
import type { Translations } from "../languages.ts";

/**
 * What the applicant reads about each check result, in every language. Keyed by check `code`, then
 * `status`. Messages say what happened and, on fail, what to do next. `{fields}`, `{documentType}`
 * and `{acceptedTypes}` hold identifiers (comma-separated) that explainCheck turns into words of the
 * reader's language; other params are shown as they are.
 */
export type CheckMessages = Readonly<Record<string, Partial<Record<CheckStatus, Translations>>>>;
