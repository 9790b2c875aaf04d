//! `make bench`: Backup Desk's API figures, each printed beside its target, never asserted.
//!
//! - inventory: what the protection overview needs, on the `scale` world with 50 ms added to
//!   every request, beside the critical path and the official python client making the same
//!   calls one after another;
//! - request budget: requests a minute while idle, with 5 backups in progress, and around a
//!   workflow's due time;
//! - notification latency: from a backup becoming available in the simulator to the tracker's
//!   event, over 20 backups.
#![forbid(unsafe_code)]

use std::process::Command;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use desk::session::{Notice, Paces};
use desk::tracker::Event;
use desk::{Connection, Session};
use ovh::{Client, Endpoint, RetryPolicy};
use ovh_sim::{Keys, Running, ScaleSize, Sim};

const LATENCY_MS: u64 = 50;

fn client(running: &Running, in_flight: usize) -> Client {
    Client::builder(Endpoint::Custom(running.base_url.clone()))
        .credentials(Keys::default().credentials())
        .retry(RetryPolicy::none())
        .max_in_flight(in_flight)
        .build()
        .expect("client")
}

fn session(running: &Running, sink: impl Fn(Notice) + Send + Sync + 'static) -> Session {
    session_with(running, 8, sink)
}

fn session_with(
    running: &Running,
    in_flight: usize,
    sink: impl Fn(Notice) + Send + Sync + 'static,
) -> Session {
    Session::start(
        Connection::with_client(client(running, in_flight)),
        None,
        Paces::default(),
        sink,
    )
}

fn row(what: &str, figure: String, target: &str) {
    println!("  {what:<46} {figure:<28} {target}");
}

fn python() -> String {
    if let Ok(p) = std::env::var("BACKUP_DESK_PYTHON") {
        return p;
    }
    let venv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/python-ovh/bin/python"
    );
    if std::path::Path::new(venv).exists() {
        venv.to_string()
    } else {
        "python3".into()
    }
}

/// What a python-ovh user writes for the same screen: ids, then each one's details, one call
/// after another. Warmed like the app (time offset fetched, connection open) before timing;
/// the requests are counted by the simulator (its stats read before and after).
const PYTHON_INVENTORY: &str = r#"
import json, os, time, urllib.request
import ovh, ovh.client
ovh.client.ENDPOINTS["bench"] = os.environ["SIM_URL"]
c = ovh.Client(endpoint="bench", application_key=os.environ["AK"], application_secret=os.environ["AS"], consumer_key=os.environ["CK"])
stats = lambda: json.load(urllib.request.urlopen(os.environ["SIM_ROOT"] + "/_sim/stats"))["requests"]
c.time_delta
c.get("/cloud/project")
before = stats()
t0 = time.monotonic()
for p in c.get("/cloud/project"):
    c.get(f"/cloud/project/{p}")
    for r in c.get(f"/cloud/project/{p}/region"):
        region = c.get(f"/cloud/project/{p}/region/{r}")
        if any(s["name"] == "workflow" and s["status"] == "UP" for s in region.get("services", [])):
            c.get(f"/cloud/project/{p}/region/{r}/workflow/backup")
    c.get(f"/cloud/project/{p}/instance"); c.get(f"/cloud/project/{p}/flavor"); c.get(f"/cloud/project/{p}/snapshot")
elapsed = time.monotonic() - t0
print(f"{elapsed:.3f} {stats() - before}")
"#;

/// The longest chain of requests each sent after the previous one was answered: the
/// dependency depth of what the client actually did (a request cannot use an answer it had not
/// received). Returns the depth and the chain's routes.
fn dependency_depth(log: &[ovh_sim::Logged]) -> (usize, Vec<String>) {
    let mut order: Vec<&ovh_sim::Logged> = log.iter().collect();
    order.sort_by_key(|l| l.start);
    let mut depth: Vec<(usize, Option<usize>)> = Vec::with_capacity(order.len());
    for (i, r) in order.iter().enumerate() {
        let best = (0..i)
            .filter(|&j| order[j].end <= r.start)
            .max_by_key(|&j| depth[j].0);
        depth.push(match best {
            Some(j) => (depth[j].0 + 1, Some(j)),
            None => (1, None),
        });
    }
    let Some(mut at) = (0..depth.len()).max_by_key(|&i| depth[i].0) else {
        return (0, Vec::new());
    };
    let total = depth[at].0;
    let mut chain = vec![order[at].route.clone()];
    while let Some(parent) = depth[at].1 {
        chain.push(order[parent].route.clone());
        at = parent;
    }
    chain.reverse();
    (total, chain)
}

/// A session whose background tasks stay quiet after their first pass, so a measurement
/// counts the screen's reads only.
fn quiet_session(running: &Running, in_flight: usize) -> Session {
    let hour = Duration::from_secs(3600);
    Session::start(
        Connection::with_client(client(running, in_flight)),
        None,
        Paces {
            watcher: desk::watcher::Pace {
                idle: hour,
                busy: hour,
                full_every: chrono::Duration::hours(1),
                rediscover: chrono::Duration::hours(1),
                ..Default::default()
            },
            ..Default::default()
        },
        |_| {},
    )
}

/// The protection overview from cold lists, timed; the requests counted by the simulator.
async fn cold_overview(
    sim: &Arc<Sim>,
    s: &Session,
) -> (Duration, u64, usize, Vec<ovh_sim::Logged>) {
    // Warm-up as after start: the clock offset, the connection, the watcher's first pass.
    s.client().server_time().await.expect("server time");
    tokio::time::sleep(Duration::from_secs(3)).await;
    s.lists().forget();
    let before = sim.requests.load(Ordering::Relaxed);
    sim.start_log();
    let t0 = Instant::now();
    let rows = s.overview().await.expect("overview");
    let took = t0.elapsed();
    let log = sim.take_log();
    let requests = sim.requests.load(Ordering::Relaxed) - before;
    (took, requests, rows.len(), log)
}

async fn inventory() {
    println!("inventory (scale: 3 projects × 8 regions, 300 instances, 1,500 backups, 100 workflows; +{LATENCY_MS} ms a request)");
    let size = ScaleSize {
        projects: 3,
        regions: 8,
        instances: 300,
        backups: 1500,
        workflows: 100,
    };
    let keys = Keys::default();
    let sim = Sim::new(ovh_sim::scenario::scale(&keys, &size, Utc::now()), 1.0);
    let running = Running::start(sim.clone()).await.expect("simulator");
    sim.faults
        .lock()
        .unwrap()
        .push(serde_json::from_value(serde_json::json!({"latencyMs": LATENCY_MS})).unwrap());
    let s = quiet_session(&running, 8);
    let (app, requests, rows, log) = cold_overview(&sim, &s).await;
    // The dependency depth is read where no request waits for a place in the client's queue
    // (64 in flight): there a request starts only after the answer it needs.
    let unbounded = quiet_session(&running, 64);
    let (_, _, _, free_log) = cold_overview(&sim, &unbounded).await;
    drop(unbounded);
    let (depth, chain) = dependency_depth(&free_log);
    if let (Some(first), Some(last)) = (
        log.iter().map(|l| l.start).min(),
        log.iter().map(|l| l.end).max(),
    ) {
        row(
            "from the first request to the last answer",
            format!("{} ms", (last - first).as_millis()),
            "",
        );
    }
    let floor = (requests as f64 / 8.0).ceil() as usize;
    let critical = Duration::from_millis((depth.max(floor) as u64) * LATENCY_MS);
    let mut by_route: std::collections::BTreeMap<&str, u64> = Default::default();
    for l in &log {
        *by_route.entry(l.route.as_str()).or_default() += 1;
    }

    let out = Command::new(python())
        .args(["-c", PYTHON_INVENTORY])
        .env("SIM_URL", &running.base_url)
        .env("SIM_ROOT", running.root_url())
        .env("AK", &keys.application_key)
        .env("AS", &keys.application_secret)
        .env("CK", &keys.consumer_key)
        .output()
        .expect("python runs; `make deps` installs python-ovh");
    assert!(
        out.status.success(),
        "python-ovh failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let py = Duration::from_secs_f64(
        parts
            .next()
            .and_then(|s| s.parse().ok())
            .expect("python's time"),
    );
    let py_requests: u64 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .expect("python's count");

    row(
        "Backup Desk (8 requests in flight at most)",
        format!("{} ms, {requests} requests, {rows} rows", app.as_millis()),
        "",
    );
    for (route, n) in &by_route {
        println!("      {n:>4} × {route}");
    }
    row(
        "dependency depth (longest chain, 64 in flight)",
        format!("{depth}: {}", chain.join(" → ")),
        "",
    );
    row(
        &format!("critical path: max(depth, requests / 8) × {LATENCY_MS} ms"),
        format!("{} ms", critical.as_millis()),
        "",
    );
    row(
        "Backup Desk ÷ critical path",
        format!("{:.2}×", app.as_secs_f64() / critical.as_secs_f64()),
        "target ≤ 1.3×",
    );
    row(
        "python-ovh, ids then details, one after another",
        format!("{} ms, {py_requests} requests", py.as_millis()),
        "",
    );
    row(
        "python-ovh ÷ Backup Desk",
        format!("{:.1}×", py.as_secs_f64() / app.as_secs_f64()),
        "target ≥ 10× at ≤ 8 in flight",
    );
    row(
        "requests: python-ovh ÷ Backup Desk",
        format!("{:.1}×", py_requests as f64 / requests as f64),
        "",
    );
}

/// Requests a minute the app's background work makes against the demo world, over `secs`.
async fn per_minute(sim: &Arc<Sim>, secs: u64) -> f64 {
    let before = sim.requests.load(Ordering::Relaxed);
    tokio::time::sleep(Duration::from_secs(secs)).await;
    (sim.requests.load(Ordering::Relaxed) - before) as f64 * 60.0 / secs as f64
}

async fn budget(secs: u64) {
    println!("request budget (the demo account, background work only, {secs} s each)");
    let sim = Sim::demo(&Keys::default());
    let running = Running::start(sim.clone()).await.expect("simulator");
    let s = session(&running, |_| {});
    // Let the watcher's first full pass happen, as after the app starts.
    tokio::time::sleep(Duration::from_secs(5)).await;
    row(
        "idle",
        format!("{:.1}/min", per_minute(&sim, secs).await),
        "target ≤ 2/min",
    );

    let project = s.projects().await.expect("projects")[0].id.clone();
    let instances = s.instances(&project).await.expect("instances");
    sim.world.lock().unwrap().pace.snapshot_secs_per_gb = 1000.0;
    let mut made = 0;
    for i in instances
        .iter()
        .filter(|i| i.status == "ACTIVE" && !i.metal)
    {
        if made == 5 {
            break;
        }
        s.create_backup(&project, &i.id, &format!("budget {made}"), false, &[])
            .await
            .expect("a budget backup starts");
        made += 1;
    }
    let busy = per_minute(&sim, secs).await;
    row(
        &format!("{made} backups in progress"),
        format!("{busy:.1}/min"),
        "target ≤ 20/min",
    );
    drop(s);

    // A workflow due in about a minute, announced to the watcher as the app does after creating it.
    let sim = Sim::demo(&Keys::default());
    let running = Running::start(sim.clone()).await.expect("simulator");
    let s = session(&running, |_| {});
    tokio::time::sleep(Duration::from_secs(5)).await;
    let due = Utc::now() + chrono::Duration::seconds(80);
    let cron = format!(
        "{} {} * * *",
        chrono::Timelike::minute(&due),
        chrono::Timelike::hour(&due)
    );
    let project = s.projects().await.expect("projects")[0].id.clone();
    let web = s
        .instances(&project)
        .await
        .expect("instances")
        .into_iter()
        .find(|i| i.name == "web-frontend-2")
        .expect("instance");
    s.create_auto_backups(
        &project,
        std::slice::from_ref(&web.id),
        "budget-wf",
        &cron,
        3,
    )
    .await
    .expect("the budget workflow is created");
    s.refresh_schedules();
    tokio::time::sleep(Duration::from_secs(50)).await;
    row(
        "around a workflow's due time",
        format!("{:.1}/min", per_minute(&sim, secs).await),
        "target ≤ 20/min",
    );
}

async fn latency() {
    println!("notification latency (20 backups, simulator marks them available → tracker event)");
    let keys = Keys::default();
    let size = ScaleSize {
        projects: 1,
        regions: 2,
        instances: 20,
        backups: 0,
        workflows: 0,
    };
    let sim = Sim::new(ovh_sim::scenario::scale(&keys, &size, Utc::now()), 1.0);
    let running = Running::start(sim.clone()).await.expect("simulator");
    let told: Arc<Mutex<Vec<(String, Instant)>>> = Arc::new(Mutex::new(Vec::new()));
    let sink = told.clone();
    let s = session(&running, move |n| {
        if let Notice::Backup(Event::Finished { backup, .. }) = n {
            sink.lock()
                .unwrap()
                .push((backup.snapshot_id, Instant::now()));
        }
    });
    let project = s.projects().await.expect("projects")[0].id.clone();
    let instances = s.instances(&project).await.expect("instances");
    let mut made = Vec::new();
    for (n, i) in instances.iter().take(20).enumerate() {
        let c = s
            .create_backup(&project, &i.id, &format!("latency {n}"), false, &[])
            .await
            .expect("a latency backup starts");
        made.push(c.snapshot_id);
    }
    // When each backup becomes available, in wall time (the world clock runs at wall speed).
    let ready: Vec<(String, Instant)> = {
        let world = sim.world.lock().unwrap();
        let now_world = sim.clocks.world_now();
        let now = Instant::now();
        world.projects[0]
            .snapshots
            .iter()
            .filter(|x| made.contains(&x.id))
            .map(|x| {
                let at =
                    x.created + chrono::Duration::milliseconds((x.duration_secs * 1000.0) as i64);
                let ahead = (at - now_world).to_std().unwrap_or_default();
                (x.id.clone(), now + ahead)
            })
            .collect()
    };
    let last = ready
        .iter()
        .map(|(_, t)| *t)
        .max()
        .unwrap_or_else(Instant::now);
    while Instant::now() < last + Duration::from_secs(15) && told.lock().unwrap().len() < made.len()
    {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let told = told.lock().unwrap().clone();
    let mut lat: Vec<f64> = ready
        .iter()
        .filter_map(|(id, at)| {
            told.iter()
                .find(|(t, _)| t == id)
                .map(|(_, when)| when.saturating_duration_since(*at).as_secs_f64())
        })
        .collect();
    lat.sort_by(|a, b| a.partial_cmp(b).unwrap());
    row(
        "backups never notified (misses)",
        format!("{} of {}", ready.len() - lat.len(), ready.len()),
        "target 0",
    );
    if lat.is_empty() {
        row("no backup was told", String::new(), "");
        return;
    }
    row(
        &format!("median over {} backups", lat.len()),
        format!("{:.2} s", lat[lat.len() / 2]),
        "target ≤ 3 s",
    );
    row("max", format!("{:.2} s", lat[lat.len() - 1]), "");
}

#[tokio::main]
async fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let want = |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    if want("inventory") {
        inventory().await;
    }
    if want("latency") {
        latency().await;
    }
    if want("budget") {
        budget(if quick { 20 } else { 60 }).await;
    }
}
