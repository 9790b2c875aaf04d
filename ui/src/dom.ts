// Small DOM helpers shared by the window: element builder, what the Rust side said in words,
// "Connect again", toasts and pop-up menus.
import type * as api from "./api";
import { t, type Key } from "./i18n";

/** Creates an element with attributes and children; text is always set as text, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
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

/** What the Rust side said, in the user's language: a code and its values, worded by the
 * catalog (`said-<code>`, `why-<code>`). */
export function saidText(said: api.Said): string {
  switch (said.code) {
    case "why":
      return whyText(said.why);
    case "serverProblem":
      // A status, not a quantity: never grouped ("1 503").
      return t("said.serverProblem", { status: String(said.status) });
    default: {
      const { code, ...values } = said;
      return t(`said.${code}` as Key, values);
    }
  }
}

/** A refusal of the desk: its values are words (a nested refusal is worded first, a form field
 * named by its label). */
function whyText(why: api.Why): string {
  const { code, ...values } = why;
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values) as [string, unknown][]) {
    if (typeof value === "object" && value !== null) vars[name] = saidText(value as api.Said);
    else if (name === "field") vars[name] = t(value as Key);
    else vars[name] = value as string | number;
  }
  return t(`why.${code}` as Key, vars);
}

export function errorText(e: api.ApiError): string {
  const text = saidText(e.said);
  // OVH's query id, which its support asks for, ends the message.
  return e.queryId ? `${text} ${t("queryId", { id: e.queryId })}` : text;
}

let reconnect: (() => void) | null = null;

/** Where "Connect again" leads (the Account screen); set once by the window. */
export function onReconnect(go: () => void): void {
  reconnect = go;
}

/** Whether an error is fixed by connecting the account again. */
export function needsReconnect(e: api.ApiError): boolean {
  return e.kind === "auth" || e.kind === "notGranted";
}

/** What "Connect again" does for `e`, when connecting again fixes it. */
export function reconnectFor(e: api.ApiError): (() => void) | null {
  const go = reconnect;
  return needsReconnect(e) && go ? () => go() : null;
}

/** Where advice can lead: Instance Backup on one region, and the account's Control Panel. */
const leads = { showBackups: null as ((projectId: string, region: string) => void) | null, panel: null as string | null };

/** What "Show backups in …" does (Instance Backup filtered on a region); set once by the window. */
export function onShowBackups(go: (projectId: string, region: string) => void): void {
  leads.showBackups = go;
}

/** The account's OVHcloud Control Panel (none in demo mode); set by the window per session. */
export function setControlPanel(url: string | null): void {
  leads.panel = url;
}

/** Where a project's page of the Control Panel is (`quota`, say), when the account has one. */
export function panelPage(projectId: string, page: string): string | null {
  return leads.panel ? `${leads.panel}#/public-cloud/pci/projects/${encodeURIComponent(projectId)}/${page}` : null;
}

/** What "Show backups in …" does, when the window has set it. */
export function showBackupsIn(projectId: string, region: string): (() => void) | null {
  const go = leads.showBackups;
  return go ? () => go(projectId, region) : null;
}

/** A short message at the bottom of the window; `open` adds a button. */
export function toast(text: string, tone: "ok" | "bad" | "info" = "info", title?: string, open?: () => void): void {
  const region = document.getElementById("toasts")!;
  const item = h(
    "div",
    { class: `toast ${tone}`, role: tone === "bad" ? "alert" : "status" },
    h("div", {}, title ? h("strong", {}, title) : null, h("span", {}, text)),
    open ? h("button", { class: "btn small", onclick: () => { item.remove(); open(); } }, t("toastOpen")) : null,
    h("button", { class: "btn small ghost", "aria-label": t("dismiss"), onclick: () => item.remove() }, "×"),
  );
  // Two at most, in the sidebar's foot: more would climb over its sections (the tray menu
  // keeps the last notifications).
  while (region.childElementCount >= 2) region.firstElementChild!.remove();
  region.append(item);
  // A few seconds: long enough to read, and to press Open; the tray menu keeps the last ones.
  setTimeout(() => item.remove(), open ? 10000 : 8000);
}


/** Closes every open "…" menu. */
export function closeMenus(): void {
  document.querySelectorAll(".menu").forEach((m) => m.remove());
  document.querySelectorAll("[aria-expanded=true]").forEach((b) => b.setAttribute("aria-expanded", "false"));
}

/** A menu entry: its words, what it does, and for one that cannot be used (no action), why. */
export type MenuEntry = [string, () => void] | [string, null, string];

/** Opens (or closes, if open) a menu of `items` under `button`; arrows move, Escape closes. */
export function popupMenu(button: HTMLButtonElement, label: string, items: MenuEntry[]): void {
  const open = button.getAttribute("aria-expanded") === "true";
  closeMenus();
  if (open) return;
  const menu = h(
    "div",
    { class: "menu", role: "menu", "aria-label": label },
    ...items.map(([text, action, why]) =>
      // An entry that cannot be used stays in the menu, focusable, saying why (ARIA's advice
      // for menus), rather than vanishing or opening a form where nothing can be confirmed.
      h(
        "button",
        {
          role: "menuitem",
          class: action ? "menu-item" : "menu-item unavailable",
          "aria-disabled": action ? false : "true",
          onclick: () => {
            if (!action) return;
            closeMenus();
            action();
          },
        },
        text,
        why ? h("span", { class: "note" }, why) : null,
      ),
    ),
  );
  menu.addEventListener("keydown", (e: KeyboardEvent) => {
    const buttons = [...menu.querySelectorAll<HTMLButtonElement>(".menu-item")];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      closeMenus();
      button.focus();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      buttons[(i + 1) % buttons.length].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      buttons[(i - 1 + buttons.length) % buttons.length].focus();
    }
  });
  button.setAttribute("aria-expanded", "true");
  button.parentElement?.append(menu);
  place(menu, button);
  menu.querySelector<HTMLButtonElement>(".menu-item")?.focus();
}

/**
 * Pins an open menu to the window beside its button, below it or above when the window's bottom
 * is near: a menu inside a table would be clipped by the table's scroll box and hidden under a
 * toast. A scroll moves it with its button.
 */
function place(menu: HTMLElement, button: HTMLElement): void {
  const at = button.getBoundingClientRect();
  menu.style.top = menu.style.bottom = "";
  menu.style.right = `${Math.max(8, window.innerWidth - at.right)}px`;
  if (at.bottom + 4 + menu.offsetHeight > window.innerHeight - 8 && at.top > menu.offsetHeight + 12) {
    menu.style.bottom = `${window.innerHeight - at.top + 4}px`;
  } else {
    menu.style.top = `${at.bottom + 4}px`;
  }
}

addEventListener("resize", closeMenus);
addEventListener(
  "scroll",
  () => {
    const menu = document.querySelector<HTMLElement>(".menu");
    const button = menu?.parentElement?.querySelector<HTMLElement>("[aria-expanded=true]");
    if (menu && button) place(menu, button);
  },
  true,
);
