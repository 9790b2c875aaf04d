//! Additional volumes backed up with their instance (issue 20): which volumes are an instance's
//! additional disks, what their part of a backup set is called, and starting each part once.
//!
//! A set is the instance backup plus one volume snapshot per ticked volume, all named from the
//! backup's name. Volume snapshots, not volume backups: OVH's guide says a volume backup needs
//! the volume detached from its instance, a snapshot does not, and "back up this server" must not
//! stop the server's disks.
use std::collections::HashSet;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use ovh::types::{SnapshotStatus, Volume, VolumeSnapshot, VolumeSnapshotCreation};
use ovh::Client;

use crate::pricing::Price;
use crate::Said;

/// A volume offered in the "Create a backup" dialog.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VolumeChoice {
    pub id: String,
    pub name: String,
    pub size_gb: u64,
    /// Size × the volume snapshot price per GB per month: an upper bound, as for instances.
    pub estimate_monthly: Option<f64>,
}

/// The additional disks of `instance_id` among `volumes`, by name, for the form.
pub fn choices(volumes: &[Volume], instance_id: &str, price: Option<&Price>) -> Vec<VolumeChoice> {
    let mut out: Vec<VolumeChoice> = volumes
        .iter()
        .filter(|v| v.is_additional_disk_of(instance_id))
        .map(|v| VolumeChoice {
            id: v.id.clone(),
            name: v.name.clone(),
            size_gb: v.size,
            estimate_monthly: price.map(|p| p.monthly(v.size as f64)),
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    out
}

/// One volume's part of a backup set, as tracked and recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    pub volume_id: String,
    pub volume_name: String,
    /// The volume snapshot; `None` when OVH refused it or its answer was lost and it was not
    /// found (`refused` says which): nothing was made, nothing is retried on its own.
    pub snapshot_id: Option<String>,
    pub size_gb: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Said>,
}

/// How many characters OVH keeps of a name (the schema's snapshot names, as instance backups).
const MAX_NAME_CHARS: usize = 255;

/// A part's name: the set's name, then the volume's, so the control panel's Block Storage pages
/// show which backup it belongs to.
pub fn part_name(stem: &str, volume_name: &str) -> String {
    let tail = format!(" - {volume_name}");
    let room = MAX_NAME_CHARS.saturating_sub(tail.chars().count());
    let stem: String = stem.chars().take(room).collect();
    format!("{stem}{tail}")
}

/// Volume snapshots this app started, so that a lost answer's lookup by name never takes one
/// made before under the same name.
#[derive(Debug, Default)]
pub struct Started(Mutex<HashSet<String>>);

impl Started {
    fn add(&self, id: &str) {
        self.0.lock().expect("started lock").insert(id.to_string());
    }

    fn has(&self, id: &str) -> bool {
        self.0.lock().expect("started lock").contains(id)
    }
}

/// Starts one volume's snapshot, once. A lost answer (timeout, reset, 502–504) is looked up by
/// name and volume before anything else; a part is never asked for twice.
pub async fn start_part(
    client: &Client,
    started: &Started,
    project_id: &str,
    volume: &VolumeChoice,
    region: &str,
    stem: &str,
) -> Part {
    let name = part_name(stem, &volume.name);
    let body = VolumeSnapshotCreation {
        name: &name,
        description: "",
    };
    let answer = client
        .create_volume_snapshot(project_id, &volume.id, &body)
        .await;
    let outcome = match answer {
        Ok(made) => Ok(made.id),
        Err(e) if e.outcome_unknown() => {
            tracing::warn!("volume snapshot POST outcome unknown, looking: {e}");
            match client.volume_snapshots(project_id, Some(region)).await {
                Ok(list) => find(&list, started, &volume.id, &name).ok_or(crate::Error::Ovh(e)),
                Err(lookup) => Err(crate::Error::Ovh(lookup)),
            }
        }
        Err(e) => Err(crate::Error::Ovh(e)),
    };
    match outcome {
        Ok(id) => {
            started.add(&id);
            Part {
                volume_id: volume.id.clone(),
                volume_name: volume.name.clone(),
                snapshot_id: Some(id),
                size_gb: volume.size_gb,
                refused: None,
            }
        }
        Err(e) => Part {
            volume_id: volume.id.clone(),
            volume_name: volume.name.clone(),
            snapshot_id: None,
            size_gb: volume.size_gb,
            refused: Some(e.said()),
        },
    }
}

fn find(list: &[VolumeSnapshot], started: &Started, volume_id: &str, name: &str) -> Option<String> {
    list.iter()
        .filter(|s| {
            s.volume_id == volume_id
                && s.name == name
                && s.snapshot_status() != SnapshotStatus::Deleting
                && !started.has(&s.id)
        })
        .max_by_key(|s| s.creation_date)
        .map(|s| s.id.clone())
}

/// A part as Instance Backup shows it under its set.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PartRow {
    /// The volume snapshot's id; `None` when the part was never made.
    pub id: Option<String>,
    /// The volume it was taken from (which may no longer exist).
    pub volume_id: String,
    pub volume_name: String,
    pub size_gb: u64,
    /// `None` when the part was never made, or is no longer listed (deleted elsewhere).
    pub status: Option<SnapshotStatus>,
}

/// The rows of a set's parts from the listed volume snapshots.
pub fn part_rows(parts: &[Part], listed: &[VolumeSnapshot]) -> Vec<PartRow> {
    parts
        .iter()
        .map(|p| {
            let found = p
                .snapshot_id
                .as_deref()
                .and_then(|id| listed.iter().find(|s| s.id == id));
            PartRow {
                id: found.map(|s| s.id.clone()),
                volume_id: p.volume_id.clone(),
                volume_name: p.volume_name.clone(),
                size_gb: found.map_or(p.size_gb, |s| s.size),
                status: found.map(VolumeSnapshot::snapshot_status),
            }
        })
        .collect()
}

/// Which additional volumes a backup holds, for the overview.
#[derive(Debug, Default)]
pub struct Cover {
    pub volumes: Vec<Volume>,
    /// The sets the app made in the project: each instance backup's id and its parts.
    pub sets: Vec<(String, Vec<Part>)>,
    /// The project's volume snapshots, read only when there are sets.
    pub parts: Vec<VolumeSnapshot>,
}

impl Cover {
    /// The names of `instance_id`'s additional volumes that its newest available backup
    /// (among `backups`, the instance's recorded ones) does not hold with an available part.
    pub fn unprotected(&self, instance_id: &str, backups: &[&ovh::types::Image]) -> Vec<String> {
        let newest = backups
            .iter()
            .filter(|b| b.snapshot_status() == SnapshotStatus::Active)
            .max_by_key(|b| b.creation_date);
        let held: Vec<&str> = newest
            .and_then(|b| self.sets.iter().find(|(id, _)| id == &b.id))
            .map(|(_, parts)| {
                parts
                    .iter()
                    .filter(|p| {
                        p.snapshot_id.as_deref().is_some_and(|id| {
                            self.parts.iter().any(|s| {
                                s.id == id && s.snapshot_status() == SnapshotStatus::Active
                            })
                        })
                    })
                    .map(|p| p.volume_id.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let mut names: Vec<String> = self
            .volumes
            .iter()
            .filter(|v| v.is_additional_disk_of(instance_id) && !held.contains(&v.id.as_str()))
            .map(|v| v.name.clone())
            .collect();
        names.sort();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn volume(id: &str, name: &str, attached: &[&str], bootable: bool) -> Volume {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": name, "size": 100, "attachedTo": attached, "bootable": bootable,
        }))
        .unwrap()
    }

    #[test]
    fn only_the_instance_s_additional_disks_are_offered() {
        let vols = [
            volume("2", "db-wal", &["db"], false),
            volume("1", "db-data", &["db"], false),
            volume("3", "boot", &["db"], true),
            volume("4", "other", &["web"], false),
            volume("5", "loose", &[], false),
        ];
        let names: Vec<String> = choices(&vols, "db", None)
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["db-data", "db-wal"]);
        assert!(choices(&vols, "nobody", None).is_empty());
    }

    #[test]
    fn a_part_is_named_from_its_set_within_the_limit() {
        assert_eq!(part_name("db-1 5 Dec", "data"), "db-1 5 Dec - data");
        let long = part_name(&"é".repeat(300), "data");
        assert_eq!(long.chars().count(), MAX_NAME_CHARS);
        assert!(long.ends_with(" - data"));
    }

    #[test]
    fn a_lost_answer_is_found_by_volume_and_name_never_an_earlier_one() {
        let snap = |id: &str, vol: &str, name: &str, status: &str, at: &str| -> VolumeSnapshot {
            serde_json::from_value(serde_json::json!({
                "id": id, "volumeId": vol, "name": name, "status": status, "creationDate": at,
            }))
            .unwrap()
        };
        let list = [
            snap("old", "v", "n - data", "available", "2026-12-01T10:00:00Z"),
            snap("new", "v", "n - data", "creating", "2026-12-05T10:00:00Z"),
            snap("else", "w", "n - data", "creating", "2026-12-05T10:00:00Z"),
        ];
        let started = Started::default();
        started.add("new");
        assert_ne!(
            find(&list, &started, "v", "n - data").as_deref(),
            Some("new"),
            "an id this app started is never taken again"
        );
        let fresh = Started::default();
        assert_eq!(find(&list, &fresh, "v", "n - data").as_deref(), Some("new"));
        assert_eq!(find(&list, &fresh, "v", "other"), None);
    }

    #[test]
    fn volumes_are_protected_only_by_an_available_part_of_the_newest_backup() {
        let image = |id: &str, at: &str| -> ovh::types::Image {
            serde_json::from_value(serde_json::json!({
                "id": id, "status": "active", "creationDate": at,
            }))
            .unwrap()
        };
        let part = |volume: &str, snapshot: &str| Part {
            volume_id: volume.into(),
            volume_name: volume.into(),
            snapshot_id: Some(snapshot.into()),
            size_gb: 10,
            refused: None,
        };
        let record = |id: &str, parts: Vec<Part>| (id.to_string(), parts);
        let snap = |id: &str, status: &str| -> VolumeSnapshot {
            serde_json::from_value(serde_json::json!({"id": id, "status": status})).unwrap()
        };
        let cover = Cover {
            volumes: vec![
                volume("data", "data", &["db"], false),
                volume("wal", "wal", &["db"], false),
            ],
            sets: vec![
                record("old", vec![part("data", "s1"), part("wal", "s2")]),
                record("new", vec![part("data", "s3"), part("wal", "s4")]),
            ],
            parts: vec![
                snap("s1", "available"),
                snap("s2", "available"),
                snap("s3", "available"),
                snap("s4", "error"),
            ],
        };
        let old = image("old", "2026-12-01T00:00:00Z");
        let new = image("new", "2026-12-05T00:00:00Z");
        assert_eq!(
            cover.unprotected("db", &[&old, &new]),
            ["wal"],
            "the newest set's failed part does not protect its volume"
        );
        let plain = image("plain", "2026-12-06T00:00:00Z");
        assert_eq!(
            cover.unprotected("db", &[&old, &new, &plain]),
            ["data", "wal"],
            "a newer backup without volumes leaves them unprotected"
        );
        assert!(cover.unprotected("web", &[]).is_empty());
    }
}
