import { type FormEvent, useState } from "react";
import { ApiError, answer, client, idempotencyKey, saveSession } from "../api.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { navigate } from "../router.tsx";
import { Button, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";

const reasons = new Set(["mistyped", "unknown", "already_registered", "void"]);

/** /register?code=…: a retail package's code (the label's QR code opens this page with it filled in). */
export function RegisterPage({ initialCode }: { initialCode: string }) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState(initialCode);
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await answer(
        client.POST("/v1/packages/registrations", {
          params: { header: idempotencyKey() },
          body: { code: code.trim(), language: lang, contact: { email: email.trim() } },
        }),
      );
      saveSession({ reference: created.reference, token: created.accessToken });
      navigate(`/application/${created.reference}`);
    } catch (err) {
      if (err instanceof ApiError && err.problem.status === 429) {
        setErrors({ code: t("register.tooMany") });
        setMessage(t("register.tooMany"));
      } else if (err instanceof ApiError && err.fields.includes("code")) {
        const reason = String(err.problem.reason ?? "");
        const text = reasons.has(reason) ? t(`register.${reason}` as MessageKey) : t("register.unknown");
        setErrors({ ...fieldErrorsOf(err, t, { contact: "contact.email" }), code: text });
        setMessage(text);
      } else {
        setErrors(err instanceof ApiError ? fieldErrorsOf(err, t, { contact: "contact.email" }) : {});
        setMessage(problemMessage(err, t));
      }
      setBusy(false);
    }
  }
  return (
    <>
      <h1>{t("register.title")}</h1>
      <p>{t("register.intro")}</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary message={message} fields={errors} />
        <Field name="code" label={t("register.code")} error={errors.code}>
          {(a) => (
            <input
              {...a}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoCapitalize="characters"
              spellCheck={false}
              autoComplete="off"
              className="mono"
            />
          )}
        </Field>
        <Field
          name="contact.email"
          label={t("contact.email")}
          hint={t("contact.intro")}
          error={errors["contact.email"]}
        >
          {(a) => (
            <input {...a} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Button type="submit" busy={busy}>
          {t("register.start")}
        </Button>
      </form>
    </>
  );
}
