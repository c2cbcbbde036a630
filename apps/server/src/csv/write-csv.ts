import { stringify } from "csv-stringify/sync";

/**
 * Every CSV the product writes (compliance records, police requests, retail batches) goes through
 * here. A cell that a spreadsheet would read as a formula (=, +, -, @, tab or carriage return first,
 * or their full-width forms) gets a leading apostrophe (OWASP's CSV injection advice), so an
 * applicant named "=HYPERLINK(…)" cannot run anything on a compliance officer's machine.
 */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { header: true, columns: [...columns], escape_formulas: true },
  );
}

export type CsvCell = string | number | boolean | null | undefined;
