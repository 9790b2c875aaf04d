// The window's words: one Fluent catalog per language (`ui/locales/<lang>.ftl`, English the
// source), with the locale's plural rules and number, date and money formats.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import deFtl from "../locales/de.ftl?raw";
import enFtl from "../locales/en.ftl?raw";
import esFtl from "../locales/es.ftl?raw";
import frFtl from "../locales/fr.ftl?raw";
import itFtl from "../locales/it.ftl?raw";
import plFtl from "../locales/pl.ftl?raw";
import ptFtl from "../locales/pt.ftl?raw";
import type { Lang } from "./bindings";
import type { Key } from "./keys";

export type { Key, Lang };

/** The control panel's languages (Rust's `Language`); French (Canada) reads the French catalog
 * in its own formats. Every language has a catalog: `catalogs` below is a `Record<Lang, …>`. */
export const LANGS: readonly Lang[] = ["en", "fr", "de", "es", "it", "pl", "pt"];

/** Each language in its own words, for the language menus. */
export const LANG_NAMES: Record<Lang, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  es: "Español",
  it: "Italiano",
  pl: "Polski",
  pt: "Português",
};

export const catalogs: Record<Lang, string> = { en: enFtl, fr: frFtl, de: deFtl, es: esFtl, it: itFtl, pl: plFtl, pt: ptFtl };

const DEFAULT_LOCALE: Record<Lang, string> = { en: "en-GB", fr: "fr-FR", de: "de-DE", es: "es-ES", it: "it-IT", pl: "pl-PL", pt: "pt-PT" };

let current: Lang = "en";
let locale = DEFAULT_LOCALE.en;
let system = "";
const bundles = new Map<string, FluentBundle>();

/** The language of a locale tag ("fr_CA.UTF-8", "de-AT", "pt"), when it is one of ours. */
export function langOf(tag: string): Lang | null {
  const base = tag.toLowerCase().split(/[-_.@]/)[0];
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : null;
}

/** A locale tag as `Intl` takes it ("fr_CA.UTF-8" → "fr-CA"), or null when it is not one. */
function intlTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.split(/[.@]/)[0].replace(/_/g, "-"))[0] ?? null;
  } catch {
    return null;
  }
}

/** The language from a saved choice, else the system locale, else English. */
export function initialLang(saved: string | null, systemLocale: string): Lang {
  return (saved ? langOf(saved) : null) ?? langOf(systemLocale) ?? "en";
}

/** The system's locale tag, as the Rust side reads it (`fr_CA.UTF-8`, `de-AT`). */
export function setSystemLocale(tag: string): void {
  system = tag;
}

/** The language "as the system" means. */
export function systemLang(): Lang {
  return langOf(system) ?? "en";
}

/** Speaks `lang`; dates, numbers and money follow the system locale when it is a variant of
 * that language (fr-CA, de-AT), else the language's own country. */
export function setLang(lang: Lang): void {
  current = lang;
  const tag = langOf(system) === lang ? intlTag(system) : null;
  locale = tag && tag.includes("-") ? tag : DEFAULT_LOCALE[lang];
}

export function lang(): Lang {
  return current;
}

/** The locale the window formats with ("fr-CA", "de-DE"). */
export function localeTag(): string {
  return locale;
}

function bundle(l: Lang, tag: string): FluentBundle {
  const id = `${l}|${tag}`;
  let b = bundles.get(id);
  if (!b) {
    // No bidi isolation marks: every catalog is left-to-right, and the text is compared as is.
    b = new FluentBundle(tag, { useIsolating: false });
    b.addResource(new FluentResource(catalogs[l]));
    bundles.set(id, b);
  }
  return b;
}

/** Fluent's name for a key ("status.ACTIVE" → "status-ACTIVE"). */
export function messageId(key: string): string {
  return key.replace(/\./g, "-");
}

/** The string for `key` in the current language (English where a catalog lacks it), with its
 * variables; numbers choose the plural form and are written the locale's way. */
export function t(key: Key, vars: Record<string, FluentVariable> = {}): string {
  const id = messageId(key);
  for (const b of [bundle(current, locale), bundle("en", locale)]) {
    const message = b.getMessage(id);
    if (message?.value) return b.formatPattern(message.value, vars, []);
  }
  return key;
}

export function statusLabel(status: string): string {
  const key = `status.${status}` as Key;
  return bundle("en", DEFAULT_LOCALE.en).hasMessage(messageId(key)) ? t(key) : t("status.other", { status });
}

/** The tone of a status badge. */
export function statusTone(status: string): "ok" | "busy" | "bad" | "neutral" {
  if (status === "ACTIVE") return "ok";
  if (status === "ERROR") return "bad";
  if (["SHUTOFF", "STOPPED", "SUSPENDED", "PAUSED", "SHELVED", "SHELVED_OFFLOADED"].includes(status)) return "neutral";
  return "busy";
}

/** A number with one decimal, in the language's style ("1.5", "1,5"). */
export function decimal(n: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

/** A size in gigabytes: "1.5 GB", "1,5 Go". */
export function gb(n: number): string {
  return t("sizeGb", { size: decimal(n) });
}

/** Money to the cent in the current language and the catalog's currency: "€0.50", "0,50 €",
 * "£0.50", "CA$0.50", "0,50 zł" (the narrow symbol where the locale would only show the ISO
 * code). A non-zero amount under half a cent reads "< €0.01", never "€0.00". */
export function money(amount: number, currency: string): string {
  if (amount > 0 && amount < 0.005) return `< ${formatMoney(0.01, currency, 2)}`;
  return formatMoney(amount, currency, 2);
}

/** A unit price (per GB and month), to as many as four decimals, as OVH's price list gives it. */
export function unitPrice(amount: number, currency: string): string {
  return formatMoney(amount, currency, 4);
}

function formatMoney(amount: number, currency: string, digits: number): string {
  const format = (currencyDisplay: "symbol" | "narrowSymbol") =>
    new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay, minimumFractionDigits: 2, maximumFractionDigits: digits }).format(amount);
  const text = format("symbol");
  return text.includes(currency) ? format("narrowSymbol") : text;
}

/** A local date and time in the current language. */
export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A backup's default name: the instance and the moment, in the user's words
 * ("api-gateway – 30 Nov, 08:32"), where the control panel puts an ISO timestamp. */
export function backupName(instance: string, iso: string): string {
  const at = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
  return `${instance} – ${at}`;
}

/** A date and a time apart, for a column that may put them on two lines. */
export function dateAndTime(iso: string): [string, string] {
  const at = new Date(iso);
  return [new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(at), new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(at)];
}

/** A duration in seconds, short: "45 s", "3 min", "1 h 05 min". */
export function duration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${String(Math.round((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Checks a backup name the way the Rust side does; returns the message key of the problem. */
export function nameProblem(name: string): Key | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return "nameRequired";
  if ([...trimmed].length > 255) return "nameTooLong";
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) return "nameControl";
  return null;
}

type Described = { plain: { repeat: { kind: string; days?: number[]; day?: number }; hour: number; minute: number } | null; zone: string; cron: string };

/** A schedule in plain words with its UTC cron, and how many backups it keeps when `keep` is given. */
export function scheduleText(d: Described, keep: number | null): string {
  const sentence = `${scheduleWords(d)} ${t("schedCron", { cron: d.cron })}`;
  return keep === null ? sentence : `${sentence}, ${t("schedKeeps", { keep: String(keep) })}`;
}

/** A schedule in words only (the cron is for "Details"), and how many backups it keeps. */
export function scheduleSentence(d: Described, keep: number): string {
  return `${scheduleWords(d)}, ${t("schedKeeps", { keep: String(keep) })}`;
}

/** A time zone as people name it: `Europe/Paris` → "Paris"; UTC only when the zone is UTC. */
export function zoneCity(zone: string): string {
  return zone === "UTC" ? "UTC" : (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** A schedule as lists show it: in words only, the cron for those who ask; a custom one has no other words. */
export function scheduleShort(d: Described): string {
  return d.plain ? scheduleWords(d) : scheduleText(d, null);
}

function scheduleWords(d: Described): string {
  if (!d.plain) return t("schedCustom");
  const city = zoneCity(d.zone);
  const time = `${String(d.plain.hour).padStart(2, "0")}:${String(d.plain.minute).padStart(2, "0")}`;
  const r = d.plain.repeat;
  if (r.kind === "daily") return t("schedDaily", { time, city });
  if (r.kind === "weekly" && (r.days ?? []).join(",") === "1,2,3,4,5") return t("schedWeekdays", { time, city });
  if (r.kind === "weekly") return t("schedWeekly", { time, city, days: (r.days ?? []).map((x) => t(`day.${x}` as Key)).join(", ") });
  return t("schedMonthly", { time, city, day: String(r.day ?? "") });
}

/** How long ago, roughly, as a phrase: "3 days ago", "5 h ago", "12 min ago", "just now". */
export function ago(iso: string, now: number): string {
  const secs = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (secs < 90) return t("justNow");
  if (secs < 3600) return t("ago", { age: `${Math.round(secs / 60)} min` });
  if (secs < 172800) return t("ago", { age: `${Math.round(secs / 3600)} h` });
  return t("ago", { age: t("ageDays", { days: Math.round(secs / 86400) }) });
}
