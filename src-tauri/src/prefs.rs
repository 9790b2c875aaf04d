//! Commands of Settings → Preferences and of the window's life: language, quiet successes,
//! start at login, the logs folder, the section a new window opens on, and Quit.
use desk::settings::Language;
use desk::Why;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_autostart::ManagerExt;
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use crate::error::Error;
use crate::state::AppState;

/// What Preferences shows.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Prefs {
    /// The chosen language; `None` follows the system.
    language: Option<Language>,
    /// The language in use (chosen or the system's).
    effective_language: Language,
    /// The system's locale (`fr_CA.UTF-8`, `de-AT`): dates and money follow its country.
    system_locale: String,
    quiet_successes: bool,
    start_at_login: bool,
    /// Whether the home asked "start when you log in?" and was answered.
    login_asked: bool,
    logs_folder: Option<String>,
}

/// A change from Preferences; absent fields are left as they are.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PrefsChange {
    #[ts(optional)]
    quiet_successes: Option<bool>,
    #[ts(optional)]
    start_at_login: Option<bool>,
    #[ts(optional)]
    login_asked: Option<bool>,
}

#[tauri::command]
pub(crate) fn settings<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Prefs {
    let s = state.settings();
    Prefs {
        language: s.chosen_language(),
        effective_language: state.language(),
        system_locale: desk::settings::system_language(),
        quiet_successes: s.quiet_successes,
        start_at_login: app.autolaunch().is_enabled().unwrap_or(false),
        login_asked: s.login_asked,
        logs_folder: app
            .path()
            .app_log_dir()
            .ok()
            .map(|d| d.display().to_string()),
    }
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) fn update_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    change: PrefsChange,
) -> Result<Prefs, Error> {
    if let Some(on) = change.start_at_login {
        let autostart = app.autolaunch();
        let done = if on {
            autostart.enable()
        } else {
            autostart.disable()
        };
        done.map_err(|e| {
            Error::System(Why::StartAtLogin {
                detail: e.to_string(),
            })
        })?;
        #[cfg(windows)]
        if on {
            quote_run_entry().map_err(|e| {
                Error::System(Why::StartAtLogin {
                    detail: e.to_string(),
                })
            })?;
        }
    }
    state
        .update_settings(|s| {
            if let Some(q) = change.quiet_successes {
                s.quiet_successes = q;
            }
            if let Some(asked) = change.login_asked {
                s.login_asked = asked;
            }
            // Choosing in Preferences answers the home's question too.
            if change.start_at_login.is_some() {
                s.login_asked = true;
            }
        })
        .map_err(|e| {
            Error::System(Why::SettingsNotSaved {
                detail: e.to_string(),
            })
        })?;
    crate::tray::refresh_menu(&app);
    Ok(settings(app, state))
}

/// Chooses the window's, the tray's and the notifications' language; `None` follows the system
/// (kept as such, so a later change of the system's language is followed).
#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) fn set_language<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    language: Option<Language>,
) -> Result<Prefs, Error> {
    state
        .update_settings(|s| s.choose_language(language))
        .map_err(|e| {
            Error::System(Why::SettingsNotSaved {
                detail: e.to_string(),
            })
        })?;
    // The state line is worded again in the new language (from the shared lists, no new read).
    crate::tray::follow(&app);
    Ok(settings(app, state))
}

/// The section a window opened from the tray starts on (once).
#[tauri::command]
pub(crate) fn take_section(state: State<'_, AppState>) -> Option<crate::events::Target> {
    state.pending_section.lock().expect("section lock").take()
}

#[tauri::command]
pub(crate) fn open_logs_folder<R: Runtime>(app: AppHandle<R>) -> Result<(), Error> {
    let dir = app.path().app_log_dir().map_err(|e| {
        Error::System(Why::NoLogsFolder {
            detail: e.to_string(),
        })
    })?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        Error::System(Why::FolderNotCreated {
            path: dir.display().to_string(),
            detail: e.to_string(),
        })
    })?;
    app.opener()
        .open_path(dir.display().to_string(), None::<&str>)
        .map_err(|e| {
            Error::System(Why::FolderNotOpened {
                path: dir.display().to_string(),
                detail: e.to_string(),
            })
        })
}

/// Quits for real (the tray's Quit, confirmed in the window).
#[tauri::command]
pub(crate) fn quit<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}

/// Closes the window (Ctrl+W): the app stays in the tray, the webview goes away.
#[tauri::command]
pub(crate) fn close_window<R: Runtime>(app: AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.close();
    }
}

/// The autostart plugin writes the Run value as `path args` without quotes; the installed path
/// holds a space (`…\Programs\Backup Desk\…`), which Windows then resolves by trying
/// `…\Programs\Backup` first. The value is written again with the path quoted.
#[cfg(windows)]
fn quote_run_entry() -> std::io::Result<()> {
    let exe = std::env::current_exe()?;
    windows_registry::CURRENT_USER
        .create(r"Software\Microsoft\Windows\CurrentVersion\Run")
        .and_then(|key| {
            key.set_string(
                crate::AUTOSTART_NAME,
                format!("\"{}\" {}", exe.display(), crate::HIDDEN_ARG),
            )
        })
        .map_err(std::io::Error::from)
}
