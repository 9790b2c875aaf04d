//! A strict simulator of the OVHcloud API v1 for Public Cloud instance backups.
//!
//! Strict where OVH is strict: signatures are checked byte for byte over the raw request,
//! timestamps against a window, consumer keys against their access rules, and answers carry
//! every field of OVH's published schema. Backups move `queued` → `saving` → `active` over world
//! time, workflows run on their cron and rotate, and faults can be injected through `/_sim/...`.
//!
//! Tests bind `127.0.0.1:0` and call [`run`]; demo mode does the same inside the app.
#![forbid(unsafe_code)]

pub mod auth;
pub mod clock;
pub mod faults;
pub mod http;
pub mod messy;
pub mod prices;
pub mod render;
pub mod scenario;
pub mod secrets;
pub mod world;
pub mod writes;

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

use axum::http::Method;

pub use clock::Clocks;
pub use scenario::{Keys, ScaleSize};
pub use world::World;

/// The simulator's shared state: the world, its clocks and the active faults.
#[derive(Debug)]
pub struct Sim {
    /// NOTE: a std mutex: no guard is held across an `.await`.
    pub world: Mutex<World>,
    pub clocks: Clocks,
    pub faults: Mutex<Vec<faults::Fault>>,
    /// Requests served under `/1.0` and `/v1`.
    pub requests: AtomicU64,
    /// The same requests by method and route template (`GET /cloud/project/{serviceName}`),
    /// for request budgets that name what they count.
    pub routes: Mutex<BTreeMap<String, u64>>,
    /// When on, every request's route and when it started and was answered (benchmarks derive
    /// the dependency depth of what a client did from it).
    pub log: Mutex<Option<Vec<Logged>>>,
}

/// One request as the simulator saw it.
#[derive(Debug, Clone)]
pub struct Logged {
    pub route: String,
    pub start: std::time::Instant,
    pub end: std::time::Instant,
}

impl Sim {
    /// A simulator over `world`, whose world clock starts now and runs `speed` times wall time.
    pub fn new(world: World, speed: f64) -> Arc<Self> {
        Self::new_at(world, chrono::Utc::now(), speed)
    }

    /// A simulator whose world time starts at `start` rather than now.
    pub fn new_at(world: World, start: chrono::DateTime<chrono::Utc>, speed: f64) -> Arc<Self> {
        Arc::new(Self {
            world: Mutex::new(world),
            clocks: Clocks::new(start, speed),
            faults: Mutex::new(Vec::new()),
            requests: AtomicU64::new(0),
            routes: Mutex::new(BTreeMap::new()),
            log: Mutex::new(None),
        })
    }

    /// The demo cloud, reachable with `keys`.
    pub fn demo(keys: &Keys) -> Arc<Self> {
        Self::demo_at(keys, chrono::Utc::now())
    }

    /// The demo cloud as it stands at `start`, its clock running from there.
    pub fn demo_at(keys: &Keys, start: chrono::DateTime<chrono::Utc>) -> Arc<Self> {
        Self::new_at(scenario::demo(keys, start), start, 1.0)
    }

    /// Starts recording requests (see [`Sim::log`]).
    pub fn start_log(&self) {
        *self.log.lock().expect("log lock") = Some(Vec::new());
    }

    /// Stops recording and returns what was recorded.
    pub fn take_log(&self) -> Vec<Logged> {
        self.log
            .lock()
            .expect("log lock")
            .take()
            .unwrap_or_default()
    }

    /// Counts one request under its route template.
    pub(crate) fn count_route(&self, method: &Method, path: &str) {
        *self
            .routes
            .lock()
            .expect("routes lock")
            .entry(format!("{method} {}", route_template(path)))
            .or_default() += 1;
    }

    /// Takes the first fault matching this request, counting it down.
    pub(crate) fn take_fault(&self, method: &Method, path: &str) -> Option<faults::Fault> {
        let mut faults = self.faults.lock().expect("faults lock");
        let idx = faults.iter().position(|f| f.matches(method, path))?;
        let fault = faults[idx].clone();
        if let Some(times) = faults[idx].times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                faults.remove(idx);
            }
        }
        Some(fault)
    }
}

/// Serves the simulator on `listener` until `shutdown` completes.
pub async fn run(
    listener: tokio::net::TcpListener,
    sim: Arc<Sim>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, http::router(sim))
        .with_graceful_shutdown(shutdown)
        .await
}

/// A simulator running in the background on a loopback port, stopped when dropped.
pub struct Running {
    /// `http://127.0.0.1:<port>/1.0`
    pub base_url: String,
    pub sim: Arc<Sim>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Running {
    /// Binds `127.0.0.1:0` and serves `sim` on the current tokio runtime.
    pub async fn start(sim: Arc<Sim>) -> std::io::Result<Self> {
        Self::start_on(sim, 0).await
    }

    /// Like [`Running::start`] on a chosen loopback port (0 for any).
    pub async fn start_on(sim: Arc<Sim>, port: u16) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let port = listener.local_addr()?.port();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let served = sim.clone();
        tokio::spawn(async move {
            if let Err(e) = run(listener, served, async {
                let _ = rx.await;
            })
            .await
            {
                tracing::error!("simulator stopped: {e}");
            }
        });
        Ok(Self {
            base_url: format!("http://127.0.0.1:{port}/1.0"),
            sim,
            stop: Some(tx),
        })
    }

    /// A signed client for this simulator with `keys`.
    pub fn client(&self, keys: &Keys, retry: ovh::RetryPolicy) -> ovh::Result<ovh::Client> {
        ovh::Client::builder(ovh::Endpoint::Custom(self.base_url.clone()))
            .credentials(keys.credentials())
            .retry(retry)
            .build()
    }

    /// The loopback port it serves on: a connection to it stands for an instance made from a
    /// backup that boots answering on its port (see [`world::ANSWERS`]).
    pub fn port(&self) -> u16 {
        self.base_url
            .rsplit(':')
            .next()
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
    }

    /// The root URL (without `/1.0`), for the control API.
    pub fn root_url(&self) -> &str {
        self.base_url.trim_end_matches("/1.0")
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// A request path with its ids replaced by the names OVH's schema gives them:
/// `/cloud/project/abc/region/GRA11/workflow/backup/x` → `/cloud/project/{serviceName}/region/
/// {regionName}/workflow/backup/{backupWorkflowId}`.
pub fn route_template(path: &str) -> String {
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let mut out = String::new();
    for (i, seg) in segs.iter().enumerate() {
        let before = |k: usize| i.checked_sub(k).map(|j| segs[j]);
        let name = match (before(2), before(1)) {
            (_, Some("project")) => Some("{serviceName}"),
            (_, Some("region")) => Some("{regionName}"),
            (_, Some("instance")) => Some("{instanceId}"),
            (_, Some("snapshot")) if before(3) != Some("instance") => Some("{imageId}"),
            (_, Some("flavor")) => Some("{flavorId}"),
            (_, Some("image")) => Some("{imageId}"),
            (_, Some("operation")) => Some("{operationId}"),
            (Some("workflow"), Some("backup")) => Some("{backupWorkflowId}"),
            _ => None,
        };
        out.push('/');
        out.push_str(name.unwrap_or(seg));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::route_template;

    #[test]
    fn routes_are_counted_by_template() {
        for (path, template) in [
            ("/cloud/project", "/cloud/project"),
            ("/cloud/project/p1/region", "/cloud/project/{serviceName}/region"),
            (
                "/cloud/project/p1/region/GRA11/workflow/backup/w1",
                "/cloud/project/{serviceName}/region/{regionName}/workflow/backup/{backupWorkflowId}",
            ),
            (
                "/cloud/project/p1/instance/i1/snapshot",
                "/cloud/project/{serviceName}/instance/{instanceId}/snapshot",
            ),
            ("/cloud/project/p1/snapshot/s1", "/cloud/project/{serviceName}/snapshot/{imageId}"),
            ("/auth/time", "/auth/time"),
        ] {
            assert_eq!(route_template(path), template);
        }
    }
}
