//! Restore rehearsals (issue 19): proving that a backup boots, on a temporary instance that is
//! always deleted.
//!
//! A rehearsal is planned before anything is asked of OVH: the smallest model the backup fits,
//! the temporary instance's recognisable name, the port checked, the longest it may take, and
//! what it may cost at most. The hourly rounding of OVH's billing is not confirmed, so the cost
//! shown is an upper bound that holds either way: every hour begun, billed whole.
//!
//! It then runs: the temporary instance is written to the rehearsal book *before* it is asked
//! for, so that a crash at any point leaves it known; it is followed to `ACTIVE`, its port is
//! tried, and it is deleted whatever happened. What the book holds is cleaned up at the next
//! start. The app deletes only instances the book names: its id once OVH gave it, or before
//! that (an answer lost on the way) the exact recorded name, created after the rehearsal began.
use std::collections::BTreeSet;
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio_util::sync::{CancellationToken, DropGuard};
use ts_rs::TS;

use ovh::types::InstanceCreation;
use ovh::Client;

use crate::files::JsonFile;
use crate::Clock;

use crate::restore::{FlavorChoice, RestoreOptions};

/// The longest a temporary instance may take to reach `ACTIVE`.
pub const BOOT_LIMIT_MINUTES: u32 = 20;
/// The longest its port may take to answer once `ACTIVE`.
pub const PORT_LIMIT_MINUTES: u32 = 5;
/// Time allowed for the deletion, in the longest a rehearsal may take.
pub const DELETE_LIMIT_MINUTES: u32 = 5;

/// A rehearsal as the dialog describes it before Confirm.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub backup_id: String,
    pub region: String,
    /// `rehearsal-<instance>-<date>`, so that staff recognise it in the Control Panel.
    pub temporary_name: String,
    pub flavor: FlavorChoice,
    /// The TCP port checked once the instance is `ACTIVE`; `None`: `ACTIVE` is the check.
    pub port: Option<u16>,
    pub longest_minutes: u32,
    /// At most this, in the model's currency: its hourly price × every hour begun within
    /// `longest_minutes`. `None` without a price ("price not available").
    pub cost_at_most: Option<f64>,
    pub currency: Option<String>,
}

/// The port a backup's system answers on: SSH for Linux, Remote Desktop for Windows; `None`
/// when OVH does not say which system it is.
pub fn default_port(image_type: &str) -> Option<u16> {
    match image_type.to_ascii_lowercase().as_str() {
        "linux" => Some(22),
        "windows" => Some(3389),
        _ => None,
    }
}

/// The temporary instance's name: the instance's (or the backup's) name made safe, and the
/// moment to the second, in UTC so that two desktops in two zones never make the same name
/// (the book tells its entries apart by name).
pub fn temporary_name(source: &str, at: DateTime<Utc>) -> String {
    let mut safe: String = source
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    safe.truncate(40);
    let safe = safe.trim_matches('-');
    let safe = if safe.is_empty() { "backup" } else { safe };
    format!("rehearsal-{safe}-{}", at.format("%Y%m%d-%H%M%S"))
}

/// The cheapest model the backup fits, by the hour; models without a price come after the
/// priced ones, smallest first (memory, then disk), so a price never hides a smaller model.
pub fn smallest(flavors: &[FlavorChoice]) -> Option<&FlavorChoice> {
    flavors.iter().min_by(|a, b| {
        let price = |f: &FlavorChoice| f.price.as_ref().map(|p| p.per_hour);
        match (price(a), price(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then((a.ram_mb, a.disk_gb).cmp(&(b.ram_mb, b.disk_gb)))
    })
}

/// Plans a rehearsal of the backup `options` describe; `None` when no model in its region fits
/// it (the dialog then says so, and nothing is created).
pub fn plan(options: &RestoreOptions, image_type: &str, now: DateTime<Utc>) -> Option<Plan> {
    let flavor = smallest(&options.flavors)?.clone();
    let port = default_port(image_type);
    let longest_minutes = BOOT_LIMIT_MINUTES
        + if port.is_some() {
            PORT_LIMIT_MINUTES
        } else {
            0
        }
        + DELETE_LIMIT_MINUTES;
    let hours_begun = longest_minutes.div_ceil(60);
    let source = options
        .instance_name
        .as_deref()
        .unwrap_or(&options.backup_name);
    Some(Plan {
        backup_id: options.backup_id.clone(),
        region: options.region.clone(),
        temporary_name: temporary_name(source, now),
        cost_at_most: flavor
            .price
            .as_ref()
            .map(|p| p.per_hour * hours_begun as f64),
        currency: flavor.price.as_ref().map(|p| p.currency.clone()),
        flavor,
        port,
        longest_minutes,
    })
}

/// A temporary instance the app made, or is making, for a rehearsal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Temporary {
    pub project_id: String,
    pub backup_id: String,
    pub name: String,
    /// OVH's id, once its answer to the creation arrived.
    pub id: Option<String>,
    pub started_at: DateTime<Utc>,
}

/// The rehearsal book: the temporary instances not yet known to be deleted, in
/// `rehearsals.json`, saved atomically at each change.
#[derive(Debug, Clone)]
pub struct Book {
    file: JsonFile<Vec<Temporary>>,
    /// Two rehearsals and the clean-up change the file at once: each change reads and writes it
    /// whole, one at a time.
    lock: Arc<Mutex<()>>,
}

impl Book {
    pub fn in_dir_or_none(dir: Option<&Path>) -> Self {
        Self {
            file: JsonFile::in_dir_or_none(dir, "rehearsals.json"),
            lock: Arc::default(),
        }
    }

    pub fn open(&self) -> Vec<Temporary> {
        self.file.load()
    }

    fn change(&self, f: impl FnOnce(&mut Vec<Temporary>)) -> std::io::Result<()> {
        let _one = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut all = self.open();
        f(&mut all);
        self.file.save(&all)
    }

    fn put(&self, t: &Temporary) -> std::io::Result<()> {
        self.change(|all| {
            all.retain(|x| x.name != t.name);
            all.push(t.clone());
        })
    }

    fn remove(&self, name: &str) -> std::io::Result<()> {
        self.change(|all| all.retain(|x| x.name != name))
    }
}

/// Whether a TCP port answers; the app's is a real connection, tests give their own.
pub trait Probe: Send + Sync {
    fn answers(&self, ip: &str, port: u16) -> impl Future<Output = bool> + Send;
}

/// A real TCP connection, given `timeout` per try. `port`, when set, is dialled instead of the
/// one checked: on the demo cloud, the simulator's own port stands for every instance's.
pub struct Tcp {
    pub timeout: Duration,
    pub port: Option<u16>,
}

impl Probe for Tcp {
    async fn answers(&self, ip: &str, port: u16) -> bool {
        let port = self.port.unwrap_or(port);
        let connect = tokio::net::TcpStream::connect((ip, port));
        matches!(tokio::time::timeout(self.timeout, connect).await, Ok(Ok(_)))
    }
}

/// How often the temporary instance and its port are looked at, how long each may take, and
/// how deletion is retried (tests go faster).
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    pub poll: Duration,
    pub boot_limit: Duration,
    pub port_limit: Duration,
    pub delete_retries: u32,
    pub delete_wait: Duration,
}

impl Default for Pace {
    fn default() -> Self {
        Self {
            poll: Duration::from_secs(10),
            boot_limit: minutes(BOOT_LIMIT_MINUTES),
            port_limit: minutes(PORT_LIMIT_MINUTES),
            delete_retries: 3,
            delete_wait: Duration::from_secs(15),
        }
    }
}

/// Why a rehearsal did not pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "why")]
pub enum Failed {
    /// OVH refused to create the temporary instance: its words.
    Refused { ovh: String },
    /// The instance ended in `ERROR` (or another end state) instead of `ACTIVE`.
    DidNotBoot { status: String },
    /// Not `ACTIVE` within the boot limit ([`BOOT_LIMIT_MINUTES`]).
    BootTimedOut,
    /// `ACTIVE`, but its port did not answer within the port limit ([`PORT_LIMIT_MINUTES`]).
    NoAnswer { port: u16 },
    /// Nothing said where to reach it: no public IPv4 address.
    NoAddress,
    /// OVH's answer to the creation never arrived; the instance, if it was made, is deleted.
    Unanswered,
}

/// A step's time since the rehearsal began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    Created,
    Active,
    Answered,
    Deleted,
}

/// What a rehearsal found, and whether its instance is gone.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub temporary_name: String,
    pub failed: Option<Failed>,
    pub steps: Vec<(Step, u64)>,
    /// Whether no temporary instance is left (deleted, or never made). `false`: OVH refused the
    /// deletion each time; the book keeps it, and the user is asked.
    pub gone: bool,
}

/// Runs the rehearsal `plan` in `project_id`: creates the temporary instance (written to `book`
/// first), checks it, and deletes it whatever happened. Its limits and step times are on
/// `clock`, the connection's (the demo cloud's own in demo mode, so a test moves it).
pub async fn run(
    client: &Client,
    book: &Book,
    project_id: &str,
    plan: &Plan,
    probe: &impl Probe,
    pace: Pace,
    clock: &Clock,
) -> std::io::Result<Outcome> {
    let now = clock();
    let at = || u64::try_from((clock() - now).num_seconds()).unwrap_or(0);
    let mut temp = Temporary {
        project_id: project_id.to_string(),
        backup_id: plan.backup_id.clone(),
        name: plan.temporary_name.clone(),
        id: None,
        started_at: now,
    };
    // Written before the request: a crash from here on leaves it known.
    book.put(&temp)?;
    let mut steps = Vec::new();
    let created = client
        .create_instance(
            project_id,
            &InstanceCreation {
                flavor_id: plan.flavor.id.clone(),
                name: plan.temporary_name.clone(),
                region: plan.region.clone(),
                image_id: plan.backup_id.clone(),
                ssh_key_id: None,
                monthly_billing: false,
            },
        )
        .await;
    let failed = match created {
        Err(e) if e.status().is_some() => {
            // A refusal: OVH made nothing. An answer lost on the way (the next arm) may hide an
            // instance OVH did make: the deletion below looks for it by its recorded name.
            book.remove(&temp.name)?;
            return Ok(Outcome {
                temporary_name: temp.name,
                failed: Some(Failed::Refused { ovh: e.to_string() }),
                steps,
                gone: true,
            });
        }
        Err(_) => Some(Failed::Unanswered),
        Ok(instance) => {
            temp.id = Some(instance.id.clone());
            book.put(&temp)?;
            steps.push((Step::Created, at()));
            check(
                client,
                project_id,
                &instance.id,
                plan,
                probe,
                pace,
                clock,
                &mut steps,
                at,
            )
            .await
        }
    };
    let gone = clean_one(client, book, &temp, pace).await? != Cleaned::Refused;
    if gone {
        steps.push((Step::Deleted, at()));
    }
    Ok(Outcome {
        temporary_name: temp.name,
        failed,
        steps,
        gone,
    })
}

/// Follows the temporary instance to `ACTIVE`, then tries its port: `None` when it passed.
#[allow(clippy::too_many_arguments)]
async fn check(
    client: &Client,
    project_id: &str,
    id: &str,
    plan: &Plan,
    probe: &impl Probe,
    pace: Pace,
    clock: &Clock,
    steps: &mut Vec<(Step, u64)>,
    at: impl Fn() -> u64,
) -> Option<Failed> {
    let after = |limit: Duration| clock() + chrono::Duration::from_std(limit).unwrap_or_default();
    let boot_limit = after(pace.boot_limit);
    let instance = loop {
        // A read that fails is tried again at the next poll, within the limit.
        if let Ok(i) = client.instance(project_id, id).await {
            match i.status.to_ascii_uppercase().as_str() {
                "ACTIVE" => break i,
                "ERROR" | "DELETED" | "SHUTOFF" | "STOPPED" => {
                    return Some(Failed::DidNotBoot { status: i.status })
                }
                _ => {}
            }
        }
        if clock() >= boot_limit {
            return Some(Failed::BootTimedOut);
        }
        tokio::time::sleep(pace.poll).await;
    };
    steps.push((Step::Active, at()));
    let port = plan.port?;
    let Some(ip) = instance
        .ip_addresses
        .iter()
        .find(|a| a.ip_type == "public" && a.version == 4)
        .map(|a| a.ip.clone())
    else {
        return Some(Failed::NoAddress);
    };
    let port_limit = after(pace.port_limit);
    loop {
        if probe.answers(&ip, port).await {
            steps.push((Step::Answered, at()));
            return None;
        }
        if clock() >= port_limit {
            return Some(Failed::NoAnswer { port });
        }
        tokio::time::sleep(pace.poll).await;
    }
}

fn minutes(n: u32) -> Duration {
    Duration::from_secs(u64::from(n) * 60)
}

/// What became of a temporary instance the book named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cleaned {
    Deleted,
    /// OVH never answered with an id and lists no instance of that name since the rehearsal
    /// began: none was made.
    NoneMade,
    /// OVH refused each deletion; it stays in the book.
    Refused,
}

/// Deletes one temporary instance the book names, trying again on a refusal. It is struck from
/// the book once it is gone (a 404 is gone), and then only.
async fn clean_one(
    client: &Client,
    book: &Book,
    temp: &Temporary,
    pace: Pace,
) -> std::io::Result<Cleaned> {
    for attempt in 0..=pace.delete_retries {
        if attempt > 0 {
            tokio::time::sleep(pace.delete_wait).await;
        }
        let id = match &temp.id {
            Some(id) => Some(id.clone()),
            None => match find_by_name(client, temp).await {
                Ok(found) => found,
                Err(_) => continue,
            },
        };
        let cleaned = match id {
            None => Cleaned::NoneMade,
            Some(id) => match client.delete_instance(&temp.project_id, &id).await {
                Ok(()) => Cleaned::Deleted,
                Err(e) if e.status() == Some(404) => Cleaned::Deleted,
                Err(_) => continue,
            },
        };
        book.remove(&temp.name)?;
        return Ok(cleaned);
    }
    Ok(Cleaned::Refused)
}

/// The instance OVH made for `temp` when its answer was lost: exactly its recorded name, made
/// after the rehearsal began (a minute's slack for the two clocks).
async fn find_by_name(client: &Client, temp: &Temporary) -> ovh::Result<Option<String>> {
    let since = temp.started_at - chrono::Duration::minutes(1);
    Ok(client
        .instances(&temp.project_id, None)
        .await?
        .into_iter()
        .find(|i| i.name == temp.name && i.created.is_none_or(|c| c >= since))
        .map(|i| i.id))
}

/// At start: deletes what the book still names (a rehearsal the app did not finish, having
/// quit or crashed). Returns the names deleted, to tell the user, and those OVH refused, to
/// ask the user; an entry for which OVH made nothing is struck silently.
pub async fn clean_up(
    client: &Client,
    book: &Book,
    pace: Pace,
) -> std::io::Result<(Vec<String>, Vec<String>)> {
    clean_up_these(client, book, book.open(), pace).await
}

/// [`clean_up`] of the entries `left` only: those the book held when the app started, so that
/// a rehearsal begun meanwhile is never taken for one left behind.
async fn clean_up_these(
    client: &Client,
    book: &Book,
    left: Vec<Temporary>,
    pace: Pace,
) -> std::io::Result<(Vec<String>, Vec<String>)> {
    let (mut deleted, mut refused) = (Vec::new(), Vec::new());
    for temp in left {
        match clean_one(client, book, &temp, pace).await? {
            Cleaned::Deleted => deleted.push(temp.name),
            Cleaned::Refused => refused.push(temp.name),
            Cleaned::NoneMade => {}
        }
    }
    Ok((deleted, refused))
}

/// Whether the connection may delete a temporary instance, known before anything is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Access {
    /// The demo cloud, or keys whose rules allow `DELETE /cloud/project/*/instance/*`.
    Granted,
    /// Keys without that rule: rehearsals need one more permission.
    Missing,
    /// A service account: its IAM policy decides, and OVH does not show it to the app; the user
    /// confirms that it allows [`IAM_ACTION`].
    AskUser,
}

/// The IAM action a service account's policy needs for rehearsals.
pub const IAM_ACTION: &str = "publicCloudProject:apiovh:instance/delete";

/// A rehearsal's result, kept for the overview and the backup's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Rehearsed {
    pub project_id: String,
    /// The instance the backup was taken of, when the app knows it.
    pub instance_id: Option<String>,
    /// The instance's name, else the backup's: what the user calls it.
    pub source_name: String,
    pub backup_id: String,
    pub backup_name: String,
    pub temporary_name: String,
    pub at: DateTime<Utc>,
    /// Whole minutes begun, from the request to the deletion.
    pub minutes: u32,
    pub port: Option<u16>,
    /// Each step's time, in seconds since the request.
    pub steps: Vec<(Step, u64)>,
    pub failed: Option<Failed>,
    /// OVH refused the deletion each time: the temporary instance is still there, and billed.
    pub left_behind: bool,
    /// The model's hourly price × every hour begun: an upper bound. `None` without a price,
    /// or when OVH made nothing.
    pub cost_at_most: Option<f64>,
    pub currency: Option<String>,
}

/// The results of past rehearsals, newest last, in `rehearsal-results.json`.
#[derive(Debug, Clone)]
pub struct Results {
    file: JsonFile<Vec<Rehearsed>>,
    lock: Arc<Mutex<()>>,
}

/// How many results are kept per backup: a history, not a log.
const KEPT_PER_BACKUP: usize = 12;

impl Results {
    pub fn in_dir_or_none(dir: Option<&Path>) -> Self {
        Self {
            file: JsonFile::in_dir_or_none(dir, "rehearsal-results.json"),
            lock: Arc::default(),
        }
    }

    pub fn all(&self) -> Vec<Rehearsed> {
        self.file.load()
    }

    fn add(&self, r: &Rehearsed) -> std::io::Result<()> {
        let _one = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut all = self.all();
        all.push(r.clone());
        let of_backup = all.iter().filter(|x| x.backup_id == r.backup_id).count();
        let mut extra = of_backup.saturating_sub(KEPT_PER_BACKUP);
        all.retain(|x| {
            let drop = extra > 0 && x.backup_id == r.backup_id;
            extra -= usize::from(drop);
            !drop
        });
        self.file.save(&all)
    }

    /// The newest result for each key `key` gives (none for `None`), from one read of the file.
    pub fn newest_by<K: Ord>(
        &self,
        key: impl Fn(&Rehearsed) -> Option<K>,
    ) -> std::collections::BTreeMap<K, Rehearsed> {
        let mut newest = std::collections::BTreeMap::new();
        // Oldest first in the file: a later result replaces an earlier one.
        for r in self.all() {
            if let Some(k) = key(&r) {
                newest.insert(k, r);
            }
        }
        newest
    }
}

/// What rehearsals report, for notifications and screens.
#[derive(Debug, Clone)]
pub enum Event {
    Started {
        backup_id: String,
        source_name: String,
    },
    Ended(Box<Rehearsed>),
    /// At start: temporary instances that a rehearsal left (the app quit or crashed) deleted.
    CleanedUp {
        names: Vec<String>,
    },
    /// Temporary instances OVH refused to delete: still billed, the user deletes them.
    LeftBehind {
        names: Vec<String>,
    },
    /// A monthly test was due and could not start: why.
    NotStarted {
        source_name: String,
        said: crate::Said,
    },
}

/// What the result says of the backup besides the plan: whose it is.
#[derive(Debug, Clone)]
pub struct Source {
    pub instance_id: Option<String>,
    pub source_name: String,
    pub backup_name: String,
}

/// The rehearsals under way. The session owns them through the guard [`Rehearsals::new`]
/// returns: dropping it stops them, and the book keeps what they made for the next start's
/// clean-up. Cheap to clone.
#[derive(Clone)]
pub struct Rehearsals {
    book: Book,
    results: Results,
    /// The backups being rehearsed: one rehearsal at a time per backup.
    running: Arc<Mutex<BTreeSet<String>>>,
    /// The demo cloud's port, dialled for every temporary instance.
    probe_port: Option<u16>,
    pace: Pace,
    cancel: CancellationToken,
    sink: Arc<dyn Fn(Event) + Send + Sync>,
}

impl Rehearsals {
    pub fn new(
        dir: Option<&Path>,
        probe_port: Option<u16>,
        pace: Pace,
        sink: impl Fn(Event) + Send + Sync + 'static,
    ) -> (Self, DropGuard) {
        let cancel = CancellationToken::new();
        let stop = cancel.clone().drop_guard();
        let this = Self {
            book: Book::in_dir_or_none(dir),
            results: Results::in_dir_or_none(dir),
            running: Arc::default(),
            probe_port,
            pace,
            cancel,
            sink: Arc::new(sink),
        };
        (this, stop)
    }

    /// Tells the session's sink.
    pub(crate) fn tell(&self, event: Event) {
        (self.sink)(event)
    }

    pub fn results(&self) -> &Results {
        &self.results
    }

    /// Whether this backup is being rehearsed now.
    pub fn running(&self, backup_id: &str) -> bool {
        lock(&self.running).contains(backup_id)
    }

    /// Deletes, in the background, what the book names now (a rehearsal the app did not finish)
    /// and tells what was deleted and what OVH refused.
    pub fn clean_up(&self, client: Client) {
        let left = self.book.open();
        if left.is_empty() {
            return;
        }
        let (book, pace, sink) = (self.book.clone(), self.pace, self.sink.clone());
        self.spawn(async move {
            match clean_up_these(&client, &book, left, pace).await {
                Ok((deleted, refused)) => {
                    if !deleted.is_empty() {
                        sink(Event::CleanedUp { names: deleted });
                    }
                    if !refused.is_empty() {
                        sink(Event::LeftBehind { names: refused });
                    }
                }
                Err(e) => tracing::warn!("rehearsal book: {e}"),
            }
        });
    }

    /// Starts `plan` in the background; `false` when the backup is already being rehearsed.
    pub fn start(
        &self,
        client: Client,
        project_id: &str,
        plan: Plan,
        source: Source,
        clock: Clock,
    ) -> bool {
        if !lock(&self.running).insert(plan.backup_id.clone()) {
            return false;
        }
        let (book, results, running, sink) = (
            self.book.clone(),
            self.results.clone(),
            self.running.clone(),
            self.sink.clone(),
        );
        let probe = Tcp {
            timeout: Duration::from_secs(5),
            port: self.probe_port,
        };
        let (pace, project_id) = (self.pace, project_id.to_string());
        sink(Event::Started {
            backup_id: plan.backup_id.clone(),
            source_name: source.source_name.clone(),
        });
        self.spawn(async move {
            let now = clock();
            let outcome = run(&client, &book, &project_id, &plan, &probe, pace, &clock).await;
            lock(&running).remove(&plan.backup_id);
            let outcome = match outcome {
                Ok(o) => o,
                // Only the book's file can fail here: what it named is cleaned at the next start.
                Err(e) => {
                    tracing::warn!("rehearsal book: {e}");
                    return;
                }
            };
            let secs = u64::try_from((clock() - now).num_seconds()).unwrap_or(0);
            let minutes = u32::try_from(secs.div_ceil(60)).unwrap_or(u32::MAX).max(1);
            let made = !matches!(outcome.failed, Some(Failed::Refused { .. }));
            let result = Rehearsed {
                project_id,
                instance_id: source.instance_id,
                source_name: source.source_name,
                backup_id: plan.backup_id.clone(),
                backup_name: source.backup_name,
                temporary_name: outcome.temporary_name,
                at: now,
                minutes,
                port: plan.port,
                steps: outcome.steps,
                failed: outcome.failed,
                left_behind: !outcome.gone,
                cost_at_most: plan
                    .flavor
                    .price
                    .as_ref()
                    .filter(|_| made)
                    .map(|p| p.per_hour * f64::from(minutes.div_ceil(60))),
                currency: plan.currency.clone(),
            };
            if let Err(e) = results.add(&result) {
                tracing::warn!("rehearsal results: {e}");
            }
            let left = result.left_behind.then(|| result.temporary_name.clone());
            sink(Event::Ended(Box::new(result)));
            if let Some(name) = left {
                sink(Event::LeftBehind { names: vec![name] });
            }
        });
        true
    }

    /// Runs `work` until it ends or the owner's guard is dropped.
    pub(crate) fn spawn(&self, work: impl Future<Output = ()> + Send + 'static) {
        let cancel = self.cancel.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = cancel.cancelled() => {}
                _ = work => {}
            }
        });
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::ModelPrice;

    fn model(name: &str, ram_mb: u64, disk_gb: u64, per_hour: Option<f64>) -> FlavorChoice {
        FlavorChoice {
            id: format!("id-{name}"),
            name: name.into(),
            disk_gb,
            ram_mb,
            vcpus: 1,
            price: per_hour.map(|per_hour| ModelPrice {
                per_hour,
                per_month: None,
                currency: "EUR".into(),
            }),
        }
    }

    fn options(flavors: Vec<FlavorChoice>) -> RestoreOptions {
        RestoreOptions {
            backup_id: "b".into(),
            backup_name: "nightly db".into(),
            region: "GRA11".into(),
            created_at: None,
            instance_id: Some("i".into()),
            instance_name: Some("db-primary".into()),
            flavors,
            ssh_keys: Vec::new(),
            default_name: "db-primary-restored".into(),
            original_flavor: None,
        }
    }

    #[test]
    fn the_cheapest_fitting_model_is_chosen_and_unpriced_ones_come_last() {
        let flavors = [
            model("b2-7", 7000, 50, Some(0.0681)),
            model("d2-2", 2000, 25, Some(0.0099)),
            model("s1-2", 2000, 10, None),
        ];
        assert_eq!(smallest(&flavors).unwrap().name, "d2-2");
        let unpriced = [model("big", 8000, 50, None), model("small", 2000, 25, None)];
        assert_eq!(smallest(&unpriced).unwrap().name, "small");
        assert!(smallest(&[]).is_none());
    }

    #[test]
    fn the_port_follows_the_system_and_unknown_checks_active_only() {
        assert_eq!(default_port("linux"), Some(22));
        assert_eq!(default_port("Windows"), Some(3389));
        assert_eq!(default_port(""), None);
        assert_eq!(default_port("bsd"), None);
    }

    #[test]
    fn the_temporary_name_is_recognisable_and_safe() {
        let at = "2026-11-03T09:05:00Z".parse().unwrap();
        assert_eq!(
            temporary_name("db-primary", at),
            "rehearsal-db-primary-20261103-090500"
        );
        assert_eq!(
            temporary_name("web server #2 (old)", at),
            "rehearsal-web-server--2--old-20261103-090500"
        );
        assert_eq!(
            temporary_name("ééé", at),
            "rehearsal-backup-20261103-090500"
        );
    }

    #[test]
    fn the_cost_is_an_upper_bound_over_every_hour_begun() {
        let now = "2026-11-03T09:05:00Z".parse().unwrap();
        let p = plan(
            &options(vec![model("d2-2", 2000, 25, Some(0.0099))]),
            "linux",
            now,
        )
        .unwrap();
        assert_eq!(p.longest_minutes, 30);
        assert_eq!(p.cost_at_most, Some(0.0099), "30 minutes: one hour begun");
        assert_eq!(p.port, Some(22));
        assert_eq!(p.temporary_name, "rehearsal-db-primary-20261103-090500");
        let unpriced = plan(&options(vec![model("x", 2000, 25, None)]), "", now).unwrap();
        assert_eq!((unpriced.cost_at_most, unpriced.port), (None, None));
        assert_eq!(unpriced.longest_minutes, 25);
        assert!(
            plan(&options(Vec::new()), "linux", now).is_none(),
            "nothing fits"
        );
    }
}
