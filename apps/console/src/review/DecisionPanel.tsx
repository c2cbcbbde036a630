import type { components } from "@jitsumei/api-contract/client";
import { type FormEvent, useState } from "react";
// The domain's own lists, from their file: the package's index would bring zod and the MRZ parser into the bundle.
import { correctableFields, rejectReasonCodes } from "../../../../packages/domain/src/i18n/messages/review-messages.ts";
import type { CaseView, StaffAccount } from "../api/answers.ts";
import { ApiProblem, answer, api, idempotencyKey } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { roleMay } from "../shell/access.ts";
import { useCheckLabel, useCodeLabel, usePolicyName } from "./Badges.tsx";

type Action = "approve" | "reject" | "request_correction" | "escalate" | "confirm_override" | "decline_override";

const actionKeys = {
  approve: "decide.approve",
  reject: "decide.reject",
  request_correction: "decide.correct",
  escalate: "decide.escalate",
  confirm_override: "decide.confirm",
  decline_override: "decide.decline",
} as const;

/** The actions this member may take on the case as it stands (the server checks them again). */
function actionsFor(view: CaseView, account: StaffAccount): Action[] {
  if (!roleMay(account.role, "applications.decide")) return [];
  // Evidence never given: nobody approves (lawful-approval.ts); the correction asks for it.
  const missing = view.approval?.kind === "evidence_missing";
  if (view.state === "override_pending") {
    const mayConfirm =
      roleMay(account.role, "applications.confirm_override") && view.flags.overrideProposedBy?.staffId !== account.id;
    if (!mayConfirm) return [];
    return missing ? ["decline_override"] : ["confirm_override", "decline_override"];
  }
  if (view.state === "in_review") {
    return missing
      ? ["reject", "request_correction", "escalate"]
      : ["approve", "reject", "request_correction", "escalate"];
  }
  return [];
}

/** What the policy pinned to the case lets a reviewer do, in words: one approves, two, or nobody yet. */
function ApprovalBasisNote({ approval }: { approval: NonNullable<CaseView["approval"]> }) {
  const { t, language } = useI18n();
  const label = useCodeLabel();
  const checkLabel = useCheckLabel();
  const method = approval.method ? label("method", approval.method) : "";
  const policy = usePolicyName()(approval.policy);
  // The unmet checks by name, listed as the language lists things (A、B、C / A, B and C).
  const unmet = new Intl.ListFormat(language, { type: "conjunction" }).format((approval.unmet ?? []).map(checkLabel));
  if (approval.kind === "method_complete") {
    // The checks that made the method complete: they differ by document (a My Number card read at the
    // counter is complete by its card-face checks, a passport by its chip's signature).
    const checks = new Intl.ListFormat(language, { type: "conjunction" }).format(
      (approval.checks ?? []).map(checkLabel),
    );
    return (
      <p className="hint">
        {t("decide.basisComplete", { policy, method })}
        {checks ? ` ${t("decide.basisChecks", { checks })}` : ""}
      </p>
    );
  }
  if (approval.kind === "person_decides") {
    return (
      <p className="notice" role="note">
        {t("decide.basisPersonDecides", { method, unmet })}
      </p>
    );
  }
  const bring = (approval.bring ?? [])
    .map((b) =>
      t("decide.bringItem", {
        method: label("method", b.method),
        evidence: b.evidence.map((e) => t(`evidence.${e}` as "evidence.selfie")).join(t("decide.and")),
      }),
    )
    .join(t("decide.or"));
  return (
    <p className="error" role="note">
      {t("decide.basisMissing", { policy, bring })}
    </p>
  );
}

/** Claim, then decide: approve, reject with a reason, ask for a correction, escalate, or the four-eyes override. */
export function DecisionPanel({
  view,
  account,
  onChanged,
}: {
  view: CaseView;
  account: StaffAccount;
  onChanged(): Promise<void>;
}) {
  const { t, dateTime, languageName } = useI18n();
  const label = useCodeLabel();
  const actions = actionsFor(view, account);
  const [action, setAction] = useState<Action | null>(null);
  const [fields, setFields] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = view.claim?.staffId === account.id;
  const chosen = action && actions.includes(action) ? action : null;

  async function run(work: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    try {
      setMessage(await work());
      await onChanged();
    } catch (e) {
      setError(e instanceof ApiProblem ? `${e.detail}${e.field ? ` (${e.field})` : ""}` : String(e));
    } finally {
      setBusy(false);
    }
  }

  const onCase = { params: { path: { reference: view.reference } } };

  function decide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    const form = new FormData(event.currentTarget);
    const note = String(form.get("note") ?? "").trim();
    // The form assembles one of the contract's decisions; the server checks it against the same schema.
    let body: Record<string, unknown> = { type: chosen };
    if (chosen === "reject") body = { ...body, reason: String(form.get("reason")) };
    if (chosen === "request_correction") {
      if (fields.length === 0) {
        setError(t("decide.pickField"));
        return;
      }
      body = { ...body, fields, message: String(form.get("message") ?? "").trim() };
    } else if (note) body = { ...body, note };
    void run(async () => {
      const result = await answer(
        api.POST("/v1/staff/applications/{reference}/events", {
          params: { path: { reference: view.reference }, header: idempotencyKey() },
          body: body as components["schemas"]["Decision"],
        }),
      );
      setAction(null);
      setFields([]);
      return result.overridePending
        ? t("decide.overridePending")
        : t("decide.done", { state: label("state", result.state) });
    });
  }

  const noteRequired = chosen === "escalate" || chosen === "decline_override";

  return (
    <section aria-labelledby="decide-h" className="card decide">
      <h2 id="decide-h">{t("decide.title")}</h2>
      <p>
        {!view.claim
          ? t("case.unclaimed")
          : mine
            ? t("case.heldByYou", { time: dateTime(view.claim.expiresAt) })
            : t("case.claimedBy", { name: view.claim.displayName, time: dateTime(view.claim.expiresAt) })}
      </p>
      {message && (
        <p role="status" className="success">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {roleMay(account.role, "applications.claim") && actions.length > 0 && (
        <div className="row">
          <button
            type="button"
            className={mine ? "secondary" : undefined}
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await api.POST("/v1/staff/applications/{reference}/claim", onCase);
                return null;
              })
            }
          >
            {mine ? t("case.renewAction") : t("case.claimAction")}
          </button>
          {mine && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await api.DELETE("/v1/staff/applications/{reference}/claim", onCase);
                  return null;
                })
              }
            >
              {t("case.releaseAction")}
            </button>
          )}
        </div>
      )}
      {view.approval && ["in_review", "override_pending"].includes(view.state) && (
        <ApprovalBasisNote approval={view.approval} />
      )}
      {actions.length > 0 && !mine && <p className="hint">{t("decide.needClaim")}</p>}
      {actions.length > 0 && mine && (
        <form onSubmit={decide} className="stack">
          <fieldset>
            <legend>{t("decide.action")}</legend>
            {actions.map((a) => (
              <label key={a} className="check">
                <input type="radio" name="action" value={a} checked={chosen === a} onChange={() => setAction(a)} />
                {t(actionKeys[a])}
              </label>
            ))}
          </fieldset>
          {chosen === "reject" && (
            <label>
              {t("decide.reason")}
              <select name="reason" required>
                {rejectReasonCodes.map((r) => (
                  <option key={r} value={r}>
                    {label("reject", r)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {chosen === "request_correction" && (
            <>
              <fieldset>
                <legend>{t("decide.fields")}</legend>
                <div className="field-list">
                  {correctableFields.map((f) => (
                    <label key={f} className="check">
                      <input
                        type="checkbox"
                        name="fields"
                        value={f}
                        checked={fields.includes(f)}
                        onChange={(e) =>
                          setFields((before) => (e.target.checked ? [...before, f] : before.filter((x) => x !== f)))
                        }
                      />
                      {label("field", f)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label>
                {t("decide.message", { language: languageName(view.language) })}
                <textarea name="message" rows={4} required maxLength={2000} lang={view.language} />
              </label>
            </>
          )}
          {chosen && chosen !== "request_correction" && (
            <label>
              {noteRequired ||
              (chosen === "approve" &&
                (view.checks.some((c) => c.status === "fail") || view.approval?.kind === "person_decides"))
                ? t("decide.noteRequired")
                : t("decide.note")}
              <textarea name="note" rows={3} maxLength={2000} required={noteRequired} />
            </label>
          )}
          <button type="submit" disabled={busy || !chosen}>
            {t("decide.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
