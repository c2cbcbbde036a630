import pg from "pg";

/**
 * A PostgreSQL URL with one or several hosts, libpq style:
 * `postgres://user@db1:5432,db2:5432/jitsumei?target_session_attrs=read-write`. node-postgres connects
 * to one host only, so the URL is split here into one single-host URL per host, and the primary (the
 * host that takes writes) is found by asking each (`locatePrimary`).
 */
export type PostgresHosts = {
  /** One URL per host, in the order given: each is what node-postgres understands. */
  hosts: { label: string; url: string }[];
  /** Probe each host for the primary (several hosts, or target_session_attrs given), or take the one host. */
  probe: boolean;
  /** connect_timeout (seconds) from the URL, in milliseconds; null when unset. */
  connectTimeoutMillis: number | null;
};

export class PostgresUrlError extends Error {}

const AUTHORITY = /^(postgres(?:ql)?:\/\/)(?:([^@/?#]*)@)?([^/?#]*)(.*)$/s;
// What the server can run on: it writes, so only a session that takes writes will do.
const WRITABLE_SESSION = new Set(["read-write", "primary"]);

/** Splits a (multi-host) PostgreSQL URL; throws PostgresUrlError saying what is wrong. */
export function parsePostgresUrl(url: string): PostgresHosts {
  const match = AUTHORITY.exec(url);
  if (!match) throw new PostgresUrlError("must be a postgres:// or postgresql:// URL");
  const [, scheme = "", userinfo, hostList = "", rest = ""] = match;
  const authority = hostList.split(",");
  if (authority.some((host) => host === "")) {
    throw new PostgresUrlError("names an empty host: write host:port,host:port (e.g. db1:5432,db2:5432)");
  }
  const query = new URLSearchParams(/\?([^#]*)/.exec(rest)?.[1] ?? "");
  const target = query.get("target_session_attrs");
  if (target !== null && !WRITABLE_SESSION.has(target)) {
    throw new PostgresUrlError(
      `has target_session_attrs=${target}: the server writes, so it needs read-write (or primary), the default`,
    );
  }
  const timeout = query.get("connect_timeout");
  if (timeout !== null && !/^\d+$/.test(timeout)) {
    throw new PostgresUrlError("has a connect_timeout that is not a whole number of seconds");
  }
  // libpq's parameter, acted on here: node-postgres does not know it.
  query.delete("target_session_attrs");
  const search = query.toString();
  const tail = rest.replace(/\?[^#]*/, search ? `?${search}` : "");
  const hosts = authority.map((host) => {
    const single = `${scheme}${userinfo === undefined ? "" : `${userinfo}@`}${host}${tail}`;
    if (!URL.canParse(single)) throw new PostgresUrlError(`is not a valid URL for host ${host}`);
    return { label: host, url: single };
  });
  return {
    hosts,
    probe: hosts.length > 1 || target !== null,
    connectTimeoutMillis: timeout === null ? null : Number(timeout) * 1000,
  };
}

/** No host takes writes just now (all down, or standbys not yet promoted): the HTTP layer answers 503. */
export class NoPrimaryError extends Error {
  // SQLSTATE 08001 sqlclient_unable_to_establish_sqlconnection: read as "database unavailable".
  readonly code = "08001";
  constructor(readonly reasons: string[]) {
    super(`No PostgreSQL primary: ${reasons.join("; ")}`);
    this.name = "NoPrimaryError";
  }
}

const DEFAULT_PROBE_TIMEOUT_MS = 5000;

/**
 * The first host, in the order given, that is the primary: not in recovery (a standby replays WAL)
 * and not read-only. All hosts are asked at once so a host that does not answer costs one timeout,
 * not one per host. `preferred` is asked first (the last primary: a former primary that comes back
 * is not taken over the one promoted in its place while that one still answers as primary).
 */
export async function locatePrimary(
  hosts: PostgresHosts,
  preferred = 0,
): Promise<{ index: number; label: string; url: string }> {
  const order = hosts.hosts.map((_, i) => (i + preferred) % hosts.hosts.length);
  if (!hosts.probe) return { index: 0, ...(hosts.hosts[0] as PostgresHosts["hosts"][number]) };
  const answers = await Promise.all(order.map((i) => probe(hosts.hosts[i]?.url ?? "", hosts)));
  const found = answers.indexOf(null);
  if (found < 0) {
    throw new NoPrimaryError(answers.map((answer, k) => `${hosts.hosts[order[k] ?? 0]?.label}: ${answer}`));
  }
  const index = order[found] ?? 0;
  return { index, ...(hosts.hosts[index] as PostgresHosts["hosts"][number]) };
}

/** null when the host is a writable primary, otherwise why not. */
async function probe(url: string, hosts: PostgresHosts): Promise<string | null> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: hosts.connectTimeoutMillis ?? DEFAULT_PROBE_TIMEOUT_MS,
  });
  // A connection the host drops while we ask must not become an unhandled 'error'.
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ recovery: boolean; read_only: string }>(
      "SELECT pg_is_in_recovery() AS recovery, current_setting('transaction_read_only') AS read_only",
    );
    if (rows[0]?.recovery) return "in recovery (a standby)";
    if (rows[0]?.read_only === "on") return "read-only";
    return null;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return (e.code ? `${e.code} ` : "") + (e.message ?? String(error)).split("\n")[0];
  } finally {
    await client.end().catch(() => {});
  }
}
