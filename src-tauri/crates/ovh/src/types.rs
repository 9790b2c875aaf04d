//! Request and response bodies of the routes Backup Desk uses, as OVH documents them.
//!
//! Tolerant on purpose: unknown fields are ignored, nullable or missing fields become `None` or
//! empty, both the 2024 and 2025 shapes decode, and a malformed date becomes `None` rather than
//! failing a whole list.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

/// Decodes an optional OVH datetime, accepting any RFC 3339 offset; anything else is `None`.
fn lenient_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    let raw: Option<serde_json::Value> = Option::deserialize(d)?;
    Ok(raw.as_ref().and_then(|v| v.as_str()).and_then(parse_date))
}

/// An OVH date: RFC 3339, or with a `+0100` offset, or with no offset at all (read as UTC,
/// unconfirmed: OVH's answers are otherwise in UTC or carry their offset).
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .map(|dt| dt.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                .ok()
                .map(|n| n.and_utc())
        })
}

/// Decodes `null` as the type's default (OVH sends `null` for empty lists).
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// `cloud.ProjectWithIAM`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    /// The project id (OVH spells this one in snake_case).
    #[serde(rename = "project_id")]
    pub project_id: String,
    /// What the control panel shows as the project's name.
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub project_name: Option<String>,
    /// `creating`, `deleted`, `deleting`, `ok` or `suspended`.
    #[serde(default)]
    pub status: String,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub creation_date: Option<DateTime<Utc>>,
}

impl Project {
    /// Whether OVH reports the project suspended.
    pub fn is_suspended(&self) -> bool {
        self.status.eq_ignore_ascii_case("suspended")
    }

    /// The name a person recognises: the description, else the project id.
    pub fn display_name(&self) -> &str {
        self.description
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .or(self
                .project_name
                .as_deref()
                .filter(|d| !d.trim().is_empty()))
            .unwrap_or(&self.project_id)
    }
}

/// `cloud.Component`: one service of a region.
#[derive(Debug, Clone, Deserialize)]
pub struct Component {
    pub name: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub endpoint: Option<String>,
}

/// `cloud.Region`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub name: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub continent_code: Option<String>,
    #[serde(default)]
    pub datacenter_location: Option<String>,
    #[serde(default, rename = "type")]
    pub region_type: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub services: Vec<Component>,
}

impl Region {
    /// Whether the region runs the named service (`instance`, `workflow`) and it is up.
    pub fn has_service_up(&self, name: &str) -> bool {
        self.services
            .iter()
            .any(|s| s.name == name && s.status == "UP")
    }
}

/// `cloud.flavor.Capability`.
#[derive(Debug, Clone, Deserialize)]
pub struct Capability {
    pub name: String,
    #[serde(default)]
    pub enabled: bool,
}

/// `cloud.flavor.Flavor`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Flavor {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub region: String,
    #[serde(default, rename = "type")]
    pub flavor_type: String,
    /// Disk size in GB (the schema calls it a number of disks; the control panel uses it as GB).
    #[serde(default)]
    pub disk: u64,
    #[serde(default)]
    pub ram: u64,
    #[serde(default)]
    pub vcpus: u64,
    #[serde(default)]
    pub os_type: String,
    #[serde(default)]
    pub available: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    pub capabilities: Vec<Capability>,
    /// The catalog's plans for this model, hourly and monthly billing.
    #[serde(default, deserialize_with = "null_as_default")]
    pub plan_codes: PlanCodes,
}

/// `cloud.flavor.FlavorPlanCodes`: a model's plans in the public catalog (`license` ignored).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PlanCodes {
    #[serde(default)]
    pub hourly: Option<String>,
    #[serde(default)]
    pub monthly: Option<String>,
}

impl Flavor {
    /// Metal flavors only allow a cold snapshot and no automatic backup.
    pub fn is_metal(&self) -> bool {
        self.flavor_type.contains("baremetal")
    }

    /// IOPS/NVMe flavors: only the root disk is backed up.
    pub fn is_iops(&self) -> bool {
        self.flavor_type.contains("iops") || self.name.starts_with("i1-")
    }
}

/// `cloud.image.Image`: public images and instance backups (snapshots) alike.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub region: String,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub creation_date: Option<DateTime<Utc>>,
    /// Size in GiB; `0` while OVH does not know it yet.
    #[serde(default, deserialize_with = "null_as_default")]
    pub size: f64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub min_disk: u64,
    #[serde(default, deserialize_with = "null_as_default")]
    pub min_ram: u64,
    /// Free-form: `queued`, `saving`, `active`, `deleting`, `error`... (see [`SnapshotStatus`]).
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub visibility: String,
    #[serde(default, rename = "type")]
    pub image_type: String,
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub flavor_type: Option<String>,
    #[serde(default)]
    pub plan_code: Option<String>,
    #[serde(default)]
    pub tags: Option<Vec<String>>,
}

impl Image {
    /// The snapshot status, classified.
    pub fn snapshot_status(&self) -> SnapshotStatus {
        SnapshotStatus::from_api(&self.status)
    }
}

/// What a snapshot's free-form `status` means for a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "BackupStatus")]
#[serde(rename_all = "camelCase")]
pub enum SnapshotStatus {
    /// `queued` or `saving`: "Backup in progress".
    InProgress,
    /// `active`: usable.
    Active,
    /// `deleting` (or Glance's `pending_delete`/`deleted`).
    Deleting,
    /// `error`, `killed` or anything else OVH may send.
    Failed,
}

impl SnapshotStatus {
    /// Classifies a raw status; unknown values count as failed so they are never shown as safe.
    pub fn from_api(status: &str) -> Self {
        match status.to_ascii_lowercase().as_str() {
            "queued" | "saving" | "uploading" | "importing" => SnapshotStatus::InProgress,
            "active" => SnapshotStatus::Active,
            "deleting" | "pending_delete" | "deleted" => SnapshotStatus::Deleting,
            _ => SnapshotStatus::Failed,
        }
    }
}

/// `cloud.instance.IpAddress`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IpAddress {
    pub ip: String,
    #[serde(default, rename = "type")]
    pub ip_type: String,
    #[serde(default)]
    pub version: u8,
}

/// `cloud.instance.Instance` (list) and `cloud.instance.InstanceDetail` (detail) merged: the
/// list form carries `flavorId`/`imageId`, the detail form nested `flavor`/`image`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Instance {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub region: String,
    /// `ACTIVE`, `SNAPSHOTTING`, `REBUILD`... (`cloud.instance.InstanceStatusEnum`).
    #[serde(default)]
    pub status: String,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub created: Option<DateTime<Utc>>,
    #[serde(default)]
    pub flavor_id: Option<String>,
    #[serde(default)]
    pub image_id: Option<String>,
    #[serde(default)]
    pub flavor: Option<Flavor>,
    #[serde(default)]
    pub image: Option<Image>,
    #[serde(default)]
    pub plan_code: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub ip_addresses: Vec<IpAddress>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub operation_ids: Vec<String>,
}

impl Instance {
    /// The flavor id from whichever form the API sent.
    pub fn flavor_ref(&self) -> Option<&str> {
        self.flavor_id
            .as_deref()
            .or(self.flavor.as_ref().map(|f| f.id.as_str()))
    }

    /// The image id from whichever form the API sent.
    pub fn image_ref(&self) -> Option<&str> {
        self.image_id
            .as_deref()
            .or(self.image.as_ref().map(|i| i.id.as_str()))
    }
}

/// Body of `POST .../instance/{id}/snapshot` (`cloud.ProjectInstanceSnapshotCreation`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotCreation<'a> {
    pub snapshot_name: &'a str,
}

/// Answer of the snapshot POST: nothing in 2024, `{snapshotId}` in 2025.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotCreated {
    #[serde(default)]
    pub snapshot_id: Option<String>,
}

/// `cloud.volume.Volume`: a Block Storage volume (OVH schema, `GET /cloud/project/{id}/volume`;
/// the fields ovhcloud-cli's `cloud_volume.tmpl` shows). Only what the app reads; the rest of
/// the shape may vary and is ignored.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Volume {
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub region: String,
    /// Size in GB.
    #[serde(default, deserialize_with = "null_as_default")]
    pub size: u64,
    /// Cinder's status: `available`, `in-use`, `creating`, `attaching`, `detaching`, `error`...
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// `classic`, `high-speed`, `high-speed-gen2`...: free-form here.
    #[serde(default, rename = "type", deserialize_with = "null_as_default")]
    pub volume_type: String,
    /// The instances it is attached to (ids).
    #[serde(default, deserialize_with = "null_as_default")]
    pub attached_to: Vec<String>,
    /// A boot volume is part of its instance, not an additional disk.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bootable: bool,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub creation_date: Option<DateTime<Utc>>,
}

impl Volume {
    /// Whether this is an additional disk of `instance_id`: attached to it and not its boot
    /// volume (an instance booted from a volume is backed up with it by the instance backup).
    pub fn is_additional_disk_of(&self, instance_id: &str) -> bool {
        !self.bootable && self.attached_to.iter().any(|i| i == instance_id)
    }
}

/// `cloud.volume.Snapshot`: a snapshot of a Block Storage volume (OVH schema 2024).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeSnapshot {
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub region: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub volume_id: String,
    /// Size in GB (the volume's).
    #[serde(default, deserialize_with = "null_as_default")]
    pub size: u64,
    /// `available`, `creating`, `deleting`, `error`, `error_deleting` (the schema's enum).
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub creation_date: Option<DateTime<Utc>>,
    #[serde(default)]
    pub plan_code: Option<String>,
}

impl VolumeSnapshot {
    /// The status, classified as an instance backup's is: unknown words count as failed, so
    /// they are never shown as safe.
    pub fn snapshot_status(&self) -> SnapshotStatus {
        match self.status.to_ascii_lowercase().as_str() {
            "creating" => SnapshotStatus::InProgress,
            "available" => SnapshotStatus::Active,
            "deleting" => SnapshotStatus::Deleting,
            _ => SnapshotStatus::Failed,
        }
    }
}

/// Body of `POST /cloud/project/{id}/volume/{volume}/snapshot` (both fields optional in the
/// schema; the app always names its snapshots, so that a lost answer can be looked up).
#[derive(Debug, Clone, Serialize)]
pub struct VolumeSnapshotCreation<'a> {
    pub name: &'a str,
    pub description: &'a str,
}

/// Body of `POST /cloud/project/{id}/region/{region}/volume` (ovhcloud-cli's `VolumeSpec`:
/// `name`, `size`, `type` required; a volume made from a snapshot names it).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeCreation<'a> {
    pub name: &'a str,
    pub size: u64,
    #[serde(rename = "type")]
    pub volume_type: &'a str,
    pub snapshot_id: &'a str,
}

/// Body of `POST /cloud/project/{id}/volume/{volume}/attach` and `…/detach`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeAttach<'a> {
    pub instance_id: &'a str,
}

/// `cloud.Execution`: one run of a backup workflow.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Execution {
    pub id: String,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub executed_at: Option<DateTime<Utc>>,
    /// `CANCELED`, `ERROR`, `IDLE`, `PAUSED`, `RUNNING` or `SUCCESS`.
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub state_info: Option<String>,
}

/// `cloud.Backup`: a backup workflow (an automatic backup schedule run by OVH).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workflow {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub cron: String,
    #[serde(default)]
    pub instance_id: String,
    #[serde(default)]
    pub backup_name: Option<String>,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub executions: Vec<Execution>,
    /// 2025 schema only.
    #[serde(default)]
    pub rotation: Option<u32>,
    /// 2025 schema only.
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub next_execution_time: Option<DateTime<Utc>>,
}

impl Workflow {
    /// The latest execution: OVH has no such field, the control panel computes it the same way.
    pub fn last_execution(&self) -> Option<&Execution> {
        self.executions
            .iter()
            .filter(|e| e.executed_at.is_some())
            .max_by_key(|e| e.executed_at)
    }
}

/// Body of `POST .../region/{r}/workflow/backup` (`cloud.ProjectRegionWorkflowBackupCreation`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkflowCreation {
    pub cron: String,
    pub instance_id: String,
    pub name: String,
    pub rotation: u32,
    /// `None` (omitted) or `0` runs until the workflow is deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_execution_count: Option<u32>,
}

/// `cloud.Operation`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    pub id: String,
    #[serde(default)]
    pub action: String,
    /// `canceled`, `completed`, `created`, `in-error`, `in-progress` or `unknown`.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub progress: Option<i64>,
    #[serde(default)]
    pub resource_id: Option<String>,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub completed_at: Option<DateTime<Utc>>,
}

/// Body of `POST .../instance/{id}/reinstall`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reinstall<'a> {
    pub image_id: &'a str,
}

/// Body of `POST .../instance` (`cloud.ProjectInstanceCreation`), for a restore into a new
/// instance.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceCreation {
    pub flavor_id: String,
    pub name: String,
    pub region: String,
    pub image_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh_key_id: Option<String>,
    /// Monthly billing instead of hourly.
    pub monthly_billing: bool,
}

/// Body of `POST .../instance/{id}/rescueMode`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RescueMode {
    pub rescue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_id: Option<String>,
}

/// `cloud.instance.RescueAdminPassword`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RescueAdminPassword {
    #[serde(default)]
    pub admin_password: Option<String>,
}

/// `cloud.sshkey.SshKey`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SshKey {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub regions: Vec<String>,
}

/// `order.catalog.public.Pricing`, the fields a price needs.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pricing {
    /// Micro-cents per `interval_unit` (per GB for snapshot storage).
    #[serde(default)]
    pub price: i64,
    #[serde(default)]
    pub interval_unit: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub capacities: Vec<String>,
}

/// `order.catalog.public.Plan`, the fields a price needs.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub plan_code: String,
    #[serde(default)]
    pub invoice_name: String,
    #[serde(default)]
    pub product: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub pricings: Vec<Pricing>,
}

/// `order.catalog.public.Locale`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Locale {
    #[serde(default)]
    pub currency_code: String,
    #[serde(default)]
    pub subsidiary: String,
}

/// `order.catalog.public.Catalog`, the parts prices need.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    #[serde(default, deserialize_with = "null_as_default")]
    pub addons: Vec<Plan>,
    pub locale: Locale,
}

/// `nichandle.Nichandle`, the fields the app reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    #[serde(default)]
    pub ovh_subsidiary: Option<String>,
}

/// `cloud.capabilities.AvailabilityRegion`.
#[derive(Debug, Clone, Deserialize)]
pub struct AvailabilityRegion {
    pub name: String,
    #[serde(default)]
    pub enabled: bool,
}

/// `cloud.capabilities.AvailabilityPlan`.
#[derive(Debug, Clone, Deserialize)]
pub struct AvailabilityPlan {
    pub code: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub regions: Vec<AvailabilityRegion>,
}

/// `cloud.capabilities.Availability`.
#[derive(Debug, Clone, Deserialize)]
pub struct Availability {
    #[serde(default, deserialize_with = "null_as_default")]
    pub plans: Vec<AvailabilityPlan>,
}

/// `auth.AccessRule` / `auth.AccessRuleRequest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AccessRule {
    pub method: String,
    pub path: String,
}

/// Body of `POST /auth/credential` (`auth.ApiCredentialRequestParams`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialRequest {
    pub access_rules: Vec<AccessRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirection: Option<String>,
}

/// `auth.ApiCredentialRequest`. The consumer key is a secret.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialPending {
    pub consumer_key: crate::Sensitive<String>,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub validation_url: String,
}

impl<'de> Deserialize<'de> for crate::Sensitive<String> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(crate::Sensitive::new)
    }
}

/// `auth.ApiCredential`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    #[serde(default)]
    pub credential_id: i64,
    #[serde(default)]
    pub application_id: i64,
    /// `expired`, `pendingValidation`, `refused` or `validated`.
    #[serde(default)]
    pub status: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub rules: Vec<AccessRule>,
    #[serde(default, deserialize_with = "lenient_datetime")]
    pub expiration: Option<DateTime<Utc>>,
}

/// `auth.Details`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthDetails {
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_decoding() {
        let img: Image = serde_json::from_value(serde_json::json!({
            "id": "s1", "name": "n", "region": "GRA11", "status": "saving",
            "creationDate": "2024-06-01T10:00:00+02:00", "size": null, "tags": null,
            "somethingNew": 3
        }))
        .unwrap();
        assert_eq!(
            img.creation_date.unwrap().to_rfc3339(),
            "2024-06-01T08:00:00+00:00"
        );
        assert_eq!(img.size, 0.0);
        assert_eq!(img.snapshot_status(), SnapshotStatus::InProgress);

        let wf: Workflow = serde_json::from_value(serde_json::json!({
            "id": "w", "name": "n", "cron": "0 0 * * *", "instanceId": "i",
            "backupName": "n", "createdAt": "not a date", "executions": null
        }))
        .unwrap();
        assert!(wf.created_at.is_none() && wf.executions.is_empty());
    }

    #[test]
    fn unknown_snapshot_statuses_are_never_shown_as_safe() {
        assert_eq!(SnapshotStatus::from_api("killed"), SnapshotStatus::Failed);
        assert_eq!(SnapshotStatus::from_api("ACTIVE"), SnapshotStatus::Active);
        assert_eq!(
            SnapshotStatus::from_api("queued"),
            SnapshotStatus::InProgress
        );
    }
}
