import type { StaffAccount } from "../api/answers.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { type ConsoleLanguage, consoleLanguages, languageNames } from "../i18n/languages.ts";
import type { PageName } from "./access.ts";
import { Link } from "./Link.tsx";
import type { Route } from "./router.ts";

/** The console's header: who is signed in, the pages their role may open, the language. */
export function Header({
  account,
  onSignOut,
  pages = [],
  route,
}: {
  account?: StaffAccount;
  onSignOut?: () => void;
  pages?: PageName[];
  route?: Route;
}) {
  const { t, language, setLanguage } = useI18n();
  const current = route?.page === "case" ? "queue" : route?.page;
  return (
    <header className="top">
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <div className="brand">
        <Link to={{ page: "home" }}>{t("app.title")}</Link>
      </div>
      {pages.length > 0 && (
        <nav aria-label={t("nav.label")}>
          <ul>
            {pages.map((page) => (
              <li key={page}>
                <Link to={{ page } as Route} current={current === page}>
                  {t(`nav.${page}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="who">
        <label className="lang">
          <span>{t("lang.label")}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as ConsoleLanguage)}>
            {consoleLanguages.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageNames[l]}
              </option>
            ))}
          </select>
        </label>
        {account && (
          <>
            <span className="me">
              {t("nav.signedInAs", { name: account.displayName, role: t(`role.${account.role}`) })}
            </span>
            {onSignOut && (
              <button type="button" className="secondary" onClick={onSignOut}>
                {t("nav.signOut")}
              </button>
            )}
          </>
        )}
      </div>
    </header>
  );
}
