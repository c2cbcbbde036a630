import { describe, expect, it } from "vitest";
import { holderChangeEvents, holderChangeStatuses, nextHolderChangeStatus } from "./holder-change.ts";

const expected: Record<string, string> = { "pending approve": "approved", "pending reject": "rejected" };

describe("a holder change's table", () => {
  it("is decided once, either way, and never again", () => {
    for (const status of holderChangeStatuses) {
      for (const event of holderChangeEvents) {
        expect(nextHolderChangeStatus(status, event), `${status} ${event}`).toBe(
          expected[`${status} ${event}`] ?? null,
        );
      }
    }
  });
});
