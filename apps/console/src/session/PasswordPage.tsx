import { type FormEvent, useState } from "react";
import { ApiProblem, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** The first sign-in used a one-time password: nothing else is allowed until it is changed. */
export function PasswordPage({ onChanged }: { onChanged(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword"));
    if (newPassword !== String(form.get("confirm"))) {
      setError(t("password.mismatch"));
      return;
    }
    try {
      await api.POST("/v1/staff/password", {
        body: { currentPassword: String(form.get("currentPassword")), newPassword },
      });
      onChanged();
    } catch (e) {
      setError(e instanceof ApiProblem ? e.detail : String(e));
    }
  }

  return (
    <main id="main" className="narrow">
      <h1>{t("password.title")}</h1>
      <p>{t("password.intro")}</p>
      <form onSubmit={submit} className="card stack">
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <label>
          {t("password.current")}
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <label>
          {t("password.new")}
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            aria-describedby="new-hint"
          />
        </label>
        <p id="new-hint" className="hint">
          {t("password.newHint")}
        </p>
        <label>
          {t("password.confirm")}
          <input name="confirm" type="password" autoComplete="new-password" required />
        </label>
        <button type="submit">{t("password.submit")}</button>
      </form>
    </main>
  );
}
