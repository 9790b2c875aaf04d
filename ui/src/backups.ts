// Storage → Instance Backup: every backup of the project, filters and sort that stay put,
// multi-select delete with its cost, cancel for backups in progress.
import * as api from "./api";
import { dateTime, decimal, duration, gb, money, nameProblem, t, type Key } from "./i18n";
import { errorBox, errorText, h, modal, submitOnce, when, popupMenu, saidText, toast } from "./dom";

export interface BackupFilters {
  text: string;
  status: string;
  region: string;
  sort: "name" | "instance" | "region" | "sizeGb" | "createdAt" | "status";
  desc: boolean;
  selected: Set<string>;
  /** A backup to scroll to and mark (opened from a notification). */
  highlight: string;
}

/** What is on screen now, so events refresh the table without touching the filters. */
let current: { container: HTMLElement; projectId: string; filters: BackupFilters; list: api.BackupList | null; ticker: number | null } | null = null;

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

/** The status, with the time a backup in progress has run and may still take, and its Cancel
 * (here rather than in the actions column, which then stays one "…" wide). */
function statusCell(row: api.BackupRow): HTMLElement {
  const tone = row.status === "active" ? "ok" : row.status === "failed" ? "bad" : row.status === "deleting" ? "neutral" : "busy";
  const cell = h("td", {}, h("span", { class: `status ${tone}` }, t(`backupStatus.${row.status}` as Key)));
  if (row.status === "inProgress" && row.createdAt) {
    cell.append(h("span", { class: "note progress" }, progressText(row, Date.now())));
  }
  if (row.status === "inProgress" && row.instanceId) {
    cell.append(h("button", { class: "btn small cancel", onclick: (e: Event) => confirmCancel(row, e.currentTarget as HTMLElement) }, t("cancelBackup")));
  }
  return cell;
}

function progressText(row: api.BackupRow, now: number): string {
  const left = remainingSecs(row, now) ?? 0;
  return `${t("elapsed", { elapsed: duration((now - Date.parse(row.createdAt!)) / 1000) })} · ${left > 5 ? t("remaining", { left: duration(left) }) : t("almostDone")}`;
}

function sortHeader(label: Key, key: BackupFilters["sort"], f: BackupFilters): HTMLElement {
  const active = f.sort === key;
  return h(
    "th",
    { scope: "col", "aria-sort": active ? (f.desc ? "descending" : "ascending") : "none" },
    h(
      "button",
      {
        class: "sort",
        onclick: () => {
          f.desc = active ? !f.desc : key === "createdAt" || key === "sizeGb";
          f.sort = key;
          drawTable();
        },
      },
      t(label),
      active ? (f.desc ? " ▼" : " ▲") : "",
    ),
  );
}

function row(r: api.BackupRow, f: BackupFilters, prices: Record<string, api.Price>): HTMLElement {
  const price = prices[r.region] ?? null;
  const box = h("input", { type: "checkbox", "aria-label": t("selectRow", { name: r.name }), "data-id": r.id });
  box.checked = f.selected.has(r.id);
  box.addEventListener("change", () => {
    if (box.checked) f.selected.add(r.id);
    else f.selected.delete(r.id);
    drawToolbar();
  });
  const actions = h("td", { class: "row-actions actions-cell" });
  if (r.status === "active") {
    const more = h("button", { class: "btn icon", "aria-haspopup": "menu", "aria-expanded": "false", "aria-label": t("moreActions", { name: r.name }), title: t("moreActions", { name: r.name }) }, "…");
    more.addEventListener("click", (e) => {
      e.stopPropagation();
      const items: [string, () => void][] = [];
      if (r.instanceName && !r.orphan) items.push([t("restoreInPlace"), () => restoreInPlaceDialog(r, more)]);
      items.push([t("restoreNew"), () => newInstanceDialog(r, more)]);
      items.push([t("deleteAction"), () => confirmDelete([r.id], more)]);
      popupMenu(more, t("moreActions", { name: r.name }), items);
    });
    actions.append(more);
  }
  const instance =
    r.source === "unknown"
      ? h("em", { class: "unknown" }, t("instanceUnknown"))
      : r.orphan || !r.instanceName
        ? h("em", {}, t("deletedInstance"))
        : r.source === "nameHint"
          ? h("span", {}, r.instanceName, h("span", { class: "note", title: t("nameHintHelp") }, t("nameHint")))
          : r.instanceName;
  return h(
    "tr",
    { "data-backup": r.name, "data-id": r.id, class: f.highlight === r.id ? "highlight" : "" },
    h("td", { class: "select" }, box),
    h("th", { scope: "row" }, h("span", { class: "name" }, r.name), r.orphan ? h("span", { class: "note warn" }, t("orphanNote")) : null),
    h("td", {}, h("span", { class: "nowrap" }, instance), h("span", { class: "note" }, r.region)),
    h("td", { class: "num" }, r.sizeGb > 0 ? gb(r.sizeGb) : "—", price && r.sizeGb > 0 ? h("span", { class: "note" }, t("monthlyCost", { cost: money(price.perGbMonth * r.sizeGb, price.currency) })) : r.sizeGb > 0 ? h("span", { class: "note" }, t("priceNotAvailable")) : null),
    h("td", {}, ...when(r.createdAt)),
    statusCell(r),
    actions,
  );
}

function drawToolbar(): void {
  if (!current) return;
  const bar = current.container.querySelector(".toolbar-actions");
  if (!bar) return;
  const n = current.filters.selected.size;
  // Quiet until something is chosen: an empty "Delete" must not be the loudest control.
  const del = h("button", { class: n === 0 ? "btn" : "btn danger", id: "delete-selected", onclick: (e: Event) => confirmDelete([...current!.filters.selected], e.currentTarget as HTMLElement) }, t("deleteSelected", { count: String(n) }));
  (del as HTMLButtonElement).disabled = n === 0;
  bar.replaceChildren(del);
}

/** Rows drawn at a time: 10,000 backups stay quick to filter and sort when only the first page
 * is in the document. */
const PAGE = 200;
let limit = PAGE;
let lastView = "";

function drawTable(): void {
  if (!current || !current.list) return;
  const { container, filters: f, list } = current;
  const matching = visibleRows(list.rows, f);
  const view = [f.text, f.status, f.region, f.sort, f.desc].join("|");
  if (view !== lastView) {
    limit = PAGE;
    lastView = view;
  }
  const at = f.highlight ? matching.findIndex((r) => r.id === f.highlight) : -1;
  const cap = Math.max(limit, at + 1);
  const shown = matching.slice(0, cap);
  const all = h("input", { type: "checkbox", "aria-label": t("selectAll") });
  all.checked = matching.length > 0 && matching.every((r) => f.selected.has(r.id));
  all.addEventListener("change", () => {
    for (const r of matching) {
      if (all.checked) f.selected.add(r.id);
      else f.selected.delete(r.id);
    }
    drawTable();
  });
  const body =
    shown.length === 0
      ? h("p", { class: "empty" }, list.rows.length === 0 ? t("noBackups") : t("noMatch"))
      : h(
          "table",
          { class: "list", id: "backups" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { class: "select" }, all),
              sortHeader("colName", "name", f),
              sortHeader("colInstance", "instance", f),
              sortHeader("colSize", "sizeGb", f),
              sortHeader("colCreated", "createdAt", f),
              sortHeader("colStatus", "status", f),
              h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("colActions"))),
            ),
          ),
          h("tbody", {}, ...shown.map((r) => row(r, f, list.prices))),
        );
  const more =
    matching.length > shown.length
      ? h(
          "button",
          {
            class: "btn",
            id: "show-more",
            type: "button",
            onclick: () => {
              limit = shown.length + PAGE;
              drawTable();
            },
          },
          t("showMore", { count: String(Math.min(PAGE, matching.length - shown.length)), shown: String(shown.length), total: String(matching.length) }),
        )
      : null;
  container.querySelector(".table-area")?.replaceChildren(body, ...(more ? [more] : []));
  drawToolbar();
  if (f.highlight) {
    container.querySelector(`tr[data-id="${CSS.escape(f.highlight)}"]`)?.scrollIntoView({ block: "center" });
  }
}

function filterBar(f: BackupFilters, rows: api.BackupRow[]): HTMLElement {
  const search = h("input", { type: "search", id: "backup-search", value: f.text });
  search.addEventListener("input", () => {
    f.text = search.value;
    drawTable();
  });
  const select = (id: string, label: Key, options: [string, string][], value: string, set: (v: string) => void) => {
    const s = h("select", { id });
    for (const [v, name] of [["", t("filterAll")] as [string, string], ...options]) {
      const o = h("option", { value: v }, name);
      o.selected = v === value;
      s.append(o);
    }
    s.addEventListener("change", () => {
      set(s.value);
      drawTable();
    });
    return h("label", { class: "field" }, h("span", {}, t(label)), s);
  };
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  return h(
    "div",
    { class: "toolbar" },
    h("label", { class: "field" }, h("span", {}, t("filterText")), search),
    select("backup-status", "filterStatus", STATUSES.map((s) => [s, t(`backupStatus.${s}` as Key)]), f.status, (v) => (f.status = v)),
    select("backup-region", "filterRegion", regions.map((r) => [r, r]), f.region, (v) => (f.region = v)),
    h("span", { class: "spacer" }),
    h("div", { class: "toolbar-actions" }),
  );
}

/** Applies what the tracker read to the rows on screen, without a request: each changed row is
 * redrawn where it stands (the whole table only when a status filter or sort may move it).
 * Returns false when a backup is not on screen yet, so the caller reads the list again. */
export function applyBackupChanges(changes: api.BackupState[]): boolean {
  if (!current?.list) return true;
  const view = current;
  const rows = view.list!.rows;
  if (changes.some((c) => !rows.some((r) => r.id === c.id))) return false;
  let moved = false;
  for (const c of changes) {
    const r = rows.find((x) => x.id === c.id)!;
    if (r.status !== c.status) moved = true;
    r.status = c.status;
    r.rawStatus = c.rawStatus;
    r.sizeGb = c.sizeGb;
    const tr = view.container.querySelector(`tr[data-id="${CSS.escape(r.id)}"]`);
    if (tr && !tr.contains(document.activeElement)) tr.replaceWith(row(r, view.filters, view.list!.prices));
  }
  if (moved && (view.filters.status || view.filters.sort === "status" || view.filters.sort === "sizeGb")) drawTable();
  return true;
}

/** Fetches the backups again and redraws the table, keeping filters, sort and selection. */
export async function refreshBackups(): Promise<void> {
  if (!current) return;
  const view = current;
  try {
    view.list = await api.listBackups(view.projectId);
  } catch (e) {
    toast(errorText(e as api.ApiError), "bad");
    return;
  }
  if (current !== view) return;
  const ids = new Set(view.list.rows.map((r) => r.id));
  for (const id of [...view.filters.selected]) if (!ids.has(id)) view.filters.selected.delete(id);
  drawTable();
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

function confirmDelete(ids: string[], returnFocus: HTMLElement): void {
  if (!current?.list) return;
  const { list, projectId } = current;
  const chosen = list.rows.filter((r) => ids.includes(r.id));
  const blocked = chosen.filter((r) => r.refusal);
  const deletable = chosen.filter((r) => !blocked.includes(r));
  const size = deletable.reduce((sum, r) => sum + r.sizeGb, 0);
  const lost = leftWithoutBackup(list.rows, new Set(deletable.map((r) => r.id)));
  modal(t("deleteTitle", { count: deletable.length }), returnFocus, (dialog, close) => {
    const confirm = h("button", { class: "btn danger", id: "confirm-delete" }, t("deleteAction"));
    // The last backup of an instance is asked for once more, by a tick of its own.
    const ack = lost.length ? h("input", { type: "checkbox", id: "delete-last-ack" }) : null;
    (confirm as HTMLButtonElement).disabled = deletable.length === 0 || ack !== null;
    ack?.addEventListener("change", () => ((confirm as HTMLButtonElement).disabled = !(ack as HTMLInputElement).checked));
    confirm.addEventListener("click", async () => {
      (confirm as HTMLButtonElement).disabled = true;
      try {
        const outcome = await api.deleteBackups(projectId, deletable.map((r) => r.id));
        const done = outcome.filter((o) => o.deleted);
        for (const o of outcome.filter((o) => !o.deleted)) {
          const name = list.rows.find((r) => r.id === o.id)?.name ?? o.id;
          if (o.refusal) toast(refusalText(name, o.refusal), "bad");
        }
        for (const o of done) current?.filters.selected.delete(o.id);
        if (done.length) toast(t("deleteDone", { count: done.length }), "ok");
      } catch (e) {
        toast(errorText(e as api.ApiError), "bad");
      }
      close();
      void refreshBackups();
    });
    const parts: (HTMLElement | null)[] = [
      h("h2", {}, t("deleteTitle", { count: deletable.length })),
      deletable.length ? h("ul", {}, ...deletable.map((r) => h("li", {}, r.name))) : null,
      deletable.length
        ? h("p", {}, freedText(deletable, list.prices, size))
        : null,
      ...blocked.map((r) =>
        h("p", { class: "notice error blocked" }, refusalText(r.name, r.refusal!)),
      ),
      h("p", { class: "help" }, t("deleteIrreversible")),
      ack ? h("div", { class: "notice last-backup", role: "alert" }, h("p", {}, t("deleteLast", { instances: lost.join(", ") })), h("label", { class: "check" }, ack, h("span", {}, t("deleteLastConfirm")))) : null,
      h("div", { class: "actions" }, h("button", { class: "btn", onclick: close }, t("cancel")), confirm),
    ];
    dialog.append(...parts.filter((p): p is HTMLElement => p !== null));
  });
}

function confirmCancel(r: api.BackupRow, returnFocus: HTMLElement): void {
  if (!current) return;
  const projectId = current.projectId;
  modal(t("cancelTitle", { name: r.name }), returnFocus, (dialog, close) => {
    const confirm = h("button", { class: "btn danger", id: "confirm-cancel" }, t("cancelBackup"));
    confirm.addEventListener("click", async () => {
      (confirm as HTMLButtonElement).disabled = true;
      try {
        await api.cancelBackup(projectId, r.region, r.instanceId!);
        toast(t("cancelDone", { name: r.name }), "ok");
      } catch (e) {
        toast(errorText(e as api.ApiError), "bad");
      }
      close();
      void refreshBackups();
    });
    dialog.append(h("h2", {}, t("cancelTitle", { name: r.name })), h("p", {}, t("cancelText")), h("div", { class: "actions" }, h("button", { class: "btn", onclick: close }, t("close")), confirm));
  });
}

/** Draws Instance Backup for a project into `container`. */
export async function backupView(container: HTMLElement, projectId: string, filters: BackupFilters): Promise<void> {
  if (current?.ticker) clearInterval(current.ticker);
  current = { container, projectId, filters, list: null, ticker: null };
  const view = current;
  container.replaceChildren(h("h1", {}, t("backupsTitle")), h("p", { class: "notice info" }, t("billingWarning")), h("p", { class: "loading", role: "status" }, t("loadingBackups")));
  try {
    view.list = await api.listBackups(projectId);
  } catch (e) {
    container.replaceChildren(h("h1", {}, t("backupsTitle")), errorBox(e as api.ApiError, () => void backupView(container, projectId, filters)));
    return;
  }
  if (current !== view) return;
  container.replaceChildren(h("h1", {}, t("backupsTitle")), h("p", { class: "notice info" }, t("billingWarning")), filterBar(filters, view.list.rows), h("div", { class: "table-area" }));
  drawTable();
  // Elapsed times tick every second while something is in progress, without refetching.
  view.ticker = window.setInterval(() => {
    if (current !== view || !document.body.contains(container)) {
      clearInterval(view.ticker!);
      return;
    }
    const now = Date.now();
    for (const r of view.list?.rows ?? []) {
      if (r.status !== "inProgress" || !r.createdAt) continue;
      const note = container.querySelector(`tr[data-id="${CSS.escape(r.id)}"] .note.progress`);
      if (note) note.textContent = progressText(r, now);
    }
  }, 1000);
}

function loadingDialog(title: string, returnFocus: HTMLElement, load: (dialog: HTMLDialogElement, close: () => void) => Promise<void>): void {
  modal(title, returnFocus, (dialog, close) => {
    dialog.classList.add("wide");
    dialog.append(h("h2", {}, title), h("p", { class: "loading", role: "status" }, t("loadingBackups")));
    load(dialog, close).catch((e: api.ApiError) => dialog.replaceChildren(h("h2", {}, title), errorBox(e, close)));
  });
}

function restoreInPlaceDialog(r: api.BackupRow, returnFocus: HTMLElement): void {
  const projectId = current!.projectId;
  const title = t("restoreTitle", { instance: r.instanceName ?? "", backup: r.name });
  loadingDialog(title, returnFocus, async (dialog, close) => {
    const opts = await api.restoreOptions(projectId, r.id);
    if (!opts.instanceId || !opts.instanceName) {
      dialog.replaceChildren(h("h2", {}, title), h("p", {}, t("restoreNoInstance")), h("div", { class: "actions" }, h("button", { class: "btn", onclick: close }, t("close"))));
      return;
    }
    const instance = opts.instanceName;
    const typed = h("input", { type: "text", id: "restore-typed", autocomplete: "off", spellcheck: "false" });
    const safety = h("input", { type: "checkbox", id: "restore-safety" });
    safety.checked = true;
    const confirm = h("button", { class: "btn danger", id: "confirm-restore", type: "submit" }, t("restoreInPlace"));
    const status = h("p", { class: "form-status", role: "status" });
    const refresh = () => ((confirm as HTMLButtonElement).disabled = typed.value.trim() !== instance);
    typed.addEventListener("input", refresh);
    const form = h(
      "form",
      {},
      h("h2", {}, title),
      h("p", { class: "notice error" }, t("restoreLoss", { instance, date: opts.createdAt ? dateTime(opts.createdAt) : "—" })),
      h("label", { class: "check" }, safety, h("span", {}, t("restoreSafety", { instance }))),
      h("label", { class: "stack", for: "restore-typed" }, h("span", {}, t("restoreType", { instance })), typed),
      status,
      h("div", { class: "actions" }, h("button", { class: "btn", type: "button", onclick: close }, t("cancel")), confirm),
    );
    submitOnce(form, confirm as HTMLButtonElement, status, refresh, async () => {
      await api.restoreInPlace(projectId, r.id, opts.instanceId!, typed.value, safety.checked);
      close();
      toast(safety.checked ? t("restoreSafetyStarted", { instance }) : t("restoreStarted", { instance }), "ok");
      void refreshBackups();
    });
    dialog.replaceChildren(form);
    refresh();
    typed.focus();
  });
}

function newInstanceDialog(r: api.BackupRow, returnFocus: HTMLElement): void {
  const projectId = current!.projectId;
  const title = t("newTitle", { backup: r.name });
  loadingDialog(title, returnFocus, async (dialog, close) => {
    const opts = await api.restoreOptions(projectId, r.id);
    const name = h("input", { type: "text", id: "new-name", maxlength: "255", autocomplete: "off" });
    name.value = opts.defaultName;
    const model = h("select", { id: "new-model" });
    for (const f of opts.flavors) {
      model.append(h("option", { value: f.id }, t("newModelOption", { name: f.name, vcpus: String(f.vcpus), ram: String(Math.round(f.ramMb / 1000)), disk: String(f.diskGb) })));
    }
    const key = h("select", { id: "new-key" }, h("option", { value: "" }, t("newNoKey")));
    for (const k of opts.sshKeys) key.append(h("option", { value: k.id }, k.name));
    const hourly = h("input", { type: "radio", name: "billing", value: "hourly", id: "billing-hourly" });
    hourly.checked = true;
    const monthly = h("input", { type: "radio", name: "billing", value: "monthly", id: "billing-monthly" });
    const confirm = h("button", { class: "btn primary", id: "confirm-new", type: "submit" }, t("confirm"));
    const status = h("p", { class: "form-status", role: "status" });
    const refresh = () => ((confirm as HTMLButtonElement).disabled = opts.flavors.length === 0 || nameProblem(name.value) !== null);
    name.addEventListener("input", refresh);
    const form = h(
      "form",
      {},
      h("h2", {}, title),
      h("p", { class: "help" }, t("newRegion", { region: opts.region })),
      h("label", { class: "stack", for: "new-name" }, h("span", {}, t("newName")), name),
      opts.flavors.length ? h("label", { class: "stack", for: "new-model" }, h("span", {}, t("newModel")), model) : h("p", { class: "notice error" }, t("newNoModel", { region: opts.region })),
      h("label", { class: "stack", for: "new-key" }, h("span", {}, t("newKey")), key),
      h("fieldset", { class: "plain" }, h("legend", {}, t("newBilling")), h("label", { class: "check" }, hourly, h("span", {}, t("newHourly"))), h("label", { class: "check" }, monthly, h("span", {}, t("newMonthly")))),
      status,
      h("div", { class: "actions" }, h("button", { class: "btn", type: "button", onclick: close }, t("cancel")), confirm),
    );
    submitOnce(form, confirm as HTMLButtonElement, status, refresh, async () => {
      await api.restoreNewInstance(projectId, r.id, { name: name.value.trim(), flavorId: model.value, sshKeyId: key.value || null, monthlyBilling: monthly.checked });
      close();
      toast(t("newStarted", { name: name.value.trim(), backup: r.name }), "ok");
    });
    dialog.replaceChildren(form);
    refresh();
    name.focus();
  });
}

/** What deleting these backups frees, in one currency when every region has a price. */
function freedText(rows: api.BackupRow[], prices: Record<string, api.Price>, size: number): string {
  const priced = rows.map((r) => prices[r.region]);
  const currency = priced[0]?.currency;
  if (!currency || priced.some((p) => !p || p.currency !== currency)) return t("deleteFreesNoPrice", { size: decimal(size) });
  const cost = rows.reduce((a, r, i) => a + priced[i]!.perGbMonth * r.sizeGb, 0);
  return t("deleteFrees", { size: decimal(size), cost: money(cost, currency) });
}
