//! Backup Desk's Tauri shell: the only crate that knows about Tauri. It registers plugins, state
//! and commands, and translates between the webview and the domain (`desk`).
#![forbid(unsafe_code)]

mod commands;
mod error;
mod events;
mod notify;
mod state;

use tauri::{Builder, Runtime};

/// Registers everything the app needs on `builder`; tests pass `tauri::test::mock_builder()`.
pub fn build<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_notification::init())
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
            commands::refresh_schedules,
            commands::protection_overview,
        ])
}

/// Starts the app.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,backup_desk=debug".into()),
        )
        .init();
    if let Err(e) = build(tauri::Builder::default()).run(tauri::generate_context!()) {
        tracing::error!("Backup Desk stopped: {e}");
        std::process::exit(1);
    }
}
