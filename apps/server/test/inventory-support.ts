import type { Queryable } from "../src/db/database.ts";
import { luhnDigit } from "../src/inventory/identifiers.ts";

/** Stock and applications for the inventory tests, made up but valid. */

export function iccid(issuer: number, serial: number): string {
  const body = `8981${String(issuer).padStart(2, "0")}00${String(serial).padStart(10, "0")}`;
  return `${body}${luhnDigit(body)}`;
}

export function simCsv(issuer: number, count: number, from = 1): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return `${iccid(issuer, n)},44010${String(issuer).padStart(2, "0")}${String(n).padStart(8, "0")}`;
  });
  return ["iccid,imsi", ...rows, ""].join("\n");
}

export function msisdnCsv(prefix: "070" | "080" | "090" | "020", count: number, from = 1): string {
  return [
    "msisdn",
    ...Array.from({ length: count }, (_, i) => `${prefix}${String(from + i).padStart(8, "0")}`),
    "",
  ].join("\n");
}

export function esimCsv(count: number, from = 1, issuer = 50): string {
  const rows = Array.from({ length: count }, (_, i) => `smdp.example.com,M-${from + i},${iccid(issuer, from + i)}`);
  return ["smdpAddress,matchingId,iccid", ...rows, ""].join("\n");
}

/** Approved applications with nothing else (no personal data): `physical` and `esim` alternate. */
export async function makeApplications(
  db: Queryable,
  count: number,
  formFactor?: "physical" | "esim",
): Promise<{ id: string; formFactor: "physical" | "esim" }[]> {
  await db.query(
    `INSERT INTO plans (id, kind, name, services, form_factors, price_jpy)
     VALUES ('inventory-test', 'prepaid', '{}', '{voice}', '{physical,esim}', 0) ON CONFLICT DO NOTHING`,
  );
  const { rows } = await db.query<{ id: string; form_factor: "physical" | "esim" }>(
    `INSERT INTO applications (id, reference, plan_id, state, language, channel, form_factor, access_token_hash,
                               wrapped_data_key, contact_enc)
     SELECT gen_random_uuid(), 'INV-' || gen_random_uuid(), 'inventory-test', 'approved', 'en', 'online',
            coalesce($2, CASE WHEN g % 2 = 0 THEN 'physical' ELSE 'esim' END), '\\x00', '\\x00', '\\x00'
     FROM generate_series(1, $1::int) g
     RETURNING id, form_factor`,
    [count, formFactor ?? null],
  );
  return rows.map((r) => ({ id: r.id, formFactor: r.form_factor }));
}
