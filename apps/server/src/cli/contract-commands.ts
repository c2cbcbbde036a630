import { join } from "node:path";
import { writeSampleContract } from "@jitsumei/documents";
import { loadConfig } from "../config/config.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei contract sample --plan ID --language LANG --out FILE`: a sealed sample contract for a
 * fictitious applicant, so an operator can review the templates. Sealed with the development key in
 * the data folder (the one the server uses when no JITSUMEI_SIGNING_P12 is set).
 */
export async function contractSampleCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { plan: { type: "string" }, language: { type: "string" }, out: { type: "string" } });
  if (!o.plan || !o.language || !o.out) throw new UsageError("contract sample needs --plan, --language and --out");
  const config = loadConfig();
  try {
    const written = await writeSampleContract({
      plan: o.plan,
      language: o.language,
      out: o.out,
      signerDir: join(config.dataDir, "signing"),
    });
    io.out(JSON.stringify(written));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Error && /^unknown (plan|language)/.test(error.message)) throw new UsageError(error.message);
    throw error;
  }
}
