//! The app's one managed state: the open session (replaced on sign-in and sign-out), the
//! connection waiting for approval, the user's settings, and what the tray shows.
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use desk::account::{Account, AccountInfo, Connector};
use desk::session::{Notice, Options};
use desk::settings::{Settings, Store};
use desk::vault::Vault;
use desk::Session;
use ovh::Endpoint;
use tauri::{AppHandle, Manager, Runtime};

/// Handles the commands share. Registered once.
pub struct AppState {
    pub vault: Vault,
    /// `OVH_ENDPOINT`: the region preselected when connecting an account.
    pub default_endpoint: Option<Endpoint>,
    demo_port: u16,
    /// NOTE: a tokio mutex because opening the session awaits (keyring, demo server), and doing
    /// it lazily keeps start-up free of blocking work. `None` until first use and after the
    /// account changes; dropping a session stops its background tasks.
    session: tokio::sync::Mutex<Option<Arc<Session>>>,
    /// The "Connect" request waiting for the user's approval.
    pub connector: Connector,
    /// The OVHcloud applications this build signs in with ("Sign in with OVHcloud").
    pub builtin: Vec<desk::account::BuiltinApp>,
    /// The user's settings and where they are saved (known once the app has its paths).
    settings: Mutex<Settings>,
    store: OnceLock<Store>,
    /// The section a window created by the tray opens on.
    pub pending_section: Mutex<Option<crate::events::Target>>,
    /// Whether the tray exists: only then does closing the window leave the app running.
    pub tray: AtomicBool,
    /// Where the sessions' notices go (the desktop's notifications): set once by setup, so
    /// that the state never needs to know what becomes of them.
    notices: OnceLock<Arc<dyn Fn(Notice) + Send + Sync>>,
}

/// `BACKUP_DESK_DEMO_PORT`: a fixed demo port, so that end-to-end tests drive the demo cloud's
/// clock and faults; `BACKUP_DESK_OPEN`: the section the first window opens on (benchmarks of
/// long lists); `BACKUP_DESK_TEST_APP` (`key:secret`): an application built in for every
/// endpoint, the simulator's demo application.
#[cfg(feature = "test-controls")]
fn test_knobs() -> (
    u16,
    Option<crate::events::Target>,
    Vec<desk::account::BuiltinApp>,
) {
    let port = std::env::var("BACKUP_DESK_DEMO_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let open = std::env::var("BACKUP_DESK_OPEN")
        .ok()
        .and_then(|s| crate::events::Target::named(&s));
    let app = std::env::var("BACKUP_DESK_TEST_APP").ok().and_then(|v| {
        let (key, secret) = v.split_once(':')?;
        desk::account::BuiltinApp::given(None, key, secret)
    });
    (port, open, app.into_iter().collect())
}

impl AppState {
    /// Reads `OVH_ENDPOINT` (a name such as `ovh-eu`, or a URL; an unusable value is logged
    /// and ignored), and in `test-controls` builds the test knobs ([`test_knobs`]).
    pub fn from_env() -> Self {
        let default_endpoint = std::env::var("OVH_ENDPOINT")
            .ok()
            .and_then(|v| match v.parse() {
                Ok(e) => Some(e),
                Err(e) => {
                    tracing::warn!("ignoring OVH_ENDPOINT: {e}");
                    None
                }
            });
        #[cfg(feature = "test-controls")]
        let (demo_port, open, test_app) = test_knobs();
        #[cfg(not(feature = "test-controls"))]
        let (demo_port, open, test_app) = (0, None, Vec::new());
        let mut builtin = desk::account::BuiltinApp::from_build();
        builtin.extend(test_app);
        Self {
            vault: vault(),
            default_endpoint,
            demo_port,
            session: tokio::sync::Mutex::new(None),
            connector: Connector::default(),
            builtin,
            settings: Mutex::new(Settings::default()),
            store: OnceLock::new(),
            pending_section: Mutex::new(open),
            tray: AtomicBool::new(false),
            notices: OnceLock::new(),
        }
    }

    /// Reads the settings from `store` (once, at start-up).
    pub fn load_settings(&self, store: Store) {
        *self.settings.lock().expect("settings lock") = store.load();
        let _ = self.store.set(store);
    }

    pub fn settings(&self) -> Settings {
        self.settings.lock().expect("settings lock").clone()
    }

    /// Changes the settings and saves them; the language applies at once.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> std::io::Result<()> {
        let mut settings = self.settings.lock().expect("settings lock");
        change(&mut settings);
        match self.store.get() {
            Some(store) => store.save(&settings),
            None => Ok(()),
        }
    }

    /// The language notifications and the tray use: the chosen one, else the system's.
    pub fn language(&self) -> desk::settings::Language {
        self.settings
            .lock()
            .expect("settings lock")
            .language_or(&desk::settings::system_language())
    }

    /// Checks `account` with OVH, stores it, and makes the next call open it.
    pub async fn save_account(&self, account: Account) -> desk::Result<AccountInfo> {
        let info = desk::account::verify_and_save(&self.vault, account).await?;
        self.reopen().await;
        Ok(info)
    }

    pub fn has_tray(&self) -> bool {
        self.tray.load(Ordering::Relaxed)
    }

    /// The open session, if any, without waiting (for the tray).
    pub fn current_session(&self) -> Option<Arc<Session>> {
        self.session.try_lock().ok().and_then(|s| s.clone())
    }

    /// The session, opened on first use: the stored account (or the demo cloud), and the
    /// tracker resuming that account's journal.
    pub async fn session<R: Runtime>(&self, app: &AppHandle<R>) -> desk::Result<Arc<Session>> {
        let mut slot = self.session.lock().await;
        if let Some(s) = slot.as_ref() {
            return Ok(s.clone());
        }
        let options = Options {
            data_dir: data_dir(app),
            demo_port: self.demo_port,
        };
        let notices = self.notices.get().cloned();
        let sink = move |notice| match &notices {
            Some(send) => send(notice),
            None => tracing::warn!("a notice before the app was set up: {notice:?}"),
        };
        let session = Arc::new(Session::open(&self.vault, options, sink).await?);
        *slot = Some(session.clone());
        Ok(session)
    }

    /// Sends every session's notices to `sink` (once, at setup).
    pub fn send_notices_to(&self, sink: impl Fn(Notice) + Send + Sync + 'static) {
        let _ = self.notices.set(Arc::new(sink));
    }

    /// Closes the session so the next call opens the account now stored (or the demo).
    pub async fn reopen(&self) {
        self.session.lock().await.take();
    }

    /// Forgets the account: every keyring entry, then its data folder, then the session.
    pub async fn sign_out<R: Runtime>(&self, app: &AppHandle<R>) -> desk::Result<()> {
        self.connector.cancel();
        let vault = self.vault.clone();
        desk::account::blocking(move || desk::account::forget(&vault)).await?;
        if let Some(dir) = data_dir(app) {
            let account_dir = dir.join(Session::data_subdir(false));
            if let Err(e) = std::fs::remove_dir_all(&account_dir) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!("cannot remove {}: {e}", account_dir.display());
                }
            }
        }
        self.reopen().await;
        Ok(())
    }
}

/// `BACKUP_DESK_TEST_NAMESPACE`, honoured by development builds only: end-to-end tests give each
/// app they start its own keyring entries and its own single-instance name.
fn test_namespace() -> Option<String> {
    std::env::var("BACKUP_DESK_TEST_NAMESPACE")
        .ok()
        .filter(|n| cfg!(debug_assertions) && !n.is_empty())
}

/// The keyring namespace: the build's, or the test's.
fn vault() -> Vault {
    match test_namespace() {
        Some(ns) => Vault::with_service(&ns),
        None => Vault::for_this_build(),
    }
}

/// The D-Bus name base that makes the app single-instance: release and development builds (and
/// each test's app) are separate instances.
pub fn instance_id() -> String {
    match test_namespace() {
        Some(ns) => format!(
            "com.backupdesk.test.{}",
            ns.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        ),
        None if cfg!(debug_assertions) => "com.backupdesk.desk.dev".into(),
        None => "com.backupdesk.desk".into(),
    }
}

fn data_dir<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    match app.path().app_data_dir() {
        Ok(dir) => Some(dir),
        Err(e) => {
            tracing::warn!("no data directory, in-progress backups won't survive a restart: {e}");
            None
        }
    }
}
