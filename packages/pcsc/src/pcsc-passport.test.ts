import { readFileSync } from "node:fs";
import { checkMrzValid, parseMrz } from "@jitsumei/domain";
import { loadTrustStore, verifyPassiveAuthentication } from "@jitsumei/evidence";
import { mrzKeyFromLines, type PassportRead, ReaderError, readPassport } from "@jitsumei/reader";
import { afterEach, describe, expect, inject, it } from "vitest";
import { buildCom } from "../../reader/src/test-support/emulated-passport.ts";
import { connectCard, PcscError } from "./pcsc-card.ts";
import {
  ensurePcscd,
  startViccPassport,
  usePcscAlone,
  type ViccCard,
  type ViccPassportFiles,
} from "./test-support/vicc.ts";

usePcscAlone();

// The evidence fixtures' test chip (the ICAO specimen, signed under the test CSCA), served by
// vsmartcard's vicc: BAC and secure messaging here are vicc's, not the in-repo emulator's.
const fixtures = inject("evidenceFixtures").chip;
const mrz = mrzKeyFromLines([
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
  "L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4",
]);
const files: ViccPassportFiles = {
  com: buildCom([1, 2]),
  sod: readFileSync(fixtures.chips.rsa.sod),
  dataGroups: { 1: readFileSync(fixtures.chips.rsa.dg1), 2: readFileSync(fixtures.chips.rsa.dg2) },
};
const trust = loadTrustStore(fixtures.trustDir);

function verify(read: PassportRead) {
  const result = verifyPassiveAuthentication(read, trust, { at: new Date() });
  const parsed = result.fields.mrzLines ? parseMrz(result.fields.mrzLines) : null;
  const checks = parsed ? [...result.checks, checkMrzValid(parsed)] : result.checks;
  return { valid: checks.every((c) => c.status !== "fail"), checks };
}

let card: ViccCard | undefined;
afterEach(async () => {
  await card?.stop();
  card = undefined;
});

async function readOverPcsc(readerName: string) {
  const connection = await connectCard({ reader: readerName, waitMs: 10_000 });
  try {
    return await readPassport(connection.transport, { mrz, timeoutMs: 10_000 });
  } finally {
    await connection.close();
  }
}

describe("an ePassport in vsmartcard's vicc, read over PC/SC", () => {
  it("BAC and secure messaging with vicc give the files as issued: the engine finds them valid", async () => {
    card = await startViccPassport(files);
    const read = await readOverPcsc(card.readerName);
    expect(read.accessControl).toBe("BAC");
    expect(Buffer.from(read.dataGroups[1] ?? [])).toEqual(Buffer.from(files.dataGroups[1] ?? []));
    expect(Buffer.from(read.dataGroups[2] ?? [])).toEqual(Buffer.from(files.dataGroups[2] ?? []));
    const result = verify(read);
    expect(result.checks.filter((c) => c.status === "fail")).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("a changed byte in DG1 is read as it is and fails passive authentication (DG1's hash)", async () => {
    const dg1 = Uint8Array.from(files.dataGroups[1] ?? []);
    // A given name in the MRZ: ANNA → ANNE (the MRZ's name has no check digit, and BAC is keyed from
    // the number, birth and expiry dates, which stay as they were).
    const at = Buffer.from(dg1).indexOf("ANNA");
    dg1[at + 3] = 0x45;
    card = await startViccPassport({ ...files, dataGroups: { ...files.dataGroups, 1: dg1 } });
    const read = await readOverPcsc(card.readerName);
    expect(Buffer.from(read.dataGroups[1] ?? [])).toEqual(Buffer.from(dg1));
    const result = verify(read);
    expect(result.valid).toBe(false);
    expect(result.checks.filter((c) => c.status === "fail").map((c) => c.code)).toContain("chip.data_group_hashes");
  });

  it("a wrong MAC on the card's protected responses ends the read with secure_messaging", async () => {
    card = await startViccPassport(files, { corruptMac: true });
    const error = await readOverPcsc(card.readerName).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReaderError);
    expect(error).toMatchObject({ code: "secure_messaging" });
  });

  it("a reader that is not there is named in a no_reader error", async () => {
    await ensurePcscd();
    const error = await connectCard({ reader: "No Such Reader 00 00", waitMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PcscError);
    expect(error).toMatchObject({ code: "no_reader" });
    expect((error as Error).message).toContain("No Such Reader 00 00");
  });
});
