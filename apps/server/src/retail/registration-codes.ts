import { createHmac } from "node:crypto";
import { CODE_RANDOM_BYTES, registrationCodeFromBytes } from "@jitsumei/domain";
import type { KeyManagement } from "../crypto/key-management.ts";

/**
 * A package's registration code, derived from its batch's random seed and its serial: 75 bits of
 * HMAC-SHA256 output, as unguessable as random bytes to anyone without the seed. The seed is kept
 * wrapped by the key-management port, so labels can be printed again from the batch, while the
 * database alone yields no code (only blind indexes of them).
 */
export function packageCode(seed: Buffer, serial: number): string {
  const bytes = createHmac("sha256", seed).update(`retail-package/${serial}`).digest();
  return registrationCodeFromBytes(bytes.subarray(0, CODE_RANDOM_BYTES));
}

/** The keyed blind index a code is found by: the normalised 16 characters, without hyphens. */
export function codeIndex(keys: KeyManagement, normalisedCode: string): Buffer {
  return keys.blindIndex("retail-code", normalisedCode);
}

export function voucherIndex(keys: KeyManagement, normalisedCode: string): Buffer {
  return keys.blindIndex("top-up-voucher", normalisedCode);
}

/** What the package's QR code opens: the registration page with the code filled in. */
export function registrationLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/register?code=${code}`;
}

export function seedContext(batchId: string): string {
  return `retail-batch:${batchId}`;
}
