import { type FormEvent, useEffect, useState } from "react";
import { type Answer, ApiError, answer, bearer, client, idempotencyKey } from "../api.ts";
import { ContactLine } from "../contact-line.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { usePhoneFormat } from "../phone-format.ts";
import { Link } from "../router.tsx";
import { Button, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";
import { usePlans } from "./plans.tsx";

/** The subscriber's session in this tab (shared with the one-stop port-out page). */
export const subscriberTokenKey = "jitsumei.subscriber";
const tokenKey = subscriberTokenKey;
type Line = Answer<"/v1/subscriber/lines", "get">["items"][number];
type Reservation = Answer<"/v1/subscriber/lines/{msisdn}/port-out", "post">;

/**
 * /account: a subscriber's lines after activation. Sign-in by the line's number, or the reference of
 * the application it came from (a data-only line's holder has no number), and the e-mail on file (a
 * mailed code, a session of this tab's own); every line shows its state (and a prepaid line its
 * validity); from a line, a number taken to another operator (MNP
 * port-out) gets its reservation number here, after a confirmation that states what happens (the line
 * ends when switched; the contract's early-termination fee and the deposit given back, when there are
 * any; the verification record kept), and an issued one can be cancelled. The server asks for a
 * sign-in within 10 minutes for both; an older session is sent back to sign in.
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
      {/* A line that stopped, a port-out that does not go through: who to call. */}
      <ContactLine />
    </>
  );
}

/** The words for a line's state (the domain's lineStates); terminated and transferred read as ended. */
function stateKey(state: string): MessageKey {
  switch (state) {
    case "active":
      return "account.state.active";
    case "receive_only":
      return "account.state.receive_only";
    case "suspended":
      return "account.state.suspended";
    case "police_suspended":
      return "account.state.police_suspended";
    default:
      return "account.ended";
  }
}

/** Which key finds the line: its number, or the reference of its application (JT-…, in every mail). */
type Key = "msisdn" | "reference";

export function SignIn({ onToken, initialMsisdn = "" }: { onToken: (token: string) => void; initialMsisdn?: string }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ msisdn: initialMsisdn, reference: "", email: "", code: "" });
  const [key, setKey] = useState<Key>("msisdn");
  const [sent, setSent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const line = () => (key === "msisdn" ? { msisdn: form.msisdn } : { reference: form.reference.trim().toUpperCase() });
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      if (!sent) {
        await answer(client.POST("/v1/subscriber/sign-in", { body: { ...line(), email: form.email } }));
        setSent(true);
      } else {
        const r = await answer(
          client.POST("/v1/subscriber/sign-in/verify", { body: { ...line(), code: form.code.trim() } }),
        );
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
      {/* Another operator's one-stop request names the voice number: no other key is offered there. */}
      {!sent && !initialMsisdn && (
        <fieldset className="field">
          <legend>{t("account.findBy")}</legend>
          {(["msisdn", "reference"] as const).map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name="key"
                value={k}
                checked={key === k}
                onChange={() => {
                  setKey(k);
                  setErrors({});
                }}
              />
              {t(k === "msisdn" ? "account.byMsisdn" : "account.byReference")}
            </label>
          ))}
        </fieldset>
      )}
      {key === "msisdn" ? (
        <Field name="msisdn" label={t("account.msisdn")} error={errors.msisdn}>
          {(a11y) => (
            <input {...a11y} type="tel" autoComplete="tel-national" value={form.msisdn} onChange={set("msisdn")} />
          )}
        </Field>
      ) : (
        <Field
          name="reference"
          label={t("account.reference")}
          hint={t("account.referenceHint")}
          error={errors.reference}
        >
          {(a11y) => (
            <input
              {...a11y}
              value={form.reference}
              onChange={set("reference")}
              autoCapitalize="characters"
              spellCheck={false}
            />
          )}
        </Field>
      )}
      {!sent ? (
        <Field name="email" label={t("contact.email")} error={errors.email}>
          {(a11y) => <input {...a11y} type="email" autoComplete="email" value={form.email} onChange={set("email")} />}
        </Field>
      ) : (
        <>
          <p role="status">{t(key === "msisdn" ? "account.sent" : "account.sentReference")}</p>
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
  const { t, date, yen, lang } = useI18n();
  const formatPhone = usePhoneFormat();
  const { plans } = usePlans();
  const [lines, setLines] = useState<Line[] | null>(null);
  const [reservations, setReservations] = useState<Record<string, Reservation | null>>({});
  const [asking, setAsking] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    answer(client.GET("/v1/subscriber/lines", { params: { header: bearer({ token }) } })).then(
      (r) => setLines(r.items),
      (err) =>
        err instanceof ApiError && err.problem.status === 401 ? onExpired() : setMessage(problemMessage(err, t)),
    );
  }, [token]);
  async function act(msisdn: string, run: () => Promise<void>) {
    setBusy(msisdn);
    setMessage(null);
    try {
      await run();
    } catch (err) {
      if (err instanceof ApiError && err.problem.status === 401) onExpired();
      else setMessage(problemMessage(err, t));
    } finally {
      setBusy(null);
    }
  }
  const portOut = (msisdn: string) =>
    act(msisdn, async () => {
      const r = await answer(
        client.POST("/v1/subscriber/lines/{msisdn}/port-out", {
          params: { path: { msisdn }, header: { ...bearer({ token }), ...idempotencyKey() } },
          body: {},
        }),
      );
      setAsking(null);
      setCancelled(({ [msisdn]: _, ...rest }) => rest);
      setReservations((all) => ({ ...all, [msisdn]: r }));
    });
  const cancel = (msisdn: string) =>
    act(msisdn, async () => {
      const r = await answer(
        client.POST("/v1/subscriber/lines/{msisdn}/port-out/cancel", {
          params: { path: { msisdn }, header: { ...bearer({ token }), ...idempotencyKey() } },
        }),
      );
      setReservations((all) => ({ ...all, [msisdn]: null }));
      setCancelled((all) => ({ ...all, [msisdn]: r.reservationNumber }));
    });
  if (!lines) return message ? <p role="alert">{message}</p> : <p>{t("app.loading")}</p>;
  return (
    <>
      {message && <p role="alert">{message}</p>}
      <div>
        {lines.map((line) => {
          // The one asked for (or cancelled: null) in this tab, else the line's live one from the server.
          const reservation =
            line.msisdn in reservations
              ? reservations[line.msisdn]
              : line.portOut?.state === "issued"
                ? line.portOut
                : undefined;
          const expired = !reservation && line.portOut?.state === "expired" ? line.portOut : null;
          const { leaving } = line;
          // A data-only line is named by its kind and its application's reference, never by its 020
          // number: the holder was never given that number (not in the mails, not on the status page).
          const data = line.lineType === "data";
          const title = data
            ? t(line.formFactor === "esim" ? "account.dataEsim" : "account.dataSim")
            : formatPhone(line.msisdn);
          const planName = plans?.find((p) => p.id === line.planId)?.name[lang];
          const live = line.status === "active";
          return (
            <section key={`${line.reference}-${line.msisdn}`} className="card" aria-label={title}>
              <h2>{title}</h2>
              <dl className="facts">
                {planName && (
                  <>
                    <dt>{t("account.plan")}</dt>
                    <dd>{planName}</dd>
                  </>
                )}
                <dt>{t("account.referenceShort")}</dt>
                <dd>{line.reference}</dd>
                <dt>{t("account.state")}</dt>
                <dd>{t(stateKey(line.state))}</dd>
                {live && line.validUntil && (
                  <>
                    <dt>{t("account.validUntil")}</dt>
                    <dd>{date(line.validUntil)}</dd>
                  </>
                )}
              </dl>
              {live && line.terminatesAt && line.state !== "active" && (
                <p className="alert alert-warning">{t("account.terminatesAt", { date: date(line.terminatesAt) })}</p>
              )}
              {live && data && (
                <>
                  <p className="muted">{t("account.dataNoNumber")}</p>
                  <p>
                    <Link to={`/sign-in?reference=${encodeURIComponent(line.reference)}`}>
                      {t("account.openApplication")}
                    </Link>
                  </p>
                </>
              )}
              {!live ? (
                <p className="muted">{t("account.ended")}</p>
              ) : reservation ? (
                <>
                  <p role="status" className="ok">
                    {t("account.portOutDone", {
                      number: reservation.reservationNumber,
                      date: date(reservation.expiresOn),
                    })}
                  </p>
                  <Button variant="secondary" busy={busy === line.msisdn} onClick={() => void cancel(line.msisdn)}>
                    {t("account.portOutCancel")}
                  </Button>
                </>
              ) : asking === line.msisdn ? (
                <section aria-labelledby={`ask-${line.msisdn}`}>
                  <h3 id={`ask-${line.msisdn}`}>{t("account.portOutAsk")}</h3>
                  <ul>
                    <li>{t("account.portOutEnds")}</li>
                    <li>
                      {leaving.earlyTerminationFeeJpy > 0 && leaving.minimumTermEndsOn
                        ? t("account.portOutFee", {
                            date: date(leaving.minimumTermEndsOn),
                            fee: yen(leaving.earlyTerminationFeeJpy),
                          })
                        : t("account.portOutNoFee")}
                    </li>
                    {leaving.depositRefundJpy > 0 && (
                      <li>{t("account.portOutDeposit", { amount: yen(leaving.depositRefundJpy) })}</li>
                    )}
                    <li>{t("account.portOutKept")}</li>
                  </ul>
                  <p className="actions">
                    <Button busy={busy === line.msisdn} onClick={() => void portOut(line.msisdn)}>
                      {t("account.portOutConfirm")}
                    </Button>
                    <Button variant="secondary" onClick={() => setAsking(null)}>
                      {t("account.portOutNotNow")}
                    </Button>
                  </p>
                </section>
              ) : (
                // Only a voice number (070/080/090) can move to another operator; a data line's 020 cannot.
                /^0[789]0/.test(line.msisdn) && (
                  <>
                    {cancelled[line.msisdn] && (
                      <p role="status">{t("account.portOutCancelled", { number: cancelled[line.msisdn] ?? "" })}</p>
                    )}
                    {expired && (
                      <p role="status">
                        {t("account.portOutExpired", {
                          number: expired.reservationNumber,
                          date: date(expired.expiresOn),
                        })}
                      </p>
                    )}
                    <Button variant="secondary" onClick={() => setAsking(line.msisdn)}>
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
