import type { Answer } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorAlert, TableCard } from "../shell/tables.tsx";

type PolicySummary = Answer<"/v1/staff/policies", "get">["items"][number];
type PolicyVersions = Answer<"/v1/staff/policies/{id}", "get">;

const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** The verification policies loaded, which are in force on a day, and one policy's data, read-only. */
export function PoliciesPage() {
  const { t } = useI18n();
  const [at, setAt] = useState(today);
  const [items, setItems] = useState<PolicySummary[] | null>(null);
  const [shown, setShown] = useState<PolicyVersions | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await answer(api.GET("/v1/staff/policies", { params: { query: { at } } }))).items);
      setError(null);
    } catch (e) {
      setError(t("common.error", { detail: (e as Error).message }));
    }
  }, [at, t]);
  useEffect(() => {
    void load();
  }, [load]);

  async function show(id: string) {
    try {
      setShown(await answer(api.GET("/v1/staff/policies/{id}", { params: { path: { id }, query: { at } } })));
    } catch (e) {
      setError(t("common.error", { detail: (e as Error).message }));
    }
  }

  // The data opens below the table: bring it into view.
  useEffect(() => {
    if (shown) document.getElementById("policy-h")?.scrollIntoView({ block: "start" });
  }, [shown]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAt(String(new FormData(event.currentTarget).get("at")));
    setShown(null);
  }

  return (
    <>
      <h1>{t("policies.title")}</h1>
      <p>{t("policies.intro")}</p>
      <form className="filters" onSubmit={apply}>
        <label>
          {t("policies.at")}
          <input type="date" name="at" defaultValue={at} required />
        </label>
        <button type="submit">{t("policies.show")}</button>
      </form>
      <ErrorAlert error={error} />
      {!items ? (
        <p>{t("common.loading")}</p>
      ) : (
        <TableCard
          id="policies-h"
          title={t("policies.loaded", { at })}
          columns={[
            t("policies.policy"),
            t("policies.kind"),
            t("policies.version"),
            t("policies.validity"),
            t("policies.hash"),
            t("policies.status"),
            { hidden: t("policies.data") },
          ]}
          rows={items.map((p) => (
            <tr key={`${p.id}@${p.version}`}>
              <th scope="row">
                <span className="mono">{p.id}</span>
                <br />
                {/* The title as the policy file has it (in the operator's words, not the console's language). */}
                <span className="small muted plain" data-untranslated>
                  {p.title}
                </span>
              </th>
              <td className="nowrap">{t(`policies.kind.${p.kind}`)}</td>
              <td className="mono nowrap">{p.version}</td>
              <td className="mono nowrap">
                {p.effectiveFrom} – {p.effectiveUntil ?? t("policies.open")}
              </td>
              <td className="mono" title={p.contentHash}>
                {p.contentHash.slice(0, 12)}…
              </td>
              <td>
                {p.inForce ? (
                  <span className="badge state-active">{t("policies.inForce")}</span>
                ) : (
                  <span className="muted">{t("policies.notInForce")}</span>
                )}
              </td>
              <td>
                <button type="button" className="secondary nowrap" onClick={() => void show(p.id)}>
                  {t("policies.data")}
                  <span className="visually-hidden"> {t("policies.view", { id: p.id })}</span>
                </button>
              </td>
            </tr>
          ))}
        />
      )}
      {shown && (
        <section className="card" aria-labelledby="policy-h">
          <h2 id="policy-h">{t("policies.dataOf", { id: shown.id })}</h2>
          {shown.versions.map((v) => (
            <details key={v.version} className="policy-version" open={v.inForce}>
              <summary>
                <span className="mono">
                  {v.id}@{v.version}
                </span>{" "}
                {v.inForce && <span className="badge state-active">{t("policies.inForce")}</span>}{" "}
                <span className="small muted">{v.file}</span>
              </summary>
              <p className="small">
                {t("policies.hash")}: <span className="mono break">{v.contentHash}</span>
              </p>
              <section className="json" aria-label={t("policies.dataOf", { id: `${v.id}@${v.version}` })}>
                <pre>{JSON.stringify(v.data, null, 2)}</pre>
              </section>
            </details>
          ))}
        </section>
      )}
    </>
  );
}
