//! The list of backups being tracked, kept in the app's data directory so a restart resumes
//! tracking. It holds ids, names and times only: never a secret.
use std::path::PathBuf;
use ts_rs::TS;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::files::JsonFile;

/// What is being followed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "TrackedKind")]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum Kind {
    /// A backup (`snapshot_id`) until it is available.
    #[default]
    Backup,
    /// A safety backup (`snapshot_id`) taken before restoring `restore_from` in place: when it
    /// is available, the restore starts.
    SafetyBackup {
        restore_from: String,
        restore_name: String,
    },
    /// An instance reinstalled from the backup `snapshot_id`, until it is `ACTIVE` again after
    /// a confirmed change: OVH may still answer `ACTIVE` right after accepting the reinstall, so
    /// the end is an `ACTIVE` after the instance was seen rebuilding, or the reinstall's
    /// operation completed.
    Rebuild {
        /// The instance was seen in another status than `ACTIVE` since the reinstall.
        #[serde(default)]
        seen_rebuilding: bool,
        /// The reinstall's operation, when OVH named one (`operationIds`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        operation_id: Option<String>,
    },
    /// A new instance created from the backup `snapshot_id`, until it is `ACTIVE`.
    Build,
    /// A new volume `name` made from the volume snapshot `snapshot_id` (a set's part, issue
    /// 20), attached to `instance_id` once available, until OVH shows it attached there.
    VolumeRestore {
        /// The new volume, once OVH lists it (found by its exact name in the region before).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        volume_id: Option<String>,
        /// The attach was asked for (never twice).
        #[serde(default)]
        attach_asked: bool,
        /// The volume the new one takes the place of, when the user chose to restore in place:
        /// detached from the instance once the new volume is made, then kept.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        replaces: Option<Replaced>,
    },
}

/// The volume a restored part takes the place of. It is detached, never deleted: what it
/// holds stays there until the user deletes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Replaced {
    pub id: String,
    pub name: String,
    /// When the detach was asked for (never twice; a lost answer counts as asked, and the
    /// volume list tells whether it happened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detach_asked_at: Option<DateTime<Utc>>,
}

/// One backup (or restore) being followed to completion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tracked {
    /// Journals written before restores existed have no kind: they are backups.
    #[serde(default)]
    pub kind: Kind,
    pub project_id: String,
    /// The backup followed, or the backup an instance is being restored from.
    pub snapshot_id: String,
    pub name: String,
    pub instance_id: String,
    pub instance_name: String,
    pub region: String,
    pub started_at: DateTime<Utc>,
    /// A backup set's volume parts (issue 20), followed with the instance backup and told with
    /// it as one. Journals written before sets have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<crate::volumes::Part>,
}

/// Where the tracked list lives: `in-progress.json`, or memory only (tests, no data directory).
#[derive(Debug, Clone)]
pub struct Journal {
    file: JsonFile<Vec<Tracked>>,
}

impl Journal {
    /// A journal in `dir/in-progress.json`.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            file: JsonFile::in_dir(&dir.into(), "in-progress.json"),
        }
    }

    /// A journal that remembers nothing across restarts.
    pub fn none() -> Self {
        Self {
            file: JsonFile::none(),
        }
    }

    /// The tracked backups; an unreadable journal is set aside (see [`crate::files`]).
    pub fn load(&self) -> Vec<Tracked> {
        self.file.load()
    }

    /// Replaces the journal atomically, so a crash never leaves half a file.
    pub fn save(&self, tracked: &[Tracked]) -> std::io::Result<()> {
        self.file.save(tracked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_survives_garbage() {
        let dir = crate::files::scratch_dir("journal");
        let j = Journal::in_dir(&dir);
        assert!(j.load().is_empty());
        let t = Tracked {
            kind: Kind::Backup,
            project_id: "p".into(),
            snapshot_id: "s".into(),
            name: "n".into(),
            instance_id: "i".into(),
            instance_name: "web".into(),
            region: "GRA11".into(),
            started_at: Utc::now(),
            parts: Vec::new(),
        };
        j.save(std::slice::from_ref(&t)).unwrap();
        assert_eq!(j.load(), vec![t]);
        let old = br#"[{"projectId":"p","snapshotId":"s","name":"n","instanceId":"i","instanceName":"w","region":"R","startedAt":"2026-01-01T00:00:00Z"}]"#;
        std::fs::write(dir.join("in-progress.json"), old).unwrap();
        assert_eq!(
            j.load()[0].kind,
            Kind::Backup,
            "an entry without kind is a backup"
        );
        std::fs::write(dir.join("in-progress.json"), b"{not json").unwrap();
        assert!(
            j.load().is_empty(),
            "a damaged journal does not crash the app"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
