import type { KeyManagement } from "./key-management.ts";
import { newDataKey, open, seal } from "./key-management.ts";

/**
 * One self-contained encrypted value with its own data key: len(2) ‖ wrapped key ‖ sealed data.
 * For values that belong to no application (idempotent responses, mail).
 */
export async function encryptStandalone(keys: KeyManagement, context: string, plaintext: Buffer): Promise<Buffer> {
  const dataKey = newDataKey();
  const wrapped = await keys.wrapDataKey(dataKey, context);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(wrapped.length);
  return Buffer.concat([length, wrapped, seal(dataKey, plaintext, context)]);
}

export async function decryptStandalone(keys: KeyManagement, context: string, value: Buffer): Promise<Buffer> {
  const length = value.readUInt16BE(0);
  const dataKey = await keys.unwrapDataKey(value.subarray(2, 2 + length), context);
  return open(dataKey, value.subarray(2 + length), context);
}

/** A JSON value sealed standalone (mail, SMS, idempotent responses). */
export function encryptStandaloneJson(keys: KeyManagement, context: string, value: unknown): Promise<Buffer> {
  return encryptStandalone(keys, context, Buffer.from(JSON.stringify(value), "utf8"));
}

export async function decryptStandaloneJson<T>(keys: KeyManagement, context: string, value: Buffer): Promise<T> {
  return JSON.parse((await decryptStandalone(keys, context, value)).toString("utf8")) as T;
}

/** Encrypts and decrypts the fields of one application under its data key; `aad` binds field and row. */
export type ApplicationCipher = {
  encryptJson(field: string, value: unknown): Buffer;
  decryptJson<T>(field: string, sealed: Buffer): T;
};

export function applicationCipher(applicationId: string, dataKey: Buffer): ApplicationCipher {
  const aad = (field: string) => `application:${applicationId}:${field}`;
  return {
    encryptJson: (field, value) => seal(dataKey, Buffer.from(JSON.stringify(value), "utf8"), aad(field)),
    decryptJson: <T>(field: string, sealed: Buffer) =>
      JSON.parse(open(dataKey, sealed, aad(field)).toString("utf8")) as T,
  };
}
