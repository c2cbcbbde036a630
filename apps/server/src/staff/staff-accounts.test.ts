import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import {
  hashPassword,
  PASSWORD_WORK_CONCURRENCY,
  PASSWORD_WORK_QUEUE,
  passwordMatches,
  usePasswordHashCost,
} from "./staff-accounts.ts";

describe("password hashing under a burst", () => {
  it("runs a bounded number at once, queues a bounded number, and refuses the rest with a retryable 503", async () => {
    usePasswordHashCost({ memoryKib: 19456, passes: 2 });
    const hash = await hashPassword("a-long-enough-password");
    const burst = PASSWORD_WORK_CONCURRENCY + PASSWORD_WORK_QUEUE + 8;
    const outcomes = await Promise.allSettled(
      Array.from({ length: burst }, (_, i) => passwordMatches(hash, i === 0 ? "a-long-enough-password" : "wrong")),
    );
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused).toHaveLength(8);
    for (const r of refused) {
      const reason = (r as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).code).toBe("password_work_busy");
    }
    const answered = outcomes.filter((o) => o.status === "fulfilled").map((o) => o.value);
    expect(answered).toHaveLength(PASSWORD_WORK_CONCURRENCY + PASSWORD_WORK_QUEUE);
    expect(answered[0]).toBe(true);
    expect(answered.slice(1).every((v) => v === false)).toBe(true);
    // The burst is over: the next check runs.
    expect(await passwordMatches(hash, "a-long-enough-password")).toBe(true);
  }, 60_000);
});
