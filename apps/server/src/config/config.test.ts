import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const key = Buffer.alloc(32, 9).toString("base64");

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("selects the real SM-DP+ only with everything ES2+ needs, and names what is missing", () => {
    expect(loadConfig({}).network).toEqual({ es2plus: null, es2plusCallback: null });
    expect(problemsOf({ SMDP_ES2PLUS_URL: "https://smdp.example" }).map((p) => p.variable)).toEqual([
      "SMDP_FUNCTION_REQUESTER_ID",
      "SMDP_CLIENT_CERT",
      "SMDP_CLIENT_KEY",
      "SMDP_CA",
    ]);
    expect(problemsOf({ SMDP_ES2PLUS_URL: "http://smdp.example" })).toEqual([
      { variable: "SMDP_ES2PLUS_URL", reason: "must be an https:// URL (the SM-DP+'s ES2+ base)" },
    ]);
    expect(problemsOf({ ES2PLUS_CALLBACK_PORT: "8443" }).map((p) => p.variable)).toEqual([
      "ES2PLUS_CALLBACK_CERT",
      "ES2PLUS_CALLBACK_KEY",
      "ES2PLUS_CALLBACK_CA",
    ]);
    const es2 = { SMDP_FUNCTION_REQUESTER_ID: "op", SMDP_CLIENT_CERT: "c", SMDP_CLIENT_KEY: "k", SMDP_CA: "ca" };
    expect(loadConfig({ SMDP_ES2PLUS_URL: "https://smdp.example", ...es2 }).network.es2plus).toEqual({
      baseUrl: "https://smdp.example",
      functionRequesterIdentifier: "op",
      clientCertFile: "c",
      clientKeyFile: "k",
      caFile: "ca",
    });
  });

  it("starts with nothing set: embedded database in ./data, local outbox, port 3000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { kind: "pglite", dataDir: "./data/pglite", sharedBuffers: "32MB" },
      mail: { kind: "local-outbox" },
      masterKey: null,
    });
  });

  it("puts links on the origin the server listens on when PUBLIC_URL is unset (127.0.0.1, not localhost)", () => {
    expect(loadConfig({})).toMatchObject({ publicUrl: "http://127.0.0.1:3000", publicUrlSet: false });
    expect(loadConfig({ HOST: "0.0.0.0", PORT: "8080" }).publicUrl).toBe("http://127.0.0.1:8080");
    expect(loadConfig({ HOST: "::" }).publicUrl).toBe("http://[::1]:3000");
    expect(loadConfig({ HOST: "192.168.1.20" }).publicUrl).toBe("http://192.168.1.20:3000");
    expect(loadConfig({ PUBLIC_URL: "https://apply.example/" })).toMatchObject({
      publicUrl: "https://apply.example",
      publicUrlSet: true,
    });
  });

  it("reads every variable", () => {
    const config = loadConfig({
      PORT: "8080",
      DATABASE_URL: "postgres://u@db:5432/jitsumei",
      JITSUMEI_MASTER_KEY: key,
      SMTP_URL: "smtp://mail:25",
      JITSUMEI_DATA_DIR: "/var/lib/jitsumei",
    });
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgres://u@db:5432/jitsumei",
      preparedStatements: true,
    });
    // Off behind a pooler that cannot keep prepared statements; anything but true or false is refused.
    expect(
      loadConfig({ DATABASE_URL: "postgres://u@db/j", DATABASE_PREPARED_STATEMENTS: "false" }).database,
    ).toMatchObject({ preparedStatements: false });
    expect(problemsOf({ DATABASE_PREPARED_STATEMENTS: "no" })).toEqual([
      { variable: "DATABASE_PREPARED_STATEMENTS", reason: "must be true or false" },
    ]);
    // The embedded database's buffer cache: a size PostgreSQL reads, anything else refused by name.
    expect(loadConfig({ EMBEDDED_DATABASE_SHARED_BUFFERS: "128MB" }).database).toMatchObject({
      kind: "pglite",
      sharedBuffers: "128MB",
    });
    for (const bad of ["32", "32 MB", "0MB", "-1MB", "32MB; DROP"]) {
      expect(problemsOf({ EMBEDDED_DATABASE_SHARED_BUFFERS: bad })).toEqual([
        { variable: "EMBEDDED_DATABASE_SHARED_BUFFERS", reason: "must be a size such as 32MB (kB, MB or GB)" },
      ]);
    }
    expect(config.masterKey?.equals(Buffer.alloc(32, 9))).toBe(true);
    expect(config.mail).toMatchObject({ kind: "smtp", url: "smtp://mail:25" });
    expect(loadConfig({ JITSUMEI_MASTER_KEY: "ab".repeat(32) }).masterKey).toHaveLength(32);
  });

  it("names each wrong variable and says what is wrong", () => {
    const problems = problemsOf({
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
      SMTP_URL: "mail.example",
      JITSUMEI_MASTER_KEY: "c2hvcnQ=",
    });
    expect(problems.map((p) => p.variable).sort()).toEqual(["DATABASE_URL", "JITSUMEI_MASTER_KEY", "PORT", "SMTP_URL"]);
    expect(problems.find((p) => p.variable === "PORT")?.reason).toMatch(/whole number/);
    expect(problems.find((p) => p.variable === "JITSUMEI_MASTER_KEY")?.reason).toMatch(/32 random bytes/);
    expect(problemsOf({ PORT: "70000" })[0]?.reason).toMatch(/between 0 and 65535/);
    expect(problemsOf({ OPERATOR_TIME_ZONE: "Tokyo" })).toEqual([
      { variable: "OPERATOR_TIME_ZONE", reason: "must be an IANA time zone such as Asia/Tokyo" },
    ]);
  });

  it("takes a multi-host DATABASE_URL (a primary and its standbys) and refuses one the server cannot write through", () => {
    const url = "postgres://u@db1:5432,db2:5432/jitsumei?target_session_attrs=read-write";
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: "postgres", url, preparedStatements: true });
    expect(problemsOf({ DATABASE_URL: "postgres://u@db1,db2/jitsumei?target_session_attrs=standby" })).toEqual([
      {
        variable: "DATABASE_URL",
        reason: "has target_session_attrs=standby: the server writes, so it needs read-write (or primary), the default",
      },
    ]);
  });

  it("takes TRUST_PROXY as addresses or CIDR ranges only, and trusts no proxy unless set (issue #21)", () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,::1" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "::1",
    ]);
    for (const bad of ["true", "proxy.example", "10.0.0.0/33", "10.0.0.1/8/8"]) {
      expect(problemsOf({ TRUST_PROXY: bad }), bad).toEqual([
        { variable: "TRUST_PROXY", reason: expect.stringContaining("is not an IP address or CIDR range") },
      ]);
    }
  });

  it("limits applications, refuses specimens and keeps webhooks off loopback by default in production (issue #21)", () => {
    expect(loadConfig({}).applicationLimits).toEqual({ hours: 1, ip: 30, device: 10, contact: 5, review: 2 });
    expect(loadConfig({ JITSUMEI_APPLICATION_LIMITS: "ip=5,review=1" }).applicationLimits).toMatchObject({
      ip: 5,
      review: 1,
      contact: 5,
    });
    expect(problemsOf({ JITSUMEI_APPLICATION_LIMITS: "ip=0" })[0]?.variable).toBe("JITSUMEI_APPLICATION_LIMITS");
    expect(loadConfig({}).refuseSpecimenDocuments).toBe(false);
    expect(loadConfig({ SPECIMEN_DOCUMENTS: "refuse" }).refuseSpecimenDocuments).toBe(true);
    expect(loadConfig({ WEBHOOK_ALLOW_LOOPBACK: "true" }).webhookAllowLoopback).toBe(true);
    const production = problemsOf({
      NODE_ENV: "production",
      SPECIMEN_DOCUMENTS: "allow",
      WEBHOOK_ALLOW_LOOPBACK: "true",
    });
    expect(production.map((p) => p.variable)).toEqual(
      expect.arrayContaining(["SPECIMEN_DOCUMENTS", "WEBHOOK_ALLOW_LOOPBACK"]),
    );
    expect(loadConfig({}).staff.freeFailures).toEqual({ account: 3, address: 10 });
  });

  it("counts the operator's days in Asia/Tokyo unless OPERATOR_TIME_ZONE says otherwise", () => {
    expect(loadConfig({}).timeZone).toBe("Asia/Tokyo");
    expect(loadConfig({ OPERATOR_TIME_ZONE: "Asia/Seoul" }).timeZone).toBe("Asia/Seoul");
  });

  it("hashes staff passwords with argon2id at 64 MiB and 3 passes unless told otherwise, never below OWASP's minimum", () => {
    expect(loadConfig({}).passwordHashing).toEqual({ memoryKib: 65536, passes: 3 });
    expect(loadConfig({ PASSWORD_HASH_MEMORY_KIB: "19456", PASSWORD_HASH_PASSES: "2" }).passwordHashing).toEqual({
      memoryKib: 19456,
      passes: 2,
    });
    expect(problemsOf({ PASSWORD_HASH_MEMORY_KIB: "8192", PASSWORD_HASH_PASSES: "1" }).map((p) => p.variable)).toEqual([
      "PASSWORD_HASH_MEMORY_KIB",
      "PASSWORD_HASH_PASSES",
    ]);
  });

  // The mail transport is a port: SMTP_URL, or the adapter module's `mail` (adapters/choose-adapters.test.ts).
  it("requires the master key, the payment notification secret and the invoice number in production, naming each", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual([
      { variable: "JITSUMEI_MASTER_KEY", reason: expect.stringMatching(/required when NODE_ENV=production/) },
      {
        variable: "JITSUMEI_PAYMENT_NOTIFICATION_SECRET",
        reason: expect.stringMatching(/required when NODE_ENV=production/),
      },
      {
        variable: "JITSUMEI_INVOICE_REGISTRATION_NUMBER",
        reason: expect.stringMatching(/required when NODE_ENV=production.*T \+ 13 digits/),
      },
    ]);
    const secret = "s".repeat(32);
    const production = loadConfig({
      NODE_ENV: "production",
      JITSUMEI_MASTER_KEY: key,
      JITSUMEI_PAYMENT_NOTIFICATION_SECRET: secret,
      SMTP_URL: "smtps://mailer:secret@mail.example:465",
      JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
    });
    expect(production.env).toBe("production");
    expect(production.invoiceRegistrationNumber).toBe("T1234567890123");
  });

  it("takes the ports production may run on their simulator, refusing unknown names and the Digital Authentication App's", () => {
    expect(loadConfig({ ALLOW_SIMULATORS: "sms, payment" }).adapters).toEqual({
      module: null,
      allowSimulators: ["sms", "payment"],
    });
    expect(problemsOf({ ALLOW_SIMULATORS: "sms,telex" })).toEqual([
      { variable: "ALLOW_SIMULATORS", reason: expect.stringMatching(/"telex" is no port: list some of smdp, /) },
    ]);
    expect(problemsOf({ ALLOW_SIMULATORS: "digitalAuth", NODE_ENV: "production" }).map((p) => p.variable)).toContain(
      "ALLOW_SIMULATORS",
    );
  });

  it("takes the invoice registration number only as T and 13 digits, and none outside production", () => {
    expect(problemsOf({ JITSUMEI_INVOICE_REGISTRATION_NUMBER: "1234567890123" })).toEqual([
      { variable: "JITSUMEI_INVOICE_REGISTRATION_NUMBER", reason: expect.stringMatching(/T and 13 digits/) },
    ]);
    expect(loadConfig({}).invoiceRegistrationNumber).toBeNull();
  });

  it("expires an unpaid prepaid application after PREPAID_PAYMENT_DAYS, 7 unless set", () => {
    expect(loadConfig({}).review.prepaidPaymentDays).toBe(7);
    expect(loadConfig({ PREPAID_PAYMENT_DAYS: "3" }).review.prepaidPaymentDays).toBe(3);
    expect(problemsOf({ PREPAID_PAYMENT_DAYS: "0" })[0]?.variable).toBe("PREPAID_PAYMENT_DAYS");
  });

  it("expires a reserved line nobody activates after ACTIVATION_DEADLINE_DAYS, 30 unless set", () => {
    expect(loadConfig({}).review.activationDeadlineDays).toBe(30);
    expect(loadConfig({ ACTIVATION_DEADLINE_DAYS: "10" }).review.activationDeadlineDays).toBe(10);
    expect(problemsOf({ ACTIVATION_DEADLINE_DAYS: "x" })[0]?.variable).toBe("ACTIVATION_DEADLINE_DAYS");
  });

  it("takes a carrier's tracking page with {trackingNumber} in it, Japan Post's by default", () => {
    expect(loadConfig({}).shipmentTrackingUrl).toContain("trackings.post.japanpost.jp");
    const custom = "https://track.example.jp/parcel/{trackingNumber}?lang={locale}";
    expect(loadConfig({ SHIPMENT_TRACKING_URL: custom }).shipmentTrackingUrl).toBe(custom);
    for (const bad of ["https://track.example.jp/parcel", "http://track.example.jp/{trackingNumber}"]) {
      expect(problemsOf({ SHIPMENT_TRACKING_URL: bad })).toEqual([
        expect.objectContaining({
          variable: "SHIPMENT_TRACKING_URL",
          reason: expect.stringContaining("{trackingNumber}"),
        }),
      ]);
    }
  });
});
