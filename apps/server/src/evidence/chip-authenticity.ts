import type { CheckResult } from "@jitsumei/domain";
import { verifyActiveAuthentication } from "@jitsumei/reader";
import type { ChallengeUse } from "../applications/chip-challenge-repository.ts";

/** The house policy's `chipAuthentication` (packages/domain policy.ts): what a genuine chip must show. */
export type ChipAuthenticationPolicy = "required" | "when_offered" | "off";

/** The chip's answer to the server's challenge, and what the upload found the challenge to be. */
export type ActiveAuthenticationAnswer = { challenge: Uint8Array; signature: Uint8Array; challengeUse: ChallengeUse };
/** Chip Authentication as the reader ran it: the reader's word, which the server cannot check. */
export type ReportedChipAuthentication = { protocol: string; passed: boolean };

/**
 * Whether the chip is the one the issuer made, not a copy of its data (ICAO 9303-11 §6): checks that
 * go beside passive authentication, which a clone passes.
 *
 * - `chip.active_authentication`: the chip's signature over the server's own challenge verifies with
 *   DG15's key (DG15 is authentic once passive authentication finds it signed; a clone does not hold
 *   the private key). Fails on a signature that does not verify (a clone: rejects). Without DG15 the
 *   chip offers no AA: a pass that says so, except under `required` where a chip offering neither AA
 *   nor Chip Authentication goes to a person. With DG15 but no answer (a reader of contract 1.0): a
 *   pass that says so under `when_offered`.
 * - `chip.active_authentication_challenge`: the answer is over a challenge this server issued for this
 *   application, unused and unexpired (else a replay, or a late upload: read the chip again); under
 *   `required`, a chip with DG15 read without AA fails it too (read again with AA).
 * - `chip.chip_authentication`: the reader's report of CA (DG14's protocol, passed or not), marked
 *   `reportedBy: reader`. The terminal runs the key agreement, so the server cannot check it: a reported
 *   failure fails; a reported success is recorded, never proof (only `required`'s "neither offered"
 *   rule counts it).
 * - `off`: none of these checks.
 */
export function chipAuthenticityChecks(
  chip: {
    dataGroups: Readonly<Record<number, Uint8Array>>;
    activeAuthentication?: ActiveAuthenticationAnswer;
    chipAuthentication?: ReportedChipAuthentication;
  },
  policy: ChipAuthenticationPolicy,
): CheckResult[] {
  if (policy === "off") return [];
  const checks: CheckResult[] = [];
  const dg15 = chip.dataGroups[15];
  const dg14 = chip.dataGroups[14];
  const answer = chip.activeAuthentication;
  const aa = "chip.active_authentication";
  const fresh = "chip.active_authentication_challenge";

  if (answer) {
    checks.push(
      answer.challengeUse === "fresh"
        ? { code: fresh, status: "pass" }
        : { code: fresh, status: "fail", params: { reason: `challenge_${answer.challengeUse}` } },
    );
    if (!dg15) {
      checks.push({ code: aa, status: "fail", params: { reason: "no_dg15" } });
    } else {
      const verified = verifyActiveAuthentication(dg15, answer.challenge, answer.signature);
      checks.push(
        verified.passed
          ? { code: aa, status: "pass", params: { algorithm: verified.algorithm } }
          : {
              code: aa,
              status: "fail",
              params: { reason: "signature_invalid", algorithm: verified.algorithm },
              details: { detail: verified.reason ?? "" },
            },
      );
    }
  } else if (dg15) {
    checks.push({ code: aa, status: "pass", params: { result: "not_performed" } });
    if (policy === "required") checks.push({ code: fresh, status: "fail", params: { reason: "not_performed" } });
  } else {
    const caVouches = Boolean(dg14 && chip.chipAuthentication?.passed);
    checks.push(
      policy === "required" && !caVouches
        ? { code: aa, status: "review", params: { result: "neither_offered" } }
        : { code: aa, status: "pass", params: { result: "not_offered" } },
    );
  }

  const ca = chip.chipAuthentication;
  if (ca) {
    const params = { reportedBy: "reader", protocol: ca.protocol, dataGroup14: dg14 ? "present" : "absent" };
    checks.push(
      !ca.passed
        ? { code: "chip.chip_authentication", status: "fail", params }
        : dg14
          ? { code: "chip.chip_authentication", status: "pass", params }
          : // A success reported without the DG14 it needs: the report does not add up.
            { code: "chip.chip_authentication", status: "review", params },
    );
  }
  return checks;
}
