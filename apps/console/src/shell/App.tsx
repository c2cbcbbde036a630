import { useCallback, useEffect, useState } from "react";
import { InventoryPage } from "../admin/InventoryPage.tsx";
import { PackagesPage } from "../admin/PackagesPage.tsx";
import { RefundsPage } from "../admin/RefundsPage.tsx";
import { StaffPage } from "../admin/StaffPage.tsx";
import type { StaffAccount, StaffSession } from "../api/answers.ts";
import { ApiProblem, answer, api, setCsrfToken } from "../api/client.ts";
import { AuditPage } from "../compliance/AuditPage.tsx";
import { PlansPage } from "../compliance/PlansPage.tsx";
import { PoliciesPage } from "../compliance/PoliciesPage.tsx";
import { RecordsPage } from "../compliance/RecordsPage.tsx";
import { CounterPage } from "../counter/CounterPage.tsx";
import { LookupPage } from "../counter/LookupPage.tsx";
import { DashboardPage } from "../dashboard/DashboardPage.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { CasePage } from "../review/CasePage.tsx";
import { QueuePage } from "../review/QueuePage.tsx";
import { LoginPage } from "../session/LoginPage.tsx";
import { PasswordPage } from "../session/PasswordPage.tsx";
import { ShippingPage } from "../shipping/ShippingPage.tsx";
import { type PageName, pagesFor } from "./access.ts";
import { Header } from "./Header.tsx";
import { Link } from "./Link.tsx";
import { navigate, type Route, useRoute } from "./router.ts";

type SessionState = { status: "loading" } | { status: "signed_out" } | { status: "signed_in"; session: StaffSession };

export function App() {
  const { t } = useI18n();
  const route = useRoute();
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const signedIn = useCallback((session: StaffSession) => {
    setCsrfToken(session.csrfToken);
    setState({ status: "signed_in", session });
  }, []);

  const reload = useCallback(async () => {
    try {
      signedIn(await answer(api.GET("/v1/staff/session")));
    } catch (e) {
      if (e instanceof ApiProblem && (e.status === 401 || e.status === 403)) setState({ status: "signed_out" });
      else throw e;
    }
  }, [signedIn]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function signOut() {
    await api.DELETE("/v1/staff/session").catch(() => undefined);
    setCsrfToken(null);
    // The next person to sign in starts at home, not on the page (a case, say) the last one left open.
    navigate({ page: "home" });
    setState({ status: "signed_out" });
  }

  if (state.status === "loading") {
    return (
      <>
        <Header />
        <main id="main">
          <p>{t("common.loading")}</p>
        </main>
      </>
    );
  }
  if (state.status === "signed_out") {
    return (
      <>
        <Header />
        <LoginPage onSignedIn={signedIn} />
      </>
    );
  }
  const { account } = state.session;
  if (account.mustChangePassword) {
    return (
      <>
        <Header account={account} onSignOut={signOut} />
        <PasswordPage onChanged={reload} />
      </>
    );
  }
  const pages = pagesFor(account.role);
  return (
    <>
      <Header account={account} onSignOut={signOut} pages={pages} route={route} />
      <main id="main">
        <Page route={route} pages={pages} account={account} />
      </main>
    </>
  );
}

function Page({ route, pages, account }: { route: Route; pages: PageName[]; account: StaffAccount }) {
  const name = account.displayName;
  const { t } = useI18n();
  const allowed = (page: PageName) => pages.includes(page);
  switch (route.page) {
    case "home":
      return (
        <>
          <h1>{t("home.title", { name })}</h1>
          <p>{pages.length > 0 ? t("home.intro") : t("home.nothing")}</p>
        </>
      );
    case "queue":
      if (allowed("queue")) return <QueuePage />;
      break;
    case "case":
      if (allowed("queue")) return <CasePage reference={route.reference} account={account} />;
      break;
    case "counter":
      if (allowed("counter")) return <CounterPage />;
      break;
    case "lookup":
      if (allowed("lookup")) return <LookupPage account={account} />;
      break;
    case "shipping":
      if (allowed("shipping")) return <ShippingPage />;
      break;
    case "inventory":
      if (allowed("inventory")) return <InventoryPage />;
      break;
    case "packages":
      if (allowed("packages")) return <PackagesPage />;
      break;
    case "refunds":
      if (allowed("refunds")) return <RefundsPage />;
      break;
    case "staff":
      if (allowed("staff")) return <StaffPage />;
      break;
    case "dashboard":
      if (allowed("dashboard")) return <DashboardPage />;
      break;
    case "records":
      if (allowed("records")) return <RecordsPage />;
      break;
    case "audit":
      if (allowed("audit")) return <AuditPage />;
      break;
    case "policies":
      if (allowed("policies")) return <PoliciesPage />;
      break;
    case "plans":
      if (allowed("plans")) return <PlansPage account={account} />;
      break;
    case "not_found":
      return <h1>{t("notFound.title")}</h1>;
  }
  // A page that exists, but not for this role: say so, and where to go.
  return (
    <>
      <h1>{t("notAllowed.title")}</h1>
      <p>
        {t("notAllowed.body")} <Link to={{ page: "home" }}>{t("notAllowed.home")}</Link>
      </p>
    </>
  );
}
