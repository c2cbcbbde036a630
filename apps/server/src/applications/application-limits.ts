import { readFileSync } from "node:fs";
import type { Config } from "../config/config.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { enforceLimits, type Limit } from "../limits/rate-limits.ts";
import { countOthersWithDocumentInStates, selectContactIndexes } from "./applications-repository.ts";
import { deviceIndex, emailIndex, phoneIndex } from "./contact-indexes.ts";

/**
 * Brakes on draining the SIM and number stock (issue #21, finding 1): creations and submissions per
 * address, device and contact, counted in the database so that they hold across server processes,
 * and a cap on how many applications one identity may have waiting on a reviewer at once.
 */
export type ApplicationLimits = Config["applicationLimits"];

/** Who is asking: the address, the device's blind index, the contacts' blind indexes (hex). */
export type Origin = {
  ip: string;
  device: string | null;
  contacts: readonly string[];
};

type Client = { ip: string; deviceId: string | null };

/** A creation's origin: the client, and the e-mail and phone it gives (as the application will index them). */
export function creationOrigin(
  keys: KeyManagement,
  client: Client,
  contact: { email: string; phone?: string | undefined },
): Origin {
  return {
    ip: client.ip,
    device: client.deviceId ? deviceIndex(keys, client.deviceId).toString("hex") : null,
    contacts: [
      emailIndex(keys, contact.email).toString("hex"),
      ...(contact.phone ? [phoneIndex(keys, contact.phone).toString("hex")] : []),
    ],
  };
}

/** A submission's origin: the client, and the contacts the application gave (its stored blind indexes). */
export async function submissionOrigin(
  db: Queryable,
  keys: KeyManagement,
  client: Client,
  applicationId: string,
): Promise<Origin> {
  const row = await selectContactIndexes(db, applicationId);
  const hex = (b: unknown) => (b ? Buffer.from(b as Uint8Array).toString("hex") : null);
  return {
    ip: client.ip,
    device: client.deviceId ? deviceIndex(keys, client.deviceId).toString("hex") : null,
    contacts: [hex(row?.contact_index), hex(row?.phone_index)].filter((c): c is string => c !== null),
  };
}

function limitsFor(step: "create" | "submit", origin: Origin, limits: ApplicationLimits): Limit[] {
  const windowSeconds = limits.hours * 3600;
  return [
    { kind: `${step}:ip`, value: origin.ip, max: limits.ip, windowSeconds },
    ...(origin.device ? [{ kind: `${step}:device`, value: origin.device, max: limits.device, windowSeconds }] : []),
    ...origin.contacts.map((value) => ({ kind: `${step}:contact`, value, max: limits.contact, windowSeconds })),
  ];
}

/** Counts this creation or submission; refuses it (429, Retry-After) over any limit. */
export async function enforceApplicationLimits(
  deps: { db: Queryable; keys: KeyManagement; clock: () => Date; limits: ApplicationLimits },
  step: "create" | "submit",
  origin: Origin,
): Promise<void> {
  await enforceLimits(
    deps.db,
    deps.keys,
    limitsFor(step, origin, deps.limits),
    deps.clock(),
    step === "create" ? "applications started" : "applications submitted",
  );
}

/** States in which an application waits on a person at the operator. */
const waitingOnReview = ["in_review", "override_pending"];

/**
 * One identity (the blind index of its document) may hold at most `max` applications in review at
 * once: a review queue filled by one person's copies stalls everyone else's.
 */
export async function enforceReviewCap(
  db: Queryable,
  application: { id: string; documentIndex: unknown },
  max: number,
): Promise<void> {
  if (!application.documentIndex) return;
  const held = await countOthersWithDocumentInStates(db, {
    documentIndex: application.documentIndex,
    applicationId: application.id,
    states: waitingOnReview,
  });
  if (held >= max) {
    throw new AppError(
      "too_many_in_review",
      `This document already has ${held} application(s) waiting for a decision: wait for them before submitting another`,
      { limit: max, errors: [{ field: "document.number", reason: `already has ${held} application(s) in review` }] },
    );
  }
}

/** The list is data, with each entry's source: specimen-documents.json beside this file. */
const specimens = JSON.parse(readFileSync(new URL("./specimen-documents.json", import.meta.url), "utf8")) as {
  documents: { number: string; kind: string; source: string }[];
};
const specimenNumbers = new Set(specimens.documents.map((d) => d.number));

/** A published specimen's number (ICAO's Anna Eriksson, …): no real person holds that document. */
export function specimenDocument(number: string | undefined): { kind: string; source: string } | null {
  if (!number) return null;
  const normalised = number.toUpperCase().replace(/[\s<-]/g, "");
  if (!specimenNumbers.has(normalised)) return null;
  return specimens.documents.find((d) => d.number === normalised) ?? null;
}

/** Refuses a specimen's number (when the configuration says so), naming the field. */
export function refuseSpecimen(number: string | undefined, refuse: boolean): void {
  if (!refuse) return;
  const specimen = specimenDocument(number);
  if (!specimen) return;
  throw new AppError(
    "specimen_document",
    `This is the number of a published specimen (${specimen.kind}), not of a real document`,
    {
      errors: [{ field: "document.number", reason: "is a published specimen's number, not a real document's" }],
      source: specimen.source,
    },
  );
}
