import { describe, expect, it } from "vitest";
import {
  nextPoliceRequestStatus,
  openPoliceRequestStatuses,
  policeRequestEvents,
  policeRequestStatuses,
} from "./police-request.ts";

// Written out independently of the table: every pair not listed is refused.
const expected: Record<string, string> = {
  "awaiting reverify": "reverified",
  "awaiting suspend_line": "suspended",
  "awaiting close_line_ended": "line_ended",
  "suspended reverify": "reverified",
};

describe("a police request's table", () => {
  it("moves every (status, event) pair as written above and refuses the rest", () => {
    for (const status of policeRequestStatuses) {
      for (const event of policeRequestEvents) {
        expect(nextPoliceRequestStatus(status, event), `${status} ${event}`).toBe(
          expected[`${status} ${event}`] ?? null,
        );
      }
    }
  });
  it("is open to a re-verification while awaiting or suspended", () => {
    expect(openPoliceRequestStatuses).toEqual(["awaiting", "suspended"]);
  });
});
