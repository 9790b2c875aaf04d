// Settings → Preferences: language, quiet successes, start at login, the logs folder; the home's
// question about starting at login; and the confirmation the tray's Quit asks for while a backup
// is being requested.
import { h as vh } from "preact";
import { useState } from "preact/hooks";
import * as api from "./api";
import { lang, LANG_NAMES, LANGS, setLang, systemLang, t, type Lang } from "./i18n";
import { errorText, toast } from "./dom";
import { openDialog, useFirstFocus } from "./dialog";
import { Choice, useRead } from "./components";

type Change = api.PrefsChange | { language: api.Lang | null };

/** Preferences: each control saves on change, says so below, and is off while it saves. */
export function Preferences({ relabel }: { relabel: () => void }) {
  const { data, failure } = useRead(() => api.settings(), []);
  const [saved, setSaved] = useState<api.Prefs | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const title = vh("h1", {}, t("prefsTitle"));
  const prefs = saved ?? data;
  if (failure && !prefs) return vh("div", {}, title, vh("div", { class: "notice error", role: "alert" }, vh("p", {}, errorText(failure))));
  if (!prefs) return vh("div", {}, title, vh("p", { class: "loading", role: "status" }, t("loadingPrefs")));

  const save = async (id: string, change: Change): Promise<boolean> => {
    setSaving(id);
    try {
      setSaved("language" in change ? await api.setLanguage(change.language) : await api.updateSettings(change));
      setSaid({ text: t("prefsSaved"), error: false });
      return true;
    } catch (e) {
      setSaid({ text: errorText(e as api.ApiError), error: true });
      return false;
    } finally {
      setSaving(null);
    }
  };
  const chooseLanguage = async (value: string) => {
    const chosen = value as Lang | "";
    // "As the system" is saved too (as no choice), so the next start follows the system again.
    if (!(await save("prefs-language", { language: chosen || null }))) return;
    setLang(chosen || systemLang());
    document.documentElement.lang = lang();
    relabel();
  };
  const check = (id: string, checked: boolean, change: (on: boolean) => api.PrefsChange) =>
    vh("input", { type: "checkbox", id, checked, disabled: saving === id, onChange: (e: Event) => void save(id, change((e.currentTarget as HTMLInputElement).checked)) });
  const languages: [string, string][] = [["", t("langSystem")], ...LANGS.map((l): [string, string] => [l, LANG_NAMES[l]])];

  return vh(
    "div",
    {},
    title,
    vh(
      "section",
      { class: "card", "aria-labelledby": "prefs-general" },
      vh("h2", { id: "prefs-general" }, t("prefsGeneral")),
      vh(Choice, { id: "prefs-language", label: t("language"), value: prefs.language ?? "", options: languages, pick: chooseLanguage, disabled: saving === "prefs-language" }),
      vh("label", { class: "check", for: "prefs-login" }, check("prefs-login", prefs.startAtLogin, (on) => ({ startAtLogin: on })), vh("span", {}, t("prefsLogin"))),
      vh("p", { class: "help" }, t("prefsLoginHelp")),
    ),
    vh(
      "section",
      { class: "card", "aria-labelledby": "prefs-notifications" },
      vh("h2", { id: "prefs-notifications" }, t("prefsNotifications")),
      vh("label", { class: "check", for: "prefs-quiet" }, check("prefs-quiet", prefs.quietSuccesses, (on) => ({ quietSuccesses: on })), vh("span", {}, t("prefsQuiet"))),
      vh("p", { class: "help" }, t("prefsQuietHelp")),
    ),
    vh(
      "section",
      { class: "card", "aria-labelledby": "prefs-logs" },
      vh("h2", { id: "prefs-logs" }, t("prefsLogs")),
      vh("p", {}, t("prefsLogsText")),
      prefs.logsFolder ? vh("p", {}, vh("code", {}, prefs.logsFolder)) : null,
      vh("button", { class: "btn", id: "open-logs", type: "button", onClick: () => api.openLogsFolder().catch((e: api.ApiError) => toast(errorText(e), "bad")) }, t("openLogs")),
    ),
    vh("p", { class: said?.error ? "form-status error" : "form-status", role: "status", id: "prefs-status" }, said?.text ?? ""),
  );
}

/** On the home while Backup Desk does not start at login: the question, asked until answered,
 * then a line that says what is missed while the app is closed. Notifications of scheduled runs
 * need the app running; the OS entry is only made when the user says yes. */
export function LoginQuestion() {
  const { data } = useRead(() => api.settings(), [], undefined, false);
  const [answer, setAnswer] = useState<api.Prefs | null>(null);
  const [failed, setFailed] = useState<api.ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const prefs = answer ?? data;
  if (!prefs || prefs.startAtLogin) return null;
  const send = (change: api.PrefsChange) => async () => {
    setBusy(true);
    try {
      setAnswer(await api.updateSettings(change));
      setFailed(null);
    } catch (e) {
      setFailed(e as api.ApiError);
    } finally {
      setBusy(false);
    }
  };
  const yes = vh("button", { class: prefs.loginAsked ? "btn small" : "btn primary", id: "login-yes", type: "button", disabled: busy, onClick: send({ startAtLogin: true, loginAsked: true }) }, t("loginYes"));
  const said = failed ? vh("p", { class: "form-status error", role: "alert" }, errorText(failed)) : null;
  if (prefs.loginAsked) return vh("div", { class: "login-off", id: "login-question" }, vh("p", { class: "help" }, t("loginOff")), yes, said);
  return vh(
    "div",
    { class: "notice info", id: "login-question", role: "region", "aria-label": t("prefsLogin") },
    vh("p", {}, t("loginAsk")),
    vh("div", { class: "actions start" }, yes, vh("button", { class: "btn", id: "login-no", type: "button", disabled: busy, onClick: send({ loginAsked: true }) }, t("loginNo"))),
    said,
  );
}

/** The tray's Quit while a backup is being requested. */
export function confirmQuit(): void {
  openDialog(t("quitTitle"), document.activeElement as HTMLElement | null, (close) => vh(QuitDialog, { close }));
}

function QuitDialog({ close }: { close: () => void }) {
  const first = useFirstFocus<HTMLButtonElement>();
  return vh(
    "div",
    {},
    vh("h2", {}, t("quitTitle")),
    vh("p", {}, t("quitText")),
    vh(
      "div",
      { class: "actions" },
      vh("button", { class: "btn", type: "button", onClick: close }, t("cancel")),
      vh("button", { class: "btn danger", id: "confirm-quit", type: "button", ref: first, onClick: () => void api.quit() }, t("quitAnyway")),
    ),
  );
}
