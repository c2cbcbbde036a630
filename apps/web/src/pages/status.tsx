import JsBarcode from "jsbarcode";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  type Answer,
  ApiError,
  type ApplicationState,
  type ApplicationView,
  answer,
  applicationParams,
  type ContractView,
  client,
  type DepositView,
  type DocumentInfo,
  download,
  type KonbiniSlip,
  type Plan,
  type PurchaseView,
  type Session,
  type Shipment,
} from "../api.ts";
import { ContactLine } from "../contact-line.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { usePhoneFormat } from "../phone-format.ts";
import { Link } from "../router.tsx";
import { useSiteConfig } from "../site-config.ts";
import {
  Button,
  Checks,
  ConsentCheckbox,
  ErrorSummary,
  Field,
  type FieldErrors,
  inputId,
  problemMessage,
  TestCardField,
  useApplication,
  WithReference,
} from "../ui.tsx";
import { EsimPanel } from "./esim-panel.tsx";
import { NumberPortPanel } from "./number-port.tsx";
import { usePlans } from "./plans.tsx";
import { SignInForm } from "./sign-in.tsx";
import { CheckedCorrection, CorrectionBox } from "./wizard.tsx";

const stateKey = (s: ApplicationState, part: "title" | "next" | "usually") => `state.${s}.${part}` as MessageKey;

/** What happens next, said for the SIM the applicant chose: an eSIM is never posted, a card never scanned. */
const stateTextKey = (s: ApplicationState, part: "next" | "usually", sim: "physical" | "esim" | "inHand") =>
  (s === "sim_assigned" ? `state.sim_assigned.${sim}.${part}` : stateKey(s, part)) as MessageKey;

/**
 * Which SIM the applicant has: an eSIM, a card we post, or a card already in hand (a retail package
 * bought in a shop), which is never posted and is activated from this page.
 */
function simOf(view: { channel: string; formFactor: "physical" | "esim" }): "physical" | "esim" | "inHand" {
  if (view.formFactor === "esim") return "esim";
  return view.channel === "retail_package" ? "inHand" : "physical";
}

/** A data-only line's number (020, M2M) is never shown: the applicant has no phone number to use. */
export function isDataOnly(plan: Plan | undefined, msisdn: string): boolean {
  return plan ? !plan.services.includes("voice") : msisdn.replace(/\D/g, "").startsWith("020");
}

export function StatusPage({ reference }: { reference: string }) {
  const { t, date } = useI18n();
  const app = useApplication(reference, 4000);
  const { plans } = usePlans();
  const formatPhone = usePhoneFormat();
  const { view, session } = app;
  if (!session) return <SignInForm reference={reference} onOpen={app.setSession} />;
  if (app.error && !view) {
    return (
      <>
        <p role="alert">{problemMessage(app.error, t)}</p>
        <ContactLine />
        <SignInForm reference={reference} onOpen={app.setSession} />
      </>
    );
  }
  if (!view) return <p>{t("app.loading")}</p>;
  const s = view.state;
  const plan = plans?.find((p) => p.id === view.planId);
  const afterIssue = ["sim_assigned", "in_delivery", "delivered", "active"].includes(s);
  const final = ["active", "rejected", "cancelled", "expired"].includes(s);
  return (
    <>
      <h1>
        <WithReference text={t("status.title", { ref: "\u0000" })} reference={view.reference} />
      </h1>
      <section className={`card state state-${s}`} aria-labelledby="state-title">
        <p className="small muted">{t("status.now")}</p>
        <div role="status" aria-live="polite">
          <h2 id="state-title">{t(stateKey(s, "title"))}</h2>
        </div>
        <p>{t(stateTextKey(s, "next", simOf(view)))}</p>
        <p className="small">
          <strong>{t("status.usually")}: </strong>
          {t(stateTextKey(s, "usually", simOf(view)))}
        </p>
        <p className="small muted">
          {view.submittedAt ? `${t("status.submitted", { date: date(view.submittedAt) })} · ` : ""}
          {t("status.updated", { date: date(view.updatedAt, true) })}
        </p>
        {!final && <p className="small muted">{t("status.live")}</p>}
      </section>
      {/* Refused, withdrawn or lapsed: who to ask why, or what now. */}
      {["rejected", "cancelled", "expired"].includes(s) && <ContactLine />}

      {view.announcements.map((a) => (
        <section key={a.id} className="alert alert-info" aria-label={a.title}>
          <h2>{a.title}</h2>
          <p>{a.body}</p>
        </section>
      ))}

      {s === "correction_requested" && (
        <>
          {view.correction ? <CorrectionBox correction={view.correction} /> : <CheckedCorrection view={view} />}
          {view.needs.some((n) => n.field === "evidence.jpki") && (
            <p className="alert alert-warning">{t("correction.signAgain")}</p>
          )}
          <Link to={`/application/${reference}`} className="button button-primary">
            {t("status.continue")}
          </Link>
        </>
      )}
      {s === "draft" && (
        <Link to={`/application/${reference}`} className="button button-primary">
          {t("status.continue")}
        </Link>
      )}
      {(s === "rejected" || s === "in_review") && view.decision && view.decision.reasons.length > 0 && (
        <Checks checks={view.decision.reasons} title={t("status.checks")} />
      )}
      {plan?.services.includes("voice") && !["rejected", "cancelled", "expired"].includes(s) && (
        <NumberPortPanel session={session} canChange={!afterIssue && s !== "draft"} applicationState={s} />
      )}
      {s === "contract_pending" && <ContractPanel session={session} onChange={app.reload} />}
      {s === "deposit_pending" && <DepositPanel session={session} version={view.updatedAt} onChange={app.reload} />}
      {s === "payment_pending" && <PurchasePanel session={session} version={view.updatedAt} onChange={app.reload} />}
      {(s === "cancelled" || s === "expired") && <RefundNote session={session} />}
      {/* The QR code installs the profile once: after activation it is installed, and not shown again. */}
      {afterIssue && view.line?.formFactor === "esim" && (
        <EsimDownload session={session} view={view} active={s === "active"} onChange={app.reload} />
      )}
      {simOf(view) === "physical" && ["sim_assigned", "in_delivery", "delivered"].includes(s) && (
        <ShipmentPanel session={session} state={s} />
      )}
      {((s === "sim_assigned" && simOf(view) !== "physical") || s === "delivered") && (
        <ActivationPanel session={session} view={view} onChange={app.reload} />
      )}
      {s === "active" && view.line && (
        <p className="card ok big">
          {isDataOnly(plan, view.line.msisdn)
            ? t("activation.doneData")
            : t("activation.done", { msisdn: formatPhone(view.line.msisdn) })}
        </p>
      )}
      <p className="links">
        <Link to={`/status/${reference}/documents`}>{t("status.documents")}</Link>
        <button type="button" className="link-button" onClick={() => void app.reload()}>
          {t("status.refresh")}
        </button>
      </p>
      <History session={session} version={view.updatedAt} />
      {/* In transit the card is out of our hands: withdrawing waits until it arrives (or comes back). */}
      {s === "in_delivery" ? (
        <p className="card small">{t("status.cancelInTransit")}</p>
      ) : (
        !final && <CancelButton session={session} onChange={app.reload} />
      )}
    </>
  );
}

function History({ session, version }: { session: Session; version: string }) {
  const { t, date } = useI18n();
  const [items, setItems] = useState<Answer<"/v1/applications/{reference}/events", "get">["items"]>([]);
  useEffect(() => {
    answer(
      client.GET("/v1/applications/{reference}/events", {
        params: { ...applicationParams(session), query: { limit: 100 } },
      }),
    ).then(
      (r) => setItems(r.items),
      () => {},
    );
  }, [version]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("status.history")}</h2>
      <ol className="history">
        {items.map((e) => (
          <li key={e.version}>
            <time dateTime={e.at}>{date(e.at, true)}</time> {t(stateKey(e.to, "title"))}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CancelButton({ session, onChange }: { session: Session; onChange: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <p>
      <Button
        variant="danger"
        busy={busy}
        onClick={async () => {
          if (!window.confirm(t("status.cancelConfirm"))) return;
          setBusy(true);
          await answer(
            client.POST("/v1/applications/{reference}/cancel", {
              params: applicationParams(session, { idempotent: true }),
            }),
          ).catch(() => {});
          setBusy(false);
          onChange();
        }}
      >
        {t("status.cancel")}
      </Button>
    </p>
  );
}

function ContractPanel({ session, onChange }: { session: Session; onChange: () => void }) {
  const { t, number } = useI18n();
  const [contract, setContract] = useState<ContractView | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    answer(client.GET("/v1/applications/{reference}/contract", { params: applicationParams(session) })).then(
      setContract,
      (e) => setMessage(problemMessage(e, t)),
    );
  }, [session, t]);
  const doc = (kind: DocumentInfo["kind"]) => contract?.documents.find((d) => d.kind === kind);
  async function sign(e: FormEvent) {
    e.preventDefault();
    if (!accepted) {
      setErrors({ accept: t("error.required") });
      setMessage(t("error.summary"));
      return;
    }
    setBusy(true);
    try {
      await answer(
        client.POST("/v1/applications/{reference}/contract/signature", {
          params: applicationParams(session, { idempotent: true }),
          body: {
            accept: true,
            // A document not there to sign (never, once the contract loaded) is refused by the server, naming it.
            documents: {
              importantMatters: doc("important_matters")?.sha256 ?? "",
              contract: doc("contract")?.sha256 ?? "",
            },
          },
        }),
      );
      setMessage(null);
      onChange();
    } catch (err) {
      setMessage(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="card" onSubmit={sign} noValidate aria-labelledby="contract-title">
      <h2 id="contract-title">{t("contract.title")}</h2>
      <p>{t("contract.intro")}</p>
      <ErrorSummary message={message} fields={errors} />
      <ul className="documents">
        {(["important_matters", "contract"] as const).map((kind) => {
          const d = doc(kind);
          return d ? (
            <li key={kind}>
              <button
                type="button"
                className="link-button"
                onClick={() => download(session, d).catch((e) => setMessage(problemMessage(e, t)))}
              >
                {t("contract.read", { name: t(`contract.${kind}`), size: number(Math.ceil(d.sizeBytes / 1024)) })}
              </button>
            </li>
          ) : null;
        })}
      </ul>
      <ConsentCheckbox
        name="accept"
        label={t("contract.accept")}
        checked={accepted}
        onChange={setAccepted}
        error={errors.accept}
      />
      <Button type="submit" busy={busy} disabled={!contract}>
        {t("contract.sign")}
      </Button>
    </form>
  );
}

/**
 * The deposit the contract states, paid before the SIM is issued: by card, or with a konbini slip the
 * store's report pays (the page polls, so it moves on by itself once the payment arrives).
 */
function DepositPanel({ session, version, onChange }: { session: Session; version: string; onChange: () => void }) {
  const { t, yen } = useI18n();
  const [deposit, setDeposit] = useState<DepositView | null>(null);
  const [card, setCard] = useState("tok_test_ok");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<"card" | "konbini" | null>(null);
  const load = () =>
    answer(client.GET("/v1/applications/{reference}/deposit", { params: applicationParams(session) })).then(
      setDeposit,
      (e) => setMessage(problemMessage(e, t)),
    );
  useEffect(() => {
    void load();
  }, [session, version]);
  async function pay(method: "card" | "konbini") {
    setBusy(method);
    try {
      await answer(
        client.POST("/v1/applications/{reference}/deposit/payments", {
          params: applicationParams(session, { idempotent: true }),
          body: method === "card" ? { method, cardToken: card } : { method },
        }),
      );
      setMessage(null);
      await load();
      onChange();
    } catch (err) {
      setMessage(problemMessage(err, t));
    } finally {
      setBusy(null);
    }
  }
  if (!deposit) return message ? <p role="alert">{message}</p> : null;
  const amount = yen(deposit.amountJpy);
  return (
    <section className="card" aria-labelledby="deposit-title">
      <h2 id="deposit-title">{t("deposit.title")}</h2>
      <p className="big">{t("deposit.amount", { amount })}</p>
      {deposit.reasons.length > 0 && (
        <>
          <p>{t("deposit.why")}</p>
          <ul>
            {deposit.reasons.map((r) => (
              <li key={r.code}>{r.text}</li>
            ))}
          </ul>
        </>
      )}
      <ErrorSummary message={message} />
      {deposit.status === "paid" ? (
        <p className="ok">{t("deposit.paid")}</p>
      ) : deposit.konbini ? (
        <KonbiniSlipBox slip={deposit.konbini} />
      ) : (
        <PayByCardOrKonbini
          id="deposit"
          payLabel={t("deposit.pay", { amount })}
          card={card}
          onCard={setCard}
          busy={busy}
          pay={pay}
        />
      )}
    </section>
  );
}

/**
 * A prepaid plan sold online is paid for before its SIM is released: by card (the test gateway's
 * tokens, as the deposit) or with a konbini slip, which the store's report pays; the page polls, so
 * it moves on by itself once the payment arrives.
 */
function PurchasePanel({ session, version, onChange }: { session: Session; version: string; onChange: () => void }) {
  const { t, yen, date } = useI18n();
  const [purchase, setPurchase] = useState<PurchaseView | null>(null);
  const [card, setCard] = useState("tok_test_ok");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<"card" | "konbini" | null>(null);
  const load = () =>
    answer(client.GET("/v1/applications/{reference}/purchase", { params: applicationParams(session) })).then(
      setPurchase,
      (e) => setMessage(problemMessage(e, t)),
    );
  useEffect(() => {
    void load();
  }, [session, version]);
  async function pay(method: "card" | "konbini") {
    setBusy(method);
    try {
      await answer(
        client.POST("/v1/applications/{reference}/purchase/payments", {
          params: applicationParams(session, { idempotent: true }),
          body: method === "card" ? { method, cardToken: card } : { method },
        }),
      );
      setMessage(null);
      await load();
      onChange();
    } catch (err) {
      setMessage(problemMessage(err, t));
    } finally {
      setBusy(null);
    }
  }
  if (!purchase) return message ? <p role="alert">{message}</p> : null;
  const amount = yen(purchase.amountJpy);
  return (
    <section className="card" aria-labelledby="purchase-title">
      <h2 id="purchase-title">{t("purchase.title")}</h2>
      <p className="big">{t("purchase.amount", { amount })}</p>
      <p className="small">{t("purchase.tax", { tax: yen(purchase.consumptionTaxJpy) })}</p>
      {purchase.payBy && !purchase.konbini && <p>{t("purchase.payBy", { date: date(purchase.payBy) })}</p>}
      <ErrorSummary message={message} />
      {purchase.status === "paid" ? (
        <p className="ok">{t("purchase.paid")}</p>
      ) : purchase.konbini ? (
        <KonbiniSlipBox slip={purchase.konbini} />
      ) : (
        <PayByCardOrKonbini
          id="purchase"
          payLabel={t("purchase.payCard", { amount })}
          card={card}
          onCard={setCard}
          busy={busy}
          pay={pay}
        />
      )}
    </section>
  );
}

/** What to take to the convenience store's till or kiosk. */
function KonbiniSlipBox({ slip }: { slip: KonbiniSlip }) {
  const { t, date } = useI18n();
  const till = useSiteConfig()?.konbiniTill ?? null;
  return (
    <section aria-labelledby="slip-title" className="slip">
      <h3 id="slip-title">{t("purchase.slipTitle")}</h3>
      <dl>
        <dt>{t("purchase.paymentNumber")}</dt>
        <dd className="mono code-box" lang="en">
          {slip.paymentNumber}
        </dd>
        {slip.confirmationNumber && (
          <>
            <dt>{t("purchase.confirmationNumber")}</dt>
            <dd className="mono code-box" lang="en">
              {slip.confirmationNumber}
            </dd>
          </>
        )}
        <dt>{t("purchase.barcode")}</dt>
        <dd>
          <SlipBarcode digits={slip.barcode} label={t("purchase.barcode")} />
          <span className="mono small block" lang="en">
            {slip.barcode}
          </span>
        </dd>
      </dl>
      <p>{t("purchase.slipExpires", { date: date(slip.expiresAt, true) })}</p>
      <p className="small">{t("purchase.slipHint")}</p>
      <p className="small">{t("purchase.slipMailed")}</p>
      {till && (
        <p className="small muted">
          <a href={till} target="_blank" rel="noopener noreferrer">
            {t("purchase.demoTill")}
          </a>
        </p>
      )}
    </section>
  );
}

/**
 * The slip's barcode as the till scans it: GS1-128 (Code 128 with FNC1, the convenience stores'
 * 収納代行 barcode), drawn as SVG from the digits the provider gave.
 */
function SlipBarcode({ digits, label }: { digits: string; label: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (ref.current)
      JsBarcode(ref.current, digits, { format: "CODE128C", ean128: true, displayValue: false, height: 80, margin: 12 });
  }, [digits]);
  return <svg ref={ref} role="img" aria-label={label} className="barcode" />;
}

/** A cancelled or expired application that had paid for its plan: the refund, as it stands. */
function RefundNote({ session }: { session: Session }) {
  const { t, yen } = useI18n();
  const [purchase, setPurchase] = useState<PurchaseView | null>(null);
  useEffect(() => {
    answer(client.GET("/v1/applications/{reference}/purchase", { params: applicationParams(session) })).then(
      setPurchase,
      () => setPurchase(null),
    );
  }, [session]);
  const refunded = purchase?.payments.find((p) => p.status === "refunded" && p.refundedJpy > 0);
  if (refunded) {
    return <p className="card ok">{t("purchase.refunded", { amount: yen(refunded.refundedJpy) })}</p>;
  }
  if (purchase?.status === "refunding") {
    return <p className="card">{t("purchase.refunding", { amount: yen(purchase.amountJpy) })}</p>;
  }
  return null;
}

/**
 * Where the eSIM stands on the phone, as the SM-DP+ reported it: installed, or failed (or deleted)
 * with a new download offered; before that, the QR code. After activation the QR code is not shown.
 */
function EsimDownload({
  session,
  view,
  active,
  onChange,
}: {
  session: Session;
  view: ApplicationView;
  active: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const download = view.line?.esimDownload;
  const code = view.line?.esimActivationCode ?? null;
  async function redownload() {
    setBusy(true);
    try {
      await answer(client.POST("/v1/applications/{reference}/esim/redownload", { params: applicationParams(session) }));
      setMessage(null);
      onChange();
    } catch (err) {
      setMessage(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  if (download?.redownloadOffered) {
    return (
      <section className="card" aria-live="polite">
        <p>{t(download.state === "deleted" ? "esim.deletedFromPhone" : "esim.downloadFailed")}</p>
        {message && <p role="alert">{message}</p>}
        <button type="button" onClick={redownload} disabled={busy}>
          {t("esim.redownload")}
        </button>
      </section>
    );
  }
  if (active) return <p className="card">{t("esim.installed")}</p>;
  if (download?.state === "installed" || download?.state === "enabled") {
    return <p className="card">{t("esim.onPhone")}</p>;
  }
  if (!code) return <p className="card">{t("esim.preparing")}</p>;
  return <EsimPanel code={code} />;
}

/** The carrier by its name in the applicant's language (Japan Post, and its simulator outside production). */
function carrierName(carrier: string, t: (key: MessageKey) => string): string {
  return carrier.startsWith("japan-post") ? t("shipment.carrier.japanPost") : carrier;
}

function ShipmentPanel({ session, state }: { session: Session; state: ApplicationState }) {
  const { t, date } = useI18n();
  const [shipment, setShipment] = useState<Shipment | null | undefined>(undefined);
  // A shipment exists once the card is posted (in_delivery); before that there is nothing to ask for.
  const posted = state === "in_delivery" || state === "delivered";
  useEffect(() => {
    if (!posted) {
      setShipment(null);
      return;
    }
    answer(client.GET("/v1/applications/{reference}/shipment", { params: applicationParams(session) })).then(
      setShipment,
      () => setShipment(null),
    );
  }, [state]);
  return (
    <section className="card" aria-labelledby="shipment-title">
      <h2 id="shipment-title">{t("shipment.title")}</h2>
      {shipment === null && <p>{t("shipment.none")}</p>}
      {shipment && (
        <>
          <p>{t(`shipment.method.${shipment.method}`)}</p>
          <dl className="facts">
            <dt>{t("shipment.carrier")}</dt>
            <dd>{carrierName(shipment.carrier, t)}</dd>
            <dt>{t("shipment.tracking")}</dt>
            <dd>
              <span className="mono">{shipment.trackingNumber}</span>
              <br />
              <a href={shipment.trackingUrl} target="_blank" rel="noopener noreferrer">
                {t("shipment.track")}
              </a>
            </dd>
            <dt>{t("status.now")}</dt>
            <dd>
              {t(`shipment.status.${shipment.status}`)}
              {shipment.deliveredAt ? ` · ${date(shipment.deliveredAt, true)}` : ""}
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}

function ActivationPanel({
  session,
  view,
  onChange,
}: {
  session: Session;
  view: ApplicationView;
  onChange: () => void;
}) {
  const { t, date } = useI18n();
  const [sent, setSent] = useState<{ sentTo: string; expiresAt: string } | null>(null);
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  async function requestCode() {
    setBusy(true);
    try {
      setSent(
        await answer(
          client.POST("/v1/applications/{reference}/activation-code", {
            params: applicationParams(session, { idempotent: true }),
          }),
        ),
      );
      setMessage(null);
    } catch (err) {
      setMessage(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
  async function activate(e: FormEvent) {
    e.preventDefault();
    // One form, one field: its error is said once, under the field (focused), not again in a summary.
    const showError = (text: string) => {
      setErrors({ code: text });
      setMessage(null);
      document.getElementById(inputId("code"))?.focus();
    };
    if (!/^\d{6}$/.test(code.trim())) {
      showError(t("error.codeFormat"));
      return;
    }
    setBusy(true);
    try {
      await answer(
        client.POST("/v1/applications/{reference}/activation", {
          params: applicationParams(session, { idempotent: true }),
          body: { code: code.trim() },
        }),
      );
      setErrors({});
      setMessage(null);
      onChange();
    } catch (err) {
      const c = err instanceof ApiError ? err.problem.code : "";
      const fresh = await answer(
        client.GET("/v1/applications/{reference}", { params: applicationParams(session) }),
      ).catch(() => view);
      const text =
        c === "activation_locked"
          ? t("error.locked")
          : c === "activation_code_invalid" || c === "activation_code_expired" || c === "validation_failed"
            ? t("error.code", { n: fresh.activation.attemptsRemaining })
            : problemMessage(err, t);
      showError(text);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="activation-title">
      <h2 id="activation-title">{t("activation.title")}</h2>
      <p>{t("activation.intro")}</p>
      {view.activation.locked ? (
        <p className="error">{t("error.locked")}</p>
      ) : (
        <>
          <Button variant={sent ? "secondary" : "primary"} busy={busy && !sent} onClick={requestCode}>
            {t("activation.send")}
          </Button>
          {sent && (
            <p role="status" className="ok">
              {t("activation.sent", { to: sent.sentTo, time: date(sent.expiresAt, true) })}
            </p>
          )}
          <form onSubmit={activate} noValidate>
            <ErrorSummary message={message} fields={errors} />
            <Field name="code" label={t("activation.code")} error={errors.code}>
              {(a) => (
                <input
                  {...a}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  className="short mono"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
              )}
            </Field>
            <Button type="submit" busy={busy && Boolean(sent)}>
              {t("activation.activate")}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

export function DocumentsPage({ reference }: { reference: string }) {
  const { t, date, number } = useI18n();
  const app = useApplication(reference);
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const session = app.session;
  // The documents are made by a job after the step that issues them (activation, a signed contract):
  // while there are none yet, the page asks again, so it fills without a reload.
  const empty = docs === null || docs.length === 0;
  useEffect(() => {
    if (!session || !empty) return;
    let live = true;
    const load = () =>
      answer(client.GET("/v1/applications/{reference}/documents", { params: applicationParams(session) })).then(
        (r) => live && setDocs(r.documents),
        (e) => live && setMessage(problemMessage(e, t)),
      );
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, 4000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [session, reference, t, empty]);
  if (!session) return <SignInForm reference={reference} onOpen={app.setSession} />;
  return (
    <>
      <h1>{t("documents.title")}</h1>
      <p>{t("documents.intro")}</p>
      {message && <p role="alert">{message}</p>}
      {docs === null && !message && <p aria-busy="true">{t("app.loading")}</p>}
      {docs && docs.length === 0 && <p>{t("documents.none")}</p>}
      <ul className="documents">
        {docs?.map((d) => (
          <li key={d.id} className="card">
            <strong>{t(`contract.${d.kind}`)}</strong>
            <span className="block small muted">
              {d.documentNumber} · {t("documents.issued", { date: date(d.createdAt) })} ·{" "}
              {number(Math.ceil(d.sizeBytes / 1024))} KB
            </span>
            <Button
              variant="secondary"
              onClick={() => download(session, d).catch((e) => setMessage(problemMessage(e, t)))}
            >
              {t("documents.download")}
            </Button>
          </li>
        ))}
      </ul>
      <p className="links">
        <Link to={`/status/${reference}`}>{t("app.myApplication")}</Link>
      </p>
    </>
  );
}

/** The two ways to pay a sum the page asks for: a card now, or a slip to pay at a convenience store. */
function PayByCardOrKonbini(props: {
  id: string;
  payLabel: string;
  card: string;
  onCard: (card: string) => void;
  busy: "card" | "konbini" | null;
  pay: (method: "card" | "konbini") => Promise<void>;
}) {
  const { t } = useI18n();
  const { id, busy, pay } = props;
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void pay("card");
        }}
        noValidate
        aria-labelledby={`${id}-card`}
      >
        <h3 id={`${id}-card`}>{t("purchase.byCard")}</h3>
        <TestCardField value={props.card} onChange={props.onCard} />
        <Button type="submit" busy={busy === "card"} disabled={busy !== null}>
          {props.payLabel}
        </Button>
      </form>
      <section aria-labelledby={`${id}-konbini`}>
        <h3 id={`${id}-konbini`}>{t("purchase.byKonbini")}</h3>
        <p className="small">{t("purchase.konbiniIntro")}</p>
        <Button
          variant="secondary"
          busy={busy === "konbini"}
          disabled={busy !== null}
          onClick={() => void pay("konbini")}
        >
          {t("purchase.getSlip")}
        </Button>
      </section>
    </>
  );
}
