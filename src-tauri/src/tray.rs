//! The tray icon: its first menu lines, its tooltip and its icon tell what is under way
//! ("Backing up api-gateway…", a working badge) and whether everything is protected ("⚠
//! db-primary: the last automatic backup failed", an attention badge; "✓ All 13 instances
//! protected"). Linux panels show no tooltip, so the menu says it too. The state is worked out at
//! start — in the tray alone too — again after each backup ends or scheduled run is told, and
//! follows the tracker as backups move. Its menu opens the window, starts a backup, lists the
//! last notifications, or quits, and says while the app does not start at login (scheduled runs
//! are then told only while it runs). On Linux, its StatusNotifierItem is titled "Backup Desk"
//! and needs attention with it. Closing the window destroys it (and its WebKit processes) and
//! leaves the app here, still tracking and watching; opening creates it again.
use std::collections::VecDeque;
use std::sync::Mutex;

use desk::automatic::{Attention, Covered, Protection};
use desk::journal::{Kind, Tracked};
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
    /// The last overview, once worked out.
    rows: Mutex<Option<Vec<Covered>>>,
    /// What is under way.
    work: Mutex<Work>,
    /// The state lines and mood last shown, so that an unchanged state changes nothing.
    shown: Mutex<Option<(Vec<String>, Mood)>>,
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
    let lines = memory
        .shown
        .lock()
        .expect("tray lock")
        .as_ref()
        .map(|(lines, _)| lines.clone())
        .unwrap_or_default();
    let recent: Vec<String> = memory
        .recent
        .lock()
        .expect("tray lock")
        .iter()
        .cloned()
        .collect();
    let menu = Menu::new(app)?;
    for (i, line) in lines.iter().enumerate() {
        menu.append(&MenuItem::with_id(
            app,
            format!("state-{i}"),
            line,
            false,
            None::<&str>,
        )?)?;
    }
    if !lines.is_empty() {
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

/// What the tray's icon and its StatusNotifierItem's status show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mood {
    /// A backup or a restore is under way: the icon says so while it lasts, the user having
    /// just started it.
    working: bool,
    /// A scheduled run failed or is overdue: the item's status (which panels draw as such)
    /// and, when nothing is under way, the icon.
    attention: bool,
}

impl Mood {
    fn icon(self) -> &'static str {
        match (self.working, self.attention) {
            (true, _) => "working",
            (false, true) => "attention",
            (false, false) => "calm",
        }
    }
}

/// What is under way, by instance name: backups (a restore's safety backup too) and restores.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Work {
    backups: Vec<String>,
    restores: Vec<String>,
}

impl Work {
    fn of(tracked: &[Tracked]) -> Self {
        let mut work = Work::default();
        for t in tracked {
            let list = match t.kind {
                Kind::Backup | Kind::SafetyBackup { .. } => &mut work.backups,
                Kind::Rebuild { .. } | Kind::Build | Kind::VolumeRestore { .. } => {
                    &mut work.restores
                }
            };
            if !list.contains(&t.instance_name) {
                list.push(t.instance_name.clone());
            }
        }
        work
    }
}

/// The tray's state lines, first what is under way ("Backing up api-gateway…"), then whether
/// the instances are protected: the failing one by name when there is one ("⚠ db-primary: the
/// last automatic backup failed"), else how many need attention, else how many have no
/// automatic backup, else "✓ All 13 instances protected". `rows` is `None` until the overview
/// was first worked out.
fn state_lines(rows: Option<&[Covered]>, work: &Work, lang: Language) -> (Vec<String>, Mood) {
    let doing = |id: &str, names: &[String]| {
        let first = names.first().map(String::as_str).unwrap_or_default();
        let args = [
            ("count", Arg::Count(names.len())),
            ("instance", Arg::Text(first)),
        ];
        words::text(lang, id, &args)
    };
    let mut lines = Vec::new();
    if !work.backups.is_empty() {
        lines.push(doing("desktop-trayBackingUp", &work.backups));
    }
    if !work.restores.is_empty() {
        lines.push(doing("desktop-trayRestoring", &work.restores));
    }
    let mut mood = Mood {
        working: !lines.is_empty(),
        attention: false,
    };
    let Some(rows) = rows.filter(|r| !r.is_empty()) else {
        return (lines, mood);
    };
    let warned: Vec<&Covered> = rows
        .iter()
        .filter(|r| r.protection == Protection::Warning)
        .collect();
    let none = rows
        .iter()
        .filter(|r| r.protection == Protection::Unprotected)
        .count();
    let count = |id: &str, n: usize| words::text(lang, id, &[("count", Arg::Count(n))]);
    let line = match warned.as_slice() {
        [one] => {
            let id = match (one.attention, &one.failure) {
                (Some(Attention::Overdue), _) => "desktop-trayOverdue",
                (Some(Attention::RehearsalFailed), _) => "desktop-trayRehearsalFailed",
                (_, Some(f)) if f.quota => "desktop-trayFailedQuota",
                _ => "desktop-trayFailed",
            };
            let name = Arg::Text(&one.instance_name);
            format!("⚠ {}", words::text(lang, id, &[("instance", name)]))
        }
        [] if none > 0 => count("desktop-trayUnscheduled", none),
        [] => format!("✓ {}", count("desktop-trayAllProtected", rows.len())),
        many => format!("⚠ {}", count("desktop-trayAttention", many.len())),
    };
    mood.attention = !warned.is_empty();
    lines.push(line);
    (lines, mood)
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
    *memory.rows.lock().expect("tray lock") = Some(rows.to_vec());
    show_state(app);
}

/// Makes the tray reflect what is under way now: called when a backup or a restore starts,
/// moves or ends.
pub fn working<R: Runtime>(app: &AppHandle<R>, tracked: &[Tracked]) {
    let Some(memory) = app.try_state::<Memory>() else {
        return;
    };
    let work = Work::of(tracked);
    let changed = {
        let mut now = memory.work.lock().expect("tray lock");
        let changed = *now != work;
        *now = work;
        changed
    };
    if changed {
        show_state(app);
    }
}

/// Shows the state lines in the menu and the tooltip, and the mood in the icon and the status.
fn show_state<R: Runtime>(app: &AppHandle<R>) {
    let Some(memory) = app.try_state::<Memory>() else {
        return;
    };
    let (lines, mood) = {
        let rows = memory.rows.lock().expect("tray lock");
        let work = memory.work.lock().expect("tray lock");
        state_lines(rows.as_deref(), &work, app.state::<AppState>().language())
    };
    let changed = {
        let mut shown = memory.shown.lock().expect("tray lock");
        let changed = shown.as_ref() != Some(&(lines.clone(), mood));
        *shown = Some((lines.clone(), mood));
        changed
    };
    if !changed {
        return;
    }
    let tooltip = std::iter::once("Backup Desk")
        .chain(lines.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" — ");
    if let Some(tray) = app.tray_by_id(TRAY_ID) {
        let _ = tray.set_tooltip(Some(&tooltip));
        indicate(&tray, mood.attention);
        let _ = tray.set_icon(match mood.icon() {
            "working" => Some(tauri::include_image!("../icons/tray-working.png")),
            "attention" => Some(tauri::include_image!("../icons/tray-attention.png")),
            _ => app.default_window_icon().cloned(),
        });
    }
    tracing::info!(state = %lines.join(" | "), icon = %mood.icon(), "tray");
    refresh_menu(app);
}

#[cfg(test)]
mod tests {
    use super::*;
    use desk::automatic::RunFailure;

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
            project_suspended: false,
            rehearsal: None,
            unprotected_volumes: Vec::new(),
        }
    }

    fn warned(name: &str, attention: Attention, quota: bool) -> Covered {
        Covered {
            instance_name: name.into(),
            attention: Some(attention),
            failure: (attention == Attention::LastRunFailed)
                .then_some(RunFailure { ovh: None, quota }),
            ..row(Protection::Warning)
        }
    }

    fn work(backups: &[&str], restores: &[&str]) -> Work {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect();
        Work {
            backups: names(backups),
            restores: names(restores),
        }
    }

    const CALM: Mood = Mood {
        working: false,
        attention: false,
    };

    #[test]
    fn the_state_names_the_failing_instance_and_what_is_under_way() {
        use Protection::{Ok, Unprotected};
        let en = Language::En;
        let idle = Work::default();
        let lines = |rows: &[Covered], w: &Work, lang| state_lines(Some(rows), w, lang);
        assert_eq!(
            lines(&[row(Ok), row(Ok)], &idle, en),
            (vec!["✓ All 2 instances protected".to_string()], CALM)
        );
        assert_eq!(
            lines(&[row(Ok), row(Unprotected), row(Unprotected)], &idle, en),
            (
                vec!["2 instances without automatic backup".to_string()],
                CALM
            )
        );
        let failed = warned("db-primary", Attention::LastRunFailed, false);
        assert_eq!(
            lines(&[failed.clone(), row(Unprotected)], &idle, en),
            (
                vec!["⚠ db-primary: the last automatic backup failed".to_string()],
                Mood {
                    attention: true,
                    ..CALM
                }
            ),
            "a failure is said before instances without a schedule, by the instance's name"
        );
        assert_eq!(
            lines(
                &[warned("db-primary", Attention::LastRunFailed, true)],
                &idle,
                en
            )
            .0,
            ["⚠ db-primary: the last automatic backup failed, a limit (quota) is reached"]
        );
        assert_eq!(
            lines(&[warned("api", Attention::Overdue, false)], &idle, en).0,
            ["⚠ api: no automatic backup ran when planned"]
        );
        assert_eq!(
            lines(
                &[failed.clone(), warned("api", Attention::Overdue, false)],
                &idle,
                en
            )
            .0,
            ["⚠ 2 instances need attention"]
        );
        assert_eq!(
            lines(&[row(Ok)], &work(&["api-gateway"], &[]), en),
            (
                vec![
                    "Backing up api-gateway…".to_string(),
                    "✓ The instance is protected".to_string()
                ],
                Mood {
                    working: true,
                    ..CALM
                }
            )
        );
        assert_eq!(
            lines(
                std::slice::from_ref(&failed),
                &work(&["a", "b"], &["c"]),
                en
            ),
            (
                vec![
                    "Backing up 2 instances…".to_string(),
                    "Restoring c…".to_string(),
                    "⚠ db-primary: the last automatic backup failed".to_string()
                ],
                Mood {
                    working: true,
                    attention: true
                }
            ),
            "what is under way and what needs the user are both told"
        );
        assert_eq!(
            lines(&[failed], &work(&["web"], &[]), Language::Fr).0,
            [
                "Sauvegarde de web…",
                "⚠ db-primary : la dernière sauvegarde automatique a échoué"
            ]
        );
        assert_eq!(
            state_lines(None, &idle, en),
            (Vec::new(), CALM),
            "nothing is said before the overview is known"
        );
    }

    #[test]
    fn the_icon_shows_work_first_then_attention() {
        let icon = |working, attention| Mood { working, attention }.icon();
        assert_eq!(icon(true, true), "working");
        assert_eq!(icon(false, true), "attention");
        assert_eq!(icon(false, false), "calm");
    }

    #[test]
    fn work_counts_each_instance_once_by_kind() {
        let t = |kind: Kind, snapshot: &str, instance: &str| Tracked {
            kind,
            project_id: "p".into(),
            snapshot_id: snapshot.into(),
            name: "n".into(),
            instance_id: instance.into(),
            instance_name: instance.into(),
            region: "GRA11".into(),
            started_at: chrono::Utc::now(),
            parts: Vec::new(),
        };
        let tracked = [
            t(Kind::Backup, "s1", "web"),
            t(Kind::Backup, "s2", "web"),
            t(
                Kind::SafetyBackup {
                    restore_from: "s0".into(),
                    restore_name: "r".into(),
                },
                "s3",
                "db",
            ),
            t(Kind::Build, "s4", "new-web"),
        ];
        assert_eq!(Work::of(&tracked), work(&["web", "db"], &["new-web"]));
    }
}
