import { readdirSync, readFileSync } from "node:fs";
import {
  applicationEvents,
  applicationStates,
  checkMessages,
  correctableFields,
  documentTypes,
  lineStates,
  rejectReasonCodes,
  verificationMethods,
} from "@jitsumei/domain";
import { caseTags } from "@jitsumei/domain/case-tags";
import { describe, expect, it } from "vitest";
import { channels } from "../../server/src/applications/create-application.ts";
import {
  esimProfileStatuses,
  lineStatuses,
  phoneNumberStatuses,
  simCardStatuses,
} from "../../server/src/inventory/count-inventory.ts";
import { normaliseMrz, parseTd3, validIccid } from "../src/counter/mrz.ts";
import { en } from "../src/i18n/en.ts";
import { consoleLanguages, dictionaries, preferredLanguage, translate } from "../src/i18n/languages.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the console's dictionaries", () => {
  it.each(consoleLanguages)(
    "%s has every key of the English dictionary, no other, none empty, the same placeholders",
    (language) => {
      const dictionary = dictionaries[language];
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const translated = dictionary[key as keyof typeof en];
        expect(translated.trim(), `${language} ${key}`).not.toBe("");
        expect(placeholders(translated), `${language} ${key}`).toEqual(placeholders(text));
      }
    },
  );

  it("labels every state (an application's and a line's), event, channel, tag, refusal reason, correctable field, document, method, sex and stock status the API sends", () => {
    const codes = [
      ...applicationStates.map((s) => `state.${s}`),
      ...applicationEvents.map((e) => `event.${e}`),
      ...lineStates.map((s) => `lineState.${s}`),
      ...channels.map((c) => `channel.${c}`),
      ...caseTags.map((t) => `tag.${t}`),
      ...rejectReasonCodes.map((r) => `reject.${r}`),
      ...correctableFields.map((f) => `field.${f}`),
      ...documentTypes.map((d) => `document.${d}`),
      // The verification methods of the policies, and MRZ: the typed passport line of data plans.
      ...[...verificationMethods, "MRZ"].map((m) => `method.${m}`),
      ...["female", "male", "unspecified"].map((x) => `sex.${x}`),
      ...[...simCardStatuses, ...esimProfileStatuses, ...phoneNumberStatuses, ...lineStatuses].map(
        (s) => `inventory.status.${s}`,
      ),
      // Types only on the server (ActorKind, a payment method's status): the values it sends.
      ...["applicant", "staff", "system"].map((a) => `actor.${a}`),
      ...["verified", "refused"].map((p) => `payment.${p}`),
    ];
    expect(codes.filter((key) => !(key in en))).toEqual([]);
  });

  it("names every automated check the domain explains, and every policy in policies/", () => {
    const checks = Object.keys(checkMessages).map((code) => `check.${code}`);
    expect(checks.length).toBeGreaterThan(40);
    const folder = new URL("../../../policies/", import.meta.url);
    const policyIds = readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".json"))
      .map((file) => (JSON.parse(readFileSync(new URL(file, folder), "utf8")) as { id: string }).id);
    expect(policyIds).toContain("jp-mobile-act");
    const keys = [...checks, ...new Set(policyIds.map((id) => `policy.${id}`))];
    expect(keys.filter((key) => !(key in en))).toEqual([]);
  });

  it("puts values into the placeholders", () => {
    expect(translate("ja", "case.title", { reference: "JT-1" })).toBe("申込み JT-1");
    expect(translate("en", "queue.count", { count: 3 })).toBe("3 applications");
  });

  it("starts in the browser's first language it speaks, else Japanese", () => {
    expect(preferredLanguage(["fr-FR", "en-GB", "ja"])).toBe("en");
    expect(preferredLanguage(["zh-CN"])).toBe("zh-Hans");
    expect(preferredLanguage(["zh-TW", "ko"])).toBe("ja");
    expect(preferredLanguage([])).toBe("ja");
  });
});

describe("the counter's reading of a passport and a SIM", () => {
  it("fills in the particulars from a TD3 machine-readable zone", () => {
    const lines = normaliseMrz(
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n l898902c36uto7408122f3404159<<<<<<<<<<<<<<<4 \n",
    );
    expect(parseTd3(lines, "2026-11-25")).toEqual({
      name: { family: "Eriksson", given: "Anna Maria" },
      birthDate: "1974-08-12",
      nationality: "UTO",
      sex: "F",
      document: { type: "passport", number: "L898902C3", expiryDate: "2034-04-15", issuingCountry: "UTO" },
    });
    expect(parseTd3(["P<UTOERIKSSON"])).toBeNull();
  });

  it("reads a birth date's century as the server does: never in the future", () => {
    // Born 1 December 26, read on 25 November 2026: 1926 (the console once read 2026, a birth next week).
    const lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO2612011F3404159<<<<<<<<<<<<<<<4"];
    expect(parseTd3(lines, "2026-11-25")?.birthDate).toBe("1926-12-01");
    expect(parseTd3(lines, "2026-12-01")?.birthDate).toBe("2026-12-01");
  });

  it("accepts an ICCID only with its Luhn check digit", () => {
    expect(validIccid("8981100000000000002")).toBe(true);
    expect(validIccid("8981100000000000003")).toBe(false);
    expect(validIccid("898110000000")).toBe(false);
  });
});
