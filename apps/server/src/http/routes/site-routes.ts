import { documentTypes } from "@jitsumei/domain";
import { z } from "zod";
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
  })
  .meta({ id: "SiteConfig" });

/** What the applicant site needs to know of the operator's set-up to offer only what works. */
export const siteRoutes = [
  defineRoute({
    method: "GET",
    path: "/v1/site-config",
    operationId: "getSiteConfig",
    summary: "The operator's set-up the site offers from: the chip reader app's store links, the APN, the counters",
    tag: "site",
    auth: "none",
    responses: { 200: { description: "The set-up", schema: siteConfigSchema } },
    async handler(_input, { config, counters }) {
      const { ios, android } = config.readerApps;
      return {
        status: 200,
        body: { chipReader: { available: ios !== null || android !== null, ios, android }, apn: config.apn, counters },
        headers: { "cache-control": "public, max-age=300" },
      };
    },
  }),
];
