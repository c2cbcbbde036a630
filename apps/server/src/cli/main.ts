import { ConfigError } from "../config/config.ts";
import { EmbeddedDatabaseBusyError } from "../db/pglite.ts";
import { PolicyLoadError } from "../policy/load-policies.ts";
import { EXIT, type Io, UsageError } from "./io.ts";

/** `jitsumei <command>`. Exit codes: io.ts. */

const usage = `Usage: jitsumei <command> [options]

Commands:
  serve [--demo]     Start the HTTP server (migrates first; --demo seeds plans and SIMs)
  migrate            Apply database migrations
  seed               Add the demo plans and SIM inventory
  audit verify       Recompute the audit hash chain; names the first broken entry (exit 1)
  evidence mrz       Check MRZ lines given on stdin (one per line), with the document's expiry and the
                     holder's age on the day: [--at YYYY-MM-DD] [--minimum-age N (18)]
  evidence chip      Passive authentication of chip data:
                       --sod FILE --dg1 FILE [--dg2 FILE …] --trust DIR [--at YYYY-MM-DD]
  evidence residence-card
                     Verify a residence card's chip: --front FILE --face FILE --check-code FILE
                       --certificate FILE --trust DIR [--at YYYY-MM-DD]
  evidence jpki      Verify a JPKI signature:
                       --data FILE --signature FILE --trust DIR [--cert FILE] [--crl FILE] [--at YYYY-MM-DD]
  evidence import-master-list
                     Add the CSCAs of an ICAO master list to a trust folder, once its signer
                     chains to the anchor: --file MASTERLIST --anchor CERT --out DIR [--at YYYY-MM-DD]
  policy list        The verification policies loaded (statutory and house), as JSON
  policy explain     What applies on a day, and why: --at YYYY-MM-DD --service voice|data|sms-data
                       --channel online|shop|post --applicant resident|visitor|minor|corporation
  records export     Verification records (本人確認記録) for compliance, decrypted:
                       --format json|csv [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  records contract-ended --reference REF [--at YYYY-MM-DD]
                     The contract ended: the record's retention period starts
  records hold|release --reference REF --reason TEXT
                     Set or lift a legal hold (a held record is never purged)
  purge [--dry-run] [--at YYYY-MM-DD]
                     Destroy records whose retention is over (crypto-shredding), audited
  blocklist add      --kind document|identity|email|phone --reason TEXT --by NAME and the value:
                       --document-type T --document-number N --country C | --family F --given G
                       --birth-date D | --email E | --phone P  (kept only as a blind index)
  blocklist list     Entries with who added them, why and when (never the values)
  blocklist remove   --id ID --by NAME --reason TEXT
  staff create       --role clerk|agent|reviewer|senior_reviewer|compliance|admin --email E [--name N]
                       [--password-stdin]  Prints a one-time password (unless given on stdin) and
                       the TOTP URI for an authenticator app, once
  inventory import   --kind sim|msisdn|esim FILE [--skip-invalid]
                     CSV with a header (iccid,imsi / msisdn[,lineType] / iccid,smdpAddress,matchingId);
                     every bad line is reported and nothing is imported unless --skip-invalid
  packages create    --plan ID --channel airport|konbini|shop --count N --out FILE.csv
                     A batch of retail packages (each bound to a SIM card or eSIM profile from
                     stock) with registration codes and links; progress on stderr
  packages labels    --batch ID --out FILE.pdf
                     The batch's printable label sheet: QR code, code, plan name in ja/en/zh
  vouchers create    --plan ID --count N --out FILE.csv
                     Prepaid top-up vouchers; the codes exist only in FILE
  contract sample    --plan ID --language ja|en|zh-Hans|zh-Hant|ko|vi --out FILE
                     A sealed sample contract for a fictitious applicant (to review the templates)
  credit assess      --at YYYY-MM-DD [--lang en|ja]  The credit policy in force that day applied to JSON
                     on stdin: {"paymentMethod":"card|bank|none","unpaidRecords":n,"remainingStayDays":n|null,
                     "minimumTermDays":n,"age":n,"linesHeld":n[,"ownUnpaidRecords":n]}; exit 2 on bad input
  keys rotate [--batch N]
                     Re-wrap every data key under JITSUMEI_MASTER_KEY (the old key given in
                     JITSUMEI_PREVIOUS_MASTER_KEYS), servers running; JSON counts per table
  applications expire
                     Expire applications nobody completed in time (the server does it every 10 min)
  police report      Police requests (契約者確認の求め) and their outcomes:
                       --format json|csv [--from YYYY-MM-DD] [--to YYYY-MM-DD] (by the day received)
  police sweep       Suspend lines not verified again by their request's deadline (the server: every 10 min)
  lines sweep [--at YYYY-MM-DD]
                     Prepaid keep-alive (保号): expiry reminders, receive-only, suspension and
                     termination by each plan's rules, as of the day (the server queues it every 10 min)
  reader passport    Read and verify the ePassport on a PC/SC reader (BAC or PACE from the MRZ):
                       --mrz-file FILE --trust DIR [--reader NAME] [--at YYYY-MM-DD]; prints what
                       evidence chip prints; exit 2 when no reader or card answers
  counter-reader     The counter PC's chip reader for the console, on loopback only:
                       --origin CONSOLE_ORIGIN [--reader NAME], on 127.0.0.1:47900; each line
                       typed is the pairing code the console shows
  reader-conformance --url URL [--chip DIR] [--handoff-url URL] [--plan ID] [--expect-pass]
                     The chip reader contract's conformance test against a running server
                     (docs/reader-contract.md): a fake reader exchanges a hand-off token and posts
                     the chip in DIR (sod.bin, dg1.bin, dg2.bin …; a test chip made here if none);
                     JSON report, exit 1 if any step fails

Options:
  -h, --help         Show this help

Configuration comes from the environment (see docs/operating.md): PORT, DATABASE_URL, JITSUMEI_DATA_DIR,
JITSUMEI_MASTER_KEY, JITSUMEI_PREVIOUS_MASTER_KEYS, SMTP_URL, NODE_ENV. Output meant for programs is JSON on stdout.
`;

type Command = (args: string[], io: Io) => Promise<number>;

// Each command loads its own modules when run: `jitsumei --help` or `evidence mrz` need not load the
// HTTP server, the PDF and image libraries and every adapter (that took ~2 s of CPU per run).
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import("./serve.ts")).serveCommand,
  migrate: async () => (await import("./database-commands.ts")).migrateCommand,
  seed: async () => (await import("./database-commands.ts")).seedCommand,
  "audit verify": async () => (await import("./audit-verify.ts")).auditVerifyCommand,
  "evidence mrz": async () => (await import("./evidence-commands.ts")).evidenceMrzCommand,
  "evidence chip": async () => (await import("./evidence-commands.ts")).evidenceChipCommand,
  "evidence residence-card": async () => (await import("./evidence-commands.ts")).evidenceResidenceCardCommand,
  "evidence jpki": async () => (await import("./evidence-commands.ts")).evidenceJpkiCommand,
  "evidence import-master-list": async () => (await import("./evidence-commands.ts")).evidenceImportMasterListCommand,
  "policy list": async () => (await import("./policy-commands.ts")).policyListCommand,
  "policy explain": async () => (await import("./policy-commands.ts")).policyExplainCommand,
  "records export": async () => (await import("./records-commands.ts")).recordsExportCommand,
  "records contract-ended": async () => (await import("./retention-commands.ts")).contractEndedCommand,
  "records hold": async () => (await import("./retention-commands.ts")).legalHoldCommand(true),
  "records release": async () => (await import("./retention-commands.ts")).legalHoldCommand(false),
  purge: async () => (await import("./retention-commands.ts")).purgeCommand,
  "blocklist add": async () => (await import("./blocklist-commands.ts")).blocklistAddCommand,
  "blocklist list": async () => (await import("./blocklist-commands.ts")).blocklistListCommand,
  "blocklist remove": async () => (await import("./blocklist-commands.ts")).blocklistRemoveCommand,
  "staff create": async () => (await import("./staff-commands.ts")).staffCreateCommand,
  "applications expire": async () => (await import("./staff-commands.ts")).applicationsExpireCommand,
  "police report": async () => (await import("./police-commands.ts")).policeReportCommand,
  "police sweep": async () => (await import("./police-commands.ts")).policeSweepCommand,
  "contract sample": async () => (await import("./contract-commands.ts")).contractSampleCommand,
  "inventory import": async () => (await import("./inventory-commands.ts")).inventoryImportCommand,
  "credit assess": async () => (await import("./credit-commands.ts")).creditAssessCommand,
  "packages create": async () => (await import("./retail-commands.ts")).packagesCreateCommand,
  "packages labels": async () => (await import("./retail-commands.ts")).packagesLabelsCommand,
  "vouchers create": async () => (await import("./retail-commands.ts")).vouchersCreateCommand,
  "lines sweep": async () => (await import("./lines-commands.ts")).linesSweepCommand,
  "keys rotate": async () => (await import("./keys-commands.ts")).keysRotateCommand,
  "counter-reader": async () => (await import("./counter-reader-command.ts")).counterReaderCommand,
  "reader passport": async () => (await import("./reader-passport-command.ts")).readerPassportCommand,
  "reader-conformance": async () => (await import("./reader-commands.ts")).readerConformanceCommand,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (!first || first === "-h" || first === "--help" || first === "help") {
    io.out(usage);
    return first ? EXIT.ok : EXIT.usage;
  }
  const twoWord = second !== undefined ? commands[`${first} ${second}`] : undefined;
  const load = twoWord ?? commands[first];
  const args = twoWord ? rest : argv.slice(1);
  if (!load) {
    io.err(`jitsumei: unknown command "${[first, second].filter(Boolean).join(" ")}"\n\n${usage}`);
    return EXIT.usage;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.out(usage);
    return EXIT.ok;
  }
  try {
    const command = await load();
    return await command(args, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`jitsumei: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof PolicyLoadError) {
      io.err(`jitsumei: policy ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof EmbeddedDatabaseBusyError) {
      io.err(`jitsumei: ${error.message}\n`);
      return EXIT.no;
    }
    if (error instanceof UsageError) {
      io.err(`jitsumei: ${error.message}\n\n${usage}`);
      return EXIT.usage;
    }
    io.err(`jitsumei: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.no;
  }
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};
