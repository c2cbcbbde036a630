import { createHash, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import type { Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import {
  allocateSimulatedOrder,
  confirmSimulatedOrder,
  markSimulatedOrderDownloaded,
  releaseSimulatedOrder,
  selectSimulatedOrderByMatchingId,
  setSimulatedOrderState,
} from "./smdp-simulator-repository.ts";

/**
 * The SM-DP+ port (GSMA SGP.22 ES2+, the operator's side of eSIM provisioning). At assignment the
 * operator orders the profile by its ICCID (DownloadOrder), confirms the order with the matching ID
 * from inventory and, where the profile asks for one, a confirmation code (ConfirmOrder), and releases
 * it for download (ReleaseProfile); it cancels the order when the line is given up (CancelOrder). The
 * real adapter (smdp-es2plus.ts) calls `/gsma/rsp2/es2plus/downloadOrder`, `/confirmOrder`,
 * `/releaseProfile` and `/cancelOrder` over mutually authenticated TLS and ignores `tx`. The local
 * simulator keeps its orders in a table of its own, in the caller's transaction, and lets tests play
 * the phone (`download`).
 */
export type SmdpPlus = {
  readonly kind: "local-simulator" | "es2plus";
  downloadOrder(order: { iccid: string }, tx: Queryable): Promise<{ iccid: string }>;
  /** `matchingId: null` asks the SM-DP+ to generate one (a re-download); the answer carries it. */
  confirmOrder(
    order: { iccid: string; matchingId: string | null; confirmationCode: string | null; releaseFlag: boolean },
    tx: Queryable,
  ): Promise<{ matchingId: string }>;
  releaseProfile(order: { iccid: string }, tx: Queryable): Promise<void>;
  /**
   * `Available`: the profile goes back to the SM-DP+'s pool for a new order (a re-download);
   * `Unavailable` (the default): it is never downloadable again (the line was given up).
   */
  cancelOrder(
    order: { iccid: string; finalProfileStatusIndicator?: "Available" | "Unavailable" },
    tx: Queryable,
  ): Promise<void>;
};

const hash = (code: string) => createHash("sha256").update(code, "utf8").digest();

export function localSmdpSimulator(): SmdpPlus & {
  download(db: Queryable, request: { matchingId: string; confirmationCode?: string }): Promise<"ok" | string>;
} {
  return {
    kind: "local-simulator",
    async downloadOrder(order, tx) {
      await allocateSimulatedOrder(tx, order.iccid);
      return { iccid: order.iccid };
    },
    async confirmOrder(order, tx) {
      const matchingId = order.matchingId ?? `SIM-${randomUUID().toUpperCase()}`;
      const confirmed = await confirmSimulatedOrder(tx, {
        iccid: order.iccid,
        matchingId,
        confirmationCodeHash: order.confirmationCode ? hash(order.confirmationCode) : null,
        releaseFlag: order.releaseFlag,
      });
      if (!confirmed)
        throw new Error(`ES2+ ConfirmOrder: no order for ICCID ${order.iccid} (8.2.1 Profile ICCID unknown)`);
      return { matchingId };
    },
    async releaseProfile(order, tx) {
      if (!(await releaseSimulatedOrder(tx, order.iccid)))
        throw new Error(`ES2+ ReleaseProfile: the order for ICCID ${order.iccid} is not confirmed`);
    },
    async cancelOrder(order, tx) {
      const state = order.finalProfileStatusIndicator === "Available" ? "available" : "cancelled";
      await setSimulatedOrderState(tx, order.iccid, state);
    },
    /** What a phone's download (ES9+) would meet: refused unless released, and with the right code. */
    async download(db, request) {
      const order = await selectSimulatedOrderByMatchingId(db, request.matchingId);
      if (!order) return "unknown matching ID";
      if (order.state !== "released") return `profile is ${order.state}`;
      if (order.confirmation_code_hash != null) {
        const expected = toBuffer(order.confirmation_code_hash);
        const given = hash(request.confirmationCode ?? "");
        if (!timingSafeEqual(expected, given)) return "confirmation code refused";
      }
      await markSimulatedOrderDownloaded(db, order.iccid);
      return "ok";
    },
  };
}

/** An eight-digit confirmation code, sent to the subscriber apart from the QR code. */
export function newConfirmationCode(): string {
  return String(randomInt(0, 100_000_000)).padStart(8, "0");
}
