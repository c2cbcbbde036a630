import type { CaseView } from "../api/types.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel } from "./Badges.tsx";

/** The SIM or eSIM profile assigned to the case, its number (none on a data-only line), and its parcel. */
export function LineCard({ view }: { view: CaseView }) {
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
        </dl>
      )}
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

/** A Japanese mobile number as it is written in Japan: 09012345678 → 090-1234-5678. */
export function formatMsisdn(msisdn: string): string {
  return /^0[5789]0\d{8}$/.test(msisdn) ? `${msisdn.slice(0, 3)}-${msisdn.slice(3, 7)}-${msisdn.slice(7)}` : msisdn;
}
