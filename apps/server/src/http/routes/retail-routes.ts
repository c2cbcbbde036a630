import { type Language, languages } from "@jitsumei/domain";
import type { z } from "zod";
import { AppError } from "../../errors.ts";
import { paymentReceiptPdf } from "../../payments/payment-receipt.ts";
import { getTopUp, requestKonbiniTopUp } from "../../payments/top-ups.ts";
import { batchLabelsPdf } from "../../retail/batch-labels.ts";
import { batchCsv, batchSummary, exportBatchCodes, listBatches } from "../../retail/batch-packages.ts";
import { activateAtCounter, counterApplication, counterPaymentId, sellAtCounter } from "../../retail/counter-sale.ts";
import { createBatch } from "../../retail/create-batch.ts";
import { sellPackage, voidPackage } from "../../retail/package-steps.ts";
import { registerPackage } from "../../retail/register-package.ts";
import { redeemTopUpVoucher } from "../../retail/top-up-vouchers.ts";
import { requestTopUpSchema, topUpParamsSchema, topUpSchema } from "../payment-schemas.ts";
import {
  batchCodesSchema,
  batchListQuerySchema,
  batchListSchema,
  batchParamsSchema,
  batchSummarySchema,
  counterActivatedSchema,
  counterParamsSchema,
  counterSaleSchema,
  createBatchSchema,
  konbiniSimulatorSchema,
  packageParamsSchema,
  packageViewSchema,
  registeredPackageSchema,
  registerPackageSchema,
  sellPackageSchema,
  voidPackageSchema,
} from "../retail-schemas.ts";
import { defineRoute, pdfAnswer } from "../route.ts";
import { referenceParamsSchema } from "../schemas.ts";
import { opened } from "./application-routes.ts";
import { signedIn } from "./staff-routes.ts";

const manage = { tag: "retail", auth: "staff", permission: "packages.manage" } as const;
type BatchRef = z.infer<typeof batchParamsSchema>;

/** The first of the browser's languages we write in (zh-CN → zh-Hans, zh-TW/HK → zh-Hant), else English. */
export function languageFromHeader(header: string | undefined): Language {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) return "zh-Hant";
    if (tag.startsWith("zh")) return "zh-Hans";
    const found = languages.find((l) => l.toLowerCase() === tag.split("-")[0]);
    if (found) return found;
  }
  return "en";
}

const counter = { tag: "retail", auth: "staff", permission: "packages.sell" } as const;
type CounterRef = z.infer<typeof counterParamsSchema>;

export const retailRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof createBatchSchema>>({
    ...manage,
    method: "POST",
    path: "/v1/staff/package-batches",
    operationId: "createPackageBatch",
    summary: "Make a batch of retail packages for a plan and a channel, each bound to a SIM card or eSIM profile",
    body: createBatchSchema,
    // A double click or a retried request makes one batch, not two (the console sends a key).
    idempotent: true,
    responses: { 201: { description: "The batch", schema: batchSummarySchema } },
    async handler({ body, staff }, { db, keys }) {
      const created = await createBatch({ db, keys }, { ...body, actor: `staff:${signedIn(staff).id}` });
      return { status: 201, body: await batchSummary(db, created.batchId) };
    },
  }),

  defineRoute<undefined, z.infer<typeof batchListQuerySchema>>({
    ...manage,
    method: "GET",
    path: "/v1/staff/package-batches",
    operationId: "listPackageBatches",
    summary: "The latest batches, each with its packages counted by status",
    query: batchListQuerySchema,
    responses: { 200: { description: "The batches, latest first", schema: batchListSchema } },
    async handler({ query }, { db }) {
      return { status: 200, body: { items: await listBatches(db, query.limit) } };
    },
  }),

  defineRoute<BatchRef>({
    ...manage,
    method: "GET",
    path: "/v1/staff/package-batches/{batchId}/packages",
    operationId: "getPackageBatchCodes",
    summary: "The batch's registration codes, links and ICCIDs (audited: a code registers the SIM)",
    params: batchParamsSchema,
    responses: { 200: { description: "The packages with their codes", schema: batchCodesSchema } },
    async handler({ params, staff }, { db, keys, config }) {
      const batch = await exportBatchCodes({ db, keys, publicUrl: config.publicUrl }, params.batchId, {
        actor: `staff:${signedIn(staff).id}`,
        format: "table",
      });
      return {
        status: 200,
        body: {
          batchId: batch.batchId,
          planId: batch.planId,
          channel: batch.channel,
          formFactor: batch.formFactor,
          items: batch.packages.map((p) => ({
            serial: p.serial,
            code: p.code,
            link: p.link,
            iccid: p.iccid,
            status: p.status,
          })),
        },
        headers: { "cache-control": "no-store" },
      };
    },
  }),

  defineRoute<BatchRef>({
    ...manage,
    method: "GET",
    path: "/v1/staff/package-batches/{batchId}",
    operationId: "getPackageBatch",
    summary: "A batch's plan, channel and packages counted by status",
    params: batchParamsSchema,
    responses: { 200: { description: "The batch", schema: batchSummarySchema } },
    async handler({ params }, { db }) {
      return { status: 200, body: await batchSummary(db, params.batchId) };
    },
  }),

  defineRoute<BatchRef>({
    ...manage,
    method: "GET",
    path: "/v1/staff/package-batches/{batchId}/packages.csv",
    operationId: "getPackageBatchCsv",
    summary: "The batch as CSV: serial, registration code, plan, ICCID, status, registration link",
    params: batchParamsSchema,
    responses: { 200: { description: "The CSV", file: "text/csv" } },
    async handler({ params, staff }, { db, keys, config }) {
      const batch = await exportBatchCodes({ db, keys, publicUrl: config.publicUrl }, params.batchId, {
        actor: `staff:${signedIn(staff).id}`,
        format: "csv",
      });
      return {
        status: 200,
        body: batchCsv(batch),
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="packages-${params.batchId}.csv"`,
          "cache-control": "no-store",
        },
      };
    },
  }),

  defineRoute<BatchRef>({
    ...manage,
    method: "GET",
    path: "/v1/staff/package-batches/{batchId}/labels.pdf",
    operationId: "getPackageLabels",
    summary: "The batch's label sheet (A4, 24 a page): QR code, registration code, plan in ja/en/zh",
    params: batchParamsSchema,
    responses: { 200: { description: "The labels", file: "application/pdf" } },
    async handler({ params, staff }, { db, keys, config }) {
      const batch = await exportBatchCodes({ db, keys, publicUrl: config.publicUrl }, params.batchId, {
        actor: `staff:${signedIn(staff).id}`,
        format: "labels",
      });
      const pdf = await batchLabelsPdf(batch);
      return pdfAnswer(pdf, { name: `labels-${params.batchId}.pdf`, disposition: "inline" });
    },
  }),

  defineRoute<z.infer<typeof packageParamsSchema>, undefined, z.infer<typeof voidPackageSchema>>({
    ...manage,
    method: "POST",
    path: "/v1/staff/packages/{packageId}/void",
    operationId: "voidPackage",
    summary: "Withdraw a lost, stolen or damaged package: its code stops working",
    params: packageParamsSchema,
    body: voidPackageSchema,
    responses: { 200: { description: "The package, now void", schema: packageViewSchema } },
    async handler({ params, body, staff }, { db }) {
      const view = await voidPackage(db, { ...params, reason: body.reason, actor: `staff:${signedIn(staff).id}` });
      return { status: 200, body: view };
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof sellPackageSchema>>({
    tag: "retail",
    auth: "staff",
    permission: "packages.sell",
    method: "POST",
    path: "/v1/staff/packages/sales",
    operationId: "sellPackage",
    summary: "Record a package's sale at the counter (the point of sale scans its code)",
    body: sellPackageSchema,
    responses: { 200: { description: "The package, now sold", schema: packageViewSchema } },
    async handler({ body, staff }, { db, keys }) {
      return {
        status: 200,
        body: await sellPackage({ db, keys }, { code: body.code, actor: `staff:${signedIn(staff).id}` }),
      };
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof registerPackageSchema>>({
    ...counter,
    method: "POST",
    path: "/v1/staff/counter/sales",
    operationId: "sellAtCounter",
    summary:
      "Airport counter: sell a package and start the customer's application on the counter channel (verification face to face, through the applicant routes with the token returned)",
    body: registerPackageSchema,
    responses: { 201: { description: "Sold; the application and its token", schema: counterSaleSchema } },
    async handler({ body, client, headers, staff }, services) {
      const language = body.language ?? languageFromHeader(headers["accept-language"]);
      const sold = await sellAtCounter(services, { ...body, language, client, staffId: signedIn(staff).id });
      return { status: 201, body: sold };
    },
  }),

  defineRoute<CounterRef>({
    ...counter,
    method: "POST",
    path: "/v1/staff/counter/applications/{reference}/activation",
    operationId: "activateAtCounter",
    summary: "Airport counter: activate the line on the spot, the SIM handed over to the person verified",
    params: counterParamsSchema,
    responses: { 200: { description: "Active", schema: counterActivatedSchema } },
    async handler({ params, staff }, services) {
      const line = await activateAtCounter(services, { reference: params.reference, staffId: signedIn(staff).id });
      return { status: 200, body: { reference: params.reference, state: "active", ...line } };
    },
  }),

  defineRoute<CounterRef>({
    ...counter,
    method: "GET",
    path: "/v1/staff/counter/applications/{reference}/receipt.pdf",
    operationId: "getCounterReceipt",
    summary: "Airport counter: the receipt (領収書) for the package's price, in Japanese and the customer's language",
    params: counterParamsSchema,
    responses: { 200: { description: "The receipt", file: "application/pdf" } },
    async handler({ params }, services) {
      const application = await counterApplication(services.db, params.reference);
      const receipt = await paymentReceiptPdf(services, application, await counterPaymentId(services.db, application));
      return pdfAnswer(receipt.pdf, {
        name: `${receipt.documentNumber}.pdf`,
        disposition: "inline",
        sha256: receipt.sha256,
      });
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof registerPackageSchema>>({
    method: "POST",
    path: "/v1/packages/registrations",
    operationId: "registerPackage",
    summary: "Start an application from a package's registration code: plan and SIM come from the package",
    tag: "retail",
    auth: "none",
    rateLimit: "lookup",
    idempotent: true,
    body: registerPackageSchema,
    responses: {
      201: { description: "Created; keep the access token", schema: registeredPackageSchema },
      422: { description: "The code is mistyped or unknown (reason, and a message in the applicant's language)" },
      409: { description: "The code was already used, or the package is void" },
      429: { description: "Too many wrong codes from this address" },
    },
    async handler({ body, client, headers }, services) {
      const language = body.language ?? languageFromHeader(headers["accept-language"]);
      const registered = await registerPackage(services, { ...body, language, client });
      return {
        status: 201,
        body: registered,
        headers: { location: `/v1/applications/${registered.reference}` },
      };
    },
  }),

  defineRoute<z.infer<typeof referenceParamsSchema>, undefined, z.infer<typeof requestTopUpSchema>>({
    method: "POST",
    path: "/v1/applications/{reference}/top-ups",
    operationId: "requestTopUp",
    summary:
      "Top up an active prepaid line: at a convenience store (the slip: payment number, barcode, deadline) or with a voucher code",
    tag: "retail",
    auth: "applicant",
    params: referenceParamsSchema,
    body: requestTopUpSchema,
    idempotent: true,
    responses: { 201: { description: "The top-up: pending (konbini) or credited (voucher)", schema: topUpSchema } },
    async handler({ application, body, client }, services) {
      const applicant = opened(application);
      if (body.method === "voucher") {
        return { status: 201, body: await redeemTopUpVoucher(services, applicant, { code: body.code, ip: client.ip }) };
      }
      if (services.config.env === "production" && services.payments.gateway.name === "local-test") {
        throw new AppError("not_implemented", "No payment gateway is configured: konbini payments cannot be taken yet");
      }
      return {
        status: 201,
        body: await requestKonbiniTopUp({ db: services.db, gateway: services.payments.gateway }, applicant),
      };
    },
  }),

  defineRoute<z.infer<typeof topUpParamsSchema>>({
    method: "GET",
    path: "/v1/applications/{reference}/top-ups/{topUpId}",
    operationId: "getTopUp",
    summary: "A top-up: pending, credited (with the line's new validity) or expired",
    tag: "retail",
    auth: "applicant",
    params: topUpParamsSchema,
    responses: { 200: { description: "The top-up", schema: topUpSchema } },
    async handler({ application, params }, { db }) {
      return { status: 200, body: await getTopUp(db, opened(application), params.topUpId) };
    },
  }),

  defineRoute<undefined, undefined, z.infer<typeof konbiniSimulatorSchema>>({
    method: "POST",
    path: "/dev/konbini/payments",
    operationId: "simulateKonbiniPayment",
    summary: "Development only: pay a konbini slip at the simulated store's till (the gateway then notifies us)",
    tag: "dev",
    auth: "none",
    devOnly: true,
    body: konbiniSimulatorSchema,
    issuedNumberFields: ["paymentNumber"],
    responses: { 200: { description: "Paid at the till", schema: topUpSchema.shape.paymentStatus } },
    async handler({ body }, { payments }) {
      const gateway = payments.gateway as Partial<{ payAtKonbini(n: string): Promise<{ status: string }> }>;
      if (!gateway.payAtKonbini) throw new AppError("not_implemented", "The configured gateway has no simulated till");
      try {
        return { status: 200, body: (await gateway.payAtKonbini(body.paymentNumber)).status };
      } catch (error) {
        throw new AppError("validation_failed", error instanceof Error ? error.message : String(error), {
          errors: [{ field: "paymentNumber", reason: error instanceof Error ? error.message : "refused" }],
        });
      }
    },
  }),
];
