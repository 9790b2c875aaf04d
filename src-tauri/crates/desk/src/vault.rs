//! Secrets in the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) and nowhere else. A missing entry is `Ok(None)`, not an error.
use ovh::Sensitive;

/// What the app keeps about the account, one keyring entry each. The endpoint and the
/// application key are not secret, but keeping the whole account in one place means sign-out
/// is one loop and no config file ever names an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    Endpoint,
    ApplicationKey,
    ApplicationSecret,
    ConsumerKey,
    ClientId,
    ClientSecret,
}

impl SecretKind {
    /// Every kind, for sign-out.
    pub const ALL: [SecretKind; 6] = [
        SecretKind::Endpoint,
        SecretKind::ApplicationKey,
        SecretKind::ApplicationSecret,
        SecretKind::ConsumerKey,
        SecretKind::ClientId,
        SecretKind::ClientSecret,
    ];

    /// The entry's user name within the app's service.
    pub fn user(self) -> &'static str {
        match self {
            SecretKind::Endpoint => "endpoint",
            SecretKind::ApplicationKey => "application-key",
            SecretKind::ApplicationSecret => "application-secret",
            SecretKind::ConsumerKey => "consumer-key",
            SecretKind::ClientId => "client-id",
            SecretKind::ClientSecret => "client-secret",
        }
    }
}

/// Why the keyring could not be used, in words a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "no keyring is available: install or start a Secret Service (GNOME Keyring or KWallet; on Debian or Ubuntu: sudo apt install gnome-keyring), then try again"
    )]
    Unavailable(String),
    #[error("the keyring is locked: unlock it and try again")]
    Locked,
    #[error("the keyring refused the operation: {0}")]
    Failed(String),
}

impl From<keyring::Error> for Error {
    fn from(e: keyring::Error) -> Self {
        match e {
            keyring::Error::NoStorageAccess(inner) => {
                let text = inner.to_string();
                // Secret Service says "locked" or "Locked" depending on the daemon.
                if text.contains("locked") || text.contains("Locked") {
                    Error::Locked
                } else {
                    Error::Unavailable(text)
                }
            }
            keyring::Error::PlatformFailure(inner) => Error::Unavailable(inner.to_string()),
            other => Error::Failed(other.to_string()),
        }
    }
}

/// Keyring entries of one build: release builds and development builds never share entries.
#[derive(Debug, Clone)]
pub struct Vault {
    service: String,
}

impl Vault {
    /// The vault of this build (`backup-desk` for release builds, `backup-desk-dev` otherwise).
    pub fn for_this_build() -> Self {
        let service = if cfg!(debug_assertions) {
            "backup-desk-dev"
        } else {
            "backup-desk"
        };
        Self::with_service(service)
    }

    /// A vault under another service name (tests use their own).
    pub fn with_service(service: &str) -> Self {
        Self {
            service: service.to_string(),
        }
    }

    fn entry(&self, kind: SecretKind) -> Result<keyring::Entry, Error> {
        Ok(keyring::Entry::new(&self.service, kind.user())?)
    }

    /// Stores a secret, replacing any previous one.
    pub fn store(&self, kind: SecretKind, secret: &Sensitive<String>) -> Result<(), Error> {
        Ok(self.entry(kind)?.set_password(secret.expose())?)
    }

    /// Reads a secret; `None` when it was never stored.
    pub fn load(&self, kind: SecretKind) -> Result<Option<Sensitive<String>>, Error> {
        match self.entry(kind)?.get_password() {
            Ok(s) => Ok(Some(Sensitive::new(s))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Deletes a secret; deleting a missing one is not an error.
    pub fn delete(&self, kind: SecretKind) -> Result<(), Error> {
        match self.entry(kind)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_access(text: &str) -> Error {
        keyring::Error::NoStorageAccess(Box::new(std::io::Error::other(text.to_string()))).into()
    }

    /// A locked keyring is told apart from a missing one, whichever way the daemon spells it:
    /// the remedies differ (unlock it, or install one).
    #[test]
    fn keyring_failures_say_which_remedy_applies() {
        assert!(matches!(no_access("Collection is Locked"), Error::Locked));
        assert!(matches!(
            no_access("the collection is locked"),
            Error::Locked
        ));
        assert!(matches!(
            no_access("org.freedesktop.DBus.Error.ServiceUnknown"),
            Error::Unavailable(_)
        ));
        let platform: Error =
            keyring::Error::PlatformFailure(Box::new(std::io::Error::other("no bus"))).into();
        assert!(matches!(platform, Error::Unavailable(_)));
        assert!(matches!(
            Error::from(keyring::Error::TooLong("user".into(), 255)),
            Error::Failed(_)
        ));
    }
}
