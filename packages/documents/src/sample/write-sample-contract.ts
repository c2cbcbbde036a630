import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Language, languages } from "@jitsumei/domain";
import { renderContract } from "../render/render-contract.ts";
import { createDevelopmentSigner } from "../signing/development-signer.ts";
import { signPdf } from "../signing/sign-pdf.ts";
import { sampleContractInput } from "./sample-data.ts";

export type SampleContractOptions = {
  plan: string;
  language: string;
  out: string;
  /** Where the development PKI lives (made on first use); a shared temporary folder by default. */
  signerDir?: string;
  date?: Date;
};

/**
 * `jitsumei contract sample --plan ID --language LANG --out FILE`: a contract for a fictitious applicant,
 * sealed with the development signer and time-stamped by the local TSA. Returns the file's size.
 */
export async function writeSampleContract(options: SampleContractOptions): Promise<{ out: string; bytes: number }> {
  if (!isLanguage(options.language)) {
    throw new Error(`unknown language "${options.language}"; known: ${languages.join(", ")}`);
  }
  const input = sampleContractInput(options.plan, options.language, options.date ?? new Date());
  const development = createDevelopmentSigner(options.signerDir ?? join(tmpdir(), "jitsumei-development-signer"));
  const signed = await signPdf(await renderContract(input), development.signer, {
    reason: "契約書の封印 / Contract seal",
    location: "Tokyo, JP",
    tsa: development.tsa,
    signingTime: input.date,
  });
  await writeFile(options.out, signed);
  return { out: options.out, bytes: signed.length };
}

function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}
