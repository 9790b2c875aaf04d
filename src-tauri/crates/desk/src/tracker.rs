//! The background tracker: follows every in-progress backup to its end with one snapshot-list
//! call per project per tick, backing off from 3 s to 30 s, idle when nothing is in progress,
//! and reports each end once. Owned by a [`TrackerHandle`]; dropping the handle stops it.
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use ovh::types::{Image, SnapshotStatus};

use crate::journal::{Journal, Tracked};

/// Where the tracker reads backups from: the OVH client in the app, a fake in unit tests.
pub trait SnapshotSource: Send + Sync + 'static {
    /// Every backup of a project.
    fn snapshots(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Vec<Image>, ovh::Error>> + Send;
}

impl SnapshotSource for ovh::Client {
    fn snapshots(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Vec<Image>, ovh::Error>> + Send {
        ovh::Client::snapshots(self, project_id, None)
    }
}

/// How often the tracker polls.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// First delay after new work.
    pub min: Duration,
    /// Longest delay.
    pub max: Duration,
}

impl Default for Pace {
    fn default() -> Self {
        Self {
            min: Duration::from_secs(3),
            max: Duration::from_secs(30),
        }
    }
}

/// Why a backup did not become available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Failure {
    /// OVH reports it in error.
    Error,
    /// It vanished from the list before becoming available.
    Disappeared,
}

/// What the tracker tells the app.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Event {
    /// Backups of this project changed state: lists should be refreshed.
    Changed { project_id: String },
    /// A backup became available.
    Finished {
        backup: Tracked,
        size_gb: f64,
        duration_secs: i64,
    },
    /// A backup failed.
    Failed { backup: Tracked, failure: Failure },
    /// At start, backups that ended while the app was closed, reported once.
    WhileAway {
        finished: Vec<Tracked>,
        failed: Vec<Tracked>,
    },
}

enum Command {
    Track(Tracked),
}

/// The owner of the tracker task: it stops when this is dropped.
pub struct TrackerHandle {
    tx: mpsc::UnboundedSender<Command>,
    cancel: CancellationToken,
    tracked: Arc<std::sync::Mutex<Vec<Tracked>>>,
}

impl TrackerHandle {
    /// Follows a new backup.
    pub fn track(&self, backup: Tracked) {
        let _ = self.tx.send(Command::Track(backup));
    }

    /// Backups being followed now.
    pub fn tracked(&self) -> Vec<Tracked> {
        self.tracked.lock().expect("tracked lock").clone()
    }

    /// The instance a tracked backup was taken of.
    pub fn instance_of(&self, snapshot_id: &str) -> Option<String> {
        self.tracked
            .lock()
            .expect("tracked lock")
            .iter()
            .find(|t| t.snapshot_id == snapshot_id)
            .map(|t| t.instance_id.clone())
    }
}

impl Drop for TrackerHandle {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// Starts the tracker on the current tokio runtime, resuming what `journal` holds. `sink`
/// receives every event; `now` gives wall time for durations.
pub fn spawn<S: SnapshotSource>(
    source: S,
    journal: Journal,
    pace: Pace,
    now: Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>,
    sink: impl Fn(Event) + Send + Sync + 'static,
) -> TrackerHandle {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let cancel = CancellationToken::new();
    let pending = journal.load();
    let resumed = !pending.is_empty();
    let tracked = Arc::new(std::sync::Mutex::new(pending));
    let handle = TrackerHandle {
        tx,
        cancel: cancel.clone(),
        tracked: tracked.clone(),
    };
    tokio::spawn(async move {
        let mut delay = pace.min;
        // The first poll after a restart happens at once and reports what ended meanwhile.
        let mut first_after_restart = resumed;
        loop {
            let idle = tracked.lock().expect("tracked lock").is_empty();
            let wait = if first_after_restart {
                Duration::ZERO
            } else {
                delay
            };
            tokio::select! {
                _ = cancel.cancelled() => break,
                cmd = rx.recv() => {
                    match cmd {
                        Some(Command::Track(t)) => {
                            let mut list = tracked.lock().expect("tracked lock");
                            if !list.iter().any(|x| x.snapshot_id == t.snapshot_id) {
                                list.push(t);
                            }
                            if let Err(e) = journal.save(&list) {
                                tracing::warn!("cannot save the journal: {e}");
                            }
                            delay = pace.min;
                        }
                        None => break,
                    }
                    continue;
                }
                _ = tokio::time::sleep(wait), if !idle => {}
            }
            let snapshot: Vec<Tracked> = tracked.lock().expect("tracked lock").clone();
            let outcome = poll(&source, &snapshot, &*now).await;
            let mut away_finished = Vec::new();
            let mut away_failed = Vec::new();
            let mut changed_projects: Vec<String> = Vec::new();
            for (t, result) in outcome.ended {
                if !changed_projects.contains(&t.project_id) {
                    changed_projects.push(t.project_id.clone());
                }
                match (first_after_restart, result) {
                    (true, Ok(_)) => away_finished.push(t),
                    (true, Err(_)) => away_failed.push(t),
                    (false, Ok((size_gb, duration_secs))) => sink(Event::Finished {
                        backup: t,
                        size_gb,
                        duration_secs,
                    }),
                    (false, Err(failure)) => sink(Event::Failed { backup: t, failure }),
                }
            }
            if !away_finished.is_empty() || !away_failed.is_empty() {
                sink(Event::WhileAway {
                    finished: away_finished,
                    failed: away_failed,
                });
            }
            for p in outcome.progressed.into_iter().chain(changed_projects) {
                sink(Event::Changed { project_id: p });
            }
            {
                let mut list = tracked.lock().expect("tracked lock");
                list.retain(|t| !outcome.done_ids.contains(&t.snapshot_id));
                if let Err(e) = journal.save(&list) {
                    tracing::warn!("cannot save the journal: {e}");
                }
            }
            delay = if first_after_restart {
                pace.min
            } else {
                delay.mul_f64(1.5).min(pace.max)
            };
            first_after_restart = false;
        }
    });
    handle
}

struct PollOutcome {
    ended: Vec<(Tracked, Result<(f64, i64), Failure>)>,
    done_ids: Vec<String>,
    /// Projects with a backup whose visible state moved (queued → saving).
    progressed: Vec<String>,
}

/// One tick: one list call per project that has tracked backups.
async fn poll<S: SnapshotSource>(
    source: &S,
    tracked: &[Tracked],
    now: &(dyn Fn() -> DateTime<Utc> + Send + Sync),
) -> PollOutcome {
    let mut by_project: BTreeMap<&str, Vec<&Tracked>> = BTreeMap::new();
    for t in tracked {
        by_project.entry(t.project_id.as_str()).or_default().push(t);
    }
    let mut out = PollOutcome {
        ended: Vec::new(),
        done_ids: Vec::new(),
        progressed: Vec::new(),
    };
    for (project, items) in by_project {
        let list = match source.snapshots(project).await {
            Ok(list) => list,
            Err(e) => {
                // Keep tracking; the next tick tries again after a longer wait.
                tracing::warn!("tracker: cannot list backups of {project}: {e}");
                continue;
            }
        };
        for t in items {
            match list.iter().find(|s| s.id == t.snapshot_id) {
                Some(s) => match s.snapshot_status() {
                    SnapshotStatus::Active => {
                        let duration = (now() - t.started_at).num_seconds().max(0);
                        out.ended.push(((*t).clone(), Ok((s.size, duration))));
                        out.done_ids.push(t.snapshot_id.clone());
                    }
                    SnapshotStatus::Failed => {
                        out.ended.push(((*t).clone(), Err(Failure::Error)));
                        out.done_ids.push(t.snapshot_id.clone());
                    }
                    SnapshotStatus::Deleting => {
                        out.ended.push(((*t).clone(), Err(Failure::Disappeared)));
                        out.done_ids.push(t.snapshot_id.clone());
                    }
                    SnapshotStatus::InProgress => {
                        if s.status == "saving" && !out.progressed.iter().any(|p| p == project) {
                            out.progressed.push(project.to_string());
                        }
                    }
                },
                None => {
                    out.ended.push(((*t).clone(), Err(Failure::Disappeared)));
                    out.done_ids.push(t.snapshot_id.clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    /// A fake API: snapshots whose status the test sets, counting list calls.
    #[derive(Clone, Default)]
    struct Fake {
        statuses: Arc<Mutex<BTreeMap<String, String>>>,
        calls: Arc<AtomicUsize>,
    }

    impl Fake {
        fn set(&self, id: &str, status: &str) {
            self.statuses
                .lock()
                .unwrap()
                .insert(id.into(), status.into());
        }
    }

    impl SnapshotSource for Fake {
        fn snapshots(
            &self,
            _project: &str,
        ) -> impl Future<Output = Result<Vec<Image>, ovh::Error>> + Send {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let list: Vec<Image> = self
                .statuses
                .lock()
                .unwrap()
                .iter()
                .map(|(id, st)| {
                    serde_json::from_value(serde_json::json!({"id": id, "status": st, "size": 4.5}))
                        .unwrap()
                })
                .collect();
            async move { Ok(list) }
        }
    }

    fn tracked(project: &str, id: &str) -> Tracked {
        Tracked {
            project_id: project.into(),
            snapshot_id: id.into(),
            name: format!("backup {id}"),
            instance_id: "i".into(),
            instance_name: "web".into(),
            region: "GRA11".into(),
            started_at: Utc::now(),
        }
    }

    fn collect() -> (
        Arc<Mutex<Vec<Event>>>,
        impl Fn(Event) + Send + Sync + 'static,
    ) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink_events = events.clone();
        (events, move |e| sink_events.lock().unwrap().push(e))
    }

    async fn settle() {
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test(start_paused = true)]
    async fn one_list_call_per_project_per_tick_and_one_event_per_end() {
        let fake = Fake::default();
        let (events, sink) = collect();
        let h = spawn(
            fake.clone(),
            Journal::none(),
            Pace::default(),
            Arc::new(Utc::now),
            sink,
        );
        for id in ["a", "b", "c", "d", "e"] {
            fake.set(id, "saving");
            h.track(tracked("p1", id));
        }
        settle().await;
        tokio::time::advance(Duration::from_secs(3)).await;
        settle().await;
        assert_eq!(
            fake.calls.load(Ordering::SeqCst),
            1,
            "five backups of one project: one call per tick"
        );

        fake.set("a", "active");
        fake.set("b", "error");
        tokio::time::advance(Duration::from_secs(5)).await;
        settle().await;
        let ev = events.lock().unwrap().clone();
        assert_eq!(
            ev.iter()
                .filter(|e| matches!(e, Event::Finished { .. }))
                .count(),
            1
        );
        assert_eq!(
            ev.iter()
                .filter(|e| matches!(
                    e,
                    Event::Failed {
                        failure: Failure::Error,
                        ..
                    }
                ))
                .count(),
            1
        );
        assert_eq!(h.tracked().len(), 3);

        // Request budget over the first minute with backups still in progress (printed, the
        // timing itself is tokio's paused clock, not the wall clock).
        let before = fake.calls.load(Ordering::SeqCst);
        for _ in 0..60 {
            tokio::time::advance(Duration::from_secs(1)).await;
            settle().await;
        }
        let per_minute = fake.calls.load(Ordering::SeqCst) - before;
        println!("tracker with 3 backups in progress: {per_minute} list calls in the next minute");
        assert!(
            per_minute <= 20,
            "far under OVH's ~60/min fair use: {per_minute}"
        );

        for id in ["c", "d", "e"] {
            fake.set(id, "active");
        }
        for _ in 0..31 {
            tokio::time::advance(Duration::from_secs(1)).await;
            settle().await;
        }
        assert!(h.tracked().is_empty());
        let idle_calls = fake.calls.load(Ordering::SeqCst);
        tokio::time::advance(Duration::from_secs(600)).await;
        settle().await;
        assert_eq!(
            fake.calls.load(Ordering::SeqCst),
            idle_calls,
            "no polling when nothing is in progress"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_restart_resumes_from_the_journal_and_reports_what_ended_meanwhile() {
        let dir = std::env::temp_dir().join(format!("bd-tracker-{}", std::process::id()));
        let journal = Journal::in_dir(&dir);
        journal
            .save(&[
                tracked("p1", "done"),
                tracked("p1", "running"),
                tracked("p2", "gone"),
            ])
            .unwrap();
        let fake = Fake::default();
        fake.set("done", "active");
        fake.set("running", "saving");
        let (events, sink) = collect();
        let h = spawn(
            fake.clone(),
            journal.clone(),
            Pace::default(),
            Arc::new(Utc::now),
            sink,
        );
        settle().await;
        tokio::time::advance(Duration::from_millis(1)).await;
        settle().await;
        let ev = events.lock().unwrap().clone();
        let away: Vec<&Event> = ev
            .iter()
            .filter(|e| matches!(e, Event::WhileAway { .. }))
            .collect();
        assert_eq!(
            away.len(),
            1,
            "one summary, not one notification each: {ev:?}"
        );
        if let Event::WhileAway { finished, failed } = away[0] {
            assert_eq!(finished.len(), 1);
            assert_eq!(failed.len(), 1, "the backup that disappeared");
        }
        assert_eq!(h.tracked().len(), 1);
        assert_eq!(
            journal.load().len(),
            1,
            "the journal only keeps what is still running"
        );

        fake.set("running", "active");
        tokio::time::advance(Duration::from_secs(4)).await;
        settle().await;
        assert!(events.lock().unwrap().iter().any(
            |e| matches!(e, Event::Finished { backup, .. } if backup.snapshot_id == "running")
        ));
        drop(h);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
