import type { Answer, Body } from "@jitsumei/api-contract/client";
import type { CounterRead } from "@jitsumei/api-contract/counter-reader";
import { formatPhone } from "@jitsumei/domain/formats";
import { type ApplicationState, hasTag } from "@jitsumei/domain/lifecycle";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { ApiProblem, answer, api } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { consoleLanguages, languageNames } from "../i18n/languages.ts";
import { useCodeLabel, usePlanName } from "../review/Badges.tsx";
import { AddressFieldset, addressFrom } from "./AddressFieldset.tsx";
import { CounterReaderPanel } from "./CounterReader.tsx";
import { normaliseMrz, parseTd3, validIccid } from "./mrz.ts";
import { ResidenceCardForm, type ResidenceCardParticulars } from "./ResidenceCardForm.tsx";

type Sale = Answer<"/v1/staff/counter/sales", "post">;
type Activated = Answer<"/v1/staff/counter/applications/{reference}/activation", "post">;
/** What the applicant routes say of the application: its state, and what a reviewer asked to correct. */
type Followed = Answer<"/v1/applications/{reference}", "get">;
type Evidence = Body<"/v1/applications/{reference}/evidence", "post">;

/** How often the counter asks whether the reviewer has decided, while the customer waits. */
const DECISION_POLL_MS = 3000;

/** Waiting on the operator (a reviewer, a second one) or on the system (checks, the SIM's assignment). */
const awaitingDecision = (state: string) =>
  hasTag(state as ApplicationState, "needs_staff") || hasTag(state as ApplicationState, "automated");

/** The applicant routes, called by the counter's device with the token the sale returned. */
function applicant(sale: Sale) {
  return { params: { path: { reference: sale.reference }, header: { Authorization: `Bearer ${sale.accessToken}` } } };
}

const describe = (e: unknown) => (e instanceof ApiProblem ? `${e.detail}${e.field ? ` (${e.field})` : ""}` : String(e));

/**
 * Clerk mode at the airport counter: sell a package, read the customer's passport (MRZ, then the
 * chip reader's file), run the checks, scan the SIM handed over and activate on the spot.
 */
export function CounterPage() {
  const { t, date } = useI18n();
  const label = useCodeLabel();
  const planName = usePlanName();
  const [sale, setSale] = useState<Sale | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [chipRecorded, setChipRecorded] = useState(false);
  const [mrzLines, setMrzLines] = useState<string[]>([]);
  /** The document the customer shows: a passport's MRZ is typed, a residence card's particulars are. */
  const [shown, setShown] = useState<"passport" | "residence_card">("passport");
  const [cardNumber, setCardNumber] = useState<string | undefined>(undefined);
  /** The engine's verdict on the chip read at this counter: the failing checks' codes (none: valid). */
  const [chipFailures, setChipFailures] = useState<string[] | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [correction, setCorrection] = useState<Followed["correction"]>(null);
  const [activated, setActivated] = useState<(Activated & { scanned: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function step(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(describe(e));
    }
  }

  // The SIM is handed over once one is assigned: not while a reviewer decides, nor after a refusal.
  const ready = state === "sim_assigned";
  const correcting = state === "correction_requested";
  const waiting = sale !== null && state !== null && awaitingDecision(state);
  // While a reviewer decides (in another place), the page follows the application until it moves on.
  useEffect(() => {
    if (!waiting || !sale) return;
    const timer = setInterval(() => {
      answer(api.GET("/v1/applications/{reference}", applicant(sale))).then(
        (view) => {
          setState(view.state);
          // A correction asked: the passport's step opens again for the clerk to read and send anew.
          if (view.state === "correction_requested") {
            setCorrection(view.correction);
            setRecorded(null);
            setChipRecorded(false);
            setChipFailures(null);
          }
        },
        () => undefined, // a missed poll is retried at the next tick
      );
    }, DECISION_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, sale]);

  function sell(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void step(async () => {
      setSale(
        await answer(
          api.POST("/v1/staff/counter/sales", {
            body: {
              code: String(form.get("code")),
              language: String(form.get("language")) as Body<"/v1/staff/counter/sales", "post">["language"],
              contact: { email: String(form.get("email")) },
            },
          }),
        ),
      );
    });
  }

  function recordMrz(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!sale) return;
    const form = new FormData(event.currentTarget);
    const lines = normaliseMrz(String(form.get("mrz")));
    const particulars = parseTd3(lines);
    if (!particulars) {
      setError(t("counter.mrzInvalid"));
      return;
    }
    const address = addressFrom(form);
    const { sex: _sex, ...declared } = particulars;
    void step(async () => {
      await api.PUT("/v1/applications/{reference}/applicant", {
        ...applicant(sale),
        body: { ...declared, ...(address ? { address } : {}) },
      });
      await api.POST("/v1/applications/{reference}/evidence", { ...applicant(sale), body: { kind: "mrz", lines } });
      setMrzLines(lines);
      setRecorded(
        t("counter.mrzSaved", {
          name: `${particulars.name.family} ${particulars.name.given}`,
          birthDate: date(particulars.birthDate),
        }),
      );
    });
  }

  function recordChip(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!sale) return;
    const file = new FormData(event.currentTarget).get("chip");
    if (!(file instanceof File) || file.size === 0) return;
    void step(async () => {
      const read = JSON.parse(await file.text()) as Record<string, unknown>;
      // The file's content is the server's to judge (its evidence engine checks every byte).
      const chip = { kind: "chip", sod: read.sod, dataGroups: read.dataGroups } as Evidence;
      await api.POST("/v1/applications/{reference}/evidence", { ...applicant(sale), body: chip });
      setChipRecorded(true);
    });
  }

  /** A residence card's particulars, typed from its front: its chip is read next (it holds no MRZ). */
  function recordCard(card: ResidenceCardParticulars) {
    if (!sale) return;
    void step(async () => {
      await api.PUT("/v1/applications/{reference}/applicant", { ...applicant(sale), body: card.particulars });
      setCardNumber(card.particulars.document.number);
      setRecorded(
        t("counter.cardSaved", {
          name: `${card.particulars.name.family} ${card.particulars.name.given}`,
          birthDate: date(card.particulars.birthDate),
          number: card.particulars.document.number,
        }),
      );
    });
  }

  /**
   * The counter reader's bytes go to the server's evidence engine, like any chip read (F2F_IC here): a
   * passport's as `chip`, a residence card's signed images as `residence_card_chip`, a My Number card's
   * particulars as `my_number_card_face` with the counter program's verdict on the card's signature.
   */
  /** The server's Active Authentication challenge for this sale's application (single use). */
  async function challenge(): Promise<string> {
    if (!sale) throw new Error("no sale");
    return (await answer(api.POST("/v1/applications/{reference}/chip-challenge", applicant(sale)))).challenge;
  }

  async function recordRead(read: CounterRead) {
    if (!sale) return;
    const body: Evidence =
      read.document === "passport"
        ? {
            kind: "chip",
            sod: read.sod,
            dataGroups: read.dataGroups,
            ...(read.activeAuthentication?.challenge && read.activeAuthentication.signature
              ? {
                  activeAuthentication: {
                    challenge: read.activeAuthentication.challenge,
                    signature: read.activeAuthentication.signature,
                  },
                }
              : {}),
            ...(read.chipAuthentication?.protocol
              ? {
                  chipAuthentication: {
                    protocol: read.chipAuthentication.protocol,
                    passed: read.chipAuthentication.passed,
                  },
                }
              : {}),
          }
        : read.document === "my_number_card"
          ? {
              kind: "my_number_card_face",
              particulars: read.particularsFile,
              cardSignature:
                read.signature.signatureValid && read.signature.particularsHashMatches ? "valid" : "invalid",
            }
          : {
              kind: "residence_card_chip",
              front: read.front,
              face: read.face,
              checkCode: read.checkCode,
              certificate: read.certificate,
            };
    const evidence = await answer(api.POST("/v1/applications/{reference}/evidence", { ...applicant(sale), body }));
    // The server cannot check a card-face read's signature (it covers the My Number's hash): no verdict.
    if (read.document !== "my_number_card") {
      setChipFailures(evidence.checks.filter((c) => c.status === "fail").map((c) => c.code));
    }
    setChipRecorded(true);
  }

  function submit() {
    if (!sale) return;
    void step(async () => {
      const result = await answer(api.POST("/v1/applications/{reference}/submit", applicant(sale)));
      setCorrection(null);
      setState(result.state);
    });
  }

  function activate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!sale) return;
    const scanned = String(new FormData(event.currentTarget).get("iccid")).replace(/\D/g, "");
    if (!validIccid(scanned)) {
      setError(t("counter.iccidInvalid"));
      return;
    }
    void step(async () => {
      const line = await answer(
        api.POST("/v1/staff/counter/applications/{reference}/activation", {
          params: { path: { reference: sale.reference } },
        }),
      );
      setActivated({ ...line, scanned });
    });
  }

  function reset() {
    setSale(null);
    setRecorded(null);
    setChipRecorded(false);
    setChipFailures(null);
    setMrzLines([]);
    setCardNumber(undefined);
    setState(null);
    setCorrection(null);
    setActivated(null);
    setError(null);
  }

  return (
    <>
      <h1>{t("counter.title")}</h1>
      <p>{t("counter.intro")}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <Step title={t("counter.step1")} done={sale !== null}>
        {sale ? (
          <p role="status" className="success">
            {t("counter.sold", { reference: sale.reference, plan: planName(sale.planId) })}
          </p>
        ) : (
          <form onSubmit={sell} className="stack">
            <label>
              {t("counter.code")}
              <input name="code" required autoComplete="off" className="mono" />
            </label>
            <label>
              {t("counter.email")}
              <input name="email" type="email" required autoComplete="off" />
            </label>
            <label>
              {t("counter.language")}
              <select name="language" defaultValue="en">
                {consoleLanguages.map((l) => (
                  <option key={l} value={l}>
                    {languageNames[l]}
                  </option>
                ))}
                <option value="zh-Hant">繁體中文</option>
                <option value="ko">한국어</option>
                <option value="vi">Tiếng Việt</option>
              </select>
            </label>
            <button type="submit">{t("counter.sell")}</button>
          </form>
        )}
      </Step>
      <Step title={t("counter.step2")} done={state !== null && !correcting} disabled={!sale}>
        {correcting && (
          <div role="alert" className="notice">
            <p>
              {t("counter.correctionAsked", {
                fields: (correction?.fields ?? []).map((f) => label("field", f.field)).join(t("counter.listSeparator")),
              })}
            </p>
            {correction?.message && <blockquote data-untranslated>{correction.message}</blockquote>}
          </div>
        )}
        {recorded ? (
          <p role="status" className="success">
            {recorded}
          </p>
        ) : (
          <label>
            {t("counter.documentShown")}
            <select
              name="shown"
              value={shown}
              disabled={!sale}
              onChange={(event) => setShown(event.currentTarget.value as typeof shown)}
            >
              <option value="passport">{t("counter.docPassport")}</option>
              <option value="residence_card">{t("counter.docResidenceCard")}</option>
            </select>
          </label>
        )}
        {!recorded && shown === "residence_card" && <ResidenceCardForm disabled={!sale} onSubmit={recordCard} />}
        {!recorded && shown === "passport" && (
          <form onSubmit={recordMrz} className="stack">
            <label>
              {t("counter.mrz")}
              <textarea
                name="mrz"
                rows={2}
                required
                className="mono"
                spellCheck={false}
                autoComplete="off"
                aria-describedby="mrz-hint"
                disabled={!sale}
              />
            </label>
            <p id="mrz-hint" className="hint">
              {t("counter.mrzHint")}
            </p>
            <AddressFieldset disabled={!sale} />
            <button type="submit" disabled={!sale}>
              {t("counter.saveMrz")}
            </button>
          </form>
        )}
        {recorded && (!state || correcting) && (
          <>
            <CounterReaderPanel
              mrzLines={mrzLines}
              cardNumber={cardNumber}
              document={shown}
              record={recordRead}
              challenge={challenge}
            />
            {chipFailures && (
              <p role="status" className={chipFailures.length === 0 ? "success" : "error"}>
                {t("counter.chipChecked", {
                  result:
                    chipFailures.length === 0
                      ? t("counter.chipValid")
                      : t("counter.chipInvalid", { codes: chipFailures.join(", ") }),
                })}
              </p>
            )}
            {chipRecorded ? (
              <p role="status" className="success">
                {t("counter.chipSaved")}
              </p>
            ) : (
              <form onSubmit={recordChip} className="stack">
                <label>
                  {t("counter.chip")}
                  <input name="chip" type="file" accept="application/json,.json" aria-describedby="chip-hint" />
                </label>
                <p id="chip-hint" className="hint">
                  {t("counter.chipHint")}
                </p>
                <button type="submit" className="secondary">
                  {t("counter.chipSave")}
                </button>
              </form>
            )}
            <button type="button" onClick={submit}>
              {t("counter.submit")}
            </button>
          </>
        )}
        {state && !correcting && (
          <p role="status" className={state === "rejected" ? "error" : waiting ? undefined : "success"}>
            {t("counter.submitted", { state: label("state", state) })}
          </p>
        )}
        {waiting && <p className="notice">{t("counter.waitingDecision")}</p>}
      </Step>
      <Step title={t("counter.step3")} done={activated !== null} disabled={!ready}>
        {activated ? (
          <>
            <p role="status" className="success">
              {isDataNumber(activated.msisdn)
                ? t("counter.activatedData", { iccid: activated.iccid })
                : t("counter.activated", { msisdn: formatPhone(activated.msisdn), iccid: activated.iccid })}
            </p>
            {activated.iccid !== activated.scanned && (
              <p role="alert" className="error">
                {t("counter.iccidMismatch", { scanned: activated.scanned, iccid: activated.iccid })}
              </p>
            )}
            <p className="row">
              <a
                href={`/v1/staff/counter/applications/${encodeURIComponent(activated.reference)}/receipt.pdf`}
                target="_blank"
                rel="noreferrer"
              >
                {t("counter.receipt")}
              </a>
              <button type="button" className="secondary" onClick={reset}>
                {t("counter.again")}
              </button>
            </p>
          </>
        ) : (
          <form onSubmit={activate} className="stack">
            <label>
              {t("counter.iccid")}
              <input name="iccid" inputMode="numeric" required autoComplete="off" className="mono" disabled={!ready} />
            </label>
            <button type="submit" disabled={!ready}>
              {t("counter.activate")}
            </button>
          </form>
        )}
      </Step>
    </>
  );
}

function Step({
  title,
  done,
  disabled,
  children,
}: {
  title: string;
  done: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={`card step${done ? " done" : ""}${disabled ? " waiting" : ""}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** 020 numbers are data lines' (M2M): a data-only line is never shown a phone number. */
function isDataNumber(msisdn: string): boolean {
  return msisdn.replace(/\D/g, "").startsWith("020");
}
