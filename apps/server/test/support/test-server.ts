import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LivenessStep } from "@jitsumei/evidence";
import { inject } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export type TestServer = RunningServer & {
  database: TestDatabase;
  masterKey: Buffer;
  /** Moves the server's clock (activation-code expiry). */
  advanceClock(ms: number): void;
  api(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  close(): Promise<void>;
};

export type RequestOptions = { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string };
export type ApiResponse = {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { [k: string]: unknown };
};

/** A real server on a real port, on the test database, with demo data. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    pgliteDir?: string;
    logStream?: NodeJS.WritableStream;
    demoStaff?: boolean;
    livenessSteps?: LivenessStep[];
    /**
     * The server's clock starts here (and runs on): for tests that must not depend on today's date.
     * Without it, JITSUMEI_TEST_NOW does the same for every test server of a run.
     */
    now?: Date;
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase({ ...options, migrated: true });
  const masterKey = randomBytes(32);
  let offset = 0;
  const now = options.now ?? testNow();
  const pinned = now ? now.getTime() - Date.now() : 0;
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "silent",
    JITSUMEI_DATA_DIR: mkdtempSync(join(tmpdir(), "jitsumei-test-")),
    JITSUMEI_MASTER_KEY: masterKey.toString("base64"),
    // Every test request comes from one address and reuses a few contacts: only the velocity test
    // sets real limits.
    JITSUMEI_VELOCITY_LIMITS: "email=1000,phone=1000,device=1000,ip=1000",
    // Likewise every staff member signs in from one address: the rate-limit tests set their own.
    JITSUMEI_RATE_LIMITS: "sign-in=1000,lookup=1000,token=1000",
    // Likewise for creations and submissions (and one specimen passport, many applications): the
    // hardening test sets real limits.
    JITSUMEI_APPLICATION_LIMITS: "ip=100000,device=100000,contact=100000,review=100000",
    // Failed staff sign-ins from the one test address: delays per address only where a test sets them.
    SIGN_IN_FREE_FAILURES: "account=3,address=100000",
    // The tests' webhook receivers listen on 127.0.0.1 (production refuses the setting).
    ...(env.NODE_ENV === "production" ? {} : { WEBHOOK_ALLOW_LOOPBACK: "true" }),
    // The test JPKI CA (made once per run by the evidence fixtures): a My Number card's signature is
    // the lawful evidence of a voice line (support/jpki.ts).
    JITSUMEI_JPKI_TRUST_DIR: inject("evidenceFixtures").jpki.trustDir,
    // Still argon2id, at OWASP's minimum: the suite signs staff in a few hundred times, and the
    // default cost made that a minute of the two cores' time.
    PASSWORD_HASH_MEMORY_KIB: "19456",
    PASSWORD_HASH_PASSES: "2",
    ...env,
  });
  // The run's development sealing keys (support/signing-global-setup.ts), unless the test configured
  // its own or its data folder already has some.
  const signingDir = join(config.dataDir, "signing");
  if (!config.signing.p12File && !existsSync(signingDir)) {
    cpSync(inject("developmentSignerDir"), signingDir, { recursive: true });
  }
  const server = await startServer({
    config,
    db: database.db,
    demoData: true,
    demoStaff: options.demoStaff,
    // Start-up warnings (missing trust folders) are tested where they matter, not printed by every test.
    warn: () => {},
    logStream: options.logStream,
    // A test fixes the challenge's random steps to match its prepared video.
    livenessSteps: options.livenessSteps ? () => [...(options.livenessSteps ?? [])] : undefined,
    clock: () => new Date(Date.now() + pinned + offset),
  });
  const api = async (method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await response.text();
    // Files (CSV, PDF) come back as {} here: tests that read them fetch the bytes themselves.
    const json = /json/.test(response.headers.get("content-type") ?? "json");
    return { status: response.status, headers: response.headers, body: text && json ? JSON.parse(text) : {} };
  };
  return {
    ...server,
    database,
    masterKey,
    advanceClock: (ms) => {
      offset += ms;
    },
    api,
    async close() {
      await server.stop();
      await database.drop();
    },
  };
}

/**
 * JITSUMEI_TEST_NOW (an ISO 8601 date or instant, e.g. 2027-04-02): the day a run's test servers start
 * their clocks on, where a test pins none of its own; to see which tests a dated change of the law
 * (policies/statutory) would break before that day comes.
 */
function testNow(): Date | undefined {
  const value = process.env.JITSUMEI_TEST_NOW;
  if (!value) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`JITSUMEI_TEST_NOW is not a date: ${value}`);
  return at;
}

/**
 * A test server whose database a command-line process can open too: PostgreSQL by URL, or the
 * embedded database's folder (once the server has let it go). `env` is that process's environment.
 */
export async function startTestServerForCli(prefix: string): Promise<{ server: TestServer; env: NodeJS.ProcessEnv }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startTestServer({ JITSUMEI_DATA_DIR: dataDir }, { pgliteDir: join(dataDir, "pglite") });
  const env = {
    ...process.env,
    JITSUMEI_MASTER_KEY: server.masterKey.toString("base64"),
    JITSUMEI_DATA_DIR: dataDir,
    ...(server.database.url ? { DATABASE_URL: server.database.url } : {}),
  };
  return { server, env };
}
