import { describe, expect, it } from "vitest";
import { NoPrimaryError } from "./postgres-hosts.ts";
import { isDatabaseUnavailable } from "./unavailable.ts";

describe("isDatabaseUnavailable", () => {
  it("knows the ways pg says the database is out of reach", () => {
    const gone = [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      new Error("Connection terminated unexpectedly"),
      new Error('database "x" is not currently accepting connections'),
      // A transaction's client whose connection was dropped between two statements.
      new Error("Client has encountered a connection error and is not queryable"),
      new Error("Client was closed and is not queryable"),
      // A standby promoted elsewhere: the host written to is read-only, or none takes writes yet.
      Object.assign(new Error("cannot execute INSERT in a read-only transaction"), { code: "25006" }),
      new NoPrimaryError(["db1:5432: ECONNREFUSED", "db2:5432: in recovery (a standby)"]),
    ];
    for (const error of gone) expect(isDatabaseUnavailable(error), error.message).toBe(true);
  });

  it("leaves every other error to be a 500", () => {
    const others = [
      Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }),
      new TypeError("Cannot read properties of undefined"),
      "a string",
      null,
    ];
    for (const error of others) expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
