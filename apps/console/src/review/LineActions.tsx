import type { Body } from "@jitsumei/api-contract/client";
import { type FormEvent, useState } from "react";
import { ApiProblem, answer, api, idempotencyKey } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

function problemText(e: unknown): string {
  const problem = e instanceof ApiProblem ? e : null;
  return problem?.errors.map((x) => x.reason).join(" ") || problem?.detail || String(e);
}

/**
 * A clerk verifies the holder again at the counter, on the document's MRZ read there: it answers the
 * police request, and restores the line if the request's deadline had suspended it.
 */
export function RestoreLine({
  requestId,
  suspended,
  onDone,
}: {
  requestId: string;
  suspended: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = `restore-mrz-${requestId}`;

  async function restore(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("mrz") ?? "");
    const lines = text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    try {
      const result = await answer(
        api.POST("/v1/staff/police-requests/{id}/reverification", {
          params: { path: { id: requestId } },
          body: { evidence: [{ kind: "mrz", lines }] },
        }),
      );
      setError(null);
      setDone(result.restored ? t("line.restored") : t("line.reverified"));
      onDone();
    } catch (e) {
      setError(problemText(e));
    }
  }

  if (done) {
    return (
      <p role="status" className="success">
        {done}
      </p>
    );
  }
  return (
    <form onSubmit={restore} className="stack" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("line.restoreTitle")}</h3>
      <p className="hint">{t("line.restoreHint")}</p>
      <label htmlFor={id}>{t("line.mrz")}</label>
      <textarea
        id={id}
        name="mrz"
        rows={3}
        required
        className="mono"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{suspended ? t("line.restore") : t("line.restoreTitle")}</button>
    </form>
  );
}

const staffReasons = ["operator_decision", "subscriber_request", "fraud"] as const;

/** An administrator ends a live line (解約), police-suspended ones included, after confirming. */
export function EndLine({ reference, onDone }: { reference: string; onDone(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const id = `end-line-${reference}`;

  async function end(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    if (!window.confirm(t("line.endConfirm"))) return;
    try {
      await api.POST("/v1/staff/applications/{reference}/termination", {
        params: { path: { reference }, header: idempotencyKey() },
        body: { reason: reason as Body<"/v1/staff/applications/{reference}/termination", "post">["reason"] },
      });
      setError(null);
      setDone(true);
      onDone();
    } catch (e) {
      setError(problemText(e));
    }
  }

  if (done) {
    return (
      <p role="status" className="success">
        {t("line.ended")}
      </p>
    );
  }
  return (
    <form onSubmit={end} className="stack" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("line.endTitle")}</h3>
      <label htmlFor={id}>{t("line.endReason")}</label>
      <select id={id} name="reason" defaultValue="operator_decision">
        {staffReasons.map((r) => (
          <option key={r} value={r}>
            {t(`line.reason.${r}`)}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="secondary">
        {t("line.end")}
      </button>
    </form>
  );
}
