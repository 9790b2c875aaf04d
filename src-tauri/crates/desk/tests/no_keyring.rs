//! Without a Secret Service the vault says what to start, and nothing falls back to a file.
//! Alone in its test binary because it points this process's D-Bus address nowhere. Linux only:
//! the Secret Service is Linux's keyring; Windows always has Credential Manager.
#![cfg(target_os = "linux")]
use desk::account::{self, Account};
use desk::vault::{SecretKind, Vault};
use ovh::Endpoint;

#[test]
fn no_secret_service_is_a_clear_error_and_nothing_is_written() {
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/backup-desk-test-bus",
    );
    let home = std::env::temp_dir().join(format!("no-keyring-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    std::env::set_var("HOME", &home);
    std::env::set_var("XDG_DATA_HOME", home.join("data"));
    std::env::set_var("XDG_CONFIG_HOME", home.join("config"));

    let vault = Vault::with_service("backup-desk-test-no-keyring");
    let err = vault.load(SecretKind::ConsumerKey).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("no keyring is available") && text.contains("GNOME Keyring or KWallet"),
        "{text}"
    );
    let account =
        account::from_keys(Endpoint::Eu, "AK", "secretValue123", "consumerKey123").unwrap();
    assert!(account.save(&vault).is_err());
    assert!(Account::load(&vault).is_err());

    let mut stack = vec![home.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_default();
                assert!(
                    !bytes.windows(14).any(|w| w == b"secretValue123"),
                    "{} holds the secret",
                    path.display()
                );
            }
        }
    }
}
