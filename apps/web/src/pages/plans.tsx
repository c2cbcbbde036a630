import { useEffect, useState } from "react";
import { answer, client, lastReference, type Plan } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { Link } from "../router.tsx";
import { problemMessage } from "../ui.tsx";
import { PassportOnlyNote } from "./counters.tsx";

/** Voice lines need the strict check (IC chip or JPKI, an address); data-only lines a lighter one. */
export const isStrict = (plan: Plan) => plan.coveredByLaw;

export function usePlans() {
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    answer(client.GET("/v1/plans", { params: { query: { limit: 100 } } })).then(
      (r) => setPlans(r.items),
      (e) => setError(e),
    );
  }, []);
  return { plans, error };
}

export function PlansPage() {
  const { t, lang, number, yen } = useI18n();
  const { plans, error } = usePlans();
  const last = lastReference();
  return (
    <>
      <h1>{t("plans.title")}</h1>
      <p className="lead">{t("plans.intro")}</p>
      {last && (
        <p>
          <Link to={`/status/${last}`} className="button button-secondary">
            {t("plans.continue", { ref: last })}
          </Link>
        </p>
      )}
      <PassportOnlyNote />
      {error ? <p role="alert">{problemMessage(error, t)}</p> : null}
      {!plans && !error && <p>{t("app.loading")}</p>}
      <div className="plan-grid">
        {plans?.map((plan) => (
          <article key={plan.id} className="card plan" aria-labelledby={`plan-${plan.id}`}>
            <p className={`badge badge-${plan.kind}`}>
              {t(plan.kind === "prepaid" ? "plans.prepaid" : "plans.postpaid")}
            </p>
            <h2 id={`plan-${plan.id}`}>{plan.name[lang]}</h2>
            <p className="price">
              {t(plan.kind === "prepaid" ? "plans.pricePrepaid" : "plans.pricePostpaid", {
                price: yen(plan.priceJpy),
              })}
            </p>
            <p className="muted">{t(plan.kind === "prepaid" ? "plans.prepaidExplain" : "plans.postpaidExplain")}</p>
            <dl className="facts">
              <dt>{t("plans.services")}</dt>
              <dd>{t(plan.services.includes("voice") ? "plans.voice" : "plans.dataOnly")}</dd>
              {plan.dataGb !== null && (
                <>
                  <dt>{t("plans.data")}</dt>
                  <dd>{t("plans.dataGb", { n: number(plan.dataGb) })}</dd>
                </>
              )}
              <dt>{t("plans.validity")}</dt>
              <dd>
                {plan.validityDays ? t("plans.validityDays", { n: plan.validityDays }) : t("plans.validityNone")}
                {plan.minimumTermMonths ? (
                  <>
                    <br />
                    {t("plans.minimumTerm", { n: plan.minimumTermMonths })}
                  </>
                ) : null}
              </dd>
              <dt>{t("plans.formFactor")}</dt>
              <dd>
                {plan.formFactors.map((f) => (
                  <span key={f} className="block">
                    {t(f === "esim" ? "plans.esim" : "plans.physical")}
                  </span>
                ))}
              </dd>
              <dt>{t("plans.verification")}</dt>
              <dd>
                {t(isStrict(plan) ? "plans.verifyStrict" : "plans.verifyLight")}
                <span className="block muted small">
                  {t(isStrict(plan) ? "plans.verifyStrictWhy" : "plans.verifyLightWhy")}
                </span>
              </dd>
            </dl>
            {plan.formFactors.includes("esim") && <p className="small muted">{t("plans.esimNote")}</p>}
            <Link to={`/apply/${plan.id}`} className="button button-primary">
              {t("plans.choose", { name: plan.name[lang] })}
            </Link>
          </article>
        ))}
      </div>
      <p className="links">
        <Link to="/register">{t("plans.haveCode")}</Link>
        <Link to="/sign-in">{t("plans.track")}</Link>
      </p>
    </>
  );
}
