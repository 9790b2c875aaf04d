//! What the user is told, as codes with their values ([`Said`], and [`Why`] for the desk's own
//! refusals): worded only at the edge, by the window and the shell, from the Fluent catalogs
//! (`said-<code>`, `why-<code>` in `ui/locales/*.ftl`). The English `Display` is for logs.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the user is told about an error: a code and its values, worded by the window's
/// catalogs in the user's language (`said-<code>`, and `why-<code>` for [`Why`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "code")]
pub enum Said {
    /// OVHcloud cannot be reached.
    Unreachable,
    /// OVHcloud did not answer in time.
    TimedOut,
    /// `INVALID_KEY`: no such application key.
    UnknownKey,
    /// `INVALID_SIGNATURE`: the secret is not this application key's.
    BadSignature,
    /// The consumer key was not approved, expired or was revoked.
    NotApproved,
    /// `QUERY_TIME_OUT`: the computer's clock is off.
    ClockSkew,
    /// `NOT_GRANTED_CALL`: the access rules leave this call out.
    NotGranted,
    /// OAuth2 `invalid_client` / `unauthorized_client`.
    UnknownServiceAccount,
    /// HTTP 429.
    SlowDown,
    /// HTTP 5xx (its body is not shown: often an HTML page or a proxy's words).
    ServerProblem { status: u16 },
    /// A refusal whose words name a quota: advice to make room, OVH's words under "Details".
    Quota { ovh: String },
    /// HTTP 409: something else is under way on the same thing (OVH's words under "Details").
    Busy { ovh: String },
    /// HTTP 460: the OVHcloud service has expired (OVH's words under "Details").
    Expired { ovh: String },
    /// Another refusal, with OVH's own words (one line, no markup).
    Refused { ovh: String },
    /// An answer of an unexpected shape.
    Unreadable,
    /// The built-in demo cloud could not start.
    DemoDown,
    /// No Secret Service (or Keychain, Credential Manager) answers.
    KeyringUnavailable,
    /// The keyring is locked.
    KeyringLocked,
    /// The keyring refused, in its own (English) words.
    KeyringRefused { detail: String },
    /// The desk refused the request, or cannot say whether it took effect.
    Why { why: Why },
    /// A request Backup Desk could not even prepare (a defect): its English detail.
    Internal { detail: String },
}

/// For logs, where a [`Said`] is nested in another message.
impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Said::ServerProblem { status } => write!(f, "OVHcloud error {status}"),
            Said::Refused { ovh }
            | Said::Quota { ovh }
            | Said::Busy { ovh }
            | Said::Expired { ovh } => write!(f, "OVHcloud refused: {ovh}"),
            Said::KeyringRefused { detail } | Said::Internal { detail } => f.write_str(detail),
            Said::Why { why } => write!(f, "{why}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Whether OVH's words name a quota. OVH's wording of a quota refusal or of a failed run is
/// unconfirmed (its quota routes have no entry for instance backups), so these words only choose
/// which advice is offered: OVH's own text is always shown with it, and nothing is decided on it.
pub fn names_quota(text: &str) -> bool {
    text.to_lowercase().contains("quota")
}

/// A refusal or an unconfirmed outcome, before or instead of a request to OVH.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase", tag = "code")]
pub enum Why {
    #[error("a backup name is required")]
    BackupNameRequired,
    #[error("a backup name has at most {max} characters")]
    BackupNameTooLong { max: u32 },
    #[error("a backup name cannot contain control characters (tabs, line breaks)")]
    BackupNameControl,
    #[error(
        "a backup of this instance is already being created: wait for it to appear in Instance Backup"
    )]
    BackupInProgress,
    #[error("OVH accepted the backup but it is not listed yet; refresh in a moment")]
    BackupNotListedYet,
    /// The request went unanswered and looking for its result failed too.
    #[error(
        "the backup request got no answer and the check failed too ({lookup}); look in Instance Backup before trying again"
    )]
    BackupUnconfirmed { lookup: Box<Said> },
    #[error("keep between 1 and 100 backups")]
    KeepCount,
    #[error("automatic backups are not available for Metal instances; create backups by hand")]
    NoAutomaticOnMetal,
    /// A changed schedule was refused; the previous workflow was created again.
    #[error("the new schedule was refused ({refused}); the previous one was put back")]
    ScheduleRefusedRestored { refused: Box<Said> },
    /// A changed schedule was refused and the previous workflow could not be created again.
    #[error(
        "the new schedule was refused ({refused}) and the previous one could not be put back ({restoring}): create it again"
    )]
    ScheduleRefusedLost {
        refused: Box<Said>,
        restoring: Box<Said>,
    },
    #[error("choose a schedule")]
    ChooseSchedule,
    #[error("choose a time between 00:00 and 23:59")]
    ChooseTime,
    #[error("date out of range")]
    DateOutOfRange,
    #[error("choose at least one day")]
    ChooseDays,
    #[error("days are 0 (Sunday) to 6 (Saturday)")]
    DaysRange,
    #[error("choose a day between 1 and 28, so that every month has it")]
    MonthDay,
    #[error("at this time the run falls on another day in UTC: choose another day or time")]
    OtherUtcDay,
    #[error("a name is required")]
    WorkflowNameRequired,
    #[error("a name has at most 64 characters")]
    WorkflowNameTooLong,
    #[error("a name may only contain letters, digits, underscores, dashes and full stops")]
    WorkflowNameChars,
    /// The typed cron expression, with the parser's (English) detail.
    #[error("not a schedule OVH accepts: {detail}")]
    BadCron { detail: String },
    #[error("this instance no longer exists")]
    InstanceGone,
    #[error("a chosen volume is no longer attached to this instance: open the dialog again")]
    VolumeNotAttached,
    #[error("this volume part is no longer part of its backup")]
    PartGone,
    #[error("this volume part is still being made: delete it once it is ready")]
    PartNotReady,
    #[error("this volume snapshot is already being restored")]
    PartRestoring,
    #[error("a Metal instance is unavailable during its cold snapshot: confirm you accept it")]
    ConfirmColdSnapshot,
    #[error("choose at least one instance")]
    ChooseInstance,
    #[error("this automatic backup no longer exists; refresh the list")]
    WorkflowGone,
    #[error("this backup no longer exists")]
    BackupGone,
    #[error("type the instance name, {name}, to confirm")]
    TypeInstanceName { name: String },
    #[error("type the volume name, {name}, to confirm")]
    TypeVolumeName { name: String },
    #[error("only an available backup can be restored")]
    OnlyAvailableRestored,
    #[error("this backup is in {backup} and the instance in {instance}: restore into a new instance instead")]
    OtherRegion { backup: String, instance: String },
    #[error("an instance name is required (at most 255 characters, no control characters)")]
    NewInstanceName,
    #[error("choose a model in {region}, the backup's region")]
    ChooseModelIn { region: String },
    #[error("the {model} model's disk ({disk} GB) is smaller than the backup needs ({needs} GB)")]
    ModelTooSmall {
        model: String,
        disk: u64,
        needs: u64,
    },
    #[error("no model in {region} fits this backup, so it cannot be tested there")]
    NoModelFits { region: String },
    #[error("this instance has no available backup to test; create a backup first")]
    NoBackupToTest,
    #[error("this backup is being tested now; its result will be notified")]
    RehearsalRunning,
    #[error("testing a backup needs permission to delete the temporary instance, which this connection does not have: connect again with restore tests turned on")]
    RehearsalNeedsAccess,
    #[error("confirm that your service account's policy allows {action}, so the temporary instance can be deleted")]
    ConfirmRehearsalPolicy { action: String },
    #[error("choose a port between 1 and 65535, or none")]
    PortRange,
    #[error("the safety backup failed")]
    SafetyBackupFailed,
    #[error("a consumer key is required")]
    ConsumerKeyRequired,
    #[error("keyring task failed: {detail}")]
    KeyringTask { detail: String },
    #[error(
        "choose Europe, Canada or United States, or enter an endpoint URL starting with https://"
    )]
    ChooseEndpoint,
    #[error("only web pages can be opened")]
    OnlyWebPages,
    #[error("{field} is required")]
    FieldRequired { field: Field },
    #[error("{field} cannot contain spaces: copy it again from OVHcloud")]
    FieldSpaces { field: Field },
    #[error("this consumer key is not usable (state: {state}): connect again")]
    ConsumerKeyUnusable { state: String },
    #[error(
        "this version of Backup Desk cannot sign in to this region: connect with keys instead"
    )]
    NoBuiltinApp,
    #[error("OVHcloud gave no approval page for this request")]
    NoApprovalPage,
    #[error("no connection is waiting for approval")]
    NothingWaiting,
    #[error("the access request was refused or has expired: connect again")]
    AccessRefused,
    #[error("no OVH keys were found to import")]
    NoKeysToImport,
    #[error("choose one of: {choices}")]
    ChooseCountry { choices: String },
    #[error("the country could not be saved ({detail}); choose it again")]
    CountryNotSaved { detail: String },
    #[error("cannot change start at login: {detail}")]
    StartAtLogin { detail: String },
    #[error("cannot save the settings: {detail}")]
    SettingsNotSaved { detail: String },
    #[error("no logs folder: {detail}")]
    NoLogsFolder { detail: String },
    #[error("cannot create {path}: {detail}")]
    FolderNotCreated { path: String, detail: String },
    #[error("cannot open {path}: {detail}")]
    FolderNotOpened { path: String, detail: String },
    #[error("no folder to save in: {detail}")]
    NoSaveFolder { detail: String },
    #[error("cannot save the report in {path}: {detail}")]
    ReportNotSaved { path: String, detail: String },
}

/// A field of the account form, named in the sentence about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    ApplicationKey,
    ApplicationSecret,
    ConsumerKey,
    ClientId,
    ClientSecret,
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Field::ApplicationKey => "the application key",
            Field::ApplicationSecret => "the application secret",
            Field::ConsumerKey => "the consumer key",
            Field::ClientId => "the client ID",
            Field::ClientSecret => "the client secret",
        })
    }
}
