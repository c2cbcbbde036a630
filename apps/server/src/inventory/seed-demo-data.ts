import { demoPlans } from "@jitsumei/domain";
import type { Database } from "../db/database.ts";
import { upsertPlan } from "../plans/plans-repository.ts";
import { luhnDigit } from "./identifiers.ts";
import { insertDemoEsimProfile, insertDemoNumber, insertDemoSimCard } from "./inventory-repository.ts";

export { luhnDigit };

/**
 * Demo data for a new install: the plans and a small stock in every pool: SIM cards, eSIM profiles
 * and phone numbers (070 and 080 for voice lines, 020 for data). Idempotent: running it again adds
 * nothing that is already there (nor what an older install kept in `sims` and 0011 moved into the
 * pools: the values are the same). ICCIDs carry a valid Luhn digit (ITU-T E.118); the 8981… prefix
 * is Japan's, the issuer digits and the IMSIs' network code (440-99) are made up.
 * `simsInserted` counts SIM cards and eSIM profiles.
 */
export async function seedDemoData(db: Database, options: { simsPerKind?: number } = {}) {
  const perKind = options.simsPerKind ?? 50;
  for (const [i, plan] of demoPlans.entries()) await upsertPlan(db, plan, (i + 1) * 10);
  // The four kinds of the first demo stock, kept so their numbers and ICCIDs stay the same.
  const kinds = [
    { formFactor: "physical", lineType: "voice", issuer: "10", msisdnPrefix: "070" },
    { formFactor: "esim", lineType: "voice", issuer: "11", msisdnPrefix: "080" },
    { formFactor: "physical", lineType: "data", issuer: "12", msisdnPrefix: "020" },
    { formFactor: "esim", lineType: "data", issuer: "13", msisdnPrefix: "020" },
  ] as const;
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (const [k, kind] of kinds.entries()) {
      for (let i = 0; i < perKind; i++) {
        const serial = String(i + 1).padStart(10, "0");
        const body = `8981${kind.issuer}00${serial}`;
        const iccid = `${body}${luhnDigit(body)}`;
        const msisdn = `${kind.msisdnPrefix}${String(k + 1)}${String(i + 1).padStart(7, "0")}`;
        inserted +=
          kind.formFactor === "physical"
            ? await insertDemoSimCard(tx, iccid, `44099${kind.issuer}${serial.slice(2)}`)
            : await insertDemoEsimProfile(tx, iccid, `${iccid.slice(-8)}-DEMO-${String(i).padStart(4, "0")}`);
        await insertDemoNumber(tx, msisdn, kind.lineType);
      }
    }
  });
  return { plans: demoPlans.length, simsInserted: inserted };
}
