import type { Particulars } from "@jitsumei/domain";
import { type ApplicationCipher, applicationCipher } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import type { CertificateStatusSource } from "../digital-auth/answered-revocation.ts";
import type { CardFaceEvidence } from "../evidence/my-number-card-face.ts";
import type { SelfieLiveness } from "../liveness/selfie-liveness.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import type { ApplicationRow } from "./application-row.ts";
import type { ChallengeUse } from "./chip-challenge-repository.ts";
import { listNewestEvidencePerKind } from "./evidence-repository.ts";

export type Contact = { email: string; phone?: string };
/** Evidence as stored (encrypted): raw inputs kept so the checks can be run again years later. */
export type StoredEvidence =
  | { kind: "mrz"; lines: string[] }
  | {
      kind: "chip";
      sod: string; // base64
      dataGroups: Record<string, string>; // base64
      /** The chip's answer to the server's challenge (base64), and what the upload found the challenge to be. */
      activeAuthentication?: { challenge: string; signature: string; challengeUse: ChallengeUse };
      /** Chip Authentication as the reader reported it (never proof: the terminal ran it). */
      chipAuthentication?: { protocol: string; passed: boolean };
    }
  | { kind: "residence_card_chip"; front: string; face: string; checkCode: string; certificate: string } // base64
  | CardFaceEvidence
  | {
      kind: "jpki";
      signature: string;
      certificate: string | null;
      payload: string;
      /** Where the certificate's status came from (the Digital Authentication App's answer), if not the port. */
      certificateStatus?: CertificateStatusSource;
    } // base64
  // Images as re-encoded by the hygiene step (metadata stripped); the upload itself is not kept.
  | { kind: "image"; purpose: ImagePurpose; image: string; sha256: string }
  // A live selfie also records the liveness challenge it was taken in; an uploaded one has none.
  | { kind: "selfie"; image: string; sha256: string; liveness?: SelfieLiveness };

export const imagePurposes = ["document_front", "document_back", "supporting_document"] as const;
export type ImagePurpose = (typeof imagePurposes)[number];
export type EvidenceKind = StoredEvidence["kind"];

export async function cipherFor(keys: KeyManagement, application: ApplicationRow): Promise<ApplicationCipher> {
  const dataKey = await keys.unwrapDataKey(application.wrappedDataKey, `application:${application.id}`);
  return applicationCipher(application.id, dataKey);
}

/**
 * The applicant's contact and particulars: they live on the application row, so this reads nothing
 * from the database, only unwraps the application's key.
 */
export async function loadApplicantDetails(keys: KeyManagement, application: ApplicationRow) {
  const cipher = await cipherFor(keys, application);
  return {
    cipher,
    contact: cipher.decryptJson<Contact>("contact", application.contactEnc),
    particulars: application.particularsEnc
      ? cipher.decryptJson<Particulars>("particulars", application.particularsEnc)
      : null,
  };
}

/** Decrypts everything the applicant gave: details and the newest evidence of each kind. */
export async function loadApplicationData(
  deps: { db: Queryable; keys: KeyManagement; documents: DocumentStorage },
  application: ApplicationRow,
) {
  const { cipher, contact, particulars } = await loadApplicantDetails(deps.keys, application);
  const rows = await listNewestEvidencePerKind(deps.db, application.id);
  const evidence: StoredEvidence[] = [];
  for (const r of rows) {
    evidence.push(cipher.decryptJson<StoredEvidence>(`evidence:${r.kind}`, await deps.documents.read(r)));
  }
  return { contact, particulars, evidence };
}
