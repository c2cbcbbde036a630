import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  checkApplicantOfAge,
  checkDocumentNotExpired,
  checkMrzValid,
  type MrzParseResult,
  parseMrz,
  todayInJapan,
} from "@jitsumei/domain";
import {
  crlRevocation,
  importMasterList,
  loadTrustStore,
  parseCrl,
  readCertificates,
  type TrustStore,
  verifyJpkiSignature,
  verifyPassiveAuthentication,
  verifyResidenceCardChip,
} from "@jitsumei/evidence";
import { dateOption, EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei evidence mrz|chip|jpki`: the evidence engine on files, for integrators and support.
 * JSON on stdout: {"valid", "checks", "fields"}; exit 0 valid, 1 not valid, 2 bad usage or unreadable input.
 */
export async function evidenceMrzCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, { at: { type: "string" }, "minimum-age": { type: "string" } });
  const today = dayOption(options.at);
  const minimumAge = options["minimum-age"] === undefined ? 18 : Number(options["minimum-age"]);
  if (!Number.isInteger(minimumAge) || minimumAge < 0 || minimumAge > 30) {
    throw new UsageError(`--minimum-age ${options["minimum-age"]}: a whole number from 0 to 30`);
  }
  const lines = (await io.stdin()).split(/\r?\n/).filter((l) => l.trim() !== "");
  const parsed = parseMrz(lines, today);
  if (!parsed.ok) {
    io.out(JSON.stringify({ valid: false, checks: [checkMrzValid(parsed)], fields: {}, error: parsed.error }));
    return EXIT.usage;
  }
  // The application's own checks on the day (--at, else today in Japan): an expired document or an
  // applicant under age is not valid, as run-automated-checks decides it.
  const checks = mrzChecks(parsed, today, minimumAge);
  const valid = checks.every((c) => c.status !== "fail");
  io.out(
    JSON.stringify({
      valid,
      checks,
      fields: { format: parsed.format, ...parsed.fields },
      findings: parsed.findings,
      at: today,
    }),
  );
  return valid ? EXIT.ok : EXIT.no;
}

function mrzChecks(parsed: MrzParseResult, today: string, minimumAge: number) {
  const fields = parsed.ok ? parsed.fields : null;
  return [
    checkMrzValid(parsed),
    checkDocumentNotExpired(fields?.expiryDate ?? null, today),
    checkApplicantOfAge(fields?.birthDate ?? null, today, minimumAge),
  ];
}

/** --at YYYY-MM-DD as a day, else today in Japan (the day the application's checks use). */
function dayOption(at: string | undefined): string {
  if (at !== undefined) return dateOption("at", at).toISOString().slice(0, 10);
  return todayInJapan();
}

export async function evidenceChipCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    sod: { type: "string" },
    trust: { type: "string" },
    at: { type: "string" },
    ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`dg${i + 1}`, { type: "string" as const }])),
  });
  const values = options as Record<string, string | undefined>;
  if (!values.sod || !values.dg1 || !values.trust)
    throw new UsageError("evidence chip needs --sod FILE --dg1 FILE --trust DIR");
  const dataGroups: Record<number, Buffer> = {};
  for (let n = 1; n <= 16; n++) {
    const file = values[`dg${n}`];
    if (file) dataGroups[n] = readInput(file);
  }
  const trust = loadTrustStoreOrUsage(values.trust);
  const report = chipReport({ sod: readInput(values.sod), dataGroups }, trust, values.at);
  io.out(JSON.stringify(report));
  return report.valid ? EXIT.ok : EXIT.no;
}

/**
 * Passive authentication of a chip's files and the MRZ's checks in DG1 on the day (--at, else today in
 * Japan): the `{valid, checks, fields}` that `evidence chip` and `reader passport` print.
 */
export function chipReport(
  read: { sod: Uint8Array; dataGroups: Record<number, Uint8Array> },
  trust: TrustStore,
  at: string | undefined,
) {
  const today = dayOption(at);
  const result = verifyPassiveAuthentication(read, trust, { at: at ? dateOption("at", at) : new Date() });
  const { face, ...fields } = result.fields;
  const mrz = fields.mrzLines ? parseMrz(fields.mrzLines, today) : null;
  const checks = mrz ? [...result.checks, ...mrzChecks(mrz, today, 18)] : result.checks;
  return {
    valid: checks.every((c) => c.status !== "fail"),
    checks,
    fields: {
      ...fields,
      mrz: mrz?.ok ? mrz.fields : undefined,
      face: face ? { format: face.format, bytes: face.bytes.length } : undefined,
    },
    trustStoreProblems: trust.problems,
  };
}

export async function evidenceJpkiCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    data: { type: "string" },
    signature: { type: "string" },
    cert: { type: "string" },
    trust: { type: "string" },
    crl: { type: "string", multiple: true },
    at: { type: "string" },
  });
  if (!options.data || !options.signature || !options.trust) {
    throw new UsageError("evidence jpki needs --data FILE --signature FILE --trust DIR [--cert FILE] [--crl FILE]");
  }
  const trust = loadTrustStoreOrUsage(options.trust);
  const extraCrls = (options.crl ?? []).map((file) => {
    try {
      return parseCrl(readInput(file));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--crl ${file}: not a readable CRL`);
    }
  });
  const result = await verifyJpkiSignature(
    {
      data: readInput(options.data),
      signature: readInput(options.signature),
      certificate: options.cert ? readInput(options.cert) : undefined,
    },
    {
      anchors: trust.anchors,
      revocation: crlRevocation([...trust.crls, ...extraCrls]),
      at: options.at ? dateOption("at", options.at) : new Date(),
    },
  );
  io.out(JSON.stringify({ valid: result.valid, checks: result.checks, fields: result.fields }));
  return result.valid ? EXIT.ok : EXIT.no;
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function loadTrustStoreOrUsage(dir: string): TrustStore {
  try {
    return loadTrustStore(dir);
  } catch (error) {
    throw new UsageError(`--trust ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Imports the CSCAs of an ICAO master list into a trust folder, once its signer chains to --anchor. */
export async function evidenceImportMasterListCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    file: { type: "string" },
    anchor: { type: "string" },
    out: { type: "string" },
    at: { type: "string" },
  });
  if (!options.file || !options.anchor || !options.out) {
    throw new UsageError(
      "evidence import-master-list needs --file MASTERLIST --anchor CERT --out DIR [--at YYYY-MM-DD]",
    );
  }
  const anchors = readCertificates(readInput(options.anchor));
  const at = options.at ? dateOption("at", options.at) : new Date();
  let imported: ReturnType<typeof importMasterList>;
  try {
    imported = importMasterList(readInput(options.file), anchors, at);
  } catch (error) {
    io.out(JSON.stringify({ valid: false, error: error instanceof Error ? error.message : String(error) }));
    return EXIT.no;
  }
  mkdirSync(options.out, { recursive: true });
  const written = imported.certificates.map((certificate) => {
    const file = join(
      options.out as string,
      `csca-${certificate.fingerprint256.replaceAll(":", "").slice(0, 16).toLowerCase()}.pem`,
    );
    writeFileSync(file, certificate.toString());
    return { file, subject: certificate.subject.replaceAll("\n", ", ") };
  });
  io.out(JSON.stringify({ valid: true, signer: imported.signer, certificates: written }));
  return EXIT.ok;
}

/** A residence card's chip (在留カード): the front image, the face and the check code, signed by the agency. */
export async function evidenceResidenceCardCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, {
    front: { type: "string" },
    face: { type: "string" },
    "check-code": { type: "string" },
    certificate: { type: "string" },
    trust: { type: "string" },
    at: { type: "string" },
  });
  if (!options.front || !options.face || !options["check-code"] || !options.certificate || !options.trust) {
    throw new UsageError(
      "evidence residence-card needs --front FILE --face FILE --check-code FILE --certificate FILE --trust DIR [--at YYYY-MM-DD]",
    );
  }
  const trust = loadTrustStoreOrUsage(options.trust);
  const result = verifyResidenceCardChip(
    {
      front: readInput(options.front),
      face: readInput(options.face),
      checkCode: readInput(options["check-code"]),
      certificate: readInput(options.certificate),
    },
    trust,
    { at: options.at ? dateOption("at", options.at) : new Date() },
  );
  io.out(JSON.stringify({ valid: result.valid, checks: result.checks, fields: result.fields }));
  return result.valid ? EXIT.ok : EXIT.no;
}
