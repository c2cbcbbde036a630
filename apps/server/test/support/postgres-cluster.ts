import { execFile, execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * A PostgreSQL cluster of its own for a test (initdb, pg_ctl, pg_basebackup from the server's own
 * binaries), in a temporary folder, on a free port. PostgreSQL refuses to run as root: under root (CI)
 * every command runs as the postgres user through runuser.
 */
const run = promisify(execFile);

/** The newest server's binaries on Debian and Ubuntu (/usr/lib/postgresql/N/bin), else the PATH's. */
function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(root, versions[0], "bin") : null;
}

const asRoot = process.getuid?.() === 0;

async function pgCommand(tool: string, args: string[]): Promise<string> {
  const dir = binDir();
  const command = dir ? join(dir, tool) : tool;
  if (!dir && spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) {
    throw new Error(
      `${tool} not found: the failover test needs PostgreSQL's server binaries (apt-get install postgresql)`,
    );
  }
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const { stdout } = await run(file, argv, { env: { ...process.env, LC_ALL: "C" } });
  return stdout;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

export type Cluster = { dir: string; port: number; url(database: string): string };

/** A folder the postgres user owns, for the clusters and their logs; `remove` deletes it. */
export function clusterRoot(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "jitsumei-pg-"));
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The postgres user's uid and gid, for chown. */
function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return { uid: id("-u"), gid: id("-g") };
}

function cluster(dir: string, port: number): Cluster {
  return { dir, port, url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}` };
}

/**
 * Settings both clusters share. fsync is off: the test kills PostgreSQL's processes, never the
 * machine, and the operating system keeps what they wrote (fsync guards only against losing the page
 * cache); it saves seconds on a loaded machine.
 */
function settings(root: string, port: number): string {
  return [
    "",
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${root}'`,
    "fsync = off",
    "full_page_writes = off",
    "shared_buffers = 16MB",
    "max_connections = 40",
    "",
  ].join("\n");
}

/**
 * Starts a primary whose commits wait for a standby: with synchronous_standby_names = '*', COMMIT
 * returns only once a standby has flushed the WAL, so an acknowledged write survives the loss of the
 * primary.
 */
export async function startPrimary(root: string): Promise<Cluster> {
  const dir = join(root, "primary");
  const port = await freePort();
  await pgCommand("initdb", ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "-N"]);
  await appendFile(
    join(dir, "postgresql.conf"),
    `${settings(root, port)}wal_level = replica\nsynchronous_standby_names = '*'\nsynchronous_commit = on\n`,
  );
  await pgCommand("pg_ctl", ["-D", dir, "-l", join(root, "primary.log"), "-w", "start"]);
  return cluster(dir, port);
}

/** A streaming standby of `primary` (pg_basebackup -R writes standby.signal and primary_conninfo). */
export async function startStandby(root: string, primary: Cluster): Promise<Cluster> {
  const dir = join(root, "standby");
  const port = await freePort();
  await pgCommand("pg_basebackup", [
    "-h",
    "127.0.0.1",
    "-p",
    String(primary.port),
    "-U",
    "postgres",
    "-D",
    dir,
    "-R",
    "-X",
    "stream",
    "-c",
    "fast",
    "-N",
  ]);
  // The primary's postgresql.conf came with the backup: once promoted, this cluster has no standby of
  // its own to wait for, so its commits must not wait (they would hang).
  await appendFile(join(dir, "postgresql.conf"), `${settings(root, port)}synchronous_standby_names = ''\n`);
  await pgCommand("pg_ctl", ["-D", dir, "-l", join(root, "standby.log"), "-w", "start"]);
  return cluster(dir, port);
}

/** Kills the cluster's processes (pg_ctl stop -m immediate): no shutdown checkpoint, like a crash. */
export async function killCluster(cluster: Cluster): Promise<void> {
  await pgCommand("pg_ctl", ["-D", cluster.dir, "-m", "immediate", "-w", "stop"]);
}

export async function promote(cluster: Cluster): Promise<void> {
  await pgCommand("pg_ctl", ["-D", cluster.dir, "-w", "promote"]);
}

/** Stops the cluster if it runs (cleanup). */
export async function stopCluster(cluster: Cluster | undefined): Promise<void> {
  if (!cluster) return;
  await pgCommand("pg_ctl", ["-D", cluster.dir, "-m", "immediate", "-w", "stop"]).catch(() => {});
}
