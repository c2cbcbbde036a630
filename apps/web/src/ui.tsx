import { type ReactNode, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import {
  ApiError,
  type ApplicationView,
  answer,
  applicationParams,
  type Check,
  client,
  loadSession,
  type Session,
} from "./api.ts";
import { ContactLine } from "./contact-line.tsx";
import type { MessageKey } from "./i18n/en.ts";
import { useI18n } from "./i18n/index.tsx";

export type FieldErrors = Record<string, string>;

/**
 * The applicant's own words for a refusal the server named: the field's path from the problem, the
 * message from our dictionary (the server's `reason` is for developers, in English).
 */
export function fieldMessageKey(field: string, reason: string): MessageKey {
  const r = reason.toLowerCase();
  if (r.includes("individual number")) return "error.myNumber";
  if (r.includes("latin")) return "error.latin";
  if (r.includes("katakana")) return "error.katakana";
  if (r.includes("date")) return "error.date";
  if (r.includes("e-mail") || field.endsWith("email")) return "error.email";
  if (field.endsWith("phone")) return "error.phone";
  if (r.includes("postal")) return "error.postalCode";
  if (r.includes("iso 3166")) return "error.country";
  if (r.includes("empty") || r.includes("required") || r.includes("expected")) return "error.required";
  if (field === "document.number") return "error.documentNumber";
  if (field === "reference") return "error.reference";
  if (field === "msisdn") return "error.msisdn";
  return "error.field";
}

/** Field errors from a problem, with `alias` mapping whole objects the server named onto an input. */
export function fieldErrorsOf(
  error: ApiError,
  t: (k: MessageKey) => string,
  alias: Record<string, string> = {},
): FieldErrors {
  const out: FieldErrors = {};
  const list = error.problem.errors?.length
    ? error.problem.errors
    : error.problem.field
      ? [{ field: error.problem.field, reason: error.problem.detail ?? "" }]
      : [];
  for (const e of list) {
    const field = alias[e.field] ?? e.field;
    out[field] ??= t(fieldMessageKey(field, e.reason));
  }
  return out;
}

/** A message for a problem that is not about one field. */
export function problemMessage(error: unknown, t: (k: MessageKey, p?: Record<string, string | number>) => string) {
  if (!(error instanceof ApiError)) return t("error.generic", { code: "client" });
  // The server words some refusals itself, with the next step, in the application's language.
  if (error.problem.explanation) return error.problem.explanation;
  const { status, code } = error.problem;
  // An answer the API contract does not allow (api.ts): the page cannot go on with it; a reload can.
  if (code === "contract_violation") return t("error.contract");
  if (status === 0) return t("error.network");
  if (status === 401 || status === 403) return t("error.unauthorized");
  if (status === 404) return t("error.notFound");
  if (code === "correction_unchanged") return t("error.correctionUnchanged");
  if (status === 402 || code.includes("declined")) return t("error.declined");
  if (status === 409) return t("error.state");
  if (error.fields.length > 0) return t("error.summary");
  return t("error.generic", { code });
}

export const inputId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]/g, "-")}`;

/** A labelled input with its hint and its error tied to it (aria-describedby, aria-invalid). */
export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  highlight?: boolean;
  children: (a11y: { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const id = inputId(props.name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={`field${props.error ? " field-invalid" : ""}${props.highlight ? " field-highlight" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error" id={errorId}>
          {props.error}
        </p>
      )}
      {props.children({
        id,
        name: props.name,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(props.error ? { "aria-invalid": true } : {}),
      })}
    </div>
  );
}

/** The box the applicant ticks to agree (to the credit check, to the contract), its error tied to it. */
export function ConsentCheckbox(props: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  const id = inputId(props.name);
  const errorId = `${id}-error`;
  return (
    <div className={`field${props.error ? " field-invalid" : ""}`}>
      {props.error && (
        <p className="error" id={errorId}>
          {props.error}
        </p>
      )}
      <label className="choice">
        <input
          type="checkbox"
          id={id}
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
          aria-describedby={props.error ? errorId : undefined}
          aria-invalid={props.error ? true : undefined}
        />
        {props.label}
      </label>
    </div>
  );
}

/** The card to pay with: a test token the payment simulator accepts or declines (credit check, deposit). */
export function TestCardField(props: { value: string; onChange: (cardToken: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <Field name="card" label={t("credit.testCard")} error={props.error}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="tok_test_ok">{t("credit.testOk")}</option>
          <option value="tok_test_decline">{t("credit.testDecline")}</option>
        </select>
      )}
    </Field>
  );
}

/**
 * The list of errors above a form, focused when it appears, each naming its field (the field's own
 * label, so in the applicant's language) and linking to its input.
 */
export function ErrorSummary({ message, fields }: { message: string | null; fields?: FieldErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fields ?? {});
  const [labels, setLabels] = useState<Record<string, string>>({});
  const names = entries.map(([name]) => name).join("\u0000");
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  // The labels are read once the form is on the page: the summary sits above the fields it names.
  useLayoutEffect(() => {
    const found: Record<string, string> = {};
    for (const [name] of entries) {
      const label = fieldLabel(inputId(name));
      if (label) found[name] = label;
    }
    setLabels(found);
  }, [names, message]);
  if (!message) return null;
  return (
    <>
      <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
        <p>{message}</p>
        {entries.length > 0 && (
          <ul>
            {entries.map(([name, text]) => (
              <li key={name}>
                <a href={`#${inputId(name)}`}>
                  {labels[name] ? <strong>{labels[name]}: </strong> : null}
                  {text}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      {/* An error no field of the form can fix: who to call if trying again does not help (outside the
          alert, which is read out: the line is there to be found, not announced). */}
      {entries.length === 0 && <ContactLine />}
    </>
  );
}

/** A field's name as the page shows it: its label, or the legend of the group it is in. */
function fieldLabel(id: string): string | null {
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const text =
    label?.textContent ?? document.getElementById(id)?.closest("fieldset")?.querySelector("legend")?.textContent;
  return text?.trim() || null;
}

export function Checks({ checks, title }: { checks: Check[]; title?: string }) {
  const { t } = useI18n();
  if (checks.length === 0) return null;
  return (
    <section className="checks" aria-label={title ?? t("verify.checks")}>
      {title && <h3>{title}</h3>}
      <ul>
        {checks.map((c, i) => (
          <li key={`${c.code}-${i}`} className={`check check-${c.status}`}>
            <span className="check-mark" aria-hidden="true">
              {c.status === "pass" ? "✓" : c.status === "fail" ? "✕" : "!"}
            </span>
            <span>{c.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A button that shows it is busy and cannot be pressed twice. */
export function Button(props: {
  busy?: boolean;
  children: ReactNode;
  onClick?: () => void;
  type?: "button" | "submit";
  variant?: "primary" | "secondary" | "danger";
  disabled?: boolean;
}) {
  return (
    <button
      type={props.type ?? "button"}
      className={`button button-${props.variant ?? "primary"}`}
      onClick={props.onClick}
      disabled={props.disabled || props.busy}
      aria-busy={props.busy || undefined}
    >
      {props.children}
    </button>
  );
}

/** The application of the session in this tab, reloaded every `pollMs` while the page is open. */
export function useApplication(reference: string, pollMs = 0) {
  const [session, setSession] = useState<Session | null>(() => loadSession(reference));
  const [view, setView] = useState<ApplicationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    if (!session) return null;
    try {
      const v = await answer(client.GET("/v1/applications/{reference}", { params: applicationParams(session) }));
      setView(v);
      setError(null);
      return v;
    } catch (e) {
      setError(e);
      return null;
    }
  }, [reference, session]);
  // The application speaks the language the applicant chose to read the site in: switched mid-way, its
  // texts and later mails follow (PUT …/language), while it can still change. A browser that merely
  // prefers another language (another device, a shared computer) changes nothing.
  const { lang, chosen } = useI18n();
  const viewLanguage = view?.language;
  const ended = view ? ["active", "rejected", "cancelled", "expired"].includes(view.state) : true;
  useEffect(() => {
    if (!chosen || !session || !viewLanguage || ended || viewLanguage === lang) return;
    answer(
      client.PUT("/v1/applications/{reference}/language", {
        params: applicationParams(session),
        body: { language: lang },
      }),
    ).then(setView, () => undefined);
  }, [reference, session, viewLanguage, lang, chosen, ended]);
  useEffect(() => {
    void reload();
    if (!pollMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void reload();
    }, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);
  return { session, setSession, view, setView, error, reload };
}

export function useUniqueId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
}

/** A sentence with the reference kept on one line (JT-2GNX-Z4WB-4 must not break at its hyphens). */
export function WithReference({ text, reference }: { text: string; reference: string }) {
  const [before, after] = text.split("\u0000");
  return (
    <>
      {before}
      <span className="nowrap">{reference}</span>
      {after}
    </>
  );
}
