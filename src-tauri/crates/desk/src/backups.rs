//! Instance backups (OVH snapshots): naming, creating without ever doubling, listing with their
//! source instance, and deleting safely.
use std::collections::HashSet;
use std::sync::Mutex;
use ts_rs::TS;

use chrono::{DateTime, Utc};
use serde::Serialize;

use ovh::types::{Image, Instance, SnapshotStatus, Workflow};
use ovh::Client;

use crate::{Error, Result, Why};

/// Longest backup name the control panel accepts.
pub const MAX_NAME_CHARS: usize = 255;

/// Checks a backup name: required, at most 255 characters, no control characters. Returns it
/// trimmed.
pub fn validate_name(name: &str) -> Result<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(Error::Invalid(Why::BackupNameRequired));
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(Error::Invalid(Why::BackupNameTooLong {
            max: MAX_NAME_CHARS as u32,
        }));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::Invalid(Why::BackupNameControl));
    }
    Ok(trimmed.to_string())
}

/// Backups being created right now, so a double click or a second window can't start another.
#[derive(Debug, Default)]
pub struct InFlight {
    /// NOTE: a std mutex: held only to insert or remove, never across an `.await`.
    creating: Mutex<HashSet<(String, String)>>,
    /// The backups this app started. Default names are to the minute, so two backups of one
    /// instance may share a name: a lost answer's lookup by name never takes an earlier one.
    started: Mutex<HashSet<String>>,
}

/// A backup of one instance being requested: others of it are refused until this is dropped.
pub struct InFlightGuard<'a> {
    set: &'a InFlight,
    key: (String, String),
}

impl Drop for InFlightGuard<'_> {
    fn drop(&mut self) {
        self.set
            .creating
            .lock()
            .expect("in-flight lock")
            .remove(&self.key);
    }
}

impl InFlight {
    /// Holds the instance for one request (a backup, or a whole set with its volume parts).
    pub fn begin(&self, project_id: &str, instance_id: &str) -> Result<InFlightGuard<'_>> {
        let key = (project_id.to_string(), instance_id.to_string());
        if !self
            .creating
            .lock()
            .expect("in-flight lock")
            .insert(key.clone())
        {
            return Err(Error::Invalid(Why::BackupInProgress));
        }
        Ok(InFlightGuard { set: self, key })
    }

    /// Whether any backup is being requested right now (quitting would lose the answer).
    pub fn any(&self) -> bool {
        !self.creating.lock().expect("in-flight lock").is_empty()
    }

    fn started(&self, snapshot_id: &str) {
        self.started
            .lock()
            .expect("in-flight lock")
            .insert(snapshot_id.to_string());
    }

    fn was_started(&self, snapshot_id: &str) -> bool {
        self.started
            .lock()
            .expect("in-flight lock")
            .contains(snapshot_id)
    }

    /// Whether a backup of this instance is being requested right now.
    pub fn is_creating(&self, project_id: &str, instance_id: &str) -> bool {
        self.creating
            .lock()
            .expect("in-flight lock")
            .contains(&(project_id.to_string(), instance_id.to_string()))
    }
}

/// A backup that was asked for and accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub snapshot_id: String,
    /// True when the POST's answer was lost and the backup was found by name afterwards.
    pub recovered: bool,
}

/// Starts a backup of an instance, once.
///
/// If the POST gets no usable answer (timeout, reset, 502-504), the backup may or may not have
/// started: the project's backups are searched for this name in the instance's region before
/// anything else happens, so a retry never makes a second backup.
pub async fn create(
    client: &Client,
    in_flight: &InFlight,
    project_id: &str,
    instance: &Instance,
    name: &str,
) -> Result<Created> {
    let _guard = in_flight.begin(project_id, &instance.id)?;
    create_held(client, in_flight, project_id, instance, name).await
}

/// [`create`], for a caller that holds the instance already ([`InFlight::begin`]) because it
/// asks for more under the same hold (a set's volume parts).
pub async fn create_held(
    client: &Client,
    in_flight: &InFlight,
    project_id: &str,
    instance: &Instance,
    name: &str,
) -> Result<Created> {
    let name = validate_name(name)?;
    let find = || find_by_name(client, in_flight, project_id, &instance.region, &name);
    let created = match client
        .create_snapshot(project_id, &instance.id, &name)
        .await
    {
        Ok(Some(id)) => Created {
            snapshot_id: id,
            recovered: false,
        },
        Ok(None) => find()
            .await?
            .map(|id| Created {
                snapshot_id: id,
                recovered: false,
            })
            .ok_or(Error::Uncertain(Why::BackupNotListedYet))?,
        Err(e) if e.outcome_unknown() => {
            tracing::warn!("snapshot POST outcome unknown, looking before retrying: {e}");
            match find().await {
                Ok(Some(id)) => Created {
                    snapshot_id: id,
                    recovered: true,
                },
                Ok(None) => return Err(Error::Ovh(e)),
                Err(lookup) => {
                    return Err(Error::Uncertain(Why::BackupUnconfirmed {
                        lookup: Box::new(lookup.said()),
                    }))
                }
            }
        }
        Err(e) => return Err(e.into()),
    };
    in_flight.started(&created.snapshot_id);
    Ok(created)
}

async fn find_by_name(
    client: &Client,
    in_flight: &InFlight,
    project_id: &str,
    region: &str,
    name: &str,
) -> Result<Option<String>> {
    let found = client.snapshots(project_id, Some(region)).await?;
    Ok(found
        .into_iter()
        .filter(|s| {
            s.name == name
                && s.snapshot_status() != SnapshotStatus::Deleting
                && !in_flight.was_started(&s.id)
        })
        .max_by_key(|s| s.creation_date)
        .map(|s| s.id))
}

/// How the app knows which instance a backup was taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "BackupSource")]
#[serde(rename_all = "camelCase")]
pub enum Source {
    /// The app made it and recorded the instance: a fact.
    Recorded,
    /// Only its name suggests the instance (a workflow's backup name, or the control panel's
    /// "<instance> <date>" naming): shown as a hint, never acted on alone.
    NameHint,
    /// Nothing tells: the backup is still listed, billed and deletable.
    Unknown,
}

/// One row of Instance Backup.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupRow {
    pub id: String,
    pub name: String,
    pub region: String,
    pub size_gb: f64,
    pub min_disk_gb: u64,
    pub created_at: Option<DateTime<Utc>>,
    pub status: SnapshotStatus,
    /// OVH's raw status, for what the classification leaves out.
    pub raw_status: String,
    /// The source instance, recorded or hinted (see `source`).
    pub instance_id: Option<String>,
    pub instance_name: Option<String>,
    pub source: Source,
    /// Whether the recorded source instance no longer exists (the backup is still billed).
    pub orphan: bool,
    /// Running instances booted from this backup: it can't be deleted while they run.
    pub used_by: Vec<String>,
    /// Why it cannot be deleted now; `None` when it can. Decided here only ([`refusal`]), the
    /// same way the deletion decides.
    pub refusal: Option<Refusal>,
    /// While in progress: roughly how long OVH takes to make it, from its creation ([`expected_secs`]).
    pub expected_secs: Option<u32>,
    /// A backup set's volume parts (issue 20), from the app's record; empty for a plain backup.
    pub parts: Vec<crate::volumes::PartRow>,
}

/// A rough guess of how long a backup in progress takes: from its size once OVH reports one,
/// else from the disk it copies. Shown as "about N min left"; it decides nothing.
pub fn expected_secs(status: SnapshotStatus, size_gb: f64, min_disk_gb: u64) -> Option<u32> {
    if status != SnapshotStatus::InProgress {
        return None;
    }
    let secs = if size_gb > 0.0 {
        (size_gb * 4.0).max(30.0)
    } else {
        (min_disk_gb as f64 * 1.5).max(60.0)
    };
    Some(secs.min(u32::MAX as f64) as u32)
}

/// Why a backup is not deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "code")]
pub enum Refusal {
    /// It is no longer listed.
    Gone,
    /// In progress, failed or being deleted: only available backups are deleted.
    NotAvailable,
    /// Running instances are installed from it (names).
    InUse { instances: Vec<String> },
    /// OVH refused the deletion.
    Failed { said: crate::Said },
    /// Chosen from a schedule's backups, but no longer among them when deleting: kept.
    NoLongerPlanned,
}

/// Names of the instances installed from backup `id` that are running: a stopped or deleted
/// instance does not hold it.
fn users_of(instances: &[Instance], id: &str) -> Vec<String> {
    instances
        .iter()
        .filter(|i| {
            i.image_ref() == Some(id)
                && !matches!(i.status.as_str(), "SHUTOFF" | "STOPPED" | "DELETED")
        })
        .map(|i| i.name.clone())
        .collect()
}

/// Whether a backup in `status`, installed on `users`, may be deleted.
pub fn refusal(status: SnapshotStatus, users: &[String]) -> Option<Refusal> {
    if status != SnapshotStatus::Active {
        Some(Refusal::NotAvailable)
    } else if !users.is_empty() {
        Some(Refusal::InUse {
            instances: users.to_vec(),
        })
    } else {
        None
    }
}

/// The base a workflow's backups are named from: its `backupName`, its `name` when empty.
pub fn backup_base(w: &Workflow) -> &str {
    w.backup_name
        .as_deref()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or(&w.name)
}

/// Whether a snapshot's name is a workflow's backup name followed by a date: OVH's schema gives
/// the workflow a `backupName` (its `name` when empty, per terraform-provider-ovh) but how the
/// date is appended is unconfirmed, so any separator then a digit is accepted. A name match is
/// a hint: it is shown, and acted on only after the user confirmed the exact list.
pub fn named_by(workflow: &Workflow, snapshot_name: &str) -> bool {
    let base = backup_base(workflow);
    if base.is_empty() {
        return false;
    }
    let Some(rest) = snapshot_name.strip_prefix(base) else {
        return false;
    };
    rest.trim_start_matches([' ', '-', '_', '.', ':'])
        .starts_with(|c: char| c.is_ascii_digit())
        && rest.len() > rest.trim_start_matches([' ', '-', '_', '.', ':']).len()
}

/// Tells which instance a backup was taken of. The API does not say, so: the app's own record
/// (a fact), else a hint from the name — a workflow's backup name in the same region, or the
/// control panel's default naming — else unknown.
fn source_of<'a>(
    snapshot: &Image,
    instances: &'a [Instance],
    workflows: &[(String, Workflow)],
    known: &(dyn Fn(&str) -> Option<String> + Sync),
) -> (Source, Option<(String, Option<&'a Instance>)>) {
    if let Some(id) = known(&snapshot.id) {
        let inst = instances.iter().find(|i| i.id == id);
        return (Source::Recorded, Some((id, inst)));
    }
    if let Some((_, wf)) = workflows
        .iter()
        .filter(|(region, w)| *region == snapshot.region && named_by(w, &snapshot.name))
        .max_by_key(|(_, w)| w.backup_name.as_ref().unwrap_or(&w.name).len())
    {
        return (
            Source::NameHint,
            Some((
                wf.instance_id.clone(),
                instances.iter().find(|i| i.id == wf.instance_id),
            )),
        );
    }
    match instances
        .iter()
        .filter(|i| {
            i.region == snapshot.region
                && (snapshot.name == i.name || snapshot.name.starts_with(&format!("{} ", i.name)))
        })
        .max_by_key(|i| i.name.len())
    {
        Some(i) => (Source::NameHint, Some((i.id.clone(), Some(i)))),
        None => (Source::Unknown, None),
    }
}

/// Builds the Instance Backup rows from the API's lists; `workflows` with their regions.
pub fn rows(
    snapshots: Vec<Image>,
    instances: &[Instance],
    workflows: &[(String, Workflow)],
    known: &(dyn Fn(&str) -> Option<String> + Sync),
) -> Vec<BackupRow> {
    let mut rows: Vec<BackupRow> = snapshots
        .into_iter()
        .map(|s| {
            let (source, found) = source_of(&s, instances, workflows, known);
            let used_by = users_of(instances, &s.id);
            BackupRow {
                refusal: refusal(s.snapshot_status(), &used_by),
                expected_secs: expected_secs(s.snapshot_status(), s.size, s.min_disk),
                status: s.snapshot_status(),
                orphan: source == Source::Recorded
                    && found.as_ref().is_none_or(|(_, inst)| inst.is_none()),
                instance_name: found.as_ref().and_then(|(_, i)| i.map(|i| i.name.clone())),
                instance_id: found.map(|(id, _)| id),
                source,
                used_by,
                id: s.id,
                name: s.name,
                region: s.region,
                size_gb: s.size,
                min_disk_gb: s.min_disk,
                created_at: s.creation_date,
                raw_status: s.status,
                parts: Vec::new(),
            }
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.created_at));
    rows
}

/// Every backup of a project, with its source instance resolved. Three requests, plus one per
/// region with the workflow service up.
pub async fn list(
    client: &Client,
    project_id: &str,
    known: &(dyn Fn(&str) -> Option<String> + Sync),
) -> Result<Vec<BackupRow>> {
    let workflows = async {
        let regions = crate::inventory::workflow_regions(client, project_id).await?;
        crate::inventory::workflows(client, project_id, &regions).await
    };
    let (snapshots, instances, workflows) = tokio::join!(
        client.snapshots(project_id, None),
        client.instances(project_id, None),
        workflows
    );
    // Without workflows, backups made by them are still hinted by instance name.
    let workflows = workflows.unwrap_or_default();
    Ok(rows(snapshots?, &instances?, &workflows, known))
}

/// Why each backup cannot be deleted now (`None`: it can), read once for all: only available
/// backups no running instance was created from.
pub async fn refusals(
    client: &Client,
    project_id: &str,
    ids: &[String],
) -> Result<Vec<(String, Option<Refusal>)>> {
    let (snapshots, instances) = tokio::try_join!(
        client.snapshots(project_id, None),
        client.instances(project_id, None)
    )?;
    Ok(ids
        .iter()
        .map(|id| {
            let refused = match snapshots.iter().find(|s| &s.id == id) {
                None => Some(Refusal::Gone),
                Some(s) => refusal(s.snapshot_status(), &users_of(&instances, id)),
            };
            (id.clone(), refused)
        })
        .collect())
}

/// Deletes one backup OVH was just checked to allow ([`refusals`]).
pub async fn delete_one(client: &Client, project_id: &str, id: &str) -> Result<(), Refusal> {
    client
        .delete_snapshot(project_id, id)
        .await
        .map_err(|e| Refusal::Failed {
            said: crate::Error::from(e).said(),
        })
}

/// Deletes backups one by one, refusing before the API call those a running instance was
/// created from. Returns, per backup, `Ok` or why it was not deleted.
pub async fn delete(
    client: &Client,
    project_id: &str,
    ids: &[String],
) -> Result<Vec<(String, Result<(), Refusal>)>> {
    let mut outcome = Vec::with_capacity(ids.len());
    for (id, refused) in refusals(client, project_id, ids).await? {
        let result = match refused {
            Some(refused) => Err(refused),
            None => delete_one(client, project_id, &id).await,
        };
        outcome.push((id, result));
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_length_of_a_backup_is_guessed_from_its_size_else_its_disk() {
        use SnapshotStatus::*;
        assert_eq!(expected_secs(InProgress, 10.0, 50), Some(40));
        assert_eq!(expected_secs(InProgress, 2.0, 50), Some(30));
        assert_eq!(expected_secs(InProgress, 0.0, 100), Some(150));
        assert_eq!(expected_secs(InProgress, 0.0, 10), Some(60));
        assert_eq!(expected_secs(Active, 10.0, 50), None);
    }

    #[test]
    fn names_are_checked_as_the_control_panel_does() {
        assert_eq!(validate_name("  nightly  ").unwrap(), "nightly");
        assert!(validate_name("   ").is_err(), "blank refused");
        assert!(validate_name("a\tb").is_err(), "control characters refused");
        assert!(validate_name(&"x".repeat(255)).is_ok());
        assert!(
            validate_name(&"é".repeat(256)).is_err(),
            "counted in characters, not bytes"
        );
    }

    fn workflow(name: &str, backup_name: Option<&str>) -> Workflow {
        serde_json::from_value(serde_json::json!({
            "id": "w", "name": name, "backupName": backup_name, "instanceId": "i-wf", "cron": "0 1 * * *"
        }))
        .unwrap()
    }

    #[test]
    fn a_workflow_names_its_backups_by_backup_name_then_a_date() {
        let w = workflow("nightly", Some("auto-web"));
        assert!(named_by(&w, "auto-web 2026-12-01T01:00:00Z"));
        assert!(named_by(&w, "auto-web-2026-12-01"));
        assert!(
            !named_by(&w, "nightly 2026-12-01T01:00:00Z"),
            "not by its name when backupName differs"
        );
        assert!(!named_by(&w, "auto-web copy"), "no date, no match");
        assert!(
            !named_by(&w, "auto-web2 2026-12-01"),
            "another workflow's name"
        );
        let plain = workflow("nightly", Some(""));
        assert!(
            named_by(&plain, "nightly 2026-12-01T01:00:00Z"),
            "empty backupName: the name"
        );
        assert!(!named_by(&plain, "nightly before upgrade"));
    }

    #[test]
    fn only_the_app_s_record_is_a_fact_names_are_hints() {
        let snap = |id: &str, name: &str| -> Image {
            serde_json::from_value(serde_json::json!({
                "id": id, "name": name, "region": "GRA11", "status": "active", "size": 1.0
            }))
            .unwrap()
        };
        let inst: Instance = serde_json::from_value(
            serde_json::json!({"id": "i-web", "name": "web", "region": "GRA11"}),
        )
        .unwrap();
        let wfs = vec![("GRA11".to_string(), workflow("nightly", Some("nightly")))];
        let rows = rows(
            vec![
                snap("a", "whatever"),
                snap("b", "nightly 2026-12-01T01:00:00Z"),
                snap("c", "web 2026-12-01T09:00:00+01:00"),
                snap("d", "untitled"),
            ],
            std::slice::from_ref(&inst),
            &wfs,
            &|id| (id == "a").then(|| "i-web".to_string()),
        );
        let by = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
        assert_eq!(by("a").source, Source::Recorded);
        assert_eq!(by("a").instance_name.as_deref(), Some("web"));
        assert_eq!(by("b").source, Source::NameHint);
        assert_eq!(by("b").instance_id.as_deref(), Some("i-wf"));
        assert!(!by("b").orphan, "a hint never says the instance is gone");
        assert_eq!(by("c").source, Source::NameHint);
        assert_eq!(by("d").source, Source::Unknown);
        assert_eq!(by("d").instance_id, None);
    }

    #[test]
    fn a_second_request_for_the_same_instance_is_refused_while_the_first_runs() {
        let f = InFlight::default();
        assert!(!f.any(), "nothing asked yet: quitting loses nothing");
        let g = f.begin("p", "i").unwrap();
        assert!(f.any() && f.is_creating("p", "i"));
        assert!(f.begin("p", "i").is_err());
        assert!(f.begin("p", "other").is_ok());
        assert!(!f.is_creating("p", "other") && !f.is_creating("q", "i"));
        drop(g);
        assert!(!f.any(), "released when the request ends");
        assert!(!f.is_creating("p", "i"));
        assert!(f.begin("p", "i").is_ok());
    }
}
