import { identityIndexValue } from "../applications/update-particulars.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { insertSimulatorRecord, markSimulatorRecordRemoved, selectSimulatorRecords } from "./credit-repository.ts";

/**
 * The carriers' exchange of non-payment information (不払い者情報の交換, run through the TCA): member
 * carriers register subscribers whose contracts they ended for unpaid bills, and ask the register,
 * with the applicant's consent, before a new postpaid contract.
 *
 * A real adapter speaks the exchange's member interface: it sends the particulars the exchange
 * matches on (name in kana or Latin letters, date of birth, and where held address and phone number),
 * authenticates as the member carrier, and maps the answer to `ExchangeRecord`s. `register` passes our
 * own registration id, so a retried registration is one record; `remove` withdraws it once paid. The
 * exchange answers with what other carriers registered; that answer is credit information about the
 * applicant: sealed when stored, shown to staff as counts, never shown to the applicant as figures.
 */
export type CreditIdentity = {
  name: { family: string; given: string; kana?: string };
  birthDate: string;
  address?: string;
  phone?: string;
};

export type ExchangeRecord = { carrier: string; amountJpy: number; registeredOn: string };

export type NonpaymentExchange = {
  readonly name: string;
  query(identity: CreditIdentity): Promise<{ queryRef: string; records: ExchangeRecord[] }>;
  /** Registers our subscriber; `id` is ours and makes a retry harmless. */
  register(id: string, identity: CreditIdentity, entry: { amountJpy: number }): Promise<{ ref: string }>;
  remove(ref: string): Promise<void>;
};

/** Our carrier's name in the exchange (the simulator's records show who registered what). */
export const OWN_CARRIER = "jitsumei";

/**
 * The local stand-in: a table of records keyed by a keyed hash of name and date of birth. Tests steer
 * it with `registerElsewhere` (another carrier registers someone) and read it with `records`.
 */
export function localNonpaymentExchange(
  db: Database,
  keys: KeyManagement,
): NonpaymentExchange & {
  registerElsewhere(identity: CreditIdentity, carrier: string, amountJpy: number): Promise<string>;
  records(identity: CreditIdentity): Promise<(ExchangeRecord & { ref: string })[]>;
} {
  const keyOf = (identity: CreditIdentity) => keys.blindIndex("credit-exchange", identityIndexValue(identity));
  let queries = 0;
  async function records(identity: CreditIdentity) {
    const rows = await selectSimulatorRecords(db, keyOf(identity));
    return rows.map((r) => ({
      ref: r.ref,
      carrier: r.carrier,
      amountJpy: Number(r.amount_jpy),
      registeredOn: new Date(r.registered_at).toISOString().slice(0, 10),
    }));
  }
  async function insert(ref: string, identity: CreditIdentity, carrier: string, amountJpy: number) {
    await insertSimulatorRecord(db, { ref, identityKey: keyOf(identity), carrier, amountJpy });
  }
  return {
    name: "local-exchange-simulator",
    async query(identity) {
      queries++;
      const found = await records(identity);
      return {
        queryRef: `q-${Date.now().toString(36)}-${queries}`,
        // Our own registrations are in the exchange too; the assessment counts those from our records.
        records: found.filter((r) => r.carrier !== OWN_CARRIER).map(({ ref: _ref, ...r }) => r),
      };
    },
    async register(id, identity, entry) {
      const ref = `${OWN_CARRIER}-${id}`;
      await insert(ref, identity, OWN_CARRIER, entry.amountJpy);
      return { ref };
    },
    async remove(ref) {
      await markSimulatorRecordRemoved(db, ref);
    },
    async registerElsewhere(identity, carrier, amountJpy) {
      const ref = `${carrier}-${crypto.randomUUID()}`;
      await insert(ref, identity, carrier, amountJpy);
      return ref;
    },
    records,
  };
}
