import { describe, expect, it } from "vitest";
import { sqlStatus, sqlStatuses } from "./sql-status.ts";

type JobStatus = "pending" | "done" | "failed";

describe("sqlStatus", () => {
  it("writes a state as a quoted SQL literal, and several as an IN list's items", () => {
    expect(sqlStatus<JobStatus>("pending")).toBe("'pending'");
    expect(sqlStatuses<JobStatus>("done", "failed")).toBe("'done', 'failed'");
  });

  it("takes only a word of a state type: the type argument is required and checks the value", () => {
    // @ts-expect-error without a type argument the value is `never`
    expect(() => sqlStatus("pending")).not.toThrow();
    // @ts-expect-error not a JobStatus: a renamed state fails to compile
    expect(sqlStatus<JobStatus>("running")).toBe("'running'");
  });

  it("refuses anything but a lower-case word, so nothing else reaches SQL text this way", () => {
    expect(() => sqlStatus<string>("x' OR '1'='1")).toThrow(/not a status word/);
    expect(() => sqlStatus<string>("")).toThrow(/not a status word/);
    expect(() => sqlStatus<string>("Active")).toThrow(/not a status word/);
  });
});
