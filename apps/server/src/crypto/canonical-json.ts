import canonicalizeModule from "canonicalize";

type Serialize = (input: unknown) => string | undefined;

// The package is CommonJS with an ESM-style `export default` in its types; Node hands ESM importers
// module.exports (the function itself), while TypeScript expects it under `.default`. Accept either.
const serialize: Serialize =
  typeof canonicalizeModule === "function"
    ? (canonicalizeModule as Serialize)
    : (canonicalizeModule as unknown as { default: Serialize }).default;

/** RFC 8785 (JCS) canonical JSON: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new TypeError("value cannot be written as JSON");
  return text;
}
