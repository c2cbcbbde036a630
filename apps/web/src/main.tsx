import "./styles.css";
import { Component, type ReactNode, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { Language } from "./api.ts";
import { ContactLine } from "./contact-line.tsx";
import { I18nProvider, languageNames, languages, useI18n } from "./i18n/index.tsx";
import { AccountPage } from "./pages/account.tsx";
import { ApplyPage } from "./pages/apply.tsx";
import { ContactPage } from "./pages/contact.tsx";
import { ContinuePage, ReaderPage } from "./pages/handoff-pages.tsx";
import { LegalPage } from "./pages/legal.tsx";
import { NumberPortFixedReturnPage, NumberPortReturnPage } from "./pages/number-port.tsx";
import { OneStopPortOutPage } from "./pages/one-stop-port-out.tsx";
import { PlansPage } from "./pages/plans.tsx";
import { RegisterPage } from "./pages/register.tsx";
import { SignInPage } from "./pages/sign-in.tsx";
import { DocumentsPage, StatusPage } from "./pages/status.tsx";
import { WizardPage } from "./pages/wizard.tsx";
import { Link, useLocation } from "./router.tsx";
import { Button } from "./ui.tsx";

function Page() {
  const { path, search } = useLocation();
  const { t } = useI18n();
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0) return <PlansPage />;
  if (first === "apply" && second) return <ApplyPage key={second} planId={second} />;
  if (first === "application" && second) return <WizardPage key={second} reference={second} />;
  if (first === "status" && second && third === "documents") return <DocumentsPage key={second} reference={second} />;
  if (first === "status" && second) return <StatusPage key={second} reference={second} />;
  // Every mail link leads to /sign-in?reference=…; /status without one is the same page.
  if (first === "sign-in" || first === "status") return <SignInPage initialReference={search.get("reference") ?? ""} />;
  if (first === "account") return <AccountPage />;
  if (first === "contact") return <ContactPage />;
  if (first === "number" && second) return <NumberPortReturnPage key={second} reference={second} />;
  if (first === "number-port" && second === "return") return <NumberPortFixedReturnPage />;
  if (first === "port-out" && second === "one-stop") return <OneStopPortOutPage search={search} />;
  if (first === "register") return <RegisterPage initialCode={search.get("code") ?? ""} />;
  if (first === "reader" && second) return <ReaderPage reference={second} />;
  if (first === "continue" && second) return <ContinuePage key={second} reference={second} />;
  if (first === "legal" && (second === "terms" || second === "privacy"))
    return <LegalPage key={second} kind={second} />;
  return <p>{t("app.notFound")}</p>;
}

/**
 * The last guard against a blank page: an error while a page renders (an answer a page did not expect,
 * a bug) shows a message in the applicant's language and a reload, and the header and its language
 * switcher stay. Errors of a request are each page's to word (problemMessage); this catches the rest.
 */
class PageErrorBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function PageFailed() {
  const { t } = useI18n();
  return (
    <>
      <p role="alert">{t("error.page")}</p>
      <ContactLine />
      <p className="actions">
        <Button onClick={() => window.location.reload()}>{t("app.retry")}</Button>
      </p>
    </>
  );
}

function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="language">
      <span className="visually-hidden">{t("app.language")}</span>
      <svg aria-hidden="true" className="globe" viewBox="0 0 24 24" width="22" height="22">
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path
          d="M2.5 12h19M12 2.5c3 3 3 16 0 19M12 2.5c-3 3-3 16 0 19"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      <select value={lang} onChange={(e) => setLang(e.target.value as Language)} aria-label={t("app.language")}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function App() {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        {/* Another address is another page: it gets its own chance. */}
        <PageErrorBoundary key={path} fallback={<PageFailed />}>
          <Page />
        </PageErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t("app.footer")}</p>
        <p className="links">
          <Link to="/account">{t("account.title")}</Link>
          <Link to="/contact">{t("reach.title")}</Link>
        </p>
      </footer>
    </>
  );
}

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
