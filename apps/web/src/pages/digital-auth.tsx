import { useEffect, useState } from "react";
import { type ApplicationView, api, type Check, type Session } from "../api.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { useLocation } from "../router.tsx";
import { Button, Checks, problemMessage } from "../ui.tsx";

type Status = { available: boolean; outcome: string | null; checks: Check[] };

const failures = new Set([
  "cancelled",
  "pin_incorrect",
  "pin_locked",
  "card_locked",
  "certificate_expired",
  "certificate_revoked",
  "timeout",
  "failed",
]);

/**
 * JPKI through the Digital Agency's Digital Authentication App: a button that sends this browser to
 * the app (on a phone, the app on the same phone), and, back from it (?digitalAuth=outcome), the
 * outcome in the applicant's language with the JPKI checks; a passing signature moves on.
 */
export function DigitalAuth(props: {
  session: Session;
  onView: (v: ApplicationView) => void;
  onDone: () => void;
  onFixParticulars: () => void;
}) {
  const { t } = useI18n();
  const { session } = props;
  const { search } = useLocation();
  const returned = search.get("digitalAuth");
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    api<Status>("GET", `/v1/applications/${session.reference}/digital-auth`, { token: session.token }).then(
      async (s) => {
        if (stopped) return;
        setStatus(s);
        if (returned === "signed" || returned === "checks_failed") {
          props.onView(
            await api<ApplicationView>("GET", `/v1/applications/${session.reference}`, { token: session.token }),
          );
          if (returned === "signed" && s.checks.every((c) => c.status !== "fail"))
            setTimeout(() => props.onDone(), 1500);
        }
      },
      (error) => !stopped && setMessage(problemMessage(error, t)),
    );
    return () => {
      stopped = true;
    };
  }, [returned]);

  async function open() {
    setBusy(true);
    setMessage(null);
    try {
      const started = await api<{ authorizationUrl: string }>(
        "POST",
        `/v1/applications/${session.reference}/digital-auth/start`,
        { token: session.token },
      );
      window.location.assign(started.authorizationUrl);
    } catch (error) {
      setMessage(problemMessage(error, t));
      setBusy(false);
    }
  }

  if (status && !status.available) {
    return (
      <div className="card">
        <p>{t("digitalAuth.unavailable")}</p>
      </div>
    );
  }
  const signed = returned === "signed" || returned === "checks_failed";
  const failedChecks = status?.checks.some((c) => c.status === "fail") ?? false;
  const particularsDiffer = status?.checks.some(
    (c) => c.status === "fail" && /particular|name|address|birth|sex/.test(c.code),
  );
  return (
    <div className="card handoff">
      <h2>{t("digitalAuth.title")}</h2>
      <div className="live" role="status" aria-live="polite">
        {signed && status && (
          <p className={failedChecks ? "error" : "ok"}>
            {t(failedChecks ? "digitalAuth.checksFailed" : "digitalAuth.signed")}
          </p>
        )}
        {returned && failures.has(returned) && (
          <p className="error">{t(`digitalAuth.error.${returned}` as MessageKey)}</p>
        )}
        {message && <p className="error">{message}</p>}
      </div>
      {signed && status && <Checks checks={status.checks} />}
      {signed && particularsDiffer && (
        <Button variant="secondary" onClick={props.onFixParticulars}>
          {t("digitalAuth.fixParticulars")}
        </Button>
      )}
      {(!signed || failedChecks) && (
        <>
          <ol className="handoff-steps">
            {t("digitalAuth.steps")
              .split(/\s*\d\.\s+/)
              .filter(Boolean)
              .map((s) => (
                <li key={s}>{s}</li>
              ))}
          </ol>
          <Button busy={busy} onClick={open}>
            {busy ? t("digitalAuth.opening") : t("digitalAuth.open")}
          </Button>
        </>
      )}
    </div>
  );
}
