import { useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";

/** The counter program on this PC (`jitsumei counter-reader`): loopback only, allowed by the CSP. */
export const COUNTER_READER_URL = "http://127.0.0.1:47900";

export type CounterRead = {
  accessControl: "BAC" | "PACE";
  sod: string;
  dataGroups: Record<string, string>;
  face?: { format: "jpeg" | "jpeg2000"; base64: string };
};
type Problem = { code?: string; detail?: string };

/** Six digits from the browser's CSPRNG, shown here and typed at the counter PC. */
function pairingCode(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String((n ?? 0) % 1_000_000).padStart(6, "0");
}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${COUNTER_READER_URL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T & Problem;
  if (!response.ok) throw new Error(`${json.code ?? response.status}: ${json.detail ?? ""}`);
  return json;
}

/**
 * The chip read at the counter: pair with the counter program (the code shown here, typed there), choose
 * the document, read it with the MRZ already recorded, and hand the bytes to `record` (the server's
 * evidence engine decides). The chip's photo is shown beside the case for the clerk to compare.
 */
export function CounterReaderPanel(props: { mrzLines: string[]; record: (read: CounterRead) => Promise<void> }) {
  const { t } = useI18n();
  const [code] = useState(pairingCode);
  const [token, setToken] = useState<string | null>(null);
  const [face, setFace] = useState<CounterRead["face"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const pair = () =>
    run(async () => {
      setToken((await post<{ token: string }>("/pair", { code })).token);
    });
  const read = (document: string) =>
    run(async () => {
      if (!token) return;
      const result = await post<CounterRead>("/read", { document, mrz: props.mrzLines }, token);
      await props.record(result);
      setFace(result.face ?? null);
    });

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
            void read(String(new FormData(event.currentTarget).get("document")));
          }}
        >
          <p role="status" className="success">
            {t("counter.readerPaired")}
          </p>
          <label>
            {t("counter.readerDocument")}
            <select name="document" defaultValue="passport">
              <option value="passport">{t("counter.readerPassport")}</option>
            </select>
          </label>
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
