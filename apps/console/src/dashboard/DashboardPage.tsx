import type { components } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel } from "../review/Badges.tsx";
import { HorizontalBars, Ring, StackedBars } from "./charts.tsx";

export type Dashboard = components["schemas"]["Dashboard"];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); isoDay(d) <= to; d = new Date(d.getTime() + 86_400_000)) {
    days.push(isoDay(d));
  }
  return days;
}

/** The last weeks at a glance: applications by channel, the funnel, approvals, time to decision, refusals. */
export function DashboardPage() {
  const { t } = useI18n();
  const label = useCodeLabel();
  // Null until the user picks a period: the server then answers with the last two weeks up to today in
  // the operator's time zone, which the browser's clock and zone cannot be trusted to know.
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await answer(api.GET("/v1/staff/dashboard", { params: { query: range ?? {} } })));
      setError(null);
    } catch (e) {
      setError(t("common.error", { detail: (e as Error).message }));
    }
  }, [range, t]);
  useEffect(() => {
    void load();
  }, [load]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRange({ from: String(form.get("from")), to: String(form.get("to")) });
  }

  const days = data ? daysBetween(data.from, data.to) : [];
  const channels = data ? [...new Set(data.perDay.map((p) => p.channel))].sort() : [];
  const count = (day: string, channel: string) =>
    data?.perDay.find((p) => p.day === day && p.channel === channel)?.count ?? 0;
  const funnelRows = data
    ? (["started", "submitted", "approved", "activated"] as const).map((stage) => ({
        label: t(`funnel.${stage}`),
        value: data.funnel[stage],
      }))
    : [];

  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <form className="filters" onSubmit={apply} key={data ? `${data.from}/${data.to}` : "loading"}>
        <label>
          {t("dashboard.from")}
          <input type="date" name="from" defaultValue={data?.from} required />
        </label>
        <label>
          {t("dashboard.to")}
          <input type="date" name="to" defaultValue={data?.to} required />
        </label>
        <button type="submit">{t("dashboard.show")}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!data ? (
        <p>{t("common.loading")}</p>
      ) : (
        <div className="dashboard">
          <section className="card span-2" aria-labelledby="per-day-h">
            <h2 id="per-day-h">{t("dashboard.perDay")}</h2>
            {data.perDay.length === 0 ? (
              <p>{t("dashboard.noData")}</p>
            ) : (
              <>
                <StackedBars
                  days={days}
                  series={channels.map((c) => ({ key: c, label: label("channel", c) }))}
                  value={count}
                  label={t("dashboard.perDay")}
                />
                <details>
                  <summary>{t("dashboard.count")}</summary>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("dashboard.day")}</th>
                        {channels.map((c) => (
                          <th scope="col" key={c} className="num">
                            {label("channel", c)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {days
                        .filter((d) => channels.some((c) => count(d, c) > 0))
                        .map((d) => (
                          <tr key={d}>
                            <th scope="row">{d}</th>
                            {channels.map((c) => (
                              <td key={c} className="num">
                                {count(d, c)}
                              </td>
                            ))}
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </details>
              </>
            )}
          </section>
          <section className="card" aria-labelledby="funnel-h">
            <h2 id="funnel-h">{t("dashboard.funnel")}</h2>
            <HorizontalBars
              rows={funnelRows}
              label={`${t("dashboard.funnel")}: ${funnelRows.map((r) => `${r.label} ${r.value}`).join(", ")}`}
            />
          </section>
          <section className="card" aria-labelledby="rate-h">
            <h2 id="rate-h">{t("dashboard.approvalRate")}</h2>
            <div className="row">
              <Ring
                share={data.decisions.approvalRate}
                label={`${t("dashboard.approvalRate")}: ${
                  data.decisions.approvalRate === null ? "—" : `${Math.round(data.decisions.approvalRate * 100)}%`
                }`}
              />
              <p>
                {t("dashboard.decided", { count: data.decisions.approved + data.decisions.rejected })}
                <br />
                {t("state.approved")}: {data.decisions.approved} · {t("state.rejected")}: {data.decisions.rejected}
              </p>
            </div>
          </section>
          <section className="card" aria-labelledby="ttd-h">
            <h2 id="ttd-h">{t("dashboard.timeToDecision")}</h2>
            <p className="figure">{t("dashboard.medianHours", { hours: data.timeToDecision.medianHours ?? "—" })}</p>
            <p>
              {t("dashboard.p90Hours", { hours: data.timeToDecision.p90Hours ?? "—" })} ·{" "}
              {t("dashboard.decided", { count: data.timeToDecision.decided })}
            </p>
          </section>
          <section className="card" aria-labelledby="reasons-h">
            <h2 id="reasons-h">{t("dashboard.rejections")}</h2>
            {data.rejectionReasons.length === 0 ? (
              <p>{t("dashboard.noData")}</p>
            ) : (
              <HorizontalBars
                rows={data.rejectionReasons.map((r) => ({ label: label("reject", r.reason), value: r.count }))}
                label={`${t("dashboard.rejections")}: ${data.rejectionReasons
                  .map((r) => `${label("reject", r.reason)} ${r.count}`)
                  .join(", ")}`}
              />
            )}
          </section>
        </div>
      )}
    </>
  );
}
