import { type FormEvent, useState } from "react";
import { ApiProblem, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * Unlocking an activation that five wrong codes locked: the reason is required (kept as an encrypted
 * case note, the unlock audited), and the applicant then asks for a new code on the status page.
 */
export function ActivationUnlock({
  reference,
  failures,
  lockedAt,
  onUnlocked,
}: {
  reference: string;
  failures: number;
  lockedAt: string | null;
  onUnlocked(): void;
}) {
  const { t, dateTime } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const id = `unlock-reason-${reference}`;

  async function unlock(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    try {
      await api.POST("/v1/staff/applications/{reference}/activation-unlock", {
        params: { path: { reference } },
        body: { reason },
      });
      setError(null);
      setDone(true);
      onUnlocked();
    } catch (e) {
      const problem = e instanceof ApiProblem ? e : null;
      setError(problem?.errors.find((x) => x.field === "reason")?.reason ?? problem?.detail ?? String(e));
    }
  }

  if (done) {
    return (
      <p role="status" className="success">
        {t("unlock.done")}
      </p>
    );
  }
  return (
    <form onSubmit={unlock} className="stack unlock-form">
      <p className="notice">{t("unlock.locked", { failures, time: lockedAt ? dateTime(lockedAt) : "—" })}</p>
      <label htmlFor={id}>{t("unlock.reason")}</label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        required
        minLength={5}
        maxLength={500}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{t("unlock.submit")}</button>
    </form>
  );
}
