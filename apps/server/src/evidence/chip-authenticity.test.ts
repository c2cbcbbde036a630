import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chipAuthenticityChecks } from "./chip-authenticity.ts";

/**
 * The policy's three settings over the same chips (the HTTP test, apps/server/test/active-authentication.test.ts,
 * runs the emulated chip through the API under `required`).
 */
const key = generateKeyPairSync("ec", { namedCurve: "P-256" });
const spki = new Uint8Array(key.publicKey.export({ format: "der", type: "spki" }));
const dg15 = Uint8Array.of(0x6f, spki.length, ...spki); // a P-256 SPKI is 91 bytes: one length byte
const challenge = Uint8Array.of(8, 7, 6, 5, 4, 3, 2, 1);
const signature = new Uint8Array(sign("sha256", challenge, { key: key.privateKey, dsaEncoding: "ieee-p1363" }));
const dg1 = Uint8Array.of(0x61, 0);
const dg14 = Uint8Array.of(0x6e, 0);
const summary = (checks: ReturnType<typeof chipAuthenticityChecks>) =>
  checks.map((c) => `${c.code}:${c.status}:${c.params?.reason ?? c.params?.result ?? ""}`);

describe("chip authenticity checks by policy", () => {
  it("when_offered: a verified answer passes, a wrong one fails, none is noted, no DG15 is noted", () => {
    const fresh = { challenge, signature, challengeUse: "fresh" as const };
    expect(
      summary(
        chipAuthenticityChecks({ dataGroups: { 1: dg1, 15: dg15 }, activeAuthentication: fresh }, "when_offered"),
      ),
    ).toEqual(["chip.active_authentication_challenge:pass:", "chip.active_authentication:pass:"]);
    const wrong = { ...fresh, challenge: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0) };
    expect(
      summary(
        chipAuthenticityChecks({ dataGroups: { 1: dg1, 15: dg15 }, activeAuthentication: wrong }, "when_offered"),
      ),
    ).toEqual(["chip.active_authentication_challenge:pass:", "chip.active_authentication:fail:signature_invalid"]);
    expect(summary(chipAuthenticityChecks({ dataGroups: { 1: dg1, 15: dg15 } }, "when_offered"))).toEqual([
      "chip.active_authentication:pass:not_performed",
    ]);
    expect(summary(chipAuthenticityChecks({ dataGroups: { 1: dg1 } }, "when_offered"))).toEqual([
      "chip.active_authentication:pass:not_offered",
    ]);
  });

  it("required: DG15 without an answer fails the challenge; neither AA nor a reported CA goes to review; CA with DG14 vouches", () => {
    expect(summary(chipAuthenticityChecks({ dataGroups: { 1: dg1, 15: dg15 } }, "required"))).toEqual([
      "chip.active_authentication:pass:not_performed",
      "chip.active_authentication_challenge:fail:not_performed",
    ]);
    expect(summary(chipAuthenticityChecks({ dataGroups: { 1: dg1 } }, "required"))).toEqual([
      "chip.active_authentication:review:neither_offered",
    ]);
    const ca = { protocol: "0.4.0.127.0.7.2.2.3.2.4", passed: true };
    expect(
      summary(chipAuthenticityChecks({ dataGroups: { 1: dg1, 14: dg14 }, chipAuthentication: ca }, "required")),
    ).toEqual(["chip.active_authentication:pass:not_offered", "chip.chip_authentication:pass:"]);
    expect(
      chipAuthenticityChecks({ dataGroups: { 1: dg1, 14: dg14 }, chipAuthentication: ca }, "required")[1]?.params,
    ).toMatchObject({ reportedBy: "reader", dataGroup14: "present" });
  });

  it("off: nothing is checked, even a wrong answer", () => {
    const used = { challenge, signature: new Uint8Array(64), challengeUse: "used" as const };
    expect(chipAuthenticityChecks({ dataGroups: { 1: dg1, 15: dg15 }, activeAuthentication: used }, "off")).toEqual([]);
  });
});
