//! Desktop life: closing the window leaves the app in the tray with its webview gone; a second
//! launch brings the window back instead of starting another app; a start at login stays in the
//! tray; Preferences write the autostart entry and the settings; the window comes back at the
//! size the user left; the home asks once to start at login. The tray is read over D-Bus as a
//! desktop shell reads it: a StatusNotifierWatcher of the test's own, the item's `Title` and
//! `Status`, and its menu's layout (`com.canonical.dbusmenu`).
use std::time::Duration;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use e2e::{
    eventually, http, post_json, spare_port, web_processes, windows_titled, App, Profile, Result,
    PATIENCE,
};
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

const CTRL_W: &str = "\u{E009}w\u{E000}";

async fn window_count(expected: usize) -> Result<()> {
    eventually(PATIENCE, async || {
        let n = windows_titled("Backup Desk").await?;
        if n == expected {
            Ok(())
        } else {
            Err(format!("{n} \"Backup Desk\" windows, expected {expected}"))
        }
    })
    .await
}

/// A second launch hands over to the running app and exits.
async fn second_launch(profile: &Profile) -> Result<()> {
    let mut second = profile.launch(&[])?;
    let status = tokio::time::timeout(Duration::from_secs(60), second.wait())
        .await
        .map_err(|_| "the second launch did not hand over and exit".to_string())?
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("the second launch ended with {status}"));
    }
    Ok(())
}

/// A desktop shell's StatusNotifierWatcher: items register with it, it keeps who they are
/// (their bus name and object path).
#[derive(Clone, Default)]
struct Watcher {
    items: Arc<Mutex<Vec<(String, String)>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    async fn register_status_notifier_item(
        &self,
        service: &str,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        // An item names its bus name or, as libappindicator does, its object path.
        let (name, path) = if service.starts_with('/') {
            (sender, service.to_string())
        } else {
            (service.to_string(), "/StatusNotifierItem".to_string())
        };
        self.items.lock().unwrap().push((name, path));
    }

    fn register_status_notifier_host(&self, _service: &str) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        let items = self.items.lock().unwrap();
        items
            .iter()
            .map(|(name, path)| format!("{name}{path}"))
            .collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

impl Watcher {
    /// Takes the watcher's name on the session bus, before the app starts.
    async fn serve() -> Result<(Self, zbus::Connection)> {
        let watcher = Watcher::default();
        let conn = zbus::connection::Builder::session()
            .and_then(|b| b.name("org.kde.StatusNotifierWatcher"))
            .and_then(|b| b.serve_at("/StatusNotifierWatcher", watcher.clone()))
            .map_err(|e| e.to_string())?
            .build()
            .await
            .map_err(|e| format!("the watcher's name: {e}"))?;
        Ok((watcher, conn))
    }

    /// The tray as a shell reads it: its title, its status and its menu's labels, in order.
    async fn read(&self, conn: &zbus::Connection) -> Result<(String, String, Vec<String>)> {
        let Some((name, path)) = self.items.lock().unwrap().last().cloned() else {
            return Err("no tray item registered with the watcher".into());
        };
        let e = |e: zbus::Error| e.to_string();
        let item = zbus::Proxy::new(conn, name.clone(), path, "org.kde.StatusNotifierItem")
            .await
            .map_err(e)?;
        let title: String = item.get_property("Title").await.map_err(e)?;
        let status: String = item.get_property("Status").await.map_err(e)?;
        let menu: OwnedObjectPath = item.get_property("Menu").await.map_err(e)?;
        let menu = zbus::Proxy::new(conn, name, menu, "com.canonical.dbusmenu")
            .await
            .map_err(e)?;
        // The root item: its id, its properties and its children, each a variant of the same.
        type Root = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);
        let (_revision, (_id, _props, children)): (u32, Root) = menu
            .call("GetLayout", &(0i32, -1i32, Vec::<String>::new()))
            .await
            .map_err(e)?;
        let mut labels = Vec::new();
        children.iter().for_each(|c| collect_labels(c, &mut labels));
        Ok((title, status, labels))
    }
}

/// Every `label` in a dbusmenu layout, depth first: the menu's lines in order.
fn collect_labels(v: &Value<'_>, out: &mut Vec<String>) {
    match v {
        Value::Value(inner) => collect_labels(inner, out),
        Value::Structure(s) => s.fields().iter().for_each(|f| collect_labels(f, out)),
        Value::Array(a) => a.iter().for_each(|f| collect_labels(f, out)),
        Value::Dict(d) => {
            for (k, v) in d.iter() {
                match (k, v) {
                    (Value::Str(k), Value::Value(label)) if k.as_str() == "label" => {
                        if let Value::Str(text) = &**label {
                            out.push(text.to_string());
                        }
                    }
                    _ => collect_labels(v, out),
                }
            }
        }
        _ => {}
    }
}

/// These tests count the windows on the shared display: they run one at a time.
static DISPLAY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn closing_keeps_the_app_in_the_tray_without_its_webview() {
    let _display = DISPLAY.lock().await;
    let app = App::start("close-to-tray").await.expect("the app starts");
    let outcome: Result<()> = async {
        app.find_text("Demo cloud").await?;
        window_count(1).await?;
        let with_window = web_processes().await;
        // The window goes away while the keys are being sent, so WebDriver may report an error.
        let _ = app.press(CTRL_W).await;
        window_count(0).await?;
        let without = eventually(PATIENCE, async || {
            let n = web_processes().await;
            if n < with_window {
                Ok(n)
            } else {
                Err(format!(
                    "{n} WebKit web processes still run ({with_window} with the window)"
                ))
            }
        })
        .await?;
        println!("WebKit web processes: {with_window} with the window, {without} in the tray");
        if !app.profile.logs().contains("Backup Desk starting") {
            return Err("the app's log file is missing".into());
        }
        // The app is still there: launching it again brings the window back.
        second_launch(&app.profile).await?;
        window_count(1).await?;
        Ok(())
    }
    .await;
    let _ = tokio::process::Command::new("pkill")
        .args(["-f", &e2e::app_binary().display().to_string()])
        .status()
        .await;
    app.close().await;
    outcome.unwrap();
}

/// The tray as the shell reads it, once its first line holds `first` with
/// `status`; the menu's lines otherwise.
async fn shell_reads(
    watcher: &Watcher,
    bus: &zbus::Connection,
    status: &str,
    first: &str,
    patience: Duration,
) -> Result<Vec<String>> {
    eventually(patience, async || {
        let (title, now, labels) = watcher.read(bus).await?;
        if title == "Backup Desk"
            && now == status
            && labels.first().is_some_and(|l| l.contains(first))
        {
            Ok(labels)
        } else {
            Err(format!("the shell reads {title:?}, {now:?}, {labels:?}"))
        }
    })
    .await
}

/// Moves the demo cloud's clock by `seconds` and returns its time of day in seconds.
async fn advance(port: u16, seconds: i64) -> Result<i64> {
    let body = format!(r#"{{"seconds": {seconds}}}"#);
    let (status, answer) = http(port, "POST", "/_sim/advance", "application/json", &body).await?;
    let answer: serde_json::Value = serde_json::from_str(&answer).map_err(|e| e.to_string())?;
    let time = answer["worldTime"].as_str().unwrap_or_default();
    let clock: Vec<i64> = time
        .get(11..19)
        .unwrap_or_default()
        .split(':')
        .filter_map(|n| n.parse().ok())
        .collect();
    match (status, clock.as_slice()) {
        (200, [h, m, s]) => Ok(h * 3600 + m * 60 + s),
        _ => Err(format!("the demo cloud's clock: HTTP {status}, {answer}")),
    }
}

/// Started at login, the app stays in the tray, and the tray follows the scheduled runs with no
/// window: a shell sees db-primary's failed run, then all well once the next night's runs
/// succeeded, then the failure of web-frontend-1's run, by name and as `NeedsAttention`.
#[tokio::test]
async fn a_start_at_login_stays_in_the_tray_until_opened() {
    let _display = DISPLAY.lock().await;
    let (watcher, bus) = Watcher::serve().await.unwrap();
    let profile = Profile::new("hidden").unwrap();
    let port = spare_port();
    let env = [
        ("BACKUP_DESK_DEMO_PORT", port.to_string()),
        // A fixed winter noon: db-primary's last nightly run is the failed one.
        ("BACKUP_DESK_DEMO_NOW", "2026-01-14T12:00:00Z".to_string()),
    ];
    let mut first = profile.launch_with(&["--hidden"], &env).unwrap();
    let outcome: Result<()> = async {
        eventually(PATIENCE, async || {
            if profile.logs().contains("started in the tray") {
                Ok(())
            } else {
                Err("the app did not log its start in the tray".to_string())
            }
        })
        .await?;
        if windows_titled("Backup Desk").await? != 0 {
            return Err("a start at login opened a window".into());
        }
        // With no window asking, the session opens and the tray works the state out.
        let failed = "⚠ db-primary: the last automatic backup failed";
        let labels = shell_reads(&watcher, &bus, "NeedsAttention", failed, PATIENCE).await?;
        // The test's profile has no login entry: the menu says what that misses.
        if !labels
            .get(1)
            .is_some_and(|l| l.starts_with("Not started at login"))
        {
            return Err(format!("no start-at-login line second: {labels:?}"));
        }
        if !profile.logs().contains("icon=attention") {
            return Err("the tray's icon did not change to attention".into());
        }
        // The next night's runs succeed: nothing failed any more (some instances have no
        // automatic backup). The watcher reads at its idle pace, a minute.
        advance(port, 86_400).await?;
        // The status and the menu are two D-Bus properties, changed one after the other: the
        // shell may read one before the other, so both are waited for.
        let calm = "instances without automatic backup";
        let labels = shell_reads(&watcher, &bus, "Active", calm, Duration::from_secs(180)).await?;
        if !labels.first().is_some_and(|l| l.ends_with(calm)) {
            return Err(format!("after good runs, the tray says {labels:?}"));
        }
        // The next run is web-frontend-1's, at 23:35 UTC: it fails.
        if post_json(port, "/_sim/fail-next-snapshots", r#"{"count": 1}"#).await? != 204 {
            return Err("the failure was not set".into());
        }
        let now = advance(port, 0).await?;
        advance(port, (23 * 3600 + 36 * 60) - now).await?;
        let failed = "⚠ web-frontend-1: the last automatic backup failed";
        shell_reads(
            &watcher,
            &bus,
            "NeedsAttention",
            failed,
            Duration::from_secs(180),
        )
        .await?;
        second_launch(&profile).await?;
        window_count(1).await
    }
    .await;
    let _ = first.kill().await;
    outcome.unwrap();
}

#[tokio::test]
async fn preferences_are_kept_and_the_window_comes_back_as_left() {
    let _display = DISPLAY.lock().await;
    let profile = Profile::new("prefs").unwrap();
    let app = App::start_in("prefs", Some(&profile), &[])
        .await
        .expect("the app starts");
    let outcome: Result<()> = async {
        app.click_text("Preferences").await?;
        app.click("#prefs-login").await?;
        app.find_text("Saved.").await?;
        let autostart = profile.dir.join("home/.config/autostart");
        let entry = eventually(PATIENCE, async || {
            std::fs::read_dir(&autostart)
                .map_err(|e| e.to_string())?
                .flatten()
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .find(|t| t.contains("Exec="))
                .ok_or_else(|| "no autostart entry".to_string())
        })
        .await?;
        if !entry.contains("--hidden") {
            return Err(format!(
                "the autostart entry does not start in the tray: {entry}"
            ));
        }
        app.click("#prefs-quiet").await?;
        app.select("#prefs-language", "Français").await?;
        app.find_text("Préférences").await?;
        let path = profile.dir.join("config/com.backupdesk.desk/settings.json");
        let settings =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !settings.contains("\"quietSuccesses\": true") || !settings.contains("\"fr\"") {
            return Err(format!("settings not kept: {settings}"));
        }
        app.click("#prefs-login").await?;
        eventually(PATIENCE, async || {
            let left = std::fs::read_dir(&autostart)
                .map(|d| d.count())
                .unwrap_or(0);
            if left == 0 {
                Ok(())
            } else {
                Err("the autostart entry is still there".to_string())
            }
        })
        .await?;

        app.client
            .set_window_rect(40, 30, 960, 640)
            .await
            .map_err(|e| format!("resize: {e}"))?;
        // The window goes away while the keys are being sent, so WebDriver may report an error.
        let _ = app.press(CTRL_W).await;
        window_count(0).await
    }
    .await;
    let _ = tokio::process::Command::new("pkill")
        .args(["-f", &e2e::app_binary().display().to_string()])
        .status()
        .await;
    app.close().await;
    outcome.unwrap();

    // The same user starts the app again: French, and the size they left.
    with_app_in_profile(&profile, async |app| -> Result<()> {
        app.find_text("Cloud de démonstration").await?;
        let (_, _, w, h) = app
            .client
            .get_window_rect()
            .await
            .map_err(|e| e.to_string())?;
        if (w as i64 - 960).abs() > 2 || (h as i64 - 640).abs() > 2 {
            return Err(format!("the window came back at {w}×{h}, not 960×640"));
        }
        Ok(())
    })
    .await;
}

async fn with_app_in_profile(profile: &Profile, body: impl AsyncFnOnce(&App) -> Result<()>) {
    let app = App::start_in("prefs-again", Some(profile), &[])
        .await
        .expect("the app starts again");
    let outcome = body(&app).await;
    if outcome.is_err() {
        let _ = app.screenshot("prefs-again-failure").await;
    }
    app.close().await;
    outcome.unwrap();
}

/// The home asks once whether to start at login, since scheduled runs are told only while the
/// app runs: "Not now" leaves a line saying what is missed and makes no autostart entry; the
/// line's button makes it, and the home stops asking.
#[tokio::test]
async fn the_home_asks_once_to_start_at_login() {
    let _display = DISPLAY.lock().await;
    let profile = Profile::new("login").unwrap();
    let app = App::start_in("login", Some(&profile), &[])
        .await
        .expect("the app starts");
    let present = async |id: &str| -> Result<bool> {
        app.script(
            "is it there",
            &format!("return document.getElementById('{id}') !== null;"),
            false,
        )
        .await
    };
    let autostart = profile.dir.join("home/.config/autostart");
    let entries = || {
        std::fs::read_dir(&autostart)
            .map(|d| d.count())
            .unwrap_or(0)
    };
    let outcome: Result<()> = async {
        let asked = app.text_of("#login-question").await?;
        if !asked.contains("Start Backup Desk when you log in?") {
            return Err(format!("the home does not ask: {asked:?}"));
        }
        app.screenshot("login-question").await?;
        app.click("#login-no").await?;
        eventually(PATIENCE, async || {
            let line = app.text_of("#login-question").await?;
            if line.contains("while it is closed") && !present("login-no").await? {
                Ok(())
            } else {
                Err(format!("after \"Not now\": {line:?}"))
            }
        })
        .await?;
        app.screenshot("login-off").await?;
        if entries() != 0 {
            return Err("\"Not now\" made an autostart entry".into());
        }
        let path = profile.dir.join("config/com.backupdesk.desk/settings.json");
        let settings =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if !settings.contains("\"loginAsked\": true") {
            return Err(format!("the answer is not kept: {settings}"));
        }
        app.click("#login-yes").await?;
        eventually(PATIENCE, async || {
            if !present("login-question").await? && entries() == 1 {
                Ok(())
            } else {
                Err("\"Start at login\" made no entry, or the home still asks".to_string())
            }
        })
        .await
    }
    .await;
    app.close().await;
    outcome.unwrap();
}
