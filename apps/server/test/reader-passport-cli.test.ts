import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ensurePcscd,
  startViccPassport,
  usePcscAlone,
  type ViccCard,
} from "../../../packages/pcsc/src/test-support/vicc.ts";
import { buildCom } from "../../../packages/reader/src/test-support/emulated-passport.ts";
import { main } from "../src/cli/main.ts";

usePcscAlone();

const { chip } = inject("evidenceFixtures");
const dir = mkdtempSync(join(tmpdir(), "jitsumei-reader-cli-"));
const mrzFile = join(dir, "mrz.txt");
writeFileSync(mrzFile, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4\n");

/** The CLI's entry point in this process (a spawned CLI costs seconds of start-up per run). */
async function jitsumei(args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(args, {
    out: (s) => {
      stdout += s;
    },
    err: (s) => {
      stderr += s;
    },
    stdin: async () => "",
  });
  return { status, json: stdout ? JSON.parse(stdout) : null, stderr };
}
const run = (args: string[]) => jitsumei(["reader", "passport", ...args]);

let card: ViccCard;
beforeAll(async () => {
  card = await startViccPassport({
    com: buildCom([1, 2]),
    sod: readFileSync(chip.chips.rsa.sod),
    dataGroups: { 1: readFileSync(chip.chips.rsa.dg1), 2: readFileSync(chip.chips.rsa.dg2) },
  });
});
afterAll(async () => {
  await card?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("npx jitsumei reader passport (vsmartcard's vicc on PC/SC)", () => {
  it("reads and verifies the passport: exit 0, the same {valid, checks, fields} as evidence chip", async () => {
    const r = await run(["--mrz-file", mrzFile, "--trust", chip.trustDir, "--reader", card.readerName]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.json).toMatchObject({
      valid: true,
      reader: card.readerName,
      accessControl: "BAC",
      fields: { mrz: { documentNumber: "L898902C3" }, face: { bytes: expect.any(Number) } },
    });
    expect(r.json.checks.filter((c: { status: string }) => c.status === "fail")).toEqual([]);
    // The same verdict as `evidence chip` on the files the issuer signed.
    const same = await jitsumei([
      "evidence",
      "chip",
      ...["--sod", chip.chips.rsa.sod, "--dg1", chip.chips.rsa.dg1, "--dg2", chip.chips.rsa.dg2],
      ...["--trust", chip.trustDir],
    ]);
    const { checks, fields } = same.json;
    expect(r.json.checks).toEqual(checks);
    expect(r.json.fields).toEqual(fields);
  });

  it("--at after the passport's expiry: exit 1, document.not_expired fails", async () => {
    const r = await run([
      "--mrz-file",
      mrzFile,
      "--trust",
      chip.trustDir,
      "--reader",
      card.readerName,
      "--at",
      "2034-04-16",
    ]);
    expect(r.status).toBe(1);
    expect(r.json.valid).toBe(false);
    expect(r.json.checks).toContainEqual({ code: "document.not_expired", status: "fail" });
  });

  it("exit 2 naming the problem: no such reader, an MRZ file that is not an MRZ, no --trust", async () => {
    await ensurePcscd();
    const missing = await run(["--mrz-file", mrzFile, "--trust", chip.trustDir, "--reader", "No Such Reader 00 00"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no_reader: no PC\/SC reader named "No Such Reader 00 00"/);
    const notMrz = join(dir, "not-mrz.txt");
    writeFileSync(notMrz, "hello\n");
    const bad = await run(["--mrz-file", notMrz, "--trust", chip.trustDir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--mrz-file");
    expect((await run(["--mrz-file", mrzFile])).status).toBe(2);
  });
});
