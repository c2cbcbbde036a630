import { formatYen } from "@jitsumei/domain/money";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { MessageKey } from "./en.ts";
import { bestLanguage, dictionaries, type Language } from "./languages.ts";

export { bestLanguage, dictionaries, type Language, languageNames, languages } from "./languages.ts";

/** Intl locales for dates and numbers. */
const intlLocales: Record<Language, string> = {
  ja: "ja-JP",
  en: "en-GB",
  "zh-Hans": "zh-CN",
  "zh-Hant": "zh-TW",
  ko: "ko-KR",
  vi: "vi-VN",
};

/** Said after a time of day: every time on the site is Japan's. */
const japanTime: Record<Language, string> = {
  ja: "（日本時間）",
  en: " (Japan time)",
  "zh-Hans": "（日本时间）",
  "zh-Hant": "（日本時間）",
  ko: " (일본 시간)",
  vi: " (giờ Nhật Bản)",
};

type I18n = {
  lang: Language;
  setLang: (l: Language) => void;
  /**
   * Whether the reader chose the language (the language menu, here or on an earlier visit) rather than
   * the browser's preferences: only a choice changes the language an application's mails are sent in.
   */
  chosen: boolean;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  date: (iso: string, withTime?: boolean) => string;
  number: (n: number) => string;
  /** Yen as the mails write it too (`@jitsumei/domain/money`): one format per language. */
  yen: (n: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const chosen = localStorage.getItem("jitsumei.language");
  if (chosen && chosen in dictionaries) return chosen as Language;
  return bestLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const [chosen, setChosen] = useState(() => (localStorage.getItem("jitsumei.language") ?? "") in dictionaries);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = dictionaries[lang]["app.name"];
  }, [lang]);
  const setLang = useCallback((l: Language) => {
    localStorage.setItem("jitsumei.language", l);
    setLangState(l);
    setChosen(true);
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[lang];
    const locale = intlLocales[lang];
    return {
      lang,
      setLang,
      chosen,
      t: (key, params) =>
        dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          params && name in params ? String(params[name]) : whole,
        ),
      // A calendar date (YYYY-MM-DD) is that day wherever the reader is; an instant (a deadline, a
      // delivery) is shown in Japan's time, as the mails give it, with the zone named beside a time.
      date: (iso, withTime = false) => {
        const calendar = iso.length === 10;
        const d = new Date(calendar ? `${iso}T00:00:00Z` : iso);
        if (Number.isNaN(d.getTime())) return iso;
        const timed = withTime && !calendar;
        const text = new Intl.DateTimeFormat(locale, {
          timeZone: calendar ? "UTC" : "Asia/Tokyo",
          ...(timed
            ? { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" }
            : { dateStyle: "long" }),
        }).format(d);
        // The zone in words the reader uses ("JST" in Japanese but "GMT+9" in Vietnamese, otherwise).
        return timed ? `${text}${japanTime[lang]}` : text;
      },
      number: (n) => new Intl.NumberFormat(locale).format(n),
      yen: (n) => formatYen(n, lang),
    };
  }, [lang, setLang, chosen]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
