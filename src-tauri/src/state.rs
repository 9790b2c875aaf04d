//! The app's one managed state: how to reach the cloud (opened on first use) and the user's
//! language for notifications.
use std::collections::VecDeque;
use std::sync::Mutex;

use desk::session::Options;
use desk::vault::Vault;
use desk::Session;
use ovh::Endpoint;
use tauri::{AppHandle, Manager, Runtime};

use crate::notify;

/// Handles the commands share. Registered once.
pub struct AppState {
    vault: Vault,
    endpoint: Option<Endpoint>,
    demo_port: u16,
    /// NOTE: a tokio `OnceCell` because opening the session awaits (keyring, demo server), and
    /// doing it lazily keeps start-up free of blocking work.
    session: tokio::sync::OnceCell<Session>,
    /// `en` or `fr`, set by the window; notifications use it.
    pub lang: Mutex<String>,
    /// The last notifications' titles, newest first, for the tray menu.
    pub recent: Mutex<VecDeque<String>>,
}

impl AppState {
    /// Reads `OVH_ENDPOINT` (a name such as `ovh-eu`, or a URL; an unusable value is logged
    /// and ignored) and `BACKUP_DESK_DEMO_PORT`.
    pub fn from_env() -> Self {
        let endpoint = std::env::var("OVH_ENDPOINT")
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
            vault: Vault::for_this_build(),
            endpoint,
            demo_port,
            session: tokio::sync::OnceCell::new(),
            lang: Mutex::new("en".into()),
            recent: Mutex::new(VecDeque::new()),
        }
    }

    /// The session, opened on first use: the connection, and the tracker resuming the journal
    /// kept in the app's data directory.
    pub async fn session<R: Runtime>(&self, app: &AppHandle<R>) -> desk::Result<&Session> {
        self.session
            .get_or_try_init(|| {
                let data_dir = match app.path().app_data_dir() {
                    Ok(dir) => Some(dir),
                    Err(e) => {
                        tracing::warn!(
                            "no data directory, in-progress backups won't survive a restart: {e}"
                        );
                        None
                    }
                };
                let options = Options {
                    endpoint: self.endpoint.clone(),
                    data_dir,
                    demo_port: self.demo_port,
                };
                Session::open(&self.vault, options, notify::sink(app.clone()))
            })
            .await
    }
}
