//! The fault-injection matrix: each scenario is its own test. It stores the account in the OS
//! keyring, opens a session from there as the app does, injects one fault into the simulator,
//! and ends with every invariant checked for real:
//!
//! - **no duplicate**: each backup the app made exists once on the simulator;
//! - **nothing forgotten**: each backup the app made was told once, or is still in the journal;
//! - **no secret written**: every file the session wrote is read and searched (UTF-8, UTF-16,
//!   base64), and at least one file must have been read;
//! - **a clear message**: the failure the user saw passes [`clear`] (one line, no markup, no
//!   raw body, says what to do);
//! - **recovery**: the same action works once the fault clears.
mod common;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use desk::journal::Journal;
use desk::rehearsal::{self, Failed};
use desk::session::{Notice, Paces};
use desk::tracker::{self, Event};
use desk::vault::Vault;
use desk::{Connection, Session};
use ovh::{Endpoint, RetryPolicy};
use ovh_sim::{Keys, Running, ScaleSize, Sim};
use serde_json::json;

type Outcome = Result<(), String>;

/// What the user's message must be: one line, no markup or raw answer, and a next step.
fn clear(text: &str, raw: &[&str]) -> Outcome {
    let advice = [
        "try again",
        "check",
        "wait",
        "connect again",
        "contact",
        "create a new",
        "unlock",
        "install",
        "delete backups",
        "renew",
    ];
    if text.trim().is_empty() {
        return Err("an empty message".into());
    }
    if text.contains('\n') || text.contains('\r') {
        return Err(format!("more than one line: {text:?}"));
    }
    if text.chars().count() > 300 {
        return Err(format!("{} characters", text.chars().count()));
    }
    if text.contains('<') || text.contains('>') || text.contains('{') {
        return Err(format!("markup or a raw body: {text:?}"));
    }
    if let Some(r) = raw.iter().find(|r| text.contains(*r)) {
        return Err(format!("the raw answer {r:?} is shown: {text:?}"));
    }
    let lower = text.to_lowercase();
    if !advice.iter().any(|a| lower.contains(a)) {
        return Err(format!("does not say what to do: {text:?}"));
    }
    Ok(())
}

#[test]
fn clear_refuses_bad_messages() {
    let good = "OVHcloud had a problem (error 503). Try again in a few minutes.";
    assert_eq!(clear(good, &[]), Ok(()));
    for bad in [
        "",
        "OVH API error 500: Internal Server Error",
        "Try again.\nDetails below",
        "<html><h1>503 Service Unavailable</h1></html>. Try again",
        r#"{"message":"boom"} try again"#,
        &format!("{} try again", "x".repeat(400)),
    ] {
        assert!(clear(bad, &[]).is_err(), "{bad:?} passed");
    }
    assert!(clear("Service Unavailable: try again", &["Service Unavailable"]).is_err());
}

/// One scenario's world: a simulator, a session on it opened from the keyring with fast polling,
/// what it notified, and what existed before it started.
struct Fx {
    running: Option<Running>,
    sim: Arc<Sim>,
    port: u16,
    dir: PathBuf,
    vault: Vault,
    session: Option<Session>,
    notices: Arc<Mutex<Vec<Notice>>>,
    project: String,
    before: HashSet<String>,
}

fn fast() -> Paces {
    Paces {
        tracker: tracker::Pace {
            min: Duration::from_millis(50),
            max: Duration::from_millis(200),
        },
        watcher: desk::watcher::Pace {
            idle: Duration::from_millis(200),
            busy: Duration::from_millis(100),
            ..Default::default()
        },
        rehearsal: desk::rehearsal::Pace {
            poll: Duration::from_millis(100),
            boot_limit: Duration::from_secs(20),
            port_limit: Duration::from_millis(500),
            delete_retries: 2,
            delete_wait: Duration::from_millis(100),
        },
        rehearsal_schedule: Duration::from_millis(100),
    }
}

impl Fx {
    async fn new(name: &str) -> Self {
        Self::on(name, Sim::demo(&Keys::default())).await
    }

    async fn on(name: &str, sim: Arc<Sim>) -> Self {
        let running = Running::start(sim.clone()).await.expect("simulator starts");
        let port: u16 = running
            .root_url()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("port");
        let tag = format!("{name}-{}-{port}", std::process::id());
        let dir = std::env::temp_dir().join(format!("backup-desk-faults-{tag}"));
        let _ = std::fs::remove_dir_all(&dir);
        // The account goes where the app keeps it, and comes back through the app's own path.
        let vault = Vault::with_service(&format!("backup-desk-faults-{tag}"));
        let keys = Keys::default();
        let account = desk::account::from_keys(
            Endpoint::Custom(format!("http://127.0.0.1:{port}/1.0")),
            &keys.application_key,
            &keys.application_secret,
            &keys.consumer_key,
        )
        .expect("account");
        let v = vault.clone();
        desk::account::blocking(move || account.save(&v))
            .await
            .expect("the keyring stores the account");
        let before = sim
            .world
            .lock()
            .unwrap()
            .projects
            .iter()
            .flat_map(|p| p.snapshots.iter().map(|s| s.id.clone()))
            .collect();
        let mut fx = Self {
            running: Some(running),
            sim,
            port,
            dir,
            vault,
            session: None,
            notices: Arc::new(Mutex::new(Vec::new())),
            project: String::new(),
            before,
        };
        fx.open_session(Duration::from_secs(5)).await;
        fx.project = fx.s().projects().await.expect("projects")[0].id.clone();
        fx
    }

    /// (Re)opens the session from the keyring on the same data directory, as the app does after
    /// a restart.
    async fn open_session(&mut self, timeout: Duration) {
        self.session = None;
        let conn = Connection::open_tuned(&self.vault, 0, |b| {
            b.retry(RetryPolicy {
                max_retries: 2,
                min_delay: Duration::from_millis(20),
                max_delay: Duration::from_millis(1500),
            })
            .timeout(timeout)
        })
        .await
        .expect("the account opens from the keyring");
        assert!(
            conn.account.is_some(),
            "the session runs on the stored account"
        );
        let notices = self.notices.clone();
        self.session = Some(Session::start(
            conn,
            Some(self.dir.clone()),
            fast(),
            move |n| notices.lock().unwrap().push(n),
        ));
    }

    fn s(&self) -> &Session {
        self.session.as_ref().expect("session open")
    }

    fn fault(&self, f: serde_json::Value) {
        let fault: ovh_sim::faults::Fault = serde_json::from_value(f).expect("fault");
        self.sim.faults.lock().unwrap().push(fault);
    }

    fn clear(&self) {
        self.sim.faults.lock().unwrap().clear();
    }

    fn advance(&self, secs: i64) {
        self.sim.clocks.advance(chrono::Duration::seconds(secs));
    }

    /// Requests the simulator received for one route template (`GET /cloud/project/{…}/…`).
    fn served(&self, route: &str) -> u64 {
        self.sim
            .routes
            .lock()
            .unwrap()
            .get(route)
            .copied()
            .unwrap_or(0)
    }

    /// The user confirms a backup of `instance` named `name`, and OVH accepts it.
    async fn confirm(&self, instance: &str, name: &str) {
        ok(
            self.s()
                .create_backup(&self.project, instance, name, false, &[])
                .await,
            "Confirm",
        )
        .unwrap();
    }

    async fn instance(&self, name: &str) -> String {
        self.s()
            .instances(&self.project)
            .await
            .expect("instances")
            .into_iter()
            .find(|i| i.name == name)
            .map(|i| i.id)
            .expect("instance")
    }

    /// The backups the app made during the scenario (workflows' own runs excluded): id, name.
    fn made(&self) -> Vec<(String, String)> {
        let world = self.sim.world.lock().unwrap();
        world
            .projects
            .iter()
            .flat_map(|p| p.snapshots.iter())
            .filter(|s| s.workflow_id.is_none() && !self.before.contains(&s.id))
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect()
    }

    /// How many times the backup named `name` was told as ended (ready or failed).
    fn told(&self, name: &str) -> usize {
        self.notices
            .lock()
            .unwrap()
            .iter()
            .filter(|n| match n {
                Notice::Backup(Event::Finished { backup, .. })
                | Notice::Backup(Event::Failed { backup, .. }) => backup.name == name,
                Notice::Backup(Event::WhileAway {
                    finished, failed, ..
                }) => finished.iter().chain(failed.iter()).any(|b| b.name == name),
                _ => false,
            })
            .count()
    }

    /// Waits (world time moves on) until the backup named `name` was told as ended.
    async fn until_told(&self, name: &str) -> Outcome {
        if self.advance_until(|fx| fx.told(name) > 0).await {
            Ok(())
        } else {
            Err(format!("{name} was never told as ended"))
        }
    }

    /// Moves world time on, 30 s at a time, until `done` (checked at most 100 times); whether it
    /// was seen done.
    async fn advance_until(&self, done: impl Fn(&Fx) -> bool) -> bool {
        for _ in 0..100 {
            if done(self) {
                return true;
            }
            self.advance(30);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    }

    /// The volume restores told as done so far.
    fn volumes_restored(&self) -> Vec<desk::journal::Tracked> {
        self.notices
            .lock()
            .unwrap()
            .iter()
            .filter_map(|n| match n {
                Notice::Backup(Event::Restored { restore, .. })
                    if matches!(restore.kind, desk::journal::Kind::VolumeRestore { .. }) =>
                {
                    Some(restore.clone())
                }
                _ => None,
            })
            .collect()
    }

    /// The id of the backup named `name`.
    fn backup(&self, name: &str) -> String {
        common::backup_id(&self.sim, name)
    }

    /// The rehearsal notices so far.
    fn rehearsals(&self) -> Vec<rehearsal::Event> {
        self.notices
            .lock()
            .unwrap()
            .iter()
            .filter_map(|n| match n {
                Notice::Rehearsal(e) => Some(e.clone()),
                _ => None,
            })
            .collect()
    }

    /// Waits (world time moves on) for the end of the rehearsal of the backup `id`.
    async fn until_rehearsed(&self, id: &str) -> rehearsal::Rehearsed {
        for _ in 0..200 {
            let ended = self.rehearsals().into_iter().find_map(|e| match e {
                rehearsal::Event::Ended(r) if r.backup_id == id => Some(*r),
                _ => None,
            });
            if let Some(r) = ended {
                return r;
            }
            self.advance(5);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the rehearsal of {id} never ended")
    }

    /// The simulator's instances whose name starts `rehearsal-`.
    fn temporary(&self) -> Vec<String> {
        common::instance_names(&self.sim)
            .into_iter()
            .filter(|n| n.starts_with("rehearsal-"))
            .collect()
    }

    /// The instance names told so far in the rehearsal notices `pick` keeps (cleaned up, or
    /// left behind).
    fn names_told(&self, pick: impl Fn(rehearsal::Event) -> Option<Vec<String>>) -> Vec<String> {
        self.rehearsals()
            .into_iter()
            .filter_map(pick)
            .flatten()
            .collect()
    }

    /// The user's action failed and what they read is clear.
    fn says<T: std::fmt::Debug>(&self, r: desk::Result<T>, raw: &[&str]) -> Outcome {
        match r {
            Ok(v) => Err(format!("expected a failure, got {v:?}")),
            Err(e) => clear(&e.user_message(), raw),
        }
    }

    /// The invariants every scenario ends with; `made` is how many backups the app should have
    /// made (each exactly once).
    async fn invariants(&self, made: usize) -> Outcome {
        // The tracker writes what it learnt before the check reads the files.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let backups = self.made();
        let names: HashSet<&String> = backups.iter().map(|(_, n)| n).collect();
        if names.len() != backups.len() {
            return Err(format!("a duplicate among the backups made: {backups:?}"));
        }
        if backups.len() != made {
            return Err(format!("{made} backups expected, the app made {backups:?}"));
        }
        let journal = self.journal();
        for (id, name) in &backups {
            let journaled = journal.contains(id) as usize;
            if self.told(name) + journaled != 1 {
                return Err(format!(
                    "{name}: told {} times and {} in the journal (once in all expected)",
                    self.told(name),
                    if journaled == 1 { "still" } else { "not" }
                ));
            }
        }
        let keys = Keys::default();
        let scan = ovh_sim::secrets::scan(
            &[&self.dir],
            &[&keys.application_secret, &keys.consumer_key],
        );
        if scan.files == 0 || !scan.unreadable.is_empty() {
            return Err(format!(
                "the secret scan read {} files ({:?} unreadable): nothing proven",
                scan.files, scan.unreadable
            ));
        }
        if !scan.hits.is_empty() {
            return Err(format!("secrets written: {:?}", scan.hits));
        }
        Ok(())
    }

    /// The ids the journal on disk holds (found wherever the session keeps it).
    fn journal(&self) -> HashSet<String> {
        let mut ids = HashSet::new();
        for sub in [Session::data_subdir(false), Session::data_subdir(true)] {
            ids.extend(
                Journal::in_dir(self.dir.join(sub))
                    .load()
                    .into_iter()
                    .map(|t| t.snapshot_id),
            );
        }
        ids
    }
}

impl Drop for Fx {
    fn drop(&mut self) {
        let _ = desk::account::forget(&self.vault);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn ok<T>(r: desk::Result<T>, what: &str) -> Result<T, String> {
    r.map_err(|e| format!("{what} did not recover: {e}"))
}

/// Lets the watcher make a pass, which writes what it told: the scan then has the session's
/// own files to read.
async fn settle(fx: &Fx) {
    fx.s().refresh_schedules();
    tokio::time::sleep(Duration::from_millis(400)).await;
}

enum Read {
    Instances,
    Backups,
    Workflows,
    Projects,
}

async fn read(fx: &Fx, what: &Read) -> desk::Result<usize> {
    match what {
        Read::Instances => fx.s().instances(&fx.project).await.map(|v| v.len()),
        Read::Backups => fx.s().backups(&fx.project).await.map(|v| v.rows.len()),
        Read::Workflows => fx.s().workflows(&fx.project).await.map(|v| v.len()),
        Read::Projects => fx.s().projects().await.map(|v| v.len()),
    }
}

/// A read fails while the fault lasts, says why clearly, and works once it clears.
async fn read_fault(name: &str, fault: serde_json::Value, what: Read) -> Outcome {
    let fx = Fx::new(name).await;
    fx.fault(fault);
    // As after the user's Refresh: nothing is served from the shared lists.
    fx.s().lists().forget();
    fx.says(
        read(&fx, &what).await,
        &["Service Unavailable", "<html", "Internal Server Error"],
    )?;
    fx.clear();
    ok(read(&fx, &what).await, "the read")?;
    settle(&fx).await;
    fx.invariants(0).await
}

/// A backup asked for while the snapshot POST misbehaves: never two, always followed.
async fn create_fault(name: &str, fault: serde_json::Value, expect_created: bool) -> Outcome {
    let fx = Fx::new(name).await;
    let web = fx.instance("web-frontend-2").await;
    fx.fault(fault);
    let first = fx
        .s()
        .create_backup(&fx.project, &web, name, false, &[])
        .await;
    fx.clear();
    match (&first, expect_created) {
        (Ok(c), true) if c.recovered => {}
        (Ok(_), true) => return Err("a lost answer was not reported as recovered".into()),
        (Err(e), false) => clear(&e.user_message(), &["Internal Server Error"])?,
        (r, _) => return Err(format!("unexpected first outcome: {r:?}")),
    }
    if first.is_err() {
        // The user presses Confirm again once the network is back.
        ok(
            fx.s()
                .create_backup(&fx.project, &web, name, false, &[])
                .await,
            "the backup",
        )?;
    }
    fx.until_told(name).await?;
    fx.invariants(1).await
}

fn e5xx(path: &str, status: u16) -> serde_json::Value {
    json!({"path": path, "status": status})
}

const SNAPSHOT_POST: &str = "/cloud/project/*/instance/*/snapshot";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_500_on_the_instance_list() {
    read_fault(
        "i500",
        e5xx("/cloud/project/*/instance", 500),
        Read::Instances,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_502_on_the_backup_list() {
    read_fault(
        "s502",
        e5xx("/cloud/project/*/snapshot", 502),
        Read::Backups,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_503_on_the_workflow_lists() {
    read_fault(
        "w503",
        e5xx("/cloud/project/*/region/*/workflow/backup", 503),
        Read::Workflows,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_html_503_page_on_the_project_list() {
    read_fault(
        "p503",
        json!({"path": "/cloud/project", "status": 503, "html": true}),
        Read::Projects,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_with_status_200_instead_of_json() {
    read_fault(
        "garbage",
        json!({"path": "/cloud/project/*/instance", "status": 200, "html": true}),
        Read::Instances,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_429_with_retry_after_then_served() {
    let fx = Fx::new("r429").await;
    let route = "GET /cloud/project/{serviceName}/snapshot";
    fx.fault(
        json!({"path": "/cloud/project/*/snapshot", "status": 429, "retryAfter": 1, "times": 1}),
    );
    fx.s().lists().forget();
    let before = fx.served(route);
    ok(fx.s().backups(&fx.project).await, "the list").unwrap();
    // Counted where the requests arrive: the refused one and the one served.
    assert!(
        fx.served(route) - before >= 2,
        "the 429 was not retried ({} requests)",
        fx.served(route) - before
    );
    assert!(
        fx.sim.faults.lock().unwrap().is_empty(),
        "the 429 was never served"
    );
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_answers_past_the_client_timeout() {
    let mut fx = Fx::new("slow").await;
    fx.open_session(Duration::from_millis(300)).await;
    fx.fault(json!({"path": "/cloud/project/*/instance", "latencyMs": 1500}));
    fx.s().lists().forget();
    fx.says(read(&fx, &Read::Instances).await, &[]).unwrap();
    fx.clear();
    ok(read(&fx, &Read::Instances).await, "the list").unwrap();
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_500_on_the_snapshot_post() {
    create_fault(
        "post500",
        json!({"method": "POST", "path": SNAPSHOT_POST, "status": 500}),
        false,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quota_refusal_is_advice_and_makes_nothing() {
    let fx = Fx::new("quota").await;
    let web = fx.instance("web-frontend-2").await;
    let words = "Quota exceeded for snapshots in region GRA11";
    fx.fault(json!({"method": "POST", "path": SNAPSHOT_POST, "status": 403, "message": words, "times": 1}));
    let refused = fx
        .s()
        .create_backup(&fx.project, &web, "quota", false, &[])
        .await
        .unwrap_err();
    assert_eq!(
        refused.said(),
        desk::Said::Quota { ovh: words.into() },
        "OVH's words kept whole for Details"
    );
    let text = refused.user_message();
    assert!(
        text.contains("Delete backups you no longer need") && !text.contains(words),
        "{text}"
    );
    fx.says(Err::<(), _>(refused), &[]).unwrap();
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_reset_before_the_snapshot_post_took_effect() {
    create_fault(
        "dropbefore",
        json!({"method": "POST", "path": SNAPSHOT_POST, "drop": "before", "times": 1}),
        false,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_reset_after_the_snapshot_post_took_effect() {
    create_fault(
        "dropafter",
        json!({"method": "POST", "path": SNAPSHOT_POST, "drop": "after", "times": 1}),
        true,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_504_on_the_snapshot_post() {
    create_fault(
        "gw504",
        json!({"method": "POST", "path": SNAPSHOT_POST, "status": 504, "times": 1}),
        false,
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_down_while_the_user_presses_confirm() {
    let fx = Fx::new("netdown").await;
    let web = fx.instance("web-frontend-2").await;
    fx.fault(json!({"drop": "before"}));
    fx.says(
        fx.s()
            .create_backup(&fx.project, &web, "netdown", false, &[])
            .await,
        &[],
    )
    .unwrap();
    fx.clear();
    fx.confirm(&web, "netdown").await;
    fx.until_told("netdown").await.unwrap();
    fx.invariants(1).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_confirm_makes_one_backup() {
    let fx = Fx::new("double").await;
    let web = fx.instance("web-frontend-2").await;
    fx.fault(json!({"path": "/cloud/project/*/instance/*/snapshot", "latencyMs": 200, "times": 1}));
    let (a, b) = tokio::join!(
        fx.s()
            .create_backup(&fx.project, &web, "double", false, &[]),
        fx.s()
            .create_backup(&fx.project, &web, "double", false, &[])
    );
    assert_ne!(
        a.is_ok(),
        b.is_ok(),
        "both clicks gave the same answer: {a:?} / {b:?}"
    );
    let refused = if a.is_err() { a } else { b };
    let text = refused.as_ref().unwrap_err().user_message();
    assert!(text.contains("already being created"), "{text}");
    fx.says(refused, &[]).unwrap();
    fx.until_told("double").await.unwrap();
    fx.invariants(1).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_clock_ten_minutes_off() {
    let fx = Fx::new("skew").await;
    ok(fx.s().projects().await, "before").unwrap();
    fx.sim.clocks.set_skew(600);
    fx.s().lists().forget();
    ok(fx.s().projects().await, "with the skew").unwrap();
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_credential_revoked_mid_session_then_approved_again() {
    let fx = Fx::new("revoked").await;
    let ck = Keys::default().consumer_key;
    let set = |status: &str| {
        fx.sim
            .world
            .lock()
            .unwrap()
            .credentials
            .get_mut(&ck)
            .unwrap()
            .status = status.into();
    };
    set("expired");
    // The next read that reaches OVH meets the refusal (a Refresh here); from then on no list is
    // served from memory until OVH accepts the key again.
    fx.s().lists().forget();
    fx.says(fx.s().projects().await, &[]).unwrap();
    let e = fx.s().instances(&fx.project).await.unwrap_err();
    assert!(e.user_message().contains("Connect again"), "{e}");
    assert!(fx.s().auth_refused(), "background work is not paused");
    set("validated");
    ok(fx.s().projects().await, "after approval").unwrap();
    assert!(!fx.s().auth_refused(), "background work stays paused");
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_killed_during_a_backup_then_restarted() {
    let mut fx = Fx::new("killed").await;
    let web = fx.instance("web-frontend-2").await;
    fx.confirm(&web, "killed").await;
    fx.session = None; // the process goes away; only the journal on disk remains
    let made = fx.made();
    assert_eq!(made.len(), 1);
    assert!(
        fx.journal().contains(&made[0].0),
        "the backup is not in the journal when the app goes away"
    );
    fx.advance(3600);
    fx.open_session(Duration::from_secs(5)).await;
    fx.until_told("killed").await.unwrap();
    fx.invariants(1).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_simulator_restarted_during_tracking() {
    let mut fx = Fx::new("simrestart").await;
    let web = fx.instance("web-frontend-2").await;
    fx.confirm(&web, "simrestart").await;
    fx.running = None;
    tokio::time::sleep(Duration::from_millis(400)).await;
    fx.running = Some(Running::start_on(fx.sim.clone(), fx.port).await.unwrap());
    fx.until_told("simrestart").await.unwrap();
    fx.invariants(1).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_that_ends_in_error_is_told_once_as_failed() {
    let fx = Fx::new("failed").await;
    let web = fx.instance("web-frontend-2").await;
    fx.sim.world.lock().unwrap().fail_next_snapshots = 1;
    fx.confirm(&web, "failed").await;
    fx.until_told("failed").await.unwrap();
    let failed = fx
        .notices
        .lock()
        .unwrap()
        .iter()
        .filter(|n| matches!(n, Notice::Backup(Event::Failed { backup, .. }) if backup.name == "failed"))
        .count();
    assert_eq!(failed, 1, "told as failed once");
    fx.invariants(1).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_500_on_the_workflow_post() {
    let fx = Fx::new("wfpost").await;
    let web = fx.instance("web-frontend-2").await;
    fx.fault(json!({"method": "POST", "path": "/cloud/project/*/region/*/workflow/backup", "status": 500}));
    let ids = vec![web.clone()];
    let first = fx
        .s()
        .create_auto_backups(&fx.project, &ids, "fault-wf", "30 22 * * *", 7)
        .await
        .unwrap();
    fx.clear();
    let count = |fx: &Fx| {
        fx.sim
            .world
            .lock()
            .unwrap()
            .projects
            .iter()
            .flat_map(|p| p.workflows.iter())
            .filter(|w| w.instance_id == web)
            .count()
    };
    assert_eq!(
        first[0].error,
        Some(desk::Said::ServerProblem { status: 500 }),
        "the refusal is reported as OVH's problem, without its body"
    );
    assert_eq!(count(&fx), 0, "a workflow was made despite the 500");
    let second = ok(
        fx.s()
            .create_auto_backups(&fx.project, &ids, "fault-wf", "30 22 * * *", 7)
            .await,
        "the workflow",
    )
    .unwrap();
    assert!(second.iter().all(|o| o.error.is_none()), "{second:?}");
    assert_eq!(count(&fx), 1, "workflows for the instance");
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_500_on_a_backup_delete() {
    let fx = Fx::new("del500").await;
    let list = ok(fx.s().backups(&fx.project).await, "the list").unwrap();
    let victim = list
        .rows
        .iter()
        .find(|r| r.orphan)
        .or_else(|| list.rows.last())
        .expect("a backup")
        .clone();
    fx.fault(json!({"method": "DELETE", "path": "/cloud/project/*/snapshot/*", "status": 500}));
    let r = ok(
        fx.s()
            .delete_backups(&fx.project, std::slice::from_ref(&victim.id))
            .await,
        "delete",
    )
    .unwrap();
    assert!(!r[0].deleted, "reported deleted despite the 500");
    assert_eq!(
        r[0].refusal,
        Some(desk::backups::Refusal::Failed {
            said: desk::Said::ServerProblem { status: 500 }
        }),
        "OVH's refusal is reported as such, without its body"
    );
    fx.clear();
    let r = ok(
        fx.s()
            .delete_backups(&fx.project, std::slice::from_ref(&victim.id))
            .await,
        "delete",
    )
    .unwrap();
    assert!(r[0].deleted, "not deleted after the fault: {r:?}");
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_project() {
    let sim = Sim::demo(&Keys::default());
    {
        let mut w = sim.world.lock().unwrap();
        let p = &mut w.projects[0];
        p.instances.clear();
        p.snapshots.clear();
        p.workflows.clear();
    }
    let fx = Fx::on("empty", sim).await;
    let n = ok(fx.s().instances(&fx.project).await, "instances")
        .unwrap()
        .len();
    let b = ok(fx.s().backups(&fx.project).await, "backups")
        .unwrap()
        .rows
        .len();
    let w = ok(fx.s().workflows(&fx.project).await, "workflows")
        .unwrap()
        .len();
    ok(fx.s().overview().await, "the overview").unwrap();
    assert_eq!(n + b + w, 0, "an empty project shows {n}/{b}/{w}");
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

/// A project OVH reports suspended is said so, on the project and on each of its instances'
/// rows; the other project is not, and nothing is refused on its account. A region under
/// maintenance is said in the backup form of its instances only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspended_project_is_said_and_nothing_else_changes() {
    let sim = Sim::demo(&Keys::default());
    {
        let mut world = sim.world.lock().unwrap();
        world.projects[1].suspended = true;
        for r in world.projects[1].regions.iter_mut() {
            if r.name == "DE1" {
                r.status = "MAINTENANCE".into();
            }
        }
    }
    let fx = Fx::on("suspended", sim).await;
    let projects = ok(fx.s().projects().await, "projects").unwrap();
    let suspended: Vec<&str> = projects
        .iter()
        .filter(|p| p.suspended)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(suspended, ["Acme Staging"]);
    let rows = ok(fx.s().overview().await, "the overview").unwrap();
    for r in &rows {
        assert_eq!(
            r.project_suspended,
            r.project_name == "Acme Staging",
            "{} of {}",
            r.instance_name,
            r.project_name
        );
    }
    assert!(rows.iter().any(|r| r.project_suspended));
    let staging = &projects.iter().find(|p| p.suspended).unwrap().id;
    let db = rows
        .iter()
        .find(|r| r.instance_name == "staging-db")
        .unwrap();
    let form = ok(fx.s().backup_form(staging, &db.instance_id).await, "form").unwrap();
    assert_eq!(
        form.suspended_project.as_deref(),
        Some("Acme Staging"),
        "the backup form says it too"
    );
    assert_eq!(
        form.region_state,
        Some(desk::session::RegionState::Maintenance)
    );
    let form = ok(
        fx.s().backup_form(&fx.project, &rows[0].instance_id).await,
        "form",
    );
    let form = form.unwrap();
    assert_eq!((form.suspended_project, form.region_state), (None, None));
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_with_ten_thousand_backups() {
    let keys = Keys::default();
    let size = ScaleSize {
        projects: 1,
        regions: 2,
        instances: 20,
        backups: 10_000,
        workflows: 5,
    };
    let sim = Sim::new(
        ovh_sim::scenario::scale(&keys, &size, chrono::Utc::now()),
        1.0,
    );
    let fx = Fx::on("tenthousand", sim).await;
    let started = std::time::Instant::now();
    let rows = ok(fx.s().backups(&fx.project).await, "the list")
        .unwrap()
        .rows
        .len();
    println!("    10,000 backups listed in {:?}", started.elapsed());
    // The scenario's workflows have made a few more of their own.
    assert!(rows >= 10_000, "{rows} rows");
    ok(fx.s().overview().await, "the overview").unwrap();
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

/// Restore rehearsals through the session: a backup that boots and answers passes, is shown on
/// the overview with its cost, and leaves no instance; the demo's backup that does not boot
/// fails on its port, leaves no instance either, and makes its instance need attention. A
/// second start of a running rehearsal is refused, and no model fitting is said before
/// anything is made.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tested_backup_is_told_and_shown_and_leaves_no_instance() {
    let fx = Fx::new("rehearsal").await;
    let mail = fx.backup("mail-gateway weekly");
    let form = ok(fx.s().rehearsal_form(&fx.project, &mail).await, "form").unwrap();
    assert_eq!(form.access, rehearsal::Access::Granted);
    let plan = form.plan.expect("a model fits");
    assert_eq!(plan.port, Some(22));
    assert!(plan.cost_at_most.is_some_and(|c| c > 0.0));
    // The simulator answers on its own port, standing for the instance's SSH.
    let started = fx
        .s()
        .start_rehearsal(&fx.project, &mail, Some(fx.port), false)
        .await;
    ok(started, "Confirm").unwrap();
    let again = fx
        .s()
        .start_rehearsal(&fx.project, &mail, Some(fx.port), false)
        .await;
    assert!(
        matches!(
            again,
            Err(desk::Error::Invalid(desk::Why::RehearsalRunning))
        ),
        "{again:?}"
    );
    let passed = fx.until_rehearsed(&mail).await;
    assert_eq!(passed.failed, None, "{passed:?}");
    assert!(!passed.left_behind);
    assert_eq!(passed.source_name, "mail-gateway");
    assert!(passed.cost_at_most.is_some());
    assert!(fx.temporary().is_empty(), "{:?}", fx.temporary());

    let nvme = fx.backup("file-server-nvme before upgrade");
    ok(
        fx.s()
            .start_rehearsal(&fx.project, &nvme, Some(22), false)
            .await,
        "Confirm",
    )
    .unwrap();
    let failed = fx.until_rehearsed(&nvme).await;
    assert_eq!(failed.failed, Some(Failed::NoAnswer { port: 22 }));
    assert!(fx.temporary().is_empty(), "{:?}", fx.temporary());

    let rows = ok(fx.s().overview().await, "the overview").unwrap();
    let row = |name: &str| rows.iter().find(|r| r.instance_name == name).unwrap();
    let mail_row = row("mail-gateway");
    assert_eq!(
        mail_row.rehearsal.as_ref().map(|r| r.failed.clone()),
        Some(None)
    );
    assert_ne!(
        mail_row.attention,
        Some(desk::automatic::Attention::RehearsalFailed)
    );
    let nvme_row = row("file-server-nvme");
    assert_eq!(
        nvme_row.attention,
        Some(desk::automatic::Attention::RehearsalFailed)
    );
    assert_eq!(nvme_row.protection, desk::automatic::Protection::Warning);
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

/// The app killed while a temporary instance boots: the next start deletes it and says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_killed_during_a_rehearsal_then_restarted() {
    let mut fx = Fx::new("rehearsal-killed").await;
    let mail = fx.backup("mail-gateway weekly");
    ok(
        fx.s()
            .start_rehearsal(&fx.project, &mail, None, false)
            .await,
        "Confirm",
    )
    .unwrap();
    for _ in 0..100 {
        if !fx.temporary().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let made = fx.temporary();
    assert_eq!(made.len(), 1, "the temporary instance was not made");
    fx.session = None;
    assert_eq!(
        fx.temporary(),
        made,
        "the instance outlived the app, as a crash leaves it"
    );
    fx.open_session(Duration::from_secs(5)).await;
    let mut told = Vec::new();
    for _ in 0..200 {
        told = fx.names_told(|e| match e {
            rehearsal::Event::CleanedUp { names } => Some(names),
            _ => None,
        });
        if !told.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(told, made, "the clean-up at start was not told");
    assert!(fx.temporary().is_empty(), "{:?}", fx.temporary());
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

/// OVH refusing every deletion: the user is told the instance is left (never silently billed),
/// and it is deleted at the next start once OVH accepts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_deletion_is_told_and_done_at_the_next_start() {
    let mut fx = Fx::new("rehearsal-refused").await;
    fx.fault(json!({"method": "DELETE", "path": "/cloud/project/*/instance/*", "status": 500}));
    let mail = fx.backup("mail-gateway weekly");
    ok(
        fx.s()
            .start_rehearsal(&fx.project, &mail, None, false)
            .await,
        "Confirm",
    )
    .unwrap();
    let ended = fx.until_rehearsed(&mail).await;
    assert!(ended.left_behind, "{ended:?}");
    let left = fx.names_told(|e| match e {
        rehearsal::Event::LeftBehind { names } => Some(names),
        _ => None,
    });
    assert_eq!(left, fx.temporary(), "the user was not told what is left");
    assert_eq!(left.len(), 1);
    fx.clear();
    fx.open_session(Duration::from_secs(5)).await;
    for _ in 0..200 {
        if fx.temporary().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(fx.temporary().is_empty(), "{:?}", fx.temporary());
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

/// "Test the latest backup every month", set long ago while the app was not running on its
/// first Mondays: the next start runs it once, a restart after that does not run it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missed_monthly_test_runs_once_at_the_next_start() {
    let mut fx = Fx::new("rehearsal-monthly").await;
    let mail = fx.instance("mail-gateway").await;
    let set = fx
        .s()
        .set_monthly_rehearsal(&fx.project, &mail, Some(10), None, false)
        .await;
    let set = ok(set, "set the monthly test").unwrap().expect("set");
    assert_eq!(set.instance_name, "mail-gateway");
    fx.session = None;
    // As if it had been set 70 days ago: at least one first Monday went by without the app.
    let file = fx.dir.join("account").join("rehearsal-schedule.json");
    let mut saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the schedule is saved")).unwrap();
    let since = chrono::Utc::now() - chrono::Duration::days(70);
    saved["data"][0]["since"] = json!(since.to_rfc3339());
    std::fs::write(&file, serde_json::to_vec(&saved).unwrap()).unwrap();
    fx.open_session(Duration::from_secs(5)).await;
    let ended = |fx: &Fx| {
        fx.rehearsals()
            .iter()
            .filter(|e| matches!(e, rehearsal::Event::Ended(r) if r.source_name == "mail-gateway"))
            .count()
    };
    for _ in 0..200 {
        if ended(&fx) > 0 {
            break;
        }
        fx.advance(5);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(ended(&fx), 1, "{:?}", fx.rehearsals());
    assert!(fx.temporary().is_empty(), "{:?}", fx.temporary());
    fx.open_session(Duration::from_secs(5)).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(ended(&fx), 1, "run twice for one due time");
    let started = fx
        .rehearsals()
        .iter()
        .filter(|e| matches!(e, rehearsal::Event::Started { .. }))
        .count();
    assert_eq!(started, 1);
    settle(&fx).await;
    fx.invariants(0).await.unwrap();
}

/// The volume snapshots on the simulator: (name, volume name, status at world time).
fn volume_parts(fx: &Fx) -> Vec<(String, String)> {
    let world = fx.sim.world.lock().unwrap();
    let p = &world.projects[0];
    p.volume_snapshots
        .iter()
        .map(|s| {
            let volume = p.volumes.iter().find(|v| v.id == s.volume_id).unwrap();
            (s.name.clone(), volume.name.clone())
        })
        .collect()
}

/// What the "Create a backup" dialog offers for `instance`: its volumes' ids, by name.
async fn offered(fx: &Fx, instance: &str) -> Vec<(String, String)> {
    fx.s()
        .backup_form(&fx.project, instance)
        .await
        .expect("the form")
        .volumes
        .into_iter()
        .map(|v| (v.name, v.id))
        .collect()
}

/// Issue 20: db-primary and its two volumes in one Confirm → one instance backup and one
/// snapshot per volume, named from the set, told once as one, shown as a set with its parts,
/// and deleted whole: nothing of it left on the simulator.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_set_is_made_once_told_once_shown_and_deleted_whole() {
    let fx = Fx::new("set").await;
    let db = fx.instance("db-primary").await;
    let volumes = offered(&fx, &db).await;
    let names: Vec<&str> = volumes.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["db-data", "db-wal"],
        "only db-primary's own volumes"
    );
    let ids: Vec<String> = volumes.iter().map(|(_, id)| id.clone()).collect();
    let name = "db-primary set";
    ok(
        fx.s()
            .create_backup(&fx.project, &db, name, false, &ids)
            .await,
        "Confirm",
    )
    .unwrap();
    let mut parts = volume_parts(&fx);
    parts.sort();
    assert_eq!(
        parts,
        [
            (
                "db-primary set - db-data".to_string(),
                "db-data".to_string()
            ),
            ("db-primary set - db-wal".to_string(), "db-wal".to_string())
        ]
    );
    let list = fx.s().backups(&fx.project).await.unwrap();
    let row = list.rows.iter().find(|r| r.name == name).unwrap();
    assert_eq!(row.parts.len(), 2, "the set shows its parts");
    fx.until_told(name).await.unwrap();
    let size = fx.notices.lock().unwrap().iter().find_map(|n| match n {
        Notice::Backup(Event::Finished {
            backup, size_gb, ..
        }) if backup.name == name => Some((backup.parts.len(), *size_gb)),
        _ => None,
    });
    assert_eq!(
        size,
        Some((2, 31.5 + 250.0)),
        "told as one, with every part"
    );
    fx.invariants(1).await.unwrap();

    let set = fx.backup(name);
    let outcome = fx
        .s()
        .delete_backups(&fx.project, std::slice::from_ref(&set))
        .await
        .unwrap();
    assert!(outcome[0].deleted, "{outcome:?}");
    assert!(volume_parts(&fx).is_empty(), "no part of the set is left");
    assert!(fx.made().is_empty());
}

/// A volume part that fails: the set is told once, as incomplete, naming the volume; nothing
/// is made twice, and a POST whose answer is lost is found, not asked again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_volume_part_is_told_once_and_nothing_is_doubled() {
    let fx = Fx::new("set-fail").await;
    let db = fx.instance("db-primary").await;
    let ids: Vec<String> = offered(&fx, &db)
        .await
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    fx.sim.world.lock().unwrap().fail_next_volume_snapshots = 1;
    // The second part's answer is lost after OVH made it.
    fx.fault(json!({
        "method": "POST", "path": format!("/cloud/project/*/volume/{}/snapshot", ids[1]),
        "drop": "after", "times": 1
    }));
    let name = "db-primary partial";
    ok(
        fx.s()
            .create_backup(&fx.project, &db, name, false, &ids)
            .await,
        "Confirm",
    )
    .unwrap();
    fx.clear();
    assert_eq!(volume_parts(&fx).len(), 2, "each part made once");
    fx.until_told(name).await.unwrap();
    let failed: Vec<Vec<String>> = fx
        .notices
        .lock()
        .unwrap()
        .iter()
        .filter_map(|n| match n {
            Notice::Backup(Event::Failed {
                backup,
                failure: tracker::Failure::VolumesFailed { volumes },
            }) if backup.name == name => Some(volumes.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        failed,
        [["db-data".to_string()]],
        "told once, naming the part"
    );
    fx.invariants(1).await.unwrap();
}

/// The app killed while a set is being made, started again: every part is still followed,
/// and the set is told once when the last part is ready.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_killed_while_a_set_is_in_progress_then_restarted() {
    let mut fx = Fx::new("set-kill").await;
    let db = fx.instance("db-primary").await;
    let ids: Vec<String> = offered(&fx, &db)
        .await
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    let name = "db-primary killed";
    ok(
        fx.s()
            .create_backup(&fx.project, &db, name, false, &ids)
            .await,
        "Confirm",
    )
    .unwrap();
    fx.session = None;
    let journal: Vec<usize> = Journal::in_dir(fx.dir.join(Session::data_subdir(false)))
        .load()
        .into_iter()
        .map(|t| t.parts.iter().filter(|p| p.snapshot_id.is_some()).count())
        .collect();
    assert_eq!(journal, [2], "the journal holds the set with its two parts");
    fx.open_session(Duration::from_secs(5)).await;
    fx.until_told(name).await.unwrap();
    assert_eq!(fx.told(name), 1);
    assert!(
        fx.journal().is_empty(),
        "the set left the journal once told"
    );
    fx.invariants(1).await.unwrap();
}

/// A set's volume part restored as a new volume: made once whatever the clicks, attached to the
/// chosen instance only once OVH made it, told once; the original volume is untouched.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volume_part_is_restored_as_a_new_attached_volume_once() {
    let fx = Fx::new("part-restore").await;
    let (db, set, part_id) = db_data_part(&fx, "db-primary to restore").await;
    let (first, second) = tokio::join!(
        fx.s().restore_part(&fx.project, &set, &part_id, &db, None),
        fx.s().restore_part(&fx.project, &set, &part_id, &db, None)
    );
    assert!(
        first.is_ok() != second.is_ok(),
        "one restore for two clicks: {first:?} {second:?}"
    );
    let restored = |fx: &Fx| -> Vec<(String, Vec<String>)> {
        db_data_volumes(fx)
            .into_iter()
            .filter(|(n, _)| n.starts_with("db-data - restored"))
            .collect()
    };
    assert_eq!(restored(&fx).len(), 1, "one new volume");
    assert!(
        restored(&fx)[0].1.is_empty(),
        "not attached while OVH makes it"
    );
    fx.advance_until(|fx| !fx.volumes_restored().is_empty())
        .await;
    assert_eq!(fx.volumes_restored().len(), 1, "told once");
    assert_eq!(
        restored(&fx)[0].1,
        std::slice::from_ref(&db),
        "attached to db-primary"
    );
    let original = db_data_volumes(&fx)
        .into_iter()
        .find(|(n, _)| n == "db-data")
        .unwrap();
    assert_eq!(
        original.1,
        std::slice::from_ref(&db),
        "the original is untouched"
    );
}

/// db-primary backed up with its volumes and told; its id, the set's, and the db-data part's.
async fn db_data_part(fx: &Fx, name: &str) -> (String, String, String) {
    let db = fx.instance("db-primary").await;
    let ids: Vec<String> = offered(fx, &db)
        .await
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    fx.s()
        .create_backup(&fx.project, &db, name, false, &ids)
        .await
        .unwrap();
    fx.until_told(name).await.unwrap();
    let set = fx.backup(name);
    let list = fx.s().backups(&fx.project).await.unwrap();
    let part = list.rows.iter().find(|r| r.id == set).unwrap().parts[0].clone();
    assert_eq!(part.volume_name, "db-data");
    (db, set, part.id.unwrap())
}

/// The simulator's volumes named db-data… (the original and its restored copies), with the
/// instances each is attached to.
fn db_data_volumes(fx: &Fx) -> Vec<(String, Vec<String>)> {
    let world = fx.sim.world.lock().unwrap();
    world.projects[0]
        .volumes
        .iter()
        .filter(|v| v.name.starts_with("db-data"))
        .map(|v| (v.name.clone(), v.attached_to.clone()))
        .collect()
}

/// A set's volume part restored in place: refused until the volume's name is typed; then the
/// new volume is made, the original detached once (its answer lost) and kept, the new one
/// attached in its place, through a restart, and told once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_volume_part_restored_in_place_keeps_the_original_detached() {
    let mut fx = Fx::new("part-in-place").await;
    let (db, set, part_id) = db_data_part(&fx, "db-primary in place").await;
    let volumes = db_data_volumes;
    let before = volumes(&fx);
    let refused = fx
        .s()
        .restore_part(&fx.project, &set, &part_id, &db, Some("db-dat"))
        .await;
    assert!(
        matches!(&refused, Err(desk::Error::Invalid(desk::Why::TypeVolumeName { name })) if name == "db-data"),
        "the name not typed: {refused:?}"
    );
    assert_eq!(volumes(&fx), before, "nothing made or detached");

    // Volume ids are not templated in the simulator's counts.
    let detach = |fx: &Fx| -> u64 {
        let routes = fx.sim.routes.lock().unwrap();
        routes
            .iter()
            .filter(|(k, _)| k.starts_with("POST ") && k.ends_with("/detach"))
            .map(|(_, n)| n)
            .sum()
    };
    fx.fault(json!({"method": "POST", "path": "/cloud/project/*/volume/*/detach", "drop": "after", "times": 1}));
    fx.s()
        .restore_part(&fx.project, &set, &part_id, &db, Some(" db-data "))
        .await
        .unwrap();
    let restored = |fx: &Fx| {
        volumes(fx)
            .into_iter()
            .find(|(n, _)| n.starts_with("db-data - restored"))
    };
    fx.advance_until(|fx| detach(fx) > 0).await;
    assert_eq!(detach(&fx), 1, "the detach asked");
    // Killed once the original is detached, before the new one is attached.
    fx.session = None;
    assert!(
        restored(&fx).is_some_and(|(_, on)| on.is_empty()),
        "the new volume waits for the original to leave: {:?}",
        volumes(&fx)
    );
    fx.clear();
    fx.open_session(Duration::from_secs(5)).await;
    let told = |fx: &Fx| {
        fx.volumes_restored()
            .iter()
            .filter(|t| {
                matches!(&t.kind, desk::journal::Kind::VolumeRestore { replaces: Some(r), .. } if r.name == "db-data")
            })
            .count()
    };
    fx.advance_until(|fx| told(fx) > 0).await;
    assert_eq!(told(&fx), 1, "told once: {:?}", volumes(&fx));
    assert_eq!(
        detach(&fx),
        1,
        "detached once, its lost answer not asked again"
    );
    let after = volumes(&fx);
    assert!(
        after.contains(&("db-data".to_string(), Vec::new())),
        "the original is kept, detached: {after:?}"
    );
    assert_eq!(
        restored(&fx).map(|(_, on)| on),
        Some(vec![db.clone()]),
        "the new volume in its place"
    );
    assert_eq!(after.len(), 2, "one new volume: {after:?}");
}
