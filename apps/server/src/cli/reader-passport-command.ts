import { readFileSync } from "node:fs";
import { connectCard, PcscError } from "@jitsumei/pcsc";
import { mrzKeyFromLines, ReaderError, readPassport } from "@jitsumei/reader";
import { chipReport, loadTrustStoreOrUsage } from "./evidence-commands.ts";
import { dateOption, EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/** A card that stops answering, or a reader that loses it, is "no card answers" (exit 2), not a verdict. */
const NO_ANSWER: readonly ReaderError["code"][] = ["card_timeout", "transport_failed"];

/**
 * `jitsumei reader passport --mrz-file FILE --trust DIR [--reader NAME] [--at YYYY-MM-DD]`: reads the
 * ePassport on a PC/SC reader (BAC or PACE keyed from the MRZ, secure messaging, AA and CA where the chip
 * offers them), verifies it as `evidence chip` does and prints the same {valid, checks, fields}.
 * Exit 0 valid, 1 not valid (or the chip refused the read: wrong MRZ, a wrong MAC), 2 bad usage or no
 * reader or card answering.
 */
export async function readerPassportCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    "mrz-file": { type: "string" },
    trust: { type: "string" },
    reader: { type: "string" },
    at: { type: "string" },
  });
  if (!options["mrz-file"] || !options.trust) {
    throw new UsageError("reader passport needs --mrz-file FILE --trust DIR [--reader NAME] [--at YYYY-MM-DD]");
  }
  if (options.at !== undefined) dateOption("at", options.at);
  const mrz = mrzKeyOf(options["mrz-file"]);
  const trust = loadTrustStoreOrUsage(options.trust);

  let card: Awaited<ReturnType<typeof connectCard>>;
  try {
    card = await connectCard({ reader: options.reader });
  } catch (error) {
    if (!(error instanceof PcscError)) throw error;
    io.err(`jitsumei reader passport: ${error.code}: ${error.message}`);
    return EXIT.usage;
  }
  try {
    const read = await readPassport(card.transport, { mrz });
    const report = chipReport(read, trust, options.at);
    const authentication = [
      ...(read.activeAuthentication
        ? [{ code: "chip.active_authentication", status: read.activeAuthentication.passed ? "pass" : "fail" }]
        : []),
      ...(read.chipAuthentication
        ? [{ code: "chip.chip_authentication", status: read.chipAuthentication.passed ? "pass" : "fail" }]
        : []),
    ] as const;
    const checks = [...report.checks, ...authentication.map((c) => ({ ...c, params: {} }))];
    const valid = checks.every((c) => c.status !== "fail");
    io.out(
      JSON.stringify({
        ...report,
        valid,
        checks,
        reader: card.readerName,
        accessControl: read.accessControl,
        activeAuthentication: read.activeAuthentication,
        chipAuthentication: read.chipAuthentication,
      }),
    );
    return valid ? EXIT.ok : EXIT.no;
  } catch (error) {
    if (!(error instanceof ReaderError)) throw error;
    if (NO_ANSWER.includes(error.code)) {
      io.err(`jitsumei reader passport: ${error.code}: ${error.message} (reader "${card.readerName}")`);
      return EXIT.usage;
    }
    io.out(
      JSON.stringify({
        valid: false,
        checks: [],
        fields: {},
        reader: card.readerName,
        error: { code: error.code, message: error.message },
      }),
    );
    return EXIT.no;
  } finally {
    await card.close().catch(() => undefined);
  }
}

function mrzKeyOf(file: string) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--mrz-file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  try {
    return mrzKeyFromLines(lines);
  } catch (error) {
    throw new UsageError(`--mrz-file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
