//! A simulated week on tokio's paused clock: 50 workflows running daily and 20 manual backups,
//! followed by the real watcher and tracker at their real paces. The simulator's world is read
//! directly (one call = one API request), so a week passes in seconds. Checks: every execution
//! told exactly once, every backup told once, tasks and memory bounded, the request budget held.
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use desk::journal::{Journal, Kind, Tracked};
use desk::tracker::{self, CloudSource};
use desk::watcher::{self, Memory, WorkflowSource};
use ovh::types::{Image, Instance, Workflow};
use ovh_sim::world::World;
use ovh_sim::{render, Keys, ScaleSize};

type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The simulator's world as an API: each call advances the world to the (paused) clock's now
/// and counts one request in the minute it was made.
#[derive(Clone)]
struct Direct {
    world: Arc<Mutex<World>>,
    now: Clock,
    calls: Arc<AtomicU64>,
    per_minute: Arc<Mutex<HashMap<i64, u64>>>,
}

impl Direct {
    fn call<T: DeserializeOwned>(
        &self,
        read: impl FnOnce(&World, DateTime<Utc>) -> serde_json::Value,
    ) -> ovh::Result<T> {
        let now = (self.now)();
        self.calls.fetch_add(1, Ordering::Relaxed);
        *self
            .per_minute
            .lock()
            .unwrap()
            .entry(now.timestamp() / 60)
            .or_default() += 1;
        let mut world = self.world.lock().unwrap();
        world.advance(now);
        let value = read(&world, now);
        serde_json::from_value(value).map_err(|e| ovh::Error::Decode {
            path: "direct".into(),
            detail: e.to_string(),
        })
    }
}

impl WorkflowSource for Direct {
    fn project_ids(&self) -> impl Future<Output = ovh::Result<Vec<String>>> + Send {
        let r = self.call(|w, _| {
            serde_json::json!(w.projects.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
        });
        async move { r }
    }

    fn workflow_regions(
        &self,
        project_id: &str,
    ) -> impl Future<Output = ovh::Result<Vec<String>>> + Send {
        // One call for the names, one per region for its services, as the client makes them.
        let names: ovh::Result<Vec<String>> = self.call(|w, _| {
            serde_json::json!(w
                .projects
                .iter()
                .find(|p| p.id == project_id)
                .map(|p| p.regions.iter().map(|r| r.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default())
        });
        let r = names.map(|names| {
            names
                .into_iter()
                .filter(|name| {
                    self.call::<serde_json::Value>(|w, _| {
                        serde_json::json!(w
                            .projects
                            .iter()
                            .find(|p| p.id == project_id)
                            .and_then(|p| p.region(name))
                            .is_some_and(|r| r
                                .services
                                .iter()
                                .any(|(n, up)| n == "workflow" && *up)))
                    })
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false)
                })
                .collect()
        });
        async move { r }
    }

    fn workflows(
        &self,
        project_id: &str,
        region: &str,
    ) -> impl Future<Output = ovh::Result<Vec<Workflow>>> + Send {
        let r = self.call(|w, now| {
            let p = w
                .projects
                .iter()
                .find(|p| p.id == project_id)
                .expect("project");
            serde_json::json!(p
                .workflows
                .iter()
                .filter(|wf| wf.region == region)
                .map(|wf| render::workflow(p, wf, now))
                .collect::<Vec<_>>())
        });
        async move { r }
    }

    fn instances(
        &self,
        project_id: &str,
    ) -> impl Future<Output = ovh::Result<Vec<Instance>>> + Send {
        let r = self.call(|w, now| {
            let p = w
                .projects
                .iter()
                .find(|p| p.id == project_id)
                .expect("project");
            serde_json::json!(p
                .instances
                .iter()
                .map(|i| render::instance(p, i, now))
                .collect::<Vec<_>>())
        });
        async move { r }
    }
}

impl CloudSource for Direct {
    fn snapshots(
        &self,
        project_id: &str,
    ) -> impl Future<Output = ovh::Result<std::sync::Arc<Vec<Image>>>> + Send {
        let r = self.call(|w, now| {
            let p = w
                .projects
                .iter()
                .find(|p| p.id == project_id)
                .expect("project");
            serde_json::json!(p
                .snapshots
                .iter()
                .map(|s| render::snapshot(s, now))
                .collect::<Vec<_>>())
        });
        async move { r.map(std::sync::Arc::new) }
    }

    fn instances(
        &self,
        project_id: &str,
    ) -> impl Future<Output = ovh::Result<std::sync::Arc<Vec<Instance>>>> + Send {
        let r = WorkflowSource::instances(self, project_id);
        async move { r.await.map(std::sync::Arc::new) }
    }

    async fn reinstall(&self, _: &str, _: &str, _: &str) -> ovh::Result<Option<String>> {
        Ok(None)
    }

    async fn operation_status(&self, _: &str, _: &str) -> ovh::Result<String> {
        Ok("completed".into())
    }
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::test(start_paused = true)]
async fn a_simulated_week_is_told_once_within_budget() {
    let start = Utc::now();
    let t0 = tokio::time::Instant::now();
    let now: Clock = Arc::new(move || start + chrono::Duration::from_std(t0.elapsed()).unwrap());
    let size = ScaleSize {
        projects: 1,
        regions: 3,
        instances: 60,
        backups: 0,
        workflows: 50,
    };
    let world = Arc::new(Mutex::new(ovh_sim::scenario::scale(
        &Keys::default(),
        &size,
        start,
    )));
    let source = Direct {
        world: world.clone(),
        now: now.clone(),
        calls: Arc::new(AtomicU64::new(0)),
        per_minute: Arc::new(Mutex::new(HashMap::new())),
    };

    // 20 manual backups, made now and followed by the tracker.
    let backups = {
        let mut w = world.lock().unwrap();
        let project = w.projects[0].id.clone();
        let instances: Vec<(String, String, String)> = w.projects[0]
            .instances
            .iter()
            .take(20)
            .map(|i| (i.id.clone(), i.name.clone(), i.region.clone()))
            .collect();
        let mut made = Vec::new();
        for (n, (iid, iname, region)) in instances.into_iter().enumerate() {
            let id = w.new_uuid();
            let p = &mut w.projects[0];
            p.snapshots.push(ovh_sim::world::Snapshot {
                id: id.clone(),
                name: format!("manual {n:02}"),
                region: region.clone(),
                instance_id: iid.clone(),
                created: start,
                queued_secs: 5.0,
                duration_secs: 60.0 + 30.0 * n as f64,
                size_gb: 10.0,
                min_disk: 50,
                fails: false,
                aborted: false,
                workflow_id: None,
                os_type: "linux".into(),
                user: "debian".into(),
                flavor_type: Some("ovh.b2".into()),
            });
            made.push(Tracked {
                kind: Kind::Backup,
                project_id: project.clone(),
                snapshot_id: id,
                name: format!("manual {n:02}"),
                instance_id: iid,
                instance_name: iname,
                region,
                started_at: start,
            });
        }
        made
    };

    let told: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let finished: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let sink_told = told.clone();
    let watcher = watcher::spawn(
        source.clone(),
        Memory::none(),
        watcher::Pace::default(),
        now.clone(),
        move |e| {
            if let watcher::Event::RunSucceeded(r) | watcher::Event::RunFailed(r) = e {
                sink_told.lock().unwrap().push(format!(
                    "{}@{}",
                    r.workflow_id,
                    r.at.map_or(0, |t| t.timestamp())
                ));
            }
        },
    );
    let sink_finished = finished.clone();
    let tracker = tracker::spawn(
        source.clone(),
        Journal::none(),
        tracker::Pace::default(),
        now.clone(),
        move |e| {
            if let tracker::Event::Finished { backup, .. } = e {
                sink_finished.lock().unwrap().push(backup.name);
            }
        },
    );
    for b in backups {
        tracker.track(b);
    }

    let metrics = tokio::runtime::Handle::current().metrics();
    tokio::time::sleep(Duration::from_secs(3600)).await;
    let (rss_day1, tasks_day1) = (rss_kb(), metrics.num_alive_tasks());
    tokio::time::sleep(Duration::from_secs(7 * 86_400 - 3600)).await;
    let (rss_end, tasks_end) = (rss_kb(), metrics.num_alive_tasks());

    // Every execution made during the week, told exactly once.
    let made: Vec<String> = {
        let w = world.lock().unwrap();
        w.projects
            .iter()
            .flat_map(|p| p.workflows.iter())
            .flat_map(|wf| {
                wf.executions
                    .iter()
                    .filter(|e| e.executed_at > start)
                    .map(move |e| format!("{}@{}", wf.id, e.executed_at.timestamp()))
            })
            .collect()
    };
    let told = told.lock().unwrap().clone();
    let mut counts: HashMap<&String, usize> = HashMap::new();
    for id in &told {
        *counts.entry(id).or_default() += 1;
    }
    let doubled: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    let untold: Vec<_> = made.iter().filter(|id| !counts.contains_key(id)).collect();
    let finished = finished.lock().unwrap().clone();

    let calls = source.calls.load(Ordering::Relaxed);
    let per_minute = source.per_minute.lock().unwrap();
    // The first minute holds the one-off discovery every start makes; the budget is about the
    // minutes after it.
    let first = start.timestamp() / 60;
    let startup = per_minute.get(&first).copied().unwrap_or(0)
        + per_minute.get(&(first + 1)).copied().unwrap_or(0);
    let peak = per_minute
        .iter()
        .filter(|(m, _)| **m > first + 1)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    let minutes = 7 * 1440;
    println!(
        "soak: 7 simulated days, {} executions told ({} made), {} backups finished, {calls} requests ({:.2}/min on average, {startup} in the first two minutes, then a peak of {peak} in one minute), tasks {tasks_day1} → {tasks_end}, RSS {} → {} MB",
        told.len(),
        made.len(),
        finished.len(),
        calls as f64 / minutes as f64,
        rss_day1 / 1024,
        rss_end / 1024
    );
    assert!(
        made.len() >= 300,
        "50 daily workflows ran for a week: {}",
        made.len()
    );
    assert!(doubled.is_empty(), "told twice: {doubled:?}");
    assert!(
        untold.is_empty(),
        "never told: {} of {}",
        untold.len(),
        made.len()
    );
    let mut names = finished.clone();
    names.sort();
    names.dedup();
    assert_eq!(
        (finished.len(), names.len()),
        (20, 20),
        "each manual backup told once"
    );
    assert!(
        tasks_end <= tasks_day1,
        "tasks grew: {tasks_day1} → {tasks_end}"
    );
    assert!(
        rss_end < rss_day1 + 64 * 1024,
        "memory grew by {} MB",
        (rss_end - rss_day1) / 1024
    );
    assert!(
        peak <= 20,
        "the busy budget is 20 requests a minute, peak {peak}"
    );
    drop((watcher, tracker));
}
