import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { localSmdpSimulator } from "../src/issuance/smdp.ts";
import { draftApplication, runEveryJobNow, somebody, submitAndPay } from "./support/journey.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const dir = mkdtempSync(join(tmpdir(), "jitsumei-qr-"));

/** What a real QR reader (zbar) reads from an image: the decoded text, or a thrown error. */
function zbar(png: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, png);
  // stderr ignored: zbar complains about D-Bus where no session bus runs.
  return execFileSync("zbarimg", ["--raw", "-q", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).replace(/\n$/, "");
}

async function bytes(server: TestServer, path: string, token: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

describe("the eSIM QR code", () => {
  it("decodes with zbarimg to exactly the activation code, as PNG and as SVG", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const submitted = await submitAndPay(server, reference, token);
    expect(submitted.body.state).toBe("sim_assigned");
    const code = String((submitted.body.line as { esimActivationCode: string }).esimActivationCode);
    expect(code).toMatch(/^LPA:1\$[a-z0-9.-]+\$[A-Z0-9-]+$/i);

    const png = await bytes(server, `/v1/applications/${reference}/esim/qr.png`, token);
    expect(png).toMatchObject({ status: 200, type: "image/png" });
    expect(zbar(png.body, "qr.png")).toBe(code);

    const svg = await bytes(server, `/v1/applications/${reference}/esim/qr.svg`, token);
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    expect(svg.body.toString("utf8")).toMatch(/^<svg/);
    const rendered = await sharp(svg.body, { density: 300 }).flatten({ background: "#ffffff" }).png().toBuffer();
    expect(zbar(rendered, "qr-svg.png")).toBe(code);
  });

  it("is refused before a line is assigned, and to anyone without the application's token", async () => {
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const early = await server.api("GET", `/v1/applications/${reference}/esim/qr.png`, { token });
    expect(early).toMatchObject({ status: 409, body: { code: "activation_not_ready" } });
    const stranger = await server.api("GET", `/v1/applications/${reference}/esim/qr.png`, { token: "jat_wrong" });
    // A wrong token learns nothing, not even that the reference exists.
    expect(stranger).toMatchObject({ status: 404, body: { code: "application_not_found" } });
  });

  it("is released by the SM-DP+ after assignment; a confirmation code goes separately and is needed to download", async () => {
    const smdp = server.services.smdp as ReturnType<typeof localSmdpSimulator>;
    const db = server.services.db;
    await db.query("UPDATE esim_profiles SET confirmation_code_required = true WHERE status = 'available'");
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const submitted = await submitAndPay(server, reference, token);
    const code = String((submitted.body.line as { esimActivationCode: string }).esimActivationCode);
    expect(code).toMatch(/^LPA:1\$[^$]+\$[^$]+\$\$1$/); // SGP.22: confirmation code required
    const matchingId = code.split("$")[2] ?? "";
    await runEveryJobNow(server);
    const mails = (await server.api("GET", "/dev/outbox?limit=200")).body.items as { subject: string; text: string }[];
    const mail = mails.find((m) => m.text.includes(reference) && /confirmation code/i.test(m.subject));
    const confirmation = /\b(\d{8})\b/.exec(mail?.text ?? "")?.[1];
    expect(confirmation).toMatch(/^\d{8}$/);
    // The QR code does not carry the confirmation code.
    const png = await bytes(server, `/v1/applications/${reference}/esim/qr.png`, token);
    expect(zbar(png.body, "qr-cc.png")).not.toContain(String(confirmation));
    expect(await smdp.download(db, { matchingId })).toBe("confirmation code refused");
    expect(
      await smdp.download(db, { matchingId, confirmationCode: "00000000" === confirmation ? "11111111" : "00000000" }),
    ).toBe("confirmation code refused");
    expect(await smdp.download(db, { matchingId, confirmationCode: confirmation })).toBe("ok");
  });

  it("is cancelled at the SM-DP+ when the application is withdrawn before download", async () => {
    const smdp = server.services.smdp as ReturnType<typeof localSmdpSimulator>;
    const db = server.services.db;
    await db.query("UPDATE esim_profiles SET confirmation_code_required = false WHERE status = 'available'");
    const { reference, token } = await draftApplication(server, "prepaid-data-esim", somebody());
    const submitted = await submitAndPay(server, reference, token);
    const matchingId =
      String((submitted.body.line as { esimActivationCode: string }).esimActivationCode).split("$")[2] ?? "";
    await server.services.jobs.drain();
    expect((await server.api("POST", `/v1/applications/${reference}/cancel`, { token })).body.state).toBe("cancelled");
    await runEveryJobNow(server);
    expect(await smdp.download(db, { matchingId })).toBe("profile is cancelled");
  });
});
