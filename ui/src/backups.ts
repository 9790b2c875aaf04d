// Storage → Instance Backup as a component: every backup of the project, with filters, sort and
// ticks that stay put while backups progress; multi-select delete with its cost; cancel for
// backups in progress. What the tracker reads updates rows in place, without a request.
import { Fragment, h as vh, type ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { signal } from "@preact/signals";
import * as api from "./api";
import { dateTime, decimal, duration, gb, money, nameProblem, t, unitPrice, type Key } from "./i18n";
import { errorText, popupMenu, saidText, toast } from "./dom";
import { Actions, Loaded, openDialog, Status, useFirstFocus, useSubmit } from "./dialog";
import { Choice, cloudMoved, ErrorBox, toggled, useRead, When } from "./components";
import { RehearsalLine, rehearsalDialog } from "./rehearsal";

export interface BackupFilters {
  text: string;
  status: string;
  region: string;
  sort: "name" | "instance" | "region" | "sizeGb" | "createdAt" | "status";
  desc: boolean;
  selected: ReadonlySet<string>;
  /** A backup to scroll to and mark (opened from a notification). */
  highlight: string;
}

/** The filters, sort and ticks: kept while the user goes elsewhere and comes back. */
export const backupFilters = signal<BackupFilters>({ text: "", status: "", region: "", sort: "createdAt", desc: true, selected: new Set(), highlight: "" });

/** Marks one backup (opened from a notification or the tray). */
export function highlightBackup(snapshotId: string): void {
  backupFilters.value = { ...backupFilters.value, highlight: snapshotId };
}

type Seen = { state: api.BackupState; at: number };

/** The tracker's latest read of each backup it follows, and when it came: shown over a list read
 * before it. */
const tracked = signal<ReadonlyMap<string, Seen>>(new Map());

/** Takes what the tracker read: rows update in place; a backup the list does not show yet makes
 * the screen read the list again. */
export function backupsMoved(changes: api.BackupState[]): void {
  const next = new Map(tracked.value);
  const at = Date.now();
  for (const c of changes) next.set(c.id, { state: c, at });
  tracked.value = next;
}

const readAgain = () => cloudMoved.value++;

const STATUSES: api.BackupStatus[] = ["inProgress", "active", "deleting", "failed"];

/** Rows that pass the filters, sorted. Pure: tested on its own. */
export function visibleRows(rows: api.BackupRow[], f: BackupFilters): api.BackupRow[] {
  const text = f.text.trim().toLowerCase();
  const out = rows.filter(
    (r) =>
      (!text || r.name.toLowerCase().includes(text) || (r.instanceName ?? "").toLowerCase().includes(text)) &&
      (!f.status || r.status === f.status) &&
      (!f.region || r.region === f.region),
  );
  const key = (r: api.BackupRow): string | number =>
    f.sort === "instance" ? (r.instanceName ?? "").toLowerCase() : f.sort === "createdAt" ? (r.createdAt ?? "") : f.sort === "sizeGb" ? r.sizeGb : String(r[f.sort]).toLowerCase();
  out.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return f.desc ? -c : c;
  });
  return out;
}

/** Rough time left for a backup in progress: the Rust side's guess of its length, less the time since it began. */
export function remainingSecs(row: api.BackupRow, now: number): number | null {
  if (row.expectedSecs === null || !row.createdAt) return null;
  return row.expectedSecs - (now - Date.parse(row.createdAt)) / 1000;
}

/** Rows drawn at a time: 10,000 backups stay quick to filter and sort when only the first page
 * is in the document. */
const PAGE = 200;

type Props = { projectId: string; loaded: () => void };

export function Backups({ projectId, loaded }: Props) {
  const read = async () => {
    const at = Date.now();
    return { list: await api.listBackups(projectId), at };
  };
  const { data, failure, retry } = useRead(read, [projectId], loaded);
  const f = backupFilters.value;
  const set = (change: Partial<BackupFilters>) => (backupFilters.value = { ...backupFilters.value, ...change });
  const live = tracked.value;
  const rows = useMemo(() => {
    if (!data) return null;
    return data.list.rows.map((r) => {
      const seen = live.get(r.id);
      const row = seen && seen.at >= data.at ? { ...r, status: seen.state.status, rawStatus: seen.state.rawStatus, sizeGb: seen.state.sizeGb } : r;
      // A set's parts move with the tracker too, at no request.
      const parts = row.parts.map((p) => {
        const part = p.id ? live.get(p.id) : undefined;
        return part && part.at >= data.at ? { ...p, status: part.state.status } : p;
      });
      return parts.some((p, i) => p !== row.parts[i]) ? { ...row, parts } : row;
    });
  }, [data, live]);
  // Once per read or tracker change, not per keystroke in the search box: the list may be long.
  const unlisted = useMemo(() => {
    if (!data) return false;
    const listed = new Set(data.list.rows.flatMap((r) => [r.id, ...r.parts.flatMap((p) => (p.id ? [p.id] : []))]));
    return [...live].some(([id, seen]) => seen.at >= data.at && !listed.has(id));
  }, [data, live]);
  useEffect(() => {
    if (unlisted) readAgain();
  }, [unlisted]);
  const viewKey = [f.text, f.status, f.region, f.sort, f.desc].join("|");
  const [page, setPage] = useState({ viewKey, limit: PAGE });
  const limit = page.viewKey === viewKey ? page.limit : PAGE;
  useEffect(() => {
    if (f.highlight) document.querySelector(`tr[data-id="${CSS.escape(f.highlight)}"]`)?.scrollIntoView({ block: "center" });
  }, [f.highlight, data]);

  const title = vh("h1", {}, t("backupsTitle"));
  const billing = vh("p", { class: "notice info" }, t("billingWarning"));
  if (failure && !rows) return vh("div", {}, title, vh(ErrorBox, { failure, retry }));
  if (!rows || !data) return vh("div", {}, title, billing, vh("p", { class: "loading", role: "status" }, t("loadingBackups")));

  const list: api.BackupList = { ...data.list, rows };
  const matching = visibleRows(rows, f);
  const at = f.highlight ? matching.findIndex((r) => r.id === f.highlight) : -1;
  const shown = matching.slice(0, Math.max(limit, at + 1));
  // Delete acts on what is ticked and still listed.
  const chosen = rows.filter((r) => f.selected.has(r.id));
  const tick = (ids: string[], on: boolean) => set({ selected: toggled(backupFilters.value.selected, ids, on) });
  const deleted = (ids: string[]) => {
    tick(ids, false);
    readAgain();
  };
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  const toolbar = vh(
    "div",
    { class: "toolbar" },
    vh("label", { class: "field" }, vh("span", {}, t("filterText")), vh("input", { type: "search", id: "backup-search", value: f.text, onInput: (e: Event) => set({ text: (e.currentTarget as HTMLInputElement).value }) })),
    vh(Choice, { id: "backup-status", label: t("filterStatus"), options: [["", t("filterAll")], ...STATUSES.map((s): [string, string] => [s, t(`backupStatus.${s}` as Key)])], value: f.status, pick: (status) => set({ status }) }),
    vh(Choice, { id: "backup-region", label: t("filterRegion"), options: [["", t("filterAll")], ...regions.map((r): [string, string] => [r, r])], value: f.region, pick: (region) => set({ region }) }),
    vh("span", { class: "spacer" }),
    vh(
      "div",
      { class: "toolbar-actions" },
      // Quiet until something is chosen: an empty "Delete" must not be the loudest control.
      vh(
        "button",
        {
          class: chosen.length ? "btn danger" : "btn",
          id: "delete-selected",
          disabled: chosen.length === 0,
          onClick: (e: MouseEvent) => confirmDelete(projectId, list, chosen.map((r) => r.id), e.currentTarget as HTMLElement, deleted),
        },
        t("deleteSelected", { count: String(chosen.length) }),
      ),
    ),
  );
  let table: ComponentChildren;
  if (shown.length === 0) table = vh("p", { class: "empty" }, rows.length === 0 ? t("noBackups") : t("noMatch"));
  else {
    const sortHeader = (label: Key, key: BackupFilters["sort"]) => {
      const active = f.sort === key;
      return vh(
        "th",
        { scope: "col", key, "aria-sort": active ? (f.desc ? "descending" : "ascending") : "none" },
        vh("button", { class: "sort", onClick: () => set({ sort: key, desc: active ? !f.desc : key === "createdAt" || key === "sizeGb" }) }, t(label), active ? (f.desc ? " ▼" : " ▲") : ""),
      );
    };
    const all = matching.length > 0 && matching.every((r) => f.selected.has(r.id));
    table = vh(
      "table",
      { class: "list", id: "backups" },
      vh(
        "thead",
        {},
        vh(
          "tr",
          {},
          vh("th", { class: "select" }, vh("input", { type: "checkbox", "aria-label": t("selectAll"), checked: all, onChange: (e: Event) => tick(matching.map((r) => r.id), (e.currentTarget as HTMLInputElement).checked) })),
          sortHeader("colName", "name"),
          sortHeader("colInstance", "instance"),
          sortHeader("colSize", "sizeGb"),
          sortHeader("colCreated", "createdAt"),
          sortHeader("colStatus", "status"),
          vh("th", { scope: "col" }, vh("span", { class: "visually-hidden" }, t("colActions"))),
        ),
      ),
      vh(
        "tbody",
        {},
        shown.map((r) => vh(Row, { key: r.id, r, list, projectId, ticked: f.selected.has(r.id), marked: f.highlight === r.id, tick, deleted })),
      ),
    );
  }
  const more =
    matching.length > shown.length
      ? vh(
          "button",
          { class: "btn", id: "show-more", type: "button", onClick: () => setPage({ viewKey, limit: shown.length + PAGE }) },
          t("showMore", { count: String(Math.min(PAGE, matching.length - shown.length)), shown: String(shown.length), total: String(matching.length) }),
        )
      : null;
  return vh("div", {}, title, billing, toolbar, vh("div", { class: "table-area" }, table, more));
}

type RowProps = {
  r: api.BackupRow;
  list: api.BackupList;
  projectId: string;
  ticked: boolean;
  marked: boolean;
  tick: (ids: string[], on: boolean) => void;
  deleted: (ids: string[]) => void;
};

function Row({ r, list, projectId, ticked, marked, tick, deleted }: RowProps) {
  const price = list.prices[r.region] ?? null;
  const label = t("moreActions", { name: r.name });
  const menu = (e: MouseEvent) => {
    e.stopPropagation();
    const more = e.currentTarget as HTMLButtonElement;
    const items: [string, () => void][] = [];
    if (r.instanceName && !r.orphan) items.push([t("restoreInPlace"), () => restoreInPlaceDialog(projectId, r, more)]);
    items.push([t("restoreNew"), () => newInstanceDialog(projectId, r, more)]);
    items.push([t("testBackup"), () => rehearsalDialog(projectId, r.id, r.name, more)]);
    items.push([t("deleteAction"), () => confirmDelete(projectId, list, [r.id], more, deleted)]);
    popupMenu(more, label, items);
  };
  const instance =
    r.source === "unknown"
      ? vh("em", { class: "unknown" }, t("instanceUnknown"))
      : r.orphan || !r.instanceName
        ? vh("em", {}, t("deletedInstance"))
        : r.source === "nameHint"
          ? vh("span", {}, r.instanceName, vh("span", { class: "note", title: t("nameHintHelp") }, t("nameHint")))
          : r.instanceName;
  const cost =
    r.sizeGb <= 0 ? null : price ? vh("span", { class: "note" }, t("monthlyCost", { cost: money(price.perGbMonth * r.sizeGb, price.currency) })) : vh("span", { class: "note" }, t("priceNotAvailable"));
  return vh(
    "tr",
    { "data-backup": r.name, "data-id": r.id, class: marked ? "highlight" : "" },
    vh("td", { class: "select" }, vh("input", { type: "checkbox", "aria-label": t("selectRow", { name: r.name }), "data-id": r.id, checked: ticked, onChange: (e: Event) => tick([r.id], (e.currentTarget as HTMLInputElement).checked) })),
    vh(
      "th",
      { scope: "row" },
      vh("span", { class: "name" }, r.name),
      r.orphan ? vh("span", { class: "note warn" }, t("orphanNote")) : null,
      list.rehearsals[r.id] ? vh(RehearsalLine, { r: list.rehearsals[r.id]! }) : null,
      r.parts.length ? vh(SetParts, { r, list, projectId }) : null,
    ),
    vh("td", {}, vh("span", { class: "nowrap" }, instance), vh("span", { class: "note" }, r.region)),
    vh("td", { class: "num" }, r.sizeGb > 0 ? gb(r.sizeGb) : "—", cost),
    vh("td", {}, vh(When, { iso: r.createdAt })),
    vh(StatusCell, { r, projectId }),
    vh("td", { class: "row-actions actions-cell" }, r.status === "active" ? vh("button", { class: "btn icon", "aria-haspopup": "menu", "aria-expanded": "false", "aria-label": label, title: label, onClick: menu }, "…") : null),
  );
}

/** A set's monthly cost as a whole: its instance backup and each available part, each an upper
 * bound like a row's. None while a price, a size or a part is still unknown: a partial sum
 * would read as the set's cost. */
export function setMonthlyCost(r: api.BackupRow, price: api.Price | null, volumePrice: api.Price | null): number | null {
  if (!price || r.sizeGb <= 0 || r.parts.some((p) => p.status === "inProgress")) return null;
  const ready = r.parts.filter((p) => p.status === "active");
  if (ready.length === 0) return price.perGbMonth * r.sizeGb;
  if (!volumePrice || volumePrice.currency !== price.currency) return null;
  return ready.reduce((sum, p) => sum + volumePrice.perGbMonth * p.sizeGb, price.perGbMonth * r.sizeGb);
}

/** A backup set's parts (issue 20), folded under its name: the instance's own disk, then each
 * volume with its size, cost and status; a volume part can be deleted alone. */
function SetParts({ r, list, projectId }: { r: api.BackupRow; list: api.BackupList; projectId: string }) {
  const price = list.volumePrices[r.region] ?? null;
  const total = setMonthlyCost(r, list.prices[r.region] ?? null, price);
  const tone = (s: api.BackupStatus | null) => (s === "active" ? "ok" : s === "failed" || s === null ? "bad" : s === "deleting" ? "neutral" : "busy");
  const status = (s: api.BackupStatus | null) => (s ? t(`backupStatus.${s}` as Key) : t("partMissing"));
  return vh(
    "details",
    { class: "set-parts", "data-set": r.name },
    vh(
      "summary",
      {},
      t("setParts", { count: r.parts.length + 1 }),
      total !== null ? vh("span", { class: "note set-cost" }, t("setCost", { cost: money(total, list.prices[r.region]!.currency) })) : null,
    ),
    vh(
      "ul",
      {},
      vh("li", { "data-part": "instance" }, t("partInstance", { size: r.sizeGb > 0 ? gb(r.sizeGb) : "—" }), " ", vh("span", { class: `status ${tone(r.status)}` }, status(r.status))),
      r.parts.map((p) =>
        vh(
          "li",
          { key: p.volumeName, "data-part": p.volumeName },
          t("partVolume", { name: p.volumeName, size: gb(p.sizeGb) }),
          price && p.status === "active" ? vh("span", { class: "note" }, t("monthlyCost", { cost: money(price.perGbMonth * p.sizeGb, price.currency) })) : null,
          " ",
          vh("span", { class: `status ${tone(p.status)}` }, status(p.status)),
          p.id && p.status === "active"
            ? vh("button", { class: "btn small restore-part", type: "button", onClick: (e: MouseEvent) => restorePartDialog(projectId, r, p, e.currentTarget as HTMLElement) }, t("restorePartOpen"))
            : null,
          p.id && (p.status === "active" || p.status === "failed")
            ? vh("button", { class: "btn small", type: "button", onClick: (e: MouseEvent) => confirmPartDelete(projectId, r, p, e.currentTarget as HTMLElement) }, t("deletePart"))
            : null,
        ),
      ),
    ),
  );
}

/** Restores a volume part: as a new volume attached to an instance of its region (the set's
 * own instance first), or in place of the volume it was taken from, which is detached and kept.
 * Either way nothing is overwritten. */
function restorePartDialog(projectId: string, set: api.BackupRow, part: api.PartRow, returnFocus: HTMLElement): void {
  const title = t("restorePartTitle", { name: part.volumeName, set: set.name });
  // Whether the volume is still on the set's instance decides whether "in place" is offered; a
  // form that cannot be read offers only a new volume.
  const read = () =>
    Promise.all([
      api.listInstances(projectId),
      set.instanceId ? api.backupForm(projectId, set.instanceId).catch(() => null) : Promise.resolve(null),
    ]);
  openDialog(
    title,
    returnFocus,
    (close) =>
      vh(Loaded<[api.InstanceRow[], api.BackupForm | null]>, {
        title,
        read,
        loading: t("loadingInstances"),
        close,
        children: ([rows, form]) =>
          vh(RestorePart, {
            projectId,
            set,
            part,
            title,
            rows: rows.filter((i) => i.region === set.region),
            current: form?.volumes.find((v) => v.id === part.volumeId) ?? null,
            instance: form?.instanceName ?? set.instanceName ?? "",
            close,
          }),
      }),
    true,
  );
}

type RestorePartProps = {
  projectId: string;
  set: api.BackupRow;
  part: api.PartRow;
  title: string;
  rows: api.InstanceRow[];
  /** The volume the part was taken from, while it is attached to the set's instance. */
  current: api.VolumeChoice | null;
  /** The set's instance, by its name now. */
  instance: string;
  close: () => void;
};

function RestorePart({ projectId, set, part, title, rows, current, instance, close }: RestorePartProps) {
  const [target, setTarget] = useState(() => rows.find((i) => i.id === set.instanceId)?.id ?? rows[0]?.id ?? "");
  const [inPlace, setInPlace] = useState(false);
  const [typed, setTyped] = useState("");
  const name = current?.name ?? part.volumeName;
  // In place, the volume's name typed out: stopping what uses it is said, and has to be read.
  const ready = inPlace ? current !== null && typed.trim() === name : target !== "";
  const { busy, said, onSubmit } = useSubmit(async () => {
    if (inPlace) {
      await api.restoreBackupPart(projectId, set.id, part.id!, set.instanceId!, typed);
      close();
      toast(t("restorePartInPlaceStarted", { name, instance }), "ok");
    } else {
      await api.restoreBackupPart(projectId, set.id, part.id!, target, null);
      close();
      toast(t("restorePartStarted", { name: part.volumeName, instance: rows.find((i) => i.id === target)?.name ?? "" }), "ok");
    }
  }, ready);
  const how = (value: boolean, label: string, disabled: boolean) =>
    vh(
      "label",
      { class: "check" },
      vh("input", { type: "radio", name: "restore-part-how", id: value ? "restore-part-in-place" : "restore-part-new", checked: inPlace === value, disabled, onChange: () => setInPlace(value) }),
      vh("span", {}, label),
    );
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, title),
    vh(
      "fieldset",
      { class: "part" },
      vh("legend", {}, t("restorePartHow")),
      how(false, t("restorePartAsNew"), false),
      how(true, t("restorePartInPlace", { name, instance }), current === null),
      current === null ? vh("p", { class: "help" }, t("restorePartInPlaceNone", { name: part.volumeName, instance })) : null,
    ),
    inPlace
      ? vh(
          Fragment,
          {},
          vh("p", {}, t("restorePartInPlaceText", { name, instance, size: gb(part.sizeGb) })),
          vh("p", { class: "notice error" }, t("restorePartInPlaceWarn", { name, instance })),
          vh(
            "label",
            { class: "stack", for: "restore-part-typed" },
            vh("span", {}, t("restorePartType", { name })),
            vh("input", { type: "text", id: "restore-part-typed", autocomplete: "off", spellcheck: false, value: typed, onInput: (e: Event) => setTyped((e.currentTarget as HTMLInputElement).value) }),
          ),
        )
      : vh(
          Fragment,
          {},
          vh("p", {}, t("restorePartText", { name: part.volumeName, size: gb(part.sizeGb) })),
          vh(
            "label",
            { class: "stack", for: "restore-part-target" },
            vh("span", {}, t("restorePartTarget")),
            vh(
              "select",
              { id: "restore-part-target", value: target, onChange: (e: Event) => setTarget((e.currentTarget as HTMLSelectElement).value) },
              rows.map((i) => vh("option", { key: i.id, value: i.id }, i.name)),
            ),
          ),
          vh("p", { class: "help" }, t("restorePartBilled")),
        ),
    vh(Status, { said, place: { projectId, region: set.region } }),
    vh(Actions, { close, id: "confirm-restore-part", label: inPlace ? t("restorePartInPlaceConfirm") : t("restorePart"), ready, busy, danger: inPlace }),
  );
}

/** In a restore of a set's instance backup: its volumes are restored apart, and left as they are
 * by this restore. */
function SetNote({ r }: { r: api.BackupRow }) {
  const volumes = r.parts.filter((p) => p.id && p.status === "active").map((p) => p.volumeName);
  return volumes.length ? vh("p", { class: "notice info set-note" }, t("restoreSetNote", { volumes: volumes.join(", ") })) : null;
}

function confirmPartDelete(projectId: string, set: api.BackupRow, part: api.PartRow, returnFocus: HTMLElement): void {
  const title = t("deletePartTitle", { name: part.volumeName, set: set.name });
  openDialog(title, returnFocus, (close) => vh(PartDeleteDialog, { projectId, set, part, title, close }));
}

function PartDeleteDialog({ projectId, set, part, title, close }: { projectId: string; set: api.BackupRow; part: api.PartRow; title: string; close: () => void }) {
  const { busy, onSubmit } = useSubmit(async () => {
    try {
      await api.deleteBackupPart(projectId, set.id, part.id!);
      toast(t("deletePartDone", { name: part.volumeName }), "ok");
    } catch (e) {
      toast(errorText(e as api.ApiError), "bad");
    }
    close();
    readAgain();
  });
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, title),
    vh("p", {}, t("deletePartText", { set: set.name })),
    vh("p", { class: "help" }, t("deleteIrreversible")),
    vh(Actions, { close, id: "confirm-delete-part", label: t("deleteAction"), ready: true, busy, danger: true }),
  );
}

/** The status, with the time a backup in progress has run and may still take, and its Cancel
 * (here rather than in the actions column, which then stays one "…" wide). */
function StatusCell({ r, projectId }: { r: api.BackupRow; projectId: string }) {
  const tone = r.status === "active" ? "ok" : r.status === "failed" ? "bad" : r.status === "deleting" ? "neutral" : "busy";
  return vh(
    "td",
    {},
    vh("span", { class: `status ${tone}` }, t(`backupStatus.${r.status}` as Key)),
    r.status === "inProgress" && r.createdAt ? vh(Progress, { r }) : null,
    r.status === "inProgress" && r.instanceId ? vh("button", { class: "btn small cancel", onClick: (e: MouseEvent) => confirmCancel(projectId, r, e.currentTarget as HTMLElement) }, t("cancelBackup")) : null,
  );
}

/** Elapsed and remaining time, ticking every second without a request. */
function Progress({ r }: { r: api.BackupRow }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const ticker = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticker);
  }, []);
  return vh("span", { class: "note progress" }, progressText(r, now));
}

function progressText(row: api.BackupRow, now: number): string {
  const left = remainingSecs(row, now) ?? 0;
  return `${t("elapsed", { elapsed: duration((now - Date.parse(row.createdAt!)) / 1000) })} · ${left > 5 ? t("remaining", { left: duration(left) }) : t("almostDone")}`;
}

/** Why a backup is not deleted, in the user's language. */
export function refusalText(name: string, refusal: api.Refusal): string {
  switch (refusal.code) {
    case "gone":
      return t("deleteGone", { name });
    case "notAvailable":
      return t("deleteNotAvailable", { name });
    case "inUse":
      return t("deleteBlocked", { name, instances: refusal.instances.join(", ") });
    case "failed":
      return t("deleteFailed", { name, reason: saidText(refusal.said) });
    case "noLongerPlanned":
      return t("deleteNoLongerPlanned", { name });
  }
}

/** The instances that would have no usable backup left once `deleting` are gone (instances
 * still there: a deleted one's backups protect nothing). */
export function leftWithoutBackup(rows: api.BackupRow[], deleting: Set<string>): string[] {
  const lost = new Map<string, string>();
  for (const r of rows) {
    if (deleting.has(r.id) && r.instanceId && !r.orphan && r.status === "active") lost.set(r.instanceId, r.instanceName ?? r.instanceId);
  }
  for (const r of rows) {
    if (!deleting.has(r.id) && r.instanceId && r.status === "active") lost.delete(r.instanceId);
  }
  return [...lost.values()].sort();
}

/** Asks before deleting `ids` of `list`: their names, what they cost, and a tick of its own for
 * an instance's last backup; `deleted` gets the ids OVH accepted. */
function confirmDelete(projectId: string, list: api.BackupList, ids: string[], returnFocus: HTMLElement, deleted: (ids: string[]) => void): void {
  const deletable = list.rows.filter((r) => ids.includes(r.id) && !r.refusal).length;
  openDialog(t("deleteTitle", { count: deletable }), returnFocus, (close) => vh(DeleteDialog, { projectId, list, ids, close, deleted }));
}

function DeleteDialog({ projectId, list, ids, close, deleted }: { projectId: string; list: api.BackupList; ids: string[]; close: () => void; deleted: (ids: string[]) => void }) {
  // `list` is the one read when the dialog opened: the rows behind it may move, these do not.
  const chosen = list.rows.filter((r) => ids.includes(r.id));
  const blocked = chosen.filter((r) => r.refusal);
  const deletable = chosen.filter((r) => !r.refusal);
  const size = deletable.reduce((sum, r) => sum + r.sizeGb, 0);
  const lost = leftWithoutBackup(list.rows, new Set(deletable.map((r) => r.id)));
  const [ack, setAck] = useState(false);
  // The last backup of an instance is asked for once more, by a tick of its own.
  const ready = deletable.length > 0 && (lost.length === 0 || ack);
  // Closes and reports whatever happened: a failure is a toast, never a form to send again.
  const { busy, onSubmit } = useSubmit(async () => {
    let gone: string[] = [];
    try {
      const outcome = await api.deleteBackups(projectId, deletable.map((r) => r.id));
      gone = outcome.filter((o) => o.deleted).map((o) => o.id);
      for (const o of outcome.filter((o) => !o.deleted)) {
        const name = list.rows.find((r) => r.id === o.id)?.name ?? o.id;
        if (o.refusal) toast(refusalText(name, o.refusal), "bad");
      }
      if (gone.length) toast(t("deleteDone", { count: gone.length }), "ok");
    } catch (e) {
      toast(errorText(e as api.ApiError), "bad");
    }
    close();
    deleted(gone);
  }, ready);
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, t("deleteTitle", { count: deletable.length })),
    deletable.length
      ? vh(
          "ul",
          {},
          deletable.map((r) => {
            const parts = r.parts.filter((p) => p.id).map((p) => p.volumeName);
            return vh("li", { key: r.id }, r.name, parts.length ? vh("span", { class: "note" }, t("deleteSetParts", { count: parts.length, volumes: parts.join(", ") })) : null);
          }),
        )
      : null,
    deletable.length ? vh("p", {}, freedText(deletable, list.prices, size)) : null,
    blocked.map((r) => vh("p", { key: r.id, class: "notice error blocked" }, refusalText(r.name, r.refusal!))),
    vh("p", { class: "help" }, t("deleteIrreversible")),
    lost.length
      ? vh(
          "div",
          { class: "notice last-backup", role: "alert" },
          vh("p", {}, t("deleteLast", { instances: lost.join(", ") })),
          vh(
            "label",
            { class: "check" },
            vh("input", { type: "checkbox", id: "delete-last-ack", checked: ack, onChange: (e: Event) => setAck((e.currentTarget as HTMLInputElement).checked) }),
            vh("span", {}, t("deleteLastConfirm")),
          ),
        )
      : null,
    vh(Actions, { close, id: "confirm-delete", label: t("deleteAction"), ready, busy, danger: true }),
  );
}

function confirmCancel(projectId: string, r: api.BackupRow, returnFocus: HTMLElement): void {
  openDialog(t("cancelTitle", { name: r.name }), returnFocus, (close) => vh(CancelDialog, { projectId, r, close }));
}

function CancelDialog({ projectId, r, close }: { projectId: string; r: api.BackupRow; close: () => void }) {
  // Closes whatever happened: the list read again shows where the backup stands.
  const { busy, onSubmit } = useSubmit(async () => {
    try {
      await api.cancelBackup(projectId, r.region, r.instanceId!);
      toast(t("cancelDone", { name: r.name }), "ok");
    } catch (e) {
      toast(errorText(e as api.ApiError), "bad");
    }
    close();
    readAgain();
  });
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, t("cancelTitle", { name: r.name })),
    vh("p", {}, t("cancelText")),
    vh(Actions, { close, id: "confirm-cancel", label: t("cancelBackup"), ready: true, busy, danger: true, cancel: t("close") }),
  );
}

/** A dialog whose form needs the backup's restore options, read when it opens. */
function optionsDialog(title: string, projectId: string, r: api.BackupRow, returnFocus: HTMLElement, form: (opts: api.RestoreOptions, close: () => void) => ComponentChildren): void {
  openDialog(
    title,
    returnFocus,
    (close) => vh(Loaded<api.RestoreOptions>, { title, read: () => api.restoreOptions(projectId, r.id), loading: t("loadingBackups"), close, children: (opts) => form(opts, close) }),
    true,
  );
}

function restoreInPlaceDialog(projectId: string, r: api.BackupRow, returnFocus: HTMLElement): void {
  const title = t("restoreTitle", { instance: r.instanceName ?? "", backup: r.name });
  optionsDialog(title, projectId, r, returnFocus, (opts, close) =>
    opts.instanceId && opts.instanceName
      ? vh(RestoreInPlace, { projectId, r, title, opts, instanceId: opts.instanceId, instance: opts.instanceName, close })
      : vh(
          Fragment,
          {},
          vh("h2", {}, title),
          vh("p", {}, t("restoreNoInstance")),
          vh("div", { class: "actions" }, vh("button", { class: "btn", type: "button", onClick: close }, t("close"))),
        ),
  );
}

type RestoreProps = { projectId: string; r: api.BackupRow; title: string; opts: api.RestoreOptions; instanceId: string; instance: string; close: () => void };

function RestoreInPlace({ projectId, r, title, opts, instanceId, instance, close }: RestoreProps) {
  const [typed, setTyped] = useState("");
  const [safety, setSafety] = useState(true);
  const first = useFirstFocus<HTMLInputElement>();
  // The instance's name typed out: what is lost is said, and has to be read.
  const ready = typed.trim() === instance;
  const { busy, said, onSubmit } = useSubmit(async () => {
    await api.restoreInPlace(projectId, r.id, instanceId, typed, safety);
    close();
    toast(safety ? t("restoreSafetyStarted", { instance }) : t("restoreStarted", { instance }), "ok");
    readAgain();
  }, ready);
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, title),
    vh("p", { class: "notice error" }, t("restoreLoss", { instance, date: opts.createdAt ? dateTime(opts.createdAt) : "—" })),
    vh(SetNote, { r }),
    vh(
      "label",
      { class: "check" },
      vh("input", { type: "checkbox", id: "restore-safety", checked: safety, onChange: (e: Event) => setSafety((e.currentTarget as HTMLInputElement).checked) }),
      vh("span", {}, t("restoreSafety", { instance })),
    ),
    vh(
      "label",
      { class: "stack", for: "restore-typed" },
      vh("span", {}, t("restoreType", { instance })),
      vh("input", {
        type: "text",
        id: "restore-typed",
        autocomplete: "off",
        spellcheck: false,
        value: typed,
        ref: first,
        onInput: (e: Event) => setTyped((e.currentTarget as HTMLInputElement).value),
      }),
    ),
    vh(Status, { said }),
    vh(Actions, { close, id: "confirm-restore", label: t("restoreInPlace"), ready, busy, danger: true }),
  );
}

function newInstanceDialog(projectId: string, r: api.BackupRow, returnFocus: HTMLElement): void {
  const title = t("newTitle", { backup: r.name });
  optionsDialog(title, projectId, r, returnFocus, (opts, close) => vh(NewInstance, { projectId, r, title, opts, close }));
}

function NewInstance({ projectId, r, title, opts, close }: { projectId: string; r: api.BackupRow; title: string; opts: api.RestoreOptions; close: () => void }) {
  const [name, setName] = useState(opts.defaultName);
  // The original instance's model when known; else none, for the user to choose: the smallest
  // model the backup fits is often smaller than the instance it came from.
  const [model, setModel] = useState(opts.originalFlavor ?? "");
  const [key, setKey] = useState("");
  const [monthly, setMonthly] = useState(false);
  const first = useFirstFocus<HTMLInputElement>();
  const ready = model !== "" && nameProblem(name) === null;
  const { busy, said, onSubmit } = useSubmit(async () => {
    await api.restoreNewInstance(projectId, r.id, { name: name.trim(), flavorId: model, sshKeyId: key || null, monthlyBilling: monthly });
    close();
    toast(t("newStarted", { name: name.trim(), backup: r.name }), "ok");
  }, ready);
  const billing = (value: "hourly" | "monthly", label: Key) =>
    vh(
      "label",
      { class: "check" },
      vh("input", { type: "radio", name: "billing", value, id: `billing-${value}`, checked: monthly === (value === "monthly"), onChange: () => setMonthly(value === "monthly") }),
      vh("span", {}, t(label)),
    );
  const models = opts.flavors.map((f): [string, string] => [f.id, t("newModelOption", { name: f.name, vcpus: String(f.vcpus), ram: String(Math.round(f.ramMb / 1000)), disk: String(f.diskGb) })]);
  const original = opts.flavors.find((f) => f.id === opts.originalFlavor && f.id === model);
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, title),
    vh("p", { class: "help" }, t("newRegion", { region: opts.region })),
    vh(SetNote, { r }),
    vh(
      "label",
      { class: "stack", for: "new-name" },
      vh("span", {}, t("newName")),
      vh("input", { type: "text", id: "new-name", maxlength: 255, autocomplete: "off", value: name, ref: first, onInput: (e: Event) => setName((e.currentTarget as HTMLInputElement).value) }),
    ),
    opts.flavors.length
      ? vh(Choice, { id: "new-model", label: t("newModel"), stack: true, value: model, pick: setModel, options: opts.originalFlavor ? models : [["", t("newChooseModel")], ...models] })
      : vh("p", { class: "notice error" }, t("newNoModel", { region: opts.region })),
    original && opts.instanceName ? vh("p", { class: "help", id: "new-model-note" }, t("newOriginalModel", { model: original.name, instance: opts.instanceName })) : null,
    model ? vh("p", { class: "pricing", id: "new-price" }, modelPriceText(opts.flavors.find((f) => f.id === model)?.price ?? null, monthly)) : null,
    // What most restores leave as they are, folded away.
    vh(
      "details",
      { class: "advanced", id: "new-more" },
      vh("summary", {}, t("newMore")),
      vh(Choice, { id: "new-key", label: t("newKey"), stack: true, value: key, pick: setKey, options: [["", t("newNoKey")], ...opts.sshKeys.map((k): [string, string] => [k.id, k.name])] }),
      vh("fieldset", { class: "plain" }, vh("legend", {}, t("newBilling")), billing("hourly", "newHourly"), billing("monthly", "newMonthly")),
    ),
    vh(Status, { said }),
    vh(Actions, { close, id: "confirm-new", ready, busy }),
  );
}

/** What the new instance costs with the billing chosen, from the account's country's catalog. */
function modelPriceText(price: api.ModelPrice | null, monthly: boolean): string {
  if (price && !monthly) return t("newPriceHourly", { hour: unitPrice(price.perHour, price.currency), month: money(price.perHour * 730, price.currency) });
  if (price && monthly && price.perMonth !== null) return t("newPriceMonthly", { month: money(price.perMonth, price.currency) });
  return t("newPriceUnknown");
}

/** What deleting these backups frees, in one currency when every region has a price. */
function freedText(rows: api.BackupRow[], prices: Record<string, api.Price>, size: number): string {
  const priced = rows.map((r) => prices[r.region]);
  const currency = priced[0]?.currency;
  if (!currency || priced.some((p) => !p || p.currency !== currency)) return t("deleteFreesNoPrice", { size: decimal(size) });
  const cost = rows.reduce((a, r, i) => a + priced[i]!.perGbMonth * r.sizeGb, 0);
  return t("deleteFrees", { size: decimal(size), cost: money(cost, currency) });
}
