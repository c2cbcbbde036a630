import { useI18n } from "./i18n/index.tsx";
import { Link } from "./router.tsx";
import { localText, type SiteConfig, useSiteConfig } from "./site-config.ts";

export type OperatorContact = NonNullable<SiteConfig["contact"]>;

/** A phone number as a tel: link dials it: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/**
 * One short line where people get stuck (an error that asks them to try later, a refused or ended
 * application, the account page): the support phone with its hours in Japan time, and the contact page.
 * Nothing while the operator's set-up loads, or where the operator gave no contact.
 */
export function ContactLine() {
  const { t, lang } = useI18n();
  const config = useSiteConfig();
  const contact = config?.contact;
  if (!contact) return null;
  return (
    <p className="small contact-line">
      {t("reach.line")} <a href={telHref(contact.phone)}>{contact.phone}</a>{" "}
      {t("reach.hoursJapan", { hours: localText(contact.hours, lang) })} · <Link to="/contact">{t("reach.all")}</Link>
    </p>
  );
}
