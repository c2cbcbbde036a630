import { prefectures } from "@jitsumei/domain/prefectures";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import {
  type Answer,
  type ApplicationView,
  answer,
  applicationParams,
  client,
  type Particulars,
  requestHandoff,
  type Session,
} from "../api.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { useLocation } from "../router.tsx";
import { Button, Checks, problemMessage } from "../ui.tsx";

type Status = Answer<"/v1/applications/{reference}/digital-auth", "get">;
type Card = NonNullable<Status["card"]>;

/** 東京都千代田区千代田一丁目1番1号 → prefecture, city (up to the first 市/区/町/村), the rest. */
export function splitCardAddress(address: string): { prefecture: string; city: string; line1: string } | null {
  const prefecture = prefectures.find((p) => address.startsWith(p));
  if (!prefecture) return null;
  const rest = address.slice(prefecture.length);
  const city = /^.+?[市区町村]/.exec(rest)?.[0] ?? "";
  const line1 = rest.slice(city.length);
  return city && line1 ? { prefecture, city, line1 } : null;
}

/** The form with the card's particulars taken (the card is the proof of them); the rest as typed. */
function withCard(applicant: Particulars, card: Card): Particulars {
  const split = splitCardAddress(card.address);
  return {
    ...applicant,
    name: { ...applicant.name, kanji: card.name.replace(/\u3000/g, " ") },
    birthDate: card.birthDate,
    ...(card.sex !== "unspecified" ? { sex: card.sex } : {}),
    ...(split && applicant.address ? { address: { postalCode: applicant.address.postalCode, ...split } } : {}),
  };
}

/** A phone (or tablet): the app is on this device. A PC shows a QR code that continues on the phone. */
const onPhone = () => typeof window.matchMedia === "function" && window.matchMedia("(pointer: coarse)").matches;

const failures = new Set([
  "cancelled",
  "pin_incorrect",
  "pin_locked",
  "card_locked",
  "certificate_expired",
  "certificate_revoked",
  "timeout",
  "failed",
]);

/**
 * JPKI through the Digital Agency's Digital Authentication App: a button that sends this browser to
 * the app (on a phone, the app on the same phone), and, back from it (?digitalAuth=outcome), the
 * outcome in the applicant's language with the JPKI checks; a passing signature moves on.
 */
export function DigitalAuth(props: {
  session: Session;
  onView: (v: ApplicationView) => void;
  onDone: () => void;
  onFixParticulars: () => void;
}) {
  const { t } = useI18n();
  const { session } = props;
  const { search } = useLocation();
  const returned = search.get("digitalAuth");
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    answer(client.GET("/v1/applications/{reference}/digital-auth", { params: applicationParams(session) })).then(
      async (s) => {
        if (stopped) return;
        setStatus(s);
        if (returned === "signed" || returned === "checks_failed") {
          props.onView(
            await answer(client.GET("/v1/applications/{reference}", { params: applicationParams(session) })),
          );
          if (returned === "signed" && !s.card && s.checks.every((c) => c.status !== "fail"))
            setTimeout(() => props.onDone(), 1500);
        }
      },
      (error) => !stopped && setMessage(problemMessage(error, t)),
    );
    return () => {
      stopped = true;
    };
  }, [returned]);

  async function takeCard(card: Card) {
    setBusy(true);
    try {
      const view = await answer(client.GET("/v1/applications/{reference}", { params: applicationParams(session) }));
      if (!view.applicant) return;
      await answer(
        client.PUT("/v1/applications/{reference}/applicant", {
          params: applicationParams(session),
          body: withCard(view.applicant, card),
        }),
      );
      // A fresh page: the wizard's form follows the stored particulars, and the applicant signs again.
      window.location.assign(`/application/${encodeURIComponent(session.reference)}?digitalAuth=updated`);
    } catch (error) {
      setMessage(problemMessage(error, t));
      setBusy(false);
    }
  }

  async function open() {
    setBusy(true);
    setMessage(null);
    try {
      const started = await answer(
        client.POST("/v1/applications/{reference}/digital-auth/start", { params: applicationParams(session) }),
      );
      window.location.assign(started.authorizationUrl);
    } catch (error) {
      setMessage(problemMessage(error, t));
      setBusy(false);
    }
  }

  if (status && !status.available) {
    return (
      <div className="card">
        <p>{t("digitalAuth.unavailable")}</p>
      </div>
    );
  }
  if (!returned && !onPhone() && status) {
    return <OnThePhone session={session} since={status.startedAt} onView={props.onView} onDone={props.onDone} />;
  }
  const signed = returned === "signed" || returned === "checks_failed";
  const failedChecks = status?.checks.some((c) => c.status === "fail") ?? false;
  const particularsDiffer = status?.checks.some(
    (c) => c.status === "fail" && /particular|name|address|birth|sex/.test(c.code),
  );
  return (
    <div className="card handoff">
      <h2>{t("digitalAuth.title")}</h2>
      <div className="live" role="status" aria-live="polite">
        {signed && status && (
          <p className={failedChecks ? "error" : "ok"}>
            {t(failedChecks ? "digitalAuth.checksFailed" : "digitalAuth.signed")}
          </p>
        )}
        {returned === "updated" && <p>{t("digitalAuth.updated")}</p>}
        {returned && failures.has(returned) && (
          <p className="error">{t(`digitalAuth.error.${returned}` as MessageKey)}</p>
        )}
        {message && <p className="error">{message}</p>}
      </div>
      {signed && status && <Checks checks={status.checks} />}
      {signed && status?.card && (
        <>
          <p>
            {t("digitalAuth.cardSays", {
              name: status.card.name,
              birthDate: status.card.birthDate,
              address: status.card.address,
            })}
          </p>
          <Button busy={busy} onClick={() => status.card && takeCard(status.card)}>
            {t("digitalAuth.takeCard")}
          </Button>
        </>
      )}
      {signed && particularsDiffer && (
        <Button variant="secondary" onClick={props.onFixParticulars}>
          {t("digitalAuth.fixParticulars")}
        </Button>
      )}
      {(!signed || failedChecks) && (
        <>
          <ol className="handoff-steps">
            {t("digitalAuth.steps")
              .split(/\s*\d\.\s+/)
              .filter(Boolean)
              .map((s) => (
                <li key={s}>{s}</li>
              ))}
          </ol>
          <Button busy={busy} onClick={open}>
            {busy ? t("digitalAuth.opening") : t("digitalAuth.open")}
          </Button>
        </>
      )}
    </div>
  );
}

/**
 * From a PC: a QR code (a single-use hand-off, never the access token) opens the application on the
 * phone, where the applicant signs with the app; this page polls and moves on when the phone is done.
 */
function OnThePhone(props: {
  session: Session;
  since: string | null;
  onView: (v: ApplicationView) => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { session } = props;
  const [qr, setQr] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<Status | null>(null);
  const [here, setHere] = useState(false);

  useEffect(() => {
    requestHandoff(session, "continue_on_phone")
      .then((h) => QRCode.toDataURL(h.url, { margin: 2, width: 240, errorCorrectionLevel: "M" }))
      .then(setQr, (error) => setMessage(problemMessage(error, t)));
  }, [session.reference]);

  useEffect(() => {
    if (result) return;
    let stopped = false;
    const tick = async () => {
      try {
        const s = await answer(
          client.GET("/v1/applications/{reference}/digital-auth", { params: applicationParams(session) }),
        );
        if (stopped) return;
        const newer = s.startedAt !== null && s.startedAt !== props.since;
        if (newer && s.outcome && s.outcome !== "pending") {
          setResult(s);
          props.onView(
            await answer(client.GET("/v1/applications/{reference}", { params: applicationParams(session) })),
          );
          if (s.outcome === "signed" && !s.card && s.checks.every((c) => c.status !== "fail"))
            setTimeout(() => props.onDone(), 1500);
          return;
        }
      } catch {
        // a dropped connection: try again at the next tick
      }
      if (!stopped) timer = setTimeout(tick, 2000);
    };
    let timer = setTimeout(tick, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [result]);

  if (here) return <DigitalAuthHere {...props} />;
  const outcome = result?.outcome ?? null;
  const signed = outcome === "signed" || outcome === "checks_failed";
  const failedChecks = result?.checks.some((c) => c.status === "fail") ?? false;
  return (
    <div className="card handoff">
      <h2>{t("digitalAuth.pcTitle")}</h2>
      <ol className="handoff-steps">
        {t("digitalAuth.pcSteps")
          .split(/\s*\d\.\s+/)
          .filter(Boolean)
          .map((s) => (
            <li key={s}>{s}</li>
          ))}
      </ol>
      {/* Once the phone has signed, the code is spent: no QR code to scan again. */}
      {qr && !signed && (
        <img
          src={qr}
          width={240}
          height={240}
          alt={t("digitalAuth.qrAlt", { ref: session.reference })}
          className="qr"
        />
      )}
      <div className="live" role="status" aria-live="polite">
        {!result && (
          <p className="waiting">
            <span className="spinner" aria-hidden="true" /> {t("digitalAuth.waiting")}
          </p>
        )}
        {signed && (
          <p className={failedChecks ? "error" : "ok"}>
            {t(failedChecks ? "digitalAuth.checksFailed" : "digitalAuth.signed")}
          </p>
        )}
        {outcome && failures.has(outcome) && <p className="error">{t(`digitalAuth.error.${outcome}` as MessageKey)}</p>}
        {message && <p className="error">{message}</p>}
      </div>
      {result && <Checks checks={result.checks} />}
      {result && (!signed || failedChecks) && (
        <Button variant="secondary" onClick={() => setResult(null)}>
          {t("app.retry")}
        </Button>
      )}
      {!signed && (
        <p className="small">
          <button type="button" className="link-button" onClick={() => setHere(true)}>
            {t("digitalAuth.thisDevice")}
          </button>
        </p>
      )}
    </div>
  );
}

/** The button that opens the app on this device (used from OnThePhone's "the app is on this device"). */
function DigitalAuthHere(props: { session: Session }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function open() {
    setBusy(true);
    try {
      const started = await answer(
        client.POST("/v1/applications/{reference}/digital-auth/start", { params: applicationParams(props.session) }),
      );
      window.location.assign(started.authorizationUrl);
    } catch (error) {
      setMessage(problemMessage(error, t));
      setBusy(false);
    }
  }
  return (
    <div className="card handoff">
      <h2>{t("digitalAuth.title")}</h2>
      {message && <p className="error">{message}</p>}
      <Button busy={busy} onClick={open}>
        {busy ? t("digitalAuth.opening") : t("digitalAuth.open")}
      </Button>
    </div>
  );
}
