import { describe, expect, it } from "vitest";
import { languages } from "../i18n/languages.ts";
import { compareHolder } from "./holder-match.ts";
import {
  nextPortInState,
  nextPortOutState,
  type PortInEvent,
  type PortInState,
  portInEvents,
  portInStates,
} from "./port-lifecycle.ts";
import { portInRefusalTexts, portMailTexts } from "./port-texts.ts";
import { checkReservationWindow, normaliseReservationNumber, reservationExpiresOn } from "./reservation.ts";

describe("MNP reservation numbers", () => {
  it("takes 10 digits as people type them, and nothing else", () => {
    expect(normaliseReservationNumber("1234-567-890")).toBe("1234567890");
    expect(normaliseReservationNumber("１２３４５６７８９０")).toBe("1234567890");
    expect(normaliseReservationNumber("123456789")).toBeNull();
    expect(normaliseReservationNumber("12345678901")).toBeNull();
    expect(normaliseReservationNumber("12345678a0")).toBeNull();
  });

  it("is valid 15 days counting the day of issue", () => {
    expect(reservationExpiresOn("2026-12-01")).toBe("2026-12-15");
    expect(reservationExpiresOn("2026-12-25")).toBe("2027-01-08");
  });

  it("refuses a number with too few days left, naming the day by which to apply with a new one", () => {
    const minDaysLeft = 10;
    expect(checkReservationWindow({ expiresOn: "2026-12-15", today: "2026-12-06", minDaysLeft })).toEqual({
      ok: true,
      daysLeft: 10,
    });
    expect(checkReservationWindow({ expiresOn: "2026-12-15", today: "2026-12-07", minDaysLeft })).toEqual({
      ok: false,
      reason: "too_few_days_left",
      daysLeft: 9,
      // A number issued on the 7th is valid to the 21st; it has 10 days left up to the 12th.
      applyAgainBy: "2026-12-12",
    });
    expect(checkReservationWindow({ expiresOn: "2026-12-15", today: "2026-12-15", minDaysLeft: 1 })).toMatchObject({
      ok: true,
      daysLeft: 1,
    });
    expect(checkReservationWindow({ expiresOn: "2026-12-15", today: "2026-12-16", minDaysLeft })).toEqual({
      ok: false,
      reason: "expired",
      applyAgainBy: "2026-12-21",
    });
  });
});

describe("the holder at the porting-out operator against the verified identity", () => {
  const verified = {
    name: { family: "Yamada", given: "Taro", kanji: "山田 太郎", kana: "ヤマダ タロウ" },
    birthDate: "1990-04-01",
  };

  it("matches the same person written in kanji, kana (either script, either width) or Latin letters", () => {
    for (const name of [
      "山田太郎",
      "山田　太郎",
      "ヤマダタロウ",
      "やまだ たろう",
      "ﾔﾏﾀﾞ ﾀﾛｳ",
      "YAMADA TARO",
      "Taro Yamada",
    ]) {
      expect(compareHolder({ name, birthDate: "1990-04-01" }, verified), name).toEqual({ name: true, birthDate: true });
    }
    expect(compareHolder({ name: "山田太郎", kana: "やまだたろう", birthDate: "1990-04-01" }, verified).name).toBe(
      true,
    );
    const foreign = { name: { family: "Müller", given: "Anna Maria" }, birthDate: "1985-02-03" };
    expect(compareHolder({ name: "MUELLER ANNA MARIA", birthDate: "1985-02-03" }, foreign).name).toBe(true);
    expect(compareHolder({ name: "Maria Anna Müller", birthDate: "1985-02-03" }, foreign).name).toBe(true);
    expect(compareHolder({ name: "Anna Müller", birthDate: "1985-02-03" }, foreign).name).toBe(false);
    expect(compareHolder({ name: "MULLER MARIA ANNA", birthDate: "1985-02-03" }, foreign).name).toBe(true);
  });

  it("does not match another person, or the same name with another birth date", () => {
    expect(compareHolder({ name: "山田花子", birthDate: "1990-04-01" }, verified).name).toBe(false);
    expect(compareHolder({ name: "ヤマダハナコ", birthDate: "1990-04-01" }, verified).name).toBe(false);
    expect(compareHolder({ name: "YAMADA HANAKO", birthDate: "1990-04-01" }, verified).name).toBe(false);
    expect(compareHolder({ name: "YAMADA", birthDate: "1990-04-01" }, verified).name).toBe(false);
    expect(compareHolder({ name: "山田太郎", birthDate: "1990-04-02" }, verified)).toEqual({
      name: true,
      birthDate: false,
    });
    // Without a kanji name on file, a kanji holder name cannot be compared: no match, never a guess.
    const latinOnly = { name: { family: "Yamada", given: "Taro" }, birthDate: "1990-04-01" };
    expect(compareHolder({ name: "山田太郎", birthDate: "1990-04-01" }, latinOnly).name).toBe(false);
  });
});

describe("the port-in table", () => {
  // Written out by hand: every (state, event) pair not listed is refused.
  const expected: Partial<Record<`${PortInState}/${PortInEvent}`, PortInState>> = {
    "reserved/replace": "reserved",
    "scheduled/replace": "reserved",
    "failed/replace": "reserved",
    "reserved/schedule": "scheduled",
    "scheduled/schedule": "scheduled",
    "failed/schedule": "scheduled",
    "scheduled/complete": "completed",
    "scheduled/fail": "failed",
    "reserved/cancel": "cancelled",
    "scheduled/cancel": "cancelled",
    "failed/cancel": "cancelled",
  };
  it("allows exactly the transitions written out", () => {
    for (const state of portInStates) {
      for (const event of portInEvents) {
        expect(nextPortInState(state, event), `${state}/${event}`).toBe(expected[`${state}/${event}`] ?? null);
      }
    }
  });
  it("lets a port-out reservation end once, one way", () => {
    expect(nextPortOutState("issued", "port")).toBe("ported");
    expect(nextPortOutState("issued", "expire")).toBe("expired");
    expect(nextPortOutState("ported", "cancel")).toBeNull();
    expect(nextPortOutState("expired", "port")).toBeNull();
  });
});

describe("texts", () => {
  it("say every refusal and mail in all six languages", () => {
    for (const table of [portInRefusalTexts, portMailTexts]) {
      for (const [key, texts] of Object.entries(table)) {
        for (const language of languages) expect(texts[language].length, `${key} ${language}`).toBeGreaterThan(10);
      }
    }
  });
});
