import type { Language } from "./languages.ts";

/**
 * A list of alternatives in the page's language: "A, B or C", 「A、B、またはC」, "A, B hoặc C". Where
 * any one of the items will do (a document to bring), "and" would say all of them are needed.
 */
export function anyOf(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: "disjunction" }).format(items);
}

/** A list of items that all hold: "A, B and C" (what a plan does not accept, every one of them). */
export function allOf(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: "conjunction" }).format(items);
}
