import { type ActiveAuthentication, performActiveAuthentication } from "./active-authentication.ts";
import { type Channel, plainChannel, type Transport, withTimeout } from "./apdu.ts";
import { type MrzKey, performBac, type Random, secureRandom } from "./bac.ts";
import {
  type ChipAuthentication,
  type ChipAuthenticationInfo,
  chipAuthenticationInfo,
  performChipAuthentication,
} from "./chip-authentication.ts";
import { ReaderError } from "./errors.ts";
import { type PaceInfo, performPace, supportedPaceInfos } from "./pace.ts";
import { FILE_ID, READ_LIMITS, readFile, selectApplication } from "./read-file.ts";
import { readTlv, readTlvs } from "./tlv.ts";

export type PassportRead = {
  accessControl: "BAC" | "PACE";
  /** EF.COM as read: the LDS version and the list of data groups present. */
  com: Uint8Array;
  /** EF.SOD: the issuer's signature over the data groups' hashes, for passive authentication. */
  sod: Uint8Array;
  /** The data groups read, as their bytes (the SOD's hashes cover exactly these bytes). */
  dataGroups: Record<number, Uint8Array>;
  /**
   * Active Authentication, where DG15 was read: whether the chip holds DG15's private key (a clone
   * does not). Only as good as DG15 itself: passive authentication must find DG15 signed.
   */
  activeAuthentication?: ActiveAuthentication;
  /** Chip Authentication, where DG14 offers ECDH CA: whether the chip holds DG14's private key. */
  chipAuthentication?: ChipAuthentication;
};

export type ReadPassportOptions = {
  mrz: MrzKey;
  /** Data groups to read when EF.COM lists them (DG3 and DG4 need Extended Access Control: never read). */
  dataGroups?: readonly number[];
  /** Per command; a stalled card ends the read with `card_timeout`. */
  timeoutMs?: number;
  /** The reader and card take extended-length APDUs: read in larger chunks. */
  extendedLength?: boolean;
  random?: Random;
  /** false: BAC only, even where the chip offers PACE. */
  pace?: boolean;
  /** false: skip Active Authentication even where DG15 was read. */
  activeAuthentication?: boolean;
  /** The 8-byte challenge a server issued for Active Authentication (else the reader draws one). */
  activeAuthenticationChallenge?: Uint8Array;
  /** false: skip Chip Authentication even where DG14 offers it. */
  chipAuthentication?: boolean;
};

const DEFAULT_GROUPS = [1, 2, 11, 14, 15];
// EF.COM's tag list (9303-10 §4.6.1): the tag each data group's file starts with.
const DG_TAGS: Record<number, number> = {
  97: 1,
  117: 2,
  99: 3,
  118: 4,
  101: 5,
  102: 6,
  103: 7,
  104: 8,
  105: 9,
  106: 10,
  107: 11,
  108: 12,
  109: 13,
  110: 14,
  111: 15,
  112: 16,
};

/**
 * Reads an ePassport's LDS1 application (ICAO 9303-10, 9303-11): open secure messaging with PACE where
 * EF.CardAccess offers it, else BAC, both keyed from the MRZ; select the application; then EF.COM,
 * EF.SOD and the data groups asked for that EF.COM lists. The bytes are returned as read: checking
 * them is passive authentication's job (packages/evidence).
 */
export async function readPassport(transport: Transport, options: ReadPassportOptions): Promise<PassportRead> {
  const timed = withTimeout(transport, options.timeoutMs ?? 5000);
  const plain = plainChannel(timed);
  const read = { chunk: options.extendedLength ? READ_LIMITS.extendedChunk : READ_LIMITS.shortChunk };

  const random = options.random ?? secureRandom;
  // 9303-11 §4.2: PACE where EF.CardAccess offers a protocol this library runs, else BAC.
  const offered = options.pace === false ? [] : await paceInfos(plain);
  let channel: Channel;
  let accessControl: PassportRead["accessControl"] = "BAC";
  if (offered[0]) {
    channel = await performPace(plain, timed, offered[0], options.mrz, { random });
    accessControl = "PACE";
    await selectApplication(channel);
  } else {
    await selectApplication(plain);
    channel = await performBac(plain, timed, options.mrz, random);
  }
  const com = await readFile(channel, FILE_ID.com, read);
  const present = dataGroupsListed(com);
  const sod = await readFile(channel, FILE_ID.sod, read);
  const dataGroups: Record<number, Uint8Array> = {};
  for (const n of options.dataGroups ?? DEFAULT_GROUPS) {
    if (n === 3 || n === 4 || !present.includes(n)) continue;
    dataGroups[n] = await readFile(channel, FILE_ID.dataGroup(n), read);
  }
  const result: PassportRead = { accessControl, com, sod, dataGroups };
  const dg15 = dataGroups[15];
  if (dg15 && options.activeAuthentication !== false) {
    result.activeAuthentication = await activeAuthenticationOf(
      channel,
      dg15,
      random,
      options.activeAuthenticationChallenge,
    );
  }
  // Last, as it replaces the session keys: 9303-11 §6.2 (and its failure leaves no session to read with).
  const dg14 = dataGroups[14];
  if (dg14 && options.chipAuthentication !== false) {
    let info: ChipAuthenticationInfo | null = null;
    try {
      info = chipAuthenticationInfo(dg14);
    } catch (error) {
      if (!(error instanceof ReaderError)) throw error;
      result.chipAuthentication = { passed: false, reason: error.message };
    }
    if (info) {
      const ca = (await performChipAuthentication(channel, timed, info, { random })).result;
      // id-CA-ECDH-*: 0.4.0.127.0.7.2.2.3.2.n, the only CA protocols chipAuthenticationInfo takes.
      result.chipAuthentication = { ...ca, protocol: `0.4.0.127.0.7.2.2.3.2.${info.oid[9]}` };
    }
  }
  return result;
}

async function activeAuthenticationOf(
  channel: Channel,
  dg15: Uint8Array,
  random: Random,
  challenge: Uint8Array | undefined,
): Promise<ActiveAuthentication> {
  try {
    return await performActiveAuthentication(channel, dg15, { random, ...(challenge ? { challenge } : {}) });
  } catch (error) {
    // An unreadable DG15 or a refused command is a failed check; a lost card or session still ends the read.
    if (error instanceof ReaderError && (error.code === "malformed_response" || error.code === "status_word")) {
      return { passed: false, algorithm: "rsa-iso9796-2", reason: error.message };
    }
    throw error;
  }
}

/**
 * EF.CardAccess, read in the clear from the master file. A chip without it (6A82), or whose copy
 * cannot be read, is a BAC chip; a stalled or unplugged card still ends the read.
 */
async function paceInfos(plain: Channel): Promise<PaceInfo[]> {
  try {
    return supportedPaceInfos(await readFile(plain, FILE_ID.cardAccess, { maxBytes: 4096 }));
  } catch (error) {
    if (error instanceof ReaderError && (error.code === "card_timeout" || error.code === "transport_failed"))
      throw error;
    return [];
  }
}

/** The data groups EF.COM says are present (tag 60 { 5F01, 5F36, 5C tag list }). */
export function dataGroupsListed(com: Uint8Array): number[] {
  const outer = readTlv(com);
  if (outer.tag !== 0x60) throw new ReaderError("malformed_response", "EF.COM does not start with tag 60");
  const list = readTlvs(outer.value).find((t) => t.tag === 0x5c);
  if (!list) throw new ReaderError("malformed_response", "EF.COM has no tag list (5C)");
  return [...list.value].map((tag) => DG_TAGS[tag]).filter((n): n is number => n !== undefined);
}
