// The window: sidebar sections, project selector, and the Instances list with its "…" menus.
import * as api from "./api";
import { initialLang, lang, setLang, statusLabel, statusTone, t, type Key, type Lang } from "./i18n";

type Section = "instances" | "backups" | "workflows";

const state = {
  session: null as api.Session | null,
  projects: [] as api.Project[],
  projectId: localStorage.getItem("projectId"),
  section: "instances" as Section,
};

/** Creates an element with attributes and children; text is always set as text, never HTML. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

function errorText(e: api.ApiError): string {
  switch (e.kind) {
    case "network":
      return t("errNetwork");
    case "auth":
      return t("errAuth");
    case "keyring":
      return t("errKeyring", { message: e.message });
    default:
      return t("errGeneric", { message: e.message });
  }
}

function errorBox(e: api.ApiError, retry: () => void): HTMLElement {
  return h("div", { class: "notice error", role: "alert" }, h("p", {}, errorText(e)), h("button", { class: "btn", onclick: retry }, t("retry")));
}

function navItem(section: Section, label: Key): HTMLElement {
  const current = state.section === section;
  return h(
    "a",
    {
      href: "#",
      class: current ? "nav-item current" : "nav-item",
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
    h("div", { class: "nav-group" }, t("navCompute")),
    navItem("instances", "navInstances"),
    h("div", { class: "nav-group" }, t("navStorage")),
    navItem("backups", "navInstanceBackup"),
    navItem("workflows", "navWorkflows"),
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
      localStorage.setItem("lang", l);
      document.documentElement.lang = l;
      render();
    },
  });
  for (const [code, name] of [["en", "English"], ["fr", "Français"]] as const) {
    const opt = h("option", { value: code }, name);
    opt.selected = lang() === code;
    langSelect.append(opt);
  }
  const badge = state.session?.demo
    ? h("span", { class: "badge demo", title: t("demoTitle") }, t("demoBadge"))
    : state.session
      ? h("span", { class: "badge" }, t("accountBadge", { endpoint: state.session.endpoint }))
      : null;
  return h(
    "header",
    { class: "topbar" },
    h("label", { class: "field" }, h("span", {}, t("project")), select),
    badge,
    h("span", { class: "spacer" }),
    h("label", { class: "field" }, h("span", {}, t("language")), langSelect),
  );
}

function openDialog(title: string, text: string, returnFocus: HTMLElement | null): void {
  const dialog = h(
    "dialog",
    { class: "dialog", "aria-labelledby": "dialog-title" },
    h("h2", { id: "dialog-title" }, title),
    h("p", {}, text),
    h("div", { class: "actions" }, h("button", { class: "btn primary", onclick: () => dialog.close() }, t("close"))),
  );
  dialog.addEventListener("close", () => {
    dialog.remove();
    returnFocus?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}

function closeMenus(): void {
  document.querySelectorAll(".menu").forEach((m) => m.remove());
  document.querySelectorAll("[aria-expanded=true]").forEach((b) => b.setAttribute("aria-expanded", "false"));
}

function rowMenu(row: api.InstanceRow, button: HTMLButtonElement): void {
  const open = button.getAttribute("aria-expanded") === "true";
  closeMenus();
  if (open) return;
  const item = (label: Key, text: Key) =>
    h(
      "button",
      {
        role: "menuitem",
        class: "menu-item",
        onclick: () => {
          closeMenus();
          openDialog(t(label), t(text, { name: row.name }), button);
        },
      },
      t(label),
    );
  const menu = h("div", { class: "menu", role: "menu", "aria-label": t("actionsFor", { name: row.name }) }, item("createBackup", "comingBackup"), item("createAutoBackup", "comingAutoBackup"));
  menu.addEventListener("keydown", (e: KeyboardEvent) => {
    const items = [...menu.querySelectorAll<HTMLButtonElement>(".menu-item")];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      closeMenus();
      button.focus();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      items[(i + 1) % items.length].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      items[(i - 1 + items.length) % items.length].focus();
    }
  });
  button.setAttribute("aria-expanded", "true");
  button.parentElement?.append(menu);
  menu.querySelector<HTMLButtonElement>(".menu-item")?.focus();
}

function instanceRow(row: api.InstanceRow): HTMLElement {
  const more = h("button", { class: "btn icon", "aria-haspopup": "menu", "aria-expanded": "false", "aria-label": t("actionsFor", { name: row.name }), title: t("actionsFor", { name: row.name }) }, "…");
  more.addEventListener("click", (e) => {
    e.stopPropagation();
    rowMenu(row, more);
  });
  const note = row.metal ? t("metalNote") : row.iops ? t("iopsNote") : null;
  return h(
    "tr",
    { "data-instance": row.name },
    h("th", { scope: "row" }, h("span", { class: "name" }, row.name), note ? h("span", { class: "note" }, note) : null),
    h("td", {}, row.region),
    h("td", {}, row.model),
    h("td", {}, h("span", { class: `status ${statusTone(row.status)}` }, statusLabel(row.status))),
    h("td", { class: "actions-cell" }, more),
  );
}

async function instancesView(container: HTMLElement): Promise<void> {
  const project = state.projects.find((p) => p.id === state.projectId);
  container.replaceChildren(h("h1", {}, t("instancesTitle")), h("p", { class: "loading", role: "status" }, t("loadingInstances")));
  if (!project) return;
  try {
    const rows = await api.listInstances(project.id);
    if (state.projectId !== project.id || state.section !== "instances") return;
    if (rows.length === 0) {
      container.replaceChildren(h("h1", {}, t("instancesTitle")), h("p", { class: "empty" }, t("noInstances")));
      return;
    }
    const table = h(
      "table",
      { class: "list", id: "instances" },
      h("caption", { class: "visually-hidden" }, t("instancesCaption", { project: project.name })),
      h("thead", {}, h("tr", {}, ...(["colName", "colRegion", "colModel", "colStatus"] as Key[]).map((k) => h("th", { scope: "col" }, t(k))), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("colActions"))))),
      h("tbody", {}, ...rows.map(instanceRow)),
    );
    container.replaceChildren(h("h1", {}, t("instancesTitle")), table);
  } catch (e) {
    container.replaceChildren(h("h1", {}, t("instancesTitle")), errorBox(e as api.ApiError, () => render()));
  }
}

function comingView(container: HTMLElement, title: Key): void {
  container.replaceChildren(h("h1", {}, t(title)), h("p", { class: "empty" }, t("comingSection")));
}

function render(): void {
  const app = document.getElementById("app")!;
  const content = h("main", { class: "content", id: "content" });
  app.replaceChildren(sidebar(), h("div", { class: "main" }, topbar(), content));
  app.setAttribute("aria-busy", "false");
  if (state.section === "instances") void instancesView(content);
  else comingView(content, state.section === "backups" ? "navInstanceBackup" : "navWorkflows");
}

async function start(): Promise<void> {
  setLang(initialLang(localStorage.getItem("lang"), navigator.language));
  document.documentElement.lang = lang();
  const app = document.getElementById("app")!;
  app.replaceChildren(h("p", { class: "loading", role: "status" }, t("loadingProjects")));
  try {
    [state.session, state.projects] = await Promise.all([api.session(), api.listProjects()]);
  } catch (e) {
    app.replaceChildren(errorBox(e as api.ApiError, () => void start()));
    return;
  }
  if (state.projects.length === 0) {
    app.replaceChildren(h("p", { class: "empty" }, t("noProjects")));
    return;
  }
  if (!state.projects.some((p) => p.id === state.projectId)) state.projectId = state.projects[0].id;
  render();
}

document.addEventListener("click", () => closeMenus());
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") closeMenus();
});
void start();
