import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
// @ts-expect-error: a plain ES module script without types
import { keysSource } from "../scripts/keys.mjs";
import { ago, backupName, catalogs, dateTime, gb, initialLang, LANGS, money, nameProblem, scheduleSentence, scheduleText, setLang, setSystemLocale, statusLabel, t, unitPrice, zoneCity } from "./i18n";

describe("translations", () => {
  const variables = (text: string) => [...new Set([...text.matchAll(/\$(\w+)/g)].map((m) => m[1]))].sort().join(",");
  const messages = (ftl: string) => {
    const resource = new FluentResource(ftl);
    const bundle = new FluentBundle("en", { useIsolating: false });
    expect(bundle.addResource(resource), "parse errors").toEqual([]);
    // Each message's text, from its id to the next one, for its variables.
    const out = new Map<string, string>();
    const parts = ftl.split(/^(?=[a-zA-Z][\w-]* =)/m);
    for (const part of parts) {
      const m = part.match(/^([a-zA-Z][\w-]*) =([\s\S]*)$/);
      if (m) out.set(m[1], m[2]);
    }
    expect(out.size).toBe(resource.body.length);
    return out;
  };

  it("has every message in every language, with the same variables, and nothing else", () => {
    const en = messages(catalogs.en);
    expect(en.size).toBeGreaterThan(300);
    for (const lang of LANGS) {
      const other = messages(catalogs[lang]);
      expect([...other.keys()].sort(), `${lang}: ids`).toEqual([...en.keys()].sort());
      for (const [id, text] of en) {
        expect(other.get(id)!.trim(), `${lang}.${id} empty`).not.toBe("");
        expect(variables(other.get(id)!), `${lang}.${id}: variables`).toBe(variables(text));
      }
    }
  });

  it("has no English message that the window never asks for", () => {
    const code = readdirSync("src")
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "keys.ts")
      .map((f) => readFileSync(join("src", f), "utf8"))
      .join("\n");
    // Keys built at run time from a status or a day number: their prefix is what the code names.
    const dynamic = ["status.", "backupStatus.", "run.", "day.", "said.", "why."];
    // `desktop-` messages are the Rust side's; src-tauri/src/words.rs tests them.
    const unused = [...messages(catalogs.en).keys()]
      .filter((id) => !id.startsWith("desktop-"))
      .map((id) => id.replace("-", "."))
      .filter((key) => !code.includes(`"${key}"`) && !dynamic.some((p) => key.startsWith(p) && code.includes("`" + p)));
    expect(unused).toEqual([]);
  });

  it("keeps the key type in step with the English catalog", () => {
    expect(readFileSync("src/keys.ts", "utf8"), "run node scripts/keys.mjs").toBe(keysSource(catalogs.en));
  });

  it("counts in each language's plural forms", () => {
    setLang("en");
    expect(t("deleteTitle", { count: 1 })).toBe("Delete 1 backup?");
    expect(t("deleteTitle", { count: 3 })).toBe("Delete 3 backups?");
    expect(t("deleteReportDeleted", { workflows: 1, backups: 2 })).toBe("1 automatic backup and 2 backups deleted.");
    setLang("fr");
    expect(t("deleteDone", { count: 1 })).toBe("1 sauvegarde supprimée.");
    expect(t("deleteDone", { count: 2 })).toBe("2 sauvegardes supprimées.");
    setLang("pl");
    expect(t("ageDays", { days: 1 })).toBe("1 dzień");
    expect(t("ageDays", { days: 3 })).toBe("3 dni");
    expect(t("ageDays", { days: 5 })).toBe("5 dni");
    expect(t("ageDays", { days: 22 })).toBe("22 dni");
    setLang("en");
  });

  it("uses the control panel's words for statuses", () => {
    setLang("en");
    expect(statusLabel("SNAPSHOTTING")).toBe("Backup instance creation");
    expect(statusLabel("REBUILD")).toBe("Re-installation");
    expect(statusLabel("MIGRATING")).toBe("MIGRATING");
    setLang("fr");
    expect(statusLabel("ACTIVE")).toBe("Activée");
    expect(t("instancesCaption", { project: "Acme" })).toBe("Instances de Acme");
    setLang("en");
  });

  it("words schedules both ways, in local time", () => {
    setLang("en");
    const d = { plain: { repeat: { kind: "weekly", days: [1, 2, 3, 4, 5] }, hour: 23, minute: 30 }, zone: "Europe/Paris", cron: "30 22 * * 1,2,3,4,5" };
    expect(scheduleText(d, 5)).toBe("Every weekday (Monday to Friday) at 23:30 Paris time (cron 30 22 * * 1,2,3,4,5 UTC), keeps the last 5");
    const daily = { plain: { repeat: { kind: "daily" }, hour: 23, minute: 30 }, zone: "Europe/Paris", cron: "30 22 * * *" };
    expect(scheduleText(daily, 7)).toBe("Every day at 23:30 Paris time (cron 30 22 * * * UTC), keeps the last 7");
    expect(scheduleText({ plain: null, zone: "UTC", cron: "*/15 * * * *" }, null)).toBe("Custom schedule (cron */15 * * * * UTC)");
    setLang("fr");
    expect(scheduleText(daily, 7)).toBe("Tous les jours à 23:30, heure de Paris (cron 30 22 * * * UTC), conserve les 7 dernières");
    setLang("en");
  });

  it("says a schedule without jargon, the zone as a city", () => {
    setLang("en");
    const daily = { plain: { repeat: { kind: "daily" }, hour: 3, minute: 15 }, zone: "America/New_York", cron: "15 8 * * *" };
    expect(scheduleSentence(daily, 14)).toBe("Every day at 03:15 New York time, keeps the last 14");
    expect(zoneCity("Etc/UTC")).toBe("UTC");
    expect(zoneCity("UTC")).toBe("UTC");
    expect(zoneCity("Europe/Paris")).toBe("Paris");
  });

  it("formats numbers, sizes and prices for the language", () => {
    setLang("fr");
    expect(gb(1.5)).toBe("1,5 Go");
    expect(money(0.01, "EUR").replace(/\u202f|\u00a0/g, " ")).toBe("0,01 €");
    setLang("en");
    expect(gb(1.5)).toBe("1.5 GB");
    expect(money(0.01, "EUR")).toBe("€0.01");
    expect(money(0.457, "EUR")).toBe("€0.46");
    expect(money(0.001, "EUR")).toBe("< €0.01");
    expect(unitPrice(0.0112, "EUR")).toBe("€0.0112");
  });

  it("shows each catalog's own currency, never an ISO code where a symbol exists", () => {
    setLang("en");
    const plain = (s: string) => s.replace(/\u202f|\u00a0/g, " ");
    expect(money(0.5, "GBP")).toBe("£0.50");
    expect(money(0.5, "CAD")).toBe("CA$0.50");
    expect(money(0.5, "USD")).toBe("US$0.50");
    expect(plain(money(0.5, "PLN"))).toContain("zł");
    setLang("fr");
    expect(plain(money(0.5, "PLN"))).toBe("0,50 zł");
    expect(plain(money(0.5, "GBP"))).toContain("£");
    setLang("en");
  });

  it("picks the language from the saved choice, then the system", () => {
    expect(initialLang(null, "fr-FR")).toBe("fr");
    expect(initialLang(null, "en-GB")).toBe("en");
    expect(initialLang("en", "fr-CA")).toBe("en");
    expect(initialLang(null, "de_DE.UTF-8")).toBe("de");
    expect(initialLang(null, "pl-PL")).toBe("pl");
    expect(initialLang(null, "nl-NL")).toBe("en");
  });

  it("writes dates and money the way the system's country does", () => {
    const plain = (s: string) => s.replace(/\u202f|\u00a0/g, " ");
    setSystemLocale("fr_CA.UTF-8");
    setLang("fr");
    expect(plain(money(0.5, "CAD"))).toBe("0,50 $");
    expect(dateTime("2026-07-15T21:30:00Z")).toContain("juill.");
    // A default backup name is words, not an ISO timestamp, and passes the name check.
    const named = backupName("web-1", "2026-07-15T12:30:00Z");
    expect(named).toMatch(/^web-1 – 15 juil/);
    expect(named).not.toContain("2026");
    expect(nameProblem(named)).toBeNull();
    setSystemLocale("de_DE.UTF-8");
    setLang("de");
    expect(plain(money(0.5, "EUR"))).toBe("0,50 €");
    expect(t("deleteSelected", { count: "2" })).not.toBe("deleteSelected");
    setSystemLocale("");
    setLang("en");
  });
});

describe("messages from the Rust side", () => {
  // The codes and their values, as the generated bindings declare them: `{ "code": "x", a: T, }`.
  const codes = (type: string) => {
    const line = readFileSync("src/bindings.ts", "utf8").match(new RegExp(`^export type ${type} = (.*);$`, "m"));
    expect(line, `${type} in bindings.ts`).not.toBeNull();
    return [...line![1].matchAll(/\{ "code": "(\w+)"((?:, \w+: [^,}]+)*),? \}/g)].map((m) => ({
      code: m[1],
      values: [...m[2].matchAll(/(\w+):/g)].map((v) => v[1]).sort().join(","),
    }));
  };
  const variables = (ftl: string, id: string) => {
    const line = ftl.match(new RegExp(`^${id} = (.*)$`, "m"));
    return line ? [...new Set([...line[1].matchAll(/\$(\w+)/g)].map((m) => m[1]))].sort().join(",") : null;
  };

  it("has a message for every code, with exactly its values, in every language", () => {
    const all = [...codes("Said").filter((c) => c.code !== "why").map((c) => ({ ...c, id: `said-${c.code}` })), ...codes("Why").map((c) => ({ ...c, id: `why-${c.code}` }))];
    expect(all.length).toBeGreaterThan(60);
    // These advise in their own words; OVH's are shown under "Details" (`Remedy`).
    const underDetails = new Set(["said-quota", "said-busy", "said-expired"]);
    const shown = (c: { id: string; values: string }) => (underDetails.has(c.id) ? c.values.split(",").filter((v) => v !== "ovh").join(",") : c.values);
    for (const lang of LANGS) for (const c of all) expect(variables(catalogs[lang], c.id), `${lang} ${c.id}`).toBe(shown(c));
  });

  it("has no said- or why- message without its code", () => {
    const ids = new Set([...codes("Said").map((c) => `said-${c.code}`), ...codes("Why").map((c) => `why-${c.code}`)]);
    const orphans = [...catalogs.en.matchAll(/^((?:said|why)-\w+) =/gm)].map((m) => m[1]).filter((id) => !ids.has(id));
    expect(orphans).toEqual([]);
  });

  it("words a refusal with its values: a nested refusal first, a field by its label", async () => {
    const { errorText } = await import("./dom");
    setLang("fr");
    const lost = { code: "why", why: { code: "scheduleRefusedRestored", refused: { code: "serverProblem", status: 500 } } } as const;
    expect(errorText({ kind: "invalid", said: lost, queryId: null, message: "" })).toBe(
      "La nouvelle planification a été refusée (OVHcloud a rencontré un problème (erreur 500). Réessayez dans quelques minutes ; si cela dure, consultez status.ovhcloud.com.) ; l'ancienne a été remise.",
    );
    setLang("de");
    const field = { code: "why", why: { code: "fieldSpaces", field: "consumerKey" } } as const;
    expect(errorText({ kind: "invalid", said: field, queryId: null, message: "" })).toBe(`${t("consumerKey")} darf keine Leerzeichen enthalten: kopieren Sie den Wert erneut aus OVHcloud.`);
    setLang("pl");
    const small = { code: "why", why: { code: "modelTooSmall", model: "b3-8", disk: 50, needs: 100 } } as const;
    expect(errorText({ kind: "invalid", said: small, queryId: null, message: "" })).toContain("b3-8");
    setLang("en");
  });
});

describe("how long ago", () => {
  it("says just now for the last minute and a half, then minutes, hours and days", () => {
    setLang("en");
    const now = Date.parse("2026-11-30T12:00:00Z");
    const before = (secs: number) => new Date(now - secs * 1000).toISOString();
    expect(ago(before(40), now)).toBe("just now");
    expect(ago(before(300), now)).toBe("5 min ago");
    expect(ago(before(5 * 3600), now)).toBe("5 h ago");
    expect(ago(before(3 * 86400), now)).toBe("3 days ago");
    setLang("fr");
    expect(ago(before(40), now)).toBe("à l'instant");
    setLang("en");
  });
});

describe("backup names", () => {
  it("refuses what the Rust side refuses", () => {
    expect(nameProblem("  ")).toBe("nameRequired");
    expect(nameProblem("a\tb")).toBe("nameControl");
    expect(nameProblem("x".repeat(256))).toBe("nameTooLong");
    expect(nameProblem("web-1 2026-11-26T09:30:00+01:00")).toBeNull();
  });
});

describe("what the user reads of an OVH error", () => {
  it("is worded from its code in the user's language, with its values and query id kept", async () => {
    const { errorText } = await import("./dom");
    setLang("fr");
    const problem = { kind: "server", said: { code: "serverProblem", status: 503 }, queryId: "EU.ext-1.x", message: "English, for the log" } as const;
    expect(errorText(problem)).toBe(
      "OVHcloud a rencontré un problème (erreur 503). Réessayez dans quelques minutes ; si cela dure, consultez status.ovhcloud.com. (identifiant de requête EU.ext-1.x)",
    );
    const refused = { kind: "refused", said: { code: "refused", ovh: "Invalid name" }, queryId: null, message: "" } as const;
    expect(errorText(refused)).toBe("OVHcloud a refusé : Invalid name. Corrigez ce qui est indiqué, ou réessayez plus tard.");
    setLang("de");
    expect(errorText({ kind: "auth", said: { code: "notApproved" }, queryId: null, message: "" })).toContain("nicht genehmigt");
    setLang("en");
    expect(errorText({ kind: "system", said: { code: "internal", detail: "boom" }, queryId: null, message: "" })).toContain("(boom)");
  });
});

describe("the protection summary", () => {
  it("agrees with its counts in each language", () => {
    setLang("de");
    expect(t("overviewSummary", { ok: 2, total: 15, warn: 1, none: 12 })).toBe("2 von 15 Instanzen geschützt; 1 erfordert Aufmerksamkeit; 12 ohne automatisches Backup.");
    setLang("en");
    expect(t("overviewSummary", { ok: 1, total: 3, warn: 2, none: 0 })).toBe("1 of 3 instances protected; 2 need attention; 0 without automatic backup.");
    setLang("fr");
    expect(t("overviewSummary", { ok: 1, total: 3, warn: 2, none: 0 })).toBe("1 instance protégée sur 3 ; 2 à surveiller ; 0 sans sauvegarde automatique.");
    setLang("en");
  });
});
