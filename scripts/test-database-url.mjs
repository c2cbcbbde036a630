import { existsSync } from "node:fs";

/** Where Debian's PostgreSQL listens on a Unix socket (its port 5432). */
const socketDir = "/var/run/postgresql";

/**
 * The PostgreSQL server the tests use when TEST_DATABASE_URL names none: the local one as user
 * postgres, over its Unix socket when there is one, else over TCP at 127.0.0.1:5432. A statement over
 * the socket skips the kernel's TCP path on both sides: the authorization tests took 36 s of the
 * machine's CPU over the socket against 38-40 s over TCP (two runs each, alone on two cores).
 * `localhost` only fills the URL's host; the `host` parameter, a folder, is what libpq and
 * node-postgres connect to.
 * @returns {string}
 */
export function defaultTestDatabaseUrl() {
  return existsSync(`${socketDir}/.s.PGSQL.5432`)
    ? `postgres://postgres@localhost/postgres?host=${socketDir}`
    : "postgres://postgres@127.0.0.1:5432/postgres";
}
