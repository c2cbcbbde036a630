import type { CaseView } from "../api/answers.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { formatMsisdn } from "./LineCard.tsx";

/**
 * The number the application brings from another operator (MNP port-in): the number, the flow
 * (two-stop with a reservation number, or one-stop), the previous operator, the reservation's last
 * day, the switch-over time the applicant chose and how the switch-over went. Nothing when the
 * application takes a new number. Part of the case, so only the roles that read the case see it.
 */
export function PortInCard({ view }: { view: CaseView }) {
  const { t, dateTime } = useI18n();
  const port = view.portIn;
  if (!port) return null;
  return (
    <section aria-labelledby="port-in-h" className="card">
      <h2 id="port-in-h">{t("case.portIn")}</h2>
      <dl className="grid">
        <div>
          <dt>{t("case.portIn.msisdn")}</dt>
          <dd className="mono">{formatMsisdn(port.msisdn)}</dd>
        </div>
        <div>
          <dt>{t("case.portIn.mode")}</dt>
          <dd>{t(port.mode === "one_stop" ? "case.portIn.oneStop" : "case.portIn.twoStop")}</dd>
        </div>
        <div>
          <dt>{t("case.portIn.donor")}</dt>
          <dd>{port.donor ?? t("case.portIn.donorUnknown")}</dd>
        </div>
        <div>
          <dt>{t("case.portIn.expires")}</dt>
          <dd>{port.reservationExpiresOn}</dd>
        </div>
        <div>
          <dt>{t("case.portIn.switchOverAt")}</dt>
          <dd>{port.switchOverAt ? dateTime(port.switchOverAt) : t("case.portIn.notChosen")}</dd>
        </div>
        <div>
          <dt>{t("case.portIn.outcome")}</dt>
          <dd>
            {t(`case.portIn.state.${port.state}`)}
            {port.failureCode ? ` (${port.failureCode})` : ""}
          </dd>
        </div>
      </dl>
    </section>
  );
}
