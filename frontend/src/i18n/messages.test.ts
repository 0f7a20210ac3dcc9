import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { bn } from "./bn";
import { hi } from "./hi";
import { formatDate, formatNumber, isLoaded, loadCatalogue, placeholders, translate } from "./messages";

const CATALOGUES = { en, hi, bn };

describe("catalogues", () => {
  it("every language has every message, with the same placeholders", () => {
    for (const [lang, messages] of Object.entries(CATALOGUES)) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(messages[key], `${lang} ${key}`).toBeTruthy();
        expect(placeholders(messages[key]), `${lang} ${key}`).toEqual(placeholders(en[key]));
      }
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    }
  });

  it("Hindi and Bengali are translated, not copied", () => {
    expect(CATALOGUES.hi["signIn.title"]).not.toEqual(en["signIn.title"]);
    expect(CATALOGUES.bn["signIn.title"]).not.toEqual(en["signIn.title"]);
    expect(CATALOGUES.hi["signIn.title"]).toMatch(/[\u0900-\u097F]/); // Devanagari
    expect(CATALOGUES.bn["signIn.title"]).toMatch(/[\u0980-\u09FF]/); // Bengali
  });
});

describe("translate", () => {
  it("falls back to English until a language is loaded", async () => {
    expect(isLoaded("bn")).toBe(false);
    expect(translate("bn", "signIn.title")).toBe(en["signIn.title"]);
    await loadCatalogue("bn");
    expect(isLoaded("bn")).toBe(true);
    expect(translate("bn", "signIn.title")).toBe(bn["signIn.title"]);
  });

  it("fills placeholders and leaves unknown ones visible", async () => {
    await loadCatalogue("hi");
    expect(translate("en", "dashboard.title", { name: "Rina" })).toBe("Welcome, Rina");
    expect(translate("hi", "helpline.tier", { tier: 2 })).toBe("टियर 2 कतार");
    expect(translate("en", "dashboard.title")).toBe("Welcome, {name}");
  });
});

describe("server codes", () => {
  it("every helpline event the server names has words in every language", () => {
    const schema = readFileSync(`${process.cwd()}/../api/schema.graphql`, "utf8");
    const doc = schema.slice(schema.indexOf("type TicketEvent"), schema.indexOf("action: String!", schema.indexOf("type TicketEvent")));
    const codes = [...doc.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      for (const [lang, messages] of Object.entries(CATALOGUES)) {
        expect((messages as Record<string, string>)[`ticketEvent.${code}`], `${lang} ticketEvent.${code}`).toBeTruthy();
      }
    }
  });

  it("every validation reason the server gives has words in every language", () => {
    const reasons = readFileSync(`${process.cwd()}/../api/src/error_reasons.rs`, "utf8");
    const codes = [...new Set([...reasons.matchAll(/return \("([A-Z_]+)"/g)].map((m) => m[1]))];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      for (const [lang, messages] of Object.entries(CATALOGUES)) {
        expect((messages as Record<string, string>)[`reason.${code}`], `${lang} reason.${code}`).toBeTruthy();
      }
    }
  });
});

describe("formatting", () => {
  it("formats numbers and dates per locale, with one digit system and the day first", () => {
    expect(formatNumber("en", 1234567)).toBe("12,34,567"); // Indian grouping
    expect(formatNumber("bn", 1234567)).toBe("12,34,567");
    expect(formatNumber("hi", 12)).toBe("12");
    for (const lang of ["en", "hi", "bn"] as const) {
      const d = formatDate(lang, "2026-12-01");
      expect(d, lang).toMatch(/^1\D.*2026$/); // day first, international digits
      expect(d, lang).not.toMatch(/[\u0966-\u096F\u09E6-\u09EF]/);
    }
  });

  it("catalogues use the same digits as the numbers around them", () => {
    for (const [lang, messages] of Object.entries(CATALOGUES)) {
      for (const [key, text] of Object.entries(messages)) {
        expect(text, `${lang} ${key}`).not.toMatch(/[\u0966-\u096F\u09E6-\u09EF]/);
      }
    }
  });
});
