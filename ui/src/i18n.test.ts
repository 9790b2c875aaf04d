import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { en, fr, gb, initialLang, money, nameProblem, scheduleText, serverFr, serverText, setLang, statusLabel, t } from "./i18n";

describe("translations", () => {
  it("has every key in both languages, none empty, same placeholders", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(",");
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key], `fr.${key}`).toBeTruthy();
      expect(placeholders(fr[key]), `placeholders of ${key}`).toBe(placeholders(en[key]));
    }
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
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

  it("formats numbers, sizes and prices for the language", () => {
    setLang("fr");
    expect(gb(1.5)).toBe("1,5 Go");
    expect(money(0.01, "EUR").replace(/\u202f|\u00a0/g, " ")).toBe("0,01 €");
    setLang("en");
    expect(gb(1.5)).toBe("1.5 GB");
    expect(money(0.01, "EUR")).toBe("€0.01");
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
    expect(initialLang("de", "de-DE")).toBe("en");
  });
});

describe("messages from the Rust side", () => {
  it("has French for every message the Rust code can send", () => {
    const roots = ["../src-tauri/src", "../src-tauri/crates/desk/src"];
    const missing: string[] = [];
    let seen = 0;
    for (const root of roots) {
      for (const file of readdirSync(root).filter((f) => f.endsWith(".rs"))) {
        const text = readFileSync(join(root, file), "utf8");
        for (const m of text.matchAll(/Error::(?:Invalid|Uncertain|System)\(\s*(?:format!\(\s*)?"((?:[^"\\]|\\.)*)"/g)) {
          seen += 1;
          if (!serverFr[m[1]]) missing.push(`${file}: ${m[1]}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it("fills the French template with the message's values", () => {
    setLang("fr");
    expect(serverText("type the instance name, web-1, to confirm")).toBe("saisissez le nom de l'instance, web-1, pour confirmer");
    expect(serverText("this backup is in GRA11 and the instance in SBG5: restore into a new instance instead")).toBe(
      "cette sauvegarde est dans GRA11 et l'instance dans SBG5 : restaurez plutôt dans une nouvelle instance",
    );
    expect(serverText("something new")).toBe("something new");
    setLang("en");
    expect(serverText("a name is required")).toBe("a name is required");
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
  it("is in French with its values and query id kept", () => {
    setLang("fr");
    expect(serverText("OVHcloud had a problem (error 503). Try again in a few minutes; if it lasts, check status.ovhcloud.com. (query id EU.ext-1.x)")).toBe(
      "OVHcloud a rencontré un problème (erreur 503). Réessayez dans quelques minutes ; si cela dure, consultez status.ovhcloud.com. (identifiant de requête EU.ext-1.x)",
    );
    expect(serverText("OVHcloud refused: Invalid name. Correct what it names, or try again later.")).toBe(
      "OVHcloud a refusé : Invalid name. Corrigez ce qui est indiqué, ou réessayez plus tard.",
    );
    setLang("en");
  });
});
