import { describe, expect, it } from "vitest";
import { PostgresUrlError, parsePostgresUrl } from "./postgres-hosts.ts";

describe("parsePostgresUrl", () => {
  it("splits a libpq multi-host URL into one URL per host, in order, and probes for the primary", () => {
    const parsed = parsePostgresUrl(
      "postgres://app:s%40cret@db1:5432,db2:5433,[::1]:5434/jitsumei?target_session_attrs=read-write&application_name=j",
    );
    expect(parsed.hosts).toEqual([
      { label: "db1:5432", url: "postgres://app:s%40cret@db1:5432/jitsumei?application_name=j" },
      { label: "db2:5433", url: "postgres://app:s%40cret@db2:5433/jitsumei?application_name=j" },
      { label: "[::1]:5434", url: "postgres://app:s%40cret@[::1]:5434/jitsumei?application_name=j" },
    ]);
    expect(parsed.probe).toBe(true);
    expect(parsed.connectTimeoutMillis).toBeNull();
  });

  it("probes several hosts even without target_session_attrs (the server always writes)", () => {
    const parsed = parsePostgresUrl("postgresql://db1,db2/jitsumei");
    expect(parsed.hosts.map((h) => h.url)).toEqual(["postgresql://db1/jitsumei", "postgresql://db2/jitsumei"]);
    expect(parsed.probe).toBe(true);
  });

  it("leaves a single-host URL as it is, without probing", () => {
    const url = "postgres://postgres@127.0.0.1:5432/postgres?connect_timeout=3";
    expect(parsePostgresUrl(url)).toEqual({
      hosts: [{ label: "127.0.0.1:5432", url }],
      probe: false,
      connectTimeoutMillis: 3000,
    });
    expect(parsePostgresUrl("postgres://db/x?target_session_attrs=primary").probe).toBe(true);
  });

  it("refuses what the server cannot run on, saying why", () => {
    const refused: [string, RegExp][] = [
      ["mysql://db/x", /postgres:\/\//],
      ["postgres://db1,,db2/x", /empty host/],
      ["postgres://db1:5432,/x", /empty host/],
      ["postgres://db1,db2/x?target_session_attrs=read-only", /read-write/],
      ["postgres://db1,db2/x?target_session_attrs=prefer-standby", /read-write/],
      ["postgres://db1,db2/x?connect_timeout=soon", /connect_timeout/],
      ["postgres://db1:port,db2/x", /not a valid URL for host db1:port/],
    ];
    for (const [url, reason] of refused) {
      expect(() => parsePostgresUrl(url), url).toThrow(PostgresUrlError);
      expect(() => parsePostgresUrl(url), url).toThrow(reason);
    }
  });
});
