import type { KeyManagement } from "../crypto/key-management.ts";

/**
 * Blind indexes of how an application reached us, for velocity limits and the blocklist: the same
 * keyed HMAC as the document index, so equal values match without anyone's data being decrypted.
 */
export function emailIndex(keys: KeyManagement, email: string): Buffer {
  return keys.blindIndex("email", email.trim().toLowerCase());
}

export function phoneIndex(keys: KeyManagement, phone: string): Buffer {
  // +81 90-1234-5678, 090 1234 5678 and 09012345678 are one number.
  const digits = phone.replace(/\D/g, "");
  return keys.blindIndex("phone", digits.startsWith("81") ? `0${digits.slice(2)}` : digits);
}

export function ipIndex(keys: KeyManagement, ip: string): Buffer {
  return keys.blindIndex("ip", ip);
}

export function deviceIndex(keys: KeyManagement, device: string): Buffer {
  return keys.blindIndex("device", device);
}
