import { z } from "zod";
import { type Language, languages } from "../i18n/languages.ts";

/**
 * Notices the operator publishes to subscribers (お知らせ): a policy change with its effective date, a
 * maintenance window, a price change. Every announcement is written in all six languages (a subscriber
 * reads it in theirs), and names whom it concerns: plans, line types, languages; an empty list is
 * "everyone".
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date, YYYY-MM-DD");

const inEveryLanguage = (max: number) =>
  z
    .object(
      Object.fromEntries(
        languages.map((l) => [
          l,
          z.string({ error: "is required in every language" }).trim().min(1, "must not be empty").max(max),
        ]),
      ) as Record<Language, z.ZodString>,
    )
    .strict();

export const announcementTargetSchema = z
  .object({
    planIds: z.array(z.string().min(1)).max(50).default([]),
    lineTypes: z
      .array(z.enum(["voice", "data"]))
      .max(2)
      .default([]),
    languages: z.array(z.enum(languages)).max(6).default([]),
  })
  .strict();
export type AnnouncementTarget = z.infer<typeof announcementTargetSchema>;

export const announcementInputSchema = z
  .object({
    title: inEveryLanguage(200),
    body: inEveryLanguage(5000),
    /** The day the change takes effect, where there is one. */
    effectiveOn: isoDate.nullable().default(null),
    target: announcementTargetSchema.default({ planIds: [], lineTypes: [], languages: [] }),
  })
  .strict();
export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

export type AnnouncementSubscriber = { planId: string; lineType: "voice" | "data"; language: Language };

/** Whether the announcement concerns this subscriber: every list given must contain them. */
export function concerns(target: AnnouncementTarget, subscriber: AnnouncementSubscriber): boolean {
  const within = <T>(list: readonly T[], value: T) => list.length === 0 || list.includes(value);
  return (
    within(target.planIds, subscriber.planId) &&
    within(target.lineTypes, subscriber.lineType) &&
    within(target.languages, subscriber.language)
  );
}
