//! The simulated cloud: accounts, projects, regions, instances, backups and workflows, and how
//! they move over (world) time. Pure state; the writes' rules are in `writes.rs`, HTTP in `http/`.
//!
//! Time-driven behaviour is computed from the world clock when asked (`advance`), so the same
//! sequence of calls at the same world times always gives the same answers.
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use ovh::cron;

/// An OVH application: what `X-Ovh-Application` names.
#[derive(Debug, Clone)]
pub struct Application {
    pub id: i64,
    pub secret: String,
}

/// A consumer key and what it may do.
#[derive(Debug, Clone)]
pub struct Credential {
    pub id: i64,
    pub application_key: String,
    /// `pendingValidation`, `validated`, `refused` or `expired`.
    pub status: String,
    pub rules: Vec<(String, String)>,
    pub created: DateTime<Utc>,
    pub expiration: Option<DateTime<Utc>>,
    pub last_use: Option<DateTime<Utc>>,
    /// The token in the validation URL.
    pub validation_token: String,
}

/// A service account (OAuth2 client credentials). Its rights would come from IAM policies; the
/// simulator grants it everything.
#[derive(Debug, Clone)]
pub struct ServiceAccount {
    pub secret: String,
}

/// An OAuth2 access token handed out by the token URL.
#[derive(Debug, Clone)]
pub struct AccessToken {
    pub client_id: String,
    pub expires: DateTime<Utc>,
}

/// A region of a project and which services run there.
#[derive(Debug, Clone)]
pub struct RegionInfo {
    pub name: String,
    pub continent: String,
    pub location: String,
    pub country: String,
    pub region_type: String,
    pub services: Vec<(String, bool)>,
    /// `UP`, `DOWN` or `MAINTENANCE` (`cloud.RegionStatusEnum`).
    pub status: String,
}

/// An instance model (`cloud.flavor.Flavor`).
#[derive(Debug, Clone)]
pub struct Flavor {
    pub id: String,
    pub name: String,
    pub region: String,
    pub flavor_type: String,
    pub disk_gb: u64,
    pub ram_mb: u64,
    pub vcpus: u64,
    pub os_type: String,
}

/// A public image.
#[derive(Debug, Clone)]
pub struct Image {
    pub id: String,
    pub name: String,
    pub region: String,
    pub os_type: String,
    pub user: String,
    pub min_disk: u64,
    pub size_gb: f64,
    pub created: DateTime<Utc>,
}

/// A long task that puts an instance in a transient status until a time.
#[derive(Debug, Clone)]
pub struct Busy {
    /// Until then the instance still shows its usual status: OVH may answer `ACTIVE` for a
    /// while after accepting a reinstall, and the app must not take that for the end.
    pub from: DateTime<Utc>,
    pub status: &'static str,
    pub until: DateTime<Utc>,
    pub then: &'static str,
}

/// A Public Cloud instance.
#[derive(Debug, Clone)]
pub struct Instance {
    pub id: String,
    pub name: String,
    pub region: String,
    pub flavor_id: String,
    pub image_id: String,
    pub created: DateTime<Utc>,
    /// Status when no task is running (`ACTIVE`, `SHUTOFF`, `RESCUE`).
    pub base_status: &'static str,
    pub busy: Option<Busy>,
    pub ssh_key_id: Option<String>,
    pub ipv4: String,
    /// Used share of the disk: what a backup of it weighs.
    pub used_gb: f64,
}

/// An instance backup (a Glance snapshot image).
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub id: String,
    pub name: String,
    pub region: String,
    pub instance_id: String,
    pub created: DateTime<Utc>,
    pub queued_secs: f64,
    pub duration_secs: f64,
    pub size_gb: f64,
    pub min_disk: u64,
    pub fails: bool,
    pub aborted: bool,
    pub workflow_id: Option<String>,
    pub os_type: String,
    pub user: String,
    pub flavor_type: Option<String>,
    /// Whether an instance made from it boots and answers: see [`ANSWERS`].
    pub boots: bool,
}

/// The address of an instance made from a backup that boots: the simulator's own loopback
/// address, so that a TCP connection to the simulator's port stands for the instance answering
/// (a rehearsal's port check). One that does not boot gets [`SILENT`], where nothing listens.
pub const ANSWERS: &str = "127.0.0.1";
/// See [`ANSWERS`].
pub const SILENT: &str = "127.0.0.3";

impl Snapshot {
    /// OVH's free-form status at `now`.
    pub fn status(&self, now: DateTime<Utc>) -> &'static str {
        let age = (now - self.created).num_milliseconds() as f64 / 1000.0;
        if self.aborted {
            "error"
        } else if age < self.queued_secs {
            "queued"
        } else if age < self.duration_secs {
            "saving"
        } else if self.fails {
            "error"
        } else {
            "active"
        }
    }

    /// The size OVH reports: unknown (0) until the upload starts.
    pub fn reported_size(&self, now: DateTime<Utc>) -> f64 {
        match self.status(now) {
            "queued" => 0.0,
            _ => self.size_gb,
        }
    }

    fn in_progress(&self, now: DateTime<Utc>) -> bool {
        matches!(self.status(now), "queued" | "saving")
    }
}

/// How long a detached volume stays `detaching`.
const DETACH_SECS: i64 = 5;

/// A Block Storage volume (`cloud.volume.Volume`), attached to at most one instance here.
#[derive(Debug, Clone)]
pub struct Volume {
    pub id: String,
    pub name: String,
    pub region: String,
    pub size_gb: u64,
    /// `classic` or `high-speed`.
    pub volume_type: String,
    pub attached_to: Vec<String>,
    pub bootable: bool,
    pub created: DateTime<Utc>,
    /// A volume made from a snapshot is `creating` until then.
    pub ready_at: DateTime<Utc>,
    /// A detached volume is `detaching` until then (ansible's OVH module waits on that status
    /// after `POST …/detach`).
    pub detached_at: Option<DateTime<Utc>>,
}

impl Volume {
    /// Cinder's status: `creating` while it is made, `in-use` when attached.
    pub fn status(&self, now: DateTime<Utc>) -> &'static str {
        if now < self.ready_at {
            "creating"
        } else if self.detached_at.is_some_and(|at| now < at) {
            "detaching"
        } else if self.attached_to.is_empty() {
            "available"
        } else {
            "in-use"
        }
    }
}

/// A volume snapshot (`cloud.volume.Snapshot`): `creating` for a while, then `available` (or
/// `error` when made to fail).
#[derive(Debug, Clone)]
pub struct VolumeSnapshot {
    pub id: String,
    pub name: String,
    pub description: String,
    pub region: String,
    pub volume_id: String,
    pub size_gb: u64,
    pub created: DateTime<Utc>,
    pub duration_secs: f64,
    pub fails: bool,
}

impl VolumeSnapshot {
    /// The schema's status at `now`.
    pub fn status(&self, now: DateTime<Utc>) -> &'static str {
        let age = (now - self.created).num_milliseconds() as f64 / 1000.0;
        if age < self.duration_secs {
            "creating"
        } else if self.fails {
            "error"
        } else {
            "available"
        }
    }
}

/// One run of a workflow.
#[derive(Debug, Clone)]
pub struct Execution {
    pub id: String,
    pub executed_at: DateTime<Utc>,
    pub snapshot_id: Option<String>,
    /// Set when the run ended without a snapshot to follow (or was seeded by a scenario).
    pub fixed: Option<(&'static str, String)>,
}

/// A backup workflow (`cloud.Backup`).
#[derive(Debug, Clone)]
pub struct Workflow {
    pub id: String,
    pub name: String,
    /// The name its backups get, before the date (`cloud.Backup.backupName`).
    pub backup_name: String,
    pub region: String,
    pub instance_id: String,
    pub cron: String,
    pub rotation: u32,
    pub max_execution_count: Option<u32>,
    pub created: DateTime<Utc>,
    pub executions: Vec<Execution>,
    /// Cron occurrences up to this time have been run.
    pub checked_until: DateTime<Utc>,
    /// The next occurrence after `checked_until`, once known: until then a request costs no
    /// cron arithmetic for this workflow (the world advances on every request).
    pub next_run: Option<DateTime<Utc>>,
}

/// An asynchronous task record (`cloud.Operation`).
#[derive(Debug, Clone)]
pub struct Operation {
    pub id: String,
    pub action: String,
    pub region: String,
    pub resource_id: Option<String>,
    pub created: DateTime<Utc>,
    pub completed: DateTime<Utc>,
}

/// An SSH key of a project.
#[derive(Debug, Clone)]
pub struct SshKey {
    pub id: String,
    pub name: String,
    pub regions: Vec<String>,
}

/// A Public Cloud project and everything in it.
#[derive(Debug, Clone)]
pub struct Project {
    pub id: String,
    pub description: String,
    pub created: DateTime<Utc>,
    pub regions: Vec<RegionInfo>,
    pub flavors: Vec<Flavor>,
    pub images: Vec<Image>,
    pub instances: Vec<Instance>,
    pub snapshots: Vec<Snapshot>,
    pub volumes: Vec<Volume>,
    pub volume_snapshots: Vec<VolumeSnapshot>,
    pub workflows: Vec<Workflow>,
    pub operations: Vec<Operation>,
    pub ssh_keys: Vec<SshKey>,
    /// OVH suspends a project (`status: suspended`), most often over an unpaid bill.
    pub suspended: bool,
}

impl Project {
    pub fn instance(&self, id: &str) -> Option<&Instance> {
        self.instances.iter().find(|i| i.id == id)
    }

    pub fn flavor(&self, id: &str) -> Option<&Flavor> {
        self.flavors.iter().find(|f| f.id == id)
    }

    pub fn region(&self, name: &str) -> Option<&RegionInfo> {
        self.regions.iter().find(|r| r.name == name)
    }

    /// The status the API shows for an instance at `now`.
    pub fn instance_status(&self, inst: &Instance, now: DateTime<Utc>) -> &'static str {
        if let Some(b) = inst.busy.as_ref().filter(|b| now >= b.from) {
            if now < b.until {
                return b.status;
            }
            return b.then;
        }
        if self
            .snapshots
            .iter()
            .any(|s| s.instance_id == inst.id && s.in_progress(now))
        {
            return "SNAPSHOTTING";
        }
        inst.base_status
    }

    /// Running instances booted from a snapshot: such a snapshot can't be deleted.
    pub fn instances_using(&self, snapshot_id: &str, now: DateTime<Utc>) -> Vec<&Instance> {
        self.instances
            .iter()
            .filter(|i| i.image_id == snapshot_id && self.instance_status(i, now) != "SHUTOFF")
            .collect()
    }
}

/// Why a world change was refused, already in OVH's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub class: &'static str,
    pub message: String,
}

impl Refusal {
    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: 404,
            class: "Client::NotFound",
            message: message.into(),
        }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: 400,
            class: "Client::BadRequest",
            message: message.into(),
        }
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self {
            status: 409,
            class: "Client::Conflict",
            message: message.into(),
        }
    }
}

/// Tunables for how fast things happen, in world seconds.
#[derive(Debug, Clone)]
pub struct Pace {
    /// Backup duration per GB of used disk.
    pub snapshot_secs_per_gb: f64,
    /// Shortest backup.
    pub snapshot_min_secs: f64,
    /// How long a reinstall or a new instance takes.
    pub rebuild_secs: f64,
    /// How long an instance still shows `ACTIVE` after a reinstall was accepted.
    pub rebuild_start_secs: f64,
}

impl Default for Pace {
    fn default() -> Self {
        Self {
            snapshot_secs_per_gb: 1.5,
            snapshot_min_secs: 8.0,
            rebuild_secs: 20.0,
            rebuild_start_secs: 3.0,
        }
    }
}

/// The whole simulated cloud.
#[derive(Debug, Clone)]
pub struct World {
    pub applications: HashMap<String, Application>,
    pub credentials: HashMap<String, Credential>,
    /// Service accounts by client id.
    pub service_accounts: HashMap<String, ServiceAccount>,
    /// Access tokens by value.
    pub tokens: HashMap<String, AccessToken>,
    /// Lifetime of new access tokens (OVH: 3599 s).
    pub token_lifetime_secs: i64,
    pub projects: Vec<Project>,
    pub account: String,
    /// The account's country (`GET /me` → `ovhSubsidiary`); prices come from its catalog.
    pub subsidiary: String,
    pub pace: Pace,
    /// The next this-many new snapshots (manual or scheduled) end in `error`.
    pub fail_next_snapshots: u32,
    /// Snapshots of instances with these names always end in `error`.
    pub failing_instances: Vec<String>,
    /// The next this-many new volume snapshots end in `error`.
    pub fail_next_volume_snapshots: u32,
    /// The next this-many workflow runs do not happen at all (an OVH-side outage).
    pub skip_next_runs: u32,
    /// Put before a new workflow's name to make its `backupName`. OVH's rule is unconfirmed
    /// (Terraform documents the name being used when it is empty): worlds where the two differ
    /// prove the app follows `backupName`, not the name.
    pub backup_name_prefix: String,
    /// Answers reshaped as OVH really sends them (see [`crate::messy`]).
    pub messy: bool,
    /// The bulk mode (`X-Pagination-Mode`) ignored everywhere, as on every other list route:
    /// ids come back, and a client must fall back to reading them one by one.
    pub ignores_bulk_mode: bool,
    /// `/auth/currentCredential` answers a credential that is not (or no longer) approved with
    /// its state instead of OVH's `INVALID_CREDENTIAL` (reported by users of other clients):
    /// a client must read the state, not only the refusal.
    pub shows_unapproved_credentials: bool,
    seq: u64,
}

fn millis(secs: f64) -> chrono::Duration {
    chrono::Duration::milliseconds((secs * 1000.0) as i64)
}

impl World {
    /// An empty world for one account.
    pub fn new(account: &str) -> Self {
        Self {
            applications: HashMap::new(),
            credentials: HashMap::new(),
            service_accounts: HashMap::new(),
            tokens: HashMap::new(),
            token_lifetime_secs: 3599,
            projects: Vec::new(),
            account: account.to_string(),
            subsidiary: "FR".into(),
            pace: Pace::default(),
            fail_next_snapshots: 0,
            failing_instances: Vec::new(),
            fail_next_volume_snapshots: 0,
            skip_next_runs: 0,
            backup_name_prefix: String::new(),
            messy: false,
            ignores_bulk_mode: false,
            shows_unapproved_credentials: false,
            seq: 0,
        }
    }

    /// A fresh UUID-shaped id, deterministic within a world (so scenarios are reproducible).
    pub fn new_uuid(&mut self) -> String {
        self.seq += 1;
        let n = self.seq;
        let h = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        format!(
            "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
            (h >> 32) as u32,
            (h >> 16) as u16,
            (h & 0xfff) as u16,
            (n & 0xfff) as u16,
            n.wrapping_mul(0x2545_F491_4F6C_DD1D) & 0xffff_ffff_ffff
        )
    }

    pub fn project(&self, id: &str) -> Result<&Project, Refusal> {
        self.projects
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| Refusal::not_found("This service does not exist"))
    }

    pub fn project_mut(&mut self, id: &str) -> Result<&mut Project, Refusal> {
        self.projects
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| Refusal::not_found("This service does not exist"))
    }

    /// Runs every workflow occurrence due up to `now` and finishes ended tasks.
    pub fn advance(&mut self, now: DateTime<Utc>) {
        for pi in 0..self.projects.len() {
            for wi in 0..self.projects[pi].workflows.len() {
                let due = {
                    let wf = &self.projects[pi].workflows[wi];
                    if wf.next_run.is_some_and(|next| now < next) {
                        continue;
                    }
                    cron::occurrences(&wf.cron, wf.checked_until, now, 500)
                };
                for at in due {
                    self.run_workflow(pi, wi, at);
                }
                let wf = &mut self.projects[pi].workflows[wi];
                wf.checked_until = now;
                wf.next_run = cron::next_after(&wf.cron, now);
            }
            for inst in &mut self.projects[pi].instances {
                if let Some(b) = &inst.busy {
                    if now >= b.until {
                        inst.base_status = b.then;
                        inst.busy = None;
                    }
                }
            }
        }
    }

    fn run_workflow(&mut self, pi: usize, wi: usize, at: DateTime<Utc>) {
        let (wf_id, name, instance_id, max, runs) = {
            let wf = &self.projects[pi].workflows[wi];
            (
                wf.id.clone(),
                wf.backup_name.clone(),
                wf.instance_id.clone(),
                wf.max_execution_count,
                wf.executions.len(),
            )
        };
        if let Some(max) = max.filter(|m| *m > 0) {
            if runs as u32 >= max {
                return;
            }
        }
        if self.skip_next_runs > 0 {
            self.skip_next_runs -= 1;
            return;
        }
        let exec_id = self.new_uuid();
        let snapshot_name = format!("{name} {}", at.format("%Y-%m-%dT%H:%M:%SZ"));
        let outcome =
            self.start_snapshot(pi, &instance_id, &snapshot_name, at, Some(wf_id.clone()));
        let exec = match outcome {
            Ok(snapshot_id) => Execution {
                id: exec_id,
                executed_at: at,
                snapshot_id: Some(snapshot_id),
                fixed: None,
            },
            Err(refusal) => Execution {
                id: exec_id,
                executed_at: at,
                snapshot_id: None,
                fixed: Some(("ERROR", refusal.message)),
            },
        };
        let project = &mut self.projects[pi];
        project.workflows[wi].executions.push(exec);
        let rotation = project.workflows[wi].rotation as usize;
        let mut mine: Vec<(DateTime<Utc>, String)> = project
            .snapshots
            .iter()
            .filter(|s| s.workflow_id.as_deref() == Some(&wf_id) && s.status(at) != "error")
            .map(|s| (s.created, s.id.clone()))
            .collect();
        mine.sort();
        if mine.len() > rotation {
            let drop: Vec<String> = mine[..mine.len() - rotation]
                .iter()
                .map(|(_, id)| id.clone())
                .collect();
            project.snapshots.retain(|s| !drop.contains(&s.id));
        }
    }

    /// Starts a backup of an instance at `at`; returns the snapshot id.
    pub fn start_snapshot(
        &mut self,
        pi: usize,
        instance_id: &str,
        name: &str,
        at: DateTime<Utc>,
        workflow_id: Option<String>,
    ) -> Result<String, Refusal> {
        let project = &self.projects[pi];
        let inst = project
            .instance(instance_id)
            .ok_or_else(|| Refusal::not_found(format!("Instance {instance_id} not found")))?;
        let status = project.instance_status(inst, at);
        if status == "SNAPSHOTTING" {
            return Err(Refusal::conflict(format!(
                "Cannot 'createImage' instance {instance_id} while it is in task_state image_snapshot"
            )));
        }
        if !matches!(status, "ACTIVE" | "SHUTOFF" | "RESCUE") {
            return Err(Refusal::conflict(format!(
                "Cannot 'createImage' instance {instance_id} while it is in status {status}"
            )));
        }
        let flavor = project.flavor(&inst.flavor_id).cloned();
        let image = project
            .images
            .iter()
            .find(|i| i.id == inst.image_id)
            .cloned();
        let (region, used_gb, inst_name) = (inst.region.clone(), inst.used_gb, inst.name.clone());
        let fails = if self.fail_next_snapshots > 0 {
            self.fail_next_snapshots -= 1;
            true
        } else {
            self.failing_instances.contains(&inst_name)
        };
        let pace = self.pace.clone();
        let duration = (used_gb * pace.snapshot_secs_per_gb).max(pace.snapshot_min_secs);
        let id = self.new_uuid();
        let snapshot = Snapshot {
            id: id.clone(),
            name: name.to_string(),
            region,
            instance_id: instance_id.to_string(),
            created: at,
            queued_secs: (duration * 0.15).min(5.0),
            duration_secs: duration,
            size_gb: (used_gb * 100.0).round() / 100.0,
            min_disk: flavor.as_ref().map(|f| f.disk_gb).unwrap_or(10),
            fails,
            aborted: false,
            workflow_id,
            os_type: image
                .as_ref()
                .map(|i| i.os_type.clone())
                .unwrap_or_else(|| "linux".into()),
            user: image
                .as_ref()
                .map(|i| i.user.clone())
                .unwrap_or_else(|| "ubuntu".into()),
            flavor_type: flavor.map(|f| f.flavor_type),
            boots: true,
        };
        self.projects[pi].snapshots.push(snapshot);
        Ok(id)
    }

    /// Starts a snapshot of a volume at `at`. OVH's guide: a volume snapshot needs no
    /// detaching; Cinder refuses a volume that is itself busy (creating, deleting, in error).
    pub fn start_volume_snapshot(
        &mut self,
        pi: usize,
        volume_id: &str,
        name: &str,
        description: &str,
        at: DateTime<Utc>,
    ) -> Result<VolumeSnapshot, Refusal> {
        let volume = self.projects[pi]
            .volumes
            .iter()
            .find(|v| v.id == volume_id)
            .ok_or_else(|| Refusal::not_found(format!("Volume {volume_id} not found")))?
            .clone();
        let fails = if self.fail_next_volume_snapshots > 0 {
            self.fail_next_volume_snapshots -= 1;
            true
        } else {
            false
        };
        // A volume snapshot copies blocks inside the storage cluster: quicker than an
        // instance backup's upload, and so paced on the same knob at a tenth.
        let duration = (volume.size_gb as f64 * self.pace.snapshot_secs_per_gb / 10.0)
            .max(self.pace.snapshot_min_secs);
        let snapshot = VolumeSnapshot {
            id: self.new_uuid(),
            name: name.to_string(),
            description: description.to_string(),
            region: volume.region,
            volume_id: volume.id,
            size_gb: volume.size_gb,
            created: at,
            duration_secs: duration,
            fails,
        };
        self.projects[pi].volume_snapshots.push(snapshot.clone());
        Ok(snapshot)
    }

    /// Makes a volume from a snapshot (`POST /cloud/project/{p}/region/{r}/volume`): an
    /// operation whose `resourceId` is the new volume, `creating` until it completes. Cinder's
    /// rules: the snapshot in that region and available, a size no smaller than it.
    pub fn create_volume(
        &mut self,
        pi: usize,
        region: &str,
        new: crate::writes::NewVolume,
        now: DateTime<Utc>,
    ) -> Result<Operation, Refusal> {
        let project = &self.projects[pi];
        if project.region(region).is_none() {
            return Err(Refusal::not_found(format!("Region {region} not found")));
        }
        if new.name.trim().is_empty() || new.name.chars().count() > 255 {
            return Err(Refusal::bad_request(
                "Invalid name: must be 1 to 255 characters",
            ));
        }
        // `cloud.volume.VolumeTypeEnum`: a restored part keeps its original's type, encrypted
        // (`-luks`) ones included.
        if !matches!(
            new.volume_type.as_str(),
            "classic"
                | "classic-luks"
                | "classic-multiattach"
                | "high-speed"
                | "high-speed-luks"
                | "high-speed-gen2"
                | "high-speed-gen2-luks"
        ) {
            return Err(Refusal::bad_request(format!(
                "Invalid value for type: {}",
                new.volume_type
            )));
        }
        let Some(snapshot_id) = new.snapshot_id.as_deref() else {
            return Err(Refusal::bad_request(
                "The simulator only makes volumes from a snapshot",
            ));
        };
        let snap = project
            .volume_snapshots
            .iter()
            .find(|s| s.id == snapshot_id && s.region == region)
            .ok_or_else(|| Refusal::not_found(format!("Snapshot {snapshot_id} not found")))?;
        if snap.status(now) != "available" {
            return Err(Refusal::bad_request(
                "Invalid snapshot: Originating snapshot status must be one of 'available' values",
            ));
        }
        if new.size < snap.size_gb {
            return Err(Refusal::bad_request(format!(
                "Invalid input received: Volume size '{}'GB cannot be smaller than the snapshot size {}GB",
                new.size, snap.size_gb
            )));
        }
        let ready =
            now + millis((new.size as f64 * self.pace.snapshot_secs_per_gb / 20.0).max(5.0));
        let (volume_id, op_id) = (self.new_uuid(), self.new_uuid());
        let project = &mut self.projects[pi];
        project.volumes.push(Volume {
            id: volume_id.clone(),
            name: new.name,
            region: region.to_string(),
            size_gb: new.size,
            volume_type: new.volume_type,
            attached_to: Vec::new(),
            bootable: false,
            created: now,
            ready_at: ready,
            detached_at: None,
        });
        let op = Operation {
            id: op_id,
            action: "ablockstorage.CreateVolume".into(),
            region: region.into(),
            resource_id: Some(volume_id),
            created: now,
            completed: ready,
        };
        project.operations.push(op.clone());
        Ok(op)
    }

    /// Attaches an available volume to an instance of its region.
    pub fn attach_volume(
        &mut self,
        pi: usize,
        volume_id: &str,
        instance_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Volume, Refusal> {
        let project = &self.projects[pi];
        let inst = project
            .instance(instance_id)
            .ok_or_else(|| Refusal::not_found(format!("Instance {instance_id} not found")))?;
        let region = inst.region.clone();
        let volume = project
            .volumes
            .iter()
            .find(|v| v.id == volume_id)
            .ok_or_else(|| Refusal::not_found(format!("Volume {volume_id} not found")))?;
        if volume.region != region {
            return Err(Refusal::bad_request(format!(
                "Volume {volume_id} and instance {instance_id} are not in the same region"
            )));
        }
        if volume.status(now) != "available" {
            return Err(Refusal::bad_request(format!(
                "Invalid volume: volume {volume_id} status must be 'available', not '{}'",
                volume.status(now)
            )));
        }
        let project = &mut self.projects[pi];
        let volume = project
            .volumes
            .iter_mut()
            .find(|v| v.id == volume_id)
            .expect("found above");
        volume.attached_to = vec![instance_id.to_string()];
        Ok(volume.clone())
    }

    /// Detaches a volume from the instance it is attached to: `detaching` for a few seconds,
    /// then `available`. A volume not attached to that instance, or busy, is refused; a boot
    /// disk cannot be detached.
    pub fn detach_volume(
        &mut self,
        pi: usize,
        volume_id: &str,
        instance_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Volume, Refusal> {
        let project = &mut self.projects[pi];
        if project.instance(instance_id).is_none() {
            return Err(Refusal::not_found(format!(
                "Instance {instance_id} not found"
            )));
        }
        let volume = project
            .volumes
            .iter_mut()
            .find(|v| v.id == volume_id)
            .ok_or_else(|| Refusal::not_found(format!("Volume {volume_id} not found")))?;
        if !volume.attached_to.iter().any(|i| i == instance_id) {
            return Err(Refusal::bad_request(format!(
                "Volume {volume_id} is not attached to instance {instance_id}"
            )));
        }
        if volume.bootable {
            return Err(Refusal::bad_request(format!(
                "Volume {volume_id} is the boot disk of instance {instance_id}"
            )));
        }
        if volume.status(now) != "in-use" {
            return Err(Refusal::bad_request(format!(
                "Invalid volume: volume {volume_id} status must be 'in-use', not '{}'",
                volume.status(now)
            )));
        }
        volume.attached_to.clear();
        volume.detached_at = Some(now + chrono::Duration::seconds(DETACH_SECS));
        Ok(volume.clone())
    }

    /// Deletes a volume snapshot unless it is still being made (Cinder: "must be available or
    /// error").
    pub fn delete_volume_snapshot(
        &mut self,
        pi: usize,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let project = &self.projects[pi];
        let snap = project
            .volume_snapshots
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Refusal::not_found(format!("Snapshot {id} not found")))?;
        if snap.status(now) == "creating" {
            return Err(Refusal::bad_request(format!(
                "Invalid snapshot: Snapshot {id} status must be available or error"
            )));
        }
        self.projects[pi].volume_snapshots.retain(|s| s.id != id);
        Ok(())
    }

    /// The index of a project, for the mutating calls.
    pub fn project_index(&self, id: &str) -> Result<usize, Refusal> {
        self.projects
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| Refusal::not_found("This service does not exist"))
    }

    /// Deletes a backup unless a running instance was spawned from it.
    pub fn delete_snapshot(
        &mut self,
        pi: usize,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Snapshot, Refusal> {
        let project = &self.projects[pi];
        let snap = project
            .snapshots
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Refusal::not_found(format!("Snapshot {id} not found")))?;
        let users = project.instances_using(id, now);
        if !users.is_empty() {
            let names: Vec<&str> = users.iter().map(|i| i.name.as_str()).collect();
            return Err(Refusal::bad_request(format!(
                "Image {id} is in use by running instance(s): {}",
                names.join(", ")
            )));
        }
        if snap.in_progress(now) {
            return Err(Refusal::conflict(format!(
                "Image {id} is still being saved"
            )));
        }
        let removed = snap.clone();
        self.projects[pi].snapshots.retain(|s| s.id != id);
        Ok(removed)
    }

    /// Aborts an instance's in-progress backup; the snapshot ends in `error`.
    pub fn abort_snapshot(
        &mut self,
        pi: usize,
        region: &str,
        instance_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Operation, Refusal> {
        let op_id = self.new_uuid();
        let project = &mut self.projects[pi];
        let inst = project
            .instances
            .iter()
            .find(|i| i.id == instance_id && i.region == region)
            .ok_or_else(|| {
                Refusal::not_found(format!(
                    "Instance {instance_id} not found in region {region}"
                ))
            })?;
        let inst_id = inst.id.clone();
        let snap = project
            .snapshots
            .iter_mut()
            .find(|s| s.instance_id == inst_id && s.in_progress(now))
            .ok_or_else(|| {
                Refusal::bad_request(format!(
                    "Instance {instance_id} has no snapshot in progress"
                ))
            })?;
        snap.aborted = true;
        let op = Operation {
            id: op_id,
            action: "instance#abortSnapshot".into(),
            region: region.into(),
            resource_id: Some(instance_id.into()),
            created: now,
            completed: now,
        };
        project.operations.push(op.clone());
        Ok(op)
    }
}
