// The window: sidebar sections, project selector, and the Instances list with its "…" menus.
import * as api from "./api";
import { initialLang, lang, LANG_NAMES, LANGS, setLang, setSystemLocale, t, type Key, type Lang } from "./i18n";
import { backupFilters, Backups, backupsMoved, highlightBackup } from "./backups";
import { autoBackupDialog } from "./schedules";
import { Workflows } from "./workflows";
import { Account } from "./account";
import { confirmQuit, Preferences } from "./prefs";
import { closeMenus, h, needsReconnect, onReconnect, onShowBackups, popupMenu, setControlPanel, toast } from "./dom";
import { h as component, render as mount } from "preact";
import { backupDialog, Instances } from "./instances";
import { Overview } from "./overview";
import { cloudMoved, ErrorBox } from "./components";

type Section = api.Section;

const state = {
  session: null as api.Session | null,
  projects: [] as api.Project[],
  projectId: localStorage.getItem("projectId"),
  section: "overview" as Section,
  /** Why the projects could not be listed; every section but Account shows it. */
  startError: null as api.ApiError | null,
};

function navItem(section: Section, label: Key): HTMLElement {
  const current = state.section === section;
  return h(
    "a",
    {
      href: "#",
      class: current ? "nav-item current" : "nav-item",
      "data-section": section,
      "aria-current": current ? "page" : false,
      onclick: (e: Event) => {
        e.preventDefault();
        state.section = section;
        render();
      },
    },
    t(label),
  );
}

function sidebar(): HTMLElement {
  return h(
    "nav",
    { class: "sidebar", "aria-label": t("appName") },
    h("div", { class: "brand" }, h("img", { src: "/icon.svg", alt: "", width: "28", height: "28" }), h("span", {}, t("appName"))),
    navItem("overview", "navOverview"),
    h("div", { class: "nav-group" }, t("navCompute")),
    navItem("instances", "navInstances"),
    h("div", { class: "nav-group" }, t("navStorage")),
    navItem("backups", "navInstanceBackup"),
    navItem("workflows", "navWorkflows"),
    h("div", { class: "nav-group" }, t("navSettings")),
    navItem("account", "navAccount"),
    navItem("preferences", "navPreferences"),
  );
}

function topbar(): HTMLElement {
  const select = h("select", {
    id: "project",
    onchange: (e: Event) => {
      state.projectId = (e.target as HTMLSelectElement).value;
      localStorage.setItem("projectId", state.projectId);
      render();
    },
  });
  for (const p of state.projects) {
    const opt = h("option", { value: p.id }, p.name);
    opt.selected = p.id === state.projectId;
    select.append(opt);
  }
  const langSelect = h("select", {
    id: "language",
    onchange: (e: Event) => {
      const l = (e.target as HTMLSelectElement).value as Lang;
      setLang(l);
      void api.setLanguage(l);
      document.documentElement.lang = l;
      render();
    },
  });
  for (const code of LANGS) {
    const opt = h("option", { value: code, lang: code }, LANG_NAMES[code]);
    opt.selected = lang() === code;
    langSelect.append(opt);
  }
  const badge = state.session?.demo
    ? h(
        "span",
        { class: "demo-group" },
        h("span", { class: "badge demo", title: t("demoTitle") }, t("demoBadge")),
        state.section === "account" ? null : h("button", { class: "btn small", id: "connect-account", onclick: () => openSection("account") }, t("connectAccount")),
      )
    : state.session
      ? h("span", { class: "badge" }, t("accountBadge", { endpoint: state.session.endpoint }))
      : null;
  return h(
    "header",
    { class: "topbar" },
    h("label", { class: "field" }, h("span", {}, t("project")), select),
    badge,
    h("span", { class: "spacer" }),
    state.section === "account" || state.section === "preferences"
      ? null
      : h("button", { class: "btn small", id: "refresh", title: t("refreshTitle"), onclick: () => void api.refresh().then(render, render) }, t("refresh")),
    h("label", { class: "field" }, h("span", {}, t("language")), langSelect),
  );
}


function rowMenu(row: api.InstanceRow, button: HTMLButtonElement): void {
  popupMenu(button, t("actionsFor", { name: row.name }), [
    [t("createBackup"), () => backupDialog(state.projectId!, row.id, row.name, button, cloudChanged)],
    row.metal ? [t("createAutoBackup"), null, t("autoMetal")] : [t("createAutoBackup"), () => autoBackupDialog(state.projectId!, row.id, button, () => openSection("workflows"))],
  ]);
}

/** Redraws the window from `state`. */
function render(): void {
  const app = document.getElementById("app")!;
  // The screen shown so far as a component is unmounted: its reads in flight are dropped.
  const shown = document.getElementById("content");
  if (shown) mount(null, shown);
  const content = h("main", { class: "content", id: "content" });
  const note = h("div", { id: "unreadable-note", role: "status" });
  app.replaceChildren(sidebar(), h("div", { class: "main" }, topbar(), note, content));
  app.setAttribute("aria-busy", "false");
  if (state.section === "preferences") mount(component(Preferences, { relabel: render }), content);
  else if (state.section === "account") mount(component(Account, { hooks: { connected: () => void start("instances"), signedOut: () => void start("account") } }), content);
  else if (state.startError) mount(component(ErrorBox, { failure: state.startError, retry: () => void start() }), content);
  else if (state.projects.length === 0) content.replaceChildren(h("p", { class: "empty" }, t("noProjects")));
  else if (state.section === "instances") {
    const project = state.projects.find((p) => p.id === state.projectId);
    if (project) mount(component(Instances, { project, menu: rowMenu, loaded: () => void sayUnreadable(note) }), content);
  }
  else if (state.section === "backups") mount(component(Backups, { projectId: state.projectId!, loaded: () => void sayUnreadable(note) }), content);
  else if (state.section === "workflows") mount(component(Workflows, { projectId: state.projectId!, loaded: () => void sayUnreadable(note) }), content);
  else mount(component(Overview, { protect: (r, button) => autoBackupDialog(r.projectId, r.instanceId, button, () => openSection("workflows", r.projectId)), backUp: (r, button) => backupDialog(r.projectId, r.instanceId, r.instanceName, button, cloudChanged), loaded: () => void sayUnreadable(note) }), content);
}

/** Records OVH sent that could not be read are left out of the lists: says so in `note`, once a
 * list is loaded. */
async function sayUnreadable(note: HTMLElement): Promise<void> {
  const n = await api.unreadableCount().catch(() => 0);
  note.replaceChildren(...(n > 0 ? [h("p", { class: "notice" }, t("unreadableNote", { count: n }), " ", h("button", { class: "btn small", onclick: () => openSection("account") }, t("checkAccount")))] : []));
}

/** The sections that show the cloud: they read again in place when it moves. */
const LIVE: Section[] = ["instances", "overview", "workflows", "backups"];

/** Shows what moved in the cloud: a screen showing it reads again and updates in place; Account
 * and Preferences are drawn again unless a dialog is open on them. */
function cloudChanged(): void {
  if (LIVE.includes(state.section)) cloudMoved.value++;
  else if (!document.querySelector("dialog")) render();
}

/** Shows a section, optionally of another project. */
function openSection(section: Section, projectId?: string): void {
  if (projectId) state.projectId = projectId;
  state.section = section;
  render();
}

/** Shows Instance Backup with one backup highlighted. */
function openBackup(projectId: string, snapshotId: string): void {
  state.projectId = projectId;
  state.section = "backups";
  highlightBackup(snapshotId);
  render();
}

/** Loads the session and its projects, then shows `section` (after the account changed, say). */
async function start(section?: Section): Promise<void> {
  const prefs = await api.settings().catch(() => null);
  setSystemLocale(prefs?.systemLocale ?? navigator.language);
  setLang(initialLang(prefs?.effectiveLanguage ?? null, prefs?.systemLocale ?? navigator.language));
  document.documentElement.lang = lang();
  // A window the tray or a notification opened starts where it pointed.
  const asked = await api.takeSection().catch(() => null);
  if (section) state.section = section;
  else if (asked) applyTarget(asked);
  const app = document.getElementById("app")!;
  app.setAttribute("aria-busy", "true");
  app.replaceChildren(h("p", { class: "loading", role: "status" }, t("loadingProjects")));
  state.startError = null;
  try {
    state.session = await api.session();
    setControlPanel(state.session.controlPanel);
  } catch (e) {
    const box = h("div", {});
    app.replaceChildren(box);
    mount(component(ErrorBox, { failure: e as api.ApiError, retry: () => void start() }), box);
    return;
  }
  try {
    state.projects = await api.listProjects();
  } catch (e) {
    state.projects = [];
    state.startError = e as api.ApiError;
    // Keys that no longer work: straight to where they are fixed.
    if (needsReconnect(state.startError)) state.section = "account";
  }
  if (state.projects.length && !state.projects.some((p) => p.id === state.projectId)) state.projectId = state.projects[0].id;
  render();
}

void api.onBackupEnded((ended) => {
  toast(ended.body, ended.ok ? "ok" : "bad", ended.title, () => openBackup(ended.projectId, ended.snapshotId));
  // Instance states moved with the end, and in Instance Backup what may now be deleted (a set
  // whose last part is ready): read again, from the lists the tracker has just read.
  if (LIVE.includes(state.section)) cloudMoved.value++;
});
/** Points the state at a target: a section, or one backup in Instance Backup. */
function applyTarget(target: api.Target): void {
  state.section = target.section;
  if (target.projectId) state.projectId = target.projectId;
  if (target.snapshotId) highlightBackup(target.snapshotId);
}

void api.onNavigate((target) => {
  applyTarget(target);
  render();
});
void api.onConfirmQuit(() => confirmQuit());
onReconnect(() => openSection("account"));
// Advice that leads to Instance Backup on one region (to delete old backups there) closes the
// dialog it was in.
onShowBackups((projectId, region) => {
  document.querySelectorAll("dialog[open]").forEach((d) => (d as HTMLDialogElement).close());
  backupFilters.value = { ...backupFilters.value, region, text: "", status: "" };
  openSection("backups", projectId);
});
void api.onScheduleRun((told) => toast(told.body, told.ok ? "ok" : "bad", told.title, () => openSection("workflows")));
void api.onRehearsalEnded((told) => {
  toast(told.body, told.ok ? "ok" : "bad", told.title, () => openSection("overview"));
  if (state.section === "overview") cloudMoved.value++;
});
void api.onSchedulesChanged(() => {
  if (state.section === "overview" || state.section === "workflows") cloudMoved.value++;
});
void api.onBackupsChanged((changed) => {
  if (changed.projectId === state.projectId) backupsMoved(changed.backups);
});
document.addEventListener("click", () => closeMenus());
document.addEventListener("keydown", (e) => {
  // Ctrl+W closes the window as in other desktop apps; the app goes on in the tray.
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "w") {
    e.preventDefault();
    void api.closeWindow();
  }
  if (e.key === "Escape") closeMenus();
});
void start();
