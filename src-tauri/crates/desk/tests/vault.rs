//! The vault against the real keyring: the session's Secret Service on Linux (gnome-keyring in
//! `.ci/run`), Credential Manager on Windows (under Wine in `.ci/windows-tests`).
//! Each assertion states the contract it pins.
use desk::vault::{SecretKind, Vault};
use desk::Sensitive;

#[test]
fn stores_reads_and_deletes_in_the_real_keyring() {
    if cfg!(target_os = "linux") && std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        panic!("this test needs a D-Bus session with a Secret Service; run it through `make test`");
    }
    let vault = Vault::with_service(&format!("backup-desk-test-{}", std::process::id()));
    assert_eq!(
        vault.load(SecretKind::ConsumerKey).unwrap(),
        None,
        "a missing entry is None, not an error"
    );
    vault
        .store(
            SecretKind::ConsumerKey,
            &Sensitive::new("ck-secret-value".into()),
        )
        .unwrap();
    assert_eq!(
        vault
            .load(SecretKind::ConsumerKey)
            .unwrap()
            .map(|s| s.expose().clone()),
        Some("ck-secret-value".into()),
        "a stored secret reads back"
    );
    vault
        .store(SecretKind::ConsumerKey, &Sensitive::new("replaced".into()))
        .unwrap();
    assert_eq!(
        vault
            .load(SecretKind::ConsumerKey)
            .unwrap()
            .unwrap()
            .expose(),
        "replaced",
        "store replaces"
    );
    vault.delete(SecretKind::ConsumerKey).unwrap();
    assert_eq!(
        vault.load(SecretKind::ConsumerKey).unwrap(),
        None,
        "a deleted secret is gone"
    );
    vault
        .delete(SecretKind::ConsumerKey)
        .expect("deleting a missing entry is not an error");
}
