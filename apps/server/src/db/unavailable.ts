/**
 * Whether an error means the database is out of reach (restarting, refusing connections, failing
 * over): the request answers 503 with Retry-After, and the PostgreSQL adapter looks for the primary
 * again (postgres.ts).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; name?: string };
  const code = e?.code ?? "";
  return (
    [
      "ECONNREFUSED",
      "ECONNRESET",
      "ETIMEDOUT",
      "EPIPE",
      "57P01",
      "57P02",
      "57P03",
      "08000",
      "08003",
      "08006",
      // sqlclient_unable_to_establish_sqlconnection: also NoPrimaryError, no host takes writes yet.
      "08001",
      // read_only_sql_transaction: the host written to has become a standby (nothing here runs a
      // read-only transaction on purpose).
      "25006",
    ].includes(code) ||
    // pg's own words for a connection that is gone, including a pooled client whose connection failed
    // between two statements of a transaction ("… is not queryable").
    /Connection terminated|connection timeout|not currently accepting connections|is not queryable/i.test(
      e?.message ?? "",
    )
  );
}
