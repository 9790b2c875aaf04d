//! The fault-injection matrix: each scenario drives a session (what the app's commands call)
//! against the simulator with one fault, then checks the invariants — no duplicate backup, no
//! in-progress backup forgotten, no secret written, a clear message — and that everything works
//! again once the fault clears. The matrix is printed with pass/fail.
mod common;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use desk::session::{Notice, Paces};
use desk::tracker::{self, Event};
use desk::{Connection, Session};
use ovh::{Client, Endpoint, RetryPolicy};
use ovh_sim::{Keys, Running, ScaleSize, Sim};
use serde_json::json;

type Outcome = Result<(), String>;

/// One scenario's world: a simulator, a session on it with fast polling, what it notified.
struct Fx {
    running: Option<Running>,
    sim: Arc<Sim>,
    port: u16,
    dir: PathBuf,
    session: Option<Session>,
    notices: Arc<Mutex<Vec<Notice>>>,
    project: String,
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
    }
}

fn client_for(base_url: &str, timeout: Duration) -> Client {
    Client::builder(Endpoint::Custom(base_url.to_string()))
        .credentials(Keys::default().credentials())
        .retry(RetryPolicy {
            max_retries: 2,
            min_delay: Duration::from_millis(20),
            max_delay: Duration::from_millis(300),
        })
        .timeout(timeout)
        .build()
        .expect("client builds")
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
        let dir = std::env::temp_dir().join(format!(
            "backup-desk-faults-{name}-{}-{port}",
            std::process::id()
        ));
        let mut fx = Self {
            running: Some(running),
            sim,
            port,
            dir,
            session: None,
            notices: Arc::new(Mutex::new(Vec::new())),
            project: String::new(),
        };
        fx.open_session(Duration::from_secs(5));
        fx.project = fx.s().projects().await.expect("projects")[0].id.clone();
        fx
    }

    /// (Re)opens the session on the same data directory, as the app does after a restart.
    fn open_session(&mut self, timeout: Duration) {
        self.session = None;
        let client = client_for(&format!("http://127.0.0.1:{}/1.0", self.port), timeout);
        let notices = self.notices.clone();
        self.session = Some(Session::start(
            Connection::with_client(client),
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

    /// Backups of the project with this name, straight from the simulator.
    fn named(&self, name: &str) -> usize {
        let world = self.sim.world.lock().unwrap();
        world
            .projects
            .iter()
            .flat_map(|p| p.snapshots.iter())
            .filter(|s| s.name == name)
            .count()
    }

    fn finished(&self, name: &str) -> usize {
        self.notices
            .lock()
            .unwrap()
            .iter()
            .filter(|n| match n {
                Notice::Backup(Event::Finished { backup, .. }) => backup.name == name,
                Notice::Backup(Event::WhileAway { finished, .. }) => {
                    finished.iter().any(|b| b.name == name)
                }
                _ => false,
            })
            .count()
    }

    /// Waits (world time moves on) until the backup named `name` was notified as finished.
    async fn until_finished(&self, name: &str) -> Outcome {
        for _ in 0..100 {
            if self.finished(name) > 0 {
                return Ok(());
            }
            self.advance(30);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("{name} was never notified as finished"))
    }

    /// The invariants every scenario ends with.
    fn invariants(&self, names: &[&str]) -> Outcome {
        for n in names {
            let count = self.named(n);
            if count > 1 {
                return Err(format!("{count} backups named {n:?}: a duplicate"));
            }
            if self.finished(n) > 1 {
                return Err(format!("{n:?} notified {} times", self.finished(n)));
            }
        }
        let keys = Keys::default();
        let hits = secrets_in(&self.dir, &[&keys.application_secret, &keys.consumer_key]);
        if !hits.is_empty() {
            return Err(format!("secrets written: {hits:?}"));
        }
        Ok(())
    }
}

fn secrets_in(dir: &Path, secrets: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = std::fs::read(&p).unwrap_or_default();
            for s in secrets {
                if bytes.windows(s.len()).any(|w| w == s.as_bytes()) {
                    hits.push(p.display().to_string());
                }
            }
        }
    }
    hits
}

fn says<T: std::fmt::Debug>(r: desk::Result<T>, words: &[&str]) -> Outcome {
    match r {
        Ok(v) => Err(format!("expected a failure, got {v:?}")),
        Err(e) => {
            let text = e.to_string();
            if words.iter().any(|w| text.contains(w)) {
                Ok(())
            } else {
                Err(format!(
                    "unclear message: {text:?} (expected one of {words:?})"
                ))
            }
        }
    }
}

fn ok<T>(r: desk::Result<T>, what: &str) -> Result<T, String> {
    r.map_err(|e| format!("{what} did not recover: {e}"))
}

/// A read fails while the fault lasts, says why, and works once it clears.
async fn read_fault(name: &str, fault: serde_json::Value, words: &[&str], call: Call) -> Outcome {
    let fx = Fx::new(name).await;
    fx.fault(fault);
    // As after the user's Refresh: nothing is served from the shared lists.
    fx.s().lists().forget();
    says(call(&fx).await, words)?;
    fx.clear();
    ok(call(&fx).await, "the read")?;
    fx.invariants(&[])
}

type Call = for<'a> fn(&'a Fx) -> Pin<Box<dyn Future<Output = desk::Result<usize>> + 'a>>;

fn instances(fx: &Fx) -> Pin<Box<dyn Future<Output = desk::Result<usize>> + '_>> {
    Box::pin(async { fx.s().instances(&fx.project).await.map(|v| v.len()) })
}
fn backups(fx: &Fx) -> Pin<Box<dyn Future<Output = desk::Result<usize>> + '_>> {
    Box::pin(async { fx.s().backups(&fx.project).await.map(|v| v.rows.len()) })
}
fn workflows(fx: &Fx) -> Pin<Box<dyn Future<Output = desk::Result<usize>> + '_>> {
    Box::pin(async { fx.s().workflows(&fx.project).await.map(|v| v.len()) })
}
fn projects(fx: &Fx) -> Pin<Box<dyn Future<Output = desk::Result<usize>> + '_>> {
    Box::pin(async { fx.s().projects().await.map(|v| v.len()) })
}

/// A backup asked for while the snapshot POST misbehaves: never two, always followed.
async fn create_fault(name: &str, fault: serde_json::Value, expect_created: bool) -> Outcome {
    let fx = Fx::new(name).await;
    let web = fx.instance("web-frontend-2").await;
    fx.fault(fault);
    let first = fx.s().create_backup(&fx.project, &web, name, false).await;
    fx.clear();
    match (&first, expect_created) {
        (Ok(c), true) if c.recovered => {}
        (Ok(_), true) => return Err("a lost answer was not reported as recovered".into()),
        (Err(e), false) => {
            let text = e.to_string();
            if !["OVH API", "unreachable", "answer"]
                .iter()
                .any(|w| text.contains(w))
            {
                return Err(format!("unclear message: {text}"));
            }
        }
        (r, _) => return Err(format!("unexpected first outcome: {r:?}")),
    }
    if first.is_err() {
        // The user presses Confirm again once the network is back.
        ok(
            fx.s().create_backup(&fx.project, &web, name, false).await,
            "the backup",
        )?;
    }
    if fx.named(name) != 1 {
        return Err(format!("{} backups named {name:?}", fx.named(name)));
    }
    fx.until_finished(name).await?;
    fx.invariants(&[name])
}

async fn scenarios() -> Vec<(&'static str, Outcome)> {
    let mut out: Vec<(&'static str, Outcome)> = Vec::new();
    macro_rules! run {
        ($label:expr, $body:expr) => {{
            let r = $body.await;
            println!("{:<72} {}", $label, if r.is_ok() { "pass" } else { "FAIL" });
            out.push(($label, r));
        }};
    }
    let e500 = |p: &str| json!({"path": p, "status": 500});
    run!(
        "500 on the instance list",
        read_fault(
            "i500",
            e500("/cloud/project/*/instance"),
            &["500"],
            instances
        )
    );
    run!(
        "502 on the backup list",
        read_fault(
            "s502",
            json!({"path": "/cloud/project/*/snapshot", "status": 502}),
            &["502"],
            backups
        )
    );
    run!(
        "503 on the workflow lists",
        read_fault(
            "w503",
            json!({"path": "/cloud/project/*/region/*/workflow/backup", "status": 503}),
            &["503"],
            workflows
        )
    );
    run!(
        "503 HTML page on the project list (one readable line)",
        read_fault(
            "p503",
            json!({"path": "/cloud/project", "status": 503, "html": true}),
            &["503 Service Unavailable"],
            projects
        )
    );
    run!(
        "garbage (HTML with 200) instead of JSON",
        read_fault(
            "garbage",
            json!({"path": "/cloud/project/*/instance", "status": 200, "html": true}),
            &["unexpected answer"],
            instances
        )
    );
    run!("429 with Retry-After, then served", async {
        let fx = Fx::new("r429").await;
        fx.fault(json!({"path": "/cloud/project/*/snapshot", "status": 429, "retryAfter": 1, "times": 1}));
        let before = fx.s().client().request_count();
        ok(fx.s().backups(&fx.project).await, "the list")?;
        if fx.s().client().request_count() - before < 2 {
            return Err("the 429 was not retried".into());
        }
        fx.invariants(&[])
    });
    run!("slow answers past the client timeout", async {
        let mut fx = Fx::new("slow").await;
        fx.open_session(Duration::from_millis(300));
        fx.fault(json!({"path": "/cloud/project/*/instance", "latencyMs": 1500}));
        says(
            fx.s().instances(&fx.project).await.map(|v| v.len()),
            &["in time"],
        )?;
        fx.clear();
        ok(fx.s().instances(&fx.project).await, "the list")?;
        fx.invariants(&[])
    });
    run!(
        "500 on the snapshot POST: nothing made, Confirm again works",
        create_fault(
            "post500",
            json!({"method": "POST", "path": "/cloud/project/*/instance/*/snapshot", "status": 500}),
            false
        )
    );
    run!(
        "connection reset before the snapshot POST took effect",
        create_fault(
            "dropbefore",
            json!({"method": "POST", "path": "/cloud/project/*/instance/*/snapshot", "drop": "before", "times": 1}),
            false
        )
    );
    run!(
        "connection reset after the snapshot POST took effect",
        create_fault(
            "dropafter",
            json!({"method": "POST", "path": "/cloud/project/*/instance/*/snapshot", "drop": "after", "times": 1}),
            true
        )
    );
    run!(
        "504 on the snapshot POST: looked for, not doubled, Confirm again works",
        create_fault(
            "gw504",
            json!({"method": "POST", "path": "/cloud/project/*/instance/*/snapshot", "status": 504, "times": 1}),
            false
        )
    );
    run!("network down while the user presses Confirm", async {
        let fx = Fx::new("netdown").await;
        let web = fx.instance("web-frontend-2").await;
        fx.fault(json!({"drop": "before"}));
        says(
            fx.s()
                .create_backup(&fx.project, &web, "netdown", false)
                .await,
            &["unreachable"],
        )?;
        fx.clear();
        ok(
            fx.s()
                .create_backup(&fx.project, &web, "netdown", false)
                .await,
            "Confirm",
        )?;
        fx.until_finished("netdown").await?;
        fx.invariants(&["netdown"])
    });
    run!("a double Confirm makes one backup", async {
        let fx = Fx::new("double").await;
        let web = fx.instance("web-frontend-2").await;
        fx.fault(
            json!({"path": "/cloud/project/*/instance/*/snapshot", "latencyMs": 200, "times": 1}),
        );
        let (a, b) = tokio::join!(
            fx.s().create_backup(&fx.project, &web, "double", false),
            fx.s().create_backup(&fx.project, &web, "double", false)
        );
        if a.is_ok() == b.is_ok() {
            return Err(format!("both clicks gave the same answer: {a:?} / {b:?}"));
        }
        says(if a.is_err() { a } else { b }, &["already being created"])?;
        fx.until_finished("double").await?;
        fx.invariants(&["double"])
    });
    run!("server clock 10 minutes off", async {
        let fx = Fx::new("skew").await;
        ok(fx.s().projects().await, "before")?;
        fx.sim.clocks.set_skew(600);
        ok(fx.s().projects().await, "with the skew")?;
        fx.invariants(&[])
    });
    run!(
        "credential revoked mid-session, then approved again",
        async {
            let fx = Fx::new("revoked").await;
            let ck = Keys::default().consumer_key;
            fx.sim
                .world
                .lock()
                .unwrap()
                .credentials
                .get_mut(&ck)
                .unwrap()
                .status = "expired".into();
            // The next read that reaches OVH meets the refusal (a Refresh here); from then on
            // no list is served from memory until OVH accepts the key again.
            fx.s().lists().forget();
            says(fx.s().projects().await, &["credential is not valid"])?;
            says(
                fx.s().instances(&fx.project).await,
                &["credential is not valid"],
            )?;
            if !fx.s().auth_refused() {
                return Err("background work is not paused".into());
            }
            fx.sim
                .world
                .lock()
                .unwrap()
                .credentials
                .get_mut(&ck)
                .unwrap()
                .status = "validated".into();
            ok(fx.s().projects().await, "after approval")?;
            if fx.s().auth_refused() {
                return Err("background work stays paused".into());
            }
            fx.invariants(&[])
        }
    );
    run!("the app killed during a backup, then restarted", async {
        let mut fx = Fx::new("killed").await;
        let web = fx.instance("web-frontend-2").await;
        ok(
            fx.s()
                .create_backup(&fx.project, &web, "killed", false)
                .await,
            "Confirm",
        )?;
        fx.session = None; // the process goes away; only the journal on disk remains
        fx.advance(3600);
        fx.open_session(Duration::from_secs(5));
        fx.until_finished("killed").await?;
        fx.invariants(&["killed"])
    });
    run!(
        "the simulator restarted (state kept) during tracking",
        async {
            let mut fx = Fx::new("simrestart").await;
            let web = fx.instance("web-frontend-2").await;
            ok(
                fx.s()
                    .create_backup(&fx.project, &web, "simrestart", false)
                    .await,
                "Confirm",
            )?;
            fx.running = None;
            tokio::time::sleep(Duration::from_millis(400)).await;
            fx.running = Some(
                Running::start_on(fx.sim.clone(), fx.port)
                    .await
                    .map_err(|e| format!("restart: {e}"))?,
            );
            fx.until_finished("simrestart").await?;
            fx.invariants(&["simrestart"])
        }
    );
    run!(
        "a backup that ends in error is told once as failed",
        async {
            let fx = Fx::new("failed").await;
            let web = fx.instance("web-frontend-2").await;
            fx.sim.world.lock().unwrap().fail_next_snapshots = 1;
            ok(
                fx.s()
                    .create_backup(&fx.project, &web, "failed", false)
                    .await,
                "Confirm",
            )?;
            for _ in 0..60 {
                fx.advance(30);
                tokio::time::sleep(Duration::from_millis(100)).await;
                let failed = fx
                .notices
                .lock()
                .unwrap()
                .iter()
                .filter(|n| matches!(n, Notice::Backup(Event::Failed { backup, .. }) if backup.name == "failed"))
                .count();
                if failed == 1 {
                    return fx.invariants(&["failed"]);
                }
            }
            Err("the failure was never told".into())
        }
    );
    run!(
        "500 on the workflow POST: none made, then made once",
        async {
            let fx = Fx::new("wfpost").await;
            let web = fx.instance("web-frontend-2").await;
            fx.fault(json!({"method": "POST", "path": "/cloud/project/*/region/*/workflow/backup", "status": 500}));
            let ids = vec![web.clone()];
            let first = fx
                .s()
                .create_auto_backups(&fx.project, &ids, "fault-wf", "30 22 * * *", 7)
                .await;
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
            if first
                .as_ref()
                .map(|o| o.iter().all(|x| x.error.is_none()))
                .unwrap_or(false)
            {
                return Err("the refusal was not reported".into());
            }
            if count(&fx) != 0 {
                return Err("a workflow was made despite the 500".into());
            }
            let second = ok(
                fx.s()
                    .create_auto_backups(&fx.project, &ids, "fault-wf", "30 22 * * *", 7)
                    .await,
                "the workflow",
            )?;
            if second.iter().any(|o| o.error.is_some()) {
                return Err(format!("not made after the fault: {second:?}"));
            }
            if count(&fx) != 1 {
                return Err(format!("{} workflows for the instance", count(&fx)));
            }
            fx.invariants(&[])
        }
    );
    run!(
        "500 on a backup DELETE: kept and said, then deleted",
        async {
            let fx = Fx::new("del500").await;
            let list = ok(fx.s().backups(&fx.project).await, "the list")?;
            let victim = list
                .rows
                .iter()
                .find(|r| r.orphan)
                .or_else(|| list.rows.last())
                .ok_or("no backup")?
                .clone();
            fx.fault(
                json!({"method": "DELETE", "path": "/cloud/project/*/snapshot/*", "status": 500}),
            );
            let r = ok(
                fx.s()
                    .delete_backups(&fx.project, std::slice::from_ref(&victim.id))
                    .await,
                "delete",
            )?;
            if r[0].deleted || r[0].reason.is_none() {
                return Err(format!("the failed delete was not reported: {r:?}"));
            }
            fx.clear();
            let r = ok(
                fx.s()
                    .delete_backups(&fx.project, std::slice::from_ref(&victim.id))
                    .await,
                "delete",
            )?;
            if !r[0].deleted {
                return Err(format!("not deleted after the fault: {r:?}"));
            }
            fx.invariants(&[])
        }
    );
    run!("an empty project", async {
        let sim = Sim::demo(&Keys::default());
        {
            let mut w = sim.world.lock().unwrap();
            let p = &mut w.projects[0];
            p.instances.clear();
            p.snapshots.clear();
            p.workflows.clear();
        }
        let fx = Fx::on("empty", sim).await;
        let n = ok(fx.s().instances(&fx.project).await, "instances")?.len();
        let b = ok(fx.s().backups(&fx.project).await, "backups")?.rows.len();
        let w = ok(fx.s().workflows(&fx.project).await, "workflows")?.len();
        ok(fx.s().overview().await, "the overview")?;
        if n + b + w != 0 {
            return Err(format!("an empty project shows {n}/{b}/{w}"));
        }
        fx.invariants(&[])
    });
    run!("a project with 10,000 backups", async {
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
        let rows = ok(fx.s().backups(&fx.project).await, "the list")?
            .rows
            .len();
        println!("    10,000 backups listed in {:?}", started.elapsed());
        // The scenario's workflows have made a few more of their own.
        if rows < 10_000 {
            return Err(format!("{rows} rows"));
        }
        ok(fx.s().overview().await, "the overview")?;
        fx.invariants(&[])
    });
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_fault_matrix() {
    println!("{:<72} result", "scenario");
    let results = scenarios().await;
    let failed: Vec<String> = results
        .iter()
        .filter_map(|(name, r)| r.as_ref().err().map(|e| format!("{name}: {e}")))
        .collect();
    println!(
        "fault matrix: {} scenarios, {} passed, {} failed",
        results.len(),
        results.len() - failed.len(),
        failed.len()
    );
    assert!(results.len() >= 20, "at least 20 scenarios");
    assert!(failed.is_empty(), "failures:\n{}", failed.join("\n"));
}
