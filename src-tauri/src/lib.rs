//! Backup Desk's Tauri shell: the only crate that knows about Tauri. It registers plugins, state
//! and commands, and translates between the webview and the domain (`desk`).
// Denied, not forbidden: the exceptions are the Windows message box when the app cannot start
// and the Linux tray's indicator status (`tray::indicate`).
#![deny(unsafe_code)]

mod account;
mod commands;
#[cfg(test)]
mod contract;
mod error;
mod events;
mod logging;
mod notify;
mod prefs;
mod state;
mod tray;
mod words;

use tauri::{Builder, Manager, RunEvent, Runtime};
use tauri_plugin_window_state::StateFlags;

/// What the window-state plugin remembers: everything but whether the window is shown, which
/// is the app's decision.
pub(crate) const WINDOW_STATE: StateFlags = StateFlags::all().difference(StateFlags::VISIBLE);

/// When the process started, for the "first screen" figure the desktop benchmark reads.
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
static FIRST_SCREEN: std::sync::Once = std::sync::Once::new();

/// Logs, once, how long from process start until the first screen's data was handed to the
/// window (the overview command's return: drawing it is not included).
pub(crate) fn first_screen_served() {
    FIRST_SCREEN.call_once(|| {
        if let Some(t) = STARTED.get() {
            tracing::info!(
                ms = t.elapsed().as_millis() as u64,
                "first screen data served"
            );
        }
    });
}

/// The argument autostart launches the app with: start in the tray, no window.
pub const HIDDEN_ARG: &str = "--hidden";

/// The login entry's name (the Windows Run value the uninstaller removes). A development build
/// never replaces the installed app's entry.
pub const AUTOSTART_NAME: &str = if cfg!(debug_assertions) {
    "Backup Desk (development)"
} else {
    "Backup Desk"
};

/// Registers everything the app needs on `builder`.
pub fn build<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        // First, so a second launch stops before anything else starts.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(state::instance_id())
                .callback(|app, _args, _cwd| tray::show(app, None))
                .build(),
        )
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(WINDOW_STATE)
                .build(),
        )
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .args([HIDDEN_ARG])
                .app_name(AUTOSTART_NAME)
                .build(),
        )
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state::AppState::from_env())
        .invoke_handler(tauri::generate_handler![
            commands::session,
            commands::list_projects,
            commands::list_instances,
            commands::backup_form,
            commands::create_backup,
            commands::list_backups,
            commands::delete_backups,
            commands::cancel_backup,
            commands::delete_backup_part,
            commands::restore_backup_part,
            commands::restore_options,
            commands::rehearsal_form,
            commands::start_rehearsal,
            commands::latest_backup,
            commands::set_monthly_rehearsal,
            commands::restore_in_place,
            commands::restore_new_instance,
            commands::auto_backup_form,
            commands::preview_schedule,
            commands::create_auto_backups,
            commands::list_workflows,
            commands::delete_workflows,
            commands::workflow_backups,
            commands::price_country,
            commands::check_account,
            commands::unreadable_count,
            commands::save_check_report,
            commands::choose_price_country,
            commands::replace_workflow,
            commands::refresh,
            commands::refresh_schedules,
            commands::protection_overview,
            account::account_status,
            account::account_info,
            account::endpoint_links,
            account::import_offer,
            account::import_account,
            account::connect_start,
            account::sign_in,
            account::connect_wait,
            account::allow_rehearsals,
            account::connect_cancel,
            account::save_keys,
            account::save_service_account,
            account::sign_out,
            account::open_page,
            prefs::settings,
            prefs::update_settings,
            prefs::set_language,
            prefs::take_section,
            prefs::open_logs_folder,
            prefs::quit,
            prefs::close_window,
        ])
}

/// Logs, settings, the tray, and the window unless the app was started in the tray.
fn setup<R: Runtime>(app: &mut tauri::App<R>) -> Result<(), Box<dyn std::error::Error>> {
    logging::init(app.path().app_log_dir().ok());
    tracing::info!(zone = %desk::schedule::local_zone(), version = env!("CARGO_PKG_VERSION"), "Backup Desk starting");
    let state = app.state::<state::AppState>();
    state.send_notices_to(notify::sink(app.handle().clone()));
    match app.path().app_config_dir() {
        Ok(dir) => state.load_settings(desk::settings::Store::in_dir(&dir)),
        Err(e) => tracing::warn!("no config directory, settings won't be kept: {e}"),
    }
    // NOTE: without a tray there would be no way back to a closed window, so the app only lives
    // on in the tray when the tray exists.
    match tray::create_tray(app.handle()) {
        Ok(()) => state.tray.store(true, std::sync::atomic::Ordering::Relaxed),
        Err(e) => tracing::warn!("no tray icon: {e}"),
    }
    // Opens the session now, window or not: a login start in the tray tracks backups left in
    // progress and watches scheduled runs from the start, and the tray knows the state.
    tray::follow(app.handle());
    let hidden = std::env::args().any(|a| a == HIDDEN_ARG);
    if hidden && state.has_tray() {
        tracing::info!("started in the tray, without a window");
    } else if let Err(e) = tray::create_window(app.handle()) {
        // Tauri panics on a failed setup hook: say why first, where the user sees it (a missing
        // WebView2 runtime on Windows), then stop.
        cannot_start(&e.to_string());
        std::process::exit(1);
    }
    Ok(())
}

/// Says why the app could not start where the user will see it: a message box on Windows (a
/// GUI app there has no console, and the usual cause, a missing WebView2 runtime, has a fix),
/// standard error elsewhere.
fn cannot_start(detail: &str) {
    tracing::error!("could not start: {detail}");
    eprintln!("Backup Desk could not start: {detail}");
    #[cfg(windows)]
    {
        // The settings are not read yet: the system's language.
        let lang =
            desk::settings::Settings::default().language_or(&desk::settings::system_language());
        let title = words::text(lang, "desktop-cannotStartTitle", &[]);
        let text = words::text(
            lang,
            "desktop-cannotStartBody",
            &[("detail", words::Arg::Text(detail))],
        );
        let wide = |s: &str| s.encode_utf16().chain(Some(0)).collect::<Vec<u16>>();
        let (title, text) = (wide(&title), wide(&text));
        // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; no owner window.
        #[allow(unsafe_code)]
        unsafe {
            windows_sys::Win32::UI::WindowsAndMessaging::MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                title.as_ptr(),
                windows_sys::Win32::UI::WindowsAndMessaging::MB_OK
                    | windows_sys::Win32::UI::WindowsAndMessaging::MB_ICONERROR,
            );
        }
    }
}

/// Keeps GTK from loading the GL driver when a start in the tray opens the display: on X11 it
/// does so to choose a visual for GL windows, mapping Mesa and LLVM (some 30 MB) into a process
/// that shows no window. A window opened later from the tray still draws (WebKit brings its own
/// GL). Only for tray starts: with a window, `GDK_GL=disable` stalled WebDriver (issue 17), and so
/// did WebKit's own "no hardware acceleration" setting in the language walk. Runs before GTK
/// starts and before any thread; a `GDK_GL` the user set is left alone.
#[cfg(all(unix, not(target_os = "macos")))]
fn without_gtk_gl() {
    let hidden = std::env::args().any(|a| a == HIDDEN_ARG);
    if hidden && std::env::var_os("GDK_GL").is_none() {
        std::env::set_var("GDK_GL", "disable");
    }
}

/// Starts the app.
pub fn run() {
    let _ = STARTED.set(std::time::Instant::now());
    #[cfg(all(unix, not(target_os = "macos")))]
    without_gtk_gl();
    let app = match build(tauri::Builder::default())
        .setup(setup)
        .build(tauri::generate_context!())
    {
        Ok(app) => app,
        Err(e) => {
            cannot_start(&e.to_string());
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        // The last window closing is not a reason to stop watching backups: Quit in the tray is.
        if let RunEvent::ExitRequested {
            code: None, api, ..
        } = event
        {
            if app.state::<state::AppState>().has_tray() {
                api.prevent_exit();
            }
        }
    });
}
