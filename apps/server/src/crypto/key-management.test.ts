import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { localKeyManagement, masterKeyId, seal } from "./key-management.ts";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const dataKey = randomBytes(32);

describe("the local key ring", () => {
  it("names the master key in what it wraps, and opens a key wrapped by a previous master key", async () => {
    const wrapped = await localKeyManagement(oldKey).wrapDataKey(dataKey, "application:a");
    expect(wrapped.subarray(0, 9)).toEqual(Buffer.concat([Buffer.from([2]), masterKeyId(oldKey)]));
    const ring = localKeyManagement(newKey, { previous: [oldKey] });
    expect(await ring.unwrapDataKey(wrapped, "application:a")).toEqual(dataKey);
    expect((await ring.wrapDataKey(dataKey, "application:a")).subarray(0, 9)).toEqual(ring.currentKeyTag);
    await expect(localKeyManagement(newKey).unwrapDataKey(wrapped, "application:a")).rejects.toThrow(
      /JITSUMEI_PREVIOUS_MASTER_KEYS lacks the key/,
    );
    await expect(ring.unwrapDataKey(wrapped, "application:b")).rejects.toThrow();
  });

  it("opens keys wrapped before wrapped keys named their master key (format 1), by any key of the ring", async () => {
    // The format written before rotation existed: seal() under the HKDF wrap key, nothing in front.
    const wrapKey = Buffer.from(hkdfSync("sha256", oldKey, Buffer.alloc(0), "jitsumei/wrap-data-key/v1", 32));
    const legacy = seal(wrapKey, dataKey, "wrap:application:a");
    expect(await localKeyManagement(newKey, { previous: [oldKey] }).unwrapDataKey(legacy, "application:a")).toEqual(
      dataKey,
    );
    await expect(localKeyManagement(newKey).unwrapDataKey(legacy, "application:a")).rejects.toThrow(/lacks the key/);
  });

  it("keeps the blind index it is given, whatever the master key", () => {
    const indexKey = randomBytes(32);
    const a = localKeyManagement(oldKey, { blindIndexKey: indexKey }).blindIndex("document", "X1");
    const b = localKeyManagement(newKey, { blindIndexKey: indexKey }).blindIndex("document", "X1");
    expect(a).toEqual(b);
    expect(a).toEqual(createHmac("sha256", indexKey).update("document\u0000X1").digest());
    // Without one, the index key is the master key's own, as before the key was stored.
    expect(localKeyManagement(oldKey).blindIndex("document", "X1")).not.toEqual(a);
  });
});
