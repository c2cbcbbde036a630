import { type OperatorContact, telHref } from "../contact-line.tsx";
import { useI18n } from "../i18n/index.tsx";
import { localText, useSiteConfig } from "../site-config.ts";

/**
 * /contact: how to reach the operator (JITSUMEI_OPERATOR_FILE's contact, GET /v1/site-config) for a
 * question, a line that stopped, or a complaint (電気通信事業法 第27条: the operator handles complaints
 * and inquiries). Opening hours are the operator's, in Japan time, and the page says so.
 */
export function ContactPage() {
  const { t, lang } = useI18n();
  const config = useSiteConfig();
  if (!config) return <p>{t("app.loading")}</p>;
  const { contact } = config;
  if (!contact) {
    return (
      <>
        <h1>{t("reach.title")}</h1>
        <p role="alert">{t("reach.unavailable")}</p>
      </>
    );
  }
  const desk = contact.complaints;
  return (
    <>
      <h1>{t("reach.title")}</h1>
      <p>{t("reach.intro", { operator: localText(contact.operatorName, lang) })}</p>
      <section className="card" aria-labelledby="contact-support">
        <h2 id="contact-support">{t("reach.support")}</h2>
        <Ways
          contact={{
            phone: contact.phone,
            hours: contact.hours,
            email: contact.email,
            formUrl: contact.formUrl,
          }}
        />
        <p className="small muted">{t("reach.haveReady")}</p>
      </section>
      {desk && (
        <section className="card" aria-labelledby="contact-complaints">
          <h2 id="contact-complaints">{localText(desk.name, lang)}</h2>
          <Ways contact={desk} />
        </section>
      )}
      <section className="card" aria-labelledby="contact-post">
        <h2 id="contact-post">{t("reach.post")}</h2>
        <p>{t("reach.postHint")}</p>
        <address>{localText(contact.postalAddress, lang)}</address>
      </section>
    </>
  );
}

function Ways({
  contact,
}: {
  contact: Pick<OperatorContact, "email" | "formUrl"> & {
    phone: string | null;
    hours: Record<string, string> | null;
  };
}) {
  const { t, lang } = useI18n();
  return (
    <dl className="facts contact-ways">
      {contact.phone && (
        <>
          <dt>{t("reach.phone")}</dt>
          <dd>
            <a href={telHref(contact.phone)}>{contact.phone}</a>
            {contact.hours && (
              <>
                <br />
                {t("reach.hoursJapan", { hours: localText(contact.hours, lang) })}
              </>
            )}
          </dd>
        </>
      )}
      {contact.email && (
        <>
          <dt>{t("reach.email")}</dt>
          <dd>
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </dd>
        </>
      )}
      {contact.formUrl && (
        <>
          <dt>{t("reach.form")}</dt>
          <dd>
            <a href={contact.formUrl} rel="noopener">
              {contact.formUrl}
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}
