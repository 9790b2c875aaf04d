//! Test helpers shared by the simulator's test files: start a demo simulator, a signed client
//! for it, and the control API.
#![allow(dead_code)]

use std::sync::Arc;

use ovh::{Client, RetryPolicy};
use ovh_sim::{Keys, Running, Sim};

/// A demo simulator on a loopback port, plus a signed client that does not retry.
pub async fn demo() -> (Running, Client) {
    let keys = Keys::default();
    let running = Running::start(Sim::demo(&keys))
        .await
        .expect("simulator starts");
    let client = client_for(&running, &keys, RetryPolicy::none());
    (running, client)
}

/// A client for `running` with `keys`.
pub fn client_for(running: &Running, keys: &Keys, retry: RetryPolicy) -> Client {
    running.client(keys, retry).expect("client builds")
}

/// Posts to the simulator's control API.
pub async fn control(running: &Running, path: &str, body: serde_json::Value) {
    let resp = reqwest::Client::new()
        .post(format!("{}/_sim/{path}", running.root_url()))
        .json(&body)
        .send()
        .await
        .expect("control API answers");
    assert!(
        resp.status().is_success(),
        "control {path}: {}",
        resp.status()
    );
}

/// Moves world time forward.
pub async fn advance(running: &Running, seconds: i64) {
    control(
        running,
        "advance",
        serde_json::json!({ "seconds": seconds }),
    )
    .await;
}

/// The first demo project id.
pub async fn first_project(client: &Client) -> String {
    client.project_ids().await.expect("project list")[0].clone()
}

pub fn sim(running: &Running) -> Arc<Sim> {
    running.sim.clone()
}
