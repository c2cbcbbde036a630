import { z } from "zod";
import { documentTypes } from "../application/particulars.ts";

/**
 * Verification policy as data (LAW.md): which methods, documents and checks the law (or the
 * operator's stricter house rules) ask for, by service, channel and applicant, from which date. A
 * correction of the law is a new policy file, never a code change.
 */
export const verificationMethods = [
  "F2F_PRESENT", // original photo ID shown in person (イ)
  "F2F_IC", // IC chip read in the shop
  "NF_IC_SELFIE", // chip read by the phone + selfie matched to the chip photo (ハ)
  "NF_JPKI", // JPKI signature with the My Number card (ト)
  "NF_SMARTPHONE_JPKI", // JPKI certificate held on a smartphone (チ)
  "NF_RESTRICTED_DELIVERY", // 特定事項伝達型本人限定受取郵便 (ヘ)
  "NF_NONPHOTO_MAIL", // non-photo document + registered, non-forwardable mail (ロ/ニ)
  "NF_IMAGE_SELFIE", // photo of the ID + selfie upload (old ホ; abolished 2026-03-31)
  "NF_COPY_MAIL", // copies of the ID + non-forwardable mail (abolished 2026-03-31)
  "DOC_REGISTRATION", // not a legal method: the document is registered (visitor data SIMs)
] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export const services = ["voice", "data", "sms-data"] as const;
export type PolicyService = (typeof services)[number];
export const policyChannels = ["online", "shop", "post"] as const;
export type PolicyChannel = (typeof policyChannels)[number];
export const applicantClasses = ["resident", "visitor", "minor", "corporation"] as const;
export type ApplicantClass = (typeof applicantClasses)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

const checkCodes = z.array(z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, "must be a check code like chip.sod_signature"));

const methodRule = z
  .object({
    method: z.enum(verificationMethods),
    documents: z.array(z.enum(documentTypes)).min(1, "must name at least one document"),
    /** Check codes that must pass for this method to count (for every document not named below). */
    requiredChecks: checkCodes.default([]),
    /**
     * The checks for one document where they differ from `requiredChecks`: the same method proves a
     * document by what its chip can give (F2F_IC: a passport's ICAO signature, a My Number card's
     * card-face signature). Optional and without a default, so a policy that has none keeps the same
     * content hash it had before the field existed.
     */
    requiredChecksByDocument: z.partialRecord(z.enum(documentTypes), checkCodes).optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const document of Object.keys(m.requiredChecksByDocument ?? {})) {
      if (!(m.documents as readonly string[]).includes(document)) {
        ctx.addIssue({
          code: "custom",
          message: `${document} is not one of this method's documents (${m.documents.join(", ")})`,
          path: ["requiredChecksByDocument", document],
        });
      }
    }
  });

const rule = z
  .object({
    services: z.array(z.enum(services)).min(1),
    channels: z.array(z.enum(policyChannels)).min(1),
    applicants: z.array(z.enum(applicantClasses)).min(1),
    verificationRequired: z.boolean(),
    methods: z.array(methodRule).default([]),
    /** For minors: the consent of a parent or guardian (親権者の同意) is part of the contract. */
    guardianConsentRequired: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => !r.verificationRequired || r.methods.length > 0, {
    message: "a rule that requires verification must allow at least one method",
    path: ["methods"],
  });

/**
 * Supporting documents (補助書類) that may prove a new address beside a photo ID: a copy of the
 * residence record (住民票の写し), a utility bill (公共料金の領収書), a tax certificate (納税証明書).
 * LAW.md: they must have been issued within the last 6 months.
 */
export const supportingDocumentTypes = ["residence_certificate", "utility_bill", "tax_certificate"] as const;
export type SupportingDocumentType = (typeof supportingDocumentTypes)[number];
export const holderChangeKinds = ["name", "address", "contact"] as const;
export type HolderChangeKind = (typeof holderChangeKinds)[number];

/** What a change of the holder's particulars after activation needs (a correction of the record). */
const holderChangeRule = z
  .object({
    evidenceRequired: z.boolean(),
    /** Documents any one of which proves the new value (a photo ID showing it, or a supporting document). */
    documents: z.array(z.enum([...documentTypes, ...supportingDocumentTypes])).default([]),
    /** A supporting document must have been issued within this many months. */
    supportingDocumentMaxAgeMonths: z.number().int().min(1).max(24).nullable().default(null),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => !r.evidenceRequired || r.documents.length > 0, {
    message: "a change that requires evidence must accept at least one document",
    path: ["documents"],
  });

/** Relatives (親族) and people sharing a household (生計を同じくする者) a holder may declare at a transfer. */
export const transferRelationships = [
  "none",
  "spouse",
  "parent",
  "child",
  "sibling",
  "grandparent",
  "grandchild",
  "other_relative",
  "household_member",
] as const;
export type TransferRelationship = (typeof transferRelationships)[number];
export const transferSteps = ["carrier_consent", "new_holder_verification"] as const;
export type TransferStep = (typeof transferSteps)[number];

/** A transfer (譲渡) of a line: the carrier's prior consent and the new holder's verification, and who is exempt. */
const transferRule = z
  .object({
    carrierConsentRequired: z.boolean(),
    newHolderVerificationRequired: z.boolean(),
    /** The relationships the exemption covers, and the steps it exempts them from. */
    exemptRelationships: z.array(z.enum(transferRelationships).exclude(["none"])).default([]),
    exemptFrom: z.array(z.enum(transferSteps)).default([]),
    note: z.string().optional(),
  })
  .strict();

export const policySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and hyphens"),
    version: z.string().min(1),
    kind: z.enum(["statutory", "house"]),
    title: z.string().min(1),
    effectiveFrom: isoDate,
    effectiveUntil: isoDate.nullable(),
    sources: z.array(z.string()).default([]),
    minimumAge: z.number().int().min(0).max(30).default(18),
    /** Voice lines per person across active and pending lines (industry rule since 2009: 5). */
    lineLimit: z.number().int().min(1).max(100).nullable().default(null),
    /** The verification record (本人確認記録) is kept this long after the contract ends. */
    retentionYearsAfterContractEnd: z.number().int().min(1).max(30).nullable().default(null),
    /** Face-match thresholds (human's similarity scale); the strictest in force applies. */
    faceThresholds: z
      .object({
        match: z.number().min(0).max(1),
        reject: z.number().min(0).max(1),
        liveness: z.number().min(0).max(1),
        antiSpoof: z.number().min(0).max(1),
      })
      .strict()
      .refine((t) => t.reject <= t.match, { message: "reject must not be above match", path: ["reject"] })
      .nullable()
      .default(null),
    /**
     * Whether a passport chip must prove it is genuine (not a copy of its data) with Active
     * Authentication over the server's challenge: `required` (a chip with DG15 must pass AA; a chip
     * offering neither AA nor Chip Authentication goes to a person), `when_offered` (a failed AA
     * fails; one not performed is noted), `off` (not checked). null: the policy says nothing; the
     * strictest in force applies, `when_offered` when none says.
     */
    chipAuthentication: z.enum(["required", "when_offered", "off"]).nullable().default(null),
    /** Changes of the holder's particulars after activation (issue 8); null: the policy says nothing. */
    holderChanges: z
      .object({ name: holderChangeRule, address: holderChangeRule, contact: holderChangeRule })
      .strict()
      .nullable()
      .default(null),
    /** Transfers of a line to another holder; null: the policy says nothing. */
    transfer: transferRule.nullable().default(null),
    /** A house policy may hold no rule (one that only adds thresholds, or only transfer rules). */
    rules: z.array(rule).default([]),
  })
  .strict()
  .refine((p) => p.kind === "house" || p.rules.length > 0, {
    message: "a statutory policy must have at least one rule",
    path: ["rules"],
  })
  .refine((p) => p.effectiveUntil === null || p.effectiveUntil >= p.effectiveFrom, {
    message: "must not end before it starts",
    path: ["effectiveUntil"],
  });

export type Policy = z.infer<typeof policySchema>;
export type PolicyRule = Policy["rules"][number];
export type MethodRule = PolicyRule["methods"][number];
export type HolderChangeRule = NonNullable<Policy["holderChanges"]>[HolderChangeKind];
export type TransferRule = NonNullable<Policy["transfer"]>;
