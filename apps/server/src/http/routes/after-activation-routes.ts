import {
  documentTypes,
  languages,
  particularsSchema,
  supportingDocumentTypes,
  transferRelationships,
} from "@jitsumei/domain";
import { z } from "zod";
import {
  decideHolderChange,
  type HolderChangeDecision,
  holderChangeRejectReasons,
} from "../../holder-changes/decide-holder-change.ts";
import { listHolderChanges, viewHolderChange } from "../../holder-changes/list-holder-changes.ts";
import { type HolderChangeInput, requestHolderChange } from "../../holder-changes/request-holder-change.ts";
import { listTransfers } from "../../transfers/list-transfers.ts";
import { startTransfer } from "../../transfers/start-transfer.ts";
import { defineRoute } from "../route.ts";
import { base64Bytes, contactSchema } from "../schemas.ts";

const lineParams = z.object({ msisdn: z.string().regex(/^0\d{9,10}$/, "must be the line's number, digits only") });
const changeParams = z.object({ changeId: z.uuid({ error: "must be a change request id" }) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");

const evidenceItem = z
  .object({
    documentType: z.enum([...documentTypes, ...supportingDocumentTypes], {
      error: `must be one of ${[...documentTypes, ...supportingDocumentTypes].join(", ")}`,
    }),
    issuedOn: isoDate.optional().describe("When a supporting document was issued (required for one)"),
    image: base64Bytes(8 * 1024 * 1024).describe("JPEG, PNG or WebP; metadata is stripped before storage"),
  })
  .strict();
const evidenceList = z.array(evidenceItem).max(2, "must be at most 2 documents").default([]);
const particulars = particularsSchema.shape;

const holderChangeBody = z
  .discriminatedUnion(
    "kind",
    [
      z
        .object({
          kind: z.literal("name"),
          name: particulars.name,
          document: particulars.document.optional().describe("The document in the new name, for the record"),
          evidence: evidenceList,
        })
        .strict(),
      z.object({ kind: z.literal("address"), address: particulars.address.unwrap(), evidence: evidenceList }).strict(),
      z.object({ kind: z.literal("contact"), contact: contactSchema, evidence: evidenceList }).strict(),
    ],
    { error: "must be one of: name, address, contact" },
  )
  .meta({ id: "HolderChange" });

const requestedSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  msisdn: z.string(),
  requestedAt: z.string(),
  policy: z.object({ id: z.string(), version: z.string() }),
});

const transferBody = z
  .object({
    relationship: z
      .enum(transferRelationships, { error: `must be one of ${transferRelationships.join(", ")}` })
      .describe("The new holder's relationship to you: none, or a relative (親族) or household member"),
    newHolder: contactSchema.extend({ language: z.enum(languages) }).strict(),
  })
  .strict();

const decisionBody = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("approve") }).strict(),
    z.object({ decision: z.literal("reject"), reason: z.enum(holderChangeRejectReasons) }).strict(),
  ],
  { error: "must be approve or reject" },
);

const summarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  msisdn: z.string(),
  kind: z.string(),
  status: z.string(),
  evidenceCount: z.number().int(),
  policy: z.string(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  recordId: z.string().nullable(),
});

function who<T>(value: T | null): T {
  if (!value) throw new Error("route declared its auth but nobody signed in");
  return value;
}

/** Life after activation: corrections of the holder's particulars, and transfers of a line (issue 8). */
export const afterActivationRoutes = [
  defineRoute<z.infer<typeof lineParams>, undefined, z.infer<typeof holderChangeBody>>({
    method: "POST",
    path: "/v1/subscriber/lines/{msisdn}/holder-changes",
    operationId: "requestHolderChange",
    summary:
      "Ask to change the holder's name, address or contact details, with the documents the policy in force asks for; a person decides",
    tag: "subscriber",
    auth: "subscriber",
    params: lineParams,
    body: holderChangeBody,
    bodyLimit: 24 * 1024 * 1024,
    responses: { 201: { description: "Waiting for a decision", schema: requestedSchema } },
    async handler({ subscriber, params, body }, services) {
      const created = await requestHolderChange(services, who(subscriber), params.msisdn, body as HolderChangeInput);
      return { status: 201, body: created };
    },
  }),
  defineRoute<z.infer<typeof lineParams>, undefined, z.infer<typeof transferBody>>({
    method: "POST",
    path: "/v1/subscriber/lines/{msisdn}/transfers",
    operationId: "startLineTransfer",
    summary:
      "Transfer one of your lines to someone else (譲渡): they get an application to prove who they are; a reviewer consents",
    tag: "subscriber",
    auth: "subscriber",
    params: lineParams,
    body: transferBody,
    responses: {
      201: {
        description: "The new holder's application (also mailed to them)",
        schema: z.object({
          transferId: z.string(),
          msisdn: z.string(),
          reference: z.string(),
          accessToken: z.string(),
          requirements: z.object({
            policy: z.object({ id: z.string(), version: z.string() }),
            relationship: z.string(),
            exemptRelative: z.boolean(),
            steps: z.record(z.string(), z.enum(["law", "house", "none"])),
          }),
        }),
      },
    },
    async handler({ subscriber, params, body }, services) {
      const started = await startTransfer(
        { ...services, mailFrom: services.config.mail.from },
        who(subscriber),
        params.msisdn,
        body,
      );
      return { status: 201, body: started };
    },
  }),
  defineRoute<undefined, { status: "pending" | "approved" | "rejected" }>({
    method: "GET",
    path: "/v1/staff/holder-changes",
    operationId: "listHolderChanges",
    summary: "Changes of holders' particulars by status (pending first come first)",
    tag: "review",
    auth: "staff",
    permission: "holder_changes.review",
    query: z.object({ status: z.enum(["pending", "approved", "rejected"]).default("pending") }).strict(),
    responses: { 200: { description: "Changes", schema: z.object({ items: z.array(summarySchema) }) } },
    async handler({ query }, { db }) {
      return { status: 200, body: { items: await listHolderChanges(db, { status: query.status }) } };
    },
  }),
  defineRoute<z.infer<typeof changeParams>>({
    method: "GET",
    path: "/v1/staff/holder-changes/{changeId}",
    operationId: "getHolderChange",
    summary: "One change: what is on record, what is asked for, the documents, the record's versions (audited)",
    tag: "review",
    auth: "staff",
    permission: "holder_changes.review",
    params: changeParams,
    responses: {
      200: {
        description: "The change",
        schema: summarySchema.extend({
          current: z.unknown(),
          requested: z.unknown(),
          recordVersions: z.array(
            z.object({
              recordId: z.string(),
              version: z.number().int(),
              reason: z.string(),
              supersedes: z.string().nullable(),
              createdAt: z.string(),
              contractEndedAt: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    async handler({ params, staff }, services) {
      return { status: 200, body: await viewHolderChange(services, params.changeId, `staff:${who(staff).id}`) };
    },
  }),
  defineRoute<z.infer<typeof changeParams>, undefined, z.infer<typeof decisionBody>>({
    method: "POST",
    path: "/v1/staff/holder-changes/{changeId}/decision",
    operationId: "decideHolderChange",
    summary: "Approve (a new version of the verification record) or reject (with a reason code) a change",
    tag: "review",
    auth: "staff",
    permission: "holder_changes.review",
    params: changeParams,
    body: decisionBody,
    responses: {
      200: {
        description: "Decided",
        schema: z.object({
          id: z.string(),
          status: z.string(),
          record: z.object({ recordId: z.string(), version: z.number().int(), supersedes: z.string() }).nullable(),
        }),
      },
    },
    async handler({ params, body, staff }, services) {
      const decided = await decideHolderChange(
        { ...services, mailFrom: services.config.mail.from },
        who(staff),
        params.changeId,
        body as HolderChangeDecision,
      );
      return { status: 200, body: decided };
    },
  }),
  defineRoute<undefined, { open: boolean }>({
    method: "GET",
    path: "/v1/staff/transfers",
    operationId: "listTransfers",
    summary:
      "Transfers of lines (newest first): relationship, what the law and the house asked for, the new holder's case",
    tag: "review",
    auth: "staff",
    permission: "applications.queue",
    query: z
      .object({
        open: z
          .enum(["true", "false"])
          .default("false")
          .transform((v) => v === "true"),
      })
      .strict(),
    responses: {
      200: {
        description: "Transfers",
        schema: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              msisdn: z.string(),
              fromReference: z.string(),
              toReference: z.string(),
              status: z.string(),
              newHolderState: z.string(),
              relationship: z.string(),
              requirements: z.record(z.string(), z.string()),
              policy: z.string(),
              requestedAt: z.string(),
              completedAt: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    async handler({ query }, { db }) {
      return { status: 200, body: { items: await listTransfers(db, { open: query.open }) } };
    },
  }),
];
