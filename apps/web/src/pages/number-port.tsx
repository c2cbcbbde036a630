import { type FormEvent, useEffect, useState } from "react";
import {
  type Answer,
  ApiError,
  answer,
  applicationParams,
  client,
  loadSession,
  type PortIn,
  type Session,
} from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { usePhoneFormat } from "../phone-format.ts";
import { navigate } from "../router.tsx";
import { Button, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";

/** What every call about the port-in answers: the port-in as it now stands. */
type PortInAnswer = Answer<"/v1/applications/{reference}/number-port", "get">;

/**
 * Keeping a number from another operator (MNP): the number and its reservation number (two-stop), or
 * a trip to the current operator (one-stop); then when the number switches over. Refusals show the
 * server's own explanation, which says what to do next in the application's language.
 */
export function NumberPortPanel({
  session,
  canChange,
  applicationState,
}: {
  session: Session;
  canChange: boolean;
  /** The application's state: the card asks again when it changes (activation completes the port-in). */
  applicationState?: string;
}) {
  const { t, date } = useI18n();
  const formatPhone = usePhoneFormat();
  const [portIn, setPortIn] = useState<PortIn | null | undefined>(undefined);
  const [form, setForm] = useState({ msisdn: "", reservationNumber: "" });
  const [when, setWhen] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);

  useEffect(() => {
    answer(client.GET("/v1/applications/{reference}/number-port", { params: applicationParams(session) })).then(
      (r) => setPortIn(r.portIn),
      () => setPortIn(null),
    );
  }, [session, applicationState]);

  async function run(call: () => Promise<PortInAnswer>) {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      setPortIn((await call()).portIn);
      setChanging(false);
    } catch (err) {
      setErrors(err instanceof ApiError && !err.problem.explanation ? fieldErrorsOf(err, t) : {});
      setMessage(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  const register = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      answer(
        client.PUT("/v1/applications/{reference}/number-port", { params: applicationParams(session), body: form }),
      ),
    );
  };
  const oneStop = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { redirectUrl } = await answer(
        client.POST("/v1/applications/{reference}/number-port/one-stop", {
          params: applicationParams(session),
          body: { msisdn: form.msisdn },
        }),
      );
      // The operator sends the applicant back to one fixed page: it finds the application here.
      sessionStorage.setItem(oneStopReferenceKey, session.reference);
      window.location.assign(redirectUrl);
    } catch (err) {
      setErrors(err instanceof ApiError ? fieldErrorsOf(err, t) : {});
      setMessage(problemMessage(err, t));
      setBusy(false);
    }
  };
  const schedule = (at: Date) =>
    run(() =>
      answer(
        client.PUT("/v1/applications/{reference}/number-port/switch-over", {
          params: applicationParams(session),
          body: { at: at.toISOString() },
        }),
      ),
    );

  if (portIn === undefined) return null;
  const live = portIn && portIn.state !== "cancelled";
  if (!live && !canChange) return null;
  return (
    <section className="card" aria-labelledby="mnp-title">
      <h2 id="mnp-title">{t("mnp.title")}</h2>
      <ErrorSummary message={message} fields={errors} />
      {live ? (
        <>
          <p role="status">
            {portIn.state === "completed"
              ? t("mnp.state.completed", { msisdn: formatPhone(portIn.msisdn) })
              : t("mnp.state.reserved", { msisdn: formatPhone(portIn.msisdn), donor: portIn.donor })}
          </p>
          {portIn.state === "scheduled" && portIn.switchOverAt && (
            <p>
              {/* A time already past when chosen means "as soon as I activate" (the server keeps the moment chosen). */}
              {new Date(portIn.switchOverAt).getTime() <= Date.now()
                ? t("mnp.state.scheduledNow")
                : t("mnp.state.scheduled", { at: date(portIn.switchOverAt, true) })}
            </p>
          )}
          {portIn.state === "scheduled" && !changing && (
            <p className="actions">
              <Button variant="secondary" onClick={() => setChanging(true)}>
                {t("mnp.change")}
              </Button>
            </p>
          )}
          {portIn.state === "failed" && portIn.failure && (
            <div className="alert alert-error">
              <p>{t("mnp.state.failed")}</p>
              <p>{portIn.failure.explanation}</p>
            </div>
          )}
          {portIn.state !== "completed" && (portIn.state !== "scheduled" || changing) && (
            <>
              <p className="small muted">{t("mnp.expires", { date: date(portIn.reservationExpiresOn) })}</p>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (when) void schedule(new Date(when));
                }}
              >
                <Field
                  name="switchOverAt"
                  label={t("mnp.when")}
                  hint={t("mnp.scheduleHint", { date: date(portIn.reservationExpiresOn) })}
                  error={errors.at}
                >
                  {(a11y) => (
                    <input {...a11y} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
                  )}
                </Field>
                <p className="actions">
                  <Button type="submit" busy={busy} variant="secondary" disabled={!when}>
                    {t("mnp.schedule")}
                  </Button>
                  <Button busy={busy} onClick={() => void schedule(new Date())}>
                    {t("mnp.now")}
                  </Button>
                </p>
              </form>
            </>
          )}
        </>
      ) : (
        <form onSubmit={register} noValidate>
          <p>{t("mnp.intro")}</p>
          <Field name="msisdn" label={t("mnp.msisdn")} error={errors.msisdn}>
            {(a11y) => (
              <input
                {...a11y}
                type="tel"
                inputMode="tel"
                autoComplete="tel-national"
                value={form.msisdn}
                onChange={(e) => setForm((f) => ({ ...f, msisdn: e.target.value }))}
              />
            )}
          </Field>
          <Field
            name="reservationNumber"
            label={t("mnp.reservation")}
            hint={t("mnp.reservationHint")}
            error={errors.reservationNumber}
          >
            {(a11y) => (
              <input
                {...a11y}
                inputMode="numeric"
                autoComplete="off"
                value={form.reservationNumber}
                onChange={(e) => setForm((f) => ({ ...f, reservationNumber: e.target.value }))}
              />
            )}
          </Field>
          <p className="actions">
            <Button type="submit" busy={busy}>
              {t("mnp.twoStop")}
            </Button>
          </p>
          <p className="small">{t("mnp.oneStopIntro")}</p>
          <p className="actions">
            <Button variant="secondary" busy={busy} onClick={() => void oneStop()}>
              {t("mnp.oneStop")}
            </Button>
          </p>
        </form>
      )}
    </section>
  );
}

/** The application a one-stop trip left from, in this browser tab, for the fixed return page. */
const oneStopReferenceKey = "jitsumei.oneStopReference";

/** /number-port/return: the operator's answer for the application this tab sent there. */
export function NumberPortFixedReturnPage() {
  const { t } = useI18n();
  const reference = sessionStorage.getItem(oneStopReferenceKey);
  if (!reference) {
    return (
      <>
        <p role="alert">{t("mnp.returnLost")}</p>
        <Button onClick={() => navigate("/sign-in")}>{t("app.back")}</Button>
      </>
    );
  }
  return <NumberPortReturnPage reference={reference} />;
}

/** Back from the current operator's one-stop page (?state=…&code=…): the answer is sent, then the application. */
export function NumberPortReturnPage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const search = new URLSearchParams(window.location.search);
    const session = loadSession(reference);
    const state = search.get("state");
    const code = search.get("code");
    if (search.get("error") && state) {
      // The applicant declined at their operator (or it could not go on): nothing to take.
      sessionStorage.removeItem(oneStopReferenceKey);
      setMessage(t("mnp.oneStopDeclined"));
      return;
    }
    if (!session || !state || !code) {
      navigate(`/application/${reference}`);
      return;
    }
    answer(
      client.POST("/v1/applications/{reference}/number-port/one-stop/complete", {
        params: applicationParams(session),
        body: { state, code },
      }),
    ).then(
      () => {
        sessionStorage.removeItem(oneStopReferenceKey);
        navigate(`/application/${reference}`);
      },
      (err) => setMessage(problemMessage(err, t)),
    );
  }, [reference]);
  return message ? (
    <>
      <p role="alert">{message}</p>
      <Button onClick={() => navigate(`/application/${reference}`)}>{t("app.back")}</Button>
    </>
  ) : (
    <p role="status">{t("mnp.returning")}</p>
  );
}
