import { describe, expect, it } from "vitest";
import { deletionRequestEvents, deletionRequestStatuses, nextDeletionRequestStatus } from "./deletion-request.ts";

describe("a deletion request's table", () => {
  it("is decided once and never again", () => {
    const moves = deletionRequestStatuses.flatMap((status) =>
      deletionRequestEvents.map((event) => [status, event, nextDeletionRequestStatus(status, event)]),
    );
    expect(moves).toEqual([
      ["filed", "decide", "decided"],
      ["decided", "decide", null],
    ]);
  });
});
