import { z } from "zod";
import { isResidenceCardNumber, looksLikeIndividualNumber } from "../documents/document-numbers.ts";
import { documentTypes } from "./document-types.ts";

export { type DocumentType, documentTypes } from "./document-types.ts";

/**
 * The applicant's identifying particulars (本人特定事項) as the form collects them. Stored only
 * encrypted (apps/server/src/crypto); never logged.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "is not a real calendar date");

/**
 * Text a person typed (a kanji name, an address): normalised to NFC, so the same name compares and
 * indexes the same whichever keyboard made it, and refused if it holds control characters or the
 * bidirectional overrides and isolates that make text display other than it reads (U+202A–U+202E,
 * U+2066–U+2069). Japanese, Chinese, Korean and Vietnamese text is untouched.
 */
const typedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.test(s), {
      message: "must not contain control characters or text-direction overrides",
    })
    // overwrite, not transform: the output is still a string, which the OpenAPI document can say (an
    // application's answer names these fields as strings, and the front ends check it).
    .overwrite((s) => s.normalize("NFC"));

/** 9999-12-31 and 0000-01-01 are calendar dates, not birth dates. "Today" is any time zone's (UTC+14). */
const birthDate = isoDate.refine(
  (s) => s >= "1900-01-01" && s <= new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10),
  "must be a birth date between 1900-01-01 and today",
);

const latinName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(80, "must be at most 80 characters")
  .regex(/^[\p{Script=Latin}' .-]+$/u, "must be written in Latin letters as on the document");

export const particularsSchema = z.object({
  name: z.object({
    family: latinName,
    given: latinName.or(z.literal("")),
    /** As written in kanji, where the applicant has one (e.g. on a residence card). */
    kanji: typedText(80).optional(),
    /** Reading in katakana, where the applicant has one. */
    kana: z
      .string()
      .trim()
      .max(80)
      .regex(/^[\p{Script=Katakana}ー・\s]*$/u, "must be written in katakana")
      .optional(),
  }),
  birthDate,
  nationality: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code such as JPN or USA"),
  sex: z.enum(["female", "male", "unspecified"]).optional(),
  address: z
    .object({
      postalCode: z.string().regex(/^\d{3}-?\d{4}$/, "must be a Japanese postal code such as 100-0001"),
      prefecture: typedText(10).pipe(z.string().min(1, "must not be empty")),
      city: typedText(80).pipe(z.string().min(1, "must not be empty")),
      line1: typedText(120).pipe(z.string().min(1, "must not be empty")),
      line2: typedText(120).optional(),
    })
    .optional(),
  document: z
    .object({
      type: z.enum(documentTypes),
      /** Absent for a My Number card: its only number is the Individual Number, which may not be recorded. */
      number: z
        .string()
        .trim()
        .max(20, "must be at most 20 characters")
        .regex(/^[A-Za-z0-9 -]*$/, "must contain only letters and digits")
        .optional(),
      expiryDate: isoDate,
      issuingCountry: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code such as JPN or USA"),
    })
    .superRefine((document, ctx) => {
      // Messages never repeat the value: it may be an Individual Number, which must go nowhere.
      const number = document.number ?? "";
      if (document.type === "my_number_card") {
        if (number !== "") {
          ctx.addIssue({
            code: "custom",
            path: ["number"],
            message: looksLikeIndividualNumber(number)
              ? "must not be your Individual Number (My Number): the law forbids recording it; leave this field out for a My Number card"
              : "must be left out for a My Number card",
          });
        }
        return;
      }
      if (number === "") ctx.addIssue({ code: "custom", path: ["number"], message: "must not be empty" });
      // Twelve digits are an Individual Number typed in the wrong place, except on a driving licence,
      // whose number is also twelve digits.
      else if (document.type !== "drivers_licence" && looksLikeIndividualNumber(number)) {
        ctx.addIssue({
          code: "custom",
          path: ["number"],
          message:
            "must not be an Individual Number (My Number): the law forbids recording it; enter this document's own number",
        });
      } else if (document.type === "residence_card" && !isResidenceCardNumber(number.toUpperCase())) {
        ctx.addIssue({
          code: "custom",
          path: ["number"],
          message: "must be a residence card number: two letters, eight digits, two letters (e.g. AB12345678CD)",
        });
      }
    }),
});
export type Particulars = z.infer<typeof particularsSchema>;
