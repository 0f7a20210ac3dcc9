import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { MessageKey } from "./en";
import { setProblemTranslator } from "../api/errors";
import { formatDate, formatDateTime, formatTime, formatNumber, hasMessage, isLang, isLoaded, loadCatalogue, translate, type Lang } from "./messages";

const STORAGE_KEY = "arogya.lang";

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  dateTime: (iso: string) => string;
  /** A time of day in India, 24-hour. */
  time: (iso: string) => string;
  date: (isoDate: string) => string;
  number: (n: number) => string;
}

export type Translate = I18n["t"];

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  const browser = navigator.language.slice(0, 2);
  return isLang(browser) ? browser : "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  // The language on screen: the chosen one once its catalogue has arrived, English meanwhile.
  const [shown, setShown] = useState<Lang>(() => (isLoaded(lang) ? lang : "en"));
  useEffect(() => {
    let current = true;
    loadCatalogue(lang).then(
      () => current && setShown(lang),
      () => undefined, // offline: stay in the language already shown
    );
    return () => {
      current = false;
    };
  }, [lang]);
  useEffect(() => {
    document.documentElement.lang = shown;
  }, [shown]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    // Field errors from the server are said in this language when their reason is
    // known. Set before the screens render in the new language, so they use it.
    setProblemTranslator((p) => {
      const key = `reason.${p.reason}`;
      if (!p.reason || !hasMessage(shown, key)) return null;
      return translate(shown, key as MessageKey, p.params ?? {});
    });
    return {
      lang,
      setLang,
      t: (key, params) => translate(shown, key, params),
      dateTime: (iso) => formatDateTime(shown, iso),
      time: (iso) => formatTime(shown, iso),
      date: (d) => formatDate(shown, d),
      number: (n) => formatNumber(shown, n),
    };
  }, [lang, shown, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
