import { existsSync } from "node:fs";
import { crlRevocation, type JpkiRevocation, loadTrustStore, type TrustStore } from "@jitsumei/evidence";
import type { Config } from "../config/config.ts";

/** What the evidence checks trust, loaded once at start from the configured folders. */
export type EvidenceTrust = { csca: TrustStore; jpki: TrustStore; jpkiRevocation: JpkiRevocation };

export function loadEvidenceTrust(config: Pick<Config, "trust">, warn: (message: string) => void): EvidenceTrust {
  const load = (dir: string, what: string): TrustStore => {
    if (!existsSync(dir)) {
      warn(`${what}: ${dir} does not exist, so nothing is trusted: every chip or signature will fail its trust check.`);
      return { anchors: [], crls: [], problems: [] };
    }
    const store = loadTrustStore(dir);
    for (const problem of store.problems) warn(`${what}: ${problem}`);
    return store;
  };
  const csca = load(config.trust.cscaDir, "country signing CAs (JITSUMEI_CSCA_DIR)");
  const jpki = load(config.trust.jpkiDir, "JPKI trust anchor (JITSUMEI_JPKI_TRUST_DIR)");
  return { csca, jpki, jpkiRevocation: crlRevocation(jpki.crls) };
}
