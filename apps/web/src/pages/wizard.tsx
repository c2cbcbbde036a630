import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  ApiError,
  type ApplicationView,
  api,
  type CreditView,
  type DocumentType,
  documentTypes,
  type Particulars,
  type Plan,
  type Session,
} from "../api.ts";
import { countries, countryName, prefectures } from "../countries.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { navigate, Redirect } from "../router.tsx";
import {
  Button,
  ConsentCheckbox,
  ErrorSummary,
  Field,
  type FieldErrors,
  fieldErrorsOf,
  problemMessage,
  TestCardField,
  useApplication,
} from "../ui.tsx";
import { StepList } from "./apply.tsx";
import { usePlans } from "./plans.tsx";
import { SignInForm } from "./sign-in.tsx";
import { WithReference } from "./status.tsx";
import { VerifyStep } from "./verify.tsx";

type Form = {
  family: string;
  given: string;
  kanji: string;
  kana: string;
  birthDate: string;
  nationality: string;
  nationalityOther: string;
  sex: string;
  postalCode: string;
  prefecture: string;
  city: string;
  line1: string;
  line2: string;
  docType: DocumentType;
  docNumber: string;
  docExpiry: string;
  docCountry: string;
  docCountryOther: string;
};

const known = new Set(countries.map(([a3]) => a3));

function formOf(p: Particulars | null): Form {
  const nat = p?.nationality ?? "";
  const issuing = p?.document.issuingCountry ?? "";
  return {
    family: p?.name.family ?? "",
    given: p?.name.given ?? "",
    kanji: p?.name.kanji ?? "",
    kana: p?.name.kana ?? "",
    birthDate: p?.birthDate ?? "",
    nationality: nat === "" || known.has(nat) ? nat : "other",
    nationalityOther: known.has(nat) ? "" : nat,
    sex: p?.sex ?? "",
    postalCode: p?.address?.postalCode ?? "",
    prefecture: p?.address?.prefecture ?? "",
    city: p?.address?.city ?? "",
    line1: p?.address?.line1 ?? "",
    line2: p?.address?.line2 ?? "",
    docType: p?.document.type ?? "passport",
    docNumber: p?.document.number ?? "",
    docExpiry: p?.document.expiryDate ?? "",
    docCountry: issuing === "" || known.has(issuing) ? issuing : "other",
    docCountryOther: known.has(issuing) ? "" : issuing,
  };
}

function particularsOf(f: Form, withAddress: boolean): Particulars {
  const nationality = (f.nationality === "other" ? f.nationalityOther : f.nationality).trim().toUpperCase();
  const issuing = (f.docCountry === "other" ? f.docCountryOther : f.docCountry).trim().toUpperCase();
  return {
    name: {
      family: f.family.trim(),
      given: f.given.trim(),
      ...(f.kanji.trim() ? { kanji: f.kanji.trim() } : {}),
      ...(f.kana.trim() ? { kana: f.kana.trim() } : {}),
    },
    birthDate: f.birthDate,
    nationality,
    ...(f.sex ? { sex: f.sex as Particulars["sex"] } : {}),
    ...(withAddress
      ? {
          address: {
            postalCode: f.postalCode.trim(),
            prefecture: f.prefecture,
            city: f.city.trim(),
            line1: f.line1.trim(),
            ...(f.line2.trim() ? { line2: f.line2.trim() } : {}),
          },
        }
      : {}),
    document: {
      type: f.docType,
      ...(f.docType === "my_number_card" ? {} : { number: f.docNumber.trim() }),
      expiryDate: f.docExpiry,
      issuingCountry: issuing || (f.docType === "passport" ? nationality : "JPN"),
    },
  };
}

/** Which step each field the server may name lives on. */
const documentFields = new Set([
  "document",
  "document.type",
  "document.number",
  "document.expiryDate",
  "document.issuingCountry",
]);

type Step = "particulars" | "document" | "verify" | "credit" | "submit";

/** The application wizard for drafts and corrections (after the contact step created it). */
export function WizardPage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const app = useApplication(reference);
  const { plans } = usePlans();
  if (!app.session) return <SignInForm reference={reference} onOpen={app.setSession} />;
  if (app.error && !app.view) return <p role="alert">{problemMessage(app.error, t)}</p>;
  const plan = plans?.find((p) => p.id === app.view?.planId);
  if (!app.view || !plan) return <p>{t("app.loading")}</p>;
  if (app.view.state !== "draft" && app.view.state !== "correction_requested") {
    return <Redirect to={`/status/${reference}`} />;
  }
  return <Wizard session={app.session} initial={app.view} plan={plan} reload={app.reload} />;
}

function Wizard(props: {
  session: Session;
  initial: ApplicationView;
  plan: Plan;
  reload: () => Promise<ApplicationView | null>;
}) {
  const { t } = useI18n();
  const { session, plan } = props;
  const [view, setView] = useState(props.initial);
  const postpaid = plan.kind === "postpaid";
  const correcting = view.state === "correction_requested";
  const needsAddress = plan.coveredByLaw || Boolean(view.applicant?.address);
  // Back from the Digital Authentication App (?digitalAuth=…): the verify step shows how it went.
  const fromDigitalAuth = new URLSearchParams(window.location.search).has("digitalAuth");
  const firstStep: Step =
    fromDigitalAuth && view.applicant
      ? "verify"
      : correcting || !view.applicant
        ? "particulars"
        : view.evidence.length === 0
          ? "verify"
          : postpaid
            ? "credit"
            : "submit";
  const [step, setStep] = useState<Step>(firstStep);
  const [form, setForm] = useState<Form>(() => formOf(view.applicant));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const asked = new Set((view.correction?.fields ?? []).map((f) => f.field));
  // The address is marked as one group (its fieldset), every other field on its own.
  const isAsked = (field: string) =>
    !field.startsWith("address.") &&
    [...asked].some((a) => field === a || field.startsWith(`${a}.`) || a.startsWith(`${field}.`));

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const order: Step[] = ["particulars", "document", "verify", ...(postpaid ? (["credit"] as Step[]) : []), "submit"];
  const index = order.indexOf(step) + 1;

  async function saveParticulars(e: FormEvent) {
    e.preventDefault();
    if (step === "particulars") {
      setForm((f) => (f.docCountry ? f : { ...f, docCountry: f.nationality, docCountryOther: f.nationalityOther }));
      setStep("document");
      setMessage(null);
      return;
    }
    setBusy(true);
    try {
      const next = await api<ApplicationView>("PUT", `/v1/applications/${view.reference}/applicant`, {
        token: session.token,
        body: particularsOf(form, needsAddress),
      });
      setView(next);
      setErrors({});
      setMessage(null);
      setStep("verify");
    } catch (err) {
      const found =
        err instanceof ApiError
          ? fieldErrorsOf(err, t, { document: "document.type", address: "address.postalCode", name: "name.family" })
          : {};
      setErrors(found);
      setMessage(problemMessage(err, t));
      // Back to the step that holds the first field named: what was typed stays in the form.
      const first = Object.keys(found)[0];
      if (first && !documentFields.has(first)) setStep("particulars");
    } finally {
      setBusy(false);
    }
  }

  const lang = useI18n().lang;
  const countryOptions = countries
    .map(([a3, a2]) => ({ a3, name: countryName(a2, lang) }))
    .sort((a, b) => (a.a3 === "JPN" ? -1 : b.a3 === "JPN" ? 1 : a.name.localeCompare(b.name, lang)));

  function countrySelect(p: {
    name: string;
    value: string;
    other: string;
    onValue: (e: { target: { value: string } }) => void;
    onOther: (e: { target: { value: string } }) => void;
    label: string;
  }) {
    return (
      <>
        <Field name={p.name} label={p.label} error={errors[p.name]} highlight={isAsked(p.name)}>
          {(a) => (
            <select {...a} value={p.value} onChange={p.onValue} required>
              <option value="">{t("particulars.choose")}</option>
              {countryOptions.map((c) => (
                <option key={c.a3} value={c.a3}>
                  {c.name}
                </option>
              ))}
              <option value="other">{t("particulars.otherCountry")}</option>
            </select>
          )}
        </Field>
        {p.value === "other" && (
          <Field name={`${p.name}.other`} label={t("particulars.countryCode")} hint={t("particulars.countryCodeHint")}>
            {(a) => (
              <input
                {...a}
                value={p.other}
                onChange={p.onOther}
                maxLength={3}
                autoCapitalize="characters"
                className="short"
              />
            )}
          </Field>
        )}
      </>
    );
  }

  const text = (
    name: string,
    key: keyof Form,
    label: MessageKey,
    extra: { hint?: MessageKey; autoComplete?: string; type?: string; lang?: string } = {},
  ) => (
    <Field
      name={name}
      label={t(label)}
      hint={extra.hint ? t(extra.hint) : undefined}
      error={errors[name]}
      highlight={isAsked(name)}
    >
      {(a) => (
        <input
          {...a}
          type={extra.type ?? "text"}
          autoComplete={extra.autoComplete}
          lang={extra.lang}
          value={form[key]}
          onChange={set(key)}
        />
      )}
    </Field>
  );

  return (
    <>
      <StepList current={index} postpaid={postpaid} />
      {correcting && view.correction && <CorrectionBox correction={view.correction} />}
      {(step === "particulars" || step === "document") && (
        <form onSubmit={saveParticulars} noValidate>
          <h1 ref={heading} tabIndex={-1}>
            {t(step === "particulars" ? "particulars.title" : "document.title")}
          </h1>
          <p>{t(step === "particulars" ? "particulars.intro" : "document.intro")}</p>
          <ErrorSummary message={message} fields={errors} />
          {step === "particulars" ? (
            <>
              {text("name.family", "family", "particulars.family", { autoComplete: "family-name" })}
              {text("name.given", "given", "particulars.given", {
                hint: "particulars.givenHint",
                autoComplete: "given-name",
              })}
              {text("name.kanji", "kanji", "particulars.kanji", { hint: "particulars.kanjiHint", lang: "ja" })}
              {text("name.kana", "kana", "particulars.kana", { hint: "particulars.kanaHint", lang: "ja" })}
              {text("birthDate", "birthDate", "particulars.birthDate", { type: "date", autoComplete: "bday" })}
              {countrySelect({
                name: "nationality",
                label: t("particulars.nationality"),
                value: form.nationality,
                other: form.nationalityOther,
                onValue: set("nationality"),
                onOther: set("nationalityOther"),
              })}
              <Field name="sex" label={t("particulars.sex")} error={errors.sex}>
                {(a) => (
                  <select {...a} value={form.sex} onChange={set("sex")}>
                    <option value="">{t("particulars.sexNone")}</option>
                    <option value="female">{t("particulars.female")}</option>
                    <option value="male">{t("particulars.male")}</option>
                    <option value="unspecified">{t("particulars.unspecified")}</option>
                  </select>
                )}
              </Field>
              {needsAddress && (
                <fieldset className={isAsked("address") ? "field-highlight" : undefined}>
                  <legend>{t("particulars.address")}</legend>
                  <p className="hint">{t("particulars.addressWhy")}</p>
                  {text("address.postalCode", "postalCode", "particulars.postalCode", { autoComplete: "postal-code" })}
                  <Field
                    name="address.prefecture"
                    label={t("particulars.prefecture")}
                    error={errors["address.prefecture"]}
                  >
                    {(a) => (
                      <select {...a} value={form.prefecture} onChange={set("prefecture")} lang="ja">
                        <option value="">{t("particulars.choose")}</option>
                        {prefectures.map((p) => (
                          <option key={p}>{p}</option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {text("address.city", "city", "particulars.city", { autoComplete: "address-level2" })}
                  {text("address.line1", "line1", "particulars.line1", { autoComplete: "address-line1" })}
                  {text("address.line2", "line2", "particulars.line2", { autoComplete: "address-line2" })}
                </fieldset>
              )}
            </>
          ) : (
            <>
              <fieldset className={`field${isAsked("document") ? " field-highlight" : ""}`}>
                <legend>{t("document.type")}</legend>
                {errors["document.type"] && (
                  <p className="error" id="f-document-type-error">
                    {errors["document.type"]}
                  </p>
                )}
                {documentTypes.map((d) => (
                  <label key={d} className="choice">
                    <input
                      type="radio"
                      name="document.type"
                      id={d === form.docType ? "f-document-type" : undefined}
                      value={d}
                      checked={form.docType === d}
                      onChange={set("docType")}
                    />
                    {t(`document.${d}` as MessageKey)}
                  </label>
                ))}
              </fieldset>
              {form.docType === "my_number_card" ? (
                <p className="hint">{t("document.myNumberHint")}</p>
              ) : (
                text("document.number", "docNumber", "document.number", { hint: "document.numberHint" })
              )}
              {text("document.expiryDate", "docExpiry", "document.expiry", { type: "date" })}
              {form.docType === "passport" &&
                countrySelect({
                  name: "document.issuingCountry",
                  label: t("document.country"),
                  value: form.docCountry,
                  other: form.docCountryOther,
                  onValue: set("docCountry"),
                  onOther: set("docCountryOther"),
                })}
            </>
          )}
          <div className="actions">
            {step === "document" && (
              <Button variant="secondary" onClick={() => setStep("particulars")}>
                {t("app.back")}
              </Button>
            )}
            <Button type="submit" busy={busy}>
              {t(step === "document" ? "particulars.save" : "app.next")}
            </Button>
          </div>
        </form>
      )}
      {step === "verify" && (
        <VerifyStep
          view={view}
          plan={plan}
          session={session}
          documentType={form.docType}
          headingRef={heading}
          onView={setView}
          onDone={() => setStep(postpaid ? "credit" : "submit")}
          onBack={() => setStep("document")}
        />
      )}
      {step === "credit" && (
        <CreditStep
          session={session}
          view={view}
          headingRef={heading}
          onDone={() => setStep("submit")}
          onBack={() => setStep("verify")}
        />
      )}
      {step === "submit" && (
        <SubmitStep
          session={session}
          view={view}
          headingRef={heading}
          onView={setView}
          onBack={() => setStep(postpaid ? "credit" : "verify")}
        />
      )}
    </>
  );
}

export function CorrectionBox({ correction }: { correction: NonNullable<ApplicationView["correction"]> }) {
  const { t, date } = useI18n();
  return (
    <section className="alert alert-warning" aria-labelledby="correction-title">
      <h2 id="correction-title">{t("correction.title")}</h2>
      <p className="small">{t("correction.requested", { date: date(correction.requestedAt) })}</p>
      <p>{t("correction.fields")}</p>
      <ul>
        {correction.fields.map((f) => (
          <li key={f.field}>
            <strong>{f.label}</strong>
          </li>
        ))}
      </ul>
      {correction.message && (
        <>
          <h3>{t("correction.message")}</h3>
          <blockquote>{correction.message}</blockquote>
        </>
      )}
    </section>
  );
}

function CreditStep(props: {
  session: Session;
  view: ApplicationView;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onDone: () => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { session, view } = props;
  const [credit, setCredit] = useState<CreditView | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [card, setCard] = useState("tok_test_ok");
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const load = () =>
    api<CreditView>("GET", `/v1/applications/${view.reference}/credit`, { token: session.token }).then(setCredit, (e) =>
      setMessage(problemMessage(e, t)),
    );
  useEffect(() => {
    void load();
  }, [view.reference]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!credit) return;
    setBusy(true);
    setMessage(null);
    try {
      if (!credit.consent.given) {
        if (!accepted) {
          setErrors({ accept: t("error.required") });
          setMessage(t("error.summary"));
          return;
        }
        await api("POST", `/v1/applications/${view.reference}/credit/consent`, {
          token: session.token,
          idempotent: true,
          body: { accept: true, textVersion: credit.consent.textVersion },
        });
      }
      if (!credit.paymentMethod) {
        await api("PUT", `/v1/applications/${view.reference}/payment-method`, {
          token: session.token,
          idempotent: true,
          body: { type: "card", cardToken: card },
        });
      }
      setErrors({});
      props.onDone();
    } catch (err) {
      setErrors(err instanceof ApiError ? fieldErrorsOf(err, t, { cardToken: "card" }) : {});
      setMessage(
        err instanceof ApiError && err.fields.includes("cardToken") ? t("error.declined") : problemMessage(err, t),
      );
      await load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h1 ref={props.headingRef} tabIndex={-1}>
        {t("credit.title")}
      </h1>
      <p>{t("credit.intro")}</p>
      <ErrorSummary message={message} fields={errors} />
      {!credit ? (
        <p>{t("app.loading")}</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable text must be reachable by keyboard */}
          <section className="consent-text" tabIndex={0} aria-label={t("credit.title")} lang={credit.consent.language}>
            {credit.consent.text.split("\n").map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </section>
          {credit.consent.given ? (
            <p className="ok">{t("credit.consented")}</p>
          ) : (
            <ConsentCheckbox
              name="accept"
              label={t("credit.accept")}
              checked={accepted}
              onChange={setAccepted}
              error={errors.accept}
            />
          )}
          <h2>{t("credit.method")}</h2>
          {credit.paymentMethod ? (
            <p className="ok">{t("credit.saved", { display: credit.paymentMethod.display })}</p>
          ) : (
            <TestCardField value={card} onChange={setCard} error={errors.card} />
          )}
          <div className="actions">
            <Button variant="secondary" onClick={props.onBack}>
              {t("app.back")}
            </Button>
            <Button type="submit" busy={busy}>
              {t("app.next")}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

function SubmitStep(props: {
  session: Session;
  view: ApplicationView;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onView: (v: ApplicationView) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { session, view } = props;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [fresh, setFresh] = useState(view);
  useEffect(() => {
    api<ApplicationView>("GET", `/v1/applications/${view.reference}`, { token: session.token }).then(
      setFresh,
      () => {},
    );
  }, []);
  const missing = fresh.needs.filter((n) => n.field !== "submit" && n.field !== "activation");

  async function send() {
    setBusy(true);
    setMessage(null);
    try {
      const next = await api<ApplicationView>("POST", `/v1/applications/${view.reference}/submit`, {
        token: session.token,
        idempotent: true,
      });
      props.onView(next);
      navigate(`/status/${view.reference}`);
    } catch (err) {
      setMessage(problemMessage(err, t));
      setBusy(false);
    }
  }

  return (
    <section>
      <h1 ref={props.headingRef} tabIndex={-1}>
        {t("submit.title")}
      </h1>
      <p className="reference">
        <WithReference text={t("submit.reference", { ref: "\u0000" })} reference={view.reference} />
      </p>
      <p className="small muted">{t("submit.keep")}</p>
      <p>{t("submit.intro")}</p>
      <ErrorSummary message={message} />
      {missing.length > 0 ? (
        <div className="alert alert-info">
          <p>{t("submit.missing")}</p>
          <ul>
            {missing.map((n) => (
              <li key={n.field}>{t(needKey(n.field), { field: n.field })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="ok">{t("submit.ready")}</p>
      )}
      <div className="actions">
        <Button variant="secondary" onClick={props.onBack}>
          {t("app.back")}
        </Button>
        <Button busy={busy} onClick={send}>
          {view.state === "correction_requested" ? t("correction.resend") : t("submit.send")}
        </Button>
      </div>
    </section>
  );
}

export function needKey(field: string): MessageKey {
  if (field === "applicant.address") return "need.applicant.address";
  if (field.startsWith("applicant")) return "need.applicant";
  if (field.startsWith("evidence")) return "need.evidence";
  if (field.includes("consent")) return "need.consent";
  if (field.includes("payment")) return "need.payment";
  return "need.other";
}
