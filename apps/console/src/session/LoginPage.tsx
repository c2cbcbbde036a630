import { type FormEvent, useState } from "react";
import type { StaffSession } from "../api/answers.ts";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Password and TOTP code: the only way in (POST /v1/staff/session sets the httpOnly session cookie). */
export function LoginPage({ onSignedIn }: { onSignedIn(session: StaffSession): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const session = await answer(
        api.POST("/v1/staff/session", {
          body: {
            email: String(form.get("email")),
            password: String(form.get("password")),
            otp: String(form.get("otp")).replace(/\s/g, ""),
          },
        }),
      );
      onSignedIn(session);
    } catch (e) {
      setError(e instanceof ApiProblem && e.status === 429 ? t("login.locked") : t("login.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="narrow">
      <h1>{t("login.title")}</h1>
      <form onSubmit={submit} className="card stack">
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <label>
          {t("login.email")}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t("login.password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <label>
          {t("login.otp")}
          <input
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
            aria-describedby="otp-hint"
          />
        </label>
        <p id="otp-hint" className="hint">
          {t("login.otpHint")}
        </p>
        <button type="submit" disabled={busy}>
          {t("login.submit")}
        </button>
      </form>
    </main>
  );
}
