import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { MessageKey } from "./en.ts";
import { type ConsoleLanguage, consoleLanguages, preferredLanguage, translate } from "./languages.ts";

type I18n = {
  language: ConsoleLanguage;
  setLanguage(language: ConsoleLanguage): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A date and time as staff read them, in the console's language (Japan time). */
  dateTime(iso: string): string;
  /** A calendar date (`1990-01-02`, a birth date, an expiry) as the language writes it: 1990年1月2日. */
  date(isoDate: string): string;
  /**
   * An amount of yen as the language writes it: ￥3,300 (ja), ¥3,300 (zh-Hans, en). Not the currency
   * symbol Intl gives zh-Hans by default (JP¥, to tell it from the yuan): the console's amounts are
   * all yen, and a Chinese reader of a Japanese operator reads ¥ as yen.
   */
  yen(amount: number): string;
  /** A language's name (`en` → 英語) in the console's language; the code itself if the browser has none. */
  languageName(code: string): string;
};

const I18nContext = createContext<I18n | null>(null);
const storageKey = "jitsumei.console.language";

function initialLanguage(): ConsoleLanguage {
  const stored = localStorage.getItem(storageKey);
  if (stored && (consoleLanguages as readonly string[]).includes(stored)) return stored as ConsoleLanguage;
  return preferredLanguage(navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<ConsoleLanguage>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, "app.title");
  }, [language]);
  const value = useMemo<I18n>(() => {
    const format = new Intl.DateTimeFormat(language, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Asia/Tokyo",
    });
    // A calendar date has no time zone: read and written in UTC so that it stays the same day.
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
    const yen = new Intl.NumberFormat(language, {
      style: "currency",
      currency: "JPY",
      currencyDisplay: "narrowSymbol",
    });
    const languageNames = new Intl.DisplayNames([language], { type: "language" });
    return {
      language,
      setLanguage(next) {
        localStorage.setItem(storageKey, next);
        setLanguageState(next);
      },
      t: (key, values) => translate(language, key, values),
      dateTime: (iso) => format.format(new Date(iso)),
      yen: (amount) => yen.format(amount),
      date: (isoDate) =>
        /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? dateFormat.format(new Date(`${isoDate}T00:00:00Z`)) : isoDate,
      languageName: (code) => {
        try {
          return languageNames.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
