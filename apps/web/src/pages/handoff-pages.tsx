import { useEffect, useState } from "react";
import { ApiError, exchangeHandoff, type Session } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { navigate } from "../router.tsx";
import { useSiteConfig } from "../site-config.ts";
import { CounterList, StoreLinks } from "./counters.tsx";

/**
 * /reader/{reference}#code: where the chip reader QR code leads. With the operator's reader app
 * installed the phone opens the app instead (it takes the code from this address); this page is what a
 * phone without it sees: the store links where the operator has an app, otherwise plainly what to do
 * instead. It never spends the code: the app must still be able to.
 */
export function ReaderPage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const site = useSiteConfig();
  if (!site) return <p>{t("app.loading")}</p>;
  const { available, ios, android } = site.chipReader;
  return (
    <>
      <h1>{t("reader.title")}</h1>
      {available ? (
        <>
          <p>{t("reader.intro", { ref: reference })}</p>
          <p>{t("reader.install")}</p>
          <StoreLinks ios={ios} android={android} handoff={window.location.href} />
        </>
      ) : (
        <>
          <p className="alert alert-info">{t("reader.noApp")}</p>
          <ul className="instead">
            <li>{t("reader.insteadJpki")}</li>
            <li>{t("reader.insteadMrz")}</li>
            <li>{t("reader.insteadCounter")}</li>
          </ul>
          <CounterList counters={site.counters} />
        </>
      )}
    </>
  );
}

/** One exchange per code, however often the page's effect runs. */
const exchanges = new Map<string, Promise<Session>>();

/**
 * /continue/{reference}#code: the phone's side of "continue on your phone". The hand-off code is
 * exchanged once for this tab's own session, and the application opens where the other screen was.
 */
export function ContinuePage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const code = window.location.hash.replace(/^#/, "");
    if (!code) {
      setProblem(t("continue.invalid"));
      return;
    }
    let exchange = exchanges.get(code);
    if (!exchange) {
      exchange = exchangeHandoff(reference, code);
      exchanges.set(code, exchange);
    }
    exchange.then(
      (session) => navigate(`/application/${session.reference}`),
      (err) => {
        const code = err instanceof ApiError ? err.problem.code : "";
        setProblem(
          t(
            code === "handoff_used"
              ? "continue.used"
              : code === "handoff_expired"
                ? "continue.expired"
                : "continue.invalid",
          ),
        );
      },
    );
  }, [reference]);
  return (
    <>
      <h1>{t("continue.title")}</h1>
      {problem ? (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      ) : (
        <p role="status">{t("continue.working")}</p>
      )}
    </>
  );
}
