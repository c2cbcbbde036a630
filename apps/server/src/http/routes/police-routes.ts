import { particularsSchema } from "@jitsumei/domain";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { policeReportCsv, policeRequestReport } from "../../police/police-report.ts";
import { recordPoliceRequest } from "../../police/record-police-request.ts";
import { applicationOfRequest, reverifyLine } from "../../police/reverify-line.ts";
import { subscriberLineApplication } from "../../subscribers/subscriber-access.ts";
import { defineRoute } from "../route.ts";
import { base64Bytes } from "../schemas.ts";

const isoDate = z.iso.date({ error: "must be a date such as 2026-11-25" });

const policeRequestBody = z
  .object({
    msisdn: z
      .string()
      .trim()
      .regex(/^0[0-9-]{9,12}$/, "must be a Japanese phone number such as 070-1234-5678")
      .describe("The line the police asked about"),
    authority: z.string().trim().min(1, "must not be empty").max(200).describe("e.g. 警視庁○○警察署長"),
    authorityReference: z.string().trim().min(1, "must not be empty").max(100).describe("The police's own reference"),
    receivedOn: isoDate.describe("The day the written request arrived"),
    deadline: isoDate
      .optional()
      .describe("The last day (in Japan) the holder may verify again; 14 days from today when absent"),
  })
  .strict();

const recordedSchema = z.object({
  id: z.string(),
  reference: z.string(),
  msisdn: z.string(),
  deadline: z.string().describe("The end of the last day, as an instant"),
  letter: z.object({ id: z.string(), documentNumber: z.string(), sha256: z.string() }),
});

const reportQuery = z.object({
  format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const reverificationBody = z
  .object({
    document: particularsSchema.shape.document
      .optional()
      .describe("The document shown now, if it is not the one on file (a renewed passport)"),
    evidence: z
      .array(
        z.discriminatedUnion(
          "kind",
          [
            z
              .object({
                kind: z.literal("mrz"),
                lines: z
                  .array(z.string().max(60, "must be at most 60 characters"))
                  .min(2, "must have 2 or 3 lines")
                  .max(3, "must have 2 or 3 lines"),
              })
              .strict(),
            z
              .object({
                kind: z.literal("chip"),
                sod: base64Bytes(64 * 1024),
                dataGroups: z
                  .record(
                    z.string().regex(/^([1-9]|1[0-6])$/, "data groups are numbered 1 to 16"),
                    base64Bytes(512 * 1024),
                  )
                  .refine((groups) => "1" in groups, "must include data group 1 (the MRZ)"),
              })
              .strict(),
          ],
          { error: "must be one of: mrz, chip" },
        ),
      )
      .min(1, "must hold at least one piece of evidence")
      .max(2, "must hold at most two pieces of evidence"),
  })
  .strict();

const requestParams = z.object({ id: z.uuid({ error: "must be a police request id" }) });
const reverifiedSchema = z.object({
  requestId: z.string(),
  method: z.string(),
  recordVersion: z.number().int(),
  reverifiedAt: z.string(),
  restored: z.boolean().describe("The deadline had suspended the line; verifying again restored it"),
});
const lineParams = z.object({ msisdn: z.string().regex(/^0\d{9,10}$/, "must be the line's number, digits only") });

/** Police requests (契約者確認の求め): recorded by compliance, answered by the holder re-verifying. */
export const policeRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof policeRequestBody>>({
    method: "POST",
    path: "/v1/staff/police-requests",
    operationId: "recordPoliceRequest",
    summary:
      "Record a police request about a line: the holder gets a letter (PDF in their documents) and a mail asking them to verify again by the deadline",
    tag: "police",
    auth: "staff",
    permission: "police_requests.manage",
    body: policeRequestBody,
    idempotent: true,
    responses: { 201: { description: "Recorded; letter and mail issued", schema: recordedSchema } },
    async handler({ body, staff }, services) {
      if (!staff) throw new Error("route declared auth 'staff' but nobody signed in");
      const recorded = await recordPoliceRequest(
        { ...services, mailFrom: services.config.mail.from },
        { ...body, actor: `staff:${staff.id}` },
      );
      return { status: 201, body: recorded };
    },
  }),
  defineRoute<undefined, z.infer<typeof reportQuery>>({
    method: "GET",
    path: "/v1/staff/police-requests",
    operationId: "reportPoliceRequests",
    summary: "Police requests received in a period and their outcomes (re-verified, suspended, awaiting), JSON or CSV",
    tag: "police",
    auth: "staff",
    permission: "police_requests.manage",
    query: reportQuery,
    responses: {
      200: { description: "The report", schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
    },
    async handler({ query, staff }, { db, keys }) {
      const rows = await policeRequestReport(db, keys, {
        from: query.from ?? null,
        to: query.to ?? null,
        actor: `staff:${staff?.id ?? "unknown"}`,
      });
      if (query.format === "csv") {
        return {
          status: 200,
          body: policeReportCsv(rows),
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": 'attachment; filename="police-requests.csv"',
            "cache-control": "no-store",
          },
        };
      }
      return { status: 200, body: { items: rows } };
    },
  }),
  defineRoute<z.infer<typeof lineParams>, undefined, z.infer<typeof reverificationBody>>({
    method: "POST",
    path: "/v1/subscriber/lines/{msisdn}/reverification",
    operationId: "reverifyOwnLine",
    summary:
      "Verify again, when asked in writing (a police request): the evidence is checked as an application's is; a pass writes the verification record's next version",
    tag: "police",
    auth: "subscriber",
    params: lineParams,
    body: reverificationBody,
    bodyLimit: 2 * 1024 * 1024,
    responses: {
      200: { description: "Verified again; the line stays (or is restored, if suspended)", schema: reverifiedSchema },
    },
    async handler({ subscriber, params, body }, services) {
      if (!subscriber) throw new Error("route declared auth 'subscriber' but nobody signed in");
      const applicationId = await subscriberLineApplication(services.db, subscriber, params.msisdn);
      if (!applicationId) throw new AppError("not_found", "None of your active lines has this number");
      return {
        status: 200,
        body: await reverifyLine(services, {
          applicationId,
          at: { channel: "online", actor: "subscriber" },
          ...body,
        }),
      };
    },
  }),
  defineRoute<z.infer<typeof requestParams>, undefined, z.infer<typeof reverificationBody>>({
    method: "POST",
    path: "/v1/staff/police-requests/{id}/reverification",
    operationId: "reverifyAtCounter",
    summary:
      "Verify the holder again at a shop counter: the clerk reads the document shown (chip or MRZ); checked as an application at a shop is",
    tag: "police",
    auth: "staff",
    permission: "police_requests.counter",
    params: requestParams,
    body: reverificationBody,
    bodyLimit: 2 * 1024 * 1024,
    responses: {
      200: { description: "Verified again; the line stays (or is restored, if suspended)", schema: reverifiedSchema },
    },
    async handler({ staff, params, body }, services) {
      if (!staff) throw new Error("route declared auth 'staff' but nobody signed in");
      const applicationId = await applicationOfRequest(services.db, params.id);
      return {
        status: 200,
        body: await reverifyLine(services, {
          applicationId,
          at: { channel: "shop", actor: `staff:${staff.id}` },
          ...body,
        }),
      };
    },
  }),
];
