import type { FieldError } from "../errors.ts";

/**
 * What JSON can carry that no field of this API means, found before anything else reads the body,
 * with the field named: a number too large for a double (`1e999` parses as Infinity) and the keys
 * `__proto__`, `constructor` and `prototype`, which could reach an object's prototype in code that
 * copies a body with assignment. The parser keeps such keys as plain own properties (Fastify's
 * onProtoPoisoning "ignore"), so they are refused here, by name, instead of "not valid JSON".
 */
const reservedKeys = new Set(["__proto__", "constructor", "prototype"]);

export function unsafeBodyField(value: unknown, path = "", depth = 0): FieldError | null {
  // Deeper than any body this API takes: left to the idempotency hash's "nested too deeply".
  if (depth > 64) return null;
  if (typeof value === "number" && !Number.isFinite(value)) {
    return { field: path || "body", reason: "is a number too large to represent (at most about 1.8e308)" };
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unsafeBodyField(item, join(path, String(i)), depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const key of Object.keys(value)) {
      if (reservedKeys.has(key)) {
        return { field: join(path, key), reason: `is a reserved name ("${key}"), not a field of this API` };
      }
      const found = unsafeBodyField((value as Record<string, unknown>)[key], join(path, key), depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
