import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runCli } from "./support/cli.ts";

const cli = join(import.meta.dirname, "..", "bin", "jitsumei.js");
const { chip, jpki } = inject("evidenceFixtures");

async function run(args: string[], input?: string) {
  const r = await runCli(["evidence", ...args], { input });
  return { status: r.status, json: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

const chipArgs = (name: keyof typeof chip.chips, trust = chip.trustDir) => [
  "chip",
  "--sod",
  chip.chips[name].sod,
  "--dg1",
  chip.chips[name].dg1,
  "--dg2",
  chip.chips[name].dg2,
  "--trust",
  trust,
];

describe("npx jitsumei evidence", () => {
  it("is a command: the binary reads stdin, prints the JSON on stdout and answers with its exit code", () => {
    const specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4\n";
    const spawn = (at: string) =>
      spawnSync(process.execPath, [cli, "evidence", "mrz", "--at", at], {
        input: specimen,
        encoding: "utf8",
        timeout: 60_000,
      });
    const valid = spawn("2034-04-15");
    expect(valid.status).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ valid: true, fields: { documentNumber: "L898902C3" } });
    const expired = spawn("2034-04-16");
    expect(expired.status).toBe(1);
    expect(JSON.parse(expired.stdout)).toMatchObject({ valid: false });
    const usage = spawn("2034-02-30");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--at 2034-02-30: not a date/);
  });

  it("mrz: valid lines on stdin → exit 0 with the fields; a broken check digit → exit 1; not an MRZ → exit 2", async () => {
    const ok = await run(
      ["mrz"],
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4\n",
    );
    expect(ok.status).toBe(0);
    expect(ok.json).toMatchObject({
      valid: true,
      checks: [
        { code: "mrz.valid", status: "pass" },
        { code: "document.not_expired", status: "pass" },
        { code: "applicant.of_age", status: "pass", params: { minimumAge: 18 } },
      ],
      fields: { documentNumber: "L898902C3" },
    });
    const broken = await run(
      ["mrz"],
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F3404159<<<<<<<<<<<<<<<4\n",
    );
    expect(broken.status).toBe(1);
    expect(broken.json.valid).toBe(false);
    expect((await run(["mrz"], "hello\n")).status).toBe(2);
  });

  it("mrz --at: a document expired on that day, or a holder under age, is not valid, as the application decides", async () => {
    const specimen = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4\n";
    // Expiry 2034-04-15: still valid that day, expired the next.
    expect((await run(["mrz", "--at", "2034-04-15"], specimen)).status).toBe(0);
    const expired = await run(["mrz", "--at", "2034-04-16"], specimen);
    expect(expired.status).toBe(1);
    expect(expired.json).toMatchObject({ valid: false, at: "2034-04-16" });
    expect(expired.json.checks).toContainEqual({ code: "document.not_expired", status: "fail" });
    // Born 1974-08-12: 17 the day before the 18th birthday (1992-08-12).
    const young = await run(["mrz", "--at", "1992-08-11"], specimen);
    expect(young.status).toBe(1);
    expect(young.json.checks).toContainEqual({ code: "applicant.of_age", status: "fail", params: { minimumAge: 18 } });
    expect((await run(["mrz", "--at", "1992-08-12"], specimen)).status).toBe(0);
    expect((await run(["mrz", "--at", "2034-02-30"], specimen)).status).toBe(2);
  });

  it("chip --at: the same chip on a day after the document's expiry → exit 1 naming document.not_expired", async () => {
    const later = await run([...chipArgs("rsa"), "--at", "2034-04-16"]);
    expect(later.json.checks).toContainEqual({ code: "document.not_expired", status: "fail" });
    expect(later.status).toBe(1);
  });

  it("residence-card: a genuine chip → exit 0; on a day before its signer was valid → exit 1; missing options → exit 2", async () => {
    const card = chip.residenceCards.secondGeneration;
    const args = [
      "residence-card",
      "--front",
      card.front,
      "--face",
      card.face,
      "--check-code",
      card.checkCode,
      "--certificate",
      card.certificate,
      "--trust",
      chip.trustDir,
    ];
    const ok = await run(args);
    expect(ok.status).toBe(0);
    expect(ok.json.valid).toBe(true);
    const before = await run([...args, "--at", "2001-01-01"]);
    expect(before.status).toBe(1);
    expect(before.json.valid).toBe(false);
    expect((await run(["residence-card", "--front", card.front])).status).toBe(2);
  });

  it("chip: a genuine chip → exit 0 with the DS certificate and MRZ; a wrong trust anchor → exit 1", async () => {
    const ok = await run(chipArgs("brainpool"));
    expect(ok.status).toBe(0);
    expect(ok.json.valid).toBe(true);
    expect(ok.json.fields.mrz.familyName).toBe("ERIKSSON");
    expect(ok.json.fields.documentSigner.subject).toMatch(/Document Signer brainpool/);
    const wrong = await run(chipArgs("rsa", chip.otherTrustDir));
    expect(wrong.status).toBe(1);
    expect(wrong.json.checks).toContainEqual(
      expect.objectContaining({ code: "chip.document_signer_trusted", status: "fail" }),
    );
  });

  it("chip: missing options or unreadable files → exit 2", async () => {
    expect((await run(["chip", "--sod", chip.chips.rsa.sod])).status).toBe(2);
    expect(
      (await run(["chip", "--sod", "/nonexistent", "--dg1", chip.chips.rsa.dg1, "--trust", chip.trustDir])).status,
    ).toBe(2);
  });

  it("jpki: a valid signature → exit 0 with the particulars; a revoked certificate → exit 1", async () => {
    const ok = await run([
      "jpki",
      "--data",
      jpki.payload,
      "--signature",
      jpki.signatures.pkcs1,
      "--cert",
      jpki.certificate,
      "--trust",
      jpki.trustDir,
    ]);
    expect(ok.status).toBe(0);
    expect(ok.json.fields.particulars.birthDate).toBe("1974-08-12");
    const revoked = await run([
      "jpki",
      "--data",
      jpki.payload,
      "--signature",
      jpki.signatures.revokedSigner,
      "--trust",
      jpki.trustDir,
    ]);
    expect(revoked.status).toBe(1);
    expect(revoked.json.checks).toContainEqual({ code: "jpki.certificate_not_revoked", status: "fail" });
  });
});

describe("npx jitsumei evidence import-master-list", () => {
  it("writes the CSCAs of a list signed under the anchor, and refuses one that is not", async () => {
    const { mkdtempSync, readdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const out = mkdtempSync(join(tmpdir(), "jitsumei-ml-"));
    const ok = await run([
      "import-master-list",
      "--file",
      chip.masterList,
      "--anchor",
      chip.masterListAnchor,
      "--out",
      out,
    ]);
    expect(ok.status).toBe(0);
    expect(ok.json.certificates).toHaveLength(4);
    expect(readdirSync(out).filter((f) => f.endsWith(".pem"))).toHaveLength(4);
    // The imported folder is a trust store the chip command accepts.
    expect((await run(chipArgs("brainpool", out))).status).toBe(0);
    const otherAnchor = join(chip.otherTrustDir, "csca-other.pem");
    const refused = await run(["import-master-list", "--file", chip.masterList, "--anchor", otherAnchor, "--out", out]);
    expect(refused.status).toBe(1);
    expect(refused.json.error).toMatch(/does not chain/);
    // --at: the day of the import; before the list signer's certificate began, the list is refused.
    const early = await run([
      "import-master-list",
      "--file",
      chip.masterList,
      "--anchor",
      chip.masterListAnchor,
      "--out",
      out,
      "--at",
      "2001-01-01",
    ]);
    expect(early.status).toBe(1);
    expect(early.json.error).toMatch(/signer certificate is not valid on 2001-01-01/);
    expect(
      (
        await run([
          "import-master-list",
          "--file",
          chip.masterList,
          "--anchor",
          chip.masterListAnchor,
          "--out",
          out,
          "--at",
          "someday",
        ])
      ).status,
    ).toBe(2);
  });
});
