//! The app's one managed state: how to reach the cloud, opened on first use.
use desk::vault::Vault;
use desk::Connection;
use ovh::Endpoint;

/// Handles the commands share. Registered once.
pub struct AppState {
    vault: Vault,
    endpoint: Option<Endpoint>,
    /// NOTE: a tokio `OnceCell` because opening the connection awaits (keyring, demo server),
    /// and doing it lazily keeps start-up free of blocking work.
    connection: tokio::sync::OnceCell<Connection>,
}

impl AppState {
    /// Reads `OVH_ENDPOINT` (a name such as `ovh-eu`, or a URL); an unusable value is logged
    /// and ignored.
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
        Self {
            vault: Vault::for_this_build(),
            endpoint,
            connection: tokio::sync::OnceCell::new(),
        }
    }

    /// The open connection, opening it on first use.
    pub async fn connection(&self) -> desk::Result<&Connection> {
        self.connection
            .get_or_try_init(|| Connection::open(&self.vault, self.endpoint.clone()))
            .await
    }
}
