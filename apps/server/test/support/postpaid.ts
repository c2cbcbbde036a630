import type { BillingMethod, Particulars } from "@jitsumei/domain";
import { type ApplicationRow, findApplicationByReference } from "../../src/applications/application-row.ts";
import { applyEvent } from "../../src/applications/apply-event.ts";
import { createApplication } from "../../src/applications/create-application.ts";
import { cipherFor } from "../../src/applications/load-application-data.ts";
import type { KeyManagement } from "../../src/crypto/key-management.ts";
import type { Database } from "../../src/db/database.ts";
import { decideApplicationDeposit } from "../../src/payments/decide-application-deposit.ts";

/**
 * For tests: a postpaid application driven through the one door (submit, checks passed, approved,
 * contract offered with the deposit decided, signed) to deposit_pending, or to ready_to_issue when the
 * decision asks for no deposit. By default a 19-year-old paying bills at a convenience store: ¥10,000.
 */
export async function signedPostpaidApplication(
  deps: { db: Database; keys: KeyManagement; clock?: () => Date },
  options: { particulars?: Partial<Particulars>; billingMethod?: BillingMethod | null } = {},
): Promise<ApplicationRow> {
  const clock = deps.clock ?? (() => new Date());
  const created = await createApplication(deps, {
    planId: "postpaid-voice",
    language: "en",
    channel: "online",
    contact: { email: "deposit@example.test" },
  });
  return driveToSigned(deps, created.reference, { ...options, clock });
}

/** Drives an existing draft (particulars given here unless it has some) to a signed contract. */
export async function driveToSigned(
  deps: { db: Database; keys: KeyManagement },
  reference: string,
  options: { particulars?: Partial<Particulars>; billingMethod?: BillingMethod | null; clock?: () => Date } = {},
): Promise<ApplicationRow> {
  const clock = options.clock ?? (() => new Date());
  const draft = await findApplicationByReference(deps.db, reference);
  if (!draft) throw new Error(`no application ${reference}`);
  if (!draft.particularsEnc || options.particulars) {
    const today = new Date(clock());
    const birth = `${today.getUTCFullYear() - 19}-01-01`;
    const particulars: Particulars = {
      name: { family: "Tanaka", given: "Hanako" },
      birthDate: birth,
      nationality: "VNM",
      document: { type: "passport", number: "C1234567", expiryDate: "2035-01-01", issuingCountry: "VNM" },
      ...options.particulars,
    };
    const cipher = await cipherFor(deps.keys, draft);
    await deps.db.query("UPDATE applications SET particulars_enc = $2 WHERE id = $1", [
      draft.id,
      cipher.encryptJson("particulars", particulars),
    ]);
  }
  const billingMethod = options.billingMethod === undefined ? "convenience_store" : options.billingMethod;
  await deps.db.transaction(async (tx) => {
    const step = (event: Parameters<typeof applyEvent>[1]["event"], kind: "applicant" | "staff" | "system") =>
      applyEvent(tx, { applicationId: draft.id, event, actor: kind === "staff" ? { kind, id: "reviewer" } : { kind } });
    const current = (await findApplicationByReference(tx, reference))?.state;
    if (current === "draft") {
      await step("submit", "applicant");
      await step("checks_passed", "system");
    }
    if ((await findApplicationByReference(tx, reference))?.state === "in_review") await step("approve", "staff");
    await applyEvent(tx, { applicationId: draft.id, event: "offer_contract", actor: { kind: "system" } }, async (a) => {
      const decision = await decideApplicationDeposit({ keys: deps.keys, clock }, tx, a, { billingMethod });
      return { depositRequired: decision.required, depositJpy: decision.amountJpy };
    });
    await step("sign_contract", "applicant");
  });
  const signed = await findApplicationByReference(deps.db, reference);
  if (!signed) throw new Error("vanished");
  return signed;
}
