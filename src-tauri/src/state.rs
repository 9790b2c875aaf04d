//! The app's one managed state: the open session (replaced on sign-in and sign-out), the
//! connection waiting for approval, and the user's language for notifications.
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use desk::account::Connector;
use desk::session::Options;
use desk::vault::Vault;
use desk::Session;
use ovh::Endpoint;
use tauri::{AppHandle, Manager, Runtime};

use crate::notify;

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
    /// `en` or `fr`, set by the window; notifications use it.
    pub lang: Mutex<String>,
    /// The last notifications' titles, newest first, for the tray menu.
    pub recent: Mutex<VecDeque<String>>,
}

impl AppState {
    /// Reads `OVH_ENDPOINT` (a name such as `ovh-eu`, or a URL; an unusable value is logged
    /// and ignored) and `BACKUP_DESK_DEMO_PORT`.
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
        // A fixed demo port lets end-to-end tests drive the demo cloud's clock and faults.
        let demo_port = std::env::var("BACKUP_DESK_DEMO_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        Self {
            vault: vault(),
            default_endpoint,
            demo_port,
            session: tokio::sync::Mutex::new(None),
            connector: Connector::default(),
            lang: Mutex::new("en".into()),
            recent: Mutex::new(VecDeque::new()),
        }
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
        let session =
            Arc::new(Session::open(&self.vault, options, notify::sink(app.clone())).await?);
        *slot = Some(session.clone());
        Ok(session)
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

/// The keyring namespace: the build's, or in development builds `BACKUP_DESK_VAULT`, which
/// end-to-end tests set so each app they start has its own entries.
fn vault() -> Vault {
    match std::env::var("BACKUP_DESK_VAULT") {
        Ok(service) if cfg!(debug_assertions) && !service.is_empty() => {
            Vault::with_service(&service)
        }
        _ => Vault::for_this_build(),
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
