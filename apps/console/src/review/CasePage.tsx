import { formatPhone } from "@jitsumei/domain/formats";
import { useCallback, useEffect, useState } from "react";
import type { CaseView, Check, StaffAccount } from "../api/answers.ts";
import { answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { roleMay } from "../shell/access.ts";
import { Link } from "../shell/Link.tsx";
import { DataTable } from "../shell/tables.tsx";
import { ActivationUnlock } from "./ActivationUnlock.tsx";
import {
  CheckName,
  StateBadge,
  StatusBadge,
  useCodeLabel,
  useParticularLabel,
  useParticularValue,
  usePlanName,
  usePolicyName,
} from "./Badges.tsx";
import { DecisionPanel } from "./DecisionPanel.tsx";
import { FacesCard } from "./FacesCard.tsx";
import { LineCard } from "./LineCard.tsx";
import { PortInCard } from "./PortInCard.tsx";
import { ProvisioningCard } from "./ProvisioningCard.tsx";
import { Values } from "./Values.tsx";

/** Which checks read which kind of evidence (by the check code's first part). */
const checkPrefixes: Record<string, string[]> = {
  mrz: ["mrz"],
  chip: ["chip", "face"],
  residence_card_chip: ["chip", "residence_card", "face"],
  jpki: ["jpki"],
  image: ["image"],
  selfie: ["face", "selfie"],
};

const prefixOf = (code: string) => code.split(".")[0] ?? code;

/** The whole case: what the applicant declared, each evidence beside what its checks read, credit, history. */
export function CasePage({ reference, account }: { reference: string; account: StaffAccount }) {
  const { t, language, dateTime, languageName, yen } = useI18n();
  const label = useCodeLabel();
  const particularLabel = useParticularLabel();
  const particularValue = useParticularValue();
  const planName = usePlanName();
  const policyName = usePolicyName();
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Kept after the reload that follows an unlock, so its confirmation stays on the page.
  const [unlocked, setUnlocked] = useState(false);

  const load = useCallback(async () => {
    try {
      setView(
        await answer(
          api.GET("/v1/staff/applications/{reference}", { params: { path: { reference }, query: { language } } }),
        ),
      );
      setError(null);
    } catch (e) {
      setError(t("common.error", { detail: (e as Error).message }));
    }
  }, [reference, language, t]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!view) return <p>{t("common.loading")}</p>;

  const kinds = new Set(view.evidence.map((e) => e.kind));
  const shownWithEvidence = new Set(
    view.checks.filter((c) => [...kinds].some((k) => checkPrefixes[k]?.includes(prefixOf(c.code)))).map((c) => c.code),
  );
  const otherChecks = view.checks.filter((c) => !shownWithEvidence.has(c.code));

  return (
    <>
      <p>
        <Link to={{ page: "queue" }}>← {t("case.back")}</Link>
      </p>
      <h1>
        {t("case.title", { reference: view.reference })} <StateBadge state={view.state} />
      </h1>
      {view.flags.overrideProposedBy && (
        <p className="notice">{t("case.overrideBy", { name: view.flags.overrideProposedBy.displayName })}</p>
      )}
      <div className="case-layout">
        <div className="case-main">
          <section aria-labelledby="summary-h" className="card">
            <h2 id="summary-h">{t("case.summary")}</h2>
            <dl className="grid">
              <div>
                <dt>{t("case.plan")}</dt>
                <dd>
                  {planName(view.planId)} ({label("plans.kind", view.planKind)})
                </dd>
              </div>
              <div>
                <dt>{t("case.channel")}</dt>
                <dd>{label("channel", view.channel)}</dd>
              </div>
              <div>
                <dt>{t("case.formFactor")}</dt>
                <dd>{label("plans.form", view.formFactor)}</dd>
              </div>
              <div>
                <dt>{t("case.language")}</dt>
                <dd>{languageName(view.language)}</dd>
              </div>
              <div>
                <dt>{t("case.submitted")}</dt>
                <dd>{view.submittedAt ? dateTime(view.submittedAt) : "—"}</dd>
              </div>
              <div>
                <dt>{t("case.waitingSince")}</dt>
                <dd>{dateTime(view.waitingSince)}</dd>
              </div>
              <div>
                <dt>{t("case.acceptance")}</dt>
                <dd>
                  {view.acceptance
                    ? t("case.acceptanceGiven", {
                        terms: view.acceptance.terms,
                        privacy: view.acceptance.privacy,
                        policy: policyName(view.acceptance.policy),
                        language: languageName(view.acceptance.language),
                        time: dateTime(view.acceptance.acceptedAt),
                      })
                    : view.submittedAt
                      ? t("case.acceptanceNone")
                      : "—"}
                </dd>
              </div>
              <div>
                <dt>{t("case.contact")}</dt>
                <dd>
                  {view.contact.email}
                  {view.contact.phone ? ` · ${formatPhone(view.contact.phone)}` : ""}
                </dd>
              </div>
            </dl>
          </section>

          <PortInCard view={view} />
          <LineCard view={view} role={account.role} onChanged={load} />
          <ProvisioningCard view={view} />

          {(view.activation.lockedAt || unlocked) && (
            <section aria-labelledby="activation-h" className="card">
              <h2 id="activation-h">{t("unlock.title")}</h2>
              {roleMay(account.role, "applications.unlock_activation") ? (
                <ActivationUnlock
                  reference={view.reference}
                  failures={view.activation.failures}
                  lockedAt={view.activation.lockedAt}
                  onUnlocked={() => {
                    setUnlocked(true);
                    void load();
                  }}
                />
              ) : (
                <p className="notice">
                  {t("unlock.locked", {
                    failures: view.activation.failures,
                    time: view.activation.lockedAt ? dateTime(view.activation.lockedAt) : "—",
                  })}
                </p>
              )}
            </section>
          )}

          {view.correction && (
            <section aria-labelledby="correction-h" className="card">
              <h2 id="correction-h">{t("case.correction")}</h2>
              <p>
                {t("case.correctionAsked", {
                  time: dateTime(view.correction.requestedAt),
                  fields: view.correction.fields.map((f) => label("field", f.field)).join(", "),
                })}
              </p>
              <blockquote data-untranslated>{view.correction.message}</blockquote>
              <p>
                {view.correction.answeredAt
                  ? t("case.correctionAnswered", { time: dateTime(view.correction.answeredAt) })
                  : t("case.correctionOpen")}
              </p>
              {view.correction.changes.length > 0 && (
                <DataTable
                  label={t("case.changes")}
                  caption={t("case.changes")}
                  captionShown
                  stacked
                  columns={[t("common.field"), t("case.before"), t("case.after")]}
                >
                  {view.correction.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{label("field", c.field)}</th>
                      <td>
                        <Values value={c.before} path={c.field} labelFor={particularLabel} valueFor={particularValue} />
                      </td>
                      <td className="changed">
                        <Values value={c.after} path={c.field} labelFor={particularLabel} valueFor={particularValue} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
          )}

          <section aria-labelledby="evidence-h" className="card">
            <h2 id="evidence-h">{t("case.evidence")}</h2>
            <div className="evidence-grid">
              <div>
                <h3>{t("case.particulars")}</h3>
                <Values value={view.applicant} labelFor={particularLabel} valueFor={particularValue} />
                <FacesCard view={view} mayOpen={roleMay(account.role, "applications.images")} />
              </div>
              <div className="stack">
                {view.evidence.length === 0 && <p>{t("case.evidenceNone")}</p>}
                {view.evidence.map((item) => (
                  <article key={item.id} className="evidence">
                    <h3>
                      {label("field", `evidence.${item.kind}`)}{" "}
                      <span className="muted small">{t("case.evidenceAdded", { time: dateTime(item.at) })}</span>
                    </h3>
                    <ChecksTable
                      caption={t("case.checksOf")}
                      checks={view.checks.filter((c) => checkPrefixes[item.kind]?.includes(prefixOf(c.code)))}
                    />
                  </article>
                ))}
              </div>
            </div>
          </section>

          {otherChecks.length > 0 && (
            <section aria-labelledby="checks-h" className="card">
              <h2 id="checks-h">{t("case.checks")}</h2>
              <ChecksTable caption={t("case.checks")} checks={otherChecks} hideCaption />
            </section>
          )}

          {view.decision && (
            <section aria-labelledby="decision-h" className="card">
              <h2 id="decision-h">{t("case.decision")}</h2>
              <p>
                {label("event", view.decision.outcome)} · {dateTime(view.decision.at)}
              </p>
              {view.decision.decidedBy.length > 0 && (
                <>
                  <h3>{t("case.decidedBy")}</h3>
                  <ul>
                    {view.decision.decidedBy.map((d) => (
                      <li key={d.code}>
                        <StatusBadge status={d.status} /> <CheckName code={d.code} /> {d.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}

          {view.credit && (
            <section aria-labelledby="credit-h" className="card">
              <h2 id="credit-h">{t("case.credit")}</h2>
              <dl className="grid">
                <div>
                  <dt>{t("case.consent")}</dt>
                  <dd>
                    {view.credit.consent
                      ? t("case.consentGiven", {
                          version: view.credit.consent.textVersion,
                          time: dateTime(view.credit.consent.givenAt),
                        })
                      : t("case.consentNone")}
                  </dd>
                </div>
                <div>
                  <dt>{t("case.paymentMethod")}</dt>
                  <dd>
                    {view.credit.paymentMethod
                      ? `${label("paymentMethod", view.credit.paymentMethod.type === "bank" ? "bank" : "card")} · ${view.credit.paymentMethod.display} (${label("payment", view.credit.paymentMethod.status)})`
                      : t("common.none")}
                  </dd>
                </div>
                {view.credit.assessment && (
                  <div>
                    <dt>{t("case.outcome")}</dt>
                    <dd>
                      <span className={`badge credit-${view.credit.assessment.outcome}`}>
                        {label("credit", view.credit.assessment.outcome)}
                      </span>{" "}
                      <span className="muted small">{policyName(view.credit.assessment.policy)}</span>
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t("case.deposit")}</dt>
                  <dd>
                    {yen(view.credit.deposit.amountJpy)}{" "}
                    <span className="muted small">
                      {t(view.credit.deposit.decided ? "case.depositDecided" : "case.depositExpected")}
                    </span>
                    {view.credit.deposit.reasons.length > 0 && (
                      <span className="small"> · {view.credit.deposit.reasons.map((r) => r.text).join(" · ")}</span>
                    )}
                  </dd>
                </div>
              </dl>
              {view.credit.assessment && view.credit.assessment.reasons.length > 0 && (
                <ul>
                  {view.credit.assessment.reasons.map((r) => (
                    <li key={r.code}>
                      <span className="mono small">{r.code}</span> ({label("credit", r.outcome)}
                      {r.depositJpy > 0 ? `, ${yen(r.depositJpy)}` : ""}): {r.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          {view.payments.length > 0 && (
            <section aria-labelledby="payments-h" className="card">
              <h2 id="payments-h">{t("case.payments")}</h2>
              <ul className="plain stack">
                {view.payments.map((p) => (
                  <li key={p.id}>
                    <strong>
                      {label("paymentKind", p.kind)} · {yen(p.amountJpy)}
                    </strong>{" "}
                    ({label("paymentMethod", p.method)}) ·{" "}
                    <span className="badge">{label("paymentStatus", p.status)}</span>
                    <br />
                    <span className="muted small">
                      {dateTime(p.at)}
                      {p.refundedJpy > 0 && ` · ${t("case.refunded", { amount: yen(p.refundedJpy) })}`}
                      {p.refundRequestedAt &&
                        p.refundedJpy === 0 &&
                        ` · ${t("case.refundRequested", { time: dateTime(p.refundRequestedAt) })}`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {view.notes.length > 0 && (
            <section aria-labelledby="notes-h" className="card">
              <h2 id="notes-h">{t("case.notes")}</h2>
              <ul className="plain stack">
                {view.notes.map((n) => (
                  <li key={`${n.at}-${n.kind}`}>
                    <span className="muted small">
                      {dateTime(n.at)} · {n.by} · {label("event", n.kind)}
                    </span>
                    <br />
                    {n.note}
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="history-h" className="card">
            <h2 id="history-h">{t("case.history")}</h2>
            <ol className="timeline">
              {view.history.map((e) => (
                <li key={e.version}>
                  <time dateTime={e.at}>{dateTime(e.at)}</time>
                  <span className="event">{label("event", e.event)}</span>
                  <span className="muted small">
                    {label("state", e.from)} → {label("state", e.to)} ·{" "}
                    {e.actor.startsWith("staff:") ? e.actor.slice("staff:".length) : label("actor", e.actor)}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside className="case-side">
          <DecisionPanel view={view} account={account} onChanged={load} />
        </aside>
      </div>
    </>
  );
}

function ChecksTable({ checks, caption, hideCaption }: { checks: Check[]; caption: string; hideCaption?: boolean }) {
  const { t } = useI18n();
  if (checks.length === 0) return null;
  return (
    <table className="checks">
      <caption className={hideCaption ? "visually-hidden" : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("case.result")}</th>
          <th scope="col">
            {t("case.check")} · {t("case.reason")}
          </th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.code} className={`row-${c.status}`}>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>
              <CheckName code={c.code} />
              {c.message}
              {c.details !== null && typeof c.details === "object" && Object.keys(c.details).length > 0 && (
                <details>
                  <summary>{t("case.details")}</summary>
                  <Values value={c.details} />
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
