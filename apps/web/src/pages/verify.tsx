import { wrongCheckDigits } from "@jitsumei/domain/mrz-check-digits";
import QRCode from "qrcode";
import { type ChangeEvent, type FormEvent, type RefObject, useEffect, useState } from "react";
import {
  ApiError,
  type ApplicationView,
  answer,
  applicationParams,
  type Check,
  client,
  type DocumentType,
  type Handoff as HandoffCode,
  type HandoffPurpose,
  type Plan,
  requestHandoff,
  type Session,
} from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { type SiteConfig, useSiteConfig } from "../site-config.ts";
import { Button, Checks, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";
import { CounterList, StoreLinks } from "./counters.tsx";
import { DigitalAuth } from "./digital-auth.tsx";
import { LiveSelfie } from "./live-selfie.tsx";
import { isStrict } from "./plans.tsx";

type Method = "chip" | "jpki" | "mrz" | "counter";

const readKinds = new Set(["chip", "residence_card_chip", "jpki"]);

/**
 * What can prove this document for this plan, here and now: the chip only where the operator has a
 * reader app (a browser cannot read ICAO chips), JPKI for a My Number card, the typed MRZ of a passport
 * where the plan allows it, and a counter that reads the document's chip face to face.
 */
export function methodsFor(plan: Plan, doc: DocumentType, site: SiteConfig): Method[] {
  const methods: Method[] = [];
  if (doc === "my_number_card") methods.push("jpki");
  // The special permanent resident certificate's chip is the residence card's (one ISA specification).
  const chipDocuments: readonly DocumentType[] = [
    "passport",
    "residence_card",
    "special_permanent_resident_certificate",
  ];
  if (chipDocuments.includes(doc) && site.chipReader.available) methods.push("chip");
  if (!isStrict(plan) && doc === "passport") methods.push("mrz");
  if (site.counters.some((c) => c.documents.includes(doc))) methods.push("counter");
  return methods;
}

/**
 * The verification step: the hand-off to the phone that reads the card (a QR code of a single-use
 * hand-off code, never the access key), a live status that moves on when the data arrive; or the typed
 * MRZ; or the counters; and optional photos checked before and at upload.
 */
export function VerifyStep(props: {
  view: ApplicationView;
  plan: Plan;
  session: Session;
  documentType: DocumentType;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onView: (v: ApplicationView) => void;
  onDone: () => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const site = useSiteConfig();
  const methods = site ? methodsFor(props.plan, props.documentType, site) : [];
  const [chosen, setMethod] = useState<Method | null>(null);
  // Particulars signed with the My Number card changed since (a correction): the signature no longer
  // covers them, so the page offers signing again and no way on without it.
  const signAgain = props.view.needs.some((n) => n.field === "evidence.jpki") && methods.includes("jpki");
  const method = chosen && methods.includes(chosen) ? chosen : signAgain ? "jpki" : (methods[0] ?? null);
  const readBefore = props.view.evidence.filter((e) => readKinds.has(e.kind)).length;
  const liveSelfie = method === "chip" && isStrict(props.plan);
  // Where the live selfie goes with the chip, the page moves on only once both are in: the chip's
  // arrival alone would take the applicant away from the selfie still to take on this page.
  const hasSelfie = (view: ApplicationView) => view.evidence.some((e) => e.kind === "selfie");
  // Nothing online for this document and plan: say so plainly, and where it can be done.
  const onlyAtCounter = site !== null && !methods.some((m) => m !== "counter");
  return (
    <section>
      <h1 ref={props.headingRef} tabIndex={-1}>
        {t("verify.title")}
      </h1>
      {props.view.correction?.fields.some((f) => f.field.startsWith("evidence")) && (
        <p className="alert alert-warning">{t("correction.evidence")}</p>
      )}
      {signAgain && (
        <p className="alert alert-warning" role="alert">
          {t("correction.signAgain")}
        </p>
      )}
      {!site && <p>{t("app.loading")}</p>}
      {onlyAtCounter && (
        <div className="alert alert-info only-counter">
          <p>{t("verify.onlyAtCounter", { document: t(`document.${props.documentType}`) })}</p>
          {props.documentType === "passport" && isStrict(props.plan) && <p>{t("verify.passportDataOnline")}</p>}
        </div>
      )}
      {methods.length > 1 && (
        <fieldset className="field">
          <legend>{t("verify.choose")}</legend>
          {methods.map((m) => (
            <label key={m} className="choice choice-card">
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
              <span>
                <strong>{t(`verify.${m}`)}</strong>
                <span className="block small muted">{t(`verify.${m}Why`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {methods.length === 1 && method && (
        <div className="card">
          <h2>{t(`verify.${method}`)}</h2>
          <p>{t(`verify.${method}Why`)}</p>
        </div>
      )}
      {site && methods.length === 0 && <p className="alert alert-warning">{t("verify.noMethod")}</p>}
      {method === "chip" && site && (
        <Handoff
          session={props.session}
          purpose="chip_reader"
          site={site}
          readBefore={readBefore}
          goOn={liveSelfie ? hasSelfie : () => true}
          onView={props.onView}
          onDone={props.onDone}
        />
      )}
      {method === "jpki" && (
        <DigitalAuth
          session={props.session}
          onView={props.onView}
          onDone={props.onDone}
          onFixParticulars={props.onBack}
        />
      )}
      {method === "mrz" && <MrzForm session={props.session} onDone={props.onDone} />}
      {method === "counter" && site && (
        <div className="card">
          <h2>{t("counter.title")}</h2>
          <p>{t("counter.bring", { document: t(`document.${props.documentType}`), ref: props.session.reference })}</p>
          <CounterList counters={site.counters} documentType={props.documentType} />
        </div>
      )}
      {method !== "counter" && (
        <Photos
          session={props.session}
          myNumberCard={props.documentType === "my_number_card"}
          liveSelfie={liveSelfie}
          onSelfiePassed={() => {
            if (readBefore > 0) setTimeout(() => props.onDone(), 2000);
          }}
        />
      )}
      <div className="actions">
        <Button variant="secondary" onClick={props.onBack}>
          {t("app.back")}
        </Button>
        {props.view.evidence.length > 0 && !signAgain && (
          <Button variant="secondary" onClick={props.onDone}>
            {t("verify.done")}
          </Button>
        )}
      </div>
    </section>
  );
}

/**
 * The QR code for the phone: a single-use hand-off code from the server (on its public address, the
 * code in the fragment), never the access key. A chip reader hand-off names the reader app's store
 * links; a new code replaces an expired or used one.
 */
function Handoff(props: {
  session: Session;
  purpose: HandoffPurpose;
  site: SiteConfig;
  readBefore: number;
  /** Whether the page may move on once the data arrived (not while the live selfie is still to take). */
  goOn: (view: ApplicationView) => boolean;
  onView: (v: ApplicationView) => void;
  onDone: () => void;
}) {
  const { t, date } = useI18n();
  const { session } = props;
  const [handoff, setHandoff] = useState<HandoffCode | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [qr, setQr] = useState<string | null>(null);
  const [arrived, setArrived] = useState<{ ok: boolean; checks: Check[]; goOn: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    setFailed(null);
    requestHandoff(session, props.purpose).then(
      (h) => live && setHandoff(h),
      (err) => live && setFailed(problemMessage(err, t)),
    );
    return () => {
      live = false;
    };
  }, [session, props.purpose, round]);
  useEffect(() => {
    if (!handoff) return;
    QRCode.toDataURL(handoff.url, { margin: 2, width: 240, errorCorrectionLevel: "M" }).then(setQr, () => setQr(null));
  }, [handoff]);
  // Polls the application until the phone has posted the chip or JPKI data.
  useEffect(() => {
    if (arrived) return;
    let stopped = false;
    const tick = async () => {
      try {
        const view = await answer(client.GET("/v1/applications/{reference}", { params: applicationParams(session) }));
        if (stopped) return;
        if (view.evidence.filter((e) => readKinds.has(e.kind)).length > props.readBefore) {
          const checks = view.checks.filter((c) => /^(chip|jpki|residence)/.test(c.code));
          const ok = checks.every((c) => c.status !== "fail");
          const goOn = props.goOn(view);
          setArrived({ ok, checks, goOn });
          props.onView(view);
          if (ok && goOn) setTimeout(() => props.onDone(), 1500);
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
  }, [arrived]);

  const reader = props.purpose === "chip_reader";
  return (
    <div className="card handoff">
      <h2>{t("verify.handoffTitle")}</h2>
      {reader && (
        <>
          <p>{t("verify.readerApp")}</p>
          <StoreLinks
            ios={props.site.chipReader.ios}
            android={props.site.chipReader.android}
            handoff={handoff?.url ?? null}
          />
        </>
      )}
      <ol className="handoff-steps">
        {t(reader ? "verify.handoffSteps" : "verify.continueSteps")
          .split(/\s*\d\.\s+/)
          .filter(Boolean)
          .map((s) => (
            <li key={s}>{s}</li>
          ))}
      </ol>
      {failed && (
        <p className="alert alert-error" role="alert">
          {failed}
        </p>
      )}
      {handoff && qr && !arrived?.ok && (
        <img src={qr} width={240} height={240} alt={t("verify.qrAlt", { ref: session.reference })} className="qr" />
      )}
      {handoff && !arrived?.ok && (
        <>
          <p className="small muted">{t("verify.handoffOnce", { time: date(handoff.expiresAt, true) })}</p>
          <p className="small">
            <a href={handoff.url}>{t(reader ? "verify.handoffOnThisPhone" : "verify.continueOnThisPhone")}</a>
          </p>
        </>
      )}
      {!arrived?.ok && (
        <Button variant="secondary" onClick={() => setRound((n) => n + 1)}>
          {t("verify.handoffNew")}
        </Button>
      )}
      <div className="live" role="status" aria-live="polite">
        {!arrived && (
          <p className="waiting">
            <span className="spinner" aria-hidden="true" /> {t("verify.waiting")}
          </p>
        )}
        {arrived && (
          <p className={arrived.ok ? "ok" : "error"}>
            {t(!arrived.ok ? "verify.receivedFailed" : arrived.goOn ? "verify.received" : "verify.receivedSelfieNext")}
          </p>
        )}
      </div>
      {arrived && <Checks checks={arrived.checks} />}
      {arrived && !arrived.ok && (
        <Button variant="secondary" onClick={() => setArrived(null)}>
          {t("app.retry")}
        </Button>
      )}
    </div>
  );
}

function MrzForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const { t } = useI18n();
  const [lines, setLines] = useState(["", ""]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [checks, setChecks] = useState<Check[]>([]);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const added = await answer(
        client.POST("/v1/applications/{reference}/evidence", {
          params: applicationParams(session, { idempotent: true }),
          body: { kind: "mrz", lines: lines.map((l) => l.replace(/\s/g, "").toUpperCase()).filter(Boolean) },
        }),
      );
      setChecks(added.checks);
      setErrors({});
      if (added.checks.every((c) => c.status !== "fail")) onDone();
    } catch (err) {
      const found = err instanceof ApiError ? fieldErrorsOf(err, t, { lines: "lines.0" }) : {};
      setErrors(
        Object.fromEntries(Object.keys(found).map((k) => [k.startsWith("lines") ? k : "lines.0", t("verify.mrzHint")])),
      );
      const detail = err instanceof ApiError ? err.problem.detail : undefined;
      setMessage(problemMessage(err, t));
      if (detail && err instanceof ApiError && err.problem.code !== "validation_failed") setChecks([]);
    } finally {
      setBusy(false);
    }
  }
  // Marked as soon as both lines are complete: the check digit that does not hold, where it sits.
  const wrong = wrongCheckDigits(lines.map((l) => l.replace(/\s/g, "").toUpperCase()));
  const wrongAt = new Set(wrong.map((w) => w.position));
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <ErrorSummary message={message} fields={errors} />
      {lines.map((line, i) => (
        <Field
          key={i}
          name={`lines.${i}`}
          label={t("verify.mrzLabel", { n: i + 1 })}
          hint={i === 0 ? t("verify.mrzHint") : undefined}
          error={
            errors[`lines.${i}`] ??
            (i === 1 && wrong.length > 0
              ? t("verify.mrzWrongDigit", { positions: wrong.map((w) => w.position + 1).join(", ") })
              : undefined)
          }
        >
          {(a) => (
            <input
              {...a}
              className="mono"
              value={line}
              maxLength={44}
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              lang="en"
              onChange={(e) => setLines((ls) => ls.map((l, j) => (j === i ? e.target.value : l)))}
            />
          )}
        </Field>
      ))}
      {wrong.length > 0 && (
        <p className="mrz-marked mono" lang="en" data-testid="mrz-marked">
          {[...(lines[1] ?? "").replace(/\s/g, "").toUpperCase()].map((c, i) =>
            wrongAt.has(i) ? (
              <mark key={i} title={t("verify.mrzWrongHere", { position: i + 1 })}>
                {c}
              </mark>
            ) : (
              <span key={i}>{c}</span>
            ),
          )}
        </p>
      )}
      <Checks checks={checks} />
      <Button type="submit" busy={busy}>
        {t("verify.mrzSend")}
      </Button>
    </form>
  );
}

const maxBytes = 15 * 1024 * 1024;

/**
 * Where the plan's method needs it (a chip read for a plan the law covers: NF_IC_SELFIE), the selfie
 * is the live one the server challenges and judges, required; otherwise an uploaded selfie stays an
 * optional help for staff, beside the document photo.
 */
function Photos({
  session,
  myNumberCard,
  liveSelfie,
  onSelfiePassed,
}: {
  session: Session;
  myNumberCard: boolean;
  liveSelfie: boolean;
  onSelfiePassed: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {liveSelfie && <LiveSelfie session={session} onPassed={onSelfiePassed} />}
      <details className="card photos">
        <summary>{t("verify.photos")}</summary>
        <p className="small">{t(liveSelfie ? "verify.photosIntroDocument" : "verify.photosIntro")}</p>
        {/* The card's back carries the My Number, which this service must never receive. */}
        {myNumberCard && (
          <p className="alert alert-warning small" role="note">
            {t("verify.myNumberBackWarning")}
          </p>
        )}
        <PhotoInput session={session} kind="image" label={t("verify.front")} capture="environment" />
        {!liveSelfie && <PhotoInput session={session} kind="selfie" label={t("verify.selfie")} capture="user" />}
      </details>
    </>
  );
}

function PhotoInput(props: {
  session: Session;
  kind: "image" | "selfie";
  label: string;
  capture: "user" | "environment";
}) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [checks, setChecks] = useState<Check[]>([]);
  const [state, setState] = useState<"idle" | "uploading" | "ok" | "retake">("idle");
  const [preview, setPreview] = useState<string | null>(null);
  const name = props.kind === "image" ? "image" : "selfie";

  async function onChange(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setProblem(null);
    setChecks([]);
    if (!file) return;
    // What the browser can tell before sending: type, size, pixels.
    if (!/^image\//.test(file.type)) return setProblem(t("verify.notImage"));
    if (file.size > maxBytes) return setProblem(t("verify.tooBig", { size: (file.size / 1048576).toFixed(1) }));
    try {
      const bitmap = await createImageBitmap(file);
      const { width, height } = bitmap;
      bitmap.close();
      if (Math.min(width, height) < 600) setProblem(t("verify.tooSmall", { w: width, h: height }));
    } catch {
      // HEIC and other formats the browser cannot decode: the server says what it thinks
    }
    setPreview((old) => {
      if (old) URL.revokeObjectURL(old);
      return URL.createObjectURL(file);
    });
    setState("uploading");
    try {
      const image = await base64Of(file);
      const added = await answer(
        client.POST("/v1/applications/{reference}/evidence", {
          params: applicationParams(props.session, { idempotent: true }),
          body:
            props.kind === "image" ? { kind: "image", purpose: "document_front", image } : { kind: "selfie", image },
        }),
      );
      setChecks(added.checks);
      setState(added.checks.some((c) => c.status === "fail") ? "retake" : "ok");
    } catch (err) {
      setState("retake");
      // A refused photo: the server names each failed check, in the application's language.
      const failed = err instanceof ApiError ? (err.problem.errors ?? []).filter((e) => e.code) : [];
      if (failed.length > 0) {
        setChecks(failed.map((e) => ({ code: String(e.code), status: "fail", message: e.reason })));
      } else {
        setProblem(problemMessage(err, t));
      }
    }
  }

  return (
    <div className="photo">
      <Field name={name} label={props.label} hint={t("verify.take")} error={problem ?? undefined}>
        {(a) => <input {...a} type="file" accept="image/*" capture={props.capture} onChange={onChange} />}
      </Field>
      {preview && <img src={preview} alt="" className="preview" />}
      <div role="status" aria-live="polite">
        {state === "uploading" && <p>{t("verify.uploading")}</p>}
        {state === "ok" && <p className="ok">{t("verify.photoOk")}</p>}
        {state === "retake" && checks.length > 0 && <p className="error">{t("verify.photoRetake")}</p>}
      </div>
      <Checks checks={state === "retake" ? checks.filter((c) => c.status !== "pass") : checks} />
    </div>
  );
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
