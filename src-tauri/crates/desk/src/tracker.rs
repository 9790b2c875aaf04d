//! The background tracker: follows every in-progress backup and restore to its end with one
//! list read per project and kind per tick (through the shared lists, so the window reuses it),
//! every 2 s growing to 5 s, idle when nothing is in progress, and reports each end once. What
//! changed travels as data ([`Event::Progress`]): the window updates rows without reading. A safety backup taken before an in-place restore
//! starts that restore when it is available. Owned by a [`TrackerHandle`]; dropping the handle
//! stops it.
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use ts_rs::TS;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::mpsc;

use ovh::types::{Image, Instance, SnapshotStatus, Volume, VolumeSnapshot};

use crate::journal::{Journal, Kind, Replaced, Tracked};
use crate::lists::Lists;

/// What the tracker reads, and the one write it makes: the OVH client in the app, a fake in
/// unit tests.
pub trait CloudSource: Send + Sync + 'static {
    /// Every backup of a project.
    fn snapshots(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<Image>>, ovh::Error>> + Send;
    /// Every instance of a project.
    fn instances(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<Instance>>, ovh::Error>> + Send;
    /// Reinstalls an instance from a backup image (the restore after a safety backup); the
    /// reinstall's operation id when OVH gives one.
    fn reinstall(
        &self,
        project_id: &str,
        instance_id: &str,
        image_id: &str,
    ) -> impl Future<Output = Result<Option<String>, ovh::Error>> + Send;
    /// One operation's status (`completed`, `in-progress`, `in-error`...).
    fn operation_status(
        &self,
        project_id: &str,
        operation_id: &str,
    ) -> impl Future<Output = Result<String, ovh::Error>> + Send;
    /// Every volume snapshot of a project: read only while a backup set is tracked.
    fn volume_snapshots(
        &self,
        _project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<VolumeSnapshot>>, ovh::Error>> + Send {
        async { Ok(Arc::new(Vec::new())) }
    }
    /// Every volume of a project: read only while a volume restore is tracked.
    fn volumes(
        &self,
        _project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<Volume>>, ovh::Error>> + Send {
        async { Ok(Arc::new(Vec::new())) }
    }
    /// Attaches a restored volume to its instance.
    fn attach_volume(
        &self,
        _project_id: &str,
        _volume_id: &str,
        _instance_id: &str,
    ) -> impl Future<Output = Result<(), ovh::Error>> + Send {
        async { Ok(()) }
    }
    /// Detaches the volume a restored one replaces from its instance.
    fn detach_volume(
        &self,
        _project_id: &str,
        _volume_id: &str,
        _instance_id: &str,
    ) -> impl Future<Output = Result<(), ovh::Error>> + Send {
        async { Ok(()) }
    }
    /// Whether OVH refused the credentials: polling pauses instead of failing in a loop.
    fn paused(&self) -> bool {
        false
    }
}

/// The tracker reads through the shared lists: its read is the one the window shows, and a
/// read the window made a moment ago is not repeated.
impl CloudSource for Lists {
    fn snapshots(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<Image>>, ovh::Error>> + Send {
        Lists::snapshots(self, project_id, self.background())
    }

    fn instances(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<Instance>>, ovh::Error>> + Send {
        Lists::instances(self, project_id, self.background())
    }

    fn reinstall(
        &self,
        project_id: &str,
        instance_id: &str,
        image_id: &str,
    ) -> impl Future<Output = Result<Option<String>, ovh::Error>> + Send {
        let (lists, project) = (self.clone(), project_id.to_string());
        let call = ovh::Client::reinstall(self.client(), project_id, instance_id, image_id);
        async move {
            let r = call.await.map(|i| i.operation_ids.first().cloned());
            lists.backups_changed(&project);
            lists.instances_changed(&project);
            r
        }
    }

    fn operation_status(
        &self,
        project_id: &str,
        operation_id: &str,
    ) -> impl Future<Output = Result<String, ovh::Error>> + Send {
        let call = ovh::Client::operation(self.client(), project_id, operation_id);
        async move { call.await.map(|o| o.status) }
    }

    fn volume_snapshots(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<VolumeSnapshot>>, ovh::Error>> + Send {
        let call = ovh::Client::volume_snapshots(self.client(), project_id, None);
        async move { call.await.map(Arc::new) }
    }

    fn volumes(
        &self,
        project_id: &str,
    ) -> impl Future<Output = Result<Arc<Vec<Volume>>, ovh::Error>> + Send {
        let call = ovh::Client::volumes(self.client(), project_id, None);
        async move { call.await.map(Arc::new) }
    }

    fn attach_volume(
        &self,
        project_id: &str,
        volume_id: &str,
        instance_id: &str,
    ) -> impl Future<Output = Result<(), ovh::Error>> + Send {
        ovh::Client::attach_volume(self.client(), project_id, volume_id, instance_id)
    }

    fn detach_volume(
        &self,
        project_id: &str,
        volume_id: &str,
        instance_id: &str,
    ) -> impl Future<Output = Result<(), ovh::Error>> + Send {
        ovh::Client::detach_volume(self.client(), project_id, volume_id, instance_id)
    }

    fn paused(&self) -> bool {
        self.client().auth_refused()
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
    /// One list per project every 2 to 5 s while something is in progress: a backup is told
    /// within seconds of being ready (the bench measures it), at most 12 requests a minute per
    /// project, and none when nothing is in progress.
    fn default() -> Self {
        Self {
            min: Duration::from_secs(2),
            max: Duration::from_secs(5),
        }
    }
}

/// Why a backup or restore did not end well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Failure {
    /// OVH reports it in error.
    Error,
    /// It vanished from the list before becoming available.
    Disappeared,
    /// The restore could not start: why, as a code the shell words.
    RestoreNotStarted(crate::Said),
    /// OVH accepted the reinstall but never showed it happening: the user should look.
    Unconfirmed,
    /// A backup set's instance backup is available but these volumes' parts are not (failed,
    /// refused, or gone): the set is incomplete.
    VolumesFailed { volumes: Vec<String> },
}

/// How long a reinstall may show no sign of happening before the user is asked to look.
pub const UNCONFIRMED_AFTER_MINUTES: i64 = 30;

/// What the tracker tells the app.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Event {
    /// Tracked backups of this project changed state or size: the window updates these rows
    /// in place, at no request.
    Progress {
        project_id: String,
        backups: Vec<BackupState>,
    },
    /// A backup became available.
    Finished {
        backup: Tracked,
        size_gb: f64,
        duration_secs: i64,
    },
    /// A backup failed.
    Failed { backup: Tracked, failure: Failure },
    /// An instance restored in place, or created from a backup, is `ACTIVE`.
    Restored {
        restore: Tracked,
        duration_secs: i64,
    },
    /// A restore ended in error, or never started.
    RestoreFailed { restore: Tracked, failure: Failure },
    /// At start, backups that ended while the app was closed, reported once.
    WhileAway {
        finished: Vec<Tracked>,
        failed: Vec<Tracked>,
    },
}

/// A tracked backup as the tracker last read it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupState {
    pub id: String,
    pub status: SnapshotStatus,
    pub raw_status: String,
    pub size_gb: f64,
}

impl Event {
    /// The projects in which this event ended something.
    pub fn ended_projects(&self) -> Vec<&str> {
        match self {
            Event::Finished { backup: t, .. }
            | Event::Failed { backup: t, .. }
            | Event::Restored { restore: t, .. }
            | Event::RestoreFailed { restore: t, .. } => vec![t.project_id.as_str()],
            Event::WhileAway { finished, failed } => finished
                .iter()
                .chain(failed)
                .map(|t| t.project_id.as_str())
                .collect(),
            Event::Progress { .. } => Vec::new(),
        }
    }
}

enum Command {
    /// New work is in the list: poll soon.
    Wake,
}

/// The owner of the tracker task: it stops when this is dropped (its command channel is the
/// only sender, so the task sees the channel close and ends).
pub struct TrackerHandle {
    tx: mpsc::UnboundedSender<Command>,
    tracked: Arc<std::sync::Mutex<Vec<Tracked>>>,
    journal: Journal,
}

impl TrackerHandle {
    /// Follows a new backup. It is in the journal on disk before this returns, so a process
    /// killed the next instant still follows it after a restart.
    pub fn track(&self, backup: Tracked) {
        {
            let mut list = self.tracked.lock().expect("tracked lock");
            if !list.iter().any(|x| key(x) == key(&backup)) {
                list.push(backup);
            }
            if let Err(e) = self.journal.save(&list) {
                tracing::warn!("cannot save the journal: {e}");
            }
        }
        let _ = self.tx.send(Command::Wake);
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

/// Starts the tracker on the current tokio runtime, resuming what `journal` holds. `sink`
/// receives every event; `now` gives wall time for durations.
pub fn spawn<S: CloudSource>(
    source: S,
    journal: Journal,
    pace: Pace,
    now: crate::Clock,
    sink: impl Fn(Event) + Send + Sync + 'static,
) -> TrackerHandle {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let pending = journal.load();
    let resumed = !pending.is_empty();
    let tracked = Arc::new(std::sync::Mutex::new(pending));
    let handle = TrackerHandle {
        tx,
        tracked: tracked.clone(),
        journal: journal.clone(),
    };
    tokio::spawn(async move {
        let mut delay = pace.min;
        // The first poll after a restart happens at once and reports what ended meanwhile.
        let mut first_after_restart = resumed;
        // What the window was last told of each tracked backup, so only changes travel.
        let mut told: HashMap<String, BackupState> = HashMap::new();
        loop {
            let idle = tracked.lock().expect("tracked lock").is_empty();
            let wait = if first_after_restart {
                Duration::ZERO
            } else {
                delay
            };
            tokio::select! {
                cmd = rx.recv() => {
                    match cmd {
                        Some(Command::Wake) => delay = pace.min,
                        None => break,
                    }
                    continue;
                }
                _ = tokio::time::sleep(wait), if !idle => {}
            }
            if source.paused() {
                // Nothing is lost: the journal keeps every item until the account works again.
                delay = pace.max;
                continue;
            }
            let snapshot: Vec<Tracked> = tracked.lock().expect("tracked lock").clone();
            let outcome = poll(&source, &snapshot, &*now).await;
            let mut away_finished = Vec::new();
            let mut away_failed = Vec::new();
            let mut changes: BTreeMap<String, Vec<BackupState>> = BTreeMap::new();
            for (project, state) in outcome.seen {
                if told.get(&state.id) != Some(&state) {
                    told.insert(state.id.clone(), state.clone());
                    changes.entry(project).or_default().push(state);
                }
            }
            for (project_id, backups) in changes {
                sink(Event::Progress {
                    project_id,
                    backups,
                });
            }
            for (event, t) in outcome.ended {
                told.remove(&t.snapshot_id);
                if first_after_restart {
                    match event {
                        Event::Finished { .. } | Event::Restored { .. } => away_finished.push(t),
                        _ => away_failed.push(t),
                    }
                } else {
                    sink(event);
                }
            }
            if !away_finished.is_empty() || !away_failed.is_empty() {
                sink(Event::WhileAway {
                    finished: away_finished,
                    failed: away_failed,
                });
            }
            {
                let mut list = tracked.lock().expect("tracked lock");
                list.retain(|t| !outcome.done.contains(&key(t)));
                for c in outcome.changed {
                    if let Some(t) = list.iter_mut().find(|t| key(t) == key(&c)) {
                        *t = c;
                    }
                }
                list.extend(outcome.follow_ups);
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

/// What identifies one tracked item (a backup and a restore from it can be tracked at once).
fn key(t: &Tracked) -> (String, String, String) {
    let kind = match t.kind {
        Kind::Backup | Kind::SafetyBackup { .. } => "backup",
        Kind::Rebuild { .. } => "rebuild",
        Kind::Build => "build",
        Kind::VolumeRestore { .. } => "volume",
    };
    (
        kind.to_string(),
        t.snapshot_id.clone(),
        t.instance_id.clone(),
    )
}

/// The restore a safety backup stands before (not yet asked for), or `None` for another item.
fn restore_after(t: &Tracked) -> Option<Tracked> {
    let Kind::SafetyBackup {
        restore_from,
        restore_name,
    } = &t.kind
    else {
        return None;
    };
    Some(Tracked {
        kind: Kind::Rebuild {
            seen_rebuilding: false,
            operation_id: None,
        },
        snapshot_id: restore_from.clone(),
        name: restore_name.clone(),
        ..t.clone()
    })
}

struct PollOutcome {
    /// Each end, with the item it ends.
    ended: Vec<(Event, Tracked)>,
    done: Vec<(String, String, String)>,
    /// New items that replace ended ones (a restore after its safety backup).
    follow_ups: Vec<Tracked>,
    /// Items whose state moved on (a reinstall seen happening): they replace their old entry.
    changed: Vec<Tracked>,
    /// Every tracked backup as read this tick, ended ones included, with its project.
    seen: Vec<(String, BackupState)>,
}

/// One tick: one backup list per project with backups tracked, one instance list per project
/// with restores tracked.
async fn poll<S: CloudSource>(
    source: &S,
    tracked: &[Tracked],
    now: &(dyn Fn() -> DateTime<Utc> + Send + Sync),
) -> PollOutcome {
    let mut out = PollOutcome {
        ended: Vec::new(),
        done: Vec::new(),
        follow_ups: Vec::new(),
        changed: Vec::new(),
        seen: Vec::new(),
    };
    let mut backups: BTreeMap<&str, Vec<&Tracked>> = BTreeMap::new();
    let mut restores: BTreeMap<&str, Vec<&Tracked>> = BTreeMap::new();
    let mut volumes: BTreeMap<&str, Vec<&Tracked>> = BTreeMap::new();
    for t in tracked {
        match t.kind {
            Kind::VolumeRestore { .. } => volumes.entry(t.project_id.as_str()).or_default().push(t),
            Kind::Backup | Kind::SafetyBackup { .. } => {
                backups.entry(t.project_id.as_str()).or_default().push(t)
            }
            Kind::Rebuild { .. } | Kind::Build => {
                restores.entry(t.project_id.as_str()).or_default().push(t)
            }
        }
    }
    for (project, items) in backups {
        poll_backups(source, project, &items, now, &mut out).await;
    }
    for (project, items) in restores {
        poll_restores(source, project, &items, now, &mut out).await;
    }
    for (project, items) in volumes {
        poll_volume_restores(source, project, &items, now, &mut out).await;
    }
    out
}

/// One project's volume restores in one volume list read: each new volume found (by id, or by
/// its exact name in its region until OVH lists it), attached once available (asked once), and
/// done only when OVH shows it attached to its instance. In place, the volume it replaces is
/// detached first (asked once), and the new one attached only once OVH no longer lists the old
/// one on the instance.
async fn poll_volume_restores<S: CloudSource>(
    source: &S,
    project: &str,
    items: &[&Tracked],
    now: &(dyn Fn() -> DateTime<Utc> + Send + Sync),
    out: &mut PollOutcome,
) {
    let list = match source.volumes(project).await {
        Ok(list) => list,
        Err(e) => {
            tracing::warn!("tracker: cannot list volumes of {project}: {e}");
            return;
        }
    };
    for &t in items {
        let Kind::VolumeRestore {
            volume_id,
            attach_asked,
            replaces,
        } = &t.kind
        else {
            continue;
        };
        let moved = |volume_id: &str, attach_asked: bool, replaces: Option<Replaced>| Tracked {
            kind: Kind::VolumeRestore {
                volume_id: Some(volume_id.to_string()),
                attach_asked,
                replaces,
            },
            ..t.clone()
        };
        let found = match volume_id {
            Some(id) => list.iter().find(|v| &v.id == id),
            None => list
                .iter()
                .find(|v| v.name == t.name && v.region == t.region),
        };
        let late =
            |since: DateTime<Utc>| (now() - since).num_minutes() >= UNCONFIRMED_AFTER_MINUTES;
        // The replaced volume still on the instance: the new one waits for it to leave.
        let in_the_way = replaces.as_ref().filter(|r| {
            list.iter()
                .any(|o| o.id == r.id && o.attached_to.iter().any(|i| i == &t.instance_id))
        });
        let end = match found {
            None if volume_id.is_some() => Err(Failure::Disappeared),
            None if late(t.started_at) => Err(Failure::Unconfirmed),
            None => continue,
            Some(v) if v.attached_to.iter().any(|i| i == &t.instance_id) => Ok(()),
            Some(v) if v.status.eq_ignore_ascii_case("error") => Err(Failure::Error),
            Some(v) if !v.status.eq_ignore_ascii_case("available") || *attach_asked => {
                if volume_id.is_none() {
                    out.changed
                        .push(moved(&v.id, *attach_asked, replaces.clone()));
                }
                continue;
            }
            Some(v) => match in_the_way {
                Some(r) if r.detach_asked_at.is_none() => {
                    match source.detach_volume(project, &r.id, &t.instance_id).await {
                        // A lost answer counts as asked: the list tells whether it happened.
                        Err(e) if !e.outcome_unknown() => {
                            Err(Failure::RestoreNotStarted(crate::Error::from(e).said()))
                        }
                        _ => {
                            let asked = Replaced {
                                detach_asked_at: Some(now()),
                                ..r.clone()
                            };
                            out.changed.push(moved(&v.id, false, Some(asked)));
                            continue;
                        }
                    }
                }
                Some(r) if r.detach_asked_at.is_some_and(late) => Err(Failure::Unconfirmed),
                Some(_) => continue,
                None => match source.attach_volume(project, &v.id, &t.instance_id).await {
                    Ok(()) => {
                        out.changed.push(moved(&v.id, true, replaces.clone()));
                        continue;
                    }
                    Err(e) => Err(Failure::RestoreNotStarted(crate::Error::from(e).said())),
                },
            },
        };
        out.done.push(key(t));
        let event = match end {
            Ok(()) => Event::Restored {
                restore: t.clone(),
                duration_secs: secs_since(t, now()),
            },
            Err(failure) => Event::RestoreFailed {
                restore: t.clone(),
                failure,
            },
        };
        out.ended.push((event, t.clone()));
    }
}

fn secs_since(t: &Tracked, now: DateTime<Utc>) -> i64 {
    (now - t.started_at).num_seconds().max(0)
}

/// One project's backups (and safety backups) in one list read: each end told once, and a
/// safety backup's restore asked for when it is available.
async fn poll_backups<S: CloudSource>(
    source: &S,
    project: &str,
    items: &[&Tracked],
    now: &(dyn Fn() -> DateTime<Utc> + Send + Sync),
    out: &mut PollOutcome,
) {
    let list = match source.snapshots(project).await {
        Ok(list) => list,
        Err(e) => {
            // Keep tracking; the next tick tries again after a longer wait.
            tracing::warn!("tracker: cannot list backups of {project}: {e}");
            return;
        }
    };
    // A set's parts in one more read, only while a set is tracked.
    let parts = if items.iter().any(|t| !t.parts.is_empty()) {
        match source.volume_snapshots(project).await {
            Ok(list) => Some(list),
            Err(e) => {
                tracing::warn!("tracker: cannot list volume snapshots of {project}: {e}");
                return;
            }
        }
    } else {
        None
    };
    for &t in items {
        let parts_state = parts
            .as_deref()
            .map(|listed| set_parts(t, listed, project, out));
        let found = list.iter().find(|s| s.id == t.snapshot_id);
        if let Some(s) = found {
            out.seen.push((
                project.to_string(),
                BackupState {
                    id: s.id.clone(),
                    status: s.snapshot_status(),
                    raw_status: s.status.clone(),
                    size_gb: s.size,
                },
            ));
        }
        let end = match found.map(|s| (s.snapshot_status(), s.size)) {
            Some((SnapshotStatus::Active, size)) => Ok(size),
            Some((SnapshotStatus::Failed, _)) => Err(Failure::Error),
            Some((SnapshotStatus::Deleting, _)) | None => Err(Failure::Disappeared),
            Some((SnapshotStatus::InProgress, _)) => continue,
        };
        // A set ends when its last part does, and is told whole.
        let end = match (end, parts_state) {
            (Ok(_), Some(PartsState::InProgress)) => continue,
            (Ok(size), Some(PartsState::Ended { size_gb, failed })) if failed.is_empty() => {
                Ok(size + size_gb)
            }
            (Ok(_), Some(PartsState::Ended { failed, .. })) => {
                Err(Failure::VolumesFailed { volumes: failed })
            }
            (end, _) => end,
        };
        out.done.push(key(t));
        match end {
            Ok(size_gb) => {
                out.ended.push((
                    Event::Finished {
                        backup: t.clone(),
                        size_gb,
                        duration_secs: secs_since(t, now()),
                    },
                    t.clone(),
                ));
                if let Some(restore) = restore_after(t) {
                    let restore = Tracked {
                        started_at: now(),
                        ..restore
                    };
                    match source
                        .reinstall(project, &t.instance_id, &restore.snapshot_id)
                        .await
                    {
                        Ok(operation_id) => out.follow_ups.push(Tracked {
                            kind: Kind::Rebuild {
                                seen_rebuilding: false,
                                operation_id,
                            },
                            ..restore
                        }),
                        Err(e) => out.ended.push((
                            Event::RestoreFailed {
                                restore: restore.clone(),
                                failure: Failure::RestoreNotStarted(crate::Error::from(e).said()),
                            },
                            restore,
                        )),
                    }
                }
            }
            Err(failure) => {
                // No safety net, no restore: the user decides again.
                if let Some(restore) = restore_after(t) {
                    out.ended.push((
                        Event::RestoreFailed {
                            restore: restore.clone(),
                            failure: Failure::RestoreNotStarted(crate::Said::Why {
                                why: crate::Why::SafetyBackupFailed,
                            }),
                        },
                        restore,
                    ));
                }
                out.ended.push((
                    Event::Failed {
                        backup: t.clone(),
                        failure,
                    },
                    t.clone(),
                ));
            }
        }
    }
}

/// Where a set's parts stand.
enum PartsState {
    InProgress,
    /// All ended: their total size, and the volumes whose part failed.
    Ended {
        size_gb: f64,
        failed: Vec<String>,
    },
}

/// Reads a set's parts in `listed`, reporting each as seen (the window shows them under the
/// set).
fn set_parts(
    t: &Tracked,
    listed: &[VolumeSnapshot],
    project: &str,
    out: &mut PollOutcome,
) -> PartsState {
    let mut size_gb = 0.0;
    let mut failed = Vec::new();
    let mut in_progress = false;
    for part in &t.parts {
        let found = part
            .snapshot_id
            .as_deref()
            .and_then(|id| listed.iter().find(|s| s.id == id));
        if let Some(s) = found {
            out.seen.push((
                project.to_string(),
                BackupState {
                    id: s.id.clone(),
                    status: s.snapshot_status(),
                    raw_status: s.status.clone(),
                    size_gb: s.size as f64,
                },
            ));
        }
        match found.map(VolumeSnapshot::snapshot_status) {
            Some(SnapshotStatus::InProgress) => in_progress = true,
            Some(SnapshotStatus::Active) => size_gb += found.map_or(0, |s| s.size) as f64,
            _ => failed.push(part.volume_name.clone()),
        }
    }
    if in_progress {
        PartsState::InProgress
    } else {
        PartsState::Ended { size_gb, failed }
    }
}

/// One project's restores in one instance list read (and, for a reinstall not yet seen
/// happening, its operation).
async fn poll_restores<S: CloudSource>(
    source: &S,
    project: &str,
    items: &[&Tracked],
    now: &(dyn Fn() -> DateTime<Utc> + Send + Sync),
    out: &mut PollOutcome,
) {
    let list = match source.instances(project).await {
        Ok(list) => list,
        Err(e) => {
            tracing::warn!("tracker: cannot list instances of {project}: {e}");
            return;
        }
    };
    for &t in items {
        let status = list
            .iter()
            .find(|i| i.id == t.instance_id)
            .map(|i| i.status.to_ascii_uppercase());
        let end = match (status.as_deref(), &t.kind) {
            (Some("ERROR"), _) => Err(Failure::Error),
            (None, _) => Err(Failure::Disappeared),
            (
                Some("ACTIVE"),
                Kind::Rebuild {
                    seen_rebuilding: false,
                    operation_id,
                },
            ) => {
                // Not seen rebuilding yet: `ACTIVE` may be the status from before the
                // reinstall. Only its operation completing, or a change, tells.
                let completed = match operation_id {
                    Some(op) => match source.operation_status(project, op).await {
                        Ok(s) if s == "completed" => Some(Ok(())),
                        Ok(s) if s == "in-error" || s == "canceled" => Some(Err(Failure::Error)),
                        Ok(_) => None,
                        Err(e) => {
                            tracing::warn!("tracker: cannot read operation {op}: {e}");
                            None
                        }
                    },
                    None => None,
                };
                match completed {
                    Some(end) => end,
                    None if (now() - t.started_at).num_minutes() >= UNCONFIRMED_AFTER_MINUTES => {
                        Err(Failure::Unconfirmed)
                    }
                    None => continue,
                }
            }
            (Some("ACTIVE"), _) => Ok(()),
            (
                Some(_),
                Kind::Rebuild {
                    seen_rebuilding: false,
                    operation_id,
                },
            ) => {
                out.changed.push(Tracked {
                    kind: Kind::Rebuild {
                        seen_rebuilding: true,
                        operation_id: operation_id.clone(),
                    },
                    ..t.clone()
                });
                continue;
            }
            (Some(_), _) => continue,
        };
        out.done.push(key(t));
        let event = match end {
            Ok(()) => Event::Restored {
                restore: t.clone(),
                duration_secs: secs_since(t, now()),
            },
            Err(failure) => Event::RestoreFailed {
                restore: t.clone(),
                failure,
            },
        };
        out.ended.push((event, t.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    /// A fake API: snapshots and instances whose status the test sets, counting list calls.
    #[derive(Clone, Default)]
    struct Fake {
        statuses: Arc<Mutex<BTreeMap<String, String>>>,
        instances: Arc<Mutex<BTreeMap<String, String>>>,
        reinstalled: Arc<Mutex<Vec<(String, String)>>>,
        calls: Arc<AtomicUsize>,
        /// The reinstall's operation and its status, when OVH names one.
        operation: Arc<Mutex<Option<(String, String)>>>,
        /// Volume snapshots (a set's parts) and their statuses.
        volumes: Arc<Mutex<BTreeMap<String, String>>>,
        volume_calls: Arc<AtomicUsize>,
    }

    impl Fake {
        fn set(&self, id: &str, status: &str) {
            self.statuses
                .lock()
                .unwrap()
                .insert(id.into(), status.into());
        }
    }

    impl CloudSource for Fake {
        fn instances(
            &self,
            _project: &str,
        ) -> impl Future<Output = Result<Arc<Vec<Instance>>, ovh::Error>> + Send {
            let list: Vec<Instance> = self
                .instances
                .lock()
                .unwrap()
                .iter()
                .map(|(id, st)| {
                    serde_json::from_value(serde_json::json!({"id": id, "name": id, "status": st}))
                        .unwrap()
                })
                .collect();
            async move { Ok(Arc::new(list)) }
        }

        fn reinstall(
            &self,
            _project: &str,
            instance_id: &str,
            image_id: &str,
        ) -> impl Future<Output = Result<Option<String>, ovh::Error>> + Send {
            self.reinstalled
                .lock()
                .unwrap()
                .push((instance_id.into(), image_id.into()));
            // As OVH may: still `ACTIVE` right after the call.
            self.instances
                .lock()
                .unwrap()
                .insert(instance_id.into(), "ACTIVE".into());
            let op = self
                .operation
                .lock()
                .unwrap()
                .as_ref()
                .map(|(id, _)| id.clone());
            async move { Ok(op) }
        }

        fn operation_status(
            &self,
            _project: &str,
            _operation_id: &str,
        ) -> impl Future<Output = Result<String, ovh::Error>> + Send {
            let status = self
                .operation
                .lock()
                .unwrap()
                .as_ref()
                .map(|(_, s)| s.clone())
                .unwrap_or_default();
            async move { Ok(status) }
        }

        fn volume_snapshots(
            &self,
            _project: &str,
        ) -> impl Future<Output = Result<Arc<Vec<VolumeSnapshot>>, ovh::Error>> + Send {
            self.volume_calls.fetch_add(1, Ordering::SeqCst);
            let list: Vec<VolumeSnapshot> = self
                .volumes
                .lock()
                .unwrap()
                .iter()
                .map(|(id, st)| {
                    serde_json::from_value(serde_json::json!({"id": id, "status": st, "size": 100}))
                        .unwrap()
                })
                .collect();
            async move { Ok(Arc::new(list)) }
        }

        fn snapshots(
            &self,
            _project: &str,
        ) -> impl Future<Output = Result<Arc<Vec<Image>>, ovh::Error>> + Send {
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
            async move { Ok(Arc::new(list)) }
        }
    }

    fn tracked(project: &str, id: &str) -> Tracked {
        Tracked {
            kind: Kind::Backup,
            project_id: project.into(),
            snapshot_id: id.into(),
            name: format!("backup {id}"),
            instance_id: "i".into(),
            instance_name: "web".into(),
            region: "GRA11".into(),
            started_at: Utc::now(),
            parts: Vec::new(),
        }
    }

    /// The tracker on `fake`, with no journal, the usual pace and the system clock.
    fn follow(fake: &Fake, sink: impl Fn(Event) + Send + Sync + 'static) -> TrackerHandle {
        spawn(
            fake.clone(),
            Journal::none(),
            Pace::default(),
            Arc::new(Utc::now),
            sink,
        )
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

    #[test]
    fn an_end_names_the_projects_whose_lists_changed() {
        let done = Event::Finished {
            backup: tracked("p1", "a"),
            size_gb: 1.0,
            duration_secs: 60,
        };
        assert_eq!(done.ended_projects(), vec!["p1"]);
        let away = Event::WhileAway {
            finished: vec![tracked("p1", "a")],
            failed: vec![tracked("p2", "b")],
        };
        assert_eq!(away.ended_projects(), vec!["p1", "p2"]);
        let progress = Event::Progress {
            project_id: "p1".into(),
            backups: Vec::new(),
        };
        assert!(progress.ended_projects().is_empty(), "nothing ended");
    }

    #[tokio::test(start_paused = true)]
    async fn a_tracked_backup_names_its_instance() {
        let fake = Fake::default();
        let h = follow(&fake, |_| {});
        fake.set("a", "saving");
        h.track(Tracked {
            instance_id: "inst-7".into(),
            ..tracked("p1", "a")
        });
        h.track(Tracked {
            instance_id: "inst-8".into(),
            ..tracked("p1", "b")
        });
        assert_eq!(h.instance_of("a").as_deref(), Some("inst-7"));
        assert_eq!(h.instance_of("b").as_deref(), Some("inst-8"));
        assert_eq!(h.instance_of("other"), None);
    }

    /// The owner handle is the task's life: once it is dropped, OVH is asked nothing more.
    #[tokio::test(start_paused = true)]
    async fn dropping_the_handle_stops_the_polling() {
        let fake = Fake::default();
        let h = follow(&fake, |_| {});
        fake.set("a", "saving");
        h.track(tracked("p1", "a"));
        settle().await;
        tokio::time::advance(Duration::from_secs(30)).await;
        settle().await;
        let polled = fake.calls.load(Ordering::SeqCst);
        assert!(polled > 0, "it polled while owned");
        drop(h);
        for _ in 0..10 {
            tokio::time::advance(Duration::from_secs(30)).await;
            settle().await;
        }
        assert_eq!(
            fake.calls.load(Ordering::SeqCst),
            polled,
            "polled after its drop"
        );
    }

    fn set_of(id: &str, parts: &[(&str, Option<&str>)]) -> Tracked {
        Tracked {
            parts: parts
                .iter()
                .map(|(volume, snapshot)| crate::volumes::Part {
                    volume_id: format!("v-{volume}"),
                    volume_name: volume.to_string(),
                    snapshot_id: snapshot.map(str::to_string),
                    size_gb: 100,
                    refused: None,
                })
                .collect(),
            ..tracked("p1", id)
        }
    }

    /// A set is told once, when its last part ends: ready with every size summed, or
    /// incomplete naming the volumes whose part failed or was never made. A plain backup costs
    /// no volume read.
    #[tokio::test(start_paused = true)]
    async fn a_set_is_told_once_when_its_last_part_ends() {
        let fake = Fake::default();
        let (events, sink) = collect();
        let h = follow(&fake, sink);
        fake.set("plain", "saving");
        h.track(tracked("p1", "plain"));
        settle().await;
        tokio::time::advance(Duration::from_secs(3)).await;
        settle().await;
        assert_eq!(fake.volume_calls.load(Ordering::SeqCst), 0);

        fake.set("whole", "saving");
        fake.set("broken", "saving");
        fake.volumes.lock().unwrap().extend([
            ("vs-data".to_string(), "creating".to_string()),
            ("vs-wal".to_string(), "creating".to_string()),
            ("vs-logs".to_string(), "creating".to_string()),
        ]);
        h.track(set_of(
            "whole",
            &[("data", Some("vs-data")), ("wal", Some("vs-wal"))],
        ));
        h.track(set_of(
            "broken",
            &[("logs", Some("vs-logs")), ("cache", None)],
        ));
        fake.set("whole", "active");
        fake.set("broken", "active");
        for _ in 0..3 {
            tokio::time::advance(Duration::from_secs(5)).await;
            settle().await;
        }
        let ended = |ev: &[Event]| {
            ev.iter()
                .filter(|e| matches!(e, Event::Finished { .. } | Event::Failed { .. }))
                .count()
        };
        assert_eq!(
            ended(&events.lock().unwrap()),
            0,
            "the instance backups are ready, their parts are not"
        );

        fake.volumes.lock().unwrap().extend([
            ("vs-data".to_string(), "available".to_string()),
            ("vs-wal".to_string(), "available".to_string()),
            ("vs-logs".to_string(), "available".to_string()),
        ]);
        for _ in 0..3 {
            tokio::time::advance(Duration::from_secs(5)).await;
            settle().await;
        }
        let ev = events.lock().unwrap().clone();
        assert_eq!(ended(&ev), 2, "each set told once: {ev:?}");
        assert!(ev.iter().any(|e| matches!(
            e,
            Event::Finished { backup, size_gb, .. }
                if backup.snapshot_id == "whole" && *size_gb == 204.5
        )));
        assert!(ev.iter().any(|e| matches!(
            e,
            Event::Failed { backup, failure: Failure::VolumesFailed { volumes } }
                if backup.snapshot_id == "broken" && volumes == &["cache".to_string()]
        )));
        assert!(h.tracked().iter().all(|t| t.parts.is_empty()));
    }

    #[tokio::test(start_paused = true)]
    async fn one_list_call_per_project_per_tick_and_one_event_per_end() {
        let fake = Fake::default();
        let (events, sink) = collect();
        let h = follow(&fake, sink);
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
    async fn progress_travels_once_per_change_as_data() {
        let fake = Fake::default();
        let (events, sink) = collect();
        let h = follow(&fake, sink);
        fake.set("a", "queued");
        h.track(tracked("p1", "a"));
        let progress = || -> Vec<(String, String)> {
            events
                .lock()
                .unwrap()
                .iter()
                .filter_map(|e| match e {
                    Event::Progress {
                        project_id,
                        backups,
                    } => Some(
                        backups
                            .iter()
                            .map(|b| (project_id.clone(), b.raw_status.clone()))
                            .collect::<Vec<_>>(),
                    ),
                    _ => None,
                })
                .flatten()
                .collect()
        };
        for _ in 0..30 {
            tokio::time::advance(Duration::from_secs(1)).await;
            settle().await;
        }
        assert_eq!(progress(), [("p1".to_string(), "queued".to_string())]);
        fake.set("a", "saving");
        for _ in 0..30 {
            tokio::time::advance(Duration::from_secs(1)).await;
            settle().await;
        }
        assert_eq!(
            progress().len(),
            2,
            "one event for the move to saving, none for the ticks that saw no change"
        );
        fake.set("a", "active");
        for _ in 0..10 {
            tokio::time::advance(Duration::from_secs(1)).await;
            settle().await;
        }
        let last = events
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find_map(|e| match e {
                Event::Progress { backups, .. } => Some(backups[0].clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            (last.status, last.size_gb),
            (SnapshotStatus::Active, 4.5),
            "the end travels as data too: the row needs no read"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_restart_resumes_from_the_journal_and_reports_what_ended_meanwhile() {
        let dir = crate::files::scratch_dir("tracker");
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

    #[tokio::test(start_paused = true)]
    async fn a_safety_backup_then_the_restore_then_one_notification_each() {
        let fake = Fake::default();
        fake.set("safety", "saving");
        fake.instances
            .lock()
            .unwrap()
            .insert("i".into(), "ACTIVE".into());
        let (events, sink) = collect();
        let start = Utc::now();
        let clock = Arc::new(Mutex::new(start));
        let now = {
            let clock = clock.clone();
            Arc::new(move || *clock.lock().unwrap())
        };
        let h = spawn(fake.clone(), Journal::none(), Pace::default(), now, sink);
        h.track(Tracked {
            kind: Kind::SafetyBackup {
                restore_from: "old".into(),
                restore_name: "web 2025-release".into(),
            },
            started_at: start,
            ..tracked("p1", "safety")
        });
        settle().await;
        tokio::time::advance(Duration::from_secs(3)).await;
        settle().await;
        assert!(
            fake.reinstalled.lock().unwrap().is_empty(),
            "no restore before the safety backup is ready"
        );
        let ready = start + chrono::Duration::minutes(4);
        *clock.lock().unwrap() = ready;
        fake.set("safety", "active");
        tokio::time::advance(Duration::from_secs(5)).await;
        settle().await;
        assert_eq!(
            fake.reinstalled.lock().unwrap().clone(),
            vec![("i".to_string(), "old".to_string())]
        );
        let restore = h.tracked()[0].clone();
        assert!(
            matches!(restore.kind, Kind::Rebuild { .. }),
            "the restore is now followed"
        );
        assert_eq!(
            (restore.snapshot_id.as_str(), restore.name.as_str()),
            ("old", "web 2025-release"),
            "under the backup it restores"
        );
        assert_eq!(restore.started_at, ready, "timed from its own start");
        for _ in 0..5 {
            tokio::time::advance(Duration::from_secs(3)).await;
            settle().await;
        }
        assert!(
            !events
                .lock()
                .unwrap()
                .iter()
                .any(|e| matches!(e, Event::Restored { .. })),
            "still ACTIVE from before the reinstall: not done"
        );
        fake.instances
            .lock()
            .unwrap()
            .insert("i".into(), "REBUILD".into());
        tokio::time::advance(Duration::from_secs(5)).await;
        settle().await;
        *clock.lock().unwrap() = ready + chrono::Duration::seconds(150);
        fake.instances
            .lock()
            .unwrap()
            .insert("i".into(), "ACTIVE".into());
        for _ in 0..10 {
            tokio::time::advance(Duration::from_secs(3)).await;
            settle().await;
        }
        let ev = events.lock().unwrap().clone();
        let took = |finished: bool| -> Vec<i64> {
            ev.iter()
                .filter_map(|e| match e {
                    Event::Finished { duration_secs, .. } if finished => Some(*duration_secs),
                    Event::Restored { duration_secs, .. } if !finished => Some(*duration_secs),
                    _ => None,
                })
                .collect()
        };
        // Each told with its own length on the app's clock: what the notification says it took.
        assert_eq!(took(true), vec![240], "the safety backup, once");
        assert_eq!(took(false), vec![150], "the restore, once");
        assert!(h.tracked().is_empty());
    }

    fn rebuild(op: Option<&str>) -> Tracked {
        Tracked {
            kind: Kind::Rebuild {
                seen_rebuilding: false,
                operation_id: op.map(str::to_string),
            },
            ..tracked("p1", "old")
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_restore_that_only_its_operation_shows_ends_when_the_operation_completes() {
        let fake = Fake::default();
        fake.instances
            .lock()
            .unwrap()
            .insert("i".into(), "ACTIVE".into());
        *fake.operation.lock().unwrap() = Some(("op".into(), "in-progress".into()));
        let (events, sink) = collect();
        let h = follow(&fake, sink);
        h.track(rebuild(Some("op")));
        for _ in 0..5 {
            tokio::time::advance(Duration::from_secs(3)).await;
            settle().await;
        }
        assert!(events.lock().unwrap().is_empty(), "operation still running");
        *fake.operation.lock().unwrap() = Some(("op".into(), "completed".into()));
        tokio::time::advance(Duration::from_secs(5)).await;
        settle().await;
        assert!(events
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, Event::Restored { .. })));
        assert!(h.tracked().is_empty());
    }

    /// The restore after a safety backup is followed by the operation OVH named for it.
    #[tokio::test(start_paused = true)]
    async fn the_restore_keeps_the_operation_ovh_named() {
        let fake = Fake::default();
        fake.set("safety", "active");
        fake.instances
            .lock()
            .unwrap()
            .insert("i".into(), "ACTIVE".into());
        *fake.operation.lock().unwrap() = Some(("op-1".into(), "in-progress".into()));
        let h = follow(&fake, |_| {});
        h.track(Tracked {
            kind: Kind::SafetyBackup {
                restore_from: "old".into(),
                restore_name: "web 2025-release".into(),
            },
            ..tracked("p1", "safety")
        });
        settle().await;
        tokio::time::advance(Duration::from_secs(5)).await;
        settle().await;
        let kinds: Vec<Kind> = h.tracked().into_iter().map(|t| t.kind).collect();
        assert!(
            matches!(
                kinds.as_slice(),
                [Kind::Rebuild { seen_rebuilding: false, operation_id: Some(op) }] if op == "op-1"
            ),
            "{kinds:?}"
        );
    }

    /// OVH's operation states that end a restore without it: each is a failure, told once.
    #[tokio::test(start_paused = true)]
    async fn a_restore_whose_operation_fails_or_is_cancelled_is_told_as_failed() {
        for ending in ["in-error", "canceled"] {
            let fake = Fake::default();
            fake.instances
                .lock()
                .unwrap()
                .insert("i".into(), "ACTIVE".into());
            *fake.operation.lock().unwrap() = Some(("op".into(), ending.into()));
            let (events, sink) = collect();
            let h = follow(&fake, sink);
            h.track(rebuild(Some("op")));
            for _ in 0..5 {
                tokio::time::advance(Duration::from_secs(3)).await;
                settle().await;
            }
            let ev = events.lock().unwrap().clone();
            assert!(
                matches!(ev.as_slice(), [Event::RestoreFailed { .. }]),
                "{ending}: {ev:?}"
            );
            assert!(h.tracked().is_empty(), "{ending}: still followed");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_reinstall_never_seen_happening_is_reported_unconfirmed_not_done() {
        let fake = Fake::default();
        fake.instances
            .lock()
            .unwrap()
            .insert("i".into(), "ACTIVE".into());
        let (events, sink) = collect();
        let start = Utc::now();
        let clock = Arc::new(Mutex::new(start));
        let now = {
            let clock = clock.clone();
            Arc::new(move || *clock.lock().unwrap())
        };
        let h = spawn(fake.clone(), Journal::none(), Pace::default(), now, sink);
        h.track(Tracked {
            started_at: start,
            ..rebuild(None)
        });
        tokio::time::advance(Duration::from_secs(5)).await;
        settle().await;
        assert!(events.lock().unwrap().is_empty());
        *clock.lock().unwrap() = start + chrono::Duration::minutes(UNCONFIRMED_AFTER_MINUTES);
        tokio::time::advance(Duration::from_secs(5)).await;
        settle().await;
        let ev = events.lock().unwrap().clone();
        assert!(
            ev.iter().any(|e| matches!(
                e,
                Event::RestoreFailed {
                    failure: Failure::Unconfirmed,
                    ..
                }
            )),
            "{ev:?}"
        );
        assert!(!ev.iter().any(|e| matches!(e, Event::Restored { .. })));
    }

    #[tokio::test(start_paused = true)]
    async fn no_restore_without_its_safety_backup() {
        let fake = Fake::default();
        fake.set("safety", "error");
        let (events, sink) = collect();
        let _h = follow(&fake, sink);
        _h.track(Tracked {
            kind: Kind::SafetyBackup {
                restore_from: "old".into(),
                restore_name: "x".into(),
            },
            ..tracked("p1", "safety")
        });
        settle().await;
        tokio::time::advance(Duration::from_secs(3)).await;
        settle().await;
        assert!(
            fake.reinstalled.lock().unwrap().is_empty(),
            "nothing is overwritten without a safety net"
        );
        let failed: Vec<Tracked> = events
            .lock()
            .unwrap()
            .iter()
            .filter_map(|e| match e {
                Event::RestoreFailed { restore, .. } => Some(restore.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(failed.len(), 1);
        // The user is told about the restore they asked for, not about the safety backup.
        assert_eq!(failed[0].snapshot_id, "old");
        assert_eq!(failed[0].name, "x");
        assert!(matches!(failed[0].kind, Kind::Rebuild { .. }));
    }

    #[tokio::test(start_paused = true)]
    async fn request_budget_with_five_backups_in_progress() {
        let fake = Fake::default();
        let (_events, sink) = collect();
        let h = follow(&fake, sink);
        for id in ["a", "b", "c", "d", "e"] {
            fake.set(id, "saving");
            h.track(tracked("p1", id));
        }
        let mut per_minute = Vec::new();
        for _ in 0..3 {
            let before = fake.calls.load(Ordering::SeqCst);
            for _ in 0..60 {
                tokio::time::advance(Duration::from_secs(1)).await;
                settle().await;
            }
            per_minute.push(fake.calls.load(Ordering::SeqCst) - before);
        }
        // Figures for the closing note and the benchmarks; the bound is OVH's fair use.
        println!(
            "tracker, 5 backups in progress in one project: list calls per minute {per_minute:?}"
        );
        assert!(per_minute.iter().all(|n| *n <= 20), "{per_minute:?}");
    }
}
