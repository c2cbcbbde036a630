import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError, openPglite } from "./pglite.ts";

describe("the embedded database's lock", () => {
  it("refuses a second open of the same folder, and frees it on close", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "jitsumei-lock-")), "pglite");
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "jitsumei-lock-")), "pglite");
    writeFileSync(`${dir}.lock`, "999999999"); // no such process
    const db = await openPglite(dir);
    expect((await db.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
    await db.close();
  });
});

describe("the embedded database's buffer cache", () => {
  it("is the size asked for (PGlite's own default is 128MB)", async () => {
    const db = await openPglite(null, { sharedBuffers: "16MB" });
    const { rows } = await db.query<{ shared_buffers: string }>("SHOW shared_buffers");
    expect(rows[0]?.shared_buffers).toBe("16MB");
    await db.close();
  });
});
