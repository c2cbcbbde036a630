import { type FormEvent, useEffect, useState } from "react";
import { ApiError, answer, type Body, client, loadSession, type Session, saveSession } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { navigate, Redirect } from "../router.tsx";
import { Button, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";

type Channel = "email" | "sms";
type Requested = { reference: string; channel: Channel; contact: string };

/**
 * /sign-in?reference=…: where every mail link leads. Getting back into an application from any device:
 * the reference (when the applicant has it) and the contact given in the application; a six-digit code
 * goes there; the code opens a session of this tab's own and the status page. The server answers the
 * first step the same whether or not the details match, so the page does too.
 */
export function SignInPage({ initialReference }: { initialReference: string }) {
  const reference = initialReference.trim().toUpperCase();
  // A tab that already holds this application goes straight on.
  if (reference && loadSession(reference)) return <Redirect to={`/status/${reference}`} />;
  return <SignInForm reference={reference} onOpen={(s) => navigate(`/status/${s.reference}`)} />;
}

/** The two steps: ask for a code, then enter it. `onOpen` gets the session the code opened. */
export function SignInForm({ reference, onOpen }: { reference?: string; onOpen: (s: Session) => void }) {
  const [requested, setRequested] = useState<Requested | null>(null);
  return requested ? (
    <CodeStep requested={requested} onOpen={onOpen} onAgain={() => setRequested(null)} />
  ) : (
    <ContactStep reference={reference ?? ""} onSent={setRequested} />
  );
}

function ContactStep({ reference, onSent }: { reference: string; onSent: (r: Requested) => void }) {
  const { t } = useI18n();
  const [ref, setRef] = useState(reference);
  const [channel, setChannel] = useState<Channel>("email");
  const [contact, setContact] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const asked: Requested = { reference: ref.trim().toUpperCase(), channel, contact: contact.trim() };
    if (!asked.contact) {
      setErrors({ contact: t("error.required") });
      setMessage(t("error.summary"));
      return;
    }
    setBusy(true);
    try {
      await answer(client.POST("/v1/applicant/sign-in", { body: bodyOf(asked) }));
      onSent(asked);
    } catch (err) {
      const fields = err instanceof ApiError ? fieldErrorsOf(err, t, { email: "contact", phone: "contact" }) : {};
      setErrors(fields);
      setMessage(err instanceof ApiError && err.problem.status === 429 ? t("signIn.tooMany") : problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <ErrorSummary message={message} fields={errors} />
      <Field name="reference" label={t("signIn.reference")} hint={t("signIn.referenceHint")} error={errors.reference}>
        {(a) => (
          <input
            {...a}
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
      </Field>
      <fieldset className="field">
        <legend>{t("signIn.channel")}</legend>
        {(["email", "sms"] as const).map((c) => (
          <label key={c} className="choice">
            <input
              type="radio"
              name="channel"
              value={c}
              checked={channel === c}
              onChange={() => {
                setChannel(c);
                setContact("");
                setErrors({});
              }}
            />
            {t(c === "email" ? "signIn.byEmail" : "signIn.bySms")}
          </label>
        ))}
      </fieldset>
      <Field
        name="contact"
        label={t(channel === "email" ? "signIn.email" : "signIn.phone")}
        hint={t(channel === "email" ? "signIn.emailHint" : "signIn.phoneHint")}
        error={errors.contact}
      >
        {(a) => (
          <input
            {...a}
            type={channel === "email" ? "email" : "tel"}
            autoComplete={channel === "email" ? "email" : "tel"}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            spellCheck={false}
          />
        )}
      </Field>
      <Button type="submit" busy={busy}>
        {t("signIn.send")}
      </Button>
    </form>
  );
}

function CodeStep(props: { requested: Requested; onOpen: (s: Session) => void; onAgain: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.getElementById("f-code")?.focus();
  }, []);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const digits = code.replace(/\D/g, "");
    if (digits.length !== 6) {
      setErrors({ code: t("signIn.codeFormat") });
      setMessage(t("error.summary"));
      return;
    }
    setBusy(true);
    try {
      const opened = await answer(
        client.POST("/v1/applicant/sign-in/verify", { body: { ...bodyOf(props.requested), code: digits } }),
      );
      const session = { reference: opened.reference, token: opened.accessToken };
      saveSession(session);
      props.onOpen(session);
    } catch (err) {
      const refused = err instanceof ApiError && err.problem.code === "sign_in_code_invalid";
      // A refused code is said once, at the field (focused again), not also in a summary above it.
      setErrors(refused ? { code: t("signIn.codeInvalid") } : {});
      setMessage(
        refused
          ? null
          : err instanceof ApiError && err.problem.status === 429
            ? t("signIn.tooMany")
            : problemMessage(err, t),
      );
      if (refused) document.getElementById("f-code")?.focus();
    } finally {
      setBusy(false);
    }
  }
  const sentTo = props.requested.channel === "email" ? "signIn.sentEmail" : "signIn.sentSms";
  return (
    <form onSubmit={onSubmit} noValidate>
      <h1>{t("signIn.codeTitle")}</h1>
      <p role="status">{t(sentTo, { contact: props.requested.contact })}</p>
      <ErrorSummary message={message} fields={errors} />
      <Field name="code" label={t("signIn.code")} hint={t("signIn.codeHint")} error={errors.code}>
        {(a) => (
          <input
            {...a}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
          />
        )}
      </Field>
      {/* .actions stacks in reverse on a phone: the code's button first, the new code's below it. */}
      <div className="actions">
        <Button variant="secondary" onClick={props.onAgain}>
          {t("signIn.again")}
        </Button>
        <Button type="submit" busy={busy}>
          {t("signIn.open")}
        </Button>
      </div>
    </form>
  );
}

function bodyOf(r: Requested): Body<"/v1/applicant/sign-in", "post"> {
  return {
    ...(r.reference ? { reference: r.reference } : {}),
    ...(r.channel === "email" ? { email: r.contact } : { phone: r.contact }),
  };
}
