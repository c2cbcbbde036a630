import { todayInJapan } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Database } from "../db/database.ts";
import { expirePortOutReservations } from "./port-out-repository.ts";

/**
 * The periodic sweep (under the sweeps lease): a port-out reservation number is valid 15 days; after
 * its last day it is expired, audited, and the line goes on working as before. The subscriber sees it
 * expired in /account and may ask for a new one.
 */
export async function expirePortOuts(deps: { db: Database; clock: () => Date }): Promise<{ expired: number }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const expired = await expirePortOutReservations(tx, { today: todayInJapan(now), now });
    for (const port of expired) {
      await appendAuditEntry(tx, {
        actor: "system",
        action: "number_port_out.expired",
        subject: port.reference,
        data: {},
      });
    }
    return { expired: expired.length };
  });
}
