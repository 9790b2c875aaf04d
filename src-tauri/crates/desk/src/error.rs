//! The domain's one error type. The command layer maps each variant to a stable `kind`.
/// Result of domain calls.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in the domain. Messages never contain a secret.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The OVH API refused or could not be reached.
    #[error(transparent)]
    Ovh(#[from] ovh::Error),
    /// The OS keyring could not be used.
    #[error(transparent)]
    Vault(#[from] crate::vault::Error),
    /// The user gave something unusable; nothing was changed.
    #[error("{0}")]
    Invalid(String),
    /// Whether an action took effect is unknown and could not be checked.
    #[error("{0}")]
    Uncertain(String),
    /// The built-in demo cloud could not start.
    #[error("failed to start the demo cloud: {0}")]
    Demo(String),
}
