import {
  applicationStates,
  correctableFields,
  creditOutcomes,
  languages,
  lineStates,
  networkOperationOutcomes,
  networkOperations,
  particularsSchema,
  portInStates,
  rejectReasonCodes,
} from "@jitsumei/domain";
import { z } from "zod";
import { channels } from "../applications/create-application.ts";
import { imagePurposes } from "../applications/load-application-data.ts";
import { caseTags } from "../review/case-tags.ts";
import { staffRoles } from "../staff/permissions.ts";

/**
 * Every request and response body of the API, in one place. The routes validate with these and
 * GET /openapi.json is generated from them.
 */

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe("Stable machine-readable error code"),
    field: z.string().optional().describe("The first offending field, as a dotted path"),
    errors: z
      .array(
        z.object({
          field: z.string(),
          reason: z.string(),
          code: z.string().optional().describe("What failed, where it has a name (a refused photo's check)"),
        }),
      )
      .optional(),
    instance: z.string().optional(),
  })
  .meta({ id: "Problem" });

const translations = z.object(
  Object.fromEntries(languages.map((l) => [l, z.string()])) as Record<(typeof languages)[number], z.ZodString>,
);

export const planSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["prepaid", "postpaid"]),
    name: translations,
    services: z.array(z.enum(["voice", "sms", "data"])),
    formFactors: z.array(z.enum(["physical", "esim"])),
    priceJpy: z.number().int(),
    validityDays: z.number().int().nullable(),
    dataGb: z.number().nullable(),
    minimumTermMonths: z.number().int().nullable(),
    keepAlive: z
      .object({
        id: z.string(),
        validityPerTopUpDays: z.number().int(),
        maximumValidityDays: z.number().int(),
        receiveOnlyDays: z.number().int(),
        suspendedDays: z.number().int(),
        reminderDaysBefore: z.array(z.number().int()),
      })
      .nullable()
      .describe("Prepaid: how the line is kept between top-ups (保号); null for postpaid"),
    coveredByLaw: z.boolean().describe("Whether the Mobile Phone Improper Use Prevention Act requires verification"),
  })
  .meta({ id: "Plan" });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1, "must be at least 1").max(100, "must be at most 100").default(20),
  cursor: z.string().max(200).optional(),
});

export const planListSchema = z.object({ items: z.array(planSchema), nextCursor: z.string().nullable() });

/** A plan as staff see it: withdrawn plans too, with whether new applications may choose it. */
export const staffPlanSchema = planSchema
  .extend({ available: z.boolean().describe("Whether new applications may choose the plan (on sale)") })
  .meta({ id: "StaffPlan" });
export const staffPlanListSchema = z.object({ items: z.array(staffPlanSchema), nextCursor: z.string().nullable() });

export const planParamsSchema = z.object({ id: z.string().min(1, "must be a plan id").max(100, "must be a plan id") });

/** What an operator changes day to day; anything else about a plan is set when it is made. */
export const updatePlanSchema = z
  .object({
    available: z
      .boolean({ error: "must be true or false" })
      .optional()
      .describe("Open (true) or closed (false) to new applications"),
    priceJpy: z
      .number({ error: "must be a whole number of yen" })
      .int("must be a whole number of yen")
      .min(0, "must be 0 or more")
      .max(9_999_999, "must be at most 9999999")
      .optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "must change something: available or priceJpy")
  .meta({ id: "UpdatePlan" });

/** How the applicant is reached: every body that starts an application takes it. */
export const contactSchema = z.object({
  email: z.email({ error: "must be an e-mail address" }).max(254),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 -]{6,18}$/, "must be a phone number such as +81 90 1234 5678")
    .optional(),
});

export const createApplicationSchema = z
  .object({
    planId: z.string().min(1, "must not be empty"),
    language: z.enum(languages, { error: `must be one of ${languages.join(", ")}` }),
    channel: z.enum(channels, { error: `must be one of ${channels.join(", ")}` }).default("online"),
    formFactor: z.enum(["physical", "esim"], { error: "must be physical or esim" }).optional(),
    contact: contactSchema,
  })
  .strict()
  .meta({ id: "CreateApplication" });

export const createdApplicationSchema = z
  .object({
    reference: z.string().describe("Human-readable reference, e.g. JT-7K3M-Q9TZ-4"),
    accessToken: z.string().describe("Secret bearer token: the applicant's only key to the application"),
    state: z.literal("draft"),
    formFactor: z.enum(["physical", "esim"]),
  })
  .meta({ id: "CreatedApplication" });

export const referenceParamsSchema = z.object({ reference: z.string().max(40) });

export const particularsBodySchema = particularsSchema.strict().meta({ id: "Particulars" });

export const termsAcceptanceSchema = z.object({
  terms: z.string().describe("Version of the terms of service"),
  privacy: z.string().describe("Version of the privacy notice"),
  policy: z.object({ id: z.string(), version: z.string() }).describe("The policy pinned by that submission"),
  language: z.string().describe("The language the applicant read them in"),
  acceptedAt: z.string(),
});

/** The language the applicant switched the site to: the application's texts and later mails follow. */
export const applicationLanguageSchema = z
  .object({ language: z.enum(languages, { error: `must be one of ${languages.join(", ")}` }) })
  .strict()
  .meta({ id: "ApplicationLanguage" });

/** What the confirm page sends: the versions of the texts the applicant accepted (GET /v1/legal-documents). */
export const submitBodySchema = z
  .object({
    acceptance: z
      .object({
        terms: z.string().max(40).describe("The version of the terms of service accepted"),
        privacy: z.string().max(40).describe("The version of the privacy notice accepted"),
        language: z
          .enum(languages, { error: `must be one of ${languages.join(", ")}` })
          .optional()
          .describe(
            "The language of the page they were accepted on (recorded as read in it; the application's language becomes it). Without it, the application's language",
          ),
      })
      .strict()
      .optional()
      .describe("Recorded with the application and the policy this submission pins; the site always sends it"),
  })
  .strict()
  .meta({ id: "SubmitApplication" });

/** Bytes in JSON: standard base64, decoded; `max` bounds the decoded size. */
export function base64Bytes(max: number) {
  return (
    z
      .string()
      .max(Math.ceil((max * 4) / 3) + 4, `must be at most ${Math.round(max / 1024)} KiB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64")
      .transform((s) => Buffer.from(s, "base64"))
      .refine((b) => b.length > 0, "must not be empty")
      // The string's bound allows base64's padding: the decoded bytes are held to `max` exactly.
      .refine((b) => b.length <= max, `must be at most ${max} bytes`)
      .meta({ contentEncoding: "base64" })
  );
}

export const evidenceBodySchema = z
  .discriminatedUnion(
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
        .strict()
        .describe("The machine-readable zone of a passport or ID card, typed or scanned"),
      z
        .object({
          kind: z.literal("chip"),
          sod: base64Bytes(64 * 1024).describe("EF.SOD as read from the chip (tag 77 included)"),
          dataGroups: z
            .record(z.string().regex(/^([1-9]|1[0-6])$/, "data groups are numbered 1 to 16"), base64Bytes(512 * 1024))
            .refine((groups) => "1" in groups, "must include data group 1 (the MRZ)")
            .describe("Data groups as read, by number: at least 1 (MRZ), and 2 (face) for a selfie match"),
          activeAuthentication: z
            .object({
              challenge: base64Bytes(8)
                .refine((b) => b.length === 8, "must be the 8 bytes of POST .../chip-challenge")
                .describe("The challenge from POST .../chip-challenge, as sent to the chip"),
              signature: base64Bytes(1024).describe("The chip's answer to INTERNAL AUTHENTICATE, as read"),
            })
            .strict()
            .optional()
            .describe(
              "Active Authentication (reader contract 1.1): the server checks the signature with DG15's key over its own challenge (send DG15 too)",
            ),
          chipAuthentication: z
            .object({
              protocol: z
                .string()
                .regex(/^[0-9]+(\.[0-9]+)+$/, "must be an object identifier (dotted digits)")
                .max(64)
                .describe("The CA protocol's object identifier from DG14, e.g. 0.4.0.127.0.7.2.2.3.2.4"),
              passed: z.boolean().describe("Whether the key agreement and the first secured command succeeded"),
            })
            .strict()
            .optional()
            .describe(
              "Chip Authentication as the reader ran it (reader contract 1.1): recorded as the reader's report, never as proof",
            ),
        })
        .strict()
        .describe("What the applicant's phone read from the IC chip of a passport or ID card"),
      z
        .object({
          kind: z.literal("residence_card_chip"),
          front: base64Bytes(7000).describe("The card-front image (tag D0), as read"),
          face: base64Bytes(3000).describe("The face image (tag D1), as read"),
          checkCode: base64Bytes(512).describe("The check code (DA, RSA; or DC, ECDSA r‖s)"),
          certificate: base64Bytes(8 * 1024).describe("The signing certificate (DB or DD)"),
        })
        .strict()
        .describe("What the applicant's phone read from a residence card's chip (在留カード)"),
      z
        .object({
          kind: z.literal("my_number_card_face"),
          particulars: base64Bytes(4096).describe(
            "EF 0002 of the card-face input-support application (FF20: name, address, birth date, sex), as read; it holds no My Number",
          ),
          cardSignature: z
            .enum(["valid", "invalid"], { error: "must be valid or invalid" })
            .describe(
              "The card's own signature as the counter program checked it: it covers the My Number's hash, which goes nowhere, so the server keeps this as the counter's report",
            ),
        })
        .strict()
        .describe("A My Number card's card-face particulars read at a counter (券面事項入力補助AP)"),
      z
        .object({
          kind: z.literal("jpki"),
          signature: base64Bytes(64 * 1024).describe(
            "CMS SignedData, or a raw PKCS#1 v1.5 SHA-256 signature, over the bytes of GET .../jpki-payload",
          ),
          certificate: base64Bytes(16 * 1024)
            .optional()
            .describe("The signing certificate (needed with a raw signature)"),
        })
        .strict()
        .describe("A signature with the My Number card's JPKI signing certificate"),
      z
        .object({
          kind: z.literal("image"),
          purpose: z.enum(imagePurposes, { error: `must be one of ${imagePurposes.join(", ")}` }),
          image: base64Bytes(15 * 1024 * 1024).describe("JPEG, PNG or WebP; metadata is stripped before storage"),
        })
        .strict()
        .describe("A photo of a document (supporting evidence: no method approves on photos since 2026-04-01)"),
      z
        .object({
          kind: z.literal("selfie"),
          image: base64Bytes(15 * 1024 * 1024).describe("JPEG, PNG or WebP of the applicant's face"),
        })
        .strict()
        .describe("A selfie, matched against the face on the IC chip (NF_IC_SELFIE)"),
    ],
    { error: "must be one of: mrz, chip, residence_card_chip, my_number_card_face, jpki, image, selfie" },
  )
  .meta({ id: "Evidence" });

export const chipChallengeSchema = z.object({
  challenge: z.string().describe("8 random bytes, base64: send them to the chip in INTERNAL AUTHENTICATE"),
  expiresAt: z.string().describe("Upload the chip's answer before this time; the upload uses the challenge up"),
});

export const jpkiPayloadSchema = z.object({
  payload: z.string().describe("base64 of the exact bytes to sign"),
  sha256: z.string(),
  text: z.string().describe("The same bytes as text (canonical JSON), to show the applicant"),
});

export const evidenceAddedSchema = z.object({
  id: z.string(),
  kind: z.string(),
  format: z.string().optional(),
  checks: z.array(
    z.object({
      code: z.string(),
      status: z.enum(["pass", "fail", "review"]),
      message: z.string(),
      language: z.string(),
    }),
  ),
});

const checkSchema = z.object({
  code: z.string(),
  status: z.enum(["pass", "fail", "review"]),
  message: z.string(),
  language: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const applicationViewSchema = z
  .object({
    reference: z.string(),
    state: z.enum(applicationStates),
    tags: z.array(z.string()),
    status: z
      .object({ title: z.string(), next: z.string(), usually: z.string() })
      .describe("The state explained in the applicant's language: what it means, what happens next, how long"),
    correction: z
      .object({
        fields: z.array(z.object({ field: z.string(), label: z.string() })),
        message: z.string(),
        requestedAt: z.string(),
      })
      .nullable()
      .describe("What a reviewer asked to be corrected"),
    planId: z.string(),
    language: z.enum(languages),
    channel: z.string(),
    formFactor: z.enum(["physical", "esim"]),
    needs: z.array(z.object({ field: z.string(), reason: z.string() })).describe("What is still needed, and from whom"),
    contact: z.object({ email: z.string(), phone: z.string().optional() }),
    applicant: particularsSchema.nullable(),
    evidence: z.array(z.object({ kind: z.string() })),
    checks: z.array(checkSchema),
    decision: z
      .object({
        outcome: z.string(),
        at: z.string(),
        policy: z.unknown(),
        reasons: z.array(checkSchema).describe("The checks that decided, in the applicant's language"),
      })
      .nullable()
      .describe("The last automated decision: outcome, the policy pinned, and the checks that decided it"),
    line: z
      .object({
        formFactor: z.enum(["physical", "esim"]),
        iccid: z.string(),
        msisdn: z.string(),
        status: z.string(),
        esimActivationCode: z.string().nullable(),
        esimDownload: z
          .object({
            state: z
              .enum(["downloaded", "installed", "enabled", "disabled", "deleted", "failed"])
              .nullable()
              .describe("The phone's download as the SM-DP+ reported it (ES2+ HandleDownloadProgressInfo)"),
            at: z.string().nullable(),
            redownloadOffered: z.boolean().describe("A failed or deleted download can be made again"),
          })
          .nullable(),
      })
      .nullable(),
    announcements: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          body: z.string(),
          effectiveOn: z.string().nullable(),
          publishedAt: z.string(),
        }),
      )
      .describe("The newest notices that concern this plan and language (up to 3)"),
    activation: z.object({ locked: z.boolean(), attemptsRemaining: z.number().int() }),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .meta({ id: "Application" });

/** One state change of an application, as both the applicant's history and the case view list it. */
const eventSchema = z.object({
  version: z.number().int(),
  event: z.string(),
  from: z.enum(applicationStates),
  to: z.enum(applicationStates),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const eventListSchema = z.object({
  items: z.array(eventSchema),
  nextCursor: z.string().nullable(),
});

export const activationCodeIssuedSchema = z.object({
  expiresAt: z.string(),
  sentTo: z.string().describe("The masked address the code was sent to"),
});

export const activationBodySchema = z
  .object({ code: z.string().regex(/^\d{6}$/, "must be the 6-digit code we sent") })
  .strict()
  .meta({ id: "Activation" });

export const activatedSchema = z.object({
  reference: z.string(),
  state: z.literal("active"),
  msisdn: z.string().describe("The line's phone number"),
  iccid: z.string(),
});

// ---- Staff ----

const staffRoleSchema = z.enum(staffRoles);

export const staffAccountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: staffRoleSchema,
    mustChangePassword: z.boolean(),
    disabled: z.boolean(),
  })
  .meta({ id: "StaffAccount" });

export const loginBodySchema = z
  .object({
    email: z.string().trim().min(3, "must be your e-mail address").max(254),
    password: z.string().min(1, "must not be empty").max(256),
    otp: z.string().regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app"),
  })
  .strict();

export const staffSessionSchema = z.object({
  account: staffAccountSchema,
  csrfToken: z.string().describe("Send it back in X-CSRF-Token with every request that changes something"),
});

export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1, "must not be empty").max(256), newPassword: z.string().max(256) })
  .strict();

export const createStaffSchema = z
  .object({
    email: z.email("must be an e-mail address").max(254),
    displayName: z.string().trim().min(1, "must not be empty").max(100),
    role: staffRoleSchema,
  })
  .strict();

export const createdStaffSchema = z.object({
  account: staffAccountSchema,
  oneTimePassword: z.string().describe("Shown once; the new member changes it at first sign-in"),
  totpUri: z.string().describe("otpauth:// URI for the authenticator app; shown once"),
});

export const staffIdParamsSchema = z.object({ staffId: z.uuid("must be a staff account id") });
export const staffListSchema = z.object({ items: z.array(staffAccountSchema) });
export const staffEnabledSchema = z.object({ disabled: z.boolean() }).strict();

// ---- Review ----

export const queueQuerySchema = z
  .object({
    state: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined) return undefined;
        const states = s.split(",").map((x) => x.trim());
        const unknown = states.filter((x) => !(applicationStates as readonly string[]).includes(x));
        if (unknown.length > 0) {
          ctx.addIssue({ code: "custom", message: `has unknown states: ${unknown.join(", ")}` });
          return z.NEVER;
        }
        return states as (typeof applicationStates)[number][];
      })
      .describe("Comma-separated states (default: every state waiting on staff)"),
    tag: z.enum(caseTags).optional(),
    assignee: z
      .union([z.literal("me"), z.literal("none"), z.uuid()], { error: 'must be "me", "none" or a staff id' })
      .optional(),
    overdueOnly: z
      .enum(["true", "false"], { error: "must be true or false" })
      .optional()
      .transform((v) => v === "true"),
    language: z.enum(languages).default("ja"),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const caseTagsSchema = z.array(z.enum(caseTags));
const claimSchema = z.object({ staffId: z.string(), displayName: z.string(), expiresAt: z.string() });

export const queueSchema = z.object({
  items: z.array(
    z.object({
      reference: z.string(),
      state: z.enum(applicationStates),
      planId: z.string(),
      planKind: z.string(),
      submittedAt: z.string().nullable(),
      waitingSince: z.string(),
      ageHours: z.number().int(),
      slaDueAt: z.string(),
      overdue: z.boolean(),
      tags: caseTagsSchema,
      claim: claimSchema.nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const languageQuerySchema = z.object({ language: z.enum(languages).default("ja") }).strict();

export const caseViewSchema = z
  .object({
    reference: z.string(),
    state: z.enum(applicationStates),
    kind: z.enum(["new", "transfer"]).describe("transfer: the new holder of an existing line (譲渡)"),
    transfer: z
      .object({
        transferId: z.string(),
        msisdn: z.string(),
        fromReference: z.string(),
        relationship: z.string(),
        requirements: z.record(z.string(), z.string()),
        completedAt: z.string().nullable(),
      })
      .nullable()
      .describe("What approving consents to: whose line, the relationship, what the law and the house ask"),
    planId: z.string(),
    planKind: z.string(),
    language: z.enum(languages),
    channel: z.string(),
    formFactor: z.string(),
    submittedAt: z.string().nullable(),
    waitingSince: z.string(),
    claim: claimSchema.nullable(),
    flags: z.object({
      escalated: z.boolean(),
      correctionReturned: z.boolean(),
      overrideProposedBy: z.object({ staffId: z.string(), displayName: z.string() }).nullable(),
    }),
    contact: z.object({ email: z.string(), phone: z.string().optional() }),
    applicant: z.unknown(),
    evidence: z.array(z.object({ id: z.string(), kind: z.string(), at: z.string() })),
    checks: z.array(z.object({ code: z.string(), status: z.string(), message: z.string(), details: z.unknown() })),
    decision: z
      .object({
        outcome: z.string(),
        at: z.string(),
        policy: z.unknown(),
        decidedBy: z.array(
          z.object({ code: z.string(), status: z.string(), consequence: z.string(), message: z.string() }),
        ),
      })
      .nullable()
      .describe("The decision engine's last outcome and the checks that decided it"),
    credit: z
      .object({
        consent: z.object({ textVersion: z.string(), language: z.string(), givenAt: z.string() }).nullable(),
        paymentMethod: z
          .object({ type: z.string(), status: z.string(), refusalCode: z.string().nullable(), display: z.string() })
          .nullable(),
        deposit: z
          .object({
            decided: z.boolean(),
            amountJpy: z.number().int(),
            reasons: z.array(z.object({ code: z.string(), text: z.string() })),
          })
          .describe("Decided with the contract's offer; before that, what the deposit rules will ask"),
        assessment: z
          .object({
            seq: z.number().int(),
            outcome: z.enum(creditOutcomes),
            depositJpy: z.number().int(),
            policy: z.object({ id: z.string(), version: z.string() }),
            assessedAt: z.string(),
            reasons: z.array(
              z.object({ code: z.string(), outcome: z.string(), depositJpy: z.number().int(), message: z.string() }),
            ),
          })
          .nullable(),
      })
      .nullable()
      .describe("Postpaid only: the credit assessment (与信審査) with the figures behind each reason"),
    payments: z
      .array(
        z.object({
          id: z.string(),
          kind: z.enum(["deposit", "top_up", "purchase"]),
          method: z.enum(["card", "konbini", "counter"]),
          status: z.string(),
          amountJpy: z.number().int(),
          refundedJpy: z.number().int(),
          refundRequestedAt: z.string().nullable(),
          at: z.string(),
        }),
      )
      .describe("Deposits, plan purchases and top-ups: what was taken and what was given back"),
    approval: z
      .object({
        kind: z.enum(["method_complete", "person_decides", "evidence_missing"]),
        method: z.string().optional(),
        unmet: z.array(z.string()).optional(),
        bring: z.array(z.object({ method: z.string(), evidence: z.array(z.string()) })).optional(),
        checks: z
          .array(z.string())
          .optional()
          .describe("method_complete: the checks the pinned policy required of the method for this document"),
        document: z
          .string()
          .nullable()
          .describe("The document presented (the form's), whose required checks applied: they may differ by document"),
        policy: z.object({ id: z.string(), version: z.string() }),
      })
      .nullable()
      .describe(
        "Whether one reviewer may approve (a method the pinned policy allows is complete), only the four-eyes override (its evidence given, a required check unmet), or nobody until the applicant brings what is missing",
      ),
    acceptance: termsAcceptanceSchema
      .nullable()
      .describe("The terms and privacy notice the applicant accepted on the confirm page, at the last submission"),
    correction: z
      .object({
        fields: z.array(z.object({ field: z.string(), label: z.string() })),
        message: z.string(),
        requestedAt: z.string(),
        answeredAt: z.string().nullable(),
        changes: z
          .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
          .describe("What the applicant changed in answer"),
      })
      .nullable(),
    notes: z.array(z.object({ kind: z.string(), by: z.string(), note: z.string(), at: z.string() })),
    particularsHistory: z.array(
      z.object({ contentVersion: z.number().int(), at: z.string(), particulars: z.unknown() }),
    ),
    history: z.array(eventSchema),
    portIn: z
      .object({
        msisdn: z.string().describe("The number brought from another operator"),
        mode: z
          .enum(["two_stop", "one_stop"])
          .describe("two_stop: a reservation number given; one_stop: the operator's page"),
        donor: z.string().nullable().describe("The previous operator, where known"),
        reservationExpiresOn: z.string().describe("The reservation number's last valid day (Japan)"),
        state: z.enum(portInStates),
        switchOverAt: z.string().nullable().describe("The switch-over time the applicant chose"),
        failureCode: z.string().nullable().describe("Why the switch-over failed (state failed)"),
      })
      .nullable()
      .describe("The number the application brings (MNP port-in), if any"),
    line: z
      .object({
        iccid: z.string(),
        formFactor: z.enum(["physical", "esim"]),
        lineType: z.enum(["voice", "data"]),
        msisdn: z.string().nullable().describe("The phone number of a voice line; null for data only"),
        status: z.enum(["assigned", "active", "released"]),
        subscription: z
          .object({
            state: z.enum(lineStates),
            openPoliceRequestId: z
              .string()
              .nullable()
              .describe("A police request awaiting the holder's re-verification (a counter may answer it)"),
          })
          .nullable()
          .describe("The line once activated: its state (packages/domain/src/line/line-lifecycle.ts)"),
      })
      .nullable()
      .describe("The SIM card or eSIM profile assigned to the application, once one is"),
    provisioning: z
      .array(
        z.object({
          operation: z.enum(networkOperations),
          adapter: z.string(),
          request: z.unknown(),
          answer: z.unknown(),
          outcome: z.enum(networkOperationOutcomes),
          error: z.string().nullable(),
          attempts: z.number().int(),
          startedAt: z.string(),
          finishedAt: z.string().nullable(),
        }),
      )
      .describe("Every call to the network's provisioning API for this application, oldest first"),
    shipment: z
      .object({
        method: z.enum(["restricted_delivery", "registered_non_forwardable"]),
        carrier: z.string(),
        trackingNumber: z.string(),
        trackingUrl: z.string(),
        status: z.enum(["in_transit", "delivered", "returned"]),
      })
      .nullable()
      .describe("The newest parcel of a physical SIM"),
    activation: z
      .object({ failures: z.number().int(), lockedAt: z.string().nullable() })
      .describe("Wrong activation codes so far; lockedAt: locked after five, until someone unlocks it"),
    images: z
      .array(z.enum(["chip_face", "selfie"]))
      .describe("Faces to open beside the particulars (GET …/images/{image}, audited)"),
  })
  .meta({ id: "Case" });

export const statusLookupSchema = z
  .object({
    reference: z.string(),
    state: z.enum(applicationStates),
    status: z.object({ title: z.string(), next: z.string(), usually: z.string() }),
    planId: z.string(),
    language: z.enum(languages),
    submittedAt: z.string().nullable(),
    applicant: z.object({
      name: z.string().nullable().describe("Initials only"),
      birthYear: z.string().nullable(),
      email: z.string().describe("Masked"),
      phone: z.string().nullable().describe("Last four digits"),
    }),
    timeline: z.array(z.object({ event: z.string(), state: z.string(), at: z.string() })),
    activationLockedAt: z
      .string()
      .nullable()
      .describe("When five wrong activation codes locked activation; the applicant waits for an unlock"),
  })
  .meta({ id: "StatusLookup" });

export const caseImageParamsSchema = z.object({
  reference: z.string().max(40),
  image: z.enum(["chip_face", "selfie"]),
});

export const unlockActivationBodySchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(5, "must say why (at least 5 characters)")
      .max(500, "must be at most 500 characters")
      .describe("Why the lock is lifted, e.g. how the caller was identified; kept encrypted as a case note"),
  })
  .strict();

export const unlockActivationResultSchema = z.object({ reference: z.string(), activationLocked: z.literal(false) });

export const claimResultSchema = z.object({ reference: z.string(), expiresAt: z.string() });

const note = z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters");

export const decisionBodySchema = z
  .discriminatedUnion(
    "type",
    [
      z.object({ type: z.literal("approve"), note: note.optional() }).strict(),
      z.object({ type: z.literal("reject"), reason: z.enum(rejectReasonCodes), note: note.optional() }).strict(),
      z
        .object({
          type: z.literal("request_correction"),
          fields: z.array(z.enum(correctableFields)).min(1, "must name at least one field"),
          message: note.describe("Shown to the applicant as written: write it in their language"),
        })
        .strict(),
      z.object({ type: z.literal("escalate"), note }).strict(),
      z.object({ type: z.literal("confirm_override"), note: note.optional() }).strict(),
      z.object({ type: z.literal("decline_override"), note }).strict(),
    ],
    { error: "must be one of approve, reject, request_correction, escalate, confirm_override, decline_override" },
  )
  .meta({ id: "Decision" });

export const decisionResultSchema = z.object({
  reference: z.string(),
  event: z.string(),
  state: z.enum(applicationStates),
  overridePending: z.boolean().describe("The approval waits for a second senior reviewer"),
});

// ---- Issuance ----

export const shipmentSchema = z
  .object({
    id: z.string(),
    method: z
      .enum(["restricted_delivery", "registered_non_forwardable"])
      .describe("restricted_delivery: 特定事項伝達型本人限定受取郵便; registered_non_forwardable: 書留 (転送不要)"),
    carrier: z.string().describe("The carrier's code: japan-post (japan-post-simulator outside production)"),
    trackingNumber: z.string(),
    trackingUrl: z.string().describe("The carrier's tracking page for this parcel (SHIPMENT_TRACKING_URL)"),
    status: z.enum(["in_transit", "delivered", "returned"]),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    returnReason: z.string().nullable().describe("The carrier's code for why a returned parcel came back"),
  })
  .meta({ id: "Shipment" });

export const shippingWorkSchema = z
  .object({
    carrier: z.string().describe("The carrier a SIM sent now is booked with"),
    waiting: z
      .array(
        z.object({
          reference: z.string(),
          planId: z.string(),
          lineType: z.enum(["voice", "data"]),
          method: z.enum(["restricted_delivery", "registered_non_forwardable"]),
          waitingSince: z.string(),
          lastReturned: shipmentSchema.nullable().describe("The parcel that came back, when this is a second send"),
        }),
      )
      .describe("Physical SIMs assigned and not sent (online and postal applications), oldest first"),
    inTransit: z
      .array(z.object({ reference: z.string(), shipment: shipmentSchema }))
      .describe("Parcels the carrier has not reported on yet, oldest first"),
  })
  .meta({ id: "ShippingWork" });

export const trackingParamsSchema = z.object({
  trackingNumber: z.string().regex(/^[0-9A-Z-]{8,30}$/, "must be a tracking number"),
});

export const shipmentEventSchema = z
  .object({
    type: z.enum(["delivered", "returned"]),
    reason: z
      .enum(["addressee_unknown", "moved", "refused", "not_collected", "identity_not_confirmed", "other"])
      .optional()
      .describe("Why the parcel came back, as the carrier's code (free text stays out of the record)"),
  })
  .strict();

// ---- Contract and documents ----

export const documentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["important_matters", "contract", "signed_contract", "receipt"]),
    documentNumber: z.string(),
    language: z.string(),
    sha256: z.string().describe("SHA-256 of the exact PDF issued"),
    sizeBytes: z.number().int(),
    paymentId: z.string().nullable(),
    createdAt: z.string(),
    url: z.string().describe("Download with the application's token"),
  })
  .meta({ id: "Document" });

export const contractViewSchema = z.object({
  state: z.enum(applicationStates),
  documents: z.array(documentSchema),
  signed: z.boolean(),
});

const sha256Hex = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "must be the SHA-256 (64 hex characters) of the document shown");

export const signatureBodySchema = z
  .object({
    accept: z.literal(true, { error: "must be true: the applicant agrees to the contract" }),
    documents: z.object({ importantMatters: sha256Hex, contract: sha256Hex }).strict(),
  })
  .strict()
  .meta({ id: "ContractSignature" });

export const signedSchema = z.object({ state: z.enum(applicationStates), signedContract: documentSchema });

export const documentParamsSchema = z.object({
  reference: z.string().max(40),
  documentId: z.uuid("must be a document id"),
});

export const digitalAuthOutcomes = [
  "signed",
  "checks_failed",
  "cancelled",
  "pin_incorrect",
  "pin_locked",
  "card_locked",
  "certificate_expired",
  "certificate_revoked",
  "timeout",
  "failed",
] as const;

export const digitalAuthStartedSchema = z
  .object({
    authorizationUrl: z.string().describe("Send the applicant's browser here: the Digital Authentication App"),
    expiresAt: z.string().describe("The applicant must come back before this time"),
  })
  .meta({ id: "DigitalAuthStarted" });

export const digitalAuthCallbackQuerySchema = z.object({
  state: z.string().max(255).optional(),
  code: z.string().max(2048).optional(),
  error: z.string().max(255).optional(),
  error_description: z.string().max(1024).optional(),
});

export const digitalAuthStatusSchema = z
  .object({
    available: z.boolean().describe("Whether this server offers signing with the Digital Authentication App"),
    outcome: z
      .enum([...digitalAuthOutcomes, "pending"])
      .nullable()
      .describe("How the latest trip to the app ended (pending: under way; null: none yet)"),
    startedAt: z.string().nullable().describe("When the latest trip began (a PC page waits for a newer one)"),
    checks: evidenceAddedSchema.shape.checks.describe(
      "Once signed: the JPKI checks of the signature, in the applicant's language (what differs from the form)",
    ),
    card: z
      .object({
        name: z.string(),
        sex: z.enum(["male", "female", "unspecified"]),
        birthDate: z.string(),
        address: z.string(),
      })
      .nullable()
      .describe("The signing certificate's particulars when they differ from the form (the applicant may take them)"),
  })
  .meta({ id: "DigitalAuthStatus" });

export const digitalAuthAvailabilitySchema = z.object({ available: z.boolean() });
