//! Event names the window listens to, and their payloads (camelCase).
use serde::Serialize;

/// Backups of a project changed: refetch. Payload: [`Changed`].
pub const BACKUPS_CHANGED: &str = "backups://changed";
/// A backup ended (ready or failed), for the in-app toast. Payload: [`Ended`].
pub const BACKUP_ENDED: &str = "backups://ended";

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Changed {
    pub project_id: String,
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
