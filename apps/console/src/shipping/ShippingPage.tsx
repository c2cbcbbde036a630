import type { Body } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { Shipment, ShippingWork } from "../api/answers.ts";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel, usePlanName } from "../review/Badges.tsx";
import { DataTable, ErrorAlert } from "../shell/tables.tsx";

/** The carrier's codes for a parcel that came back (the API's shipment event reasons). */
const returnReasons = [
  "addressee_unknown",
  "moved",
  "refused",
  "not_collected",
  "identity_not_confirmed",
  "other",
] as const;

type Waiting = ShippingWork["waiting"][number];
type ShipmentEvent = Body<"/v1/staff/shipments/{trackingNumber}/events", "post">;

const describe = (e: unknown) => (e instanceof ApiProblem ? e.detail : String(e));

/**
 * The shipping desk: physical SIMs waiting to be sent (one opened at a time to send it, by restricted
 * delivery where the verification rests on it), and the parcels in transit with what the carrier
 * reported: delivered (the applicant may activate) or returned (back to the waiting list).
 */
export function ShippingPage() {
  const { t, dateTime } = useI18n();
  const label = useCodeLabel();
  const planName = usePlanName();
  const [work, setWork] = useState<ShippingWork | null>(null);
  const [sending, setSending] = useState<Waiting | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setWork(await answer(api.GET("/v1/staff/shipments")));
    } catch (e) {
      setError(t("common.error", { detail: describe(e) }));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(work: () => Promise<string>) {
    setError(null);
    setDone(null);
    try {
      setDone(await work());
      await load();
    } catch (e) {
      setError(describe(e));
    }
  }

  function send(item: Waiting): Promise<void> {
    return act(async () => {
      const shipment = await answer(
        api.POST("/v1/staff/applications/{reference}/shipment", { params: { path: { reference: item.reference } } }),
      );
      setSending(null);
      return t("shipping.booked", { carrier: label("carrier", shipment.carrier), tracking: shipment.trackingNumber });
    });
  }

  function report(reference: string, shipment: Shipment, body: ShipmentEvent) {
    void act(async () => {
      await api.POST("/v1/staff/shipments/{trackingNumber}/events", {
        params: { path: { trackingNumber: shipment.trackingNumber } },
        body,
      });
      return t(body.type === "delivered" ? "shipping.recordedDelivered" : "shipping.recordedReturned", { reference });
    });
  }

  return (
    <>
      <h1>{t("shipping.title")}</h1>
      <p>{t("shipping.intro")}</p>
      <ErrorAlert error={error} />
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      {sending && work && (
        <SendPanel
          item={sending}
          carrier={work.carrier}
          onSend={() => send(sending)}
          onCancel={() => setSending(null)}
        />
      )}
      {work === null ? (
        <p>{t("common.loading")}</p>
      ) : (
        <>
          <section aria-labelledby="waiting-h" className="card">
            <h2 id="waiting-h">{t("shipping.waiting")}</h2>
            {work.waiting.length === 0 ? (
              <p>{t("shipping.waitingNone")}</p>
            ) : (
              <DataTable
                label={t("shipping.waiting")}
                stacked
                columns={[
                  t("shipping.reference"),
                  t("shipping.plan"),
                  t("shipping.line"),
                  t("shipping.method"),
                  t("shipping.waitingSince"),
                  { hidden: t("shipping.actions") },
                ]}
              >
                {work.waiting.map((item) => (
                  <tr key={item.reference}>
                    <td className="mono">{item.reference}</td>
                    <td>{planName(item.planId)}</td>
                    <td>{label("lineType", item.lineType)}</td>
                    <td>{label("shipMethod", item.method)}</td>
                    <td className="nowrap">{dateTime(item.waitingSince)}</td>
                    <td>
                      <button type="button" className="secondary" onClick={() => setSending(item)}>
                        {t("shipping.send", { reference: item.reference })}
                      </button>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <section aria-labelledby="transit-h" className="card">
            <h2 id="transit-h">{t("shipping.inTransit")}</h2>
            {work.inTransit.length === 0 ? (
              <p>{t("shipping.inTransitNone")}</p>
            ) : (
              <DataTable
                label={t("shipping.inTransit")}
                stacked
                columns={[
                  t("shipping.reference"),
                  t("shipping.tracking"),
                  t("shipping.method"),
                  t("shipping.sentAt"),
                  { hidden: t("shipping.actions") },
                ]}
              >
                {work.inTransit.map(({ reference, shipment }) => (
                  <tr key={shipment.id}>
                    <td className="mono">{reference}</td>
                    <td>
                      <TrackingLink shipment={shipment} />
                    </td>
                    <td>{label("shipMethod", shipment.method)}</td>
                    <td className="nowrap">{dateTime(shipment.createdAt)}</td>
                    <td>
                      <CarrierReport
                        reference={reference}
                        onDelivered={() => report(reference, shipment, { type: "delivered" })}
                        onReturned={(reason) => report(reference, shipment, { type: "returned", reason })}
                      />
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** One SIM opened to send: how it must travel and why, a parcel that came back before, then the booking. */
function SendPanel({
  item,
  carrier,
  onSend,
  onCancel,
}: {
  item: Waiting;
  carrier: string;
  onSend(): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="send-h" className="card">
      <h2 id="send-h">{t("shipping.sendTitle", { reference: item.reference })}</h2>
      <dl className="grid">
        <div>
          <dt>{t("shipping.method")}</dt>
          <dd>
            <strong>{label("shipMethod", item.method)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t("shipping.carrier")}</dt>
          <dd>{label("carrier", carrier)}</dd>
        </div>
      </dl>
      <p className={item.method === "restricted_delivery" ? "notice" : undefined}>
        {t(item.method === "restricted_delivery" ? "shipping.restrictedNote" : "shipping.registeredNote")}
      </p>
      {item.lastReturned && (
        <p className="notice">
          {t("shipping.returnedBefore", {
            tracking: item.lastReturned.trackingNumber,
            reason: label("returnReason", item.lastReturned.returnReason ?? "other"),
          })}
        </p>
      )}
      <p className="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            // On success the panel closes; on a refusal (shown above) the clerk may try again.
            void onSend().finally(() => setBusy(false));
          }}
        >
          {t("shipping.book")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </p>
    </section>
  );
}

function TrackingLink({ shipment }: { shipment: Shipment }) {
  const { t } = useI18n();
  return (
    <a
      href={shipment.trackingUrl}
      target="_blank"
      rel="noopener noreferrer"
      className="mono"
      title={t("shipping.track", { tracking: shipment.trackingNumber })}
    >
      {shipment.trackingNumber}
    </a>
  );
}

/** What the carrier reported on a parcel: delivered in person, or returned with its reason. */
function CarrierReport({
  reference,
  onDelivered,
  onReturned,
}: {
  reference: string;
  onDelivered(): void;
  onReturned(reason: (typeof returnReasons)[number]): void;
}) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const id = `reason-${reference}`;
  function returned(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onReturned(String(new FormData(event.currentTarget).get("reason")) as (typeof returnReasons)[number]);
  }
  return (
    <div className="stack">
      <button type="button" onClick={onDelivered}>
        {t("shipping.recordDelivered")}
      </button>
      <form onSubmit={returned} className="row">
        <label htmlFor={id} className="visually-hidden">
          {t("shipping.returnReason")}
        </label>
        <select id={id} name="reason" defaultValue="addressee_unknown">
          {returnReasons.map((r) => (
            <option key={r} value={r}>
              {label("returnReason", r)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("shipping.recordReturned")}
        </button>
      </form>
    </div>
  );
}
