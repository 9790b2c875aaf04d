import { describe, expect, it } from "vitest";
import type { BackupRow } from "./api";
import { leftWithoutBackup, remainingSecs, setMonthlyCost, visibleRows, type BackupFilters } from "./backups";

const row = (over: Partial<BackupRow>): BackupRow => ({
  id: "x",
  name: "n",
  region: "GRA11",
  sizeGb: 1,
  minDiskGb: 10,
  createdAt: "2026-01-01T00:00:00Z",
  status: "active",
  rawStatus: "active",
  instanceId: null,
  instanceName: null,
  source: "unknown",
  orphan: false,
  expectedSecs: null,
  usedBy: [],
  refusal: null,
  parts: [],
  ...over,
});

const filters = (over: Partial<BackupFilters>): BackupFilters => ({ text: "", status: "", region: "", sort: "createdAt", desc: true, selected: new Set(), highlight: "", ...over });

describe("Instance Backup filters", () => {
  const rows = [
    row({ id: "a", name: "web nightly", instanceName: "web-1", sizeGb: 5, createdAt: "2026-01-02T00:00:00Z" }),
    row({ id: "b", name: "db", region: "SBG5", status: "inProgress", sizeGb: 20, createdAt: "2026-01-03T00:00:00Z" }),
    row({ id: "c", name: "old", instanceName: "crm", sizeGb: 1, createdAt: "2026-01-01T00:00:00Z" }),
  ];

  it("filters by text (name or instance), status and region, newest first by default", () => {
    expect(visibleRows(rows, filters({})).map((r) => r.id)).toEqual(["b", "a", "c"]);
    expect(visibleRows(rows, filters({ text: "WEB" })).map((r) => r.id)).toEqual(["a"]);
    expect(visibleRows(rows, filters({ text: "crm" })).map((r) => r.id)).toEqual(["c"]);
    expect(visibleRows(rows, filters({ status: "inProgress" })).map((r) => r.id)).toEqual(["b"]);
    expect(visibleRows(rows, filters({ region: "GRA11", sort: "sizeGb", desc: false })).map((r) => r.id)).toEqual(["c", "a"]);
  });

  it("sorts 10,000 rows quickly enough to measure", () => {
    const many = Array.from({ length: 10000 }, (_, i) => row({ id: String(i), name: `b${i}`, sizeGb: i % 97, createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString() }));
    const start = performance.now();
    const shown = visibleRows(many, filters({ text: "b1", sort: "sizeGb" }));
    // Printed, not asserted: tests never assert durations.
    console.log(`filter+sort of 10,000 backups: ${(performance.now() - start).toFixed(1)} ms, ${shown.length} shown`);
    expect(shown.length).toBe(1111);
  });

  it("counts down from the Rust side's guess of the backup's length", () => {
    const now = Date.parse("2026-01-01T00:00:10Z");
    expect(remainingSecs(row({ status: "inProgress", expectedSecs: 40 }), now)).toBe(30);
    expect(remainingSecs(row({ status: "active", expectedSecs: null }), now)).toBeNull();
  });
});

describe("refusals", () => {
  it("says each refusal the Rust side decides in the user's language", async () => {
    const { setLang } = await import("./i18n");
    const { refusalText } = await import("./backups");
    setLang("fr");
    expect(refusalText("db", { code: "inUse", instances: ["web-1", "web-2"] })).toBe(
      "db ne peut pas être supprimée : elle est installée sur ces instances en cours d'exécution : web-1, web-2.",
    );
    expect(refusalText("db", { code: "notAvailable" })).toBe("db ne peut pas être supprimée avant d'être disponible.");
    setLang("de");
    expect(refusalText("db", { code: "gone" })).toBe("db kann nicht gelöscht werden: Das Backup existiert nicht mehr.");
    setLang("en");
  });
});

describe("deleting an instance's last backup", () => {
  const rows = [
    row({ id: "a1", instanceId: "a", instanceName: "api" }),
    row({ id: "a2", instanceId: "a", instanceName: "api" }),
    row({ id: "d1", instanceId: "d", instanceName: "db" }),
    row({ id: "d2", instanceId: "d", instanceName: "db", status: "failed" }),
    row({ id: "o1", instanceId: "o", instanceName: "old", orphan: true }),
  ];
  it("names the instances left with no usable backup", () => {
    expect(leftWithoutBackup(rows, new Set(["a1"]))).toEqual([]);
    expect(leftWithoutBackup(rows, new Set(["a1", "a2"]))).toEqual(["api"]);
    expect(leftWithoutBackup(rows, new Set(["d1"]))).toEqual(["db"]);
    expect(leftWithoutBackup(rows, new Set(["d2"]))).toEqual([]);
  });
  it("does not warn for an instance that is gone", () => {
    expect(leftWithoutBackup(rows, new Set(["o1"]))).toEqual([]);
  });
});

describe("a backup set's cost", () => {
  const eur = (perGbMonth: number) => ({ perGbMonth, currency: "EUR" }) as never;
  const part = (sizeGb: number, status: "active" | "inProgress" | "failed" | null) => ({ id: "p", volumeId: "v", volumeName: "v", sizeGb, status });
  it("adds each available part's cost to the instance backup's", () => {
    const set = row({ sizeGb: 10, parts: [part(200, "active"), part(50, "failed")] });
    expect(setMonthlyCost(set, eur(0.1), eur(0.01))).toBeCloseTo(3);
  });
  it("says nothing while a part is being made or a price is missing", () => {
    expect(setMonthlyCost(row({ sizeGb: 10, parts: [part(200, "inProgress")] }), eur(0.1), eur(0.01))).toBeNull();
    expect(setMonthlyCost(row({ sizeGb: 10, parts: [part(200, "active")] }), eur(0.1), null)).toBeNull();
    expect(setMonthlyCost(row({ sizeGb: 10, parts: [part(200, "active")] }), null, eur(0.01))).toBeNull();
  });
});
