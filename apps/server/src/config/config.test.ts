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
  it("starts with nothing set: embedded database in ./data, local outbox, port 3000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { kind: "pglite", dataDir: "./data/pglite" },
      mail: { kind: "local-outbox" },
      masterKey: null,
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
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u@db:5432/jitsumei" });
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

  it("counts the operator's days in Asia/Tokyo unless OPERATOR_TIME_ZONE says otherwise", () => {
    expect(loadConfig({}).timeZone).toBe("Asia/Tokyo");
    expect(loadConfig({ OPERATOR_TIME_ZONE: "Asia/Seoul" }).timeZone).toBe("Asia/Seoul");
  });

  it("requires the master key, the payment notification secret and the invoice number in production, naming all", () => {
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
      JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
    });
    expect(production.env).toBe("production");
    expect(production.invoiceRegistrationNumber).toBe("T1234567890123");
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
});
