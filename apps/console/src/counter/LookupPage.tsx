import type { Answer } from "@jitsumei/api-contract/client";
import { type FormEvent, useState } from "react";
import type { StaffAccount } from "../api/answers.ts";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ActivationUnlock } from "../review/ActivationUnlock.tsx";
import { StateBadge, useCodeLabel } from "../review/Badges.tsx";
import { roleMay } from "../shell/access.ts";

type Lookup = Answer<"/v1/staff/lookup/{reference}", "get">;

/**
 * Where an application stands, by reference, with personal data masked: the call centre and the
 * counter. An activation locked by wrong codes is unlocked here by those who may (the call centre).
 */
export function LookupPage({ account }: { account: StaffAccount }) {
  const { t, language, dateTime } = useI18n();
  const label = useCodeLabel();
  const [found, setFound] = useState<Lookup | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reference = String(new FormData(event.currentTarget).get("reference")).trim().toUpperCase();
    try {
      setFound(
        await answer(api.GET("/v1/staff/lookup/{reference}", { params: { path: { reference }, query: { language } } })),
      );
      setError(null);
    } catch (e) {
      setFound(null);
      setError(e instanceof ApiProblem ? e.detail : String(e));
    }
  }

  return (
    <>
      <h1>{t("lookup.title")}</h1>
      <form onSubmit={submit} className="row">
        <label>
          {t("lookup.reference")}
          <input name="reference" required className="mono" autoComplete="off" />
        </label>
        <button type="submit">{t("lookup.submit")}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {found && (
        <section className="card" aria-labelledby="found-h">
          <h2 id="found-h">
            {found.reference} <StateBadge state={found.state} />
          </h2>
          <p>
            <strong>{found.status.title}</strong> {found.status.next}
          </p>
          <dl className="grid">
            <div>
              <dt>{t("lookup.name")}</dt>
              <dd>{found.applicant.name ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("lookup.birthYear")}</dt>
              <dd>{found.applicant.birthYear ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("staff.email")}</dt>
              <dd>{found.applicant.email}</dd>
            </div>
          </dl>
          {found.activationLockedAt && (
            <>
              <h3>{t("unlock.title")}</h3>
              {roleMay(account.role, "applications.unlock_activation") ? (
                <ActivationUnlock
                  key={found.reference}
                  reference={found.reference}
                  failures={5}
                  lockedAt={found.activationLockedAt}
                  onUnlocked={() => undefined}
                />
              ) : (
                <p className="notice">
                  {t("unlock.locked", { failures: 5, time: dateTime(found.activationLockedAt) })}
                </p>
              )}
            </>
          )}
          <h3>{t("lookup.timeline")}</h3>
          <ol className="timeline">
            {found.timeline.map((e) => (
              <li key={`${e.at}-${e.event}`}>
                <time dateTime={e.at}>{dateTime(e.at)}</time>
                <span className="event">{label("event", e.event)}</span>
                <span className="muted small">{label("state", e.state)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
