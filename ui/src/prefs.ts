// Settings → Preferences: language, quiet successes, start at login, the logs folder; and the
// confirmation the tray's Quit asks for while a backup is being requested.
import * as api from "./api";
import { lang, LANG_NAMES, LANGS, setLang, systemLang, t, type Lang } from "./i18n";
import { errorText, h, modal, toast } from "./dom";

export async function prefsView(container: HTMLElement, relabel: () => void): Promise<void> {
  container.replaceChildren(h("h1", {}, t("prefsTitle")), h("p", { class: "loading", role: "status" }, t("loadingPrefs")));
  let prefs: api.Prefs;
  try {
    prefs = await api.settings();
  } catch (e) {
    container.replaceChildren(h("h1", {}, t("prefsTitle")), h("div", { class: "notice error", role: "alert" }, h("p", {}, errorText(e as api.ApiError))));
    return;
  }
  const status = h("p", { class: "form-status", role: "status", id: "prefs-status" });
  const save = async (change: api.PrefsChange | { language: api.Lang | null }, input: HTMLInputElement | HTMLSelectElement) => {
    input.disabled = true;
    try {
      prefs = "language" in change ? await api.setLanguage(change.language) : await api.updateSettings(change);
      status.textContent = t("prefsSaved");
      status.classList.remove("error");
    } catch (e) {
      status.textContent = errorText(e as api.ApiError);
      status.classList.add("error");
    } finally {
      input.disabled = false;
    }
  };

  const language = h("select", { id: "prefs-language" });
  for (const [code, name] of [["", t("langSystem")], ...LANGS.map((l) => [l, LANG_NAMES[l]] as const)] as const) {
    const opt = h("option", { value: code }, name);
    opt.selected = (prefs.language ?? "") === code;
    language.append(opt);
  }
  language.addEventListener("change", async () => {
    const chosen = language.value as Lang | "";
    // "As the system" is saved too (as no choice), so the next start follows the system again.
    await save({ language: chosen || null }, language);
    setLang(chosen || systemLang());
    document.documentElement.lang = lang();
    relabel();
  });

  const quiet = h("input", { type: "checkbox", id: "prefs-quiet" });
  quiet.checked = prefs.quietSuccesses;
  quiet.addEventListener("change", () => void save({ quietSuccesses: quiet.checked }, quiet));
  const login = h("input", { type: "checkbox", id: "prefs-login" });
  login.checked = prefs.startAtLogin;
  login.addEventListener("change", () => void save({ startAtLogin: login.checked }, login));

  const logs = h("button", { class: "btn", id: "open-logs", type: "button" }, t("openLogs"));
  logs.addEventListener("click", () => api.openLogsFolder().catch((e: api.ApiError) => toast(errorText(e), "bad")));

  container.replaceChildren(
    h("h1", {}, t("prefsTitle")),
    h(
      "section",
      { class: "card", "aria-labelledby": "prefs-general" },
      h("h2", { id: "prefs-general" }, t("prefsGeneral")),
      h("label", { class: "field", for: "prefs-language" }, h("span", {}, t("language")), language),
      h("label", { class: "check", for: "prefs-login" }, login, h("span", {}, t("prefsLogin"))),
      h("p", { class: "help" }, t("prefsLoginHelp")),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "prefs-notifications" },
      h("h2", { id: "prefs-notifications" }, t("prefsNotifications")),
      h("label", { class: "check", for: "prefs-quiet" }, quiet, h("span", {}, t("prefsQuiet"))),
      h("p", { class: "help" }, t("prefsQuietHelp")),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "prefs-logs" },
      h("h2", { id: "prefs-logs" }, t("prefsLogs")),
      h("p", {}, t("prefsLogsText")),
      prefs.logsFolder ? h("p", {}, h("code", {}, prefs.logsFolder)) : null,
      logs,
    ),
    status,
  );
}

/** The tray's Quit while a backup is being requested. */
export function confirmQuit(): void {
  modal(t("quitTitle"), document.activeElement as HTMLElement | null, (dialog, close) => {
    const quit = h("button", { class: "btn danger", id: "confirm-quit", type: "button", onclick: () => void api.quit() }, t("quitAnyway"));
    dialog.append(h("h2", {}, t("quitTitle")), h("p", {}, t("quitText")), h("div", { class: "actions" }, h("button", { class: "btn", type: "button", onclick: close }, t("cancel")), quit));
    quit.focus();
  });
}
