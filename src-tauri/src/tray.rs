//! The tray icon: its tooltip tells whether everything is protected; its menu opens the window,
//! starts a backup, or quits. Closing the window leaves the app here, still watching.
use desk::automatic::{Covered, Protection};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::events;

const TRAY_ID: &str = "main";
const MENU_OPEN: &str = "open";
const MENU_BACKUP: &str = "backup";
const MENU_QUIT: &str = "quit";

/// The menu: Open, "Back up an instance…", the last few events (for reading), Quit.
fn menu<R: Runtime>(app: &AppHandle<R>, recent: &[String]) -> tauri::Result<Menu<R>> {
    let menu = Menu::new(app)?;
    menu.append(&MenuItem::with_id(
        app,
        MENU_OPEN,
        "Open Backup Desk",
        true,
        None::<&str>,
    )?)?;
    menu.append(&MenuItem::with_id(
        app,
        MENU_BACKUP,
        "Back up an instance…",
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
        "Quit",
        true,
        None::<&str>,
    )?)?;
    Ok(menu)
}

/// Builds the tray icon and its menu.
pub fn create_tray<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let menu = menu(app, &[])?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .menu(&menu)
        .tooltip("Backup Desk");
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder
        .on_menu_event(|app, event| match event.id.as_ref() {
            MENU_OPEN => show(app, None),
            MENU_BACKUP => show(app, Some("instances")),
            MENU_QUIT => app.exit(0),
            _ => {}
        })
        .build(app)?;
    Ok(())
}

/// Shows and focuses the window, optionally on a section.
pub fn show<R: Runtime>(app: &AppHandle<R>, section: Option<&str>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    if let Some(section) = section {
        let _ = app.emit(events::NAVIGATE, section);
    }
}

/// The tooltip for the overview: all protected, or how many need attention.
pub fn summary(rows: &[Covered]) -> String {
    let attention = rows
        .iter()
        .filter(|r| r.protection != Protection::Ok)
        .count();
    match attention {
        0 => format!("Backup Desk — all {} instances protected", rows.len()),
        1 => "Backup Desk — 1 instance needs attention".to_string(),
        n => format!("Backup Desk — {n} instances need attention"),
    }
}

/// Shows the last few notifications in the tray menu, newest first.
pub fn show_recent<R: Runtime>(app: &AppHandle<R>, recent: &[String]) {
    if let (Some(tray), Ok(menu)) = (app.tray_by_id(TRAY_ID), menu(app, recent)) {
        let _ = tray.set_menu(Some(menu));
    }
}

/// Makes the tray reflect the latest overview.
pub fn reflect<R: Runtime>(app: &AppHandle<R>, rows: &[Covered]) {
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(summary(rows)));
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
        }
    }

    #[test]
    fn the_tooltip_says_what_needs_attention() {
        assert_eq!(
            summary(&[row(Protection::Ok), row(Protection::Ok)]),
            "Backup Desk — all 2 instances protected"
        );
        assert_eq!(
            summary(&[row(Protection::Ok), row(Protection::Unprotected)]),
            "Backup Desk — 1 instance needs attention"
        );
    }
}
