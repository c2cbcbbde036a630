/**
 * Documents: a contract rendered for an applicant (Japanese beside their language) and sealed with
 * the operator's PAdES signature and a local RFC 3161 time-stamp, per second, and the PDF's size.
 * Rendering alone and sealing alone are measured beside it, to show where the time goes.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevelopmentSigner, renderContract, sampleContractInput, signPdf } from "@jitsumei/documents";
import { rate, round, table } from "./util.ts";

export async function benchDocuments(quick: boolean) {
  const ms = quick ? 4000 : 20000;
  const development = createDevelopmentSigner(mkdtempSync(join(tmpdir(), "jitsumei-bench-signer-")));
  const input = sampleContractInput("postpaid-voice", "vi", new Date());
  const seal = (pdf: Buffer) =>
    signPdf(pdf, development.signer, { reason: "benchmark", location: "Tokyo", tsa: development.tsa });
  const unsigned = await renderContract(input);
  const signed = await seal(unsigned);

  const renderPerSecond = await rate(ms, () => renderContract(input));
  const sealPerSecond = await rate(ms, () => seal(unsigned));
  const bothPerSecond = await rate(ms, async () => seal(await renderContract(input)));

  const result = {
    contractsPerSecond: round(bothPerSecond),
    renderPerSecond: round(renderPerSecond),
    sealPerSecond: round(sealPerSecond),
    bytes: { unsigned: unsigned.length, signed: signed.length },
    language: "ja + vi",
  };
  process.stdout.write(
    `Documents (a contract, ja + vi, rendered and sealed with PAdES B-T)\n${table([
      ["step", "per second", ""],
      ["render + seal", result.contractsPerSecond, ""],
      ["render only", result.renderPerSecond, ""],
      ["seal only (RSA-3072 + time-stamp)", result.sealPerSecond, ""],
      ["size", `${unsigned.length} B unsigned`, `${signed.length} B signed`],
    ])}\n`,
  );
  return result;
}
