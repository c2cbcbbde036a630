import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { writeCsv } from "./write-csv.ts";

describe("writeCsv", () => {
  it("neutralises every cell a spreadsheet would run as a formula, half- and full-width", () => {
    const hostile = ["=1+1", "+81 90", "-2", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠A1"];
    const csv = writeCsv(
      ["name"],
      hostile.map((h) => [h]),
    );
    const cells = (parse(csv, { columns: true }) as { name: string }[]).map((r) => r.name);
    expect(cells).toEqual(hostile.map((h) => `'${h}`));
  });

  it("keeps ordinary text, Japanese, Vietnamese and commas, quotes and line breaks intact", () => {
    const values = ["山田 太郎", "Nguyễn Văn An", 'a "quoted", b', "line\nbreak", "2026-12-04", "JT-ABC"];
    const csv = writeCsv(
      ["value"],
      values.map((v) => [v]),
    );
    expect((parse(csv, { columns: true }) as { value: string }[]).map((r) => r.value)).toEqual(values);
  });
});
