//! Event names the window listens to, and their payloads (camelCase).
use serde::Serialize;

/// Tracked backups of a project changed state or size: the window updates those rows in place
/// (and reads the list again only for a backup it does not show). Payload: [`Changed`].
pub const BACKUPS_CHANGED: &str = "backups://changed";
/// A backup or restore ended (ready or failed), for the in-app toast; screens showing instance
/// states read them again. Payload: [`Ended`].
pub const BACKUP_ENDED: &str = "backups://ended";

/// The tray's Quit while a backup is being requested: the window asks to confirm. No payload.
pub const CONFIRM_QUIT: &str = "app://confirm-quit";
/// The tray asks the window to show a section. Payload: the section's name.
pub const NAVIGATE: &str = "app://navigate";
/// Workflows or their runs changed: refetch Workflow Management and the overview. No payload.
pub const SCHEDULES_CHANGED: &str = "schedules://changed";
/// A scheduled run was told (done, failed or missed), for the in-app toast. Payload: [`Told`].
pub const SCHEDULE_RUN: &str = "schedules://run";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Told {
    pub ok: bool,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Changed {
    pub project_id: String,
    pub backups: Vec<desk::tracker::BackupState>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ended {
    pub project_id: String,
    pub snapshot_id: String,
    pub ok: bool,
    pub title: String,
    pub body: String,
}
