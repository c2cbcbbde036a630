import QRCode from "qrcode";
import { type ChangeEvent, type FormEvent, type RefObject, useEffect, useState } from "react";
import {
  ApiError,
  type ApplicationView,
  api,
  type Check,
  type DocumentType,
  type EvidenceAdded,
  type Plan,
  type Session,
} from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { Button, Checks, ErrorSummary, Field, type FieldErrors, fieldErrorsOf, problemMessage } from "../ui.tsx";
import { LiveSelfie } from "./live-selfie.tsx";
import { isStrict } from "./plans.tsx";

type Method = "chip" | "jpki" | "mrz";

const readKinds = new Set(["chip", "residence_card_chip", "jpki"]);

/** What the policy lets this document prove: strict plans take only a chip or JPKI. */
export function methodsFor(plan: Plan, doc: DocumentType): Method[] {
  const chipOrJpki: Method[] =
    doc === "my_number_card" ? ["jpki"] : doc === "passport" || doc === "residence_card" ? ["chip"] : [];
  if (isStrict(plan)) return chipOrJpki;
  return doc === "passport" ? [...chipOrJpki, "mrz"] : chipOrJpki;
}

/**
 * The verification step: the hand-off to the phone that reads the card (a QR code of the reader's
 * address, the token in the fragment so it never reaches a server log), a live status that moves on
 * when the data arrive; or the typed MRZ; and optional photos checked before and at upload.
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
  const methods = methodsFor(props.plan, props.documentType);
  const [method, setMethod] = useState<Method | null>(methods[0] ?? null);
  const readBefore = props.view.evidence.filter((e) => readKinds.has(e.kind)).length;
  return (
    <section>
      <h1 ref={props.headingRef} tabIndex={-1}>
        {t("verify.title")}
      </h1>
      {props.view.correction?.fields.some((f) => f.field.startsWith("evidence")) && (
        <p className="alert alert-warning">{t("correction.evidence")}</p>
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
      {(method === "chip" || method === "jpki") && (
        <Handoff session={props.session} readBefore={readBefore} onView={props.onView} onDone={props.onDone} />
      )}
      {method === "mrz" && <MrzForm session={props.session} onDone={props.onDone} />}
      <Photos session={props.session} liveSelfie={method === "chip" && isStrict(props.plan)} />
      <div className="actions">
        <Button variant="secondary" onClick={props.onBack}>
          {t("app.back")}
        </Button>
        {props.view.evidence.length > 0 && (
          <Button variant="secondary" onClick={props.onDone}>
            {t("verify.done")}
          </Button>
        )}
      </div>
    </section>
  );
}

function Handoff(props: {
  session: Session;
  readBefore: number;
  onView: (v: ApplicationView) => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { session } = props;
  const readerUrl = `${window.location.origin}/reader/${session.reference}#${session.token}`;
  const [qr, setQr] = useState<string | null>(null);
  const [arrived, setArrived] = useState<{ ok: boolean; checks: Check[] } | null>(null);
  useEffect(() => {
    QRCode.toDataURL(readerUrl, { margin: 2, width: 240, errorCorrectionLevel: "M" }).then(setQr, () => setQr(null));
  }, [readerUrl]);
  // Polls the application until the reader has posted the chip or JPKI data.
  useEffect(() => {
    if (arrived) return;
    let stopped = false;
    const tick = async () => {
      try {
        const view = await api<ApplicationView>("GET", `/v1/applications/${session.reference}`, {
          token: session.token,
        });
        if (stopped) return;
        if (view.evidence.filter((e) => readKinds.has(e.kind)).length > props.readBefore) {
          const checks = view.checks.filter((c) => /^(chip|jpki|residence)/.test(c.code));
          const ok = checks.every((c) => c.status !== "fail");
          setArrived({ ok, checks });
          props.onView(view);
          if (ok) setTimeout(() => props.onDone(), 1500);
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

  return (
    <div className="card handoff">
      <h2>{t("verify.handoffTitle")}</h2>
      <ol className="handoff-steps">
        {t("verify.handoffSteps")
          .split(/\s*\d\.\s+/)
          .filter(Boolean)
          .map((s) => (
            <li key={s}>{s}</li>
          ))}
      </ol>
      {qr && (
        <img src={qr} width={240} height={240} alt={t("verify.qrAlt", { ref: session.reference })} className="qr" />
      )}
      <p className="small">
        <a href={readerUrl}>{t("verify.handoffOnThisPhone")}</a>
      </p>
      <div className="live" role="status" aria-live="polite">
        {!arrived && (
          <p className="waiting">
            <span className="spinner" aria-hidden="true" /> {t("verify.waiting")}
          </p>
        )}
        {arrived && (
          <p className={arrived.ok ? "ok" : "error"}>{t(arrived.ok ? "verify.received" : "verify.receivedFailed")}</p>
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
      const added = await api<EvidenceAdded>("POST", `/v1/applications/${session.reference}/evidence`, {
        token: session.token,
        idempotent: true,
        body: { kind: "mrz", lines: lines.map((l) => l.replace(/\s/g, "").toUpperCase()).filter(Boolean) },
      });
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
  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <ErrorSummary message={message} fields={errors} />
      {lines.map((line, i) => (
        <Field
          key={i}
          name={`lines.${i}`}
          label={t("verify.mrzLabel", { n: i + 1 })}
          hint={i === 0 ? t("verify.mrzHint") : undefined}
          error={errors[`lines.${i}`]}
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
function Photos({ session, liveSelfie }: { session: Session; liveSelfie: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {liveSelfie && <LiveSelfie session={session} />}
      <details className="card photos">
        <summary>{t("verify.photos")}</summary>
        <p className="small">{t(liveSelfie ? "verify.photosIntroDocument" : "verify.photosIntro")}</p>
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
      const added = await api<EvidenceAdded>("POST", `/v1/applications/${props.session.reference}/evidence`, {
        token: props.session.token,
        idempotent: true,
        body: props.kind === "image" ? { kind: "image", purpose: "document_front", image } : { kind: "selfie", image },
      });
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
