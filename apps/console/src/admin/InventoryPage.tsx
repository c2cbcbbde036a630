import type { Answer, Body } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { answer, api } from "../api/client.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel } from "../review/Badges.tsx";
import { uploadJson } from "./upload.ts";

type Inventory = Answer<"/v1/staff/inventory", "get">;
type Imported = Answer<"/v1/staff/inventory/import", "post">;

const kinds = ["sim", "msisdn", "esim"] as const;

/** Stock by pool and status, and the vendor's CSV files imported with a progress bar. */
export function InventoryPage() {
  const { t } = useI18n();
  const label = useCodeLabel();
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string; errors: Imported["errors"] } | null>(null);

  const load = useCallback(async () => setInventory(await answer(api.GET("/v1/staff/inventory"))), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File)) return;
    setResult(null);
    setProgress(0);
    const kind = String(form.get("kind")) as Body<"/v1/staff/inventory/import", "post">["kind"];
    const sent = await uploadJson(
      "/v1/staff/inventory/import",
      { kind, csv: await file.text(), skipInvalid: form.get("skipInvalid") === "on" },
      setProgress,
    );
    setProgress(null);
    if (sent.ok) {
      const r = sent.body;
      setResult({
        ok: true,
        text: t("inventory.result", { rows: r.rows, imported: r.imported, skipped: r.skipped }),
        errors: r.errors,
      });
      await load();
    } else {
      const problem = sent.body;
      const errors = (problem.errors ?? []).map((e) => ({
        line: Number(/\d+/.exec(e.field)?.[0] ?? 0),
        reason: e.reason,
      }));
      setResult({ ok: false, text: t("inventory.rejected", { count: errors.length }), errors });
    }
  }

  const pools: [MessageKey, Record<string, number> | undefined][] = [
    ["inventory.simCards", inventory?.simCards],
    ["inventory.esimProfiles", inventory?.esimProfiles],
    ["inventory.numbersVoice", inventory?.phoneNumbers.voice],
    ["inventory.numbersData", inventory?.phoneNumbers.data],
    ["inventory.lines", inventory?.lines],
  ];

  return (
    <>
      <h1>{t("inventory.title")}</h1>
      <div className="two-columns">
        <section className="card" aria-labelledby="stock-h">
          <h2 id="stock-h">{t("inventory.stock")}</h2>
          {!inventory ? (
            <p>{t("common.loading")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("inventory.pool")}</th>
                  <th scope="col">{t("inventory.status")}</th>
                  <th scope="col" className="num">
                    {t("inventory.count")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pools.flatMap(([key, counts]) =>
                  Object.entries(counts ?? {}).map(([status, count], i) => (
                    <tr key={`${key}-${status}`}>
                      {i === 0 ? <th scope="row">{t(key)}</th> : <td />}
                      <td>{label("inventory.status", status)}</td>
                      <td className="num">{count.toLocaleString()}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="import-h">
          <h2 id="import-h">{t("inventory.import")}</h2>
          <form onSubmit={submit} className="stack">
            <label>
              {t("inventory.kind")}
              <select name="kind">
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`inventory.kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("inventory.file")}
              <input name="file" type="file" accept=".csv,text/csv" required />
            </label>
            <label className="check">
              <input type="checkbox" name="skipInvalid" />
              {t("inventory.skipInvalid")}
            </label>
            <button type="submit" disabled={progress !== null}>
              {t("inventory.submit")}
            </button>
          </form>
          {progress !== null && (
            <div>
              <progress max={100} value={progress} aria-label={t("inventory.progress", { percent: progress })} />
              <p role="status">
                {progress < 100 ? t("inventory.progress", { percent: progress }) : t("inventory.processing")}
              </p>
            </div>
          )}
          {result && (
            <div role={result.ok ? "status" : "alert"} className={result.ok ? "success" : "error"}>
              <p>{result.text}</p>
              {result.errors.length > 0 && (
                <ul>
                  {result.errors.slice(0, 50).map((e) => (
                    <li key={`${e.line}-${e.reason}`}>
                      {t("inventory.line")} {e.line}: {e.reason}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>
      </div>
    </>
  );
}
