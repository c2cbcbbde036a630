import type { components } from "@jitsumei/api-contract/client";
import { formatPhone } from "@jitsumei/domain/formats";
import { type FormEvent, useState } from "react";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useCodeLabel, useCountryName, usePolicyName } from "../review/Badges.tsx";
import { ErrorAlert, TableCard } from "../shell/tables.tsx";

type VerificationRecord = components["schemas"]["VerificationRecord"];

type Search = { from: string; to: string; reference: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function searchQuery(search: Search): { from?: string; to?: string; reference?: string } {
  return {
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    ...(search.reference ? { reference: search.reference } : {}),
  };
}

function queryOf(search: Search, format: "json" | "csv"): string {
  return new URLSearchParams({ format, ...searchQuery(search) }).toString();
}

/** The verification records (本人確認記録) of a period or one application, and their CSV. Every search is audited. */
export function RecordsPage() {
  const { t, dateTime, date } = useI18n();
  const policyName = usePolicyName();
  const label = useCodeLabel();
  const country = useCountryName();
  const [search, setSearch] = useState<Search>(() => {
    const to = new Date();
    return { from: isoDay(new Date(to.getTime() - 29 * 86_400_000)), to: isoDay(to), reference: "" };
  });
  const [records, setRecords] = useState<VerificationRecord[] | null>(null);
  // Where the search's next page starts (a period can hold thousands of records: a page at a time).
  const [more, setMore] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(wanted: Search, cursor?: string) {
    try {
      const page = await answer(
        api.GET("/v1/staff/records", {
          params: { query: { ...searchQuery(wanted), ...(cursor ? { cursor } : {}) } },
        }),
      );
      setRecords((before) => (cursor && before ? [...before, ...page.records] : page.records));
      setMore(page.nextCursor);
      setError(null);
    } catch (e) {
      if (!cursor) setRecords(null);
      setError(
        e instanceof ApiProblem
          ? t("common.error", { detail: `${e.errors[0]?.field ?? ""} ${e.errors[0]?.reason ?? e.detail}`.trim() })
          : t("common.error", { detail: String(e) }),
      );
    }
  }

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = {
      from: String(form.get("from") ?? ""),
      to: String(form.get("to") ?? ""),
      reference: String(form.get("reference") ?? "").trim(),
    };
    setSearch(next);
    await load(next);
  }

  return (
    <>
      <h1>{t("records.title")}</h1>
      <p>{t("records.intro")}</p>
      <form className="filters" onSubmit={find}>
        <label>
          {t("records.from")}
          <input type="date" name="from" defaultValue={search.from} />
        </label>
        <label>
          {t("records.to")}
          <input type="date" name="to" defaultValue={search.to} />
        </label>
        <label>
          {t("records.reference")}
          <input type="text" name="reference" defaultValue={search.reference} autoComplete="off" />
        </label>
        <button type="submit">{t("records.search")}</button>
      </form>
      <ErrorAlert error={error} />
      {records && (
        <TableCard
          id="records-h"
          title={t(more ? "records.foundFirst" : "records.found", { count: records.length })}
          empty={t("records.none")}
          columns={[
            t("records.referenceCol"),
            t("records.version"),
            t("records.verifiedAt"),
            t("records.name"),
            t("records.birthDate"),
            t("records.method"),
            t("records.document"),
            t("records.lines"),
            t("records.policy"),
          ]}
          rows={records.map((r) => (
            <tr key={`${r.recordId}-${r.version}`}>
              <th scope="row" className="mono nowrap">
                {r.reference}
              </th>
              <td className="num">
                {r.version}
                {r.legalHold && <span className="badge tag-escalated">{t("records.legalHold")}</span>}
              </td>
              <td className="nowrap">{dateTime(r.verifiedAt)}</td>
              <td>{r.particulars.name.kanji ?? `${r.particulars.name.family} ${r.particulars.name.given}`}</td>
              <td className="nowrap">{date(r.particulars.birthDate)}</td>
              <td>{label("method", r.method)}</td>
              <td>
                {label("document", r.document.type)} · {country(r.document.issuingCountry)}
              </td>
              <td className="mono">
                {r.lines.phoneNumbers.length === 0
                  ? r.lines.count
                  : r.lines.phoneNumbers.map((n, i) => (
                      <span key={n} className="nowrap">
                        {i > 0 && ", "}
                        {formatPhone(n)}
                      </span>
                    ))}
              </td>
              <td className="small">
                {policyName(r.policy)}
                <br />
                <span className="mono muted">
                  {r.policy.id}@{r.policy.version}
                </span>
              </td>
            </tr>
          ))}
        >
          {more && (
            <p>
              <button type="button" className="secondary" onClick={() => void load(search, more)}>
                {t("records.more")}
              </button>
            </p>
          )}
          {records.length > 0 && (
            <p>
              <a
                className="button"
                href={`/v1/staff/records?${queryOf(search, "csv")}`}
                download="verification-records.csv"
              >
                {t("records.csv")}
              </a>
            </p>
          )}
        </TableCard>
      )}
    </>
  );
}
