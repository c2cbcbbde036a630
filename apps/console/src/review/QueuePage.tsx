import type { Query } from "@jitsumei/api-contract/client";
import { caseTags } from "@jitsumei/domain/case-tags";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { ApplicationState } from "../../../../packages/domain/src/application/lifecycle.ts";
import type { QueueItem } from "../api/answers.ts";
import { answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { ConsoleLanguage } from "../i18n/languages.ts";
import { Link } from "../shell/Link.tsx";
import { DataTable, ErrorAlert } from "../shell/tables.tsx";
import { SlaBadge, StateBadge, useCodeLabel, usePlanName } from "./Badges.tsx";

/** The states a reviewer may narrow the queue to (the queue shows those waiting on staff by default). */
const queueStateFilters = [
  "in_review",
  "override_pending",
  "correction_requested",
] as const satisfies readonly ApplicationState[];

type Filters = { state: string; tag: string; assignee: string; overdueOnly: boolean };

type QueueQuery = Query<"/v1/staff/applications", "get">;

function queueQuery(filters: Filters, language: ConsoleLanguage, cursor?: string): QueueQuery {
  return {
    language,
    limit: 50,
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.tag ? { tag: filters.tag as QueueQuery["tag"] } : {}),
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
    ...(filters.overdueOnly ? { overdueOnly: "true" as const } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The cases waiting on staff, oldest first, with their SLA and tags; filters as the API offers them. */
export function QueuePage() {
  const { t, language } = useI18n();
  const label = useCodeLabel();
  const planName = usePlanName();
  const [filters, setFilters] = useState<Filters>({ state: "", tag: "", assignee: "", overdueOnly: false });
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(
    async (cursor?: string) => {
      try {
        const page = await answer(
          api.GET("/v1/staff/applications", { params: { query: queueQuery(filters, language, cursor) } }),
        );
        setItems((before) => (cursor && before ? [...before, ...page.items] : page.items));
        setNext(page.nextCursor);
        setNow(Date.now());
        setError(null);
      } catch (e) {
        setError(t("common.error", { detail: String((e as Error).message) }));
      }
    },
    [filters, language, t],
  );

  useEffect(() => {
    void load();
  }, [load]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFilters({
      state: String(form.get("state") ?? ""),
      tag: String(form.get("tag") ?? ""),
      assignee: String(form.get("assignee") ?? ""),
      overdueOnly: form.get("overdueOnly") === "on",
    });
  }

  return (
    <>
      <h1>{t("queue.title")}</h1>
      <form className="filters" onSubmit={apply} aria-label={t("queue.filters")}>
        <label>
          {t("queue.state")}
          <select name="state" defaultValue={filters.state}>
            <option value="">{t("queue.any")}</option>
            {queueStateFilters.map((s) => (
              <option key={s} value={s}>
                {label("state", s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.tag")}
          <select name="tag" defaultValue={filters.tag}>
            <option value="">{t("queue.any")}</option>
            {caseTags.map((tag) => (
              <option key={tag} value={tag}>
                {label("tag", tag)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("queue.assignee")}
          <select name="assignee" defaultValue={filters.assignee}>
            <option value="">{t("queue.any")}</option>
            <option value="me">{t("queue.me")}</option>
            <option value="none">{t("queue.unassigned")}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="overdueOnly" defaultChecked={filters.overdueOnly} />
          {t("queue.overdueOnly")}
        </label>
        <button type="submit">{t("queue.apply")}</button>
      </form>
      <ErrorAlert error={error} />
      {items === null ? (
        <p>{t("common.loading")}</p>
      ) : items.length === 0 ? (
        <p>{t("queue.empty")}</p>
      ) : (
        <DataTable
          className="queue"
          label={t("queue.title")}
          caption={t("queue.count", { count: items.length })}
          columns={[
            t("queue.reference"),
            t("queue.state"),
            t("queue.plan"),
            t("queue.waiting"),
            t("queue.sla"),
            t("queue.tags"),
            t("queue.claim"),
          ]}
        >
          {items.map((item) => (
            <tr key={item.reference} className={item.overdue ? "overdue" : undefined}>
              <td>
                <Link to={{ page: "case", reference: item.reference }} className="mono">
                  {item.reference}
                </Link>
              </td>
              <td>
                <StateBadge state={item.state} />
              </td>
              <td data-label={t("queue.plan")}>{planName(item.planId)}</td>
              <td data-label={t("queue.waiting")}>{t("age.hours", { hours: item.ageHours })}</td>
              <td>
                <SlaBadge slaDueAt={item.slaDueAt} overdue={item.overdue} now={now} />
              </td>
              <td>
                {item.tags.map((tag) => (
                  <span key={tag} className={`badge tag-${tag}`}>
                    {label("tag", tag)}
                  </span>
                ))}
              </td>
              <td data-label={t("queue.claim")}>{item.claim?.displayName ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {next && (
        <button type="button" className="secondary" onClick={() => void load(next)}>
          {t("queue.more")}
        </button>
      )}
    </>
  );
}
