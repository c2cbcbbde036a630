import type { components } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel } from "../review/Badges.tsx";
import { ErrorAlert, TableCard } from "../shell/tables.tsx";

type TransferRefund = components["schemas"]["TransferRefund"];

/**
 * Refunds owed by bank transfer: cash paid at a konbini cannot go back through the till. Staff pay
 * each from the operator's bank and record the transfer's reference here (audited); the payment is
 * then refunded and the applicant told by mail.
 */
export function RefundsPage() {
  const { t, dateTime, yen } = useI18n();
  const label = useCodeLabel();
  const [showAll, setShowAll] = useState(false);
  const [items, setItems] = useState<TransferRefund[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ paymentId: string; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const status = showAll ? "all" : "owed";
      setItems((await answer(api.GET("/v1/staff/refunds/transfers", { params: { query: { status } } }))).items);
    } catch (e) {
      setError(t("common.error", { detail: (e as Error).message }));
    }
  }, [showAll, t]);
  useEffect(() => {
    void load();
  }, [load]);

  async function markPaid(event: FormEvent<HTMLFormElement>, refund: TransferRefund) {
    event.preventDefault();
    const transferReference = String(new FormData(event.currentTarget).get("transferReference") ?? "");
    setRowError(null);
    setDone(null);
    try {
      await api.POST("/v1/staff/refunds/transfers/{paymentId}/paid", {
        params: { path: { paymentId: refund.paymentId } },
        body: { transferReference },
      });
      setDone(t("refunds.done", { amount: yen(refund.amountJpy), reference: refund.reference }));
      await load();
    } catch (e) {
      const reason = e instanceof ApiProblem ? (e.errors[0]?.reason ?? e.detail) : String(e);
      setRowError({ paymentId: refund.paymentId, text: t("refunds.refused", { reason }) });
    }
  }

  return (
    <>
      <h1>{t("refunds.title")}</h1>
      <p>{t("refunds.intro")}</p>
      <ErrorAlert error={error} />
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      <TableCard
        id="refunds-h"
        title={showAll ? t("refunds.all") : t("refunds.owed")}
        empty={t("refunds.none")}
        columns={[
          t("refunds.reference"),
          t("refunds.kind"),
          t("refunds.amount"),
          t("refunds.paidAt"),
          t("refunds.owedSince"),
          t("refunds.transfer"),
        ]}
        rows={
          items?.map((r) => (
            <tr key={r.paymentId}>
              <th scope="row" className="mono">
                {r.reference}
              </th>
              <td>{label("paymentKind", r.kind)}</td>
              <td className="num">{yen(r.amountJpy)}</td>
              <td className="nowrap">{dateTime(r.paidAt)}</td>
              <td className="nowrap">{dateTime(r.owedSince)}</td>
              <td>
                {r.transferredAt ? (
                  <span>
                    {t("refunds.transferred", { time: dateTime(r.transferredAt) })}{" "}
                    <span className="mono">{r.transferReference}</span>
                  </span>
                ) : (
                  <form className="stack" onSubmit={(e) => void markPaid(e, r)}>
                    <label>
                      {t("refunds.transferReference")}
                      <input
                        name="transferReference"
                        required
                        maxLength={100}
                        autoComplete="off"
                        aria-invalid={rowError?.paymentId === r.paymentId || undefined}
                      />
                    </label>
                    {rowError?.paymentId === r.paymentId && (
                      <p role="alert" className="error">
                        {rowError.text}
                      </p>
                    )}
                    <button type="submit">{t("refunds.markPaid", { reference: r.reference })}</button>
                  </form>
                )}
              </td>
            </tr>
          )) ?? null
        }
      >
        <label className="check">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          {t("refunds.showAll")}
        </label>
      </TableCard>
    </>
  );
}
