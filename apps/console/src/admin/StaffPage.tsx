import type { Answer, Body } from "@jitsumei/api-contract/client";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { type StaffAccount, staffRoles } from "../api/answers.ts";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorAlert, TableCard } from "../shell/tables.tsx";

type Created = Answer<"/v1/staff/accounts", "post">;

/** Staff accounts: who has which role, new accounts (their one-time secrets shown once), disabling. */
export function StaffPage() {
  const { t } = useI18n();
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setAccounts((await answer(api.GET("/v1/staff/accounts"))).items);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      setCreated(
        await answer(
          api.POST("/v1/staff/accounts", {
            body: {
              email: String(form.get("email")),
              displayName: String(form.get("displayName")),
              role: String(form.get("role")) as Body<"/v1/staff/accounts", "post">["role"],
            },
          }),
        ),
      );
      setError(null);
      formElement.reset();
      await load();
    } catch (e) {
      setError(e instanceof ApiProblem ? `${e.detail}${e.field ? ` (${e.field})` : ""}` : String(e));
    }
  }

  async function toggle(account: StaffAccount) {
    await api.PUT("/v1/staff/accounts/{staffId}/disabled", {
      params: { path: { staffId: account.id } },
      body: { disabled: !account.disabled },
    });
    await load();
  }

  return (
    <>
      <h1>{t("staff.title")}</h1>
      <div className="two-columns wide-first">
        <TableCard
          id="accounts-h"
          title={t("staff.title")}
          titleHidden
          columns={[
            t("staff.name"),
            t("staff.email"),
            t("staff.role"),
            t("staff.status"),
            { hidden: t("staff.disable") },
          ]}
          rows={
            accounts?.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.displayName}</th>
                <td>{a.email}</td>
                <td className="nowrap">{t(`role.${a.role}`)}</td>
                <td>
                  {a.disabled ? t("staff.disabled") : t("staff.active")}
                  {a.mustChangePassword && (
                    <>
                      {" "}
                      <span className="badge sla-soon">{t("staff.mustChange")}</span>
                    </>
                  )}
                </td>
                <td>
                  <button type="button" className="secondary small" onClick={() => void toggle(a)}>
                    {a.disabled ? t("staff.enable") : t("staff.disable")}
                    <span className="visually-hidden"> {a.displayName}</span>
                  </button>
                </td>
              </tr>
            )) ?? null
          }
        />
        <section className="card" aria-labelledby="create-h">
          <h2 id="create-h">{t("staff.create")}</h2>
          <ErrorAlert error={error} />
          {created && (
            <div role="status" className="success">
              <p>{t("staff.created", { name: created.account.displayName })}</p>
              <dl className="values">
                <div>
                  <dt>{t("staff.oneTimePassword")}</dt>
                  <dd className="mono">{created.oneTimePassword}</dd>
                </div>
                <div>
                  <dt>{t("staff.totpUri")}</dt>
                  <dd className="mono break">{created.totpUri}</dd>
                </div>
              </dl>
            </div>
          )}
          <form onSubmit={create} className="stack">
            <label>
              {t("staff.name")}
              <input name="displayName" required maxLength={100} autoComplete="off" />
            </label>
            <label>
              {t("staff.email")}
              <input name="email" type="email" required autoComplete="off" />
            </label>
            <label>
              {t("staff.role")}
              <select name="role" defaultValue="reviewer">
                {staffRoles.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{t("staff.createSubmit")}</button>
          </form>
        </section>
      </div>
    </>
  );
}
