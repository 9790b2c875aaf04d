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
pub mod render;
pub mod scenario;
pub mod world;

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
}

impl Sim {
    /// A simulator over `world`, whose world clock starts now and runs `speed` times wall time.
    pub fn new(world: World, speed: f64) -> Arc<Self> {
        Arc::new(Self {
            world: Mutex::new(world),
            clocks: Clocks::new(chrono::Utc::now(), speed),
            faults: Mutex::new(Vec::new()),
            requests: AtomicU64::new(0),
        })
    }

    /// The demo cloud, reachable with `keys`.
    pub fn demo(keys: &Keys) -> Arc<Self> {
        Self::new(scenario::demo(keys, chrono::Utc::now()), 1.0)
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
