//! The `/_sim/...` control API for tests and benchmarks: move time, inject faults, skew the
//! clock, change the pace, read counters. Only with the `controls` feature: the app's demo cloud
//! is built without it, so a user's demo answers these paths like OVH (404).
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::faults::Fault;
use crate::render;
use crate::Sim;

/// The control routes.
pub fn routes() -> Router<Arc<Sim>> {
    Router::new()
        .route("/_sim/advance", post(control_advance))
        .route(
            "/_sim/faults",
            post(control_add_fault).delete(control_clear_faults),
        )
        .route("/_sim/skew", post(control_skew))
        .route("/_sim/fail-next-snapshots", post(control_fail_next))
        .route(
            "/_sim/fail-next-volume-snapshots",
            post(control_fail_next_volumes),
        )
        .route("/_sim/skip-next-runs", post(control_skip_runs))
        .route("/_sim/credentials/{ck}/{action}", post(control_credential))
        .route("/_sim/stats", get(control_stats))
        .route("/_sim/pace", post(control_pace))
}

#[derive(Deserialize)]
struct Seconds {
    seconds: i64,
}

async fn control_advance(State(sim): State<Arc<Sim>>, Json(s): Json<Seconds>) -> Json<Value> {
    sim.clocks.advance(chrono::Duration::seconds(s.seconds));
    let now = sim.clocks.world_now();
    sim.world.lock().expect("world lock").advance(now);
    Json(json!({"worldTime": render::ts(now)}))
}

async fn control_add_fault(State(sim): State<Arc<Sim>>, Json(f): Json<Fault>) -> StatusCode {
    sim.faults.lock().expect("faults lock").push(f);
    StatusCode::NO_CONTENT
}

async fn control_clear_faults(State(sim): State<Arc<Sim>>) -> StatusCode {
    sim.faults.lock().expect("faults lock").clear();
    StatusCode::NO_CONTENT
}

async fn control_skew(State(sim): State<Arc<Sim>>, Json(s): Json<Seconds>) -> StatusCode {
    sim.clocks.set_skew(s.seconds);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct Count {
    count: u32,
}

async fn control_fail_next(State(sim): State<Arc<Sim>>, Json(c): Json<Count>) -> StatusCode {
    sim.world.lock().expect("world lock").fail_next_snapshots = c.count;
    StatusCode::NO_CONTENT
}

async fn control_fail_next_volumes(
    State(sim): State<Arc<Sim>>,
    Json(c): Json<Count>,
) -> StatusCode {
    sim.world
        .lock()
        .expect("world lock")
        .fail_next_volume_snapshots = c.count;
    StatusCode::NO_CONTENT
}

async fn control_skip_runs(State(sim): State<Arc<Sim>>, Json(c): Json<Count>) -> StatusCode {
    sim.world.lock().expect("world lock").skip_next_runs = c.count;
    StatusCode::NO_CONTENT
}

async fn control_credential(
    State(sim): State<Arc<Sim>>,
    Path((ck, action)): Path<(String, String)>,
) -> StatusCode {
    let mut world = sim.world.lock().expect("world lock");
    let Some(c) = world.credentials.get_mut(&ck) else {
        return StatusCode::NOT_FOUND;
    };
    match action.as_str() {
        "validate" => c.status = "validated".into(),
        "revoke" => c.status = "expired".into(),
        _ => return StatusCode::BAD_REQUEST,
    }
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PaceChange {
    snapshot_min_secs: Option<f64>,
    snapshot_secs_per_gb: Option<f64>,
    rebuild_secs: Option<f64>,
    rebuild_start_secs: Option<f64>,
}

/// Changes how long backups and rebuilds take from now on (budget tests keep backups running).
async fn control_pace(State(sim): State<Arc<Sim>>, Json(c): Json<PaceChange>) -> StatusCode {
    let mut world = sim.world.lock().expect("world lock");
    if let Some(v) = c.snapshot_min_secs {
        world.pace.snapshot_min_secs = v;
    }
    if let Some(v) = c.snapshot_secs_per_gb {
        world.pace.snapshot_secs_per_gb = v;
    }
    if let Some(v) = c.rebuild_secs {
        world.pace.rebuild_secs = v;
    }
    if let Some(v) = c.rebuild_start_secs {
        world.pace.rebuild_start_secs = v;
    }
    StatusCode::NO_CONTENT
}

async fn control_stats(State(sim): State<Arc<Sim>>) -> Json<Value> {
    let now = sim.clocks.world_now();
    let world = sim.world.lock().expect("world lock");
    Json(json!({
        "requests": sim.requests.load(Ordering::Relaxed),
        "routes": *sim.routes.lock().expect("routes lock"),
        "worldTime": render::ts(now),
        "snapshots": world.projects.iter().map(|p| p.snapshots.len()).sum::<usize>(),
        "workflows": world.projects.iter().map(|p| p.workflows.len()).sum::<usize>(),
        // By name: a test looks for what a deleted backup set left.
        "volumeSnapshots": world
            .projects
            .iter()
            .flat_map(|p| p.volume_snapshots.iter().map(|s| s.name.clone()))
            .collect::<Vec<_>>(),
        // Each volume's name and the instances it is attached to: a test follows a restore in
        // place.
        "volumes": world
            .projects
            .iter()
            .flat_map(|p| p.volumes.iter().map(|v| json!({"name": v.name, "attachedTo": v.attached_to})))
            .collect::<Vec<_>>(),
        // By name: a test looks for what a restore rehearsal left.
        "instances": world
            .projects
            .iter()
            .flat_map(|p| p.instances.iter().map(|i| i.name.clone()))
            .collect::<Vec<_>>(),
    }))
}
