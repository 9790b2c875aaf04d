//! Which cloud the app talks to: the built-in demo cloud (the simulator, in-process on a
//! loopback port) when no account is stored, or a real OVHcloud account from the keyring.
use std::sync::Arc;

use chrono::Utc;
use ovh::{Client, Endpoint};
use ovh_sim::{Keys, Running, Sim};

use crate::account::{self, Account};
use crate::vault::Vault;
use crate::{Clock, Error, Result};

/// Where the data comes from, as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The built-in demo cloud.
    Demo,
    /// A real account on this endpoint.
    Account(Endpoint),
}

/// An open connection: a signed client, and the demo simulator when in demo mode (stopped
/// when the connection is dropped).
pub struct Connection {
    pub client: Client,
    pub mode: Mode,
    /// The stored account, when not in demo mode.
    pub account: Option<Account>,
    /// What "now" is for everything this connection shows and decides.
    pub clock: Clock,
    _demo: Option<Running>,
}

impl Connection {
    /// Opens the account stored in `vault`, or the demo cloud (on `demo_port`, 0 for any) when
    /// no complete account is stored. Must run inside a tokio runtime.
    pub async fn open(vault: &Vault, demo_port: u16) -> Result<Self> {
        Self::open_tuned(vault, demo_port, |b| b).await
    }

    /// As [`Connection::open`], with the account's client adjusted by `tune` before it is built
    /// (tests shorten its retry delays and timeout; the secrets still come from the keyring).
    pub async fn open_tuned(
        vault: &Vault,
        demo_port: u16,
        tune: impl FnOnce(ovh::ClientBuilder) -> ovh::ClientBuilder,
    ) -> Result<Self> {
        let vault = vault.clone();
        match account::blocking(move || Account::load(&vault)).await? {
            Some(account) => Ok(Self {
                client: tune(account.client_builder()).build()?,
                mode: Mode::Account(account.endpoint().clone()),
                account: Some(account),
                clock: Arc::new(Utc::now),
                _demo: None,
            }),
            None => Self::demo_on(demo_port).await,
        }
    }

    /// A connection through an already built client (a simulator in benchmarks and tests).
    pub fn with_client(client: Client) -> Self {
        Self {
            mode: Mode::Account(client.endpoint().clone()),
            client,
            account: None,
            clock: Arc::new(Utc::now),
            _demo: None,
        }
    }

    /// The built-in demo cloud on any free loopback port.
    pub async fn demo() -> Result<Self> {
        Self::demo_on(0).await
    }

    /// The built-in demo cloud on a chosen loopback port (0 for any), shaped by the test knobs
    /// when built with them ([`demo_knobs`]).
    pub async fn demo_on(port: u16) -> Result<Self> {
        let keys = Keys::default();
        #[cfg(feature = "sim-controls")]
        let sim = demo_knobs(&keys)?;
        #[cfg(not(feature = "sim-controls"))]
        let sim = Sim::demo_at(&keys, Utc::now());
        let running = Running::start_on(sim, port)
            .await
            .map_err(|e| Error::Demo(e.to_string()))?;
        let client = running.client(&keys, ovh::RetryPolicy::default())?;
        let world = running.sim.clone();
        Ok(Self {
            client,
            mode: Mode::Demo,
            account: None,
            clock: Arc::new(move || world.clocks.world_now()),
            _demo: Some(running),
        })
    }

    /// The demo simulator's root URL, for tests that drive its clock and faults.
    pub fn demo_control_url(&self) -> Option<&str> {
        self._demo.as_ref().map(|r| r.root_url())
    }

    /// The demo simulator's loopback port: where its instances "answer" (see
    /// [`crate::rehearsal::Tcp`]).
    pub fn demo_port(&self) -> Option<u16> {
        self._demo.as_ref().map(|r| r.port())
    }
}

/// The demo cloud as the tests and benchmarks ask for it (`sim-controls` builds only):
/// `BACKUP_DESK_DEMO_BACKUPS` adds that many old backups to its first project, to measure long
/// lists; `BACKUP_DESK_DEMO_REGIONS` gives every project that many regions, to measure budgets;
/// `BACKUP_DESK_DEMO_BACKUP_PREFIX` names workflow backups otherwise than their workflow;
/// `BACKUP_DESK_DEMO_SUBSIDIARY` is the account's country (`FR`), whose catalog prices;
/// `BACKUP_DESK_DEMO_SCENARIO=messy` answers as OVH really does (see `ovh_sim::messy`);
/// `BACKUP_DESK_DEMO_NOW` (RFC 3339) is the date the demo cloud, and so the app, starts on;
/// `BACKUP_DESK_DEMO_SUSPENDED` names a project OVH reports suspended;
/// `BACKUP_DESK_DEMO_MAINTENANCE` names a region OVH reports under maintenance.
#[cfg(feature = "sim-controls")]
fn demo_knobs(keys: &Keys) -> Result<Arc<Sim>> {
    let start = match std::env::var("BACKUP_DESK_DEMO_NOW") {
        Ok(at) => chrono::DateTime::parse_from_rfc3339(&at)
            .map_err(|e| Error::Demo(format!("BACKUP_DESK_DEMO_NOW {at:?}: {e}")))?
            .with_timezone(&Utc),
        Err(_) => Utc::now(),
    };
    let sim = Sim::demo_at(keys, start);
    if let Some(n) = std::env::var("BACKUP_DESK_DEMO_BACKUPS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let now = sim.clocks.world_now();
        ovh_sim::scenario::add_many_backups(&mut sim.world.lock().expect("world lock"), n, now);
    }
    if let Some(n) = std::env::var("BACKUP_DESK_DEMO_REGIONS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let now = sim.clocks.world_now();
        ovh_sim::scenario::widen(&mut sim.world.lock().expect("world lock"), n, now);
    }
    if std::env::var("BACKUP_DESK_DEMO_SCENARIO").as_deref() == Ok("messy") {
        sim.world.lock().expect("world lock").messy = true;
    }
    if let Ok(country) = std::env::var("BACKUP_DESK_DEMO_SUBSIDIARY") {
        sim.world.lock().expect("world lock").subsidiary = country;
    }
    if let Ok(name) = std::env::var("BACKUP_DESK_DEMO_SUSPENDED") {
        let mut world = sim.world.lock().expect("world lock");
        for p in world.projects.iter_mut().filter(|p| p.description == name) {
            p.suspended = true;
        }
    }
    if let Ok(name) = std::env::var("BACKUP_DESK_DEMO_MAINTENANCE") {
        let mut world = sim.world.lock().expect("world lock");
        for p in world.projects.iter_mut() {
            for r in p.regions.iter_mut().filter(|r| r.name == name) {
                r.status = "MAINTENANCE".into();
            }
        }
    }
    if let Ok(prefix) = std::env::var("BACKUP_DESK_DEMO_BACKUP_PREFIX") {
        ovh_sim::scenario::prefix_backup_names(&mut sim.world.lock().expect("world lock"), &prefix);
    }
    Ok(sim)
}
