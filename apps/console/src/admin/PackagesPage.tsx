import type { Answer, Body, components } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { ApiProblem, answer, api, idempotencyKey } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel, usePlanName } from "../review/Badges.tsx";
import { DataTable, ErrorAlert } from "../shell/tables.tsx";

type Codes = Answer<"/v1/staff/package-batches/{batchId}/packages", "get">;
type Plan = components["schemas"]["Plan"];
type Channel = Body<"/v1/staff/package-batches", "post">["channel"];

const channels = ["konbini", "shop", "airport"] as const;
const statuses = ["in_stock", "sold", "registered", "activated", "void"] as const;
/** The most codes the page lists after making a batch; a larger batch is read from its CSV. */
const SHOWN = 200;

const batchPath = (batchId: string) => `/v1/staff/package-batches/${encodeURIComponent(batchId)}`;
type Batch = Answer<"/v1/staff/package-batches", "get">["items"][number];

/**
 * Retail packages (the SIM or eSIM voucher sold off the shelf with a registration code): make a batch
 * for a prepaid plan and a channel, see its codes once, right after it is made, and download them
 * as CSV or as a label sheet; each of those is written to the audit trail.
 */
export function PackagesPage() {
  const { t, dateTime, language, yen } = useI18n();
  const label = useCodeLabel();
  const planName = usePlanName();
  const [plans, setPlans] = useState<Plan[] | null>(null);
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [made, setMade] = useState<Codes | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setBatches((await answer(api.GET("/v1/staff/package-batches", { params: { query: { limit: 20 } } }))).items);
    } catch (e) {
      setError(t("common.error", { detail: (e as Error).message }));
    }
  }, [t]);
  useEffect(() => {
    void load();
    void answer(api.GET("/v1/plans", { params: { query: { limit: 100 } } })).then(
      (page) => setPlans(page.items.filter((p) => p.kind === "prepaid")),
      (e: Error) => setError(t("common.error", { detail: e.message })),
    );
  }, [load, t]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setFieldError(null);
    setMade(null);
    try {
      const batch = await answer(
        api.POST("/v1/staff/package-batches", {
          params: { header: idempotencyKey() },
          body: {
            planId: String(form.get("planId")),
            channel: String(form.get("channel")) as Channel,
            count: Number(form.get("count")),
          },
        }),
      );
      const codes = await answer(
        api.GET("/v1/staff/package-batches/{batchId}/packages", { params: { path: { batchId: batch.batchId } } }),
      );
      await load();
      setMade(codes);
    } catch (e) {
      if (e instanceof ApiProblem && e.errors[0]) {
        const { field, reason } = e.errors[0];
        setFieldError({ field, text: t("packages.refused", { field: fieldName(field), reason }) });
      } else setError(t("common.error", { detail: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const fieldName = (field: string) =>
    field === "count" ? t("packages.count") : field === "channel" ? t("packages.channel") : t("packages.plan");

  return (
    <>
      <h1>{t("packages.title")}</h1>
      <p>{t("packages.intro")}</p>
      <ErrorAlert error={error} />
      <section className="card" aria-labelledby="make-h">
        <h2 id="make-h">{t("packages.make")}</h2>
        <form onSubmit={create} className="stack">
          <div className="grid-form">
            <label>
              {t("packages.plan")}
              <select name="planId" required disabled={!plans}>
                {(plans ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {planName(p.id)} · {yen(p.priceJpy)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("packages.channel")}
              <select name="channel" defaultValue="konbini">
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {t(`packages.channel.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("packages.count")}
              <input
                name="count"
                type="number"
                min={1}
                max={10000}
                defaultValue={10}
                required
                aria-invalid={fieldError?.field === "count" || undefined}
                aria-describedby="count-hint"
              />
            </label>
          </div>
          <p id="count-hint" className="hint">
            {t("packages.countHint")}
          </p>
          {fieldError && (
            <p role="alert" className="error">
              {fieldError.text}
            </p>
          )}
          <button type="submit" disabled={busy || !plans}>
            {t("packages.submit")}
          </button>
        </form>
      </section>

      {made && (
        <section className="card" aria-labelledby="made-h">
          <h2 id="made-h">{t("packages.made", { count: made.items.length, plan: planName(made.planId) })}</h2>
          <p role="status" className="notice">
            {t("packages.shownOnce")}
          </p>
          <p className="row">
            <a href={`${batchPath(made.batchId)}/packages.csv`} download>
              {t("packages.csv")}
            </a>
            <a href={`${batchPath(made.batchId)}/labels.pdf`} target="_blank" rel="noreferrer">
              {t("packages.labels")}
            </a>
          </p>
          <DataTable
            label={t("packages.codes")}
            caption={t("packages.codes")}
            stacked
            columns={[t("packages.serial"), t("packages.code"), t("packages.iccid")]}
          >
            {made.items.slice(0, SHOWN).map((p) => (
              <tr key={p.serial}>
                <td className="num">{p.serial}</td>
                <td className="mono nowrap">{p.code}</td>
                <td className="mono">{p.iccid ?? t("packages.esimVoucher")}</td>
              </tr>
            ))}
          </DataTable>
          {made.items.length > SHOWN && <p className="hint">{t("packages.more", { shown: SHOWN })}</p>}
        </section>
      )}

      <section className="card" aria-labelledby="batches-h">
        <h2 id="batches-h">{t("packages.batches")}</h2>
        {!batches ? (
          <p>{t("common.loading")}</p>
        ) : batches.length === 0 ? (
          <p>{t("packages.none")}</p>
        ) : (
          <DataTable
            label={t("packages.batches")}
            caption={t("packages.batches")}
            stacked
            columns={[
              t("packages.madeAt"),
              t("packages.plan"),
              t("packages.channel"),
              t("packages.count"),
              t("packages.statuses"),
              { hidden: t("packages.downloads") },
            ]}
          >
            {batches.map((b) => (
              <tr key={b.batchId}>
                <td className="nowrap">{dateTime(b.createdAt)}</td>
                <td>
                  {planName(b.planId)} ({label("plans.form", b.formFactor)})
                </td>
                <td>{t(`packages.channel.${b.channel as (typeof channels)[number]}`)}</td>
                <td className="num">{b.count.toLocaleString(language)}</td>
                <td>
                  {statuses
                    .filter((s) => (b.statuses[s] ?? 0) > 0)
                    .map((s) => `${t(`packages.status.${s}`)} ${(b.statuses[s] ?? 0).toLocaleString(language)}`)
                    .join(" · ")}
                </td>
                <td>
                  <span className="row">
                    <a href={`${batchPath(b.batchId)}/packages.csv`} download>
                      {t("packages.csv")}
                    </a>
                    <a href={`${batchPath(b.batchId)}/labels.pdf`} target="_blank" rel="noreferrer">
                      {t("packages.labels")}
                    </a>
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
