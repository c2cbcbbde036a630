import { useEffect, useState } from "react";
import { type Answer, answer, client } from "../api.ts";
import { useI18n } from "../i18n/index.tsx";
import { problemMessage } from "../ui.tsx";

export type LegalDocuments = Answer<"/v1/legal-documents", "get">;
export type LegalText = LegalDocuments["terms"];

/** The terms of service and the privacy notice in force (GET /v1/legal-documents). */
export function useLegalDocuments(): { legal: LegalDocuments | null; error: unknown } {
  const [legal, setLegal] = useState<LegalDocuments | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    answer(client.GET("/v1/legal-documents")).then(setLegal, setError);
  }, []);
  return { legal, error };
}

/**
 * /legal/terms and /legal/privacy: the text the confirm page asks the applicant to accept. The
 * Japanese text governs; every other language reads the English translation after it, and is told so.
 */
export function LegalPage({ kind }: { kind: "terms" | "privacy" }) {
  const { t, lang } = useI18n();
  const { legal, error } = useLegalDocuments();
  const title = t(kind === "terms" ? "confirm.terms" : "confirm.privacy");
  if (error) return <p role="alert">{problemMessage(error, t)}</p>;
  if (!legal) return <p>{t("app.loading")}</p>;
  const doc = legal[kind];
  const paragraphs = (text: string) => text.split("\n").map((line, i) => <p key={i}>{line}</p>);
  return (
    <article>
      <h1>{title}</h1>
      <p className="muted">{t("confirm.version", { version: doc.version })}</p>
      {lang !== "ja" && <p className="alert alert-info">{t("legal.governs")}</p>}
      <section lang="ja" className="legal-text">
        {paragraphs(doc.text.ja)}
      </section>
      {lang !== "ja" && (
        <section lang="en" className="legal-text">
          {paragraphs(doc.text.en)}
        </section>
      )}
    </article>
  );
}
