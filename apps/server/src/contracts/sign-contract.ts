import { signPdf } from "@jitsumei/documents";
import type { ApplicationRow } from "../applications/application-row.ts";
import { applyEvent } from "../applications/apply-event.ts";
import { cipherFor } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { issueWhenReady } from "../issuance/issue-when-ready.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { listDocuments, readDocument, type StoredDocument, storeDocument } from "./contract-documents.ts";
import type { ContractSealer } from "./contract-signer.ts";
import { insertContractConsent } from "./contracts-repository.ts";

/** The wording the applicant agrees to; its version is recorded with the consent. */
export const CONSENT_TEXT_VERSION = "contract-consent@2026-11-24";

export type SignatureInput = {
  accept: true;
  /** The SHA-256 of each document as the applicant was shown it. */
  documents: { importantMatters: string; contract: string };
};

/**
 * The applicant's signature is their consent, recorded as an event: when, from where, and the SHA-256
 * of the exact PDFs shown. The contract is then sealed with the operator's PAdES signature and a
 * time-stamp, stored as issued, and the application moves on (to the deposit, or straight to its SIM).
 */
export async function signContract(
  deps: {
    db: Database;
    keys: KeyManagement;
    sealer: () => ContractSealer;
    clock: () => Date;
    documents: DocumentStorage;
  },
  application: ApplicationRow,
  input: SignatureInput,
  client: { ip: string; userAgent: string | null },
): Promise<{ state: string; signedContract: StoredDocument }> {
  if (application.state !== "contract_pending") {
    throw new AppError(
      "transition_not_allowed",
      `The application is ${application.state}: there is no contract to sign`,
      {
        state: application.state,
        event: "sign_contract",
      },
    );
  }
  const documents = await listDocuments(deps.db, application.id);
  const shown = {
    importantMatters: documents.find((d) => d.kind === "important_matters"),
    contract: documents.find((d) => d.kind === "contract"),
  };
  if (!shown.importantMatters || !shown.contract) throw new Error(`no contract documents for ${application.reference}`);
  const stale = (["importantMatters", "contract"] as const).filter(
    (k) => input.documents[k].toLowerCase() !== shown[k]?.sha256,
  );
  if (stale.length > 0) {
    throw new AppError("contract_changed", "These are not the documents we issued: read them again and sign", {
      errors: stale.map((k) => ({ field: `documents.${k}`, reason: "is not the SHA-256 of the document we issued" })),
    });
  }
  const cipher = await cipherFor(deps.keys, application);
  const contract = await readDocument(deps.db, deps.documents, cipher, application.id, shown.contract.id);
  if (!contract) throw new Error("the contract vanished");
  const now = deps.clock();
  const sealer = deps.sealer();
  const sealed = await signPdf(contract.pdf, sealer.signer, {
    reason: `Contract ${shown.contract.documentNumber}: the applicant consented on ${now.toISOString()}`,
    location: "Japan",
    tsa: sealer.tsa,
    signingTime: now,
  });
  return deps.db.transaction(async (tx) => {
    let signed: StoredDocument | undefined;
    const applied = await applyEvent(
      tx,
      {
        applicationId: application.id,
        event: "sign_contract",
        actor: { kind: "applicant" },
        data: {
          consentTextVersion: CONSENT_TEXT_VERSION,
          documents: { importantMatters: shown.importantMatters?.sha256, contract: shown.contract?.sha256 },
        },
      },
      async () => {
        await insertContractConsent(tx, {
          applicationId: application.id,
          consentedAt: now,
          language: application.language,
          consentTextVersion: CONSENT_TEXT_VERSION,
          documents: JSON.stringify(input.documents),
          clientEnc: cipher.encryptJson("consent-client", client),
        });
        signed = await storeDocument(tx, deps.documents, cipher, {
          applicationId: application.id,
          kind: "signed_contract",
          documentNumber: `SC-${application.reference}`,
          language: application.language,
          pdf: sealed,
        });
        return { signedContractSha256: signed.sha256 };
      },
    );
    const state = (await issueWhenReady(tx, applied.application)) ? "sim_assigned" : applied.to;
    if (!signed) throw new Error("the signed contract was not stored");
    return { state, signedContract: signed };
  });
}
