import { describe, expect, it } from "vitest";
import { applicationStates } from "../application/lifecycle.ts";
import { languages, type Translations } from "./languages.ts";
import {
  applicationStateTexts,
  correctableFieldLabels,
  correctableFields,
  rejectReasonCodes,
  rejectReasonMessages,
} from "./messages/review-messages.ts";

const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const hangul = /[\uac00-\ud7af]/;

type Entry = { name: string; translations: Translations };

const entries: Entry[] = [
  ...Object.entries(rejectReasonMessages).map(([code, translations]) => ({ name: `reject ${code}`, translations })),
  ...Object.entries(correctableFieldLabels).map(([field, translations]) => ({ name: `field ${field}`, translations })),
  ...Object.entries(applicationStateTexts).flatMap(([state, texts]) =>
    Object.entries(texts).map(([part, translations]) => ({ name: `state ${state} ${part}`, translations })),
  ),
];

describe("review messages", () => {
  it("has every entry in all six languages, none empty", () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const { name, translations } of entries) {
      for (const language of languages) {
        const text = translations[language];
        expect(typeof text, `${name} ${language}`).toBe("string");
        expect(text.trim(), `${name} ${language}`).not.toBe("");
      }
    }
  });

  it("uses the same {params} in every language", () => {
    for (const { name, translations } of entries) {
      const expected = placeholders(translations.en);
      for (const language of languages) {
        expect(placeholders(translations[language]), `${name} ${language}`).toEqual(expected);
      }
    }
  });

  it("writes Japanese in Japanese script and Korean in Hangul", () => {
    for (const { name, translations } of entries) {
      expect(translations.ja, name).toMatch(japanese);
      expect(translations.ko, name).toMatch(hangul);
    }
  });

  it("writes simplified and traditional Chinese differently for most entries", () => {
    const differing = entries.filter(({ translations }) => translations["zh-Hans"] !== translations["zh-Hant"]);
    expect(differing.length / entries.length).toBeGreaterThan(0.5);
  });

  it("explains every refusal reason and labels every correctable field", () => {
    expect(Object.keys(rejectReasonMessages).sort()).toEqual([...rejectReasonCodes].sort());
    expect(Object.keys(correctableFieldLabels).sort()).toEqual([...correctableFields].sort());
  });

  it("has a title, next step and usual duration for every application state", () => {
    const texts: Record<string, unknown> = applicationStateTexts;
    for (const state of [...applicationStates, "override_pending"]) {
      const text = applicationStateTexts[state as keyof typeof applicationStateTexts];
      expect(text, state).toBeDefined();
      expect(Object.keys(text).sort(), state).toEqual(["next", "title", "usually"]);
    }
    // No stale entries for states that no longer exist.
    for (const state of Object.keys(texts)) {
      expect([...applicationStates, "override_pending"], state).toContain(state);
    }
  });

  it("shows the senior-review state to the applicant simply as under review", () => {
    expect(applicationStateTexts.override_pending.title).toEqual(applicationStateTexts.in_review.title);
  });
});
