import { countryName, countryOptions, icaoCodes } from "@jitsumei/domain/countries";
import { formatPostalCode } from "@jitsumei/domain/postal-code";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import {
  ApiError,
  type ApplicationView,
  answer,
  applicationParams,
  type CreditView,
  client,
  type DocumentType,
  documentTypes,
  type Particulars,
  type Plan,
  type Session,
} from "../api.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { allOf, anyOf } from "../i18n/lists.ts";
import { usePhoneFormat } from "../phone-format.ts";
import { PostalCodeField, type PostalPlace, PrefectureSelect } from "../postal-address.tsx";
import { navigate, Redirect } from "../router.tsx";
import { type SiteConfig, useSiteConfig } from "../site-config.ts";
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
  WithReference,
} from "../ui.tsx";
import { StepList } from "./apply.tsx";
import { CounterList } from "./counters.tsx";
import { useLegalDocuments } from "./legal.tsx";
import { NumberPortPanel } from "./number-port.tsx";
import { usePlans } from "./plans.tsx";
import { SignInForm } from "./sign-in.tsx";
import { methodsFor, VerifyStep } from "./verify.tsx";

type Form = {
  family: string;
  given: string;
  kanji: string;
  kana: string;
  birthDate: string;
  nationality: string;
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
};

function formOf(p: Particulars | null): Form {
  const nat = p?.nationality ?? "";
  const issuing = p?.document.issuingCountry ?? "";
  return {
    family: p?.name.family ?? "",
    given: p?.name.given ?? "",
    kanji: p?.name.kanji ?? "",
    kana: p?.name.kana ?? "",
    birthDate: p?.birthDate ?? "",
    nationality: nat,
    sex: p?.sex ?? "",
    postalCode: p?.address?.postalCode ?? "",
    prefecture: p?.address?.prefecture ?? "",
    city: p?.address?.city ?? "",
    line1: p?.address?.line1 ?? "",
    line2: p?.address?.line2 ?? "",
    docType: p?.document.type ?? "passport",
    docNumber: p?.document.number ?? "",
    docExpiry: p?.document.expiryDate ?? "",
    docCountry: issuing,
  };
}

function particularsOf(f: Form, withAddress: boolean): Particulars {
  const nationality = f.nationality;
  const issuing = f.docCountry;
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

/**
 * Which documents a plan can verify online here and now (some method other than a counter), which
 * only at a counter, and which not at all, from the same rule the verify step offers methods by.
 */
export function documentsOffered(plan: Plan, site: SiteConfig | null) {
  if (!site) return { online: [...documentTypes], counterOnly: [], nowhere: [] };
  const online: DocumentType[] = [];
  const counterOnly: DocumentType[] = [];
  const nowhere: DocumentType[] = [];
  for (const d of documentTypes) {
    const methods = methodsFor(plan, d, site);
    if (methods.some((m) => m !== "counter")) online.push(d);
    else if (methods.includes("counter")) counterOnly.push(d);
    else nowhere.push(d);
  }
  return { online, counterOnly, nowhere };
}

/**
 * The particulars step's required fields left empty (or a postal code that is not one), in the order
 * the page shows them. The given name may be empty: some passports have none.
 */
function missingParticulars(f: Form, withAddress: boolean, t: (k: MessageKey) => string): FieldErrors {
  const out: FieldErrors = {};
  const empty = (v: string) => v.trim() === "";
  if (empty(f.family)) out["name.family"] = t("error.required");
  if (empty(f.birthDate)) out.birthDate = t("error.required");
  if (empty(f.nationality)) out.nationality = t("error.country");
  if (withAddress) {
    if (empty(f.postalCode)) out["address.postalCode"] = t("error.required");
    else if (!/^\d{3}-?\d{4}$/.test(f.postalCode.trim())) out["address.postalCode"] = t("error.postalCode");
    if (empty(f.prefecture)) out["address.prefecture"] = t("error.required");
    if (empty(f.city)) out["address.city"] = t("error.required");
    if (empty(f.line1)) out["address.line1"] = t("error.required");
  }
  return out;
}

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
  // Particulars signed with the My Number card were corrected already: what is left is to sign again.
  const signAgain = view.needs.some((n) => n.field === "evidence.jpki");
  const firstStep: Step =
    (fromDigitalAuth || signAgain) && view.applicant
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

  // A new postal code decides the prefecture and the city; the street line takes the town only where it
  // is empty or still holds the town an earlier code put there, never over what was typed.
  const filledTown = useRef("");
  const fillAddress = useCallback((place: PostalPlace) => {
    setForm((f) => {
      const line1 = f.line1 === "" || f.line1 === filledTown.current ? place.town : f.line1;
      filledTown.current = line1 === place.town ? place.town : filledTown.current;
      return { ...f, prefecture: place.prefecture, city: place.city || f.city, line1 };
    });
  }, []);
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const order: Step[] = ["particulars", "document", "verify", ...(postpaid ? (["credit"] as Step[]) : []), "submit"];
  const index = order.indexOf(step) + 1;

  async function saveParticulars(e: FormEvent) {
    e.preventDefault();
    if (step === "particulars") {
      // Nothing required is left empty on the way to the next step: each missing field is named.
      const missing = missingParticulars(form, needsAddress, t);
      setErrors(missing);
      if (Object.keys(missing).length > 0) {
        setMessage(t("error.summary"));
        return;
      }
      setForm((f) => (f.docCountry ? f : { ...f, docCountry: f.nationality }));
      setStep("document");
      setMessage(null);
      return;
    }
    setBusy(true);
    try {
      const next = await answer(
        client.PUT("/v1/applications/{reference}/applicant", {
          params: applicationParams(session),
          body: particularsOf(form, needsAddress),
        }),
      );
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
  const countries = countryOptions(lang, [form.nationality, form.docCountry]);
  // Only the documents this plan can verify online here; where the others can be taken, said plainly.
  const site = useSiteConfig();
  const offered = documentsOffered(plan, site);

  // On the document step of a new application, a document this plan cannot take online is not
  // pre-chosen. A document already saved is never changed behind the applicant's back (walking through
  // the steps to answer a correction once swapped a passport for a My Number card): the verify step
  // says where it can be checked.
  const savedDocument = view.applicant?.document?.type ?? null;
  useEffect(() => {
    if (savedDocument !== null) return;
    if (step === "document" && offered.online.length > 0 && !offered.online.includes(form.docType)) {
      setForm((f) => ({ ...f, docType: offered.online[0] as DocumentType }));
    }
  }, [savedDocument, step, offered.online.join(","), form.docType]);

  function countrySelect(p: {
    name: string;
    value: string;
    onValue: (e: { target: { value: string } }) => void;
    label: string;
  }) {
    return (
      <Field name={p.name} label={p.label} error={errors[p.name]} highlight={isAsked(p.name)}>
        {(a) => (
          <select {...a} value={p.value} onChange={p.onValue} required>
            <option value="">{t("particulars.choose")}</option>
            <optgroup label={t("particulars.commonCountries")}>
              {countries.common.map((c) => (
                <option key={c.alpha3} value={c.alpha3}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("particulars.allCountries")}>
              {countries.all.map((c) => (
                <option key={c.alpha3} value={c.alpha3}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("particulars.icaoCodes")}>
              {icaoCodes.map((code) => (
                <option key={code} value={code}>
                  {t(`country.${code}`)}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
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
      {correcting && !view.correction && <CheckedCorrection view={view} />}
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
                onValue: set("nationality"),
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
                  <PostalCodeField
                    value={form.postalCode}
                    onChange={(postalCode) => setForm((f) => ({ ...f, postalCode }))}
                    onPlace={fillAddress}
                    error={errors["address.postalCode"]}
                  />
                  <PrefectureSelect
                    value={form.prefecture}
                    onChange={(prefecture) => setForm((f) => ({ ...f, prefecture }))}
                    error={errors["address.prefecture"]}
                  />
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
                {offered.online.map((d) => (
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
              {offered.counterOnly.length > 0 && site && (
                <details className="card elsewhere">
                  <summary>
                    {t("document.elsewhere", {
                      // "If you use A, B or C": any one of them, never all of them.
                      documents: anyOf(
                        lang,
                        offered.counterOnly.map((d) => t(`document.${d}` as MessageKey)),
                      ),
                    })}
                  </summary>
                  <CounterList
                    counters={site.counters.filter((c) => c.documents.some((d) => offered.counterOnly.includes(d)))}
                  />
                </details>
              )}
              {offered.nowhere.length > 0 && (
                <p className="hint">
                  {t("document.notForPlan", {
                    documents: allOf(
                      lang,
                      offered.nowhere.map((d) => t(`document.${d}` as MessageKey)),
                    ),
                  })}
                </p>
              )}
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
                  onValue: set("docCountry"),
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
          plan={plan}
          headingRef={heading}
          onView={setView}
          onEdit={() => setStep("particulars")}
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

/**
 * A correction the checks asked for themselves (no reviewer's request, no message): what they found,
 * in the applicant's language, so that "please fix the points below" has points below it.
 */
export function CheckedCorrection({ view }: { view: ApplicationView }) {
  const { t } = useI18n();
  const reasons = view.decision?.reasons ?? [];
  if (reasons.length === 0) return null;
  return (
    <section className="alert alert-warning" aria-labelledby="checked-correction-title">
      <h2 id="checked-correction-title">{t("correction.checks")}</h2>
      <ul>
        {reasons.map((r) => (
          <li key={r.code}>{r.message}</li>
        ))}
      </ul>
    </section>
  );
}

type BankForm = {
  bankCode: string;
  branchCode: string;
  accountType: "ordinary" | "current";
  accountNumber: string;
  holderKana: string;
};
const emptyBank: BankForm = {
  bankCode: "",
  branchCode: "",
  accountType: "ordinary",
  accountNumber: "",
  holderKana: "",
};

/** A bank account for direct debit (口座振替), as the bank's registration service asks for it. */
function missingBankFields(b: BankForm, t: (k: MessageKey) => string): FieldErrors {
  const out: FieldErrors = {};
  if (!/^\d{4}$/.test(b.bankCode.trim())) out.bankCode = t("credit.bankCodeFormat");
  if (!/^\d{3}$/.test(b.branchCode.trim())) out.branchCode = t("credit.branchCodeFormat");
  if (!/^\d{7}$/.test(b.accountNumber.trim())) out.accountNumber = t("credit.accountNumberFormat");
  if (!/^[\p{Script=Katakana}ー・\s（）()．.]+$/u.test(b.holderKana.trim())) out.holderKana = t("error.katakana");
  return out;
}

function BankFields(props: { value: BankForm; onChange: (b: BankForm) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const { value, errors } = props;
  const set = (k: keyof BankForm) => (e: { target: { value: string } }) =>
    props.onChange({ ...value, [k]: e.target.value } as BankForm);
  const digits = (name: "bankCode" | "branchCode" | "accountNumber", label: MessageKey, size: number) => (
    <Field name={name} label={t(label)} error={errors[name]}>
      {(a) => (
        <input
          {...a}
          inputMode="numeric"
          autoComplete="off"
          maxLength={size}
          className="short mono"
          value={value[name]}
          onChange={set(name)}
        />
      )}
    </Field>
  );
  return (
    <>
      <p className="hint">{t("credit.bankHint")}</p>
      {digits("bankCode", "credit.bankCode", 4)}
      {digits("branchCode", "credit.branchCode", 3)}
      <Field name="accountType" label={t("credit.accountType")} error={errors.accountType}>
        {(a) => (
          <select {...a} value={value.accountType} onChange={set("accountType")}>
            <option value="ordinary">{t("credit.accountOrdinary")}</option>
            <option value="current">{t("credit.accountCurrent")}</option>
          </select>
        )}
      </Field>
      {digits("accountNumber", "credit.accountNumber", 7)}
      <Field name="holderKana" label={t("credit.holderKana")} error={errors.holderKana}>
        {(a) => <input {...a} lang="ja" autoComplete="off" value={value.holderKana} onChange={set("holderKana")} />}
      </Field>
    </>
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
  const [method, setMethod] = useState<"card" | "bank">("card");
  const [bank, setBank] = useState<BankForm>(emptyBank);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const load = () =>
    answer(client.GET("/v1/applications/{reference}/credit", { params: applicationParams(session) })).then(
      setCredit,
      (e) => setMessage(problemMessage(e, t)),
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
        await answer(
          client.POST("/v1/applications/{reference}/credit/consent", {
            params: applicationParams(session, { idempotent: true }),
            body: { accept: true, textVersion: credit.consent.textVersion },
          }),
        );
      }
      if (!credit.paymentMethod) {
        if (method === "bank") {
          const missing = missingBankFields(bank, t);
          if (Object.keys(missing).length > 0) {
            setErrors(missing);
            setMessage(t("error.summary"));
            return;
          }
        }
        await answer(
          client.PUT("/v1/applications/{reference}/payment-method", {
            params: applicationParams(session, { idempotent: true }),
            body:
              method === "card"
                ? { type: "card", cardToken: card }
                : {
                    type: "bank",
                    bankCode: bank.bankCode.trim(),
                    branchCode: bank.branchCode.trim(),
                    accountType: bank.accountType,
                    accountNumber: bank.accountNumber.trim(),
                    holderKana: bank.holderKana.trim(),
                  },
          }),
        );
      }
      setErrors({});
      props.onDone();
    } catch (err) {
      const found = err instanceof ApiError ? fieldErrorsOf(err, t, { cardToken: "card" }) : {};
      // The bank's refusal (no such account, a closed one, another holder) is said on the field it names.
      if (err instanceof ApiError && method === "bank" && err.problem.code === "payment_method_refused") {
        for (const field of Object.keys(found)) found[field] = t("credit.bankRefused");
      }
      setErrors(found);
      setMessage(
        err instanceof ApiError && err.fields.includes("cardToken")
          ? t("error.declined")
          : Object.keys(found).length > 0
            ? t("error.summary")
            : problemMessage(err, t),
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
            <p className="ok">
              {t("credit.saved", {
                display: `${t(credit.paymentMethod.type === "bank" ? "credit.bank" : "credit.card")} · ${credit.paymentMethod.display}`,
              })}
            </p>
          ) : (
            <>
              <fieldset className="field">
                <legend>{t("credit.method")}</legend>
                {(["card", "bank"] as const).map((m) => (
                  <label key={m} className="choice choice-card">
                    <input
                      type="radio"
                      name="paymentMethod"
                      value={m}
                      checked={method === m}
                      onChange={() => setMethod(m)}
                    />
                    <span>
                      <strong>{t(m === "card" ? "credit.card" : "credit.bank")}</strong>
                      <span className="block small muted">{t(m === "card" ? "credit.cardWhy" : "credit.bankWhy")}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              {method === "card" ? (
                <TestCardField value={card} onChange={setCard} error={errors.card} />
              ) : (
                <BankFields value={bank} onChange={setBank} errors={errors} />
              )}
            </>
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

/**
 * Confirm before submit (issue 20 item 8): everything that will be sent, the plan and its price, and
 * the terms of service and the privacy notice to accept; their versions go with the submission and
 * are recorded with the application. Nothing is sent until the box is ticked.
 */
function SubmitStep(props: {
  session: Session;
  view: ApplicationView;
  plan: Plan;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onView: (v: ApplicationView) => void;
  onEdit: () => void;
  onBack: () => void;
}) {
  const { t, lang } = useI18n();
  const { session, view, plan } = props;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [accepted, setAccepted] = useState(false);
  const [fresh, setFresh] = useState(view);
  const { legal } = useLegalDocuments();
  useEffect(() => {
    answer(client.GET("/v1/applications/{reference}", { params: applicationParams(session) })).then(setFresh, () => {});
  }, []);
  const missing = fresh.needs.filter((n) => n.field !== "submit" && n.field !== "activation");

  async function send() {
    if (!accepted || !legal) {
      setErrors({ acceptTerms: t("confirm.mustAccept") });
      setMessage(t("error.summary"));
      return;
    }
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      const next = await answer(
        client.POST("/v1/applications/{reference}/submit", {
          params: applicationParams(session, { idempotent: true }),
          // The language of this page: what the texts were read and accepted in (a compliance record).
          body: { acceptance: { terms: legal.terms.version, privacy: legal.privacy.version, language: lang } },
        }),
      );
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
      <p>{t("confirm.intro")}</p>
      <ErrorSummary message={message} fields={errors} />
      <PlanSummary plan={plan} formFactor={fresh.formFactor} />
      {/* A plan with voice may keep the number the applicant has now (MNP), chosen before sending. */}
      {plan.services.includes("voice") && <NumberPortPanel session={session} canChange />}
      {plan.kind === "postpaid" && <ContractSummary session={session} plan={plan} />}
      {fresh.applicant && (
        <ParticularsSummary particulars={fresh.applicant} contact={fresh.contact} onEdit={props.onEdit} />
      )}
      <section aria-labelledby="confirm-evidence">
        <h2 id="confirm-evidence">{t("confirm.evidence")}</h2>
        <ul>
          {[...new Set(fresh.evidence.map((e) => e.kind))].map((kind) => (
            <li key={kind}>{t(evidenceKey(kind))}</li>
          ))}
        </ul>
      </section>
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
      <section aria-labelledby="confirm-terms">
        <h2 id="confirm-terms">{t("confirm.termsTitle")}</h2>
        <ul>
          <li>
            <a href="/legal/terms" target="_blank" rel="noopener">
              {t("confirm.terms")}
            </a>
            {legal && <span className="muted"> · {t("confirm.version", { version: legal.terms.version })}</span>}
          </li>
          <li>
            <a href="/legal/privacy" target="_blank" rel="noopener">
              {t("confirm.privacy")}
            </a>
            {legal && <span className="muted"> · {t("confirm.version", { version: legal.privacy.version })}</span>}
          </li>
        </ul>
        <ConsentCheckbox
          name="acceptTerms"
          label={t("confirm.accept")}
          checked={accepted}
          onChange={setAccepted}
          error={errors.acceptTerms}
        />
      </section>
      <p>{t("submit.intro")}</p>
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

function PlanSummary({ plan, formFactor }: { plan: Plan; formFactor: "physical" | "esim" }) {
  const { t, lang, yen } = useI18n();
  return (
    <section aria-labelledby="confirm-plan">
      <h2 id="confirm-plan">{t("confirm.plan")}</h2>
      <p>
        <strong>{plan.name[lang]}</strong>
      </p>
      <dl className="summary">
        <dt>{t("plans.price")}</dt>
        <dd>
          {t(plan.kind === "prepaid" ? "plans.pricePrepaid" : "plans.pricePostpaid", { price: yen(plan.priceJpy) })}
        </dd>
        <dt>{t("plans.formFactor")}</dt>
        <dd>{t(formFactor === "esim" ? "plans.esim" : "plans.physical")}</dd>
      </dl>
    </section>
  );
}

/**
 * A postpaid plan is a contract on credit: the confirm page shows its minimum term, how the bills will
 * be paid and the consent to the credit check given on the step before, as they will be sent.
 */
function ContractSummary({ session, plan }: { session: Session; plan: Plan }) {
  const { t, date } = useI18n();
  const [credit, setCredit] = useState<CreditView | null>(null);
  useEffect(() => {
    answer(client.GET("/v1/applications/{reference}/credit", { params: applicationParams(session) })).then(
      setCredit,
      () => setCredit(null),
    );
  }, [session]);
  const term = plan.minimumTermMonths ? t("confirm.term", { n: plan.minimumTermMonths }) : t("confirm.noTerm");
  const method = credit?.paymentMethod;
  return (
    <section aria-labelledby="confirm-contract">
      <h2 id="confirm-contract">{t("confirm.contract")}</h2>
      <dl className="summary">
        <dt>{t("confirm.termLabel")}</dt>
        <dd>{term}</dd>
        <dt>{t("credit.method")}</dt>
        <dd>
          {method
            ? `${t(method.type === "bank" ? "credit.bank" : "credit.card")} · ${method.display}`
            : t("confirm.none")}
        </dd>
        <dt>{t("confirm.creditConsent")}</dt>
        <dd>
          {credit?.consent.given && credit.consent.givenAt
            ? t("confirm.consentGiven", { date: date(credit.consent.givenAt), version: credit.consent.textVersion })
            : t("confirm.none")}
        </dd>
      </dl>
    </section>
  );
}

function ParticularsSummary(props: {
  particulars: Particulars;
  contact: ApplicationView["contact"];
  onEdit: () => void;
}) {
  const { t, lang, date } = useI18n();
  const formatPhone = usePhoneFormat();
  const p = props.particulars;
  const nameOf = (code: string) =>
    (icaoCodes as readonly string[]).includes(code) ? t(`country.${code}` as MessageKey) : countryName(code, lang);
  const sexKey = {
    female: "particulars.female",
    male: "particulars.male",
    unspecified: "particulars.unspecified",
  } as const;
  const rows: [MessageKey, string][] = [
    ["particulars.family", p.name.family],
    ["particulars.given", p.name.given],
    ...(p.name.kanji ? ([["particulars.kanji", p.name.kanji]] as [MessageKey, string][]) : []),
    ...(p.name.kana ? ([["particulars.kana", p.name.kana]] as [MessageKey, string][]) : []),
    ["particulars.birthDate", date(p.birthDate)],
    ["particulars.nationality", nameOf(p.nationality)],
    ...(p.sex ? ([["particulars.sex", t(sexKey[p.sex])]] as [MessageKey, string][]) : []),
    ...(p.address
      ? ([
          [
            "particulars.address",
            `〒${formatPostalCode(p.address.postalCode)} ${p.address.prefecture}${p.address.city}${p.address.line1}${p.address.line2 ? ` ${p.address.line2}` : ""}`,
          ],
        ] as [MessageKey, string][])
      : []),
    ["document.type", t(`document.${p.document.type}` as MessageKey)],
    ...(p.document.number ? ([["document.number", p.document.number]] as [MessageKey, string][]) : []),
    ["document.expiry", date(p.document.expiryDate)],
    ["document.country", nameOf(p.document.issuingCountry)],
    ["contact.email", props.contact.email],
    ...(props.contact.phone ? ([["contact.phone", formatPhone(props.contact.phone)]] as [MessageKey, string][]) : []),
  ];
  return (
    <section aria-labelledby="confirm-particulars">
      <h2 id="confirm-particulars">{t("confirm.particulars")}</h2>
      <dl className="summary">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Button variant="secondary" onClick={props.onEdit}>
        {t("confirm.edit")}
      </Button>
    </section>
  );
}

/** The evidence kinds the API lists (apps/server/src/applications/load-application-data.ts), in words. */
const evidenceKeys: Record<string, MessageKey> = {
  chip: "evidence.ic_chip",
  residence_card_chip: "evidence.ic_chip",
  jpki: "evidence.jpki_signature",
  mrz: "evidence.mrz",
  image: "evidence.document_image",
  selfie: "evidence.selfie",
};

function evidenceKey(kind: string): MessageKey {
  return evidenceKeys[kind] ?? "evidence.other";
}

export function needKey(field: string): MessageKey {
  if (field === "applicant.address") return "need.applicant.address";
  if (field.startsWith("applicant")) return "need.applicant";
  if (field.startsWith("evidence")) return "need.evidence";
  if (field.includes("consent")) return "need.consent";
  if (field.includes("payment")) return "need.payment";
  return "need.other";
}
