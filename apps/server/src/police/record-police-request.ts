import { randomUUID } from "node:crypto";
import { type OperatorDetails, renderLetter } from "@jitsumei/documents";
import { interpolate, type Language, todayInJapan } from "@jitsumei/domain";
import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { printedName } from "../applications/printed-name.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { storeDocument } from "../contracts/contract-documents.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { queueMail } from "../mail/outbox.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import { insertPoliceRequest, selectActiveLineByMsisdn, setLetterDocument } from "./police-repository.ts";
import { howToVerify, letterTexts, mailTexts } from "./police-texts.ts";
import { sealPoliceAuthority } from "./seal-police-requests.ts";

/**
 * How long the holder has to verify again when the request names no deadline. The Act leaves the
 * period to the operator ("a reasonable period"); two weeks from the letter is this operator's practice.
 */
export const DEFAULT_REVERIFICATION_DAYS = 14;

export type PoliceRequestInput = {
  msisdn: string;
  /** The requesting authority, e.g. "警視庁○○警察署長". */
  authority: string;
  /** The authority's own reference for its written request. */
  authorityReference: string;
  /** The day the written request arrived (YYYY-MM-DD). */
  receivedOn: string;
  /** The last day (in Japan) the holder may verify again; DEFAULT_REVERIFICATION_DAYS from today if absent. */
  deadline?: string | undefined;
  actor: string;
};

export type RecordedPoliceRequest = {
  id: string;
  reference: string;
  msisdn: string;
  deadline: string;
  letter: { id: string; documentNumber: string; sha256: string };
};

/**
 * Records a police request about a line (契約者確認の求め) and asks its holder, in writing, to verify
 * again by the deadline: a letter (PDF, Japanese beside the holder's language) kept in their documents
 * vault, and a mail saying so. All in one transaction, audited with the request's id only.
 */
export async function recordPoliceRequest(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    operator: OperatorDetails;
    mailFrom: string;
    documents: DocumentStorage;
  },
  input: PoliceRequestInput,
): Promise<RecordedPoliceRequest> {
  const now = deps.clock();
  const today = todayInJapan(now);
  if (input.receivedOn > today) {
    throw new AppError("validation_failed", "receivedOn: must not be in the future", {
      errors: [{ field: "receivedOn", reason: "must not be in the future" }],
    });
  }
  const lastDay = input.deadline ?? addDays(today, DEFAULT_REVERIFICATION_DAYS);
  if (lastDay <= today) {
    throw new AppError("validation_failed", "deadline: must be after today", {
      errors: [{ field: "deadline", reason: "must be after today: the holder needs time to answer" }],
    });
  }
  // The end of the last day in Japan: the sweep suspends only after it.
  const deadline = new Date(`${lastDay}T23:59:59.999+09:00`);
  const digits = input.msisdn.replace(/[^0-9]/g, "");
  const line = await selectActiveLineByMsisdn(deps.db, digits);
  if (!line) throw new AppError("subscription_not_active", "No active line has this number");
  const application = await findApplicationById(deps.db, line.application_id);
  if (!application) throw new AppError("application_not_found", "The line's application is missing");
  const { cipher, contact, particulars } = await loadApplicantDetails(deps.keys, application);
  const language = application.language as Language;
  const id = randomUUID();
  const documentNumber = `L-${application.reference}-${id.slice(0, 8).toUpperCase()}`;
  const name = printedName(particulars?.name);
  const pdf = await renderLetter({
    language,
    documentNumber,
    date: now,
    operator: deps.operator,
    content: (l) => ({
      title: letterTexts.title[l],
      salutation: interpolate(letterTexts.salutation[l], { name }),
      paragraphs: [letterTexts.p1[l], letterTexts.p2[l], letterTexts.p3[l]],
      fields: [
        { label: letterTexts.line[l], value: digits },
        { label: letterTexts.deadline[l], value: lastDay },
        { label: letterTexts.how[l], value: interpolate(howToVerify[l], { msisdn: digits }) },
        { label: letterTexts.letterNumber[l], value: documentNumber },
      ],
    }),
  });
  // Sealed like other personal data: a dump shows neither the station nor its reference.
  const authority = await sealPoliceAuthority(deps.keys, id, {
    authority: input.authority,
    authorityReference: input.authorityReference,
  });
  const letter = await deps.db.transaction(async (tx) => {
    await insertPoliceRequest(tx, {
      id,
      subscriptionId: line.id,
      authorityEnc: authority,
      receivedOn: input.receivedOn,
      deadline,
      recordedBy: input.actor,
      createdAt: now,
    });
    const stored = await storeDocument(tx, deps.documents, cipher, {
      applicationId: application.id,
      kind: "reverification_letter",
      documentNumber,
      language,
      pdf,
    });
    await setLetterDocument(tx, id, stored.id);
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: application.id,
      template: "reverification_request",
      to: contact.email,
      from: deps.mailFrom,
      subject: `[Jitsumei] ${interpolate(mailTexts.requestSubject[language], { msisdn: digits, deadline: lastDay })}`,
      text: interpolate(mailTexts.requestBody[language], { msisdn: digits, deadline: lastDay, letter: documentNumber }),
    });
    await appendAuditEntry(tx, {
      actor: input.actor,
      action: "police_request.recorded",
      subject: application.reference,
      data: { requestId: id, deadline: deadline.toISOString(), letterSha256: stored.sha256 },
    });
    return stored;
  });
  return {
    id,
    reference: application.reference,
    msisdn: digits,
    deadline: deadline.toISOString(),
    letter: { id: letter.id, documentNumber, sha256: letter.sha256 },
  };
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
