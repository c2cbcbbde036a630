import { type FormEvent, useEffect, useState } from "react";
import { ApiError, api } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { usePhoneFormat } from "../phone-format.ts";
import { Button, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";

const tokenKey = "jitsumei.subscriber";
type Line = {
  msisdn: string;
  status: string;
  planId: string;
  portOut: { reservationNumber: string; state: string; expiresOn: string } | null;
};
type Reservation = { msisdn: string; reservationNumber: string; expiresOn: string };

/**
 * /account: a subscriber's lines after activation. Sign-in by the line's number and the e-mail on file
 * (a mailed code, a session of this tab's own); from a line, a number taken to another operator (MNP
 * port-out) gets its reservation number here. The server asks for a sign-in within 10 minutes for that;
 * an older session is sent back to sign in.
 */
export function AccountPage() {
  const { t } = useI18n();
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(tokenKey));
  const [notice, setNotice] = useState<string | null>(null);
  const signOut = (why: string | null) => {
    sessionStorage.removeItem(tokenKey);
    setNotice(why);
    setToken(null);
  };
  return (
    <>
      <h1>{t("account.title")}</h1>
      {notice && <p role="alert">{notice}</p>}
      {token ? (
        <Lines token={token} onExpired={() => signOut(t("account.reauth"))} />
      ) : (
        <SignIn
          onToken={(value) => {
            sessionStorage.setItem(tokenKey, value);
            setNotice(null);
            setToken(value);
          }}
        />
      )}
    </>
  );
}

function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ msisdn: "", email: "", code: "" });
  const [sent, setSent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      if (!sent) {
        await api("POST", "/v1/subscriber/sign-in", { body: { msisdn: form.msisdn, email: form.email } });
        setSent(true);
      } else {
        const r = await api<{ token: string }>("POST", "/v1/subscriber/sign-in/verify", {
          body: { msisdn: form.msisdn, code: form.code.trim() },
        });
        onToken(r.token);
      }
      setErrors({});
    } catch (err) {
      setErrors(err instanceof ApiError ? fieldErrorsOf(err, t) : {});
      setMessage(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t("account.intro")}</p>
      <ErrorSummary message={message} fields={errors} />
      <Field name="msisdn" label={t("account.msisdn")} error={errors.msisdn}>
        {(a11y) => (
          <input {...a11y} type="tel" autoComplete="tel-national" value={form.msisdn} onChange={set("msisdn")} />
        )}
      </Field>
      {!sent ? (
        <Field name="email" label={t("contact.email")} error={errors.email}>
          {(a11y) => <input {...a11y} type="email" autoComplete="email" value={form.email} onChange={set("email")} />}
        </Field>
      ) : (
        <>
          <p role="status">{t("account.sent")}</p>
          <Field name="code" label={t("account.code")} error={errors.code}>
            {(a11y) => (
              <input
                {...a11y}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={form.code}
                onChange={set("code")}
              />
            )}
          </Field>
        </>
      )}
      <p className="actions">
        <Button type="submit" busy={busy}>
          {sent ? t("account.signIn") : t("account.send")}
        </Button>
      </p>
    </form>
  );
}

function Lines({ token, onExpired }: { token: string; onExpired: () => void }) {
  const { t, date } = useI18n();
  const formatPhone = usePhoneFormat();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [reservations, setReservations] = useState<Record<string, Reservation>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Line[] }>("GET", "/v1/subscriber/lines", { token }).then(
      (r) => setLines(r.items),
      (err) =>
        err instanceof ApiError && err.problem.status === 401 ? onExpired() : setMessage(problemMessage(err, t)),
    );
  }, [token]);
  async function portOut(msisdn: string) {
    setBusy(msisdn);
    setMessage(null);
    try {
      const r = await api<Reservation>("POST", `/v1/subscriber/lines/${msisdn}/port-out`, {
        token,
        body: {},
        idempotent: true,
      });
      setReservations((all) => ({ ...all, [msisdn]: r }));
    } catch (err) {
      if (err instanceof ApiError && err.problem.status === 401) onExpired();
      else setMessage(problemMessage(err, t));
    } finally {
      setBusy(null);
    }
  }
  if (!lines) return message ? <p role="alert">{message}</p> : <p>{t("app.loading")}</p>;
  return (
    <>
      {message && <p role="alert">{message}</p>}
      <div>
        {lines.map((line) => {
          // The one asked for in this tab, else the line's live one from the server.
          const reservation =
            reservations[line.msisdn] ?? (line.portOut?.state === "issued" ? line.portOut : undefined);
          const expired = !reservation && line.portOut?.state === "expired" ? line.portOut : null;
          return (
            <section key={line.msisdn} className="card" aria-label={formatPhone(line.msisdn)}>
              <h2>{formatPhone(line.msisdn)}</h2>
              {line.status !== "active" ? (
                <p className="muted">{t("account.ended")}</p>
              ) : reservation ? (
                <p role="status" className="ok">
                  {t("account.portOutDone", {
                    number: reservation.reservationNumber,
                    date: date(reservation.expiresOn),
                  })}
                </p>
              ) : (
                // Only a voice number (070/080/090) can move to another operator; a data line's 020 cannot.
                /^0[789]0/.test(line.msisdn) && (
                  <>
                    {expired && (
                      <p role="status">
                        {t("account.portOutExpired", {
                          number: expired.reservationNumber,
                          date: date(expired.expiresOn),
                        })}
                      </p>
                    )}
                    <Button variant="secondary" busy={busy === line.msisdn} onClick={() => void portOut(line.msisdn)}>
                      {t("account.portOut")}
                    </Button>
                  </>
                )
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
