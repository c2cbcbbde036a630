import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database, Queryable } from "../db/database.ts";
import {
  hostnameProblem,
  iccidProblem,
  imsiProblem,
  type LineType,
  lineTypeOfMsisdn,
  matchingIdProblem,
  msisdnProblem,
} from "./identifiers.ts";
import {
  insertEsimProfiles,
  insertPhoneNumbers,
  insertSimCards,
  lockImports,
  selectStockedKeys,
} from "./inventory-repository.ts";

export const inventoryKinds = ["sim", "msisdn", "esim"] as const;
export type InventoryKind = (typeof inventoryKinds)[number];

/** A line of the file that cannot be imported, and why (line 1 is the header). */
export type RowError = { line: number; reason: string };
export type ImportProgress = { phase: "validating" | "importing"; rows: number; total: number | null };
export type ImportReport = {
  kind: InventoryKind;
  /** Data rows read (the header not counted). */
  rows: number;
  imported: number;
  /** Invalid rows left out (skipInvalid), or every row when the file had errors and nothing was imported. */
  skipped: number;
  errors: RowError[];
  /** True when the file was refused: nothing imported because of its errors. */
  rejected: boolean;
};

export type ImportOptions = {
  kind: InventoryKind;
  csv: string | NodeJS.ReadableStream;
  /** Import the valid rows of a file that has invalid ones (each still reported). */
  skipInvalid?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Who imports, for the audit trail ("cli", "staff:<id>"). */
  actor?: string;
};

type SimCardRow = { iccid: string; imsi: string };
type NumberRow = { msisdn: string; lineType: LineType };
type EsimRow = { iccid: string; smdpAddress: string; matchingId: string; confirmationCodeRequired: boolean };
type Parsed = { line: number; row: SimCardRow | NumberRow | EsimRow };

const columns: Record<InventoryKind, { required: readonly string[]; optional: readonly string[] }> = {
  sim: { required: ["iccid", "imsi"], optional: [] },
  msisdn: { required: ["msisdn"], optional: ["lineType"] },
  // The ICCID is required of eSIM profiles too: lines are provisioned on the network by ICCID.
  esim: { required: ["smdpAddress", "matchingId", "iccid"], optional: ["confirmationCodeRequired"] },
};

const PROGRESS_EVERY = 1000;
const BATCH = 1000;
// Any fixed number: one import at a time, so the duplicate check against the database stays true
// until the rows are in.
const IMPORT_LOCK = 7_140_311;

/**
 * Adds stock from a CSV file (header row first). Every row is validated (format, check digits,
 * prefixes, host names, duplicates within the file and against the database) and every bad row is
 * reported with its line number. A file with any error imports nothing unless `skipInvalid`; the
 * rows go in within one transaction (in batches), so a failure leaves nothing half-imported.
 */
export async function importInventory(db: Database, options: ImportOptions): Promise<ImportReport> {
  const { kind, onProgress } = options;
  const parsed = await readRows(options);
  const report: ImportReport = {
    kind,
    rows: parsed.rows,
    imported: 0,
    skipped: 0,
    errors: parsed.errors,
    rejected: false,
  };
  if (parsed.fatal) return { ...report, skipped: parsed.rows, rejected: true };

  return db.transaction(async (tx) => {
    await lockImports(tx, IMPORT_LOCK);
    const taken = await alreadyStocked(tx, kind, parsed.valid);
    const errors = [...parsed.errors, ...taken].sort((a, b) => a.line - b.line);
    const takenLines = new Set(taken.map((e) => e.line));
    const toImport = parsed.valid.filter((p) => !takenLines.has(p.line));
    if (errors.length > 0 && !options.skipInvalid) return { ...report, errors, skipped: parsed.rows, rejected: true };

    let imported = 0;
    for (let i = 0; i < toImport.length; i += BATCH) {
      const batch = toImport.slice(i, i + BATCH).map((p) => p.row);
      const inserted = await insertBatch(tx, kind, batch);
      // The lock keeps other imports out, but not the seed or a hand-written INSERT.
      if (inserted !== batch.length) throw new Error("the inventory changed during the import: nothing was imported");
      imported += inserted;
      onProgress?.({ phase: "importing", rows: imported, total: toImport.length });
    }
    await appendAuditEntry(tx, {
      actor: options.actor ?? "system",
      action: "inventory.imported",
      subject: kind,
      data: { kind, rows: parsed.rows, imported, skipped: parsed.rows - imported },
    });
    return { ...report, errors, imported, skipped: parsed.rows - imported };
  });
}

/** Reads and validates the file without touching the database. `fatal`: no row can be trusted. */
async function readRows(options: ImportOptions) {
  const { kind, onProgress } = options;
  const errors: RowError[] = [];
  const valid: Parsed[] = [];
  const seen = new Map<string, number>();
  let header: string[] | null = null;
  let rows = 0;
  const source = typeof options.csv === "string" ? Readable.from([options.csv]) : options.csv;
  const parser = source.pipe(
    parse({ bom: true, info: true, trim: true, skip_empty_lines: true, relax_column_count: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        const problem = headerProblem(kind, record);
        if (problem) return { rows: 0, valid, errors: [{ line: info.lines, reason: problem }], fatal: true };
        header = record.map(canonicalColumn(kind));
        continue;
      }
      rows++;
      const problems: string[] = [];
      if (record.length !== header.length) {
        problems.push(`has ${record.length} fields, the header ${header.length}`);
      } else {
        const fields = Object.fromEntries(header.map((name, i) => [name, record[i] ?? ""]));
        const row = validateRow(kind, fields, problems);
        if (row) {
          for (const key of uniqueKeys(kind, row)) {
            const first = seen.get(key);
            if (first !== undefined) problems.push(`${key.replace(":", " ")} repeats line ${first}`);
            else seen.set(key, info.lines);
          }
          if (problems.length === 0) valid.push({ line: info.lines, row });
        }
      }
      if (problems.length > 0) errors.push({ line: info.lines, reason: problems.join("; ") });
      if (rows % PROGRESS_EVERY === 0) onProgress?.({ phase: "validating", rows, total: null });
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    const message = (error as Error).message;
    return { rows, valid, errors: [...errors, { line, reason: `not readable as CSV: ${message}` }], fatal: true };
  }
  if (!header)
    return { rows: 0, valid, errors: [{ line: 1, reason: "the file is empty: no header row" }], fatal: true };
  if (rows > 0 && rows % PROGRESS_EVERY !== 0) onProgress?.({ phase: "validating", rows, total: rows });
  return { rows, valid, errors, fatal: false };
}

function canonicalColumn(kind: InventoryKind) {
  const { required, optional } = columns[kind];
  const all = [...required, ...optional];
  return (name: string) => all.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name;
}

function headerProblem(kind: InventoryKind, header: string[]): string | null {
  const { required, optional } = columns[kind];
  const names = header.map(canonicalColumn(kind));
  const expected = `${required.join(",")}${optional.length ? ` (optionally ${optional.join(", ")})` : ""}`;
  const unknown = names.filter((n) => !required.includes(n) && !optional.includes(n));
  if (unknown.length > 0) return `header: unknown column ${unknown.join(", ")}; a ${kind} file has ${expected}`;
  const missing = required.filter((n) => !names.includes(n));
  if (missing.length > 0) return `header: missing column ${missing.join(", ")}; a ${kind} file has ${expected}`;
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0) return `header: column ${repeated.join(", ")} appears twice`;
  return null;
}

function validateRow(
  kind: InventoryKind,
  f: Record<string, string>,
  problems: string[],
): SimCardRow | NumberRow | EsimRow | null {
  const check = (field: string, value: string, problem: (v: string) => string | null) => {
    const p = problem(value);
    if (p) problems.push(`${field} ${JSON.stringify(value)}: ${p}`);
  };
  switch (kind) {
    case "sim": {
      const iccid = f.iccid ?? "";
      const imsi = f.imsi ?? "";
      check("iccid", iccid, iccidProblem);
      check("imsi", imsi, imsiProblem);
      return problems.length ? null : { iccid, imsi };
    }
    case "msisdn": {
      const msisdn = f.msisdn ?? "";
      check("msisdn", msisdn, msisdnProblem);
      const byPrefix = lineTypeOfMsisdn(msisdn);
      const declared = (f.lineType ?? "").toLowerCase();
      if (declared !== "" && declared !== "voice" && declared !== "data") {
        problems.push(`lineType ${JSON.stringify(f.lineType)}: must be voice or data`);
      } else if (declared !== "" && byPrefix && declared !== byPrefix) {
        problems.push(`lineType ${declared}: ${msisdn.slice(0, 3)} numbers are for ${byPrefix} lines`);
      }
      return problems.length || !byPrefix ? null : { msisdn, lineType: byPrefix };
    }
    case "esim": {
      const smdpAddress = (f.smdpAddress ?? "").toLowerCase();
      const matchingId = f.matchingId ?? "";
      const iccid = f.iccid ?? "";
      check("smdpAddress", smdpAddress, hostnameProblem);
      check("matchingId", matchingId, matchingIdProblem);
      check("iccid", iccid, iccidProblem);
      const flag = (f.confirmationCodeRequired ?? "").toLowerCase();
      const confirmationCodeRequired = ["true", "1", "yes"].includes(flag);
      if (!confirmationCodeRequired && !["", "false", "0", "no"].includes(flag)) {
        problems.push(`confirmationCodeRequired ${JSON.stringify(f.confirmationCodeRequired)}: must be true or false`);
      }
      return problems.length ? null : { iccid, smdpAddress, matchingId, confirmationCodeRequired };
    }
  }
}

/** What must be unique within a file and across the stock, as "name:value". */
function uniqueKeys(kind: InventoryKind, row: SimCardRow | NumberRow | EsimRow): string[] {
  switch (kind) {
    case "sim": {
      const r = row as SimCardRow;
      return [`iccid:${r.iccid}`, `imsi:${r.imsi}`];
    }
    case "msisdn":
      return [`msisdn:${(row as NumberRow).msisdn}`];
    case "esim": {
      const r = row as EsimRow;
      return [`iccid:${r.iccid}`, `profile:${r.smdpAddress} ${r.matchingId}`];
    }
  }
}

/** Rows whose ICCID, IMSI, number or profile the stock already holds (an ICCID is one card or profile). */
async function alreadyStocked(tx: Queryable, kind: InventoryKind, valid: readonly Parsed[]): Promise<RowError[]> {
  const errors: RowError[] = [];
  for (let i = 0; i < valid.length; i += BATCH) {
    const batch = valid.slice(i, i + BATCH);
    const keys = batch.flatMap((p) => uniqueKeys(kind, p.row));
    const values = (name: string) => keys.filter((k) => k.startsWith(`${name}:`)).map((k) => k.slice(name.length + 1));
    const stocked = await selectStockedKeys(tx, {
      iccid: values("iccid"),
      imsi: values("imsi"),
      msisdn: values("msisdn"),
      profile: values("profile"),
    });
    const existing = new Set(stocked);
    for (const p of batch) {
      const clashes = uniqueKeys(kind, p.row).filter((k) => existing.has(k));
      if (clashes.length > 0) {
        errors.push({
          line: p.line,
          reason: clashes.map((k) => `${k.replace(":", " ")} is already in stock`).join("; "),
        });
      }
    }
  }
  return errors;
}

async function insertBatch(tx: Queryable, kind: InventoryKind, batch: readonly Parsed["row"][]): Promise<number> {
  switch (kind) {
    case "sim": {
      return insertSimCards(tx, batch as SimCardRow[]);
    }
    case "msisdn": {
      return insertPhoneNumbers(tx, batch as NumberRow[]);
    }
    case "esim": {
      return insertEsimProfiles(tx, batch as EsimRow[]);
    }
  }
}
