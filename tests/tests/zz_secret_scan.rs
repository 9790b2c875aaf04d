//! Runs last (cargo runs test files in name order): after every end-to-end journey, no app
//! profile — data, config, cache and web storage — and no app log holds the bytes of a test
//! credential's secret.
use e2e::root;
use ovh_sim::Keys;

fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn no_test_secret_anywhere_the_apps_wrote() {
    let keys = Keys::default();
    let secrets = [
        keys.application_secret.as_str(),
        keys.consumer_key.as_str(),
        keys.client_secret.as_str(),
    ];
    let mut files = Vec::new();
    let mut profiles = 0;
    for entry in std::fs::read_dir(std::env::temp_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with("backup-desk-e2e-")
        {
            profiles += 1;
            files_under(&entry.path(), &mut files);
        }
    }
    for entry in std::fs::read_dir(root().join("tests/artifacts"))
        .into_iter()
        .flatten()
        .flatten()
    {
        if entry.file_name().to_string_lossy().ends_with("-app.log") {
            files.push(entry.path());
        }
    }
    let mut hits = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_default();
        for s in secrets {
            if bytes.windows(s.len()).any(|w| w == s.as_bytes()) {
                hits.push(f.display().to_string());
            }
        }
    }
    println!(
        "secret scan: {profiles} app profiles, {} files, {} hits",
        files.len(),
        hits.len()
    );
    assert!(profiles > 0, "the end-to-end tests left no profile to scan");
    assert!(hits.is_empty(), "secrets found in: {hits:?}");
}
