//! Files written by version 0.1 (committed in `fixtures/v0.1`, never edited) are read by this
//! version: the backups in progress, the backups made, the settings and the chosen country all
//! come back, and are written again in the current format. (What was notified is checked
//! beside its private type in `watcher.rs`.)
use std::path::{Path, PathBuf};
use std::time::Duration;

use desk::journal::{Journal, Kind};
use desk::records::{Made, Records};
use desk::settings::Store;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v0.1");

/// A copy of the fixtures to work on.
fn copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bd-formats-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(FIXTURES).unwrap().flatten() {
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn backups_in_progress_written_by_0_1_are_still_followed() {
    let dir = copy("journal");
    let journal = Journal::in_dir(&dir);
    let tracked = journal.load();
    let kinds: Vec<&Kind> = tracked.iter().map(|t| &t.kind).collect();
    assert_eq!(tracked.len(), 5, "every entry is read");
    assert_eq!(
        kinds[0],
        &Kind::Backup,
        "an entry without a kind is a backup"
    );
    assert!(
        matches!(kinds[2], Kind::SafetyBackup { restore_from, .. } if restore_from == "snap-good")
    );
    assert_eq!(
        kinds[3],
        &Kind::Rebuild {
            seen_rebuilding: true,
            operation_id: Some("op-9".into())
        }
    );
    assert_eq!(kinds[4], &Kind::Build);
    // The fixture is what 0.1's writer made: the same data serialises to the same JSON (the
    // first entry, older still, gains its kind).
    let mut written = json(&dir.join("in-progress.json"));
    written[0]["kind"] = serde_json::json!({"type": "backup"});
    assert_eq!(serde_json::to_value(&tracked).unwrap(), written);
    // Saved again in the current format, nothing is lost.
    journal.save(&tracked).unwrap();
    assert_eq!(json(&dir.join("in-progress.json"))["format"], 1);
    assert_eq!(journal.load(), tracked);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn records_and_settings_written_by_0_1_are_kept() {
    let dir = copy("records");
    let records = Records::in_dir(Some(dir.clone()));
    assert_eq!(records.get("snap-2").unwrap().made, Made::Manual);
    assert_eq!(records.get("snap-safety").unwrap().instance_id, "inst-3");
    records.remove(&["snap-2".into()]);
    let again = Records::in_dir(Some(dir.clone()));
    assert!(again.get("snap-2").is_none());
    assert_eq!(again.get("snap-safety").unwrap().made, Made::Safety);

    let store = Store::in_dir(&dir);
    let settings = store.load();
    assert_eq!(settings.language.as_deref(), Some("fr"));
    assert!(settings.quiet_successes);
    store.save(&settings).unwrap();
    assert_eq!(json(&dir.join("settings.json"))["format"], 1);
    assert_eq!(store.load(), settings);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn the_country_chosen_in_0_1_still_prices() {
    let dir = copy("country");
    // Nothing answers here: GET /me fails and the saved choice applies.
    let client = ovh::Client::builder(ovh::Endpoint::Custom("http://127.0.0.1:9/1.0".into()))
        .retry(ovh::RetryPolicy::none())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let prices = desk::pricing::Prices::new(client, Some(dir.clone()));
    assert_eq!(prices.country().await.subsidiary.as_deref(), Some("GB"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_damaged_journal_is_set_aside_not_emptied() {
    let dir = copy("damaged");
    let path = dir.join("in-progress.json");
    std::fs::write(&path, b"[{\"projectId\": \"p-1\", \"snapsh").unwrap();
    assert!(Journal::in_dir(&dir).load().is_empty());
    let kept: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("in-progress.json.unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged journal is kept aside: {kept:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
