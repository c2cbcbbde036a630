import { countryName } from "@jitsumei/domain/countries";
import { formatPhone, formatPostalCode } from "@jitsumei/domain/formats";
import { useEffect, useState } from "react";
import { answer, api } from "../api/client.ts";
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

/**
 * A particular's value where it is a code, labelled (`document.type`: passport, `sex`: female, a
 * country by name), or written as Japan writes it (postal code, phone); else `null` (shown as it is).
 */
export function useParticularValue(): (path: string, value: string) => string | null {
  const label = useCodeLabel();
  const country = useCountryName();
  const { date } = useI18n();
  return (path, value) => {
    if (/Date$/.test(path) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
    if (path === "document.type") return label("document", value);
    if (path === "sex") return label("sex", value);
    if (path === "nationality" || path === "document.issuingCountry") return country(value);
    if (path === "address.postalCode") return formatPostalCode(value);
    if (path.endsWith("phone")) return formatPhone(value);
    return null;
  };
}

/** An automated check by what it checks, in the console's language (the code where it has no name). */
export function useCheckLabel(): (code: string) => string {
  const label = useCodeLabel();
  return (code) => label("check", code);
}

/** A check named in words, its code after it in small type for those who search the logs or policies. */
export function CheckName({ code }: { code: string }) {
  const name = useCheckLabel()(code);
  return (
    <>
      <span className="check-name">{name}</span>
      {name !== code && <span className="mono small check-code">{code}</span>}
    </>
  );
}

/**
 * A policy by its name in the console's language and the day its version took effect
 * (携帯電話不正利用防止法（2026年4月1日版）); an id the console does not know stands as it is.
 */
export function usePolicyName(): (policy: { id: string; version: string }) => string {
  const { t, date } = useI18n();
  return ({ id, version }) => {
    const key = `policy.${id}`;
    return isKey(key) ? t("policy.versionOf", { name: t(key), date: date(version) }) : `${id}@${version}`;
  };
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

/**
 * The plans' names in the console's language (GET /v1/plans, read once per page load): a case
 * shows "Prepaid data eSIM 15 days", never `prepaid-data-esim`. Until they arrive, or for a plan no
 * longer on sale, the id stands in.
 */
let planNames: Promise<Map<string, Record<string, string>>> | null = null;

export function usePlanName(): (planId: string) => string {
  const { language } = useI18n();
  const [names, setNames] = useState<Map<string, Record<string, string>> | null>(null);
  useEffect(() => {
    planNames ??= answer(api.GET("/v1/plans", { params: { query: { limit: 100 } } })).then(
      (page) => new Map<string, Record<string, string>>(page.items.map((p) => [p.id, p.name])),
      () => new Map(),
    );
    let current = true;
    void planNames.then((m) => {
      if (current) setNames(m);
    });
    return () => {
      current = false;
    };
  }, []);
  return (planId) => names?.get(planId)?.[language] ?? names?.get(planId)?.en ?? planId;
}

/** A country by its alpha-3 code: its name in the console's language and the code (`モンゴル (MNG)`). */
export function useCountryName(): (alpha3: string) => string {
  const { t, language } = useI18n();
  return (alpha3) => {
    const icao = `country.${alpha3}`;
    if (isKey(icao)) return t(icao);
    const name = countryName(alpha3, language);
    return name === alpha3 ? alpha3 : `${name} (${alpha3})`;
  };
}
