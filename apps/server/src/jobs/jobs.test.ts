import { describe, expect, it } from "vitest";
import { errorSummary } from "./jobs.ts";

describe("errorSummary", () => {
  it("keeps the code and the first line, and drops e-mail addresses an SMTP refusal repeats", () => {
    const error = Object.assign(
      new Error(
        "Can't send mail - all recipients were rejected: 550 5.1.1 <anna@example.com>: Recipient address rejected\nmore",
      ),
      {
        code: "EENVELOPE",
        responseCode: 550,
      },
    );
    const summary = errorSummary(error);
    expect(summary).toBe(
      "EENVELOPE 550 Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: Recipient address rejected",
    );
    expect(summary).not.toContain("anna@example.com");
  });
});
