import { todayInJapan } from "@jitsumei/domain";
import { z } from "zod";
import { appendAuditEntry, verifyAuditChain } from "../../audit/audit-chain.ts";
import { AppError } from "../../errors.ts";
import { type LoadedPolicy, policySummary } from "../../policy/load-policies.ts";
import {
  exportVerificationRecords,
  exportVerificationRecordsPage,
  recordsPage,
  recordsToCsv,
} from "../../records/export-verification-records.ts";
import { decodeCursor, defineRoute, encodeCursor, isTimeAndIdCursor, type RouteResult } from "../route.ts";

/**
 * Compliance and administration, read-only: the policies loaded and which is in force, the
 * verification records (decrypted, audited), and the audit chain's check (audited that it ran).
 */

const isoDate = z.iso.date({ error: "must be a date such as 2026-11-25" });

const policiesQuery = z
  .object({ at: isoDate.optional().describe("The day to judge 'in force' on (Japan); today when absent") })
  .strict();

const policyParams = z.object({ id: z.string().max(100) });

const policySummarySchema = z.object({
  id: z.string(),
  version: z.string(),
  kind: z.enum(["statutory", "house"]),
  title: z.string(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
  file: z.string(),
  contentHash: z.string(),
  inForce: z.boolean().describe("Whether this version applies on the day asked about"),
});

const recordsQuery = z
  .object({
    format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
    from: isoDate.optional(),
    to: isoDate.optional(),
    reference: z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters").optional(),
    limit: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(recordsPage.max, `must be at most ${recordsPage.max}`)
      .optional()
      .describe(`Records a page (JSON; ${recordsPage.default} when absent)`),
    cursor: z.string().max(200).optional().describe("The previous page's nextCursor (JSON)"),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] })
  // The CSV is the whole search in one file: a page of it would be a file that looks complete.
  .refine((q) => q.format !== "csv" || q.limit === undefined, {
    message: "applies to format=json only (the CSV holds every record)",
    path: ["limit"],
  })
  .refine((q) => q.format !== "csv" || q.cursor === undefined, {
    message: "applies to format=json only (the CSV holds every record)",
    path: ["cursor"],
  });

const auditResultSchema = z
  .discriminatedUnion("valid", [
    z.object({
      valid: z.literal(true),
      entries: z.number().int().describe("Entries that hold, from the first"),
      headHash: z.string().describe("The last entry's hash (hex)"),
      checkedAt: z.string(),
    }),
    z.object({
      valid: z.literal(false),
      entries: z.number().int().describe("Entries that hold, from the first"),
      firstBroken: z.object({ seq: z.number().int(), reason: z.string() }),
      checkedAt: z.string(),
    }),
  ])
  .meta({ id: "AuditChainVerification" });

/** One version of a verification record (本人確認記録) as exported (records/export-verification-records.ts). */
const verificationRecordSchema = z
  .object({
    recordId: z.string(),
    version: z.number().int(),
    reason: z.string().describe("Why this version was written: contract, holder_change, transferred_away, …"),
    supersedes: z.string().nullable(),
    legalHold: z.boolean(),
    reference: z.string(),
    verifiedAt: z.string(),
    verifiedBy: z.string(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    lines: z.object({ count: z.number().int(), phoneNumbers: z.array(z.string()) }),
    particulars: z.object({
      name: z.object({
        family: z.string(),
        given: z.string(),
        kanji: z.string().optional(),
        kana: z.string().optional(),
      }),
      address: z.record(z.string(), z.unknown()).nullable(),
      birthDate: z.string(),
    }),
    method: z.string(),
    checks: z
      .array(z.object({ code: z.string(), status: z.string(), reportedBy: z.literal("reader").optional() }))
      .optional()
      .describe(
        "The checks the pinned policy required of the method for the document, as they ended; reportedBy: reader where the counter program, not the server, vouched (records written before this field have none)",
      ),
    document: z.object({
      type: z.string(),
      number: z.string().nullable(),
      numberNotRecordedBecause: z.string().nullable(),
      issuingCountry: z.string(),
      expiryDate: z.string(),
    }),
    postalTrackingNumber: z.string().nullable(),
    policy: z.object({ id: z.string(), version: z.string(), contentHash: z.string() }),
    acceptance: z.record(z.string(), z.unknown()).optional(),
    transferredFrom: z.record(z.string(), z.unknown()).optional(),
    amendment: z.record(z.string(), z.unknown()).optional(),
    transferredTo: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "VerificationRecord" });

function inForceOn(policy: LoadedPolicy, day: string): boolean {
  return policy.effectiveFrom <= day && (policy.effectiveUntil === null || policy.effectiveUntil >= day);
}

const summary = (p: LoadedPolicy, day: string) => ({ ...policySummary(p), inForce: inForceOn(p, day) });

export const complianceRoutes = [
  defineRoute<undefined, z.infer<typeof policiesQuery>>({
    method: "GET",
    path: "/v1/staff/policies",
    operationId: "listPolicies",
    summary:
      "The verification policies loaded (statutory and house), each version with its dates and content hash, and which are in force on a day",
    tag: "compliance",
    auth: "staff",
    permission: "policies.view",
    query: policiesQuery,
    responses: {
      200: {
        description: "The policies, statutory first, oldest first",
        schema: z.object({ at: z.string(), items: z.array(policySummarySchema) }),
      },
    },
    async handler({ query }, services) {
      const at = query.at ?? todayInJapan(services.clock());
      const items = [...services.policies]
        .sort(
          (a, b) =>
            b.kind.localeCompare(a.kind) || a.id.localeCompare(b.id) || a.effectiveFrom.localeCompare(b.effectiveFrom),
        )
        .map((p) => summary(p, at));
      return { status: 200, body: { at, items }, headers: { "cache-control": "no-store" } };
    },
  }),
  defineRoute<z.infer<typeof policyParams>, z.infer<typeof policiesQuery>>({
    method: "GET",
    path: "/v1/staff/policies/{id}",
    operationId: "getPolicy",
    summary: "One policy's versions, each with its full data as loaded (read-only)",
    tag: "compliance",
    auth: "staff",
    permission: "policies.view",
    params: policyParams,
    query: policiesQuery,
    responses: {
      200: {
        description: "The policy's versions, oldest first",
        schema: z.object({
          at: z.string(),
          id: z.string(),
          versions: z.array(policySummarySchema.extend({ data: z.record(z.string(), z.unknown()) })),
        }),
      },
      404: { description: "No policy has this id" },
    },
    async handler({ params, query }, services) {
      const at = query.at ?? todayInJapan(services.clock());
      const versions = services.policies
        .filter((p) => p.id === params.id)
        .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
        .map((p) => {
          const { file: _file, contentHash: _hash, ...data } = p;
          return { ...summary(p, at), data };
        });
      if (versions.length === 0) throw new AppError("not_found", `no policy has the id ${params.id}`);
      return { status: 200, body: { at, id: params.id, versions }, headers: { "cache-control": "no-store" } };
    },
  }),
  defineRoute<undefined, z.infer<typeof recordsQuery>>({
    method: "GET",
    path: "/v1/staff/records",
    operationId: "exportVerificationRecords",
    summary:
      "Verification records (本人確認記録) made in a period (UTC days, inclusive), or of one application, decrypted: as JSON a page at a time in the order they were made (nextCursor for the next), or every one as CSV; each answer is audited",
    tag: "compliance",
    auth: "staff",
    permission: "records.export",
    query: recordsQuery,
    responses: {
      200: {
        description: "A page of records (JSON), or all of them (CSV)",
        schema: z.object({
          records: z.array(verificationRecordSchema),
          nextCursor: z.string().nullable().describe("Where the next page starts; null on the last"),
        }),
      },
    },
    async handler({ query, staff }, services): Promise<RouteResult> {
      if (!staff) throw new Error("route declared auth 'staff' but nobody signed in");
      const range = {
        from: query.from ?? null,
        to: query.to ?? null,
        reference: query.reference ?? null,
        actor: `staff:${staff.id}`,
      };
      const deps = { db: services.db, keys: services.keys };
      if (query.format === "csv") {
        return {
          status: 200,
          body: recordsToCsv(await exportVerificationRecords(deps, range)),
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": 'attachment; filename="verification-records.csv"',
            "cache-control": "no-store",
          },
        };
      }
      const page = await exportVerificationRecordsPage(deps, range, {
        after: decodeCursor(query.cursor, isTimeAndIdCursor),
        limit: query.limit ?? recordsPage.default,
      });
      return {
        status: 200,
        body: { records: page.records, nextCursor: page.next ? encodeCursor(page.next) : null },
        headers: { "cache-control": "no-store" },
      };
    },
  }),
  defineRoute<undefined, undefined>({
    method: "POST",
    path: "/v1/staff/audit/verification",
    operationId: "verifyAuditChain",
    summary:
      "Recomputes the audit chain from its first entry and reports whether it holds (entries, head hash) or the first entry that does not; the check itself is audited",
    tag: "compliance",
    auth: "staff",
    permission: "audit.verify",
    responses: { 200: { description: "The result of the check", schema: auditResultSchema } },
    async handler({ staff }, services) {
      if (!staff) throw new Error("route declared auth 'staff' but nobody signed in");
      const result = await verifyAuditChain(services.db);
      // Recorded after the check, so the entry it adds is not part of what was checked.
      await services.db.transaction((tx) =>
        appendAuditEntry(tx, {
          actor: `staff:${staff.id}`,
          action: "audit_chain.verified",
          subject: null,
          data: result.valid
            ? { valid: true, entries: result.entries }
            : { valid: false, entries: result.entries, firstBroken: result.firstBroken.seq },
        }),
      );
      return {
        status: 200,
        body: { ...result, checkedAt: services.clock().toISOString() },
        headers: { "cache-control": "no-store" },
      };
    },
  }),
];
