import { documentTypes } from "@jitsumei/domain";
import { z } from "zod";
import type { Operator } from "../../contracts/operator.ts";
import { AppError } from "../../errors.ts";
import { KONBINI_TILL_PATH } from "../../payments/konbini-till.ts";
import { legalDocuments } from "../../site/legal-documents.ts";
import { lookUpPostalCode } from "../../site/postal-codes.ts";
import { devToolsEnabled } from "../dev-tools.ts";
import { defineRoute } from "../route.ts";

const texts = z.record(z.string(), z.string()).describe("By language: ja and en always, others where given");

const siteConfigSchema = z
  .object({
    chipReader: z
      .object({
        available: z.boolean().describe("A reader app is configured: the site offers reading the chip online"),
        ios: z.string().nullable(),
        android: z.string().nullable(),
      })
      .describe("The operator's chip reader app (docs/reader-contract.md)"),
    apn: z.string().nullable().describe("The access point name phones set for data (APN), where the operator gave one"),
    konbiniTill: z
      .string()
      .nullable()
      .describe("Development only: the simulated convenience-store till that pays a konbini slip (null in production)"),
    counters: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["shop", "airport"]),
        name: texts,
        address: texts,
        hours: texts,
        documents: z.array(z.enum(documentTypes)).describe("The documents whose chip the counter reads"),
        mapUrl: z.string().optional(),
      }),
    ),
    contact: z
      .object({
        operatorName: texts,
        phone: z.string(),
        hours: texts.describe("The phone's opening hours, in Japan time (JST)"),
        email: z.string().nullable(),
        formUrl: z.string().nullable(),
        postalAddress: texts.describe("Where written complaints go"),
        complaints: z
          .object({
            name: texts,
            phone: z.string().nullable(),
            hours: texts.nullable().describe("In Japan time (JST)"),
            email: z.string().nullable(),
            formUrl: z.string().nullable(),
          })
          .nullable()
          .describe("A separate complaints desk, where the operator has one"),
      })
      .nullable()
      .describe(
        "How applicants and subscribers reach the operator: questions, a stopped line, complaints (JITSUMEI_OPERATOR_FILE's contact; null when it gives none, never in production)",
      ),
  })
  .meta({ id: "SiteConfig" });

const postalCodeParamsSchema = z.object({
  code: z
    .string()
    .regex(/^\d{3}-?\d{4}$/, "must be a Japanese postal code of 7 digits, such as 100-0001")
    .transform((code) => code.replace("-", "")),
});

const postalCodeSchema = z
  .object({
    postalCode: z.string().describe("The 7 digits"),
    places: z
      .array(
        z.object({
          prefectureCode: z.string().describe("JIS X 0401, 01 (北海道) to 47 (沖縄県)"),
          prefecture: z.string().describe("As written in Japanese, e.g. 東京都"),
          city: z.string().describe("市区町村, e.g. 千代田区"),
          town: z.string().describe("町域, empty where the code covers the whole city"),
        }),
      )
      .min(1)
      .describe("Usually one; a code shared by several towns names each"),
  })
  .meta({ id: "PostalCode" });

const legalDocumentSchema = z.object({
  version: z.string().describe("Named when accepting it (POST …/submit, acceptance)"),
  text: z.object({ ja: z.string(), en: z.string() }).describe("The Japanese text governs; English translates it"),
});
const legalDocumentsSchema = z
  .object({ terms: legalDocumentSchema, privacy: legalDocumentSchema })
  .meta({ id: "LegalDocuments" });

function contactAnswer({ name, contact }: Operator) {
  if (!contact) return null;
  const { complaints } = contact;
  return {
    operatorName: name,
    phone: contact.phone,
    hours: contact.hours,
    email: contact.email ?? null,
    formUrl: contact.formUrl ?? null,
    postalAddress: contact.postalAddress,
    complaints: complaints
      ? {
          name: complaints.name,
          phone: complaints.phone ?? null,
          hours: complaints.hours ?? null,
          email: complaints.email ?? null,
          formUrl: complaints.formUrl ?? null,
        }
      : null,
  };
}

/** What the applicant site needs to know of the operator's set-up to offer only what works. */
export const siteRoutes = [
  defineRoute({
    method: "GET",
    path: "/v1/site-config",
    operationId: "getSiteConfig",
    summary:
      "The operator's set-up the site offers from: the chip reader app's store links, the APN, the counters, the operator's contact points",
    tag: "site",
    auth: "none",
    responses: { 200: { description: "The set-up", schema: siteConfigSchema } },
    async handler(_input, { config, counters, payments, operator }) {
      const { ios, android } = config.readerApps;
      const till = devToolsEnabled(config) && "payAtKonbini" in payments.gateway ? KONBINI_TILL_PATH : null;
      return {
        status: 200,
        body: {
          chipReader: { available: ios !== null || android !== null, ios, android },
          apn: config.apn,
          konbiniTill: till,
          counters,
          contact: contactAnswer(operator),
        },
        headers: { "cache-control": "public, max-age=300" },
      };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/legal-documents",
    operationId: "getLegalDocuments",
    summary: "The terms of service and the privacy notice in force, with their versions, to accept before submitting",
    tag: "site",
    auth: "none",
    responses: { 200: { description: "The two texts", schema: legalDocumentsSchema } },
    async handler() {
      const { terms, privacy } = legalDocuments;
      return {
        status: 200,
        body: {
          terms: { version: terms.version, text: terms.text },
          privacy: { version: privacy.version, text: privacy.text },
        },
        headers: { "cache-control": "public, max-age=300" },
      };
    },
  }),
  defineRoute<{ code: string }>({
    method: "GET",
    path: "/v1/postal-codes/{code}",
    operationId: "lookUpPostalCode",
    summary: "The prefecture, city and town of a Japanese postal code, from Japan Post's published data",
    tag: "site",
    auth: "none",
    params: postalCodeParamsSchema,
    responses: {
      200: { description: "The places the code names", schema: postalCodeSchema },
      422: { description: "Not 7 digits" },
      404: { description: "No such postal code" },
    },
    async handler({ params }) {
      const places = lookUpPostalCode(params.code);
      if (places.length === 0) {
        throw new AppError("not_found", `no place has the postal code ${params.code}`, {
          errors: [{ field: "code", reason: "is not a postal code Japan Post publishes" }],
        });
      }
      return {
        status: 200,
        body: { postalCode: params.code, places },
        headers: { "cache-control": "public, max-age=86400" },
      };
    },
  }),
];
