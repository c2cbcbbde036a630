/**
 * The identifiers stock is made of, and what makes each one valid. Each check answers null when the
 * value is valid, or the reason it is not (shown to the operator next to the line of their file).
 */

import { iccidProblem, luhnDigit } from "@jitsumei/domain/iccid";

export type LineType = "voice" | "data";

export { iccidProblem, luhnDigit };

/** IMSI of a Japanese network: 15 digits, MCC 440 or 441. */
export function imsiProblem(imsi: string): string | null {
  if (!/^\d{15}$/.test(imsi)) return "must be 15 digits";
  if (!/^44[01]/.test(imsi)) return "must start with a Japanese MCC (440 or 441)";
  return null;
}

/**
 * Japanese mobile numbers as operators hold them, 11 digits: 070, 080 and 090 for voice lines
 * (携帯電話・PHS番号), 020 for data-only lines (M2M等専用番号).
 */
export function lineTypeOfMsisdn(msisdn: string): LineType | null {
  if (!/^\d{11}$/.test(msisdn)) return null;
  if (/^0[789]0/.test(msisdn)) return "voice";
  if (msisdn.startsWith("020")) return "data";
  return null;
}

export function msisdnProblem(msisdn: string): string | null {
  if (!/^\d{11}$/.test(msisdn)) return "must be 11 digits";
  if (!lineTypeOfMsisdn(msisdn)) return "must start with 070, 080 or 090 (voice) or 020 (data)";
  return null;
}

/**
 * An SM-DP+ address is a fully qualified host name (RFC 1123 labels, at least two, the last not
 * numeric so an IP address is not taken for one). No scheme, port or path: SGP.22 puts the bare
 * name in the activation code.
 */
export function hostnameProblem(host: string): string | null {
  if (host.length === 0 || host.length > 253) return "must be a host name of 1 to 253 characters";
  const labels = host.split(".");
  if (labels.length < 2) return "must be a fully qualified host name (smdp.example.com)";
  for (const label of labels) {
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label)) return `is not a host name ("${label}")`;
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? "")) return "must be a host name, not an IP address";
  return null;
}

/** SGP.22 matching ID: upper-case letters, digits and "-" (never "$", which separates the code). */
export function matchingIdProblem(matchingId: string): string | null {
  if (matchingId.length === 0 || matchingId.length > 255) return "must be 1 to 255 characters";
  if (!/^[0-9A-Z-]+$/.test(matchingId)) return "may hold only 0-9, A-Z and -";
  return null;
}

/**
 * The activation code a phone's "add eSIM" screen reads (GSMA SGP.22 §4.1):
 * `LPA:1$<SM-DP+ address>$<matching ID>`, with an empty OID and the flag `1` when the profile asks
 * for a confirmation code.
 */
export function esimActivationCode(profile: {
  smdpAddress: string;
  matchingId: string;
  confirmationCodeRequired: boolean;
}): string {
  const code = `LPA:1$${profile.smdpAddress}$${profile.matchingId}`;
  return profile.confirmationCodeRequired ? `${code}$$1` : code;
}
