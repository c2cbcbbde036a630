import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { importMasterList } from "./master-list.ts";
import { loadTrustStore } from "./trust-store.ts";

const { chip } = inject("evidenceFixtures");

describe("CSCA master list import", () => {
  it("returns the CSCAs of a list whose signer chains to the anchor", () => {
    const anchor = new X509Certificate(readFileSync(chip.masterListAnchor));
    const imported = importMasterList(readFileSync(chip.masterList), [anchor], new Date());
    // The four country signing CAs, not the residence-card CA that shares the folder.
    const expected = loadTrustStore(chip.trustDir)
      .anchors.filter((c) => !c.subject.includes("isa-ca"))
      .map((c) => c.fingerprint256)
      .sort();
    expect(expected).toHaveLength(4);
    expect(imported.certificates.map((c) => c.fingerprint256).sort()).toEqual(expected);
    expect(imported.signer).toMatch(/Master List Signer/);
  });

  it("refuses a list whose signer does not chain to the anchor", () => {
    const other = loadTrustStore(chip.otherTrustDir).anchors;
    expect(() => importMasterList(readFileSync(chip.masterList), other, new Date())).toThrow(
      /does not chain to a trusted anchor/,
    );
  });

  it("refuses a list whose content was changed", () => {
    const anchor = new X509Certificate(readFileSync(chip.masterListAnchor));
    const list = Buffer.from(readFileSync(chip.masterList));
    list[200] = (list[200] ?? 0) ^ 0x01;
    expect(() => importMasterList(list, [anchor], new Date())).toThrow();
  });
});
