//! The app's own record of the backups it made: snapshot id → instance, and why it was made.
//! OVH's snapshots carry no instance id (`cloud.image.Image`), so this record is the only fact
//! linking a backup to its instance; everything else is a name match, shown as a hint. It holds
//! ids, names and times only: never a secret.
use std::path::PathBuf;
use std::sync::Mutex;

use crate::files::JsonFile;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Why the app made a backup. Both are manual in the sense that no workflow made them: a
/// workflow's "delete with its backups" never includes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Made {
    /// "Create a backup".
    Manual,
    /// Taken before an in-place restore.
    Safety,
}

/// One backup the app made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub project_id: String,
    pub snapshot_id: String,
    pub instance_id: String,
    pub region: String,
    pub made: Made,
    pub at: DateTime<Utc>,
    /// The volume parts made with it (a backup set, issue 20); records written before sets
    /// have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<crate::volumes::Part>,
}

/// The records, in memory and in `dir/backups-made.json` (memory only without a directory).
#[derive(Debug)]
pub struct Records {
    file: JsonFile<Vec<Record>>,
    all: Mutex<Vec<Record>>,
}

impl Records {
    /// Loads the records kept in `dir`; an unreadable file is set aside and read as empty, so a
    /// damaged file costs attributions, never the app.
    pub fn in_dir(dir: Option<PathBuf>) -> Self {
        let file = JsonFile::in_dir_or_none(dir.as_deref(), "backups-made.json");
        let all = file.load();
        Self {
            file,
            all: Mutex::new(all),
        }
    }

    /// Remembers a backup; written to disk before returning.
    pub fn add(&self, record: Record) {
        let mut all = self.all.lock().expect("records lock");
        all.retain(|r| r.snapshot_id != record.snapshot_id);
        all.push(record);
        self.save(&all);
    }

    /// Forgets backups that were deleted.
    pub fn remove(&self, snapshot_ids: &[String]) {
        let mut all = self.all.lock().expect("records lock");
        let before = all.len();
        all.retain(|r| !snapshot_ids.contains(&r.snapshot_id));
        if all.len() != before {
            self.save(&all);
        }
    }

    /// The record of one backup.
    pub fn get(&self, snapshot_id: &str) -> Option<Record> {
        self.all
            .lock()
            .expect("records lock")
            .iter()
            .find(|r| r.snapshot_id == snapshot_id)
            .cloned()
    }

    /// The records of `project_id` that carry volume parts (backup sets).
    pub fn sets(&self, project_id: &str) -> Vec<Record> {
        self.all
            .lock()
            .expect("records lock")
            .iter()
            .filter(|r| r.project_id == project_id && !r.parts.is_empty())
            .cloned()
            .collect()
    }

    /// Forgets the parts of a set whose volume snapshots were deleted; the rest stay recorded.
    pub fn drop_parts(&self, snapshot_id: &str, deleted: &[String]) {
        let mut all = self.all.lock().expect("records lock");
        let Some(record) = all.iter_mut().find(|r| r.snapshot_id == snapshot_id) else {
            return;
        };
        let before = record.parts.len();
        record.parts.retain(|p| {
            p.snapshot_id
                .as_ref()
                .is_none_or(|id| !deleted.contains(id))
        });
        if record.parts.len() != before {
            self.save(&all);
        }
    }

    fn save(&self, all: &[Record]) {
        if let Err(e) = self.file.save(all) {
            // The backup exists either way; only its attribution is lost.
            tracing::warn!("cannot write {:?}: {e}", self.file);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_survive_a_restart_and_a_damaged_file() {
        let dir = crate::files::scratch_dir("records");
        let r = Record {
            project_id: "p".into(),
            snapshot_id: "s".into(),
            instance_id: "i".into(),
            region: "GRA11".into(),
            made: Made::Manual,
            at: Utc::now(),
            parts: Vec::new(),
        };
        Records::in_dir(Some(dir.clone())).add(r.clone());
        let again = Records::in_dir(Some(dir.clone()));
        assert_eq!(again.get("s"), Some(r));
        again.remove(&["s".into()]);
        assert_eq!(Records::in_dir(Some(dir.clone())).get("s"), None);
        std::fs::write(dir.join("backups-made.json"), b"{not json").unwrap();
        assert_eq!(Records::in_dir(Some(dir.clone())).get("s"), None);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
