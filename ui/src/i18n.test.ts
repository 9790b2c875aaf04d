import { describe, expect, it } from "vitest";
import { en, fr, initialLang, setLang, statusLabel, t } from "./i18n";

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

  it("picks the language from the saved choice, then the system", () => {
    expect(initialLang(null, "fr-FR")).toBe("fr");
    expect(initialLang(null, "en-GB")).toBe("en");
    expect(initialLang("en", "fr-CA")).toBe("en");
    expect(initialLang("de", "de-DE")).toBe("en");
  });
});
