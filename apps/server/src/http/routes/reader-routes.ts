import { z } from "zod";
import { READER_TAG, readerContract } from "../../reader/reader-contract.ts";
import { defineRoute, type RouteSpec } from "../route.ts";

const readerContractSchema = z
  .object({
    name: z.literal("jitsumei-reader"),
    version: z.string().describe("Semantic version of the reader contract (docs/reader-contract.md)"),
    openapi: z.string(),
    publicUrl: z.string().describe("Hand-off QR codes are on this origin only"),
    handoff: z.object({
      qrCode: z.string(),
      tokenPrefix: z.string(),
      singleUse: z.boolean(),
      tokenMinutes: z.number().int(),
      exchange: z.object({ operationId: z.string(), method: z.string(), path: z.string() }),
      sessionHours: z.number().int(),
    }),
    evidence: z.object({
      operationId: z.string(),
      method: z.string(),
      path: z.string(),
      kinds: z.array(z.string()),
      chip: z.object({
        requiredDataGroups: z.array(z.string()),
        recommendedDataGroups: z.array(z.string()),
        note: z.string(),
      }),
      idempotencyKey: z.string(),
      notYet: z.array(z.string()).describe("Fields a later minor version adds; refused by this server"),
    }),
    operations: z.array(
      z.object({ operationId: z.string(), method: z.string(), path: z.string(), summary: z.string() }),
    ),
    errors: z.array(z.object({ code: z.string(), status: z.number().int(), readerDoes: z.string() })),
    apps: z
      .object({ ios: z.string().nullable(), android: z.string().nullable() })
      .describe("The operator's reader app in the stores (null: none configured)"),
  })
  .meta({ id: "ReaderContract" });

/**
 * The reader contract, announced: its version, the hand-off, the upload and the errors a reader meets.
 * `routes` is the server's route table (app.ts), given rather than imported: app.ts imports this file.
 */
export function readerRoutes(routes: () => readonly RouteSpec[]) {
  return [
    defineRoute({
      method: "GET",
      path: "/v1/reader/contract",
      operationId: "getReaderContract",
      summary: "The chip reader contract this server keeps: version, hand-off, evidence upload, errors",
      tag: READER_TAG,
      auth: "none",
      responses: { 200: { description: "The contract", schema: readerContractSchema } },
      async handler(_input, services) {
        return { status: 200, body: readerContract(services.config, routes()) };
      },
    }),
  ];
}
