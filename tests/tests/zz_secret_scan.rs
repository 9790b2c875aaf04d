//! Runs last (cargo runs test files in name order): after every end-to-end journey of this run,
//! no app profile — data, config, cache and web storage (which WebKit keeps as UTF-16 in
//! SQLite) — and no app log holds a secret, in UTF-8, UTF-16LE or base64: neither the built-in
//! test keys nor any key issued during the run. The scan proves itself first on planted secrets.
use std::path::{Path, PathBuf};

use e2e::{issued_list, root, run_id};
use ovh_sim::secrets::{forms, scan};
use ovh_sim::Keys;

/// This run's profiles (the run id is in their names), never an earlier run's.
fn this_runs_profiles() -> Vec<PathBuf> {
    let prefix = format!("backup-desk-e2e-{}-", run_id());
    std::fs::read_dir(std::env::temp_dir())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect()
}

#[test]
fn the_scan_finds_secrets_planted_in_each_form() {
    let planted = std::env::temp_dir().join(format!("secret-scan-proof-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&planted);
    let secret = Keys::default().application_secret;
    let all = forms(&secret);
    for (i, (form, bytes)) in all.iter().enumerate() {
        // As a web storage database would hold it: inside other bytes, in a nested folder.
        let dir = planted.join(format!("data/com.backupdesk.desk/localstorage-{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        let mut body = b"SQLite format 3\0....".to_vec();
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"....");
        std::fs::write(dir.join(format!("{form}.sqlite3")), body).unwrap();
    }
    let found = scan(&[&planted], &[&secret]);
    let mut files: Vec<&Path> = found.hits.iter().map(|(p, _)| p.as_path()).collect();
    files.dedup();
    assert_eq!(found.files, all.len());
    assert_eq!(files.len(), all.len(), "found only {:?}", found.hits);
    std::fs::remove_dir_all(&planted).unwrap();
}

#[test]
fn no_test_secret_anywhere_the_apps_wrote() {
    let keys = Keys::default();
    let issued = std::fs::read_to_string(issued_list()).unwrap_or_default();
    let mut secrets = vec![
        keys.application_secret.as_str(),
        keys.consumer_key.as_str(),
        keys.client_secret.as_str(),
    ];
    secrets.extend(issued.lines().filter(|l| !l.is_empty()));
    let profiles = this_runs_profiles();
    let mut dirs: Vec<&Path> = profiles.iter().map(PathBuf::as_path).collect();
    let logs = root().join("tests/artifacts");
    dirs.push(&logs);
    let found = scan(&dirs, &secrets);
    println!(
        "secret scan (run {}): {} app profiles and the logs, {} files, {} secrets ({} issued during the run), {} hits",
        run_id(),
        profiles.len(),
        found.files,
        secrets.len(),
        issued.lines().count(),
        found.hits.len()
    );
    assert!(!profiles.is_empty(), "this run left no profile to scan");
    assert!(
        found.files > profiles.len(),
        "too few files read to prove anything"
    );
    assert!(
        found.unreadable.is_empty(),
        "unreadable: {:?}",
        found.unreadable
    );
    assert!(found.hits.is_empty(), "secrets found in: {:?}", found.hits);
}
