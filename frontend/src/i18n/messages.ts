import { en, type MessageKey, type Messages } from "./en";

// One digit system everywhere: the international digits, as health IDs, phone
// numbers and printed cards use them (Bengali's own digits would mix with those on
// the same screen). Dates are day first in all three.
export const LANGUAGES = [
  { code: "en", name: "English", locale: "en-IN" },
  { code: "hi", name: "हिन्दी", locale: "hi-IN-u-nu-latn" },
  { code: "bn", name: "বাংলা", locale: "bn-IN-u-nu-latn" },
] as const;

export type Lang = (typeof LANGUAGES)[number]["code"];

// English is in the first bundle; Hindi and Bengali are fetched when chosen, so a
// phone on a slow network downloads only the language it shows.
const LOADERS: Record<Exclude<Lang, "en">, () => Promise<Messages>> = {
  hi: () => import("./hi").then((m) => m.hi),
  bn: () => import("./bn").then((m) => m.bn),
};
const loaded: Partial<Record<Lang, Messages>> = { en };

export function isLoaded(lang: Lang): boolean {
  return lang in loaded;
}

/** Fetch a language's catalogue (once). */
export async function loadCatalogue(lang: Lang): Promise<void> {
  if (lang === "en" || loaded[lang]) return;
  loaded[lang] = await LOADERS[lang]();
}

export function isLang(v: unknown): v is Lang {
  return LANGUAGES.some((l) => l.code === v);
}

export function localeOf(lang: Lang): string {
  return LANGUAGES.find((l) => l.code === lang)?.locale ?? "en-IN";
}

/** The message for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  // A key built from a value the server sends (an enum) may be one this build lacks:
  // show the key rather than fail.
  const text: string = loaded[lang]?.[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether `lang`'s catalogue has `key` (for keys built from server codes). */
export function hasMessage(lang: Lang, key: string): boolean {
  return key in (loaded[lang] ?? en) || key in en;
}

/** The `{placeholders}` a message uses, sorted (each language must use the same). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** Dates and times in the language's own script and conventions, India time. */
export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Kolkata",
  }).format(new Date(iso));
}

/** A time of day in India ("08:00"), for registers kept by the clock. */
export function formatTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: "short", hourCycle: "h23", timeZone: "Asia/Kolkata" }).format(new Date(iso));
}

export function formatDate(lang: Lang, isoDate: string): string {
  // A calendar date (no time zone): format it at noon UTC so no zone moves the day.
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}
