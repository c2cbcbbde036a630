import { z } from "zod";
import {
  requestApplicantSignInCode,
  type SignInContact,
  verifyApplicantSignInCode,
} from "../../applications/sign-in-applicant.ts";
import { defineRoute } from "../route.ts";
import { contactSchema } from "../schemas.ts";

const reference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^JT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/, "must be a reference such as JT-7K3M-Q9TZ-4")
  .optional()
  .describe("The application's reference, when the applicant has it (without it, the contact's newest application)");

/** One contact: the e-mail address given in the application, or its phone number for a code by SMS. */
const contactFields = {
  email: contactSchema.shape.email.optional().describe("The e-mail address given in the application"),
  phone: contactSchema.shape.phone.describe("The phone number given in the application: the code comes by SMS"),
};

function oneContact(body: { email?: string; phone?: string }, ctx: z.RefinementCtx): void {
  if ((body.email === undefined) === (body.phone === undefined)) {
    ctx.addIssue({ code: "custom", path: ["email"], message: "give either email or phone (exactly one)" });
  }
}

const signInBody = z
  .object({ reference, ...contactFields })
  .strict()
  .superRefine(oneContact)
  .meta({
    id: "ApplicantSignInRequest",
  });

const verifyBody = z
  .object({ reference, ...contactFields, code: z.string().regex(/^\d{6}$/, "must be the six digits sent to you") })
  .strict()
  .superRefine(oneContact)
  .meta({ id: "ApplicantSignInVerify" });

const sessionSchema = z
  .object({
    reference: z.string().describe("The application the session opens"),
    accessToken: z
      .string()
      .describe("A session on the application (jas_…): send it as 'Authorization: Bearer …' like the access token"),
    expiresAt: z.string().describe("When the session ends (APPLICANT_SESSION_HOURS after the sign-in)"),
  })
  .meta({ id: "ApplicantSession" });

const contactOf = (body: { email?: string; phone?: string }): SignInContact =>
  body.email !== undefined ? { email: body.email } : { phone: body.phone ?? "" };

/** Applicants get back into their application from any device with a code sent to its contact. */
export const applicantSignInRoutes = [
  defineRoute<undefined, undefined, z.infer<typeof signInBody>>({
    method: "POST",
    path: "/v1/applicant/sign-in",
    operationId: "requestApplicantSignInCode",
    summary:
      "Ask for a sign-in code: the e-mail (or phone, for SMS) given in the application, and its reference if known (the same answer whether they match or not)",
    tag: "applications",
    auth: "none",
    rateLimit: "sign-in",
    body: signInBody,
    responses: {
      202: {
        description: "If they match an application, a six-digit code valid for 10 minutes was sent to that contact",
        schema: z.object({ sent: z.literal(true) }),
      },
    },
    async handler({ body }, services) {
      await requestApplicantSignInCode(services, { reference: body.reference, contact: contactOf(body) });
      return { status: 202, body: { sent: true } };
    },
  }),
  defineRoute<undefined, undefined, z.infer<typeof verifyBody>>({
    method: "POST",
    path: "/v1/applicant/sign-in/verify",
    operationId: "verifyApplicantSignInCode",
    summary:
      "The same contact and the code open a fresh session on the application (422 sign_in_code_invalid: wrong, used, expired or five wrong tries)",
    tag: "applications",
    auth: "none",
    rateLimit: "sign-in",
    body: verifyBody,
    responses: { 201: { description: "Signed in", schema: sessionSchema } },
    async handler({ body }, services) {
      const signedIn = await verifyApplicantSignInCode(services, {
        reference: body.reference,
        contact: contactOf(body),
        code: body.code,
      });
      return { status: 201, body: signedIn };
    },
  }),
];
