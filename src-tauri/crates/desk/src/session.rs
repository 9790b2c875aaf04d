//! A signed-in session: the connection, the backup tracker and the caches, with one method per
//! thing the window can ask. The app's commands are thin calls into this.
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use ts_rs::TS;

use chrono::{DateTime, Local, Utc};
use serde::Serialize;

use crate::automatic::{self, AutoForm, Choice, Covered, Outcome, Preview};
use crate::backups::{self, BackupRow, Created, InFlight, Refusal};
use crate::connection::{Connection, Mode};
use crate::inventory::{self, InstanceRow, ProjectSummary};
use crate::journal::{Journal, Kind, Tracked};
use crate::lists::{Age, Freshness, Lists};
use crate::pricing::{Price, PriceCountry, Prices};
use crate::records::{Made, Record, Records};
use crate::rehearsal::{self, Plan, Rehearsals};
use crate::restore::{self, InPlace, NewInstance, RestoreOptions};
use crate::restore_tests::{LatestBackup, Monthly, RehearsalForm, Tester};
use crate::schedule;
use crate::tracker::{self, Pace, TrackerHandle};
use crate::vault::Vault;
use crate::watcher::{self, Memory, WatcherHandle};
use crate::workflows::{self, WorkflowRow};
use crate::{Error, Result, Why};
use ovh::types::SnapshotStatus;

/// What the "Create a backup" form needs to show before Confirm.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupForm {
    pub instance_id: String,
    pub instance_name: String,
    pub region: String,
    /// The moment the form's default name is made from (the connection's clock), which the
    /// window words in the user's language: "api-gateway – 30 Nov, 08:32".
    pub named_at: DateTime<Utc>,
    pub disk_gb: Option<u64>,
    pub price: Option<Price>,
    /// Disk size × price per GB per month: an upper bound, the backup holds only used data.
    pub estimate_monthly: Option<f64>,
    pub metal: bool,
    pub iops: bool,
    /// A backup of this instance is already in progress or being requested.
    pub busy: bool,
    /// The project's name when OVH reports it suspended (said, nothing refused on its account).
    pub suspended_project: Option<String>,
    /// How OVH reports the instance's region, when not plainly up (said, nothing refused).
    pub region_state: Option<RegionState>,
    /// The instance's additional volumes, offered ticked: each gets its part of the set.
    pub volumes: Vec<crate::volumes::VolumeChoice>,
    /// The volumes could not be listed: the dialog says the backup covers the instance only.
    pub volumes_unknown: bool,
    /// Volume snapshot storage per GB per month, when the catalog and region say it.
    pub volume_price: Option<Price>,
}

/// A region OVH reports not plainly up (`cloud.Region.status`, or its `instance` service).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RegionState {
    Maintenance,
    Down,
}

impl RegionState {
    /// The region's state as OVH reports it; `None` when up, or when the words are unknown.
    pub fn of(region: &ovh::types::Region) -> Option<Self> {
        let instance_down = region
            .services
            .iter()
            .any(|s| s.name == "instance" && s.status.eq_ignore_ascii_case("DOWN"));
        match region.status.to_ascii_uppercase().as_str() {
            "MAINTENANCE" => Some(Self::Maintenance),
            "DOWN" => Some(Self::Down),
            _ if instance_down => Some(Self::Down),
            _ => None,
        }
    }
}

/// Instance Backup rows plus what the tracker knows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub rows: Vec<BackupRow>,
    /// Per region; a region without a price is absent ("price not available").
    pub prices: BTreeMap<String, Price>,
    /// The newest restore test of each backup tested.
    pub rehearsals: BTreeMap<String, crate::rehearsal::Rehearsed>,
    /// Volume snapshot prices, for the regions of backup sets; absent: "price not available".
    pub volume_prices: BTreeMap<String, Price>,
}

/// The answer to one delete in a batch.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeleteOutcome {
    pub id: String,
    pub deleted: bool,
    /// Why it was not deleted.
    pub refusal: Option<Refusal>,
}

/// A backup a workflow's deletion would delete.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlannedBackup {
    pub id: String,
    pub name: String,
    pub created_at: Option<DateTime<Utc>>,
    pub size_gb: f64,
    /// What it costs a month, when the region's price is known.
    pub monthly: Option<f64>,
}

/// One workflow and the backups it appears to have made.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkflowBackups {
    pub workflow_id: String,
    pub workflow_name: String,
    pub region: String,
    /// The name its backups start with (OVH's `backupName`, else the workflow's name).
    pub backup_name: String,
    pub currency: Option<String>,
    pub backups: Vec<PlannedBackup>,
}

/// A backup still billed after a deletion, and why it is still there (`None`: not chosen).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Kept {
    pub name: String,
    pub size_gb: Option<f64>,
    /// Why it was kept although chosen; `None` when it was not chosen.
    pub refusal: Option<Refusal>,
}

/// A workflow that could not be deleted.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotDeleted {
    pub workflow: String,
    /// OVH's refusal.
    pub said: crate::Said,
}

/// What deleting workflows did.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeletionReport {
    pub workflows_deleted: Vec<String>,
    pub backups_deleted: Vec<String>,
    pub kept: Vec<Kept>,
    pub problems: Vec<NotDeleted>,
}

/// How a session opens.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the journal and the record of notified runs live (in a `demo` or `account`
    /// subfolder, so the demo's backups are never looked for in a real account); memory only
    /// when `None`.
    pub data_dir: Option<PathBuf>,
    /// The demo cloud's loopback port (0 for any), so tests can reach its `/_sim` controls.
    pub demo_port: u16,
}

/// How often the background tasks poll.
#[derive(Debug, Clone, Copy)]
pub struct Paces {
    pub tracker: Pace,
    pub watcher: watcher::Pace,
    pub rehearsal: rehearsal::Pace,
    /// How often due monthly restore tests are looked for.
    pub rehearsal_schedule: std::time::Duration,
}

impl Default for Paces {
    fn default() -> Self {
        Self {
            tracker: Pace::default(),
            watcher: watcher::Pace::default(),
            rehearsal: rehearsal::Pace::default(),
            rehearsal_schedule: std::time::Duration::from_secs(60),
        }
    }
}

/// What the background tasks report, for notifications and screens.
#[derive(Debug, Clone)]
pub enum Notice {
    /// From the backup and restore tracker.
    Backup(tracker::Event),
    /// From the workflow watcher.
    Schedule(watcher::Event),
    /// From restore rehearsals.
    Rehearsal(rehearsal::Event),
}

/// An open session.
pub struct Session {
    conn: Connection,
    tracker: TrackerHandle,
    watcher: WatcherHandle,
    in_flight: InFlight,
    /// Volume snapshots this session asked for (a lost answer never takes an earlier one).
    volume_started: crate::volumes::Started,
    /// The account's country, catalogs and availability: what backups cost.
    prices: Arc<Prices>,
    /// Every list read from OVH, shared with the tracker and the watcher.
    lists: Lists,
    /// The backups the app made: the only fact linking a backup to its instance.
    records: Arc<Records>,
    tester: Tester,
    /// Stops the restore tests and their monthly schedule with the session.
    _rehearsals: tokio_util::sync::DropGuard,
}

impl Session {
    /// Opens the stored account (or the demo cloud) and starts the tracker, which resumes what
    /// `journal` holds and reports to `sink`.
    pub async fn open(
        vault: &Vault,
        options: Options,
        sink: impl Fn(Notice) + Send + Sync + 'static,
    ) -> Result<Self> {
        let Options {
            data_dir,
            demo_port,
        } = options;
        let conn = Connection::open(vault, demo_port).await?;
        Ok(Self::start(conn, data_dir, Paces::default(), sink))
    }

    /// A session on an open connection, its background tasks at `paces` (benchmarks and fault
    /// tests use this with a simulator).
    pub fn start(
        conn: Connection,
        data_dir: Option<PathBuf>,
        paces: Paces,
        sink: impl Fn(Notice) + Send + Sync + 'static,
    ) -> Self {
        let data_dir = data_dir.map(|d| d.join(Self::data_subdir(conn.mode == Mode::Demo)));
        let (journal, memory) = match &data_dir {
            Some(dir) => (Journal::in_dir(dir), Memory::in_dir(dir)),
            None => (Journal::none(), Memory::none()),
        };
        let prices = Arc::new(Prices::new(conn.client.clone(), data_dir.clone()));
        let records = Arc::new(Records::in_dir(data_dir.clone()));
        let lists = Lists::new(conn.client.clone(), Freshness::default());
        let sink = Arc::new(sink);
        let to_tracker = sink.clone();
        let to_rehearsals = sink.clone();
        let (rehearsals, stop_rehearsals) = Rehearsals::new(
            data_dir.as_deref(),
            conn.demo_port(),
            paces.rehearsal,
            move |e| to_rehearsals(Notice::Rehearsal(e)),
        );
        // What a rehearsal left when the app last quit or crashed goes first.
        rehearsals.clean_up(conn.client.clone());
        let tester = Tester::new(
            conn.client.clone(),
            lists.clone(),
            records.clone(),
            prices.clone(),
            conn.clock.clone(),
            conn.account.clone(),
            rehearsals,
            data_dir.as_deref(),
        );
        tester.spawn_monthly(paces.rehearsal_schedule, schedule::local_zone());
        let ended = lists.clone();
        let tracker = tracker::spawn(
            lists.clone(),
            journal,
            paces.tracker,
            conn.clock.clone(),
            move |e| {
                // The instance's own state moved with the end (SNAPSHOTTING → ACTIVE).
                for project in e.ended_projects() {
                    ended.instances_changed(project);
                }
                to_tracker(Notice::Backup(e))
            },
        );
        let watcher = watcher::spawn(
            lists.clone(),
            memory,
            paces.watcher,
            conn.clock.clone(),
            move |e| sink(Notice::Schedule(e)),
        );
        Self {
            conn,
            tracker,
            watcher,
            in_flight: InFlight::default(),
            volume_started: Default::default(),
            lists,
            prices,
            records,
            tester,
            _rehearsals: stop_rehearsals,
        }
    }

    /// The instance a backup was taken of, when the app knows it as a fact: its record, or the
    /// tracker's entry (journals from before records existed).
    fn known(&self) -> impl Fn(&str) -> Option<String> + Sync + '_ {
        move |id| {
            self.records
                .get(id)
                .map(|r| r.instance_id)
                .or_else(|| self.tracker.instance_of(id))
        }
    }

    fn record(&self, project_id: &str, item: &Tracked, made: Made) {
        self.records.add(Record {
            project_id: project_id.to_string(),
            snapshot_id: item.snapshot_id.clone(),
            instance_id: item.instance_id.clone(),
            region: item.region.clone(),
            made,
            at: item.started_at,
            parts: item.parts.clone(),
        });
    }

    /// The shared lists (benchmarks start them cold).
    pub fn lists(&self) -> &Lists {
        &self.lists
    }

    /// The API client (request counts for budgets and benchmarks).
    pub fn client(&self) -> &ovh::Client {
        &self.conn.client
    }

    /// The data folder of the demo or of the account, under the app's data directory.
    pub fn data_subdir(demo: bool) -> &'static str {
        if demo {
            "demo"
        } else {
            "account"
        }
    }

    /// The account's OVHcloud Control Panel, `None` in demo mode or on a custom endpoint.
    pub fn control_panel_url(&self) -> Option<&'static str> {
        self.account()?.endpoint().control_panel_url()
    }

    /// The stored account, `None` in demo mode.
    pub fn account(&self) -> Option<&crate::account::Account> {
        self.conn.account.as_ref()
    }

    /// Who is connected and what they may do.
    pub async fn account_info(&self) -> Result<Option<crate::account::AccountInfo>> {
        match &self.conn.account {
            Some(a) => Ok(Some(crate::account::describe(a, &self.conn.client).await?)),
            None => Ok(None),
        }
    }

    /// Whether OVH refused the credentials on the last authenticated call (background work
    /// is paused until a call succeeds again).
    pub fn auth_refused(&self) -> bool {
        self.conn.client.auth_refused()
    }

    /// The connection's "now" (the demo cloud's own clock in demo mode).
    pub fn now(&self) -> DateTime<Utc> {
        (self.conn.clock)()
    }

    /// Whether a backup is being requested right now (its answer not yet in).
    pub fn creating_now(&self) -> bool {
        self.in_flight.any()
    }

    /// Whether this is the built-in demo cloud.
    pub fn is_demo(&self) -> bool {
        self.conn.mode == Mode::Demo
    }

    /// The API endpoint's name.
    pub fn endpoint_name(&self) -> String {
        self.conn.client.endpoint().name().to_string()
    }

    /// The demo simulator's control URL, when in demo mode.
    pub fn demo_control_url(&self) -> Option<&str> {
        self.conn.demo_control_url()
    }

    pub async fn projects(&self) -> Result<Vec<ProjectSummary>> {
        Ok(self.lists.projects(Age::Usual).await?.as_ref().clone())
    }

    pub async fn instances(&self, project_id: &str) -> Result<Vec<InstanceRow>> {
        let (instances, flavors) = tokio::try_join!(
            self.lists.instances(project_id, Age::Usual),
            self.lists.flavors(project_id, Age::Usual)
        )?;
        Ok(inventory::rows(&instances, &flavors))
    }

    /// Everything is read again on the next look (the window's refresh control).
    pub fn refresh(&self) {
        self.lists.forget();
        self.watcher.refresh_now();
    }

    async fn price(&self, project_id: &str, region: &str) -> Option<Price> {
        self.prices.price(project_id, region).await
    }

    /// "Check my account": every route the app reads, read once, and a report without values.
    pub async fn check_account(&self) -> crate::check::Report {
        crate::check::run(&self.conn.client).await
    }

    /// How many list records OVH sent that could not be read (skipped, the rest shown).
    pub fn unreadable_count(&self) -> u64 {
        self.conn.client.unreadable().iter().map(|(_, n)| n).sum()
    }

    /// The country backup prices come from, and the choices when OVH does not say.
    pub async fn price_country(&self) -> PriceCountry {
        self.prices.country().await
    }

    /// Sets the country backup prices come from (keys that do not grant `GET /me`).
    pub fn choose_price_country(&self, subsidiary: &str) -> Result<()> {
        self.prices.choose(subsidiary)
    }

    /// The form's content for one instance.
    pub async fn backup_form(&self, project_id: &str, instance_id: &str) -> Result<BackupForm> {
        let row = self
            .instances(project_id)
            .await?
            .into_iter()
            .find(|r| r.id == instance_id)
            .ok_or(Error::Invalid(Why::InstanceGone))?;
        let price = self.price(project_id, &row.region).await;
        let busy =
            row.status == "SNAPSHOTTING" || self.in_flight.is_creating(project_id, instance_id);
        // The window listed the projects already; a failure here only leaves the advice out.
        let suspended_project = self.projects().await.ok().and_then(|ps| {
            ps.into_iter()
                .find(|p| p.id == project_id && p.suspended)
                .map(|p| p.name)
        });
        let region_state = self
            .lists
            .regions(project_id, Age::Usual)
            .await
            .ok()
            .and_then(|rs| {
                rs.iter()
                    .find(|r| r.name == row.region)
                    .and_then(RegionState::of)
            });
        let volume_price = self.prices.volume_price(project_id, &row.region).await;
        let (volumes, volumes_unknown) = match self
            .conn
            .client
            .volumes(project_id, Some(&row.region))
            .await
        {
            Ok(list) => (
                crate::volumes::choices(&list, &row.id, volume_price.as_ref()),
                false,
            ),
            Err(e) => {
                tracing::warn!("cannot list the volumes of {project_id}: {e}");
                (Vec::new(), true)
            }
        };
        Ok(BackupForm {
            volumes,
            volumes_unknown,
            volume_price,
            named_at: self.now(),
            estimate_monthly: price
                .as_ref()
                .zip(row.disk_gb)
                .map(|(p, gb)| p.monthly(gb as f64)),
            instance_id: row.id,
            instance_name: row.name,
            region: row.region,
            disk_gb: row.disk_gb,
            price,
            metal: row.metal,
            iops: row.iops,
            busy,
            suspended_project,
            region_state,
        })
    }

    /// Starts a backup and tracks it to its end. Metal instances need `metal_acknowledged`: the
    /// instance goes to rescue mode and is unavailable meanwhile.
    pub async fn create_backup(
        &self,
        project_id: &str,
        instance_id: &str,
        name: &str,
        metal_acknowledged: bool,
        volume_ids: &[String],
    ) -> Result<Created> {
        let instance = self.conn.client.instance(project_id, instance_id).await?;
        let metal = instance.flavor.as_ref().is_some_and(|f| f.is_metal());
        if metal && !metal_acknowledged {
            return Err(Error::Invalid(Why::ConfirmColdSnapshot));
        }
        // The ticked volumes, checked against OVH's list before anything is made.
        let volumes = if volume_ids.is_empty() {
            Vec::new()
        } else {
            let listed = self
                .conn
                .client
                .volumes(project_id, Some(&instance.region))
                .await?;
            let offered = crate::volumes::choices(&listed, &instance.id, None);
            let mut chosen = Vec::with_capacity(volume_ids.len());
            for id in volume_ids {
                match offered.iter().find(|v| &v.id == id) {
                    Some(v) if !chosen.contains(v) => chosen.push(v.clone()),
                    Some(_) => {}
                    None => return Err(Error::Invalid(Why::VolumeNotAttached)),
                }
            }
            chosen
        };
        let stem = backups::validate_name(name)?;
        // One hold for the whole set: a double click or a second window waits for all of it.
        let _held = self.in_flight.begin(project_id, &instance.id)?;
        let created = backups::create_held(
            &self.conn.client,
            &self.in_flight,
            project_id,
            &instance,
            &stem,
        )
        .await?;
        self.lists.backups_changed(project_id);
        let mut parts = Vec::with_capacity(volumes.len());
        for volume in &volumes {
            parts.push(
                crate::volumes::start_part(
                    &self.conn.client,
                    &self.volume_started,
                    project_id,
                    volume,
                    &instance.region,
                    &stem,
                )
                .await,
            );
        }
        let item = Tracked {
            kind: Kind::Backup,
            project_id: project_id.to_string(),
            snapshot_id: created.snapshot_id.clone(),
            name: stem,
            instance_id: instance.id.clone(),
            instance_name: instance.name.clone(),
            region: instance.region.clone(),
            started_at: self.now(),
            parts,
        };
        self.record(project_id, &item, Made::Manual);
        self.tracker.track(item);
        Ok(created)
    }

    /// Every backup of a project.
    pub async fn backups(&self, project_id: &str) -> Result<BackupList> {
        let (snapshots, instances, workflows) = tokio::join!(
            self.lists.snapshots(project_id, Age::Usual),
            self.lists.instances(project_id, Age::Usual),
            self.project_workflows(project_id)
        );
        // Without workflows, backups made by them are still hinted by instance name.
        let rows = backups::rows(
            snapshots?.as_ref().clone(),
            &instances?,
            &workflows.unwrap_or_default(),
            &self.known(),
        );
        let mut prices = BTreeMap::new();
        for region in rows
            .iter()
            .map(|r| r.region.as_str())
            .collect::<BTreeSet<_>>()
        {
            if let Some(p) = self.price(project_id, region).await {
                prices.insert(region.to_string(), p);
            }
        }
        let rehearsals = self
            .tester
            .rehearsals
            .results()
            .newest_by(|r| (r.project_id == project_id).then(|| r.backup_id.clone()));
        let mut rows = rows;
        self.add_parts(project_id, &mut rows).await;
        let mut volume_prices = BTreeMap::new();
        for region in rows
            .iter()
            .filter(|r| !r.parts.is_empty())
            .map(|r| r.region.as_str())
            .collect::<BTreeSet<_>>()
        {
            if let Some(p) = self.prices.volume_price(project_id, region).await {
                volume_prices.insert(region.to_string(), p);
            }
        }
        Ok(BackupList {
            volume_prices,
            rows,
            prices,
            rehearsals,
        })
    }

    /// Deletes backups, each one checked first.
    pub async fn delete_backups(
        &self,
        project_id: &str,
        ids: &[String],
    ) -> Result<Vec<DeleteOutcome>> {
        let outcome = self.delete_sets(project_id, ids).await;
        self.lists.backups_changed(project_id);
        let outcome = outcome?;
        let gone: Vec<String> = outcome
            .iter()
            .filter(|(_, r)| r.is_ok())
            .map(|(id, _)| id.clone())
            .collect();
        self.records.remove(&gone);
        Ok(outcome
            .into_iter()
            .map(|(id, r)| DeleteOutcome {
                id,
                deleted: r.is_ok(),
                refusal: r.err(),
            })
            .collect())
    }

    /// Shows each set's volume parts under its instance backup (one volume snapshot read,
    /// only when the project has sets); a set with a part still being made cannot be deleted.
    async fn add_parts(&self, project_id: &str, rows: &mut [BackupRow]) {
        let sets = self.records.sets(project_id);
        if !rows
            .iter()
            .any(|r| sets.iter().any(|s| s.snapshot_id == r.id))
        {
            return;
        }
        let listed = match self.conn.client.volume_snapshots(project_id, None).await {
            Ok(listed) => listed,
            Err(e) => {
                // Parts then show without a status; none is deleted on that account.
                tracing::warn!("cannot list the volume snapshots of {project_id}: {e}");
                Vec::new()
            }
        };
        for row in rows.iter_mut() {
            let Some(set) = sets.iter().find(|s| s.snapshot_id == row.id) else {
                continue;
            };
            row.parts = crate::volumes::part_rows(&set.parts, &listed);
            if row.refusal.is_none()
                && row
                    .parts
                    .iter()
                    .any(|p| p.status == Some(SnapshotStatus::InProgress))
            {
                row.refusal = Some(Refusal::NotAvailable);
            }
        }
    }

    /// Deletes backups; a set's volume parts go first, and only once its instance backup is
    /// known deletable, so a refused set keeps every part. A part that cannot be deleted keeps
    /// the set's instance backup too (the set stays whole enough to be seen and tried again).
    async fn delete_sets(
        &self,
        project_id: &str,
        ids: &[String],
    ) -> Result<Vec<(String, std::result::Result<(), Refusal>)>> {
        let sets = self.records.sets(project_id);
        let client = &self.conn.client;
        let checked = backups::refusals(client, project_id, ids).await?;
        let listed = if checked
            .iter()
            .any(|(id, _)| sets.iter().any(|s| &s.snapshot_id == id))
        {
            client.volume_snapshots(project_id, None).await?
        } else {
            Vec::new()
        };
        let mut outcome = Vec::with_capacity(ids.len());
        for (id, refused) in checked {
            if let Some(refused) = refused {
                outcome.push((id, Err(refused)));
                continue;
            }
            if let Some(set) = sets.iter().find(|s| s.snapshot_id == id) {
                if let Err(refused) = self.delete_parts(project_id, set, &listed).await {
                    outcome.push((id, Err(refused)));
                    continue;
                }
            }
            let result = backups::delete_one(client, project_id, &id).await;
            outcome.push((id, result));
        }
        Ok(outcome)
    }

    /// Deletes a set's listed parts (one confirmation covered them all); parts no longer
    /// listed were deleted elsewhere.
    async fn delete_parts(
        &self,
        project_id: &str,
        set: &Record,
        listed: &[ovh::types::VolumeSnapshot],
    ) -> std::result::Result<(), Refusal> {
        let rows = crate::volumes::part_rows(&set.parts, listed);
        if rows
            .iter()
            .any(|p| p.status == Some(SnapshotStatus::InProgress))
        {
            return Err(Refusal::NotAvailable);
        }
        let mut deleted = Vec::new();
        let mut result = Ok(());
        for id in rows.iter().filter_map(|p| p.id.as_ref()) {
            match self
                .conn
                .client
                .delete_volume_snapshot(project_id, id)
                .await
            {
                Ok(()) => deleted.push(id.clone()),
                Err(e) => {
                    result = Err(Refusal::Failed {
                        said: Error::from(e).said(),
                    });
                    break;
                }
            }
        }
        self.records.drop_parts(&set.snapshot_id, &deleted);
        result
    }

    /// Restores one volume part of a set as a new volume made from its snapshot, attached to
    /// `instance_id` (in the snapshot's region) once OVH has made it. Nothing is overwritten:
    /// in place (`in_place` is the volume's name as the user typed it), the volume the part was
    /// taken from is detached from that instance to make room, and kept. Followed to its end,
    /// and told, like an instance restore.
    pub async fn restore_part(
        &self,
        project_id: &str,
        set_id: &str,
        part_id: &str,
        instance_id: &str,
        in_place: Option<&str>,
    ) -> Result<()> {
        let set = self
            .records
            .get(set_id)
            .filter(|r| r.project_id == project_id)
            .ok_or(Error::Invalid(Why::PartGone))?;
        let part = set
            .parts
            .iter()
            .find(|p| p.snapshot_id.as_deref() == Some(part_id))
            .ok_or(Error::Invalid(Why::PartGone))?;
        // One restore of a part at a time: a double click or a second window adds nothing,
        // while it is asked for (the hold) or followed (the tracker).
        let _held = self
            .in_flight
            .begin(project_id, &format!("volume-part:{part_id}"))
            .map_err(|_| Error::Invalid(Why::PartRestoring))?;
        if self.tracker.tracked().iter().any(|t| {
            matches!(t.kind, Kind::VolumeRestore { .. })
                && t.project_id == project_id
                && t.snapshot_id == part_id
        }) {
            return Err(Error::Invalid(Why::PartRestoring));
        }
        let client = &self.conn.client;
        let (snapshots, instance, volumes) = tokio::try_join!(
            client.volume_snapshots(project_id, None),
            client.instance(project_id, instance_id),
            client.volumes(project_id, None)
        )?;
        let snapshot = snapshots
            .iter()
            .find(|s| s.id == part_id)
            .ok_or(Error::Invalid(Why::PartGone))?;
        if snapshot.snapshot_status() != SnapshotStatus::Active {
            return Err(Error::Invalid(Why::PartNotReady));
        }
        if snapshot.region != instance.region {
            return Err(Error::Invalid(Why::OtherRegion {
                backup: snapshot.region.clone(),
                instance: instance.region.clone(),
            }));
        }
        let replaces = match in_place {
            None => None,
            Some(typed) => {
                let current = volumes
                    .iter()
                    .find(|v| v.id == part.volume_id && v.is_additional_disk_of(&instance.id))
                    .ok_or(Error::Invalid(Why::VolumeNotAttached))?;
                if typed.trim() != current.name {
                    return Err(Error::Invalid(Why::TypeVolumeName {
                        name: current.name.clone(),
                    }));
                }
                Some(crate::journal::Replaced {
                    id: current.id.clone(),
                    name: current.name.clone(),
                    detach_asked_at: None,
                })
            }
        };
        // The volume's own type when it still exists; OVH's default type otherwise.
        let volume_type = volumes
            .iter()
            .find(|v| v.id == part.volume_id)
            .map(|v| v.volume_type.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "classic".to_string());
        let at = self.now();
        let name = crate::volumes::part_name(
            &part.volume_name,
            &format!("restored {}", at.format("%Y-%m-%d %H:%M")),
        );
        let item = Tracked {
            kind: Kind::VolumeRestore {
                volume_id: None,
                attach_asked: false,
                replaces,
            },
            project_id: project_id.to_string(),
            snapshot_id: part_id.to_string(),
            name: name.clone(),
            instance_id: instance.id.clone(),
            instance_name: instance.name.clone(),
            region: instance.region.clone(),
            started_at: at,
            parts: Vec::new(),
        };
        let body = ovh::types::VolumeCreation {
            name: &name,
            size: snapshot.size.max(part.size_gb),
            volume_type: &volume_type,
            snapshot_id: part_id,
        };
        match client
            .create_volume(project_id, &snapshot.region, &body)
            .await
        {
            Ok(_) => {}
            // The volume may exist: the tracker looks for it by its exact name, and never asks
            // again.
            Err(e) if e.outcome_unknown() => {
                tracing::warn!("volume creation outcome unknown, following it by name: {e}")
            }
            Err(e) => return Err(e.into()),
        }
        self.tracker.track(item);
        Ok(())
    }

    /// Deletes one volume part of a set alone (the set keeps its other parts).
    pub async fn delete_part(&self, project_id: &str, set_id: &str, part_id: &str) -> Result<()> {
        let set = self
            .records
            .get(set_id)
            .filter(|r| {
                r.project_id == project_id
                    && r.parts
                        .iter()
                        .any(|p| p.snapshot_id.as_deref() == Some(part_id))
            })
            .ok_or(Error::Invalid(Why::PartGone))?;
        let listed = self.conn.client.volume_snapshots(project_id, None).await?;
        let found = listed.iter().find(|s| s.id == part_id);
        match found.map(|s| s.snapshot_status()) {
            None => {}
            Some(SnapshotStatus::InProgress) => return Err(Error::Invalid(Why::PartNotReady)),
            Some(_) => {
                self.conn
                    .client
                    .delete_volume_snapshot(project_id, part_id)
                    .await?
            }
        }
        self.records
            .drop_parts(&set.snapshot_id, &[part_id.to_string()]);
        Ok(())
    }

    /// Cancels an in-progress backup of an instance.
    pub async fn cancel_backup(
        &self,
        project_id: &str,
        region: &str,
        instance_id: &str,
    ) -> Result<()> {
        let r = self
            .conn
            .client
            .abort_snapshot(project_id, region, instance_id)
            .await;
        self.lists.backups_changed(project_id);
        r?;
        Ok(())
    }

    /// What a backup can be restored onto.
    pub async fn restore_options(
        &self,
        project_id: &str,
        backup_id: &str,
    ) -> Result<RestoreOptions> {
        let catalog = self.prices.catalog().await;
        let opts = restore::options(
            &self.conn.client,
            project_id,
            backup_id,
            &self.known(),
            catalog.as_deref(),
        )
        .await?;
        // The original model, from the instance list the screens read (no request while it is
        // fresh); without it the user picks one, as no model is proposed.
        let original = match &opts.instance_id {
            Some(id) => self
                .lists
                .instances(project_id, Age::Usual)
                .await
                .ok()
                .and_then(|list| {
                    list.iter()
                        .find(|i| i.id == *id)?
                        .flavor_ref()
                        .map(str::to_string)
                }),
            None => None,
        };
        Ok(opts.with_original(original.as_deref()))
    }

    /// Restores a backup in place (after a safety backup when `safety`), tracked to the end.
    pub async fn restore_in_place(
        &self,
        project_id: &str,
        backup_id: &str,
        instance_id: &str,
        typed_name: &str,
        safety: bool,
    ) -> Result<Tracked> {
        let item = restore::in_place(
            &self.conn.client,
            &self.in_flight,
            project_id,
            InPlace {
                backup_id,
                instance_id,
                typed_name,
                safety,
            },
            self.now().with_timezone(&Local),
        )
        .await;
        self.lists.backups_changed(project_id);
        let item = item?;
        if matches!(item.kind, Kind::SafetyBackup { .. }) {
            self.record(project_id, &item, Made::Safety);
        }
        self.tracker.track(item.clone());
        Ok(item)
    }

    /// Creates an instance from a backup, tracked until it is `ACTIVE`.
    pub async fn restore_into_new_instance(
        &self,
        project_id: &str,
        backup_id: &str,
        spec: &NewInstance,
    ) -> Result<Tracked> {
        let item = restore::into_new_instance(&self.conn.client, project_id, backup_id, spec).await;
        self.lists.backups_changed(project_id);
        let item = item?;
        self.tracker.track(item.clone());
        Ok(item)
    }

    async fn project_workflows(
        &self,
        project_id: &str,
    ) -> Result<Vec<(String, ovh::types::Workflow)>> {
        Ok(self.lists.project_workflows(project_id, Age::Usual).await?)
    }

    /// Workflow Management's rows.
    pub async fn workflows(&self, project_id: &str) -> Result<Vec<WorkflowRow>> {
        let (list, instances) = tokio::try_join!(self.project_workflows(project_id), async {
            Ok(self.lists.instances(project_id, Age::Usual).await?)
        })?;
        Ok(workflows::rows(
            list,
            &instances,
            schedule::local_zone(),
            self.now(),
        ))
    }

    /// The "Create an automatic backup" form's data.
    pub async fn auto_form(&self, project_id: &str) -> Result<AutoForm> {
        let (instances, list) = tokio::try_join!(
            self.instances(project_id),
            self.project_workflows(project_id)
        )?;
        let price = match instances.first() {
            Some(i) => self.price(project_id, &i.region).await,
            None => None,
        };
        let mut form =
            automatic::form(&instances, &list, schedule::local_zone(), price, self.now());
        match self.conn.client.volumes(project_id, None).await {
            Ok(volumes) => {
                for c in &mut form.instances {
                    c.volumes = crate::volumes::choices(&volumes, &c.id, None)
                        .into_iter()
                        .map(|v| v.name)
                        .collect();
                }
            }
            // Without the list the form cannot name them; the backup dialog still offers them.
            Err(e) => tracing::warn!("cannot list the volumes of {project_id}: {e}"),
        }
        Ok(form)
    }

    /// A schedule both ways, with its warnings and the cost for the chosen instances.
    pub async fn preview_schedule(
        &self,
        project_id: &str,
        instance_ids: &[String],
        choice: &Choice,
    ) -> Result<Preview> {
        let instances = self.instances(project_id).await?;
        let chosen: Vec<&InstanceRow> = instances
            .iter()
            .filter(|i| instance_ids.contains(&i.id))
            .collect();
        let disk: u64 = chosen.iter().filter_map(|i| i.disk_gb).sum();
        let price = match chosen.first() {
            Some(i) => self.price(project_id, &i.region).await,
            None => None,
        };
        automatic::preview(
            choice,
            disk,
            price.as_ref(),
            schedule::local_zone(),
            self.now(),
        )
    }

    /// One workflow per chosen instance; the watcher looks again at once.
    pub async fn create_auto_backups(
        &self,
        project_id: &str,
        instance_ids: &[String],
        name: &str,
        cron: &str,
        rotation: u32,
    ) -> Result<Vec<Outcome>> {
        let instances = self.instances(project_id).await?;
        let chosen: Vec<(String, String)> = instances
            .iter()
            .filter(|i| instance_ids.contains(&i.id))
            .map(|i| (i.id.clone(), i.name.clone()))
            .collect();
        if chosen.is_empty() {
            return Err(Error::Invalid(Why::ChooseInstance));
        }
        let out =
            automatic::create_many(&self.conn.client, project_id, &chosen, name, cron, rotation)
                .await;
        self.lists.workflows_changed(project_id);
        self.watcher.refresh_now();
        let out = out?;
        Ok(out)
    }

    /// What deleting these workflows "with their backups" would delete, backup by backup, read
    /// fresh: the list the user confirms.
    pub async fn workflow_backups(
        &self,
        project_id: &str,
        items: &[(String, String)],
    ) -> Result<Vec<WorkflowBackups>> {
        let now = Age::AtMost(std::time::Duration::ZERO);
        let (all, snapshots) = tokio::try_join!(
            async { Ok::<_, Error>(self.lists.project_workflows(project_id, now).await?) },
            async { Ok(self.lists.snapshots(project_id, now).await?) }
        )?;
        let manual = |id: &str| self.records.get(id).is_some();
        let mut out = Vec::new();
        for (region, id) in items {
            let Some((_, w)) = all.iter().find(|(r, w)| r == region && &w.id == id) else {
                return Err(Error::Invalid(Why::WorkflowGone));
            };
            let price = self.price(project_id, region).await;
            let mut backups: Vec<PlannedBackup> =
                workflows::backups_of(w, region, &all, &snapshots, &manual)
                    .into_iter()
                    .map(|s| PlannedBackup {
                        id: s.id.clone(),
                        name: s.name.clone(),
                        created_at: s.creation_date,
                        size_gb: s.size,
                        monthly: price.as_ref().map(|p| p.monthly(s.size)),
                    })
                    .collect();
            backups.sort_by_key(|b| std::cmp::Reverse(b.created_at));
            out.push(WorkflowBackups {
                workflow_id: w.id.clone(),
                workflow_name: w.name.clone(),
                region: region.clone(),
                backup_name: backups::backup_base(w).to_string(),
                currency: price.map(|p| p.currency),
                backups,
            });
        }
        Ok(out)
    }

    /// Deletes workflows, then exactly the backups the user confirmed among those
    /// [`Self::workflow_backups`] lists now (a backup recorded as manual in between, or no
    /// longer matching, is kept). Says what was deleted and what is still billed.
    pub async fn delete_workflows(
        &self,
        project_id: &str,
        items: &[(String, String)],
        backup_ids: &[String],
    ) -> Result<DeletionReport> {
        let plan = if backup_ids.is_empty() {
            Vec::new()
        } else {
            self.workflow_backups(project_id, items).await?
        };
        let mut report = DeletionReport::default();
        for (region, id) in items {
            match workflows::delete(&self.conn.client, project_id, region, id).await {
                Ok(()) => report.workflows_deleted.push(id.clone()),
                Err(e) => {
                    // Named as the user knows it: the list read before is still held.
                    let known = self.project_workflows(project_id).await.unwrap_or_default();
                    report.problems.push(NotDeleted {
                        workflow: known
                            .iter()
                            .find(|(_, w)| &w.id == id)
                            .map_or(id.clone(), |(_, w)| w.name.clone()),
                        said: e.said(),
                    })
                }
            }
        }
        self.lists.workflows_changed(project_id);
        self.watcher.refresh_now();
        let planned: Vec<&PlannedBackup> = plan.iter().flat_map(|p| &p.backups).collect();
        let chosen: Vec<String> = planned
            .iter()
            .filter(|b| backup_ids.contains(&b.id))
            .map(|b| b.id.clone())
            .collect();
        for id in backup_ids.iter().filter(|id| !chosen.contains(id)) {
            report.kept.push(Kept {
                name: id.clone(),
                size_gb: None,
                refusal: Some(Refusal::NoLongerPlanned),
            });
        }
        if !chosen.is_empty() {
            for outcome in self.delete_backups(project_id, &chosen).await? {
                let b = planned.iter().find(|b| b.id == outcome.id);
                let name = b.map_or(outcome.id.clone(), |b| b.name.clone());
                if outcome.deleted {
                    report.backups_deleted.push(name);
                } else {
                    report.kept.push(Kept {
                        name,
                        size_gb: b.map(|b| b.size_gb),
                        refusal: outcome.refusal,
                    });
                }
            }
        }
        for b in planned.iter().filter(|b| !chosen.contains(&b.id)) {
            report.kept.push(Kept {
                name: b.name.clone(),
                size_gb: Some(b.size_gb),
                refusal: None,
            });
        }
        Ok(report)
    }

    /// Changes a workflow (delete and recreate; the original comes back if the new one is
    /// refused).
    pub async fn replace_workflow(
        &self,
        project_id: &str,
        region: &str,
        id: &str,
        name: &str,
        cron: &str,
        rotation: u32,
    ) -> Result<()> {
        let original = self.conn.client.workflow(project_id, region, id).await?;
        let spec = workflows::Spec {
            instance_id: original.instance_id,
            name: name.to_string(),
            cron: cron.to_string(),
            rotation,
        };
        let result = workflows::replace(&self.conn.client, project_id, region, id, &spec).await;
        self.lists.workflows_changed(project_id);
        self.watcher.refresh_now();
        result.map(|_| ())
    }

    /// What testing a backup would do, cost and take; reads only.
    pub async fn rehearsal_form(&self, project_id: &str, backup_id: &str) -> Result<RehearsalForm> {
        self.tester.form(project_id, backup_id).await
    }

    /// Tests a backup; the result comes as a [`Notice::Rehearsal`]. `port` `None`: `ACTIVE`
    /// is the check.
    pub async fn start_rehearsal(
        &self,
        project_id: &str,
        backup_id: &str,
        port: Option<u16>,
        policy_confirmed: bool,
    ) -> Result<Plan> {
        self.tester
            .start(project_id, backup_id, port, policy_confirmed)
            .await
    }

    /// The backup "Test the latest backup" tests.
    pub async fn latest_backup(
        &self,
        project_id: &str,
        instance_id: &str,
    ) -> Result<Option<LatestBackup>> {
        self.tester.latest_backup(project_id, instance_id).await
    }

    /// Sets, or with `hour` `None` removes, "Test the latest backup every month".
    pub async fn set_monthly_rehearsal(
        &self,
        project_id: &str,
        instance_id: &str,
        hour: Option<u8>,
        port: Option<u16>,
        policy_confirmed: bool,
    ) -> Result<Option<Monthly>> {
        let name = self
            .instances(project_id)
            .await?
            .into_iter()
            .find(|i| i.id == instance_id)
            .ok_or(Error::Invalid(Why::InstanceGone))?
            .name;
        self.tester
            .set_monthly(project_id, instance_id, &name, hour, port, policy_confirmed)
    }

    /// Every instance of every project, rated.
    pub async fn overview(&self) -> Result<Vec<Covered>> {
        let now = self.now();
        let zone = schedule::local_zone();
        let projects = self.projects().await?;
        // Regions first: every workflow read waits on them, so they take the first places in
        // the client's queue and the workflow reads start while the other lists are read.
        let regions = futures_util::future::try_join_all(
            projects
                .iter()
                .map(|p| self.lists.workflow_regions(&p.id, Age::Usual)),
        );
        // Every project at once: the client keeps at most its limit of requests in flight.
        let lists = futures_util::future::try_join_all(projects.iter().map(|project| async move {
            tokio::try_join!(
                async { Ok(self.lists.instances(&project.id, Age::Usual).await?) },
                async { Ok(self.lists.flavors(&project.id, Age::Usual).await?) },
                self.project_workflows(&project.id),
                async { Ok(self.lists.snapshots(&project.id, Age::Usual).await?) },
                async { Ok(self.volume_cover(&project.id).await) }
            )
        }));
        let (_, loaded) = tokio::try_join!(async { Ok(regions.await?) }, lists)?;
        // One read of the results for every row.
        let tested = self.tester.rehearsals.results().newest_by(|r| {
            r.instance_id
                .clone()
                .map(|instance| (r.project_id.clone(), instance))
        });
        let mut out = Vec::new();
        for (project, (instances, flavors, list, snapshots, cover)) in projects.iter().zip(loaded) {
            let wfs: Vec<ovh::types::Workflow> = list.into_iter().map(|(_, w)| w).collect();
            // Only recorded backups count: a name match never makes an instance look protected.
            let known = self.known();
            let mut backups_by_instance: HashMap<String, Vec<&ovh::types::Image>> = HashMap::new();
            for s in snapshots.iter() {
                if let Some(inst) = known(&s.id) {
                    backups_by_instance.entry(inst).or_default().push(s);
                }
            }
            for inst in instances.iter() {
                let mine: Vec<&ovh::types::Workflow> =
                    wfs.iter().filter(|w| w.instance_id == inst.id).collect();
                let backups_of = backups_by_instance
                    .get(inst.id.as_str())
                    .cloned()
                    .unwrap_or_default();
                let mut rating = automatic::rate(&mine, &backups_of, now);
                let rehearsal = tested.get(&(project.id.clone(), inst.id.clone())).cloned();
                // A backup that did not boot needs the user more than a missing schedule: the
                // backups there are may not restore.
                if rating.attention.is_none()
                    && rehearsal.as_ref().is_some_and(|r| r.failed.is_some())
                {
                    rating.protection = automatic::Protection::Warning;
                    rating.attention = Some(automatic::Attention::RehearsalFailed);
                }
                out.push(Covered {
                    project_id: project.id.clone(),
                    project_name: project.name.clone(),
                    instance_id: inst.id.clone(),
                    instance_name: inst.name.clone(),
                    region: inst.region.clone(),
                    metal: inst
                        .flavor
                        .clone()
                        .or_else(|| {
                            flavors
                                .iter()
                                .find(|f| Some(f.id.as_str()) == inst.flavor_ref())
                                .cloned()
                        })
                        .is_some_and(|f| f.is_metal()),
                    workflow: mine.first().map(|w| w.name.clone()),
                    schedule: mine.first().map(|w| schedule::describe(&w.cron, zone, now)),
                    last_good_backup: rating.last_good,
                    protection: rating.protection,
                    failure: mine
                        .first()
                        .filter(|_| rating.attention == Some(automatic::Attention::LastRunFailed))
                        .and_then(|w| automatic::run_failure(w)),
                    attention: rating.attention,
                    project_suspended: project.suspended,
                    rehearsal,
                    unprotected_volumes: cover.unprotected(&inst.id, &backups_of),
                });
            }
        }
        Ok(out)
    }

    /// What the overview needs to say which volumes no backup holds: the project's volumes
    /// (one read) and, only when the app made sets there, their parts' states (one more). A
    /// failed read says nothing rather than something wrong: the rows show without the note.
    async fn volume_cover(&self, project_id: &str) -> crate::volumes::Cover {
        let volumes = match self.conn.client.volumes(project_id, None).await {
            Ok(v) => v,
            Err(e) => {
                tracing::warn!("cannot list the volumes of {project_id}: {e}");
                return crate::volumes::Cover::default();
            }
        };
        let sets = self.records.sets(project_id);
        let parts = if sets.is_empty() || volumes.is_empty() {
            Vec::new()
        } else {
            match self.conn.client.volume_snapshots(project_id, None).await {
                Ok(p) => p,
                Err(e) => {
                    tracing::warn!("cannot list the volume snapshots of {project_id}: {e}");
                    return crate::volumes::Cover::default();
                }
            }
        };
        crate::volumes::Cover {
            volumes,
            sets: sets.into_iter().map(|r| (r.snapshot_id, r.parts)).collect(),
            parts,
        }
    }

    /// Asks the watcher to look now; the screens read workflows again too.
    pub fn refresh_schedules(&self) {
        self.lists.forget_workflows();
        self.watcher.refresh_now();
    }

    /// Backups being tracked now.
    pub fn tracked(&self) -> Vec<Tracked> {
        self.tracker.tracked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(status: &str, instance: &str) -> ovh::types::Region {
        serde_json::from_value(serde_json::json!({
            "name": "GRA11",
            "status": status,
            "services": [{"name": "instance", "status": instance, "endpoint": "x"}],
        }))
        .unwrap()
    }

    #[test]
    fn a_region_is_said_only_in_ovhs_known_words() {
        assert_eq!(RegionState::of(&region("UP", "UP")), None);
        assert_eq!(
            RegionState::of(&region("maintenance", "UP")),
            Some(RegionState::Maintenance)
        );
        assert_eq!(
            RegionState::of(&region("DOWN", "UP")),
            Some(RegionState::Down)
        );
        assert_eq!(
            RegionState::of(&region("UP", "DOWN")),
            Some(RegionState::Down),
            "the instance service down is the region down for a backup"
        );
        assert_eq!(
            RegionState::of(&region("PARTIAL", "UP")),
            None,
            "unknown words say nothing"
        );
    }
}
