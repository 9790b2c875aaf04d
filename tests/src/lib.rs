//! The end-to-end harness: starts the real Backup Desk binary in its real WebKit webview through
//! tauri-driver and WebKitWebDriver, and gives tests a user's verbs: find by visible text,
//! click, type, read, screenshot. Any failed step saves a screenshot under `tests/artifacts/`.
//!
//! Tests run inside `.ci/session` (Xvfb, D-Bus, gnome-keyring, dunst); `make test` does that.
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

/// What a failed step says.
pub type Result<T, E = String> = std::result::Result<T, E>;

/// How long a step waits for the window to show what it looks for.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The longest one WebDriver step may take. WebKitWebDriver has been seen to stop answering
/// mid-run: the stalled step then fails with its name and a screenshot, instead of hanging the
/// whole suite until CI's own limit.
const STEP_LIMIT: Duration = Duration::from_secs(90);

/// `step`, failed with `what` when WebDriver has not answered within [`STEP_LIMIT`].
async fn bounded<T>(what: &str, step: impl std::future::Future<Output = Result<T>>) -> Result<T> {
    tokio::time::timeout(STEP_LIMIT, step).await.map_err(|_| {
        format!(
            "{what}: WebDriver did not answer within {} s",
            STEP_LIMIT.as_secs()
        )
    })?
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The app binary the tests drive (`BACKUP_DESK_BIN` overrides it, e.g. an installed one).
pub fn app_binary() -> PathBuf {
    std::env::var_os("BACKUP_DESK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/debug/backup-desk"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Where an app keeps things, as on a fresh user account: its own data, config and cache folders
/// (web storage included), keyring entries and single-instance name, so a test that connects an
/// account never changes what another test sees, and an app still exiting never swallows the
/// next test's launch.
#[derive(Debug, Clone)]
pub struct Profile {
    pub dir: PathBuf,
    pub namespace: String,
}

/// This run of the end-to-end suite (`E2E_RUN_ID`, set by `make test-e2e`): profiles carry it,
/// so the secret scan reads this run's and no earlier one's.
pub fn run_id() -> String {
    std::env::var("E2E_RUN_ID").unwrap_or_else(|_| "adhoc".into())
}

/// Where secrets issued during this run are listed for the final scan (simulator keys only,
/// outside every folder the scan reads).
pub fn issued_list() -> PathBuf {
    root().join(format!("target/e2e-issued-{}.txt", run_id()))
}

/// Adds a secret the simulator issued during a journey (a consumer key) to the scan's list.
pub fn remember_issued(secret: &str) {
    use std::io::Write;
    let path = issued_list();
    let _ = std::fs::create_dir_all(path.parent().expect("target"));
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .expect("issued list");
    writeln!(f, "{secret}").expect("issued list");
}

impl Profile {
    pub fn new(name: &str) -> Result<Self> {
        let n = free_port();
        let dir = std::env::temp_dir().join(format!(
            "backup-desk-e2e-{}-{name}-{}-{n}",
            run_id(),
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("profile folder: {e}"))?;
        Ok(Self {
            dir,
            namespace: format!("backup-desk-e2e-{name}-{}-{n}", std::process::id()),
        })
    }

    /// The environment an app of this profile runs with. Every app runs in Paris time, so that
    /// schedules are converted between local time and UTC as for a real user.
    pub fn env(&self) -> Vec<(String, String)> {
        let d = |s: &str| self.dir.join(s).display().to_string();
        vec![
            ("TZ".into(), "Europe/Paris".into()),
            // The autostart entry goes to `$HOME/.config/autostart` whatever XDG says.
            ("HOME".into(), d("home")),
            ("XDG_DATA_HOME".into(), d("data")),
            ("XDG_CONFIG_HOME".into(), d("config")),
            ("XDG_CACHE_HOME".into(), d("cache")),
            ("BACKUP_DESK_TEST_NAMESPACE".into(), self.namespace.clone()),
            // A page the app opens in "the browser" goes nowhere: tests read its URL instead.
            ("BROWSER".into(), "true".into()),
        ]
    }

    /// Starts the app binary directly (no WebDriver), as a double-click does.
    pub fn launch(&self, args: &[&str]) -> Result<Child> {
        self.launch_with(args, &[])
    }

    /// Like [`Profile::launch`], with extra environment variables (the demo cloud's knobs).
    pub fn launch_with(&self, args: &[&str], env: &[(&str, String)]) -> Result<Child> {
        Command::new(app_binary())
            .args(args)
            .envs(self.env())
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot launch the app: {e}"))
    }

    /// The app's log files (in the platform's log directory) joined.
    pub fn logs(&self) -> String {
        let dir = self.dir.join("data/com.backupdesk.desk/logs");
        let mut out = String::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            out.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
        out
    }
}

/// The windows titled `title` on the X display, but for the tray icon's own (the
/// GtkStatusIcon that libappindicator falls back to when no shell's watcher is on the bus,
/// titled as the tray is).
pub async fn windows_titled(title: &str) -> Result<usize> {
    let out = Command::new("xwininfo")
        .args(["-root", "-tree"])
        .output()
        .await
        .map_err(|e| format!("xwininfo: {e}; `make deps` installs x11-utils"))?;
    let needle = format!("\"{title}\"");
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains(&needle) && !l.contains("\"tray-icon tray app "))
        .count())
}

/// How many WebKit web processes run on this machine.
pub async fn web_processes() -> usize {
    Command::new("pgrep")
        .args(["-c", "WebKitWebProces"])
        .output()
        .await
        .ok()
        .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
        .unwrap_or(0)
}

/// The running app, seen through WebDriver.
pub struct App {
    pub client: Client,
    driver: Child,
    name: String,
    /// The app's data, config and cache folders (web storage included) and namespaces.
    pub profile: Profile,
    /// The app's log (its stderr, and tauri-driver's).
    pub log: PathBuf,
    /// The keyring service this app's entries live under.
    pub vault_service: String,
}

/// XPath for an element whose own visible text is `text` (whitespace-normalised).
fn by_text(text: &str) -> String {
    let quoted = if text.contains('\'') {
        format!("concat('{}')", text.replace('\'', "', \"'\", '"))
    } else {
        format!("'{text}'")
    };
    format!("//*[normalize-space(text())={quoted}]")
}

impl App {
    /// Starts the app and waits for its webview.
    pub async fn start(name: &str) -> Result<Self> {
        Self::start_with(name, &[]).await
    }

    /// Starts the app with extra environment variables. Every app runs in Paris time, so that
    /// schedules are converted between local time and UTC as for a real user.
    pub async fn start_with(name: &str, env: &[(&str, String)]) -> Result<Self> {
        Self::start_in(name, None, env).await
    }

    /// Like [`App::start_with`], in a given profile (a previous app's, to see what it kept).
    pub async fn start_in(
        name: &str,
        profile: Option<&Profile>,
        env: &[(&str, String)],
    ) -> Result<Self> {
        // Fails harmlessly when already installed by an earlier app of the same test binary.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let binary = app_binary();
        if !binary.exists() {
            return Err(format!(
                "{} is missing: build it with `make build`",
                binary.display()
            ));
        }
        let (port, native) = (free_port(), free_port());
        let profile = match profile {
            Some(p) => p.clone(),
            None => Profile::new(name)?,
        };
        let artifacts = root().join("tests/artifacts");
        std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
        let log = artifacts.join(format!("{name}-app.log"));
        let log_file = std::fs::File::create(&log).map_err(|e| format!("app log: {e}"))?;
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .envs(profile.env())
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::from(log_file))
            // A group of its own, so that closing ends WebKitWebDriver and the app with it.
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("tauri-driver could not start ({e}); `make deps` installs it"))?;
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": binary }),
        );
        caps.insert("browserName".into(), serde_json::json!("wry"));
        let url = format!("http://127.0.0.1:{port}");
        let mut last = String::new();
        for _ in 0..100 {
            match ClientBuilder::rustls()
                .map_err(|e| e.to_string())?
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Ok(Self {
                        client,
                        driver,
                        name: name.to_string(),
                        vault_service: profile.namespace.clone(),
                        profile,
                        log,
                    })
                }
                Err(e) => last = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(format!("no WebDriver session: {last}"))
    }

    /// Waits for an element showing exactly `text`.
    pub async fn find_text(&self, text: &str) -> Result<Element> {
        // WebKit can report a node a redraw replaced while the wait looks it up: look again.
        self.retry_stale(&format!("find {text:?}"), async || {
            self.client
                .wait()
                .at_most(PATIENCE)
                .for_element(Locator::XPath(&by_text(text)))
                .await
                .map_err(|e| format!("no element shows {text:?}: {e}"))
        })
        .await
    }

    /// Waits for a CSS selector.
    pub async fn find(&self, css: &str) -> Result<Element> {
        self.retry_stale(&format!("find {css}"), async || {
            self.client
                .wait()
                .at_most(PATIENCE)
                .for_element(Locator::Css(css))
                .await
                .map_err(|e| format!("no element matches {css}: {e}"))
        })
        .await
    }

    /// How many elements match `css` now (no waiting).
    pub async fn count(&self, css: &str) -> Result<usize> {
        let all = async {
            self.client
                .find_all(Locator::Css(css))
                .await
                .map(|all| all.len())
                .map_err(|e| format!("count {css}: {e}"))
        };
        bounded(&format!("count {css}"), all).await
    }

    /// Brings an element to the middle of its scroll area, as a user scrolls to it before
    /// clicking (nested scroll areas are not always scrolled by WebDriver itself).
    async fn scroll_to(&self, el: &Element) -> Result<()> {
        let arg = serde_json::to_value(el).map_err(|e| e.to_string())?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
                vec![arg],
            )
            .await
            .map(|_| ())
            .map_err(|e| format!("scroll: {e}"))
    }

    /// Clicks the element showing `text`.
    pub async fn click_text(&self, text: &str) -> Result<()> {
        self.retry_stale(&format!("click on {text:?}"), async || {
            let el = self.find_text(text).await?;
            self.scroll_to(&el).await?;
            el.click()
                .await
                .map_err(|e| format!("click on {text:?}: {e}"))
        })
        .await
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) -> Result<()> {
        self.retry_stale(&format!("click on {css}"), async || {
            let el = self.find(css).await?;
            self.scroll_to(&el).await?;
            el.click().await.map_err(|e| format!("click on {css}: {e}"))
        })
        .await
    }

    /// Runs `js` in the page (its `return` value read as `T`); `what` names it in errors. With
    /// `wait`, the script is asynchronous: it ends by calling `arguments[arguments.length - 1]`.
    pub async fn script<T: serde::de::DeserializeOwned>(
        &self,
        what: &str,
        js: &str,
        wait: bool,
    ) -> Result<T> {
        let run = async {
            if wait {
                self.client.execute_async(js, vec![]).await
            } else {
                self.client.execute(js, vec![]).await
            }
            .map_err(|e| format!("{what}: {e}"))
        };
        let value = bounded(what, run).await?;
        serde_json::from_value(value).map_err(|e| format!("{what}: {e}"))
    }

    /// The visible text of the element matching `css`.
    pub async fn text_of(&self, css: &str) -> Result<String> {
        self.retry_stale(&format!("text of {css}"), async || {
            self.find(css)
                .await?
                .text()
                .await
                .map_err(|e| format!("text of {css}: {e}"))
        })
        .await
    }

    /// Runs a step again when the window redrew the element between finding and using it, as
    /// a user's second click would.
    async fn retry_stale<T>(
        &self,
        what: &str,
        mut step: impl AsyncFnMut() -> Result<T>,
    ) -> Result<T> {
        let mut attempt = 0;
        loop {
            match bounded(what, step()).await {
                Err(e)
                    if attempt < 3
                        && (e.contains("tale element")
                            || e.contains("not attached")
                            // WebKit's words for an element a redraw replaced.
                            || e.contains("was not found")
                            // WebKitWebDriver once failed a menu click with no words at all
                            // (a fresh-clone run of the language walk; green before and after).
                            || e.trim_end().ends_with("webdriver returned error:")) =>
                {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                other => return other,
            }
        }
    }

    /// Types into the element matching `css`, replacing its content.
    pub async fn fill(&self, css: &str, text: &str) -> Result<()> {
        // Select all and type over it, as a user does. WebDriver's clear() empties the field
        // without an input event, so a form redrawn before the keys land puts its old value
        // back and the keys are added to it ("7" + "5" = "75").
        const CTRL_A: &str = "\u{E009}a\u{E009}";
        const BACKSPACE: &str = "\u{E003}";
        let keys = if text.is_empty() {
            format!("{CTRL_A}{BACKSPACE}")
        } else {
            format!("{CTRL_A}{text}")
        };
        for _ in 0..3 {
            let el = self.find(css).await?;
            let typed = async {
                el.send_keys(&keys)
                    .await
                    .map_err(|e| format!("type into {css}: {e}"))
            };
            bounded(&format!("type into {css}"), typed).await?;
            if self.value_of(css).await? == text {
                return Ok(());
            }
        }
        Err(format!(
            "{css} does not take {text:?}: it has {:?}",
            self.value_of(css).await?
        ))
    }

    /// Whether the element matching `css` is enabled.
    pub async fn is_enabled(&self, css: &str) -> Result<bool> {
        let el = self.find(css).await?;
        let enabled = async { el.is_enabled().await.map_err(|e| e.to_string()) };
        bounded(&format!("is {css} enabled"), enabled).await
    }

    /// Whether the checkbox (or radio) matching `css` is ticked.
    pub async fn is_checked(&self, css: &str) -> Result<bool> {
        let el = self.find(css).await?;
        let ticked = async { el.is_selected().await.map_err(|e| e.to_string()) };
        bounded(&format!("is {css} ticked"), ticked).await
    }

    /// The value of a form field.
    pub async fn value_of(&self, css: &str) -> Result<String> {
        let el = self.find(css).await?;
        let value = async { el.prop("value").await.map_err(|e| e.to_string()) };
        Ok(bounded(&format!("value of {css}"), value)
            .await?
            .unwrap_or_default())
    }

    /// Chooses the option showing `label` in the `<select>` matching `css`.
    pub async fn select(&self, css: &str, label: &str) -> Result<()> {
        let select = self.find(css).await?;
        let chosen = async {
            select
                .select_by_label(label)
                .await
                .map_err(|e| format!("select {label:?} in {css}: {e}"))
        };
        bounded(&format!("select {label:?} in {css}"), chosen).await
    }

    /// Presses a key in the focused element (WebDriver key codes, e.g. `"\u{E00C}"` for Escape).
    pub async fn press(&self, key: &str) -> Result<()> {
        let pressed = async {
            let active = self
                .client
                .active_element()
                .await
                .map_err(|e| e.to_string())?;
            active
                .send_keys(key)
                .await
                .map_err(|e| format!("press {key:?}: {e}"))
        };
        bounded(&format!("press {key:?}"), pressed).await
    }

    /// An attribute of the first element matching `css` (waits for the element).
    pub async fn attr(&self, css: &str, name: &str) -> Result<String> {
        let el = self.find(css).await?;
        let value = async {
            el.attr(name)
                .await
                .map_err(|e| format!("{css}[{name}]: {e}"))
        };
        bounded(&format!("{css}[{name}]"), value)
            .await?
            .ok_or_else(|| format!("{css} has no {name}"))
    }

    /// Saves a PNG of the window under `tests/artifacts/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        // A snapshot taken before the last change is painted shows the screen before it (an
        // edit dialog's shot showed the list behind it). Best effort: a failure's own screenshot
        // must still be taken when the page no longer answers scripts.
        let _ = tokio::time::timeout(Duration::from_secs(5), self.painted()).await;
        // Bounded: a WebKit snapshot that never returns must fail the step, not hang the run.
        let png = tokio::time::timeout(Duration::from_secs(30), self.client.screenshot())
            .await
            .map_err(|_| format!("no screenshot {name} within 30 s"))?
            .map_err(|e| e.to_string())?;
        let dir = root().join("tests/artifacts");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|e| e.to_string())?;
        Ok(path)
    }

    /// Waits until the page has been painted (two animation frames after the call).
    pub async fn painted(&self) -> Result<()> {
        self.script::<bool>(
            "no paint",
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            true,
        )
        .await
        .map(|_| ())
    }

    /// Ends the session and the app.
    pub async fn close(mut self) {
        let _ = bounded("close the session", async {
            self.client.clone().close().await.map_err(|e| e.to_string())
        })
        .await;
        // Killing tauri-driver alone left WebKitWebDriver running after each test.
        if let Some(pid) = self.driver.id() {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .status()
                .await;
        }
        let _ = self.driver.kill().await;
    }
}

/// Watches the session bus for desktop notifications (`org.freedesktop.Notifications`), as a
/// user's notification daemon receives them.
pub struct NotificationWatch {
    child: Child,
    log: PathBuf,
}

impl NotificationWatch {
    /// Starts `dbus-monitor` on the session bus.
    pub async fn start(name: &str) -> Result<Self> {
        let dir = root().join("tests/artifacts");
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let log = dir.join(format!("{name}-dbus.log"));
        let file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let child = Command::new("dbus-monitor")
            .args([
                "--session",
                "interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(file)
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("dbus-monitor could not start ({e}); `make deps` installs it"))?;
        // Let the monitor register its match rule before anything is sent.
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(Self { child, log })
    }

    /// Waits until a Notify call whose text contains `needle` has crossed the bus.
    pub async fn wait_for(&self, needle: &str, patience: Duration) -> Result<String> {
        let deadline = tokio::time::Instant::now() + patience;
        loop {
            let text = std::fs::read_to_string(&self.log).unwrap_or_default();
            if let Some(pos) = text.find(needle) {
                let start = text[..pos].rfind("method call").unwrap_or(0);
                return Ok(text[start..(pos + needle.len()).min(text.len())].to_string());
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!(
                    "no notification containing {needle:?} on the session bus; saw:\n{text}"
                ));
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    /// Stops watching.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// Waits until `check` passes, trying every 250 ms for at most `patience`.
pub async fn eventually<T>(
    patience: Duration,
    mut check: impl AsyncFnMut() -> Result<T>,
) -> Result<T> {
    let deadline = tokio::time::Instant::now() + patience;
    loop {
        match check().await {
            Ok(v) => return Ok(v),
            Err(e) if tokio::time::Instant::now() > deadline => return Err(e),
            Err(_) => tokio::time::sleep(Duration::from_millis(250)).await,
        }
    }
}

/// Runs a test body against a fresh app; on failure saves a screenshot and fails the test with
/// the step that went wrong.
pub async fn with_app(name: &str, body: impl AsyncFnOnce(&App) -> Result<()>) {
    with_app_env(name, &[], body).await
}

/// A loopback port nobody listens on yet, e.g. for the demo cloud (`BACKUP_DESK_DEMO_PORT`).
pub fn spare_port() -> u16 {
    free_port()
}

/// Posts JSON to a loopback HTTP server (the demo cloud's `/_sim` controls) and returns the
/// status code.
pub async fn post_json(port: u16, path: &str, body: &str) -> Result<u16> {
    http(port, "POST", path, "application/json", body)
        .await
        .map(|(status, _)| status)
}

/// The simulator's `/_sim/stats` (counts, routes, and what the world holds by name).
pub async fn sim_stats(port: u16) -> Result<serde_json::Value> {
    let (status, body) = http(port, "GET", "/_sim/stats", "application/json", "").await?;
    if status != 200 {
        return Err(format!("the demo cloud's stats: HTTP {status}"));
    }
    serde_json::from_str(&body).map_err(|e| e.to_string())
}

/// One HTTP/1.1 request to a loopback server: `(status, body)`. Plain sockets keep the test
/// crate to one TLS stack (fantoccini's).
pub async fn http(
    port: u16,
    method: &str,
    path: &str,
    content_type: &str,
    body: &str,
) -> Result<(u16, String)> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .map_err(|e| format!("connect to {port}: {e}"))?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .await
        .map_err(|e| e.to_string())?;
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("no HTTP answer: {answer:?}"))?;
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

/// Like [`with_app`], with extra environment variables for the app.
pub async fn with_app_env(
    name: &str,
    env: &[(&str, String)],
    body: impl AsyncFnOnce(&App) -> Result<()>,
) {
    let app = match App::start_with(name, env).await {
        Ok(app) => app,
        Err(e) => panic!("{name}: the app did not start: {e}"),
    };
    let outcome = body(&app).await;
    if let Err(e) = outcome {
        let shot = app.screenshot(&format!("{}-failure", app.name)).await;
        let log = app.log.clone();
        app.close().await;
        panic!(
            "{name}: {e}\nscreenshot: {shot:?}\napp log: {}",
            log.display()
        );
    }
    app.close().await;
}
