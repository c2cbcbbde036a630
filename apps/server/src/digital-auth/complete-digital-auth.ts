import { explainCheck } from "@jitsumei/domain";
import { type JpkiParticulars, verifyJpkiSignature } from "@jitsumei/evidence";
import { addEvidence } from "../applications/add-evidence.ts";
import { type ApplicationRow, findApplicationById } from "../applications/application-row.ts";
import { loadApplicationData } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { AppError } from "../errors.ts";
import { jpkiSigningPayload } from "../evidence/jpki-payload.ts";
import type { Services } from "../services.ts";
import { answeredRevocation } from "./answered-revocation.ts";
import { DigitalAuthError } from "./digital-auth-app.ts";
import { latestSession, setSessionOutcome, useSession } from "./digital-auth-repository.ts";
import { type DigitalAuthFailure, failureOf } from "./protocol.ts";
import { sessionSecrets } from "./session-secrets.ts";

/** How a trip to the app ended: signed (the JPKI checks all pass), signed with failing checks, or not. */
export type DigitalAuthOutcome = "signed" | "checks_failed" | DigitalAuthFailure;

/**
 * The redirect back from the app. The state is single use and names the one application it was
 * issued for: a code or a signature cannot be carried to another application. The code is exchanged
 * (PKCE verifier, client authentication, ID token nonce), the signature and certificate fetched, and
 * they go through the same JPKI checks as any signature, becoming NF_JPKI evidence.
 */
export async function completeDigitalAuth(
  services: Pick<Services, "db" | "keys" | "clock" | "digitalAuth" | "trust" | "documents">,
  input: { state?: string; code?: string; error?: string },
): Promise<{ reference: string; outcome: DigitalAuthOutcome }> {
  const app = services.digitalAuth;
  if (!app)
    throw new AppError("digital_auth_unavailable", "This server is not registered with the Digital Authentication App");
  if (!input.state) throw AppError.validation([{ field: "state", reason: "is required" }]);
  const secrets = sessionSecrets(services.keys, input.state);
  const session = await useSession(services.db, secrets.stateHash, services.clock());
  if (!session) {
    throw new AppError("not_found", "state: unknown or already used", {
      errors: [{ field: "state", reason: "unknown or already used" }],
    });
  }
  const application = await findApplicationById(services.db, session.application_id);
  if (!application) throw new AppError("application_not_found", "The application is gone");

  let outcome: DigitalAuthOutcome;
  // Why a trip failed on our side (the service's or the adapter's code, e.g. jwe_undecryptable): for
  // the operator in the audit trail; the applicant is told only that it failed.
  let failure: string | undefined;
  if (new Date(session.expires_at).getTime() < services.clock().getTime()) outcome = "timeout";
  else if (input.error) outcome = failureOf(input.error);
  else if (!input.code) outcome = "failed";
  else {
    try {
      const { accessToken } = await app.exchangeCode({
        code: input.code,
        codeVerifier: secrets.codeVerifier,
        nonce: secrets.nonce,
      });
      const result = await app.signatureResult({ transactionId: session.transaction_id, accessToken });
      const added = await addEvidence(services, application, {
        kind: "jpki",
        signature: result.signature,
        certificate: result.certificate,
        certificateStatus: {
          source: "digital_auth_app",
          status: result.certificateStatus,
          checkedAt: result.checkedAt,
        },
      });
      outcome = added.checks.every((c) => c.status !== "fail") ? "signed" : "checks_failed";
    } catch (error) {
      if (!(error instanceof DigitalAuthError) && !(error instanceof AppError)) throw error;
      outcome = "failed";
      failure = error.code ?? (error instanceof DigitalAuthError ? "digital_auth_error" : undefined);
    }
  }
  await services.db.transaction(async (tx) => {
    await setSessionOutcome(tx, session.id, outcome);
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: "application.digital_auth_returned",
      subject: application.reference,
      data: { transactionId: session.transaction_id, outcome, ...(failure ? { failure } : {}) },
    });
  });
  return { reference: application.reference, outcome };
}

/**
 * The latest trip's outcome (the PC page polls it while the phone signs) and, once signed, the JPKI
 * checks of the stored signature run again now, in the applicant's language: what differs from the
 * form is named there (the particulars checks), so the site can say it.
 */
export async function latestDigitalAuthOutcome(
  services: Pick<Services, "db" | "keys" | "clock" | "trust" | "documents">,
  application: ApplicationRow,
): Promise<{
  outcome: DigitalAuthOutcome | "pending" | null;
  startedAt: string | null;
  checks: ExplainedCheck[];
  /** The card's own particulars, when they differ from the form: the applicant may take them. */
  card: JpkiParticulars | null;
}> {
  const row = await latestSession(services.db, application.id);
  if (!row) return { outcome: null, startedAt: null, checks: [], card: null };
  const outcome = (row.outcome as DigitalAuthOutcome | null) ?? "pending";
  const startedAt = new Date(row.created_at).toISOString();
  if (outcome !== "signed" && outcome !== "checks_failed") return { outcome, startedAt, checks: [], card: null };
  const { particulars, evidence } = await loadApplicationData(services, application);
  const jpki = evidence.find((e) => e.kind === "jpki");
  if (!particulars || jpki?.kind !== "jpki") return { outcome, startedAt, checks: [], card: null };
  const verification = await verifyJpkiSignature(
    {
      data: jpkiSigningPayload(application.reference, particulars),
      signature: Buffer.from(jpki.signature, "base64"),
      certificate: jpki.certificate ? Buffer.from(jpki.certificate, "base64") : undefined,
    },
    {
      anchors: services.trust.jpki.anchors,
      revocation: jpki.certificateStatus ? answeredRevocation(jpki.certificateStatus) : services.trust.jpkiRevocation,
      at: services.clock(),
      form: particulars,
    },
  );
  const differs = verification.checks.some((c) => c.code === "jpki.particulars_match_form" && c.status !== "pass");
  return {
    outcome,
    startedAt,
    checks: verification.checks.map((c) => explainCheck(c, application.language)),
    card: differs ? (verification.fields.particulars ?? null) : null,
  };
}

type ExplainedCheck = ReturnType<typeof explainCheck>;
