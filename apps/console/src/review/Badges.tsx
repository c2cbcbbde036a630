import { en, type MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/i18n.tsx";

const isKey = (key: string): key is MessageKey => key in en;

/** The label for an API code (`state.in_review`), or the code itself when the console has none. */
export function useCodeLabel(): (prefix: string, code: string) => string {
  const { t } = useI18n();
  return (prefix, code) => {
    const key = `${prefix}.${code}`;
    return isKey(key) ? t(key) : code;
  };
}

/** A particular's name by its path (`address.city`), from the correctable fields' labels or the particulars' own. */
export function useParticularLabel(): (path: string) => string | null {
  const { t } = useI18n();
  return (path) => {
    for (const key of [`field.${path}`, `particular.${path}`]) if (isKey(key)) return t(key);
    return null;
  };
}

/** A particular's value where it is a code (`document.type`: passport), labelled; else `null` (shown as it is). */
export function useParticularValue(): (path: string, value: string) => string | null {
  const label = useCodeLabel();
  return (path, value) => (path === "document.type" ? label("document", value) : null);
}

export function StateBadge({ state }: { state: string }) {
  const label = useCodeLabel();
  return <span className={`badge state-${state}`}>{label("state", state)}</span>;
}

/** How long until the case breaches its review SLA (or that it has). */
export function SlaBadge({ slaDueAt, overdue, now }: { slaDueAt: string; overdue: boolean; now: number }) {
  const { t } = useI18n();
  const hours = Math.max(0, Math.floor((new Date(slaDueAt).getTime() - now) / 3_600_000));
  if (overdue) return <span className="badge sla-overdue">{t("sla.overdue")}</span>;
  if (hours < 12) return <span className="badge sla-soon">{t("sla.dueSoon", { hours })}</span>;
  return <span className="badge sla-ok">{t("sla.ok", { hours })}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  const label = useCodeLabel();
  return <span className={`badge check-${status}`}>{label("status", status)}</span>;
}
