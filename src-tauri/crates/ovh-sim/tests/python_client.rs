//! The official python client (`pip install ovh`), unchanged, makes signed calls against the
//! simulator and gets OVH's errors for bad ones. `.ci/run` installs it. Not under Wine: the
//! Windows build of the tests has no Windows Python to run.
#![cfg(not(windows))]
mod common;

use ovh_sim::Keys;

#[tokio::test]
async fn the_official_python_client_works_unchanged() {
    let (sim, _) = common::demo().await;
    let keys = Keys::default();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python_ovh.py");
    let python = std::env::var("BACKUP_DESK_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = tokio::process::Command::new(python)
        .arg(script)
        .env("SIM_URL", &sim.base_url)
        .env("AK", &keys.application_key)
        .env("AS", &keys.application_secret)
        .env("CK", &keys.consumer_key)
        .env("CLIENT_ID", &keys.client_id)
        .env("CLIENT_SECRET", &keys.client_secret)
        .output()
        .await
        .expect("python3 runs (install python-ovh with `pip install ovh`)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "python-ovh failed against the simulator:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("checks passed"), "{stdout}");
}
