import { describe, expect, it } from "vitest";
import { statusLiterals, statusLiteralsIn, statusWords } from "./sql-status-literals.ts";

// Issue #23: status values in the server's SQL come from the domain's state types. A bare 'active' in a
// statement fails here, naming its file and line; `${sqlStatus<LineState>("active")}` or a typed
// parameter passes.
describe("status literals in the server's SQL", () => {
  const words = statusWords();

  it("knows the lifecycles' words: the domain's state lists and the migrations' status CHECKs", () => {
    // from the domain (applicationStates, lineStates, the new stock lists) …
    for (const w of ["in_review", "police_suspended", "quarantined", "credited", "redeemed"])
      expect(words).toContain(w);
    // … and from CHECKs only (the job queue, the outboxes, webhook deliveries, the simulators)
    for (const w of ["kept_locally", "in_progress", "allocated", "rolled_back"]) expect(words).toContain(w);
    expect(words).not.toContain("deposit"); // a payment's kind, not a status
  });

  it("finds a bare status in a string, a template and a template's text between substitutions", () => {
    const source = [
      "const a = \"SELECT 1 FROM jobs WHERE status = 'pending'\";",
      "const b = `UPDATE sims SET status = 'released'",
      "  WHERE id = $1 AND kind = 'deposit'`;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template's source text, on purpose
      "const c = `SELECT 1 FROM applications WHERE state = ${x} OR state IN ('draft', 'expired')`;",
      "const d = \"not SQL: 'pending'\";",
    ].join("\n");
    expect(statusLiteralsIn("x-repository.ts", source, words)).toEqual([
      { file: "x-repository.ts", line: 1, value: "pending" },
      { file: "x-repository.ts", line: 2, value: "released" },
      { file: "x-repository.ts", line: 4, value: "draft" },
      { file: "x-repository.ts", line: 4, value: "expired" },
    ]);
  });

  it("passes a status written through sqlStatus or passed as a parameter", () => {
    const source = [
      'const DONE = sqlStatus<JobStatus>("done");',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template's source text, on purpose
      "const a = `UPDATE jobs SET status = ${DONE} WHERE id = $1 AND status = $2`;",
    ].join("\n");
    expect(statusLiteralsIn("x-repository.ts", source, words)).toEqual([]);
  });

  it("finds none in apps/server/src", () => {
    const found = statusLiterals().map((f) => `${f.file}:${f.line}: '${f.value}'`);
    expect(found).toEqual([]);
  });
});
