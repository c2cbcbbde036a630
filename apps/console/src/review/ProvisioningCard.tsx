import type { CaseView } from "../api/answers.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel } from "./Badges.tsx";

/** The operation log: every call made to the network for the case, with its request and answer. */
export function ProvisioningCard({ view }: { view: CaseView }) {
  const { t, dateTime } = useI18n();
  const label = useCodeLabel();
  return (
    <section aria-labelledby="provisioning-h" className="card">
      <h2 id="provisioning-h">{t("case.provisioning")}</h2>
      {view.provisioning.length === 0 ? (
        <p>{t("case.provisioningNone")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("case.provisioningWhen")}</th>
              <th scope="col">{t("case.provisioningOperation")}</th>
              <th scope="col">{t("case.provisioningOutcome")}</th>
              <th scope="col">{t("case.provisioningAttempts")}</th>
              <th scope="col">{t("case.provisioningDetail")}</th>
            </tr>
          </thead>
          <tbody>
            {view.provisioning.map((op) => (
              <tr key={`${op.startedAt}-${op.operation}`}>
                <td className="nowrap">{dateTime(op.startedAt)}</td>
                <td>{label("provisioningOperation", op.operation)}</td>
                <td>
                  {label("provisioningOutcome", op.outcome)}
                  {op.error && <div className="small muted">{op.error}</div>}
                </td>
                <td>{op.attempts}</td>
                <td>
                  <details>
                    <summary>{op.adapter}</summary>
                    <pre className="mono small">
                      {JSON.stringify({ request: op.request, answer: op.answer }, null, 2)}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
