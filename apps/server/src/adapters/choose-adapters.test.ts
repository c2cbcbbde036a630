import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config/config.ts";
import { openDocumentStorage } from "../storage/open-document-storage.ts";
import type { PortName } from "./adapters.ts";
import { chooseAdapters } from "./choose-adapters.ts";

const production = {
  NODE_ENV: "production",
  JITSUMEI_MASTER_KEY: Buffer.alloc(32, 3).toString("base64"),
  JITSUMEI_PAYMENT_NOTIFICATION_SECRET: "s".repeat(32),
  JITSUMEI_INVOICE_REGISTRATION_NUMBER: "T1234567890123",
};
const example = fileURLToPath(new URL("../../../../examples/adapters/http-adapters.ts", import.meta.url));
const context = {
  env: "test" as const,
  publicUrl: () => "http://127.0.0.1:9",
  clock: () => new Date(),
  warn: () => {},
};

/** An adapter module written for the test, in a folder of its own. */
function moduleFile(source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "jitsumei-adapters-")), "adapters.mjs");
  writeFileSync(file, source);
  return file;
}

async function problemsOf(env: Record<string, string>, ports?: PortName[]) {
  try {
    await chooseAdapters(loadConfig(env), context, ports);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const exampleEnv = {
  EXAMPLE_SMS_API: "https://sms.example/v1",
  EXAMPLE_SMS_TOKEN: "t",
  EXAMPLE_DELIVERY_API: "https://parcels.example/v1",
  EXAMPLE_DELIVERY_TOKEN: "t",
};
afterEach(() => {
  for (const name of Object.keys(exampleEnv)) delete process.env[name];
});

describe("adapters chosen by configuration", () => {
  it("runs every port on its simulator in development, SMTP_URL making mail real", async () => {
    expect(await chooseAdapters(loadConfig({}), context)).toEqual({
      chosen: {},
      simulators: [
        "smdp",
        "provisioning",
        "numberPortability",
        "payment",
        "sms",
        "delivery",
        "creditExchange",
        "paymentMethodCheck",
        "mail",
        "digitalAuth",
      ],
    });
    const withSmtp = await chooseAdapters(loadConfig({ SMTP_URL: "smtp://127.0.0.1:9" }), context);
    expect(withSmtp.simulators).not.toContain("mail");
  });

  it("refuses a production start on each simulator ALLOW_SIMULATORS does not list, naming it", async () => {
    const problems = await problemsOf({ ...production, ALLOW_SIMULATORS: "payment,smdp,provisioning,creditExchange" });
    expect(problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(
        /`numberPortability` has no adapter: numberPortability would run on the local MNP simulator .*lists numberPortability$/,
      ),
      expect.stringMatching(/^is unset, so `sms` has no adapter: sms would run on the local SMS outbox .*lists sms$/),
      expect.stringMatching(/`delivery` has no adapter: delivery would run on the Japan Post simulator/),
      expect.stringMatching(/`paymentMethodCheck` has no adapter/),
      expect.stringMatching(/`mail` has no adapter \(or set SMTP_URL\)/),
    ]);
    expect(new Set(problems.map((p) => p.variable))).toEqual(new Set(["JITSUMEI_ADAPTERS_MODULE"]));
    // Unset in production, the Digital Authentication App is not offered: no simulator to refuse.
    expect(problems.some((p) => p.reason.includes("digitalAuth"))).toBe(false);
  });

  it("names the export a production module lacks", async () => {
    const file = moduleFile("export const sms = () => ({ kind: 'provider', send: async () => ({}) });\n");
    const problems = await problemsOf(
      { ...production, SMTP_URL: "smtp://127.0.0.1:9", JITSUMEI_ADAPTERS_MODULE: file },
      ["sms", "delivery"],
    );
    expect(problems).toEqual([
      {
        variable: "JITSUMEI_ADAPTERS_MODULE",
        reason: `${file} exports no \`delivery\` factory: delivery would run on the Japan Post simulator (no parcel is booked), which production refuses unless ALLOW_SIMULATORS lists delivery`,
      },
    ]);
  });

  it("refuses exports that are no port or no factory, a module that cannot load, and SMTP_URL beside a `mail` export", async () => {
    const file = moduleFile(
      "export const smsSender = () => ({});\nexport const sms = 3;\nexport const mail = () => ({ send() {}, close() {} });\n",
    );
    const problems = await problemsOf({ JITSUMEI_ADAPTERS_MODULE: file, SMTP_URL: "smtp://127.0.0.1:9" });
    expect(problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(
        /exports `smsSender`, which is no port \(the ports: smdp, provisioning, numberPortability, payment, sms,/,
      ),
      expect.stringMatching(/exports `sms` as a number: it must be a factory/),
      expect.stringMatching(/exports `mail` and SMTP_URL is set too/),
    ]);
    expect(await problemsOf({ JITSUMEI_ADAPTERS_MODULE: "./no/such/adapters.js" })).toEqual([
      {
        variable: "JITSUMEI_ADAPTERS_MODULE",
        reason: expect.stringMatching(/^cannot load \.\/no\/such\/adapters\.js: /),
      },
    ]);
  });

  it("takes the MNP system from a module's `numberPortability`, and checks its methods", async () => {
    const file = moduleFile(
      `export const numberPortability = () => ({ kind: "mnp-system", lookUpReservation: async () => ({}),
         oneStopUrl: () => "", redeemOneStop: async () => ({}), switchOver: async () => ({ portRef: "p" }) });\n`,
    );
    const { chosen, simulators } = await chooseAdapters(loadConfig({ JITSUMEI_ADAPTERS_MODULE: file }), context);
    expect(chosen.numberPortability?.kind).toBe("mnp-system");
    expect(simulators).not.toContain("numberPortability");
    const partial = moduleFile('export const numberPortability = () => ({ kind: "mnp-system" });\n');
    expect(await problemsOf({ JITSUMEI_ADAPTERS_MODULE: partial })).toEqual([
      {
        variable: "JITSUMEI_ADAPTERS_MODULE",
        reason:
          "the `numberPortability` factory returned an adapter without lookUpReservation(), oneStopUrl(), redeemOneStop(), switchOver()",
      },
    ]);
  });

  it("takes a module's `documentStore`, refuses it beside JITSUMEI_DOCUMENT_STORE=s3; the database is no simulator", async () => {
    const file = moduleFile(
      "const objects = new Map();\nexport const documentStore = () => ({ put: async (k, b) => { objects.set(k, b); }, get: async (k) => objects.get(k) ?? null, delete: async (k) => { objects.delete(k); } });\n",
    );
    const { chosen, simulators } = await chooseAdapters(loadConfig({ JITSUMEI_ADAPTERS_MODULE: file }), context);
    const { documents } = await openDocumentStorage({ kind: "database" }, chosen.documentStore);
    expect(documents.kind).toBe("object");
    const placed = await documents.place(Buffer.from("ciphertext"));
    expect(placed.contentEnc).toBeNull();
    expect(await documents.read({ content_enc: null, content_ref: placed.contentRef })).toEqual(
      Buffer.from("ciphertext"),
    );
    expect(simulators).not.toContain("documentStore");
    const s3 = { JITSUMEI_DOCUMENT_STORE: "s3", JITSUMEI_S3_BUCKET: "docs", JITSUMEI_S3_REGION: "ap-northeast-1" };
    expect(await problemsOf({ ...s3, JITSUMEI_ADAPTERS_MODULE: file })).toEqual([
      {
        variable: "JITSUMEI_ADAPTERS_MODULE",
        reason: "exports `documentStore` and JITSUMEI_DOCUMENT_STORE=s3 is set too: name one document store",
      },
    ]);
    const partial = moduleFile("export const documentStore = () => ({ put: async () => {} });\n");
    expect(await problemsOf({ JITSUMEI_ADAPTERS_MODULE: partial })).toEqual([
      {
        variable: "JITSUMEI_ADAPTERS_MODULE",
        reason: "the `documentStore` factory returned an adapter without get(), delete()",
      },
    ]);
  });

  it("checks what each factory returns, and reports one that throws", async () => {
    const file = moduleFile(
      "export const sms = async () => ({ kind: 'provider' });\nexport const delivery = () => { throw new Error('no API key'); };\n",
    );
    expect(await problemsOf({ JITSUMEI_ADAPTERS_MODULE: file })).toEqual([
      { variable: "JITSUMEI_ADAPTERS_MODULE", reason: "the `sms` factory returned an adapter without send()" },
      { variable: "JITSUMEI_ADAPTERS_MODULE", reason: "the `delivery` factory failed: no API key" },
    ]);
  });

  it("loads the documented example module: its ports are real, the rest allowed simulators", async () => {
    Object.assign(process.env, exampleEnv);
    const warnings: string[] = [];
    const rest = "smdp,provisioning,numberPortability,payment,creditExchange,paymentMethodCheck";
    const config = loadConfig({
      ...production,
      SMTP_URL: "smtp://127.0.0.1:9",
      JITSUMEI_ADAPTERS_MODULE: example,
      ALLOW_SIMULATORS: rest,
    });
    const { chosen, simulators } = await chooseAdapters(config, { ...context, warn: (m) => warnings.push(m) });
    expect(chosen.sms?.kind).toBe("provider");
    expect(chosen.delivery?.carrier).toBe("example-parcels");
    expect(simulators).toEqual(rest.split(","));
    expect(warnings).toEqual([expect.stringMatching(/^running on simulators ALLOW_SIMULATORS allows: smdp \(/)]);
    delete process.env.EXAMPLE_SMS_TOKEN;
    expect(await problemsOf({ JITSUMEI_ADAPTERS_MODULE: example })).toEqual([
      { variable: "JITSUMEI_ADAPTERS_MODULE", reason: "the `sms` factory failed: EXAMPLE_SMS_TOKEN is required" },
    ]);
  });
});
