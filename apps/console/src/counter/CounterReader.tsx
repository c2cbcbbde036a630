import type {
  CounterPairAnswer,
  CounterPairRequest,
  CounterRead,
  CounterReadDocument,
  CounterReaderProblem,
  CounterReadFace,
  CounterReadRequest,
} from "@jitsumei/api-contract/counter-reader";
import { useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";

/** The counter program on this PC (`jitsumei counter-reader`): loopback only, allowed by the CSP. */
export const COUNTER_READER_URL = "http://127.0.0.1:47900";

type Face = CounterReadFace;
export type ReaderDocument = CounterReadDocument;
type MyNumberRead = Extract<CounterRead, { document: "my_number_card" }>;
type Problem = Partial<CounterReaderProblem>;

class ReaderProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code ?? "error"}: ${problem.detail ?? ""}`);
  }
}

/** Six digits from the browser's CSPRNG, shown here and typed at the counter PC. */
function pairingCode(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String((n ?? 0) % 1_000_000).padStart(6, "0");
}

/** The counter program's two routes, their requests and answers (packages/api-contract/src/counter-reader.ts). */
type Routes = {
  "/pair": { request: CounterPairRequest; answer: CounterPairAnswer };
  "/read": { request: CounterReadRequest; answer: CounterRead };
};

async function post<P extends keyof Routes>(
  path: P,
  body: Routes[P]["request"],
  token?: string,
): Promise<Routes[P]["answer"]> {
  const response = await fetch(`${COUNTER_READER_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new ReaderProblem(json as Problem);
  return json as Routes[P]["answer"];
}

/**
 * The chip read at the counter: pair with the counter program (the code shown here, typed there), choose
 * the document, read it with what it needs (the MRZ already recorded, the residence card's number, the
 * My Number card's PIN typed by the customer), and hand the read to `record` (the server's evidence
 * engine decides). The chip's photo is shown beside the case for the clerk to compare. The PIN is held
 * only in its field, which is emptied after every attempt.
 */
export function CounterReaderPanel(props: {
  mrzLines: string[];
  cardNumber?: string;
  document?: ReaderDocument;
  record: (read: CounterRead) => Promise<void>;
  /** The server's Active Authentication challenge for a passport's chip (base64): the chip signs it. */
  challenge?: () => Promise<string>;
}) {
  const { t, date } = useI18n();
  const [code] = useState(pairingCode);
  const [token, setToken] = useState<string | null>(null);
  const [document, setDocument] = useState<ReaderDocument>(props.document ?? "passport");
  const [face, setFace] = useState<Face | null>(null);
  const [myNumber, setMyNumber] = useState<MyNumberRead | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ReaderProblem ? explain(e.problem) : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function explain(problem: Problem): string {
    if (problem.code === "pin_wrong") return t("counter.pinWrong", { retries: String(problem.retriesLeft ?? "?") });
    if (problem.code === "pin_locked") return t("counter.pinLocked");
    return `${problem.code ?? "error"}: ${problem.detail ?? ""}`;
  }

  const pair = () =>
    run(async () => {
      setToken((await post("/pair", { code })).token);
    });
  const read = (form: HTMLFormElement) => {
    const fields = new FormData(form);
    const body: CounterReadRequest =
      document === "residence_card"
        ? { document, cardNumber: String(fields.get("cardNumber") ?? "") }
        : document === "my_number_card"
          ? { document, pin: String(fields.get("pin") ?? "") }
          : { document, mrz: props.mrzLines };
    // The PIN leaves the page with this request and nowhere else: the field is emptied at once.
    const pin = form.elements.namedItem("pin");
    if (pin instanceof HTMLInputElement) pin.value = "";
    return run(async () => {
      if (!token) return;
      setMyNumber(null);
      setFace(null);
      // A fresh challenge per read (each is used once): the server then checks the chip's answer itself.
      const challenge = document === "passport" && props.challenge ? await props.challenge() : undefined;
      const result = await post(
        "/read",
        body.document === "passport" && challenge ? { ...body, challenge } : body,
        token,
      );
      await props.record(result);
      if (result.document === "my_number_card") {
        setMyNumber(result);
        return;
      }
      setFace((result.document === "passport" ? result.face : result.photo) ?? null);
    });
  };

  return (
    <section className="stack" aria-label={t("counter.reader")}>
      <h3>{t("counter.reader")}</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {token ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void read(event.currentTarget);
          }}
        >
          <p role="status" className="success">
            {t("counter.readerPaired")}
          </p>
          <label>
            {t("counter.readerDocument")}
            <select
              name="document"
              value={document}
              onChange={(event) => setDocument(event.currentTarget.value as ReaderDocument)}
            >
              <option value="passport">{t("counter.readerPassport")}</option>
              <option value="residence_card">{t("counter.readerResidenceCard")}</option>
              <option value="my_number_card">{t("counter.readerMyNumberCard")}</option>
            </select>
          </label>
          {document === "residence_card" && (
            <label>
              {t("counter.readerCardNumber")}
              <input
                name="cardNumber"
                required
                autoComplete="off"
                className="mono"
                pattern="[A-Za-z]{2}[0-9]{8}[A-Za-z]{2}"
                defaultValue={props.cardNumber ?? ""}
              />
            </label>
          )}
          {document === "my_number_card" && (
            <>
              <label>
                {t("counter.readerPin")}
                <input
                  name="pin"
                  type="password"
                  inputMode="numeric"
                  required
                  autoComplete="off"
                  pattern="[0-9]{4}"
                  maxLength={4}
                  aria-describedby="pin-hint"
                />
              </label>
              <p id="pin-hint" className="hint">
                {t("counter.readerPinHint")}
              </p>
            </>
          )}
          <button type="submit" disabled={busy}>
            {t("counter.readerRead")}
          </button>
        </form>
      ) : (
        <>
          <p>
            {t("counter.readerCode")} <strong className="mono">{code}</strong>
          </p>
          <p className="hint">{t("counter.readerCodeHint")}</p>
          <button type="button" className="secondary" onClick={() => void pair()} disabled={busy}>
            {t("counter.readerPair")}
          </button>
        </>
      )}
      {myNumber && (
        <div role="status" className="stack">
          <p>
            {t("counter.myNumberRead", {
              name: myNumber.particulars.name,
              birthDate: date(myNumber.particulars.birthDate),
              address: myNumber.particulars.address,
            })}
          </p>
          <p className={myNumber.signature.signatureValid ? "success" : "error"}>
            {t("counter.myNumberSignature", {
              result:
                myNumber.signature.signatureValid && myNumber.signature.particularsHashMatches
                  ? t("counter.signatureValid")
                  : t("counter.signatureInvalid"),
            })}
          </p>
          {myNumber.pinRetriesBefore !== null && (
            <p className="hint">{t("counter.pinRetries", { retries: String(myNumber.pinRetriesBefore) })}</p>
          )}
        </div>
      )}
      {face &&
        (face.format === "jpeg" ? (
          <img
            className="chip-photo"
            src={`data:image/jpeg;base64,${face.base64}`}
            alt={t("counter.chipPhoto")}
            width={160}
          />
        ) : (
          <p className="notice">{t("counter.chipPhotoJp2")}</p>
        ))}
    </section>
  );
}
