import { containsIndividualNumber } from "@jitsumei/domain";

/**
 * The first field of a request (body or query, keys included) that holds an Individual Number, as
 * the validation errors name fields ("name.kanji", "lines.0"), or null. Checked for every route
 * before anything is stored, logged or keyed for idempotency: a My Number typed into a name, an
 * address, a note or a police reference never gets in. Long base64 blobs (chip files, images), hex
 * digests and UUIDs are bytes, not text anyone typed, and are skipped: their digits are noise.
 */
export function fieldHoldingIndividualNumber(
  value: unknown,
  path = "",
  depth = 0,
  issued: readonly string[] = [],
): string | null {
  // Deeper than any body this API takes: left to the parser's own "nested too deeply" answer.
  if (depth > 64) return null;
  // A number another party issued (a payment number), named by the route: not a person's.
  if (path !== "" && issued.includes(path)) return null;
  if (typeof value === "string") {
    if (value.length > 4096 && /^[A-Za-z0-9+/=_-]+$/.test(value)) return null;
    if (machineMade.test(value)) return null;
    return containsIndividualNumber(value) ? path || "body" : null;
  }
  if (typeof value === "number") {
    return containsIndividualNumber(String(value)) ? path || "body" : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = fieldHoldingIndividualNumber(item, join(path, String(i)), depth + 1, issued);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      // A key that holds one is reported as its object: the answer must not echo the number.
      if (containsIndividualNumber(key)) return path || "body";
      const found = fieldHoldingIndividualNumber(item, join(path, key), depth + 1, issued);
      if (found) return found;
    }
  }
  return null;
}

/**
 * A digest in hex (SHA-256 of a document the applicant saw) or a UUID: made by a machine, never typed.
 * About one SHA-256 in fifty holds twelve decimal digits between two letters whose check digit holds
 * (a signature of the contract was refused for it), and one UUID in three thousand ends with such a
 * group.
 */
const machineMade = /^(?:[0-9a-f]{32,128}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export const individualNumberReason =
  "must not be your Individual Number (My Number), nor contain one: the law forbids recording it";
