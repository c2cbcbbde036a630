import { useEffect, useState } from "react";
import { api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorAlert, TableCard } from "../shell/tables.tsx";

/** GET /v1/plans (apps/server/src/http/schemas.ts planSchema). */
type Plan = {
  id: string;
  kind: "prepaid" | "postpaid";
  name: Record<string, string>;
  services: string[];
  formFactors: string[];
  priceJpy: number;
  validityDays: number | null;
  dataGb: number | null;
  minimumTermMonths: number | null;
  keepAlive: {
    id: string;
    validityPerTopUpDays: number;
    maximumValidityDays: number;
    receiveOnlyDays: number;
    suspendedDays: number;
    reminderDaysBefore: number[];
  } | null;
  coveredByLaw: boolean;
};

/** The plans on sale, read-only: what each offers, and for prepaid lines how they are kept between top-ups. */
export function PlansPage() {
  const { t, language } = useI18n();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<{ items: Plan[] }>("GET", "/v1/plans?limit=100")
      .then((page) => setPlans(page.items))
      .catch((e: Error) => setError(t("common.error", { detail: e.message })));
  }, [t]);

  const yen = new Intl.NumberFormat(language, { style: "currency", currency: "JPY" });
  const dash = t("plans.none");

  return (
    <>
      <h1>{t("plans.title")}</h1>
      <p>{t("plans.intro")}</p>
      <ErrorAlert error={error} />
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
          ]}
          rows={plans.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.name[language] ?? p.name.en}
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
              <td className="num">{yen.format(p.priceJpy)}</td>
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
            </tr>
          ))}
        />
      )}
    </>
  );
}
