import type { Answer } from "@jitsumei/api-contract/client";
import { useState } from "react";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

type AuditResult = Answer<"/v1/staff/audit/verification", "post">;

/** Recomputes the audit chain on the server and shows whether it holds, or its first broken entry. */
export function AuditPage() {
  const { t, dateTime } = useI18n();
  const [result, setResult] = useState<AuditResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setRunning(true);
    try {
      setResult(await answer(api.POST("/v1/staff/audit/verification")));
      setError(null);
    } catch (e) {
      setError(t("common.error", { detail: e instanceof ApiProblem ? e.detail : String(e) }));
    } finally {
      setRunning(false);
    }
  }

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <p>
        <button type="button" onClick={() => void run()} disabled={running}>
          {running ? t("audit.running") : t("audit.run")}
        </button>
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {result?.valid === true && (
          <section className="success result" aria-labelledby="audit-result-h">
            <h2 id="audit-result-h">{t("audit.valid")}</h2>
            <dl>
              <dt>{t("audit.entries")}</dt>
              <dd>{result.entries.toLocaleString()}</dd>
              <dt>{t("audit.headHash")}</dt>
              <dd className="mono break">{result.headHash}</dd>
              <dt>{t("audit.checkedAt")}</dt>
              <dd>{dateTime(result.checkedAt)}</dd>
            </dl>
          </section>
        )}
        {result?.valid === false && (
          <section className="error result" role="alert" aria-labelledby="audit-result-h">
            <h2 id="audit-result-h">{t("audit.broken")}</h2>
            <dl>
              <dt>{t("audit.firstBroken")}</dt>
              <dd>#{result.firstBroken.seq}</dd>
              <dt>{t("audit.reason")}</dt>
              <dd>{result.firstBroken.reason}</dd>
              <dt>{t("audit.holding")}</dt>
              <dd>{result.entries.toLocaleString()}</dd>
              <dt>{t("audit.checkedAt")}</dt>
              <dd>{dateTime(result.checkedAt)}</dd>
            </dl>
          </section>
        )}
      </div>
    </>
  );
}
