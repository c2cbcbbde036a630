import type { z } from "zod";
import { exportApplicantData } from "../../applications/export-applicant-data.ts";
import { defineRoute } from "../route.ts";
import { referenceParamsSchema as params, type referenceParamsSchema } from "../schemas.ts";
import { opened } from "./application-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

/** The data subject's rights (個人情報保護法): what is held about them, as a file. */
export const privacyRoutes = [
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/data-export",
    operationId: "exportApplicantData",
    summary:
      "Everything held about the applicant through this application as JSON (particulars, evidence, history, checks, credit queries and answers, payments, documents, line); audited",
    tag: "privacy",
    auth: "applicant",
    params,
    responses: { 200: { description: "The export (format jitsumei-applicant-data/1)" } },
    async handler({ application }, services) {
      const app = opened(application);
      const body = await exportApplicantData(services, app);
      return {
        status: 200,
        body,
        headers: { "content-disposition": `attachment; filename="jitsumei-${app.reference}.json"` },
      };
    },
  }),
];
