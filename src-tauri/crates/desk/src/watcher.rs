//! The workflow watcher: reads workflows and their executions at a modest rate and tells, once
//! per execution, whether each scheduled run succeeded or failed; warns once when a run was
//! missed. What it has told is kept in the app's data directory, so a restart never repeats it.
//! Owned by a [`WatcherHandle`]; dropping it stops the task.
use std::collections::{BTreeSet, HashMap};
use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::{mpsc, watch};
use tokio_util::sync::CancellationToken;

use ovh::types::{Instance, Workflow};

use crate::files::JsonFile;
use crate::lists::{Age, Lists};
use crate::workflows::RunState;

/// What the watcher reads: the OVH client in the app, a fake in unit tests.
pub trait WorkflowSource: Send + Sync + 'static {
    fn project_ids(&self) -> impl Future<Output = Result<Vec<String>, ovh::Error>> + Send;
    /// Regions of a project whose workflow service is up.
    fn workflow_regions(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Vec<String>, ovh::Error>> + Send;
    fn workflows(
        &self,
        project_id: &str,
        region: &str,
    ) -> impl Future<Output = Result<Vec<Workflow>, ovh::Error>> + Send;
    fn instances(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Vec<Instance>, ovh::Error>> + Send;
    /// Whether OVH refused the credentials: watching pauses instead of failing in a loop.
    fn paused(&self) -> bool {
        false
    }
}

/// The watcher reads through the shared lists: the projects and regions it discovers, and the
/// workflows it reads, are the ones the window shows.
impl WorkflowSource for Lists {
    fn project_ids(&self) -> impl Future<Output = Result<Vec<String>, ovh::Error>> + Send {
        let lists = self.clone();
        async move {
            Ok(lists
                .projects(Age::Usual)
                .await?
                .iter()
                .map(|p| p.id.clone())
                .collect())
        }
    }

    fn workflow_regions(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Vec<String>, ovh::Error>> + Send {
        Lists::workflow_regions(self, project_id, Age::Usual)
    }

    fn workflows(
        &self,
        project_id: &str,
        region: &str,
    ) -> impl Future<Output = Result<Vec<Workflow>, ovh::Error>> + Send {
        let read = Lists::workflows(self, project_id, region, self.background());
        async move { Ok(read.await?.as_ref().clone()) }
    }

    fn instances(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Vec<Instance>, ovh::Error>> + Send {
        let read = Lists::instances(self, project_id, Age::Usual);
        async move { Ok(read.await?.as_ref().clone()) }
    }

    fn paused(&self) -> bool {
        self.client().auth_refused()
    }
}

/// How often the watcher looks.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// Between passes when nothing is due.
    pub idle: Duration,
    /// Between passes around a due run (from its time to `window` after).
    pub busy: Duration,
    pub window: chrono::Duration,
    /// A run not seen this long after its time counts as missed.
    pub grace: chrono::Duration,
    /// Regions and projects are listed again this often.
    pub rediscover: chrono::Duration,
    /// Every region's workflows are read at least this often; in between, only regions with a
    /// run due or in progress are read, so an idle account costs almost nothing.
    pub full_every: chrono::Duration,
}

impl Default for Pace {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(60),
            busy: Duration::from_secs(30),
            window: chrono::Duration::minutes(20),
            grace: chrono::Duration::hours(2),
            rediscover: chrono::Duration::minutes(30),
            full_every: chrono::Duration::minutes(10),
        }
    }
}

/// A scheduled run, for notifications.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledRun {
    pub project_id: String,
    pub workflow_id: String,
    pub workflow_name: String,
    pub instance_name: String,
    pub at: Option<DateTime<Utc>>,
    pub info: Option<String>,
}

/// What the watcher tells the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Event {
    RunSucceeded(ScheduledRun),
    RunFailed(ScheduledRun),
    /// No run was seen for the expected time `at` (plus the grace period).
    RunMissed(ScheduledRun),
    /// Workflows or their runs changed: screens showing them should refresh.
    Changed,
}

/// What was already told, kept across restarts.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Told {
    /// Execution ids notified (or present when watching started).
    executions: BTreeSet<String>,
    /// `workflow id@expected time` warned about.
    missed: BTreeSet<String>,
    /// Whether a first pass has recorded what already existed.
    baseline: bool,
}

/// Where `Told` lives: `notified-runs.json`, or memory only.
#[derive(Debug, Clone)]
pub struct Memory {
    file: JsonFile<Told>,
}

impl Memory {
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            file: JsonFile::in_dir(&dir.into(), "notified-runs.json"),
        }
    }

    pub fn none() -> Self {
        Self {
            file: JsonFile::none(),
        }
    }

    fn load(&self) -> Told {
        self.file.load()
    }

    fn save(&self, told: &Told) {
        if let Err(e) = self.file.save(told) {
            tracing::warn!("cannot save what was notified: {e}");
        }
    }
}

/// The owner of the watcher task.
pub struct WatcherHandle {
    tx: mpsc::UnboundedSender<()>,
    /// Stops the task when the handle is dropped.
    _cancel: tokio_util::sync::DropGuard,
    /// How many times the task came back to waiting: a pass, or a tick with nothing to do.
    waits: watch::Receiver<u64>,
}

impl WatcherHandle {
    /// Looks now instead of at the next tick (after the user changed workflows, or on demand).
    pub fn refresh_now(&self) {
        let _ = self.tx.send(());
    }

    /// Asks for a pass and returns once a whole pass has run after the call (a pass under way
    /// when asked may have read the clock before it moved, so two are asked for: the second
    /// starts after the first is over). For tests that move the clock between passes.
    pub async fn refresh_and_wait(&self) {
        let mut waits = self.waits.clone();
        let start = *waits.borrow_and_update();
        self.refresh_now();
        self.refresh_now();
        let _ = waits.wait_for(|n| *n >= start + 2).await;
    }
}

struct Known {
    projects: Vec<String>,
    regions: HashMap<String, Vec<String>>,
    at: Option<DateTime<Utc>>,
}

/// Starts the watcher on the current tokio runtime.
pub fn spawn<S: WorkflowSource>(
    source: S,
    memory: Memory,
    pace: Pace,
    now: crate::Clock,
    sink: impl Fn(Event) + Send + Sync + 'static,
) -> WatcherHandle {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let cancel = CancellationToken::new();
    let (waiting, waits) = watch::channel(0u64);
    let handle = WatcherHandle {
        tx,
        _cancel: cancel.clone().drop_guard(),
        waits,
    };
    tokio::spawn(async move {
        let mut watch = Watch::new(source, memory, pace, now);
        let mut wait = Duration::ZERO;
        loop {
            waiting.send_modify(|n| *n += 1);
            tokio::select! {
                _ = cancel.cancelled() => break,
                msg = rx.recv() => match msg {
                    Some(()) => watch.force_full = true,
                    None => break,
                },
                _ = tokio::time::sleep(wait) => {}
            }
            wait = watch.tick(&sink).await;
        }
    });
    handle
}

/// What the watcher knows between passes, and one pass ([`Watch::tick`]).
struct Watch<S> {
    source: S,
    memory: Memory,
    pace: Pace,
    now: crate::Clock,
    /// The runs already told, kept on disk.
    told: Told,
    known: Known,
    /// The latest workflows, with their project and region.
    workflows: Vec<(String, String, Workflow)>,
    /// Instance names by id, and the ids already looked up (a deleted instance stays unknown).
    names: HashMap<String, String>,
    looked_up: BTreeSet<String>,
    last_full: Option<DateTime<Utc>>,
    /// Read every region at the next pass (start, rediscovery, or asked by the app).
    force_full: bool,
    /// Whether a pass was made: the first only learns what the window read already.
    seen_once: bool,
}

impl<S: WorkflowSource> Watch<S> {
    fn new(source: S, memory: Memory, pace: Pace, now: crate::Clock) -> Self {
        Self {
            told: memory.load(),
            source,
            memory,
            pace,
            now,
            known: Known {
                projects: Vec::new(),
                regions: HashMap::new(),
                at: None,
            },
            workflows: Vec::new(),
            names: HashMap::new(),
            looked_up: BTreeSet::new(),
            last_full: None,
            force_full: true,
            seen_once: false,
        }
    }

    /// Where to read: every region with the workflow service on a full pass; otherwise only
    /// where a run is due about now or running.
    fn targets(&self, t: DateTime<Utc>, full: bool) -> Vec<(String, String)> {
        if full {
            return self
                .known
                .projects
                .iter()
                .flat_map(|p| {
                    self.known
                        .regions
                        .get(p)
                        .into_iter()
                        .flatten()
                        .map(move |r| (p.clone(), r.clone()))
                })
                .collect();
        }
        let mut busy: Vec<(String, String)> = self
            .workflows
            .iter()
            .filter(|(_, _, w)| {
                due_recently(w, t, self.pace.window)
                    || w.last_execution()
                        .is_some_and(|e| RunState::of(&e.state) == RunState::Running)
            })
            .map(|(p, r, _)| (p.clone(), r.clone()))
            .collect();
        busy.sort();
        busy.dedup();
        busy
    }

    /// One pass: reads what is due, tells what ended, and says how long to wait for the next.
    async fn tick(&mut self, sink: &impl Fn(Event)) -> Duration {
        let pace = self.pace;
        if self.source.paused() {
            return pace.idle;
        }
        let t = (self.now)();
        if self.known.at.is_none_or(|at| t - at > pace.rediscover) {
            match discover(&self.source).await {
                Ok((projects, regions)) => {
                    self.known = Known {
                        projects,
                        regions,
                        at: Some(t),
                    };
                    self.force_full = true;
                }
                Err(e) => {
                    tracing::warn!("watcher: cannot list projects or regions: {e}");
                    return pace.idle;
                }
            }
        }
        let full = self.force_full || self.last_full.is_none_or(|f| t - f >= pace.full_every);
        let targets = self.targets(t, full);
        if targets.is_empty() {
            // Nothing due, nothing running: no request this tick.
            return pace.idle;
        }
        let mut fetched = Vec::new();
        let mut failed = false;
        for (p, r) in &targets {
            match self.source.workflows(p, r).await {
                Ok(list) => fetched.extend(list.into_iter().map(|w| (p.clone(), r.clone(), w))),
                Err(e) => {
                    tracing::warn!("watcher: cannot list workflows of {p} in {r}: {e}");
                    failed = true;
                }
            }
        }
        if failed {
            // Keep what we had; never report a run as missed because a list failed.
            return pace.idle;
        }
        let fresh: Vec<(String, String, Workflow)> = if full {
            self.last_full = Some(t);
            self.force_full = false;
            fetched
        } else {
            let mut kept: Vec<(String, String, Workflow)> = self
                .workflows
                .iter()
                .filter(|(p, r, _)| !targets.contains(&(p.clone(), r.clone())))
                .cloned()
                .collect();
            kept.extend(fetched);
            kept
        };
        self.learn_names(&fresh).await;
        let changed = summary(&fresh) != summary(&self.workflows);
        self.workflows = fresh;
        let events = assess(&self.workflows, &self.names, &mut self.told, t, pace.grace);
        self.told.baseline = true;
        self.memory.save(&self.told);
        for e in events {
            sink(e);
        }
        // The first pass only learns what the window has read through the same lists.
        if changed && self.seen_once {
            sink(Event::Changed);
        }
        self.seen_once = true;
        if self
            .workflows
            .iter()
            .any(|(_, _, w)| due_recently(w, t, pace.window))
        {
            pace.busy
        } else {
            pace.idle
        }
    }

    /// Instance names are read again only when a workflow names an instance not looked up
    /// before (a deleted instance stays unknown without costing a request a pass).
    async fn learn_names(&mut self, fresh: &[(String, String, Workflow)]) {
        let unknown: Vec<String> = fresh
            .iter()
            .map(|(_, _, w)| w.instance_id.clone())
            .filter(|id| !self.names.contains_key(id) && !self.looked_up.contains(id))
            .collect();
        if unknown.is_empty() {
            return;
        }
        for p in &self.known.projects {
            if let Ok(list) = self.source.instances(p).await {
                self.names.extend(list.into_iter().map(|i| (i.id, i.name)));
            }
        }
        self.looked_up.extend(unknown);
    }
}

async fn discover<S: WorkflowSource>(
    source: &S,
) -> Result<(Vec<String>, HashMap<String, Vec<String>>), ovh::Error> {
    let projects = source.project_ids().await?;
    let mut regions = HashMap::new();
    for p in &projects {
        regions.insert(p.clone(), source.workflow_regions(p).await?);
    }
    Ok((projects, regions))
}

fn summary(list: &[(String, String, Workflow)]) -> Vec<(String, usize, Option<String>)> {
    list.iter()
        .map(|(_, _, w)| {
            (
                w.id.clone(),
                w.executions.len(),
                w.last_execution().map(|e| e.state.clone()),
            )
        })
        .collect()
}

/// Whether a workflow's latest expected run is within `window` before `now`.
fn due_recently(w: &Workflow, now: DateTime<Utc>, window: chrono::Duration) -> bool {
    !ovh::cron::occurrences(&w.cron, now - window, now, 1).is_empty()
}

/// What to tell about the current workflows; records it in `told`.
fn assess(
    workflows: &[(String, String, Workflow)],
    names: &HashMap<String, String>,
    told: &mut Told,
    now: DateTime<Utc>,
    grace: chrono::Duration,
) -> Vec<Event> {
    let mut events = Vec::new();
    for (project, _region, w) in workflows {
        let run = |at: Option<DateTime<Utc>>, info: Option<String>| ScheduledRun {
            project_id: project.clone(),
            workflow_id: w.id.clone(),
            workflow_name: w.name.clone(),
            instance_name: names
                .get(&w.instance_id)
                .cloned()
                .unwrap_or_else(|| w.instance_id.clone()),
            at,
            info,
        };
        for e in &w.executions {
            // OVH's case and spelling of a state are not relied on (`RunState::of`).
            let state = RunState::of(&e.state);
            let ended = matches!(
                state,
                RunState::Success | RunState::Error | RunState::Canceled
            );
            if !ended || told.executions.contains(&e.id) {
                continue;
            }
            told.executions.insert(e.id.clone());
            if !told.baseline {
                continue;
            }
            let info = e.state_info.clone().filter(|s| !s.is_empty());
            events.push(if state == RunState::Success {
                Event::RunSucceeded(run(e.executed_at, info))
            } else {
                Event::RunFailed(run(e.executed_at, info))
            });
        }
        // The latest run that should have happened before now - grace.
        let Some(expected) = last_occurrence(&w.cron, now - grace) else {
            continue;
        };
        if w.created_at.is_some_and(|c| c > expected) {
            continue;
        }
        let seen = w.executions.iter().any(|e| {
            e.executed_at
                .is_some_and(|at| at >= expected - chrono::Duration::minutes(5))
        });
        let key = format!("{}@{}", w.id, expected.to_rfc3339());
        if !seen && told.missed.insert(key) && told.baseline {
            events.push(Event::RunMissed(run(Some(expected), None)));
        }
    }
    events
}

/// The last occurrence of `cron` at or before `t` (looking back at most 32 days).
fn last_occurrence(cron: &str, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let from = t - chrono::Duration::days(32);
    let mut last = None;
    for o in ovh::cron::occurrences(cron, from, t, 50_000) {
        last = Some(o);
    }
    last
}

#[cfg(test)]
mod budget {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// Two projects, three regions each, one daily workflow at 03:00 UTC: counts requests.
    #[derive(Clone, Default)]
    struct Fake {
        calls: Arc<AtomicUsize>,
    }

    impl WorkflowSource for Fake {
        fn project_ids(&self) -> impl Future<Output = Result<Vec<String>, ovh::Error>> + Send {
            self.calls.fetch_add(1, Ordering::SeqCst);
            async { Ok(vec!["p1".into(), "p2".into()]) }
        }
        fn workflow_regions(
            &self,
            _p: &str,
        ) -> impl Future<Output = Result<Vec<String>, ovh::Error>> + Send {
            self.calls.fetch_add(1, Ordering::SeqCst);
            async { Ok(vec!["GRA11".into(), "SBG5".into(), "UK1".into()]) }
        }
        fn workflows(
            &self,
            p: &str,
            r: &str,
        ) -> impl Future<Output = Result<Vec<Workflow>, ovh::Error>> + Send {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let list = if p == "p1" && r == "GRA11" {
                vec![serde_json::from_value(serde_json::json!({"id": "w", "name": "n", "cron": "0 3 * * *", "instanceId": "i", "createdAt": "2026-01-01T00:00:00Z"})).unwrap()]
            } else {
                Vec::new()
            };
            async move { Ok(list) }
        }
        fn instances(
            &self,
            _p: &str,
        ) -> impl Future<Output = Result<Vec<Instance>, ovh::Error>> + Send {
            self.calls.fetch_add(1, Ordering::SeqCst);
            async { Ok(Vec::new()) }
        }
    }

    #[tokio::test(start_paused = true)]
    async fn requests_per_minute_idle_and_around_a_due_run() {
        let fake = Fake::default();
        // Wall time for the watcher follows tokio's paused clock from 00:00 UTC.
        let start: DateTime<Utc> = "2026-01-10T00:00:00Z".parse().unwrap();
        let origin = tokio::time::Instant::now();
        let now = Arc::new(move || start + chrono::Duration::from_std(origin.elapsed()).unwrap());
        let _h = spawn(fake.clone(), Memory::none(), Pace::default(), now, |_| {});
        let minute = async || {
            let before = fake.calls.load(Ordering::SeqCst);
            for _ in 0..60 {
                tokio::time::advance(Duration::from_secs(1)).await;
                for _ in 0..5 {
                    tokio::task::yield_now().await;
                }
            }
            fake.calls.load(Ordering::SeqCst) - before
        };
        let mut idle = Vec::new();
        for _ in 0..170 {
            idle.push(minute().await);
        }
        // 02:50 → 03:20: around the 03:00 run.
        let mut busy = Vec::new();
        for _ in 0..30 {
            busy.push(minute().await);
        }
        let idle_rate = idle[10..].iter().sum::<usize>() as f64 / (idle.len() - 10) as f64;
        let due_rate = busy[10..30].iter().sum::<usize>() as f64 / 20.0;
        println!("watcher, 2 projects × 3 regions, 1 workflow: {idle_rate:.2} requests/min idle, {due_rate:.2} requests/min in the 20 min after a due run");
        assert!(idle_rate <= 2.0, "idle: {idle_rate}");
        assert!(due_rate <= 20.0, "around a due run: {due_rate}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wf(id: &str, cron: &str, executions: serde_json::Value) -> Workflow {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": format!("wf-{id}"), "cron": cron, "instanceId": "i1",
            "createdAt": "2026-01-01T00:00:00Z", "executions": executions
        }))
        .unwrap()
    }

    #[test]
    fn a_run_is_told_whatever_the_case_or_spelling_of_its_state() {
        let names: HashMap<String, String> = [("i1".to_string(), "web-1".to_string())].into();
        let mut told = Told {
            baseline: true,
            ..Told::default()
        };
        let runs = serde_json::json!([
            {"id": "e1", "executedAt": "2026-01-04T22:30:00Z", "state": "success"},
            {"id": "e2", "executedAt": "2026-01-05T22:30:00Z", "state": "CANCELLED"}
        ]);
        let list = vec![("p".into(), "GRA11".into(), wf("w", "30 22 * * *", runs))];
        let later: DateTime<Utc> = "2026-01-05T23:00:00Z".parse().unwrap();
        let ev = assess(&list, &names, &mut told, later, chrono::Duration::hours(2));
        assert!(
            matches!(ev.as_slice(), [Event::RunSucceeded(_), Event::RunFailed(_)]),
            "{ev:?}"
        );
    }

    #[test]
    fn once_per_execution_and_nothing_for_history() {
        let names: HashMap<String, String> = [("i1".to_string(), "web-1".to_string())].into();
        let now: DateTime<Utc> = "2026-01-05T12:00:00Z".parse().unwrap();
        let mut told = Told::default();
        let history = serde_json::json!([{"id": "e1", "executedAt": "2026-01-04T22:30:00Z", "state": "SUCCESS"}]);
        let list = vec![(
            "p".to_string(),
            "GRA11".to_string(),
            wf("w", "30 22 * * *", history),
        )];
        assert!(
            assess(&list, &names, &mut told, now, chrono::Duration::hours(2)).is_empty(),
            "what existed at start is not notified"
        );
        told.baseline = true;
        let more = serde_json::json!([
            {"id": "e1", "executedAt": "2026-01-04T22:30:00Z", "state": "SUCCESS"},
            {"id": "e2", "executedAt": "2026-01-05T22:30:00Z", "state": "ERROR", "stateInfo": "quota exceeded"}
        ]);
        let list = vec![(
            "p".to_string(),
            "GRA11".to_string(),
            wf("w", "30 22 * * *", more),
        )];
        let later: DateTime<Utc> = "2026-01-05T23:00:00Z".parse().unwrap();
        let ev = assess(&list, &names, &mut told, later, chrono::Duration::hours(2));
        assert_eq!(ev.len(), 1);
        match &ev[0] {
            Event::RunFailed(r) => {
                assert_eq!(
                    (r.instance_name.as_str(), r.info.as_deref()),
                    ("web-1", Some("quota exceeded"))
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(
            assess(&list, &names, &mut told, later, chrono::Duration::hours(2)).is_empty(),
            "never twice"
        );
    }

    #[test]
    fn a_missed_run_is_warned_once() {
        let names = HashMap::new();
        let mut told = Told {
            baseline: true,
            executions: ["e1".to_string()].into(),
            ..Told::default()
        };
        let runs = serde_json::json!([{"id": "e1", "executedAt": "2026-01-03T22:30:00Z", "state": "SUCCESS"}]);
        let list = vec![(
            "p".to_string(),
            "GRA11".to_string(),
            wf("w", "30 22 * * *", runs),
        )];
        let fine: DateTime<Utc> = "2026-01-04T00:10:00Z".parse().unwrap();
        assert!(
            assess(&list, &names, &mut told, fine, chrono::Duration::hours(2)).is_empty(),
            "within the grace period"
        );
        let late: DateTime<Utc> = "2026-01-05T01:00:00Z".parse().unwrap();
        let ev = assess(&list, &names, &mut told, late, chrono::Duration::hours(2));
        assert!(
            matches!(&ev[..], [Event::RunMissed(r)] if r.at == Some("2026-01-04T22:30:00Z".parse().unwrap())),
            "{ev:?}"
        );
        assert!(
            assess(&list, &names, &mut told, late, chrono::Duration::hours(2)).is_empty(),
            "warned once"
        );
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    /// What 0.1 remembered is still remembered: no run notified twice after an update.
    #[test]
    fn reads_what_version_0_1_wrote() {
        let dir = crate::files::scratch_dir("told");
        std::fs::write(
            dir.join("notified-runs.json"),
            include_bytes!("../tests/fixtures/v0.1/notified-runs.json"),
        )
        .unwrap();
        let memory = Memory::in_dir(&dir);
        let told = memory.load();
        assert!(told.baseline);
        assert_eq!(told.executions.len(), 2);
        assert!(told.missed.contains("wf-1@2026-11-29T02:15:00Z"));
        memory.save(&told);
        let again = memory.load();
        assert_eq!(again.executions, told.executions);
        assert_eq!(again.missed, told.missed);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
