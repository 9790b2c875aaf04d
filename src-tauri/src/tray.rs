//! The tray icon: its first menu line, its tooltip and its icon (an orange "!" when something
//! needs attention) tell whether everything is protected (Linux panels show no tooltip), worked
//! out at start — in the tray alone too — and again after each backup ends or scheduled run is
//! told; its menu opens the window, starts a backup, lists the last notifications, or quits,
//! and says while the app does not start at login (scheduled runs are then told only while it
//! runs). On Linux, its StatusNotifierItem is titled "Backup Desk" and needs attention with it.
//! Closing the window destroys it (and its WebKit processes) and leaves the app here, still
//! tracking and watching; opening creates it again.
use std::collections::VecDeque;
use std::sync::Mutex;

use desk::automatic::{Covered, Protection};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_autostart::ManagerExt;
use tauri_plugin_window_state::AppHandleExt;

use crate::events::{self, Section, Target};
use crate::state::AppState;
use crate::words::{self, Arg};
use desk::settings::Language;

const TRAY_ID: &str = "main";
const MENU_OPEN: &str = "open";
const MENU_BACKUP: &str = "backup";
const MENU_QUIT: &str = "quit";
const MENU_LOGIN: &str = "login";
/// How many past notifications the menu lists.
const RECENT: usize = 5;

/// What the tray shows beyond its fixed items; only this module reads or writes it.
#[derive(Default)]
struct Memory {
    /// The protection state in words, once worked out.
    state: Mutex<Option<String>>,
    /// The last notifications' titles, newest first.
    recent: Mutex<VecDeque<String>>,
}

/// The menu's words in `lang`: Open, Back up, Quit.
fn labels(lang: Language) -> [String; 3] {
    ["desktop-trayOpen", "desktop-trayBackup", "desktop-trayQuit"]
        .map(|id| words::text(lang, id, &[]))
}

/// The menu: the protection state (for reading), Open, "Back up an instance…", the last few
/// events (for reading), Quit.
fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let [open, backup, quit] = labels(app.state::<AppState>().language());
    let memory = app.state::<Memory>();
    let state = memory.state.lock().expect("tray lock").clone();
    let recent: Vec<String> = memory
        .recent
        .lock()
        .expect("tray lock")
        .iter()
        .cloned()
        .collect();
    let menu = Menu::new(app)?;
    if let Some(state) = state {
        menu.append(&MenuItem::with_id(
            app,
            "state",
            state,
            false,
            None::<&str>,
        )?)?;
        menu.append(&PredefinedMenuItem::separator(app)?)?;
    }
    // Scheduled runs are told only while the app runs: say so while it does not start at login,
    // and lead to where it is turned on.
    if !app.autolaunch().is_enabled().unwrap_or(true) {
        let lang = app.state::<AppState>().language();
        menu.append(&MenuItem::with_id(
            app,
            MENU_LOGIN,
            words::text(lang, "desktop-trayLoginOff", &[]),
            true,
            None::<&str>,
        )?)?;
        menu.append(&PredefinedMenuItem::separator(app)?)?;
    }
    menu.append(&MenuItem::with_id(
        app,
        MENU_OPEN,
        open,
        true,
        None::<&str>,
    )?)?;
    menu.append(&MenuItem::with_id(
        app,
        MENU_BACKUP,
        backup,
        true,
        None::<&str>,
    )?)?;
    if !recent.is_empty() {
        menu.append(&PredefinedMenuItem::separator(app)?)?;
        for (i, text) in recent.iter().enumerate() {
            menu.append(&MenuItem::with_id(
                app,
                format!("recent-{i}"),
                text,
                false,
                None::<&str>,
            )?)?;
        }
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&MenuItem::with_id(
        app,
        MENU_QUIT,
        quit,
        true,
        None::<&str>,
    )?)?;
    Ok(menu)
}

/// Builds the tray icon and its menu.
pub fn create_tray<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    app.manage(Memory::default());
    let menu = menu(app)?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .menu(&menu)
        .title("Backup Desk")
        .tooltip("Backup Desk");
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder
        .on_menu_event(|app, event| match event.id.as_ref() {
            MENU_OPEN => show(app, None),
            MENU_BACKUP => show(app, Some(Section::Instances.into())),
            MENU_QUIT => quit(app),
            MENU_LOGIN => show(app, Some(Section::Preferences.into())),
            _ => {}
        })
        .build(app)?;
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        indicate(&tray, false);
    }
    Ok(())
}

/// Linux panels read the tray as a StatusNotifierItem: its `Title` says "Backup Desk" (not the
/// program's name) and its `Status` is `NeedsAttention` while something failed, so a shell can
/// draw attention to it. Tauri and tray-icon set neither; the indicator is reached through
/// tray-icon's own pointer.
#[cfg(all(unix, not(target_os = "macos")))]
#[allow(unsafe_code)]
fn indicate<R: Runtime>(tray: &tauri::tray::TrayIcon<R>, attention: bool) {
    use libappindicator::AppIndicatorStatus;
    let done = tray.with_inner_tray_icon(move |inner| {
        // SAFETY: tray-icon keeps the pointer valid while `inner` lives, and this runs on the
        // main thread, where tray-icon uses it. A bitwise copy of the wrapper (one raw pointer,
        // no `Drop`) calls the C library without a second reference to tray-icon's value.
        let mut indicator = unsafe { std::ptr::read(inner.app_indicator()) };
        indicator.set_title("Backup Desk");
        indicator.set_status(if attention {
            AppIndicatorStatus::Attention
        } else {
            AppIndicatorStatus::Active
        });
    });
    if let Err(e) = done {
        tracing::warn!("the tray's status is not set: {e}");
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn indicate<R: Runtime>(_: &tauri::tray::TrayIcon<R>, _: bool) {}

/// Quits, unless a backup is being requested this very moment: then the window asks first.
fn quit<R: Runtime>(app: &AppHandle<R>) {
    let busy = app
        .state::<AppState>()
        .current_session()
        .is_some_and(|s| s.creating_now());
    if busy {
        show(app, None);
        let _ = app.emit(events::CONFIRM_QUIT, ());
    } else {
        app.exit(0);
    }
}

/// Shows and focuses the window (creating it again if it was closed), optionally on a section.
pub fn show<R: Runtime>(app: &AppHandle<R>, target: Option<Target>) {
    match app.get_webview_window("main") {
        Some(window) => {
            let _ = window.show();
            let _ = window.unminimize();
            let _ = window.set_focus();
            if let Some(target) = target {
                let _ = app.emit(events::NAVIGATE, target);
            }
        }
        None => {
            // A new window asks for its first section when it starts (`take_section`).
            *app.state::<AppState>()
                .pending_section
                .lock()
                .expect("section lock") = target;
            if let Err(e) = create_window(app) {
                tracing::error!("cannot open the window: {e}");
            }
        }
    }
}

/// The main window, from `tauri.conf.json` (where `create` is false so that a start in the tray
/// creates none). The window-state plugin puts it back where the user left it.
pub fn create_window<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") else {
        return Err(tauri::Error::WindowNotFound);
    };
    let window = tauri::WebviewWindowBuilder::from_config(app, config)?.build()?;
    let _ = window.set_focus();
    // The plugin writes its file only when the app exits, and an app living in the tray may
    // be ended by a logout instead: write it as soon as the window is gone.
    let handle = app.clone();
    window.on_window_event(move |event| {
        if let tauri::WindowEvent::Destroyed = event {
            if let Err(e) = handle.save_window_state(crate::WINDOW_STATE) {
                tracing::warn!("window size and position not saved: {e}");
            }
        }
    });
    Ok(())
}

/// The tooltip for the overview, saying what the overview's summary says first: how many need
/// attention, else how many have no automatic backup, else that all are protected.
pub fn summary(rows: &[Covered], lang: Language) -> String {
    let count = |p: Protection| rows.iter().filter(|r| r.protection == p).count();
    let (warn, none) = (count(Protection::Warning), count(Protection::Unprotected));
    let (id, n) = match (warn, none) {
        (0, 0) => ("desktop-trayAllProtected", rows.len()),
        (0, n) => ("desktop-trayUnscheduled", n),
        (n, _) => ("desktop-trayAttention", n),
    };
    words::text(lang, id, &[("count", Arg::Count(n))])
}

/// Rebuilds the menu (after a language change or a new line).
pub fn refresh_menu<R: Runtime>(app: &AppHandle<R>) {
    if app.try_state::<Memory>().is_none() {
        return;
    }
    if let (Some(tray), Ok(menu)) = (app.tray_by_id(TRAY_ID), menu(app)) {
        let _ = tray.set_menu(Some(menu));
    }
}

/// Lists a notification's title in the menu, newest first.
pub fn remember<R: Runtime>(app: &AppHandle<R>, title: &str) {
    let Some(memory) = app.try_state::<Memory>() else {
        return;
    };
    {
        let mut recent = memory.recent.lock().expect("tray lock");
        recent.push_front(title.to_string());
        recent.truncate(RECENT);
    }
    refresh_menu(app);
}

/// Works the protection state out again in the background and shows it: at start, with or
/// without a window (which also opens the session, so its tracking and watching begin), and
/// after a backup ended or a scheduled run was told. The lists it reads are the window's
/// shared ones, so a window reading them at the same time costs no second request.
pub fn follow<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let rows = match state.session(&app).await {
            Ok(session) => session.overview().await,
            Err(e) => Err(e),
        };
        match rows {
            Ok(rows) => reflect(&app, &rows),
            Err(e) => tracing::info!("the tray's protection state is not known: {e}"),
        }
    });
}

/// Makes the tray reflect the latest overview.
pub fn reflect<R: Runtime>(app: &AppHandle<R>, rows: &[Covered]) {
    let Some(memory) = app.try_state::<Memory>() else {
        return;
    };
    let line = summary(rows, app.state::<AppState>().language());
    let changed = {
        let mut state = memory.state.lock().expect("tray lock");
        let changed = state.as_deref() != Some(line.as_str());
        *state = Some(line.clone());
        changed
    };
    // Instances without a schedule are said in the tooltip; the icon changes for what went wrong.
    let attention = rows.iter().any(|r| r.protection == Protection::Warning);
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(&line));
        indicate(&tray, attention);
        if changed {
            let _ = tray.set_icon(if attention {
                Some(tauri::include_image!("../icons/tray-attention.png"))
            } else {
                app.default_window_icon().cloned()
            });
        }
    }
    if changed {
        let icon = if attention { "attention" } else { "calm" };
        tracing::info!(state = %line, icon = %icon, "tray");
        refresh_menu(app);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(p: Protection) -> Covered {
        Covered {
            project_id: "p".into(),
            project_name: "P".into(),
            instance_id: "i".into(),
            instance_name: "web".into(),
            region: "GRA11".into(),
            metal: false,
            workflow: None,
            schedule: None,
            last_good_backup: None,
            protection: p,
            attention: None,
            failure: None,
        }
    }

    #[test]
    fn the_tooltip_says_what_the_overview_says_first() {
        use Protection::{Ok, Unprotected, Warning};
        let summary_of = |ps: &[Protection], lang| {
            summary(&ps.iter().map(|p| row(*p)).collect::<Vec<_>>(), lang)
        };
        assert_eq!(
            summary_of(&[Ok, Ok], Language::En),
            "Backup Desk — all 2 instances protected"
        );
        assert_eq!(
            summary_of(&[Ok, Unprotected, Unprotected], Language::En),
            "Backup Desk — 2 instances without automatic backup"
        );
        assert_eq!(
            summary_of(&[Warning, Unprotected, Unprotected], Language::En),
            "Backup Desk — 1 instance needs attention",
            "a failed or overdue schedule is said before instances without one"
        );
        assert_eq!(
            summary_of(&[Warning, Warning, Unprotected], Language::Fr),
            "Backup Desk — 2 instances demandent votre attention"
        );
        assert_eq!(
            summary_of(&[Unprotected], Language::De),
            "Backup Desk — 1 Instanz ohne automatisches Backup"
        );
    }
}
