import { type FormEvent, useState } from "react";
import { ApiError, answer, client, idempotencyKey, saveSession } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { usePhoneFormat } from "../phone-format.ts";
import { navigate } from "../router.tsx";
import { Button, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";
import { usePlans } from "./plans.tsx";

/** Step 1: contact details; creates the application and keeps its token in this tab. */
export function ApplyPage({ planId }: { planId: string }) {
  const { t, lang } = useI18n();
  const { plans } = usePlans();
  const formatPhone = usePhoneFormat();
  const plan = plans?.find((p) => p.id === planId);
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [formFactor, setFormFactor] = useState<"" | "physical" | "esim">("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const chosen = formFactor || plan?.formFactors[0];
      const created = await answer(
        client.POST("/v1/applications", {
          params: { header: idempotencyKey() },
          body: {
            planId,
            language: lang,
            channel: "online",
            ...(chosen ? { formFactor: chosen } : {}),
            contact: { email: email.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) },
          },
        }),
      );
      saveSession({ reference: created.reference, token: created.accessToken });
      navigate(`/application/${created.reference}`);
    } catch (err) {
      setErrors(err instanceof ApiError ? fieldErrorsOf(err, t, { contact: "contact.email" }) : {});
      setMessage(problemMessage(err, t));
      setBusy(false);
    }
  }

  return (
    <>
      <StepList current={0} postpaid={plan?.kind === "postpaid"} />
      <h1>{t("contact.title")}</h1>
      {plan && <p className="muted">{t("contact.plan", { name: plan.name[lang] })}</p>}
      <p>{t("contact.intro")}</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary message={message} fields={errors} />
        <Field name="contact.email" label={t("contact.email")} error={errors["contact.email"]}>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          name="contact.phone"
          label={t("contact.phone")}
          hint={t("contact.phoneHint")}
          error={errors["contact.phone"]}
        >
          {(a) => (
            <input
              {...a}
              type="tel"
              autoComplete="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              onBlur={() => setPhone(formatPhone(phone))}
            />
          )}
        </Field>
        {plan && plan.formFactors.length > 1 && (
          <fieldset className="field">
            <legend>{t("contact.formFactor")}</legend>
            {plan.formFactors.map((f) => (
              <label key={f} className="choice">
                <input
                  type="radio"
                  name="formFactor"
                  value={f}
                  checked={(formFactor || plan.formFactors[0]) === f}
                  onChange={() => setFormFactor(f)}
                />
                {t(f === "esim" ? "plans.esim" : "plans.physical")}
              </label>
            ))}
          </fieldset>
        )}
        <Button type="submit" busy={busy}>
          {t("contact.start")}
        </Button>
      </form>
    </>
  );
}

export function StepList({ current, postpaid }: { current: number; postpaid: boolean }) {
  const { t } = useI18n();
  const steps = [
    t("steps.contact"),
    t("steps.particulars"),
    t("steps.document"),
    t("steps.verify"),
    ...(postpaid ? [t("steps.credit")] : []),
    t("steps.submit"),
  ];
  return (
    <nav aria-label={t("steps.label", { n: current + 1, total: steps.length })} className="steps">
      <p className="small muted">{t("steps.label", { n: current + 1, total: steps.length })}</p>
      <ol>
        {steps.map((s, i) => (
          <li key={s} aria-current={i === current ? "step" : undefined} className={i < current ? "done" : undefined}>
            {s}
          </li>
        ))}
      </ol>
    </nav>
  );
}
