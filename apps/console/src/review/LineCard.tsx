import type { CaseView, StaffRole } from "../api/answers.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { roleMay } from "../shell/access.ts";
import { useCodeLabel } from "./Badges.tsx";
import { EndLine, RestoreLine } from "./LineActions.tsx";

/**
 * The SIM or eSIM profile assigned to the case, its number (none on a data-only line), the line's
 * state once live, and its parcel. A police-suspended line offers the counter re-verification that
 * restores it; a live line offers ending it, each to the roles that may.
 */
export function LineCard({ view, role, onChanged }: { view: CaseView; role: StaffRole; onChanged(): void }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const { line, shipment } = view;
  return (
    <section aria-labelledby="line-h" className="card">
      <h2 id="line-h">{t("case.line")}</h2>
      {line === null ? (
        <p>{t("case.noLine")}</p>
      ) : (
        <dl className="grid">
          <div>
            <dt>{t("case.simType")}</dt>
            <dd>{label("plans.form", line.formFactor)}</dd>
          </div>
          <div>
            <dt>{t("case.iccid")}</dt>
            <dd className="mono">{line.iccid}</dd>
          </div>
          <div>
            <dt>{t("case.lineType")}</dt>
            <dd>{label("lineType", line.lineType)}</dd>
          </div>
          <div>
            <dt>{t("case.msisdn")}</dt>
            <dd className={line.msisdn ? "mono" : undefined}>
              {line.msisdn ? formatMsisdn(line.msisdn) : t("case.noNumber")}
            </dd>
          </div>
          <div>
            <dt>{t("case.lineStatus")}</dt>
            <dd>{label("lineStatus", line.status)}</dd>
          </div>
          {line.subscription && (
            <div>
              <dt>{t("case.lineState")}</dt>
              <dd>{label("lineState", line.subscription.state)}</dd>
            </div>
          )}
        </dl>
      )}
      {line?.subscription?.openPoliceRequestId && roleMay(role, "police_requests.counter") && (
        <RestoreLine
          requestId={line.subscription.openPoliceRequestId}
          suspended={line.subscription.state === "police_suspended"}
          onDone={onChanged}
        />
      )}
      {line?.subscription &&
        liveStates.includes(line.subscription.state) &&
        roleMay(role, "subscriptions.terminate") && <EndLine reference={view.reference} onDone={onChanged} />}
      {shipment && (
        <>
          <h3>{t("case.shipment")}</h3>
          <dl className="grid">
            <div>
              <dt>{t("shipping.method")}</dt>
              <dd>{label("shipMethod", shipment.method)}</dd>
            </div>
            <div>
              <dt>{t("shipping.carrier")}</dt>
              <dd>{label("carrier", shipment.carrier)}</dd>
            </div>
            <div>
              <dt>{t("shipping.tracking")}</dt>
              <dd>
                <a href={shipment.trackingUrl} target="_blank" rel="noopener noreferrer" className="mono">
                  {shipment.trackingNumber}
                </a>
              </dd>
            </div>
            <div>
              <dt>{t("case.shipmentStatus")}</dt>
              <dd>{label("shipmentStatus", shipment.status)}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}

const liveStates: readonly string[] = ["active", "receive_only", "suspended", "police_suspended"];

/** A Japanese mobile number as it is written in Japan: 09012345678 → 090-1234-5678. */
export function formatMsisdn(msisdn: string): string {
  return /^0[5789]0\d{8}$/.test(msisdn) ? `${msisdn.slice(0, 3)}-${msisdn.slice(3, 7)}-${msisdn.slice(7)}` : msisdn;
}
