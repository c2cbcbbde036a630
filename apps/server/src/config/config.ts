import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { fileURLToPath } from "node:url";
import { isInvoiceRegistrationNumber } from "@jitsumei/domain";
import { z } from "zod";
import { type PortName, portNames } from "../adapters/adapters.ts";
import { PostgresUrlError, parsePostgresUrl } from "../db/postgres-hosts.ts";
import { loadNetworkConfig, type NetworkConfig } from "./network-config.ts";
import { loadStorageConfig, type StorageConfig } from "./storage-config.ts";

/** The policies shipped with Jitsumei, at the repository's root. */
const shippedPolicyDir = fileURLToPath(new URL("../../../../policies/", import.meta.url));

/** Japan Post's public tracking page (追跡サービス) for one parcel: it knows 本人限定受取郵便 and 書留. */
const japanPostTracking =
  "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={trackingNumber}&searchKind=S002&locale={locale}";

/**
 * The server's whole configuration, read from the environment once at start and passed down.
 * A bad value stops start-up with the variable's name and the reason (ConfigError).
 */

const portSchema = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535 (0: any free port)")
  .max(65535, "must be between 0 and 65535 (0: any free port)");

// One host, or several libpq style (db1:5432,db2:5432) of which the server finds the primary.
const postgresUrl = z.string().superRefine((s, ctx) => {
  try {
    parsePostgresUrl(s);
  } catch (error) {
    if (!(error instanceof PostgresUrlError)) throw error;
    ctx.addIssue({ code: "custom", message: error.message });
  }
});

const smtpUrl = z
  .string()
  .refine((s) => /^smtps?:\/\//.test(s), {
    message: "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example:587",
    abort: true,
  })
  .refine((s) => URL.canParse(s), "is not a valid URL");

const masterKey = z.string().transform((s, ctx) => {
  const key = decodeKey(s.trim());
  if (!key) {
    ctx.addIssue({
      code: "custom",
      message:
        "must be 32 random bytes written as 64 hex characters or as base64 (generate one: openssl rand -base64 32)",
    });
    return z.NEVER;
  }
  return key;
});

/** Master keys from before a rotation, comma-separated: read (unwrapped) only, never written with. */
const previousMasterKeys = z.string().transform((s, ctx) => {
  const keys: Buffer[] = [];
  for (const part of s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const key = decodeKey(part);
    if (!key) {
      ctx.addIssue({
        code: "custom",
        message: "must be a comma-separated list of 32-byte keys (64 hex characters or base64 each)",
      });
      return z.NEVER;
    }
    keys.push(key);
  }
  return keys;
});

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: portSchema.default(3000),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  DATABASE_URL: postgresUrl.optional(),
  JITSUMEI_DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  JITSUMEI_MASTER_KEY: masterKey.optional(),
  JITSUMEI_PREVIOUS_MASTER_KEYS: previousMasterKeys.default([]),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().min(3).default("Jitsumei <no-reply@jitsumei.localhost>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ACTIVATION_CODE_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  IDEMPOTENCY_ABANDON_SECONDS: z.coerce.number().int().min(2).max(86_400).default(300),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(3),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  JITSUMEI_CSCA_DIR: z.string().min(1, "must not be empty").optional(),
  JITSUMEI_POLICY_DIR: z.string().min(1, "must not be empty").optional(),
  JITSUMEI_VELOCITY_LIMITS: z
    .string()
    .default("hours=24,email=3,phone=3,device=3,ip=10")
    .transform((s, ctx) => {
      const limits: Record<string, number> = {};
      for (const part of s.split(",")) {
        const [key = "", value = ""] = part.split("=").map((x) => x.trim());
        if (!["hours", "email", "phone", "device", "ip"].includes(key) || !/^\d+$/.test(value) || Number(value) < 1) {
          ctx.addIssue({
            code: "custom",
            message: `"${part}" is not one of hours|email|phone|device|ip=<whole number ≥ 1>`,
          });
          return z.NEVER;
        }
        limits[key] = Number(value);
      }
      return { hours: 24, email: 3, phone: 3, device: 3, ip: 10, ...limits };
    }),
  JITSUMEI_JPKI_TRUST_DIR: z.string().min(1, "must not be empty").optional(),
  DIGITAL_AUTH_BASE_URL: z
    .string()
    .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), "must be an http:// or https:// URL")
    .optional(),
  DIGITAL_AUTH_CLIENT_ID: z
    .string()
    .regex(/^[0-9A-Za-z]{1,255}$/, "must be the client ID the Digital Agency issued (letters and digits)")
    .optional(),
  DIGITAL_AUTH_CLIENT_SECRET: z.string().min(1).optional(),
  DIGITAL_AUTH_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  DIGITAL_AUTH_DECRYPTION_KEY_FILE: z.string().min(1).optional(),
  DIGITAL_AUTH_REDIRECT_URI: z
    .string()
    .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), "must be an http:// or https:// URL")
    .optional(),
  DIGITAL_AUTH_SIMULATOR_CARD_KEY: z.string().min(1).optional(),
  DIGITAL_AUTH_SIMULATOR_CARD_CERT: z.string().min(1).optional(),
  JITSUMEI_RATE_LIMITS: z
    .string()
    .default("sign-in=10,lookup=60,token=20")
    .transform((s, ctx) => {
      const limits: Record<string, number> = {};
      for (const part of s.split(",")) {
        const [key = "", value = ""] = part.split("=").map((x) => x.trim());
        if (!["sign-in", "lookup", "token"].includes(key) || !/^\d+$/.test(value) || Number(value) < 1) {
          ctx.addIssue({ code: "custom", message: `"${part}" is not one of sign-in|lookup|token=<whole number ≥ 1>` });
          return z.NEVER;
        }
        limits[key] = Number(value);
      }
      return { "sign-in": 10, lookup: 60, token: 20, ...limits };
    }),
  // Creations and submissions per address, device and contact in a window, counted in the database;
  // and how many applications one identity (its document) may have waiting on a reviewer at once.
  JITSUMEI_APPLICATION_LIMITS: z
    .string()
    .default("hours=1,ip=30,device=10,contact=5,review=2")
    .transform((s, ctx) => {
      const limits: Record<string, number> = {};
      for (const part of s.split(",")) {
        const [key = "", value = ""] = part.split("=").map((x) => x.trim());
        if (
          !["hours", "ip", "device", "contact", "review"].includes(key) ||
          !/^\d+$/.test(value) ||
          Number(value) < 1
        ) {
          ctx.addIssue({
            code: "custom",
            message: `"${part}" is not one of hours|ip|device|contact|review=<whole number ≥ 1>`,
          });
          return z.NEVER;
        }
        limits[key] = Number(value);
      }
      return { hours: 1, ip: 30, device: 10, contact: 5, review: 2, ...limits };
    }),
  // Known specimen and test documents (data/specimen-documents.json): refused everywhere but in
  // development and tests unless set; `refuse` in production whatever is set.
  SPECIMEN_DOCUMENTS: z.enum(["refuse", "allow"], { error: "must be refuse or allow" }).optional(),
  // The addresses of the reverse proxies in front of the server (Fastify's trustProxy): X-Forwarded-For
  // is believed only from them. Unset: no proxy is trusted and the client is the connection's address.
  TRUST_PROXY: z
    .string()
    .transform((s, ctx) => {
      const parts = commaList(s);
      const bad = parts.find((p) => !isAddressOrCidr(p));
      if (bad !== undefined || parts.length === 0) {
        ctx.addIssue({
          code: "custom",
          message: `"${bad ?? s}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/8,::1); "true" is refused: name the proxies`,
        });
        return z.NEVER;
      }
      return parts;
    })
    .optional(),
  // Named prepared statements on PostgreSQL (db/postgres.ts); false behind a pooler that cannot keep
  // them (PgBouncer in transaction mode before 1.21, or without max_prepared_statements).
  DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  // The embedded database's buffer cache (PostgreSQL's shared_buffers, held in the server's own memory;
  // its data files are cached by the operating system as well).
  EMBEDDED_DATABASE_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9]\d{0,5}(kB|MB|GB)$/, "must be a size such as 32MB (kB, MB or GB)")
    .default("32MB"),
  // Webhook endpoints on loopback addresses (a receiver on this machine): development and tests only.
  WEBHOOK_ALLOW_LOOPBACK: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  // The operator's adapters (adapters/adapters.ts): a module path or package exporting a factory per port.
  JITSUMEI_ADAPTERS_MODULE: z.string().min(1).optional(),
  // The ports production may run on their simulator (a staging install, a trial without a carrier).
  ALLOW_SIMULATORS: z
    .string()
    .transform((s, ctx) => {
      const parts = commaList(s);
      const bad = parts.find((p) => !(portNames as string[]).includes(p));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is no port: list some of ${portNames.join(", ")}` });
        return z.NEVER;
      }
      return parts as PortName[];
    })
    .default([]),
  JITSUMEI_SIGNING_P12: z.string().min(1).optional(),
  JITSUMEI_SIGNING_PASSPHRASE: z.string().optional(),
  JITSUMEI_TSA_URL: z
    .string()
    .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), "must be an http:// or https:// URL")
    .optional(),
  JITSUMEI_OPERATOR_FILE: z.string().min(1).optional(),
  JITSUMEI_PAYMENT_NOTIFICATION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NUMBER_QUARANTINE_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  MNP_MIN_DAYS_LEFT: z.coerce.number().int().min(1).max(15).default(10),
  PUBLIC_URL: z
    .string()
    .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), "must be an http:// or https:// URL")
    .optional(),
  SHIPMENT_TRACKING_URL: z
    .string()
    .refine(
      (s) => /^https:\/\//.test(s) && s.includes("{trackingNumber}") && URL.canParse(s.replaceAll(/[{}]/g, "")),
      "must be an https:// URL with {trackingNumber} in it (and optionally {locale}: ja or en)",
    )
    .default(japanPostTracking),
  // Failed staff sign-ins allowed before delays grow: per e-mail (delays up to a minute) and per
  // client address (up to 15 minutes). There is no lock-out.
  SIGN_IN_FREE_FAILURES: z
    .string()
    .default("account=3,address=10")
    .transform((s, ctx) => {
      const limits: Record<string, number> = {};
      for (const part of s.split(",")) {
        const [key = "", value = ""] = part.split("=").map((x) => x.trim());
        if (!["account", "address"].includes(key) || !/^\d+$/.test(value)) {
          ctx.addIssue({ code: "custom", message: `"${part}" is not one of account|address=<whole number>` });
          return z.NEVER;
        }
        limits[key] = Number(value);
      }
      return { account: 3, address: 10, ...limits };
    }),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  REVIEW_CLAIM_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  REVIEW_SLA_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  READER_APP_IOS_URL: z
    .string()
    .refine(
      (s) => /^https:\/\//.test(s) && URL.canParse(s),
      "must be an https:// URL (the App Store page of the reader app)",
    )
    .optional(),
  READER_APP_ANDROID_URL: z
    .string()
    .refine(
      (s) => /^https:\/\//.test(s) && URL.canParse(s),
      "must be an https:// URL (the Google Play page of the reader app)",
    )
    .optional(),
  JITSUMEI_COUNTERS_FILE: z.string().min(1).optional(),
  MNP_ONE_STOP_RECIPIENTS_FILE: z.string().min(1).optional(),
  APN: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/, "must be an access point name such as mobile.example.jp")
    .optional(),
  HANDOFF_TOKEN_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  APPLICANT_SESSION_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  APPLICANT_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  CORRECTION_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  // How long a client may take to send a request, and how many connections one address may hold.
  HEADERS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).max(100_000).default(256),
  // argon2id for staff passwords: OWASP's minimum (19 MiB, 2 passes) is the floor.
  PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(19456).max(4_194_304).default(65536),
  PASSWORD_HASH_PASSES: z.coerce.number().int().min(2).max(20).default(3),
  PREPAID_PAYMENT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  ACTIVATION_DEADLINE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  JITSUMEI_INVOICE_REGISTRATION_NUMBER: z
    .string()
    .refine(
      isInvoiceRegistrationNumber,
      "must be T and 13 digits, the qualified invoice registration number (登録番号)",
    )
    .optional(),
  OPERATOR_TIME_ZONE: z
    .string()
    .refine((s) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: s });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA time zone such as Asia/Tokyo")
    .default("Asia/Tokyo"),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database:
    | { kind: "postgres"; url: string; preparedStatements: boolean }
    | { kind: "pglite"; dataDir: string; sharedBuffers: string };
  dataDir: string;
  /** 32 bytes, or null when it must be generated into the data folder (never in production). */
  masterKey: Buffer | null;
  /** Master keys a rotation is moving away from: they unwrap, they never wrap (`jitsumei keys rotate`). */
  previousMasterKeys: Buffer[];
  mail: { kind: "smtp"; url: string; from: string } | { kind: "local-outbox"; from: string };
  /**
   * The operator's adapter module (JITSUMEI_ADAPTERS_MODULE), and the ports production may still run on
   * their simulator (ALLOW_SIMULATORS): adapters/choose-adapters.ts.
   */
  adapters: { module: string | null; allowSimulators: PortName[] };
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  activationCodeTtlMinutes: number;
  /** An Idempotency-Key held this long without an answer belongs to a dead process: a retry runs. */
  idempotencyAbandonSeconds: number;
  /** Jobs run at once by each server process on PostgreSQL (PGlite runs one at a time). */
  jobConcurrency: number;
  /**
   * How often the periodic sweeps run (jobs/periodic-sweeps.ts), in the one server process holding
   * their lease; the lease lasts two periods, so a process that died is replaced within three.
   */
  sweepIntervalSeconds: number;
  /** Folders of trusted certificates and CRLs: country signing CAs for chips, the JPKI CA. */
  trust: { cscaDir: string; jpkiDir: string };
  /**
   * JPKI signatures through the Digital Agency's Digital Authentication App: the real service (base
   * URL, client ID, private_key_jwt key file or client secret, redirect URI), or outside production
   * the local simulator (its test card's key and certificate, or made at first start), or, in
   * production without the variables, not offered.
   */
  digitalAuth:
    | {
        kind: "app";
        baseUrl: string;
        clientId: string;
        auth: { kind: "private_key_jwt"; keyFile: string } | { kind: "client_secret"; secret: string };
        /** The private key (PEM or JWK file) the signature result is encrypted to (JWE). */
        decryptionKeyFile: string;
        redirectUri: string;
      }
    | { kind: "simulator"; card: { keyFile: string; certFile: string } | null }
    | { kind: "unavailable" };
  /** More applications than these from one e-mail, phone, device or IP in `hours` go to review. */
  velocity: { hours: number; email: number; phone: number; device: number; ip: number };
  /** The shipped policies, then the operator's own house policies (JITSUMEI_POLICY_DIR). */
  policyDirs: string[];
  /** Per client address per minute: sign-ins, reference lookups, and wrong bearer tokens (applicant, subscriber). */
  rateLimits: { "sign-in": number; lookup: number; token: number };
  /**
   * Creations and submissions allowed per address, device and contact in `hours` (each counted on its
   * own), and how many applications of one identity may wait on a reviewer at once (`review`).
   */
  applicationLimits: { hours: number; ip: number; device: number; contact: number; review: number };
  /** Whether known specimen documents (ICAO's Anna Eriksson…) are refused. */
  refuseSpecimenDocuments: boolean;
  /** The reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); empty: none. */
  trustProxy: string[];
  /** Webhook endpoints may be on loopback (never in production). */
  webhookAllowLoopback: boolean;
  /** The operator's sealing key for contracts and receipts, and the time-stamp authority. */
  signing: { p12File: string | null; passphrase: string | null; tsaUrl: string | null };
  /** How long a released phone number rests before it is handed out again. */
  numberQuarantineDays: number;
  /**
   * Days an MNP reservation number must still be valid when an applicant gives it (the journey's
   * review, delivery and switch-over fit in them); carriers ask 7 to 10.
   */
  mnpMinDaysLeft: number;
  /** The shared secret the payment gateway signs its notifications with. */
  payments: { notificationSecret: string };
  /** A JSON file of the operator's details printed on contracts (name, address, registration…). */
  operatorFile: string | null;
  /**
   * Where applicants reach the site; every link in mail and every hand-off QR code points here. Unset,
   * it is the origin the server listens on (HOST and PORT; with PORT 0 the server fills in the port it
   * got), so a link never leads to another origin than the one the applicant's session lives on.
   */
  publicUrl: string;
  /** The carrier's tracking page for a parcel: {trackingNumber} and {locale} (ja or en) filled in. */
  shipmentTrackingUrl: string;
  /** Whether PUBLIC_URL was set (else publicUrl is the listening origin). */
  publicUrlSet: boolean;
  /** Staff sessions, and the failed sign-ins allowed before delays grow (per e-mail, per address). */
  staff: { idleMinutes: number; maxHours: number; freeFailures: { account: number; address: number } };
  /**
   * Hand-offs to another device: how long a QR code's single-use token lasts, and the session it is
   * exchanged for.
   */
  handoff: { tokenMinutes: number; sessionHours: number };
  /**
   * The store pages of the operator's chip reader app (the reader contract, docs/reader-contract.md).
   * Unset: the site offers no chip reading online, only what works without an app.
   */
  readerApps: { ios: string | null; android: string | null };
  /** The access point name a phone sets for data (shown on the eSIM page and in the activation mail), if any. */
  apn: string | null;
  /** A JSON file of the counters that read chips face to face (unset: the demo list, none in production). */
  countersFile: string | null;
  /**
   * A JSON file of the operators that may send a subscriber here for a one-stop port-out
   * (docs/number-portability.md). Unset: none may.
   */
  mnpOneStopRecipientsFile: string | null;
  /** The operator's time zone: where a day of the dashboard begins and ends. */
  timeZone: string;
  /** Timeouts and the per-address connection cap of the HTTP server (http/connection-limits.ts). */
  http: {
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxConnectionsPerAddress: number;
  };
  /** argon2id's cost for new staff password hashes. */
  passwordHashing: { memoryKib: number; passes: number };
  review: {
    claimMinutes: number;
    /** A case waiting on staff longer than this is overdue. */
    slaHours: number;
    /** An application left in draft (or unsigned, unpaid) this long expires. */
    applicantDeadlineDays: number;
    /** An application waiting on a correction this long expires. */
    correctionDeadlineDays: number;
    /** A prepaid application sold online and not paid this long after approval expires. */
    prepaidPaymentDays: number;
    /**
     * A reserved eSIM (or a delivered SIM card) not activated this long expires: the line goes back
     * to stock and what was paid is refunded.
     */
    activationDeadlineDays: number;
  };
  /**
   * The operator's qualified invoice registration number (適格請求書発行事業者登録番号, T + 13 digits),
   * printed on receipts; null outside production when unset (receipts then say it is absent).
   */
  invoiceRegistrationNumber: string | null;
  /** The SM-DP+ (ES2+) and its download reports; null parts: the local simulators. */
  network: NetworkConfig;
  /** Where documents' ciphertext is kept: the database rows, or an S3-compatible bucket (docs/storage.md). */
  storage: StorageConfig;
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; reason: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.reason}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // An empty variable is treated as unset, as most shells and .env tools expect.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "environment"), reason: issue.message })),
    );
  }
  const e = parsed.data;
  // Secrets a development install makes up for itself, but production must be given: all named at once.
  const missing: { variable: string; reason: string }[] = [];
  if (e.NODE_ENV === "production" && !e.JITSUMEI_MASTER_KEY) {
    missing.push({
      variable: "JITSUMEI_MASTER_KEY",
      reason: "is required when NODE_ENV=production (generate one: openssl rand -base64 32, and keep it safe)",
    });
  }
  if (e.NODE_ENV === "production" && !e.JITSUMEI_PAYMENT_NOTIFICATION_SECRET) {
    missing.push({
      variable: "JITSUMEI_PAYMENT_NOTIFICATION_SECRET",
      reason: "is required when NODE_ENV=production (the secret the payment gateway signs notifications with)",
    });
  }
  if (e.NODE_ENV === "production" && !e.JITSUMEI_INVOICE_REGISTRATION_NUMBER) {
    missing.push({
      variable: "JITSUMEI_INVOICE_REGISTRATION_NUMBER",
      reason:
        "is required when NODE_ENV=production (receipts are issued for every payment and must carry the qualified invoice registration number, T + 13 digits)",
    });
  }
  if (e.DIGITAL_AUTH_BASE_URL) {
    if (!e.DIGITAL_AUTH_CLIENT_ID) {
      missing.push({ variable: "DIGITAL_AUTH_CLIENT_ID", reason: "is required with DIGITAL_AUTH_BASE_URL" });
    }
    if (!e.DIGITAL_AUTH_PRIVATE_KEY_FILE === !e.DIGITAL_AUTH_CLIENT_SECRET) {
      missing.push({
        variable: "DIGITAL_AUTH_PRIVATE_KEY_FILE",
        reason: "set exactly one of DIGITAL_AUTH_PRIVATE_KEY_FILE (private_key_jwt) or DIGITAL_AUTH_CLIENT_SECRET",
      });
    }
    if (!e.DIGITAL_AUTH_DECRYPTION_KEY_FILE) {
      missing.push({
        variable: "DIGITAL_AUTH_DECRYPTION_KEY_FILE",
        reason:
          "is required with DIGITAL_AUTH_BASE_URL: the private key (PEM or JWK) whose public half is registered with the Digital Agency; the signature result is encrypted to it",
      });
    }
  }
  const simulatorCard = e.DIGITAL_AUTH_SIMULATOR_CARD_KEY ?? e.DIGITAL_AUTH_SIMULATOR_CARD_CERT;
  if (simulatorCard && (e.NODE_ENV === "production" || e.DIGITAL_AUTH_BASE_URL)) {
    missing.push({
      variable: e.DIGITAL_AUTH_SIMULATOR_CARD_KEY
        ? "DIGITAL_AUTH_SIMULATOR_CARD_KEY"
        : "DIGITAL_AUTH_SIMULATOR_CARD_CERT",
      reason: "is for the local simulator, which never runs in production or beside DIGITAL_AUTH_BASE_URL",
    });
  } else if (simulatorCard && !(e.DIGITAL_AUTH_SIMULATOR_CARD_KEY && e.DIGITAL_AUTH_SIMULATOR_CARD_CERT)) {
    missing.push({
      variable: "DIGITAL_AUTH_SIMULATOR_CARD_KEY",
      reason: "set both DIGITAL_AUTH_SIMULATOR_CARD_KEY and DIGITAL_AUTH_SIMULATOR_CARD_CERT, or neither",
    });
  }
  if (e.NODE_ENV === "production" && e.SPECIMEN_DOCUMENTS === "allow") {
    missing.push({ variable: "SPECIMEN_DOCUMENTS", reason: "must not be allow when NODE_ENV=production" });
  }
  if (e.NODE_ENV === "production" && e.ALLOW_SIMULATORS.includes("digitalAuth")) {
    missing.push({
      variable: "ALLOW_SIMULATORS",
      reason:
        "must not list digitalAuth: the Digital Authentication App simulator never runs in production (unset, the method is not offered)",
    });
  }
  if (e.NODE_ENV === "production" && e.WEBHOOK_ALLOW_LOOPBACK === "true") {
    missing.push({ variable: "WEBHOOK_ALLOW_LOOPBACK", reason: "must not be true when NODE_ENV=production" });
  }
  const network = loadNetworkConfig(present);
  missing.push(...network.problems);
  const storage = loadStorageConfig(present);
  missing.push(...storage.problems);
  if (missing.length > 0) throw new ConfigError(missing);
  const publicUrl = (e.PUBLIC_URL ?? listeningOrigin(e.HOST, e.PORT)).replace(/\/$/, "");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, preparedStatements: e.DATABASE_PREPARED_STATEMENTS !== "false" }
      : {
          kind: "pglite",
          dataDir: `${e.JITSUMEI_DATA_DIR}/pglite`,
          sharedBuffers: e.EMBEDDED_DATABASE_SHARED_BUFFERS,
        },
    dataDir: e.JITSUMEI_DATA_DIR,
    masterKey: e.JITSUMEI_MASTER_KEY ?? null,
    previousMasterKeys: e.JITSUMEI_PREVIOUS_MASTER_KEYS,
    mail: e.SMTP_URL
      ? { kind: "smtp", url: e.SMTP_URL, from: e.MAIL_FROM }
      : { kind: "local-outbox", from: e.MAIL_FROM },
    adapters: { module: e.JITSUMEI_ADAPTERS_MODULE ?? null, allowSimulators: e.ALLOW_SIMULATORS },
    logLevel: e.LOG_LEVEL,
    activationCodeTtlMinutes: e.ACTIVATION_CODE_TTL_MINUTES,
    idempotencyAbandonSeconds: e.IDEMPOTENCY_ABANDON_SECONDS,
    jobConcurrency: e.JOB_CONCURRENCY,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    velocity: e.JITSUMEI_VELOCITY_LIMITS,
    rateLimits: e.JITSUMEI_RATE_LIMITS,
    applicationLimits: e.JITSUMEI_APPLICATION_LIMITS,
    refuseSpecimenDocuments: e.NODE_ENV === "production" ? true : (e.SPECIMEN_DOCUMENTS ?? "allow") === "refuse",
    trustProxy: e.TRUST_PROXY ?? [],
    webhookAllowLoopback: e.NODE_ENV !== "production" && e.WEBHOOK_ALLOW_LOOPBACK === "true",
    network: network.config,
    storage: storage.config,
    numberQuarantineDays: e.NUMBER_QUARANTINE_DAYS,
    mnpMinDaysLeft: e.MNP_MIN_DAYS_LEFT,
    signing: {
      p12File: e.JITSUMEI_SIGNING_P12 ?? null,
      passphrase: e.JITSUMEI_SIGNING_PASSPHRASE ?? null,
      tsaUrl: e.JITSUMEI_TSA_URL ?? null,
    },
    operatorFile: e.JITSUMEI_OPERATOR_FILE ?? null,
    // The local test gateway and the server share a random secret per start unless one is set.
    payments: { notificationSecret: e.JITSUMEI_PAYMENT_NOTIFICATION_SECRET ?? randomBytes(32).toString("base64url") },
    publicUrl,
    shipmentTrackingUrl: e.SHIPMENT_TRACKING_URL,
    publicUrlSet: e.PUBLIC_URL !== undefined,
    staff: {
      idleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
      maxHours: e.STAFF_SESSION_MAX_HOURS,
      freeFailures: e.SIGN_IN_FREE_FAILURES,
    },
    handoff: { tokenMinutes: e.HANDOFF_TOKEN_MINUTES, sessionHours: e.APPLICANT_SESSION_HOURS },
    readerApps: { ios: e.READER_APP_IOS_URL ?? null, android: e.READER_APP_ANDROID_URL ?? null },
    apn: e.APN ?? null,
    countersFile: e.JITSUMEI_COUNTERS_FILE ?? null,
    mnpOneStopRecipientsFile: e.MNP_ONE_STOP_RECIPIENTS_FILE ?? null,
    timeZone: e.OPERATOR_TIME_ZONE,
    passwordHashing: { memoryKib: e.PASSWORD_HASH_MEMORY_KIB, passes: e.PASSWORD_HASH_PASSES },
    http: {
      headersTimeoutMs: e.HEADERS_TIMEOUT_SECONDS * 1000,
      // Node requires the headers' limit to be no longer than the whole request's.
      requestTimeoutMs: Math.max(e.REQUEST_TIMEOUT_SECONDS, e.HEADERS_TIMEOUT_SECONDS) * 1000,
      keepAliveTimeoutMs: 10_000,
      maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    },
    review: {
      claimMinutes: e.REVIEW_CLAIM_MINUTES,
      slaHours: e.REVIEW_SLA_HOURS,
      applicantDeadlineDays: e.APPLICANT_DEADLINE_DAYS,
      correctionDeadlineDays: e.CORRECTION_DEADLINE_DAYS,
      prepaidPaymentDays: e.PREPAID_PAYMENT_DAYS,
      activationDeadlineDays: e.ACTIVATION_DEADLINE_DAYS,
    },
    invoiceRegistrationNumber: e.JITSUMEI_INVOICE_REGISTRATION_NUMBER ?? null,
    policyDirs: [shippedPolicyDir, ...(e.JITSUMEI_POLICY_DIR ? [e.JITSUMEI_POLICY_DIR] : [])],
    trust: {
      cscaDir: e.JITSUMEI_CSCA_DIR ?? `${e.JITSUMEI_DATA_DIR}/trust/csca`,
      jpkiDir: e.JITSUMEI_JPKI_TRUST_DIR ?? `${e.JITSUMEI_DATA_DIR}/trust/jpki`,
    },
    digitalAuth: e.DIGITAL_AUTH_BASE_URL
      ? {
          kind: "app",
          baseUrl: e.DIGITAL_AUTH_BASE_URL.replace(/\/$/, ""),
          clientId: e.DIGITAL_AUTH_CLIENT_ID as string,
          auth: e.DIGITAL_AUTH_PRIVATE_KEY_FILE
            ? { kind: "private_key_jwt", keyFile: e.DIGITAL_AUTH_PRIVATE_KEY_FILE }
            : { kind: "client_secret", secret: e.DIGITAL_AUTH_CLIENT_SECRET as string },
          decryptionKeyFile: e.DIGITAL_AUTH_DECRYPTION_KEY_FILE as string,
          redirectUri: e.DIGITAL_AUTH_REDIRECT_URI ?? `${publicUrl}/v1/digital-auth/callback`,
        }
      : e.NODE_ENV === "production"
        ? { kind: "unavailable" }
        : {
            kind: "simulator",
            card:
              e.DIGITAL_AUTH_SIMULATOR_CARD_KEY && e.DIGITAL_AUTH_SIMULATOR_CARD_CERT
                ? { keyFile: e.DIGITAL_AUTH_SIMULATOR_CARD_KEY, certFile: e.DIGITAL_AUTH_SIMULATOR_CARD_CERT }
                : null,
          },
  };
}

/** The items of a comma-separated list, trimmed, empty ones dropped. */
function commaList(s: string): string[] {
  return s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

/** An IPv4 or IPv6 address, optionally with a prefix length (a CIDR range). */
function isAddressOrCidr(s: string): boolean {
  const [address = "", prefix, ...rest] = s.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function decodeKey(s: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(s)) return Buffer.from(s, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) {
    const b = Buffer.from(s, "base64");
    if (b.length === 32) return b;
  }
  return null;
}

/**
 * The origin a browser reaches the server on when PUBLIC_URL is unset: HOST itself (127.0.0.1 by
 * default, not "localhost", which is another origin for the browser's storage), the loopback
 * address for a wildcard HOST, an IPv6 address in brackets.
 */
export function listeningOrigin(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}
