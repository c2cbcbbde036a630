import { useEffect, useState } from "react";
import { exchangeHandoff } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { Redirect } from "../router.tsx";

/**
 * Where a hand-off QR code shown on another device leads (/continue/{reference}#token): the token in
 * the fragment is traded once for this tab's own session, then the application opens here.
 */
export function ContinuePage({ reference }: { reference: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<"opening" | "open" | "failed">("opening");
  useEffect(() => {
    const token = window.location.hash.slice(1);
    // The token leaves the address bar (and the history) at once.
    window.history.replaceState(null, "", window.location.pathname);
    if (!token) {
      setState("failed");
      return;
    }
    exchangeHandoff(reference, token).then(
      () => setState("open"),
      () => setState("failed"),
    );
  }, [reference]);
  if (state === "open") return <Redirect to={`/application/${encodeURIComponent(reference)}`} />;
  return (
    <section>
      <h1>{t("continue.title")}</h1>
      {state === "opening" ? (
        <p role="status">{t("continue.opening")}</p>
      ) : (
        <p role="alert" className="error">
          {t("continue.failed")}
        </p>
      )}
    </section>
  );
}
