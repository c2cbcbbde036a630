import { explainCheck, type Particulars } from "@jitsumei/domain";
import type { z } from "zod";
import { activateLine } from "../../applications/activate-line.ts";
import { addEvidence, type EvidenceInput } from "../../applications/add-evidence.ts";
import {
  creationOrigin,
  enforceApplicationLimits,
  refuseSpecimen,
  submissionOrigin,
} from "../../applications/application-limits.ts";
import { type ApplicationRow, findApplicationByReference } from "../../applications/application-row.ts";
import { changeApplicationLanguage } from "../../applications/change-language.ts";
import { createApplication } from "../../applications/create-application.ts";
import { cancelApplication } from "../../applications/end-application.ts";
import { getApplicationView, listApplicationEvents } from "../../applications/get-application.ts";
import { issueChipChallenge } from "../../applications/issue-chip-challenge.ts";
import { loadApplicantDetails } from "../../applications/load-application-data.ts";
import { requestActivationCode } from "../../applications/request-activation-code.ts";
import { submitApplication } from "../../applications/submit-application.ts";
import { updateParticulars } from "../../applications/update-particulars.ts";
import { AppError } from "../../errors.ts";
import { jpkiSigningPayload, sha256Hex } from "../../evidence/jpki-payload.ts";
import { decodeCursor, defineRoute, encodeCursor } from "../route.ts";
import {
  activatedSchema,
  activationBodySchema,
  activationCodeIssuedSchema,
  applicationLanguageSchema,
  applicationViewSchema,
  chipChallengeSchema,
  createApplicationSchema,
  createdApplicationSchema,
  eventListSchema,
  evidenceAddedSchema,
  evidenceBodySchema,
  jpkiPayloadSchema,
  pageQuerySchema,
  particularsBodySchema,
  referenceParamsSchema,
  submitBodySchema,
} from "../schemas.ts";

type Ref = z.infer<typeof referenceParamsSchema>;
type SubmitBody = z.infer<typeof submitBodySchema>;

/** Routes with auth "applicant" always receive the application; this makes that visible to the compiler. */
export function opened(application: ApplicationRow | null): ApplicationRow {
  if (!application) throw new Error("route declared auth 'applicant' but no application was opened");
  return application;
}

const viewResponse = { 200: { description: "The application", schema: applicationViewSchema } };

export const applicationRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof createApplicationSchema>>({
    method: "POST",
    path: "/v1/applications",
    operationId: "createApplication",
    summary: "Start an application for a plan",
    tag: "applications",
    auth: "none",
    body: createApplicationSchema,
    idempotent: true,
    responses: { 201: { description: "Created; keep the access token", schema: createdApplicationSchema } },
    async handler({ body, client }, services) {
      await enforceApplicationLimits(
        { ...services, limits: services.config.applicationLimits },
        "create",
        creationOrigin(services.keys, client, body.contact),
      );
      const created = await createApplication(services, { ...body, client });
      return { status: 201, body: created, headers: { location: `/v1/applications/${created.reference}` } };
    },
  }),

  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}",
    operationId: "getApplication",
    summary: "The application's state, what is still needed, and the check results with reasons",
    tag: "applications",
    alsoTags: ["reader"],
    auth: "applicant",
    params: referenceParamsSchema,
    responses: viewResponse,
    async handler({ application }, services) {
      return { status: 200, body: await getApplicationView(services, opened(application)) };
    },
  }),

  defineRoute<Ref, z.infer<typeof pageQuerySchema>>({
    method: "GET",
    path: "/v1/applications/{reference}/events",
    operationId: "listApplicationEvents",
    summary: "The application's history of state changes",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    query: pageQuerySchema,
    responses: { 200: { description: "A page of events, oldest first", schema: eventListSchema } },
    async handler({ application, query }, { db }) {
      const after = decodeCursor(query.cursor, (v): v is number => Number.isInteger(v)) ?? 0;
      const page = await listApplicationEvents(db, opened(application).id, after, query.limit);
      return {
        status: 200,
        body: { items: page.items, nextCursor: page.nextVersion ? encodeCursor(page.nextVersion) : null },
      };
    },
  }),

  defineRoute<Ref, undefined, Particulars>({
    method: "PUT",
    path: "/v1/applications/{reference}/applicant",
    operationId: "putApplicant",
    summary: "Set the applicant's particulars (while the application is a draft or needs correction)",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    body: particularsBodySchema,
    responses: viewResponse,
    async handler({ application, body }, services) {
      refuseSpecimen(body.document.number, services.config.refuseSpecimenDocuments);
      const updated = await updateParticulars(services, opened(application), body);
      return { status: 200, body: await getApplicationView(services, updated) };
    },
  }),

  defineRoute<Ref, undefined, z.infer<typeof applicationLanguageSchema>>({
    method: "PUT",
    path: "/v1/applications/{reference}/language",
    operationId: "putApplicationLanguage",
    summary: "Set the application's language (the site's switcher): status texts and later mails follow it",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    body: applicationLanguageSchema,
    responses: viewResponse,
    async handler({ application, body }, services) {
      const changed = await changeApplicationLanguage(services.db, opened(application), body.language);
      return { status: 200, body: await reopenView(services, changed) };
    },
  }),

  defineRoute<Ref, undefined, EvidenceInput>({
    method: "POST",
    path: "/v1/applications/{reference}/evidence",
    operationId: "addEvidence",
    summary:
      "Add evidence: the MRZ, an IC chip as read (a reader app's upload, docs/reader-contract.md), a JPKI signature, photos",
    tag: "applications",
    alsoTags: ["reader"],
    auth: "applicant",
    params: referenceParamsSchema,
    body: evidenceBodySchema,
    idempotent: true,
    responses: { 201: { description: "Accepted", schema: evidenceAddedSchema } },
    bodyLimit: 21 * 1024 * 1024, // a 15 MiB image in base64
    async handler({ application, body }, services) {
      const added = await addEvidence(services, opened(application), body);
      const language = opened(application).language;
      return { status: 201, body: { ...added, checks: added.checks.map((c) => explainCheck(c, language)) } };
    },
  }),

  defineRoute<Ref>({
    method: "POST",
    path: "/v1/applications/{reference}/chip-challenge",
    operationId: "issueChipChallenge",
    summary:
      "A fresh Active Authentication challenge (8 bytes, single use, 5 minutes): the chip signs it, the chip evidence carries the answer",
    tag: "applications",
    alsoTags: ["reader"],
    auth: "applicant",
    params: referenceParamsSchema,
    responses: { 201: { description: "Issued", schema: chipChallengeSchema } },
    async handler({ application }, services) {
      return { status: 201, body: await issueChipChallenge(services, opened(application)) };
    },
  }),

  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/jpki-payload",
    operationId: "getJpkiPayload",
    summary: "The exact bytes to sign with the My Number card's signing certificate (then POST .../evidence kind jpki)",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    responses: { 200: { description: "What to sign", schema: jpkiPayloadSchema } },
    async handler({ application }, services) {
      const { particulars } = await loadApplicantDetails(services.keys, opened(application));
      if (!particulars) {
        throw new AppError("application_incomplete", "Give the particulars first: the JPKI signature is over them", {
          errors: [{ field: "applicant", reason: "particulars are required before a JPKI signature" }],
        });
      }
      const payload = jpkiSigningPayload(opened(application).reference, particulars);
      return {
        status: 200,
        body: { payload: payload.toString("base64"), sha256: sha256Hex(payload), text: payload.toString("utf8") },
      };
    },
  }),

  defineRoute<Ref, undefined, SubmitBody>({
    method: "POST",
    path: "/v1/applications/{reference}/submit",
    operationId: "submitApplication",
    summary: "Submit: run the automated checks and decide (approved, in review, correction, rejected)",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    body: submitBodySchema,
    idempotent: true,
    responses: viewResponse,
    async handler({ application, body, client }, services) {
      await enforceApplicationLimits(
        { ...services, limits: services.config.applicationLimits },
        "submit",
        await submissionOrigin(services.db, services.keys, client, opened(application).id),
      );
      await submitApplication(
        {
          ...services,
          velocity: services.config.velocity,
          reviewCap: services.config.applicationLimits.review,
          refuseSpecimenDocuments: services.config.refuseSpecimenDocuments,
        },
        opened(application),
        body.acceptance,
      );
      return { status: 200, body: await reopenView(services, opened(application)) };
    },
  }),

  defineRoute<Ref>({
    method: "POST",
    path: "/v1/applications/{reference}/activation-code",
    operationId: "requestActivationCode",
    summary: "Mail a one-time activation code to the application's contact address",
    tag: "activation",
    auth: "applicant",
    params: referenceParamsSchema,
    idempotent: true,
    responses: { 202: { description: "The code is on its way", schema: activationCodeIssuedSchema } },
    async handler({ application }, services) {
      const issued = await requestActivationCode(
        {
          ...services,
          ttlMinutes: services.config.activationCodeTtlMinutes,
          mailFrom: services.config.mail.from,
        },
        opened(application),
      );
      return { status: 202, body: issued };
    },
  }),

  defineRoute<Ref, undefined, z.infer<typeof activationBodySchema>>({
    method: "POST",
    path: "/v1/applications/{reference}/activation",
    operationId: "activateLine",
    summary: "Activate the line with the one-time code (five wrong codes lock activation)",
    tag: "activation",
    auth: "applicant",
    params: referenceParamsSchema,
    body: activationBodySchema,
    idempotent: true,
    responses: { 200: { description: "The line works", schema: activatedSchema } },
    async handler({ application, body }, services) {
      const line = await activateLine(services, opened(application), body.code);
      return { status: 200, body: { reference: opened(application).reference, state: "active", ...line } };
    },
  }),
  defineRoute<Ref>({
    method: "POST",
    path: "/v1/applications/{reference}/cancel",
    operationId: "cancelApplication",
    summary: "Withdraw the application: its line (if any) is released and any deposit refunded",
    tag: "applications",
    auth: "applicant",
    params: referenceParamsSchema,
    idempotent: true,
    responses: viewResponse,
    async handler({ application }, services) {
      await cancelApplication(services, opened(application), { kind: "applicant" });
      return { status: 200, body: await reopenView(services, opened(application)) };
    },
  }),
];

async function reopenView(services: Parameters<typeof getApplicationView>[0], application: ApplicationRow) {
  const fresh = await findApplicationByReference(services.db, application.reference);
  return getApplicationView(services, fresh ?? application);
}
