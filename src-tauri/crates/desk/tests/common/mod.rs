//! Shared by the desk tests: a demo simulator with a signed client that does not retry.
#![allow(dead_code)]

use ovh::{Client, RetryPolicy};
use ovh_sim::{Keys, Running, Sim};

/// A demo simulator, its client and the first project's id.
pub async fn demo() -> (Running, Client, String) {
    demo_at(chrono::Utc::now()).await
}

/// The demo cloud as it stands at `start`, its clock running from there.
pub async fn demo_at(start: chrono::DateTime<chrono::Utc>) -> (Running, Client, String) {
    let keys = Keys::default();
    let running = Running::start(Sim::demo_at(&keys, start)).await.unwrap();
    let client = running.client(&keys, RetryPolicy::none()).unwrap();
    let project = client.project_ids().await.unwrap()[0].clone();
    (running, client, project)
}

/// Adds a fault rule to `running`, as `/_sim/faults` would.
pub fn inject(running: &Running, fault: serde_json::Value) {
    let f: ovh_sim::faults::Fault = serde_json::from_value(fault).unwrap();
    running.sim.faults.lock().unwrap().push(f);
}

/// Waits up to two seconds, looking every 10 ms, for `done`; whether it came.
pub async fn within_2s(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if done() {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    done()
}

/// The id of the backup named `name` in `sim`'s world.
pub fn backup_id(sim: &Sim, name: &str) -> String {
    let world = sim.world.lock().unwrap();
    world
        .projects
        .iter()
        .flat_map(|p| p.snapshots.iter())
        .find(|s| s.name == name)
        .map(|s| s.id.clone())
        .unwrap_or_else(|| panic!("no backup named {name}"))
}

/// The names of `sim`'s instances, every project.
pub fn instance_names(sim: &Sim) -> Vec<String> {
    let world = sim.world.lock().unwrap();
    world
        .projects
        .iter()
        .flat_map(|p| p.instances.iter().map(|i| i.name.clone()))
        .collect()
}
