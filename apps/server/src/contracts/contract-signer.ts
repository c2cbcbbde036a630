import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createDevelopmentSigner,
  type PdfSigner,
  readPkcs12,
  requestTimeStamp,
  type TimeStampAuthority,
  TimeStampError,
} from "@jitsumei/documents";
import type { Config } from "../config/config.ts";
import { AppError } from "../errors.ts";

/**
 * The operator's seal for contracts and receipts: a PKCS#12 file from the configuration, or outside
 * production a development key made at first start in the data folder. Time-stamps come from an
 * RFC 3161 TSA over HTTP when JITSUMEI_TSA_URL is set, otherwise from the local development TSA.
 */
export type ContractSealer = { signer: PdfSigner; tsa: TimeStampAuthority; kind: "configured" | "development" };

/**
 * The sealer, checked at start when configured; the development key is made lazily at first use
 * (three RSA keys take seconds: no reason to make them for a server that never signs).
 */
export function contractSealer(config: Config, warn: (message: string) => void): () => ContractSealer {
  if (config.signing.p12File || config.env === "production") {
    const sealer = loadContractSealer(config, warn);
    return () => sealer;
  }
  let made: ContractSealer | null = null;
  return () => {
    made ??= loadContractSealer(config, warn);
    return made;
  };
}

export function loadContractSealer(config: Config, warn: (message: string) => void): ContractSealer {
  const tsaFromUrl = config.signing.tsaUrl ? httpTimeStampAuthority(config.signing.tsaUrl) : null;
  if (config.signing.p12File) {
    const signer = { p12: readFileSync(config.signing.p12File), passphrase: config.signing.passphrase ?? "" };
    readPkcs12(signer.p12, signer.passphrase); // a wrong file or passphrase stops start-up here
    if (!tsaFromUrl)
      throw new Error("JITSUMEI_TSA_URL is required with JITSUMEI_SIGNING_P12 (an RFC 3161 time-stamp authority)");
    return { signer, tsa: tsaFromUrl, kind: "configured" };
  }
  if (config.env === "production") {
    throw new Error("JITSUMEI_SIGNING_P12 is required when NODE_ENV=production (the operator's sealing key)");
  }
  const dir = join(config.dataDir, "signing");
  const development = createDevelopmentSigner(dir);
  warn(`contracts are sealed with a development key in ${dir}: set JITSUMEI_SIGNING_P12 for production`);
  return { signer: development.signer, tsa: tsaFromUrl ?? development.tsa, kind: "development" };
}

/** An RFC 3161 TSA reached over HTTP (application/timestamp-query → application/timestamp-reply). */
export function httpTimeStampAuthority(url: string): TimeStampAuthority {
  return {
    async timestamp(digest, algorithm) {
      if (algorithm !== "sha256") throw new TimeStampError("only SHA-256 digests are stamped");
      try {
        return await requestTimeStamp(digest, async (request) => {
          const response = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/timestamp-query" },
            body: new Uint8Array(request),
            signal: AbortSignal.timeout(10_000),
          });
          if (!response.ok) throw new TimeStampError(`the time-stamp authority answered ${response.status}`);
          return Buffer.from(await response.arrayBuffer());
        });
      } catch (error) {
        // Unreachable, slow or answering nonsense: nothing was signed or stored (the signing
        // transaction rolls back), so the applicant is told to try again rather than shown a 500.
        const unavailable = new AppError(
          "timestamp_unavailable",
          "The time-stamp authority cannot be reached: try again shortly",
        );
        unavailable.cause = error; // for the log, never for the answer
        throw unavailable;
      }
    },
  };
}
