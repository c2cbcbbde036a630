import type { DocumentType } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { type Counter, localText, useSiteConfig } from "../site-config.ts";

/** The counters where a clerk reads the document's chip face to face (those that read `documentType`). */
export function CounterList({ counters, documentType }: { counters: Counter[]; documentType?: DocumentType }) {
  const { t, lang } = useI18n();
  const here = documentType ? counters.filter((c) => c.documents.includes(documentType)) : counters;
  if (here.length === 0) return <p className="alert alert-info">{t("counter.none")}</p>;
  return (
    <ul className="counters">
      {here.map((c) => (
        <li key={c.id} className="counter">
          <strong>{localText(c.name, lang)}</strong>
          <span className="badge">{t(c.kind === "airport" ? "counter.airport" : "counter.shop")}</span>
          <span className="block small">{localText(c.address, lang)}</span>
          <span className="block small muted">
            {t("counter.hours")}: {localText(c.hours, lang)}
          </span>
          {c.mapUrl && (
            <a className="small" href={c.mapUrl} rel="noopener noreferrer" target="_blank">
              {t("counter.map")}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The operator's reader app in the stores (only where configured). */
export function StoreLinks({
  ios,
  android,
  handoff = null,
}: {
  ios: string | null;
  android: string | null;
  /** The QR code's address: handed to the demo's reader app simulator, as a real app takes it from its link. */
  handoff?: string | null;
}) {
  const { t } = useI18n();
  // In the demo (development only) the "app" is the simulator page on this site (/dev/reader-app).
  const link = (store: string) =>
    handoff && store.startsWith("/dev/") ? `${store}?handoff=${encodeURIComponent(handoff)}` : store;
  return (
    <p className="links store-links">
      {ios && (
        <a className="button button-secondary" href={link(ios)} rel="noopener noreferrer">
          {t("reader.appStore")}
        </a>
      )}
      {android && (
        <a className="button button-secondary" href={link(android)} rel="noopener noreferrer">
          {t("reader.googlePlay")}
        </a>
      )}
    </p>
  );
}

/** For a visitor with a passport only: which plans they can get online, and which at a counter. */
export function PassportOnlyNote() {
  const { t } = useI18n();
  const site = useSiteConfig();
  if (!site) return null;
  return (
    <details className="card passport-only">
      <summary>{t(site.chipReader.available ? "plans.passportOnlyWithApp" : "plans.passportOnly")}</summary>
      <CounterList counters={site.counters} documentType="passport" />
    </details>
  );
}
