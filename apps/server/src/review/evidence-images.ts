import { faceFromDg2 } from "@jitsumei/evidence";
import { selectNewestEvidenceOfKinds } from "../applications/evidence-repository.ts";
import { cipherFor, type StoredEvidence } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { requireApplication } from "./require-application.ts";

/**
 * The faces a reviewer compares with the particulars: the photo the document's chip holds (the issuer's,
 * DG2 of a passport or the residence card's face image) and the applicant's selfie. Each opening is a
 * look at biometric data, so each is audited: who, when, which image of which application.
 */
export const caseImages = ["chip_face", "selfie"] as const;
export type CaseImage = (typeof caseImages)[number];

/** Which stored evidence holds each image (the newest of these kinds). */
const kindsOf: Record<CaseImage, readonly StoredEvidence["kind"][]> = {
  chip_face: ["chip", "residence_card_chip"],
  selfie: ["selfie"],
};

export function imagesIn(evidenceKinds: readonly string[]): CaseImage[] {
  return caseImages.filter((image) => kindsOf[image].some((kind) => evidenceKinds.includes(kind)));
}

export async function openCaseImage(
  deps: { db: Database; keys: KeyManagement; documents: DocumentStorage },
  input: { reference: string; image: CaseImage; staffId: string },
): Promise<{ bytes: Buffer; contentType: string }> {
  const application = await requireApplication(deps.db, input.reference);
  const row = await selectNewestEvidenceOfKinds(deps.db, application.id, kindsOf[input.image]);
  if (!row) throw new AppError("not_found", `The application has no ${input.image.replace("_", " ")}`);
  const cipher = await cipherFor(deps.keys, application);
  const stored = cipher.decryptJson<StoredEvidence>(`evidence:${row.kind}`, await deps.documents.read(row));
  const image = imageOf(stored);
  if (!image) throw new AppError("not_found", "The chip holds no face image");
  await deps.db.transaction(async (tx) => {
    await appendAuditEntry(tx, {
      actor: `staff:${input.staffId}`,
      action: "application.image_viewed",
      subject: application.reference,
      data: { image: input.image, evidenceId: row.id },
    });
  });
  return image;
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** Selfies were re-encoded as JPEG by the hygiene step; a chip's face is as the issuer wrote it (JPEG or JPEG 2000). */
function imageOf(stored: StoredEvidence): { bytes: Buffer; contentType: string } | null {
  if (stored.kind === "selfie") return { bytes: Buffer.from(stored.image, "base64"), contentType: "image/jpeg" };
  if (stored.kind === "residence_card_chip") {
    const face = Buffer.from(stored.face, "base64");
    if (face.length === 0) return null;
    return facePicture({ format: face.subarray(0, 3).equals(JPEG) ? "jpeg" : "jpeg2000", bytes: face });
  }
  if (stored.kind === "chip") {
    const dg2 = stored.dataGroups["2"];
    if (!dg2) return null;
    try {
      return facePicture(faceFromDg2(Buffer.from(dg2, "base64")));
    } catch {
      return null;
    }
  }
  return null;
}

function facePicture(face: { format: "jpeg" | "jpeg2000"; bytes: Buffer } | null) {
  if (!face) return null;
  return { bytes: face.bytes, contentType: face.format === "jpeg" ? "image/jpeg" : "image/jp2" };
}
