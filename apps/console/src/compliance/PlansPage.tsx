import type { components } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { StaffAccount } from "../api/answers.ts";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { roleMay } from "../shell/access.ts";
import { ErrorAlert, TableCard } from "../shell/tables.tsx";

type Plan = components["schemas"]["StaffPlan"];

/**
 * Every plan, withdrawn ones too: what each offers, and for prepaid lines how they are kept between
 * top-ups. A member who may manage plans (admins) opens or closes each to new applications and
 * changes its price, row by row; everyone else reads.
 */
export function PlansPage({ account }: { account: StaffAccount }) {
  const { t, language, yen } = useI18n();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const editable = roleMay(account.role, "plans.manage");

  const load = useCallback(async () => {
    setPlans((await answer(api.GET("/v1/staff/plans", { params: { query: { limit: 100 } } }))).items);
  }, []);
  useEffect(() => {
    load().catch((e: Error) => setError(t("common.error", { detail: e.message })));
  }, [load, t]);

  const dash = t("plans.none");
  const nameOf = (p: Plan) => p.name[language] ?? p.name.en ?? p.id;

  async function save(plan: Plan, change: { available: boolean; priceJpy: number }) {
    setSaved(null);
    try {
      const updated = await answer(
        api.PATCH("/v1/staff/plans/{id}", { params: { path: { id: plan.id } }, body: change }),
      );
      setError(null);
      setSaved(t("plans.saved", { plan: nameOf(updated), price: yen(updated.priceJpy) }));
      setPlans((all) => all?.map((p) => (p.id === updated.id ? updated : p)) ?? null);
    } catch (e) {
      const detail = e instanceof ApiProblem ? `${e.detail}${e.field ? ` (${e.field})` : ""}` : String(e);
      setError(t("plans.saveFailed", { plan: nameOf(plan), detail }));
    }
  }

  return (
    <>
      <h1>{t("plans.title")}</h1>
      <p>{t("plans.intro")}</p>
      {editable && <p className="hint">{t("plans.editIntro")}</p>}
      <ErrorAlert error={error} />
      {saved && (
        <p role="status" className="success">
          {saved}
        </p>
      )}
      {!plans ? (
        <p>{t("common.loading")}</p>
      ) : (
        <TableCard
          id="plans-h"
          title={t("plans.title")}
          titleHidden
          columns={[
            t("plans.plan"),
            t("plans.kind"),
            t("plans.services"),
            t("plans.price"),
            t("plans.validity"),
            t("plans.data"),
            t("plans.minimumTerm"),
            t("plans.keepAlive"),
            t("plans.verification"),
            t("plans.onSale"),
            ...(editable ? [t("plans.change")] : []),
          ]}
          rows={plans.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {nameOf(p)}
                <br />
                <span className="mono small muted">{p.id}</span>
              </th>
              <td className="nowrap">{t(`plans.kind.${p.kind}`)}</td>
              <td>
                {p.services.map((s) => t(`plans.service.${s as "voice" | "sms" | "data"}`)).join(" · ")}
                <br />
                <span className="small muted">
                  {p.formFactors.map((f) => t(`plans.form.${f as "physical" | "esim"}`)).join(" · ")}
                </span>
              </td>
              <td className="num">{yen(p.priceJpy)}</td>
              <td className="num">{p.validityDays === null ? dash : t("plans.days", { n: p.validityDays })}</td>
              <td className="num">{p.dataGb === null ? dash : `${p.dataGb} GB`}</td>
              <td className="num">
                {p.minimumTermMonths === null ? dash : t("plans.months", { n: p.minimumTermMonths })}
              </td>
              <td className="small">
                {p.keepAlive
                  ? t("plans.keepAliveRule", {
                      perTopUp: p.keepAlive.validityPerTopUpDays,
                      max: p.keepAlive.maximumValidityDays,
                      receiveOnly: p.keepAlive.receiveOnlyDays,
                      suspended: p.keepAlive.suspendedDays,
                      reminders: p.keepAlive.reminderDaysBefore.join(", "),
                    })
                  : dash}
              </td>
              <td>
                {p.coveredByLaw ? (
                  <span className="badge state-active">{t("plans.required")}</span>
                ) : (
                  <span className="muted">{t("plans.notRequired")}</span>
                )}
              </td>
              <td className="nowrap">
                {p.available ? (
                  <span className="badge state-active">{t("plans.available")}</span>
                ) : (
                  <span className="badge state-rejected">{t("plans.withdrawn")}</span>
                )}
              </td>
              {editable && (
                <td>
                  <PlanEditor key={`${p.available}-${p.priceJpy}`} plan={p} name={nameOf(p)} onSave={save} />
                </td>
              )}
            </tr>
          ))}
        />
      )}
    </>
  );
}

/** One plan's day-to-day change: on sale or not, and its price in yen (a whole number, 0 or more). */
function PlanEditor({
  plan,
  name,
  onSave,
}: {
  plan: Plan;
  name: string;
  onSave: (plan: Plan, change: { available: boolean; priceJpy: number }) => Promise<void>;
}) {
  const { t } = useI18n();
  const [available, setAvailable] = useState(plan.available);
  const [price, setPrice] = useState(String(plan.priceJpy));
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSave(plan, { available, priceJpy: Number(price) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="row plan-editor" onSubmit={submit} aria-label={t("plans.changeOf", { plan: name })}>
      <label className="check">
        <input type="checkbox" checked={available} onChange={(e) => setAvailable(e.target.checked)} />
        {t("plans.availableToggle")}
      </label>
      <label>
        {t("plans.priceJpy")}
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={9_999_999}
          step={1}
          required
          value={price}
          onChange={(e) => setPrice(e.target.value)}
        />
      </label>
      <button type="submit" className="small" disabled={busy}>
        {t("common.save")}
        <span className="visually-hidden"> {name}</span>
      </button>
    </form>
  );
}
