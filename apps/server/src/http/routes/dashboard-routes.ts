import { z } from "zod";
import { getDashboard } from "../../review/dashboard.ts";
import { defineRoute } from "../route.ts";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "must be a real date");

export const dashboardQuerySchema = z
  .object({
    from: day
      .optional()
      .describe("First day (operator's time zone); with `to`, or leave both out for the last 14 days"),
    to: day.optional().describe("Last day, included"),
  })
  .strict();

const countsSchema = z.object({ day: z.string(), channel: z.string(), count: z.number().int() });

export const dashboardSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string().describe("The operator's time zone (OPERATOR_TIME_ZONE), in which days begin and end"),
    perDay: z.array(countsSchema).describe("Applications started per day (operator's time zone) and channel"),
    funnel: z
      .object({
        started: z.number().int(),
        submitted: z.number().int(),
        approved: z.number().int(),
        activated: z.number().int(),
      })
      .describe("Of the applications started in the period, how many got how far"),
    decisions: z.object({
      approved: z.number().int(),
      rejected: z.number().int(),
      approvalRate: z.number().nullable(),
    }),
    timeToDecision: z.object({
      decided: z.number().int(),
      medianHours: z.number().nullable(),
      p90Hours: z.number().nullable(),
    }),
    rejectionReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  })
  .meta({ id: "Dashboard" });

export const dashboardRoutes = [
  defineRoute<undefined, z.infer<typeof dashboardQuerySchema>>({
    method: "GET",
    path: "/v1/staff/dashboard",
    operationId: "getDashboard",
    summary:
      "Figures for a period (days in the operator's time zone, at most 366; by default the last 14 up to today): applications per day by channel, the funnel to activation, approval rate, time to decision, top refusal reasons",
    tag: "review",
    auth: "staff",
    permission: "dashboard.view",
    query: dashboardQuerySchema,
    responses: { 200: { description: "The figures", schema: dashboardSchema } },
    async handler({ query }, services) {
      return {
        status: 200,
        body: await getDashboard(services.db, query, services.config.timeZone, services.clock()),
        headers: { "cache-control": "no-store" },
      };
    },
  }),
];
