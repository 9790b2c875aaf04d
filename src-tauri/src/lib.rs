//! Backup Desk's Tauri shell: the only crate that knows about Tauri. It registers plugins, state
//! and commands, and translates between the webview and the domain (`desk`).
#![forbid(unsafe_code)]

mod account;
mod commands;
mod error;
mod events;
mod notify;
mod state;
mod tray;

use tauri::{Builder, Manager, RunEvent, Runtime, WindowEvent};

/// Registers everything the app needs on `builder`; tests pass `tauri::test::mock_builder()`.
pub fn build<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state::AppState::from_env())
        .invoke_handler(tauri::generate_handler![
            commands::session,
            commands::set_language,
            commands::list_projects,
            commands::list_instances,
            commands::backup_form,
            commands::create_backup,
            commands::list_backups,
            commands::delete_backups,
            commands::cancel_backup,
            commands::restore_options,
            commands::restore_in_place,
            commands::restore_new_instance,
            commands::auto_backup_form,
            commands::preview_schedule,
            commands::create_auto_backups,
            commands::list_workflows,
            commands::delete_workflows,
            commands::replace_workflow,
            commands::refresh_schedules,
            commands::protection_overview,
            account::account_status,
            account::account_info,
            account::endpoint_links,
            account::import_offer,
            account::import_account,
            account::connect_start,
            account::connect_wait,
            account::connect_cancel,
            account::save_keys,
            account::save_service_account,
            account::sign_out,
            account::open_page,
        ])
}

/// Creates the tray and keeps the app alive in it when the window is closed.
fn setup<R: Runtime>(app: &mut tauri::App<R>) -> Result<(), Box<dyn std::error::Error>> {
    // NOTE: without a tray there would be no way back to a hidden window, so the window only
    // hides on close when the tray exists.
    match tray::create_tray(app.handle()) {
        Ok(()) => {
            if let Some(window) = app.get_webview_window("main") {
                let hide = window.clone();
                window.on_window_event(move |event| {
                    if let WindowEvent::CloseRequested { api, .. } = event {
                        api.prevent_close();
                        let _ = hide.hide();
                    }
                });
            }
        }
        Err(e) => tracing::warn!("no tray icon: {e}"),
    }
    Ok(())
}

/// Starts the app.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,backup_desk=debug".into()),
        )
        .init();
    tracing::info!(zone = %desk::schedule::local_zone(), "Backup Desk starting");
    let app = match build(tauri::Builder::default())
        .setup(setup)
        .build(tauri::generate_context!())
    {
        Ok(app) => app,
        Err(e) => {
            tracing::error!("Backup Desk could not start: {e}");
            std::process::exit(1);
        }
    };
    app.run(|_, event| {
        // The last window closing is not a reason to stop watching backups: Quit in the tray is.
        if let RunEvent::ExitRequested {
            code: None, api, ..
        } = event
        {
            api.prevent_exit();
        }
    });
}
