import type { X509Certificate } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readCertificates } from "../x509/chain.ts";
import { type Crl, parseCrl } from "../x509/crl.ts";

/** Trusted country signing CAs (CSCA) or other anchors, with the CRLs that come with them. */
export type TrustStore = { anchors: X509Certificate[]; crls: Crl[]; problems: string[] };

const MAX_FILE_BYTES = 1 << 20;

/**
 * Loads every certificate (.pem .crt .cer .der) and CRL (.crl) in a folder. A file that cannot be
 * read is reported in `problems`, not fatal: one bad file must not take down a whole store.
 */
export function loadTrustStore(dir: string): TrustStore {
  const store: TrustStore = { anchors: [], crls: [], problems: [] };
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    if (statSync(file).size > MAX_FILE_BYTES) {
      store.problems.push(`${name}: larger than 1 MiB, skipped`);
      continue;
    }
    try {
      if (/\.crl$/i.test(name)) store.crls.push(parseCrl(readFileSync(file)));
      else if (/\.(pem|crt|cer|der)$/i.test(name)) store.anchors.push(...readCertificates(readFileSync(file)));
    } catch (error) {
      store.problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return store;
}
