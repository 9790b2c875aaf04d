//! Event names the window listens to, and their payloads (camelCase).
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Tracked backups of a project changed state or size: the window updates those rows in place
/// (and reads the list again only for a backup it does not show). Payload: [`Changed`].
pub const BACKUPS_CHANGED: &str = "backups://changed";
/// A backup or restore ended (ready or failed), for the in-app toast; screens showing instance
/// states read them again. Payload: [`Ended`].
pub const BACKUP_ENDED: &str = "backups://ended";

/// The tray's Quit while a backup is being requested: the window asks to confirm. No payload.
pub const CONFIRM_QUIT: &str = "app://confirm-quit";
/// The tray or a notification asks the window to show something. Payload: [`Target`].
pub const NAVIGATE: &str = "app://navigate";
/// Workflows or their runs changed: refetch Workflow Management and the overview. No payload.
pub const SCHEDULES_CHANGED: &str = "schedules://changed";
/// A scheduled run was told (done, failed or missed), for the in-app toast. Payload: [`Told`].
pub const SCHEDULE_RUN: &str = "schedules://run";

/// A restore test ended or what one left was cleaned up, for the in-app toast; the overview and
/// Instance Backup read their results again. Payload: [`Told`].
pub const REHEARSAL_ENDED: &str = "rehearsals://ended";

/// The window's sections, in the sidebar's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Section {
    Overview,
    Instances,
    Backups,
    Workflows,
    Account,
    Preferences,
}

/// Where the window opens: a section, or one backup in Instance Backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub section: Section,
    pub project_id: Option<String>,
    pub snapshot_id: Option<String>,
}

impl From<Section> for Target {
    fn from(section: Section) -> Self {
        Self {
            section,
            project_id: None,
            snapshot_id: None,
        }
    }
}

impl Target {
    /// A backup in Instance Backup.
    pub fn backup(project_id: &str, snapshot_id: &str) -> Self {
        Self {
            section: Section::Backups,
            project_id: Some(project_id.to_string()),
            snapshot_id: Some(snapshot_id.to_string()),
        }
    }

    /// A section by its name (`backups`), as `BACKUP_DESK_OPEN` gives it (test builds only).
    #[cfg(feature = "test-controls")]
    pub fn named(name: &str) -> Option<Self> {
        serde_json::from_value::<Section>(serde_json::Value::String(name.into()))
            .ok()
            .map(Self::from)
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Told {
    pub ok: bool,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "BackupsChanged")]
#[serde(rename_all = "camelCase")]
pub struct Changed {
    pub project_id: String,
    pub backups: Vec<desk::tracker::BackupState>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Ended {
    pub project_id: String,
    pub snapshot_id: String,
    pub ok: bool,
    pub title: String,
    pub body: String,
}
