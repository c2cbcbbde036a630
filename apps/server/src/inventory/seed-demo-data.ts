import { demoPlans } from "@jitsumei/domain";
import type { Database } from "../db/database.ts";
import { upsertPlan } from "../plans/plans-repository.ts";

/**
 * Demo data for a new install: the plans and a small SIM inventory. Idempotent: running it again
 * adds nothing that is already there. ICCIDs carry a valid Luhn digit (ITU-T E.118); the 8981…
 * prefix is Japan's, the issuer digits are made up.
 */
export async function seedDemoData(db: Database, options: { simsPerKind?: number } = {}) {
  const perKind = options.simsPerKind ?? 50;
  for (const [i, plan] of demoPlans.entries()) await upsertPlan(db, plan, (i + 1) * 10);
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
        const activationCode =
          kind.formFactor === "esim"
            ? `LPA:1$smdp.jitsumei.localhost$${iccid.slice(-8)}-DEMO-${String(i).padStart(4, "0")}`
            : null;
        const r = await tx.query(
          `INSERT INTO sims (iccid, msisdn, form_factor, line_type, activation_code) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING`,
          [iccid, msisdn, kind.formFactor, kind.lineType, activationCode],
        );
        inserted += r.rowCount;
      }
    }
  });
  return { plans: demoPlans.length, simsInserted: inserted };
}

export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
