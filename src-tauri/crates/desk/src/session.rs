//! A signed-in session: the connection, the backup tracker and the caches, with one method per
//! thing the window can ask. The app's commands are thin calls into this.
use std::sync::Arc;

use chrono::{DateTime, Local, Utc};
use serde::Serialize;

use ovh::types::Catalog;
use ovh::Endpoint;

use crate::backups::{self, BackupRow, Created, InFlight};
use crate::connection::{Connection, Mode};
use crate::inventory::{self, InstanceRow, ProjectSummary};
use crate::journal::{Journal, Kind, Tracked};
use crate::pricing::{self, Price};
use crate::restore::{self, InPlace, NewInstance, RestoreOptions};
use crate::tracker::{self, Event, Pace, TrackerHandle};
use crate::vault::Vault;
use crate::{Error, Result};

/// OVH subsidiary whose catalog prices backups. NOTE: read from the account later (issue 6);
/// `FR` is the demo's and most EU accounts'.
const SUBSIDIARY: &str = "FR";

/// What the "Create a backup" form needs to show before Confirm.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupForm {
    pub instance_id: String,
    pub instance_name: String,
    pub region: String,
    pub default_name: String,
    pub disk_gb: Option<u64>,
    pub price: Option<Price>,
    /// Disk size × price per GB per month: an upper bound, the backup holds only used data.
    pub estimate_monthly: Option<f64>,
    pub metal: bool,
    pub iops: bool,
    /// A backup of this instance is already in progress or being requested.
    pub busy: bool,
}

/// Instance Backup rows plus what the tracker knows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    pub rows: Vec<BackupRow>,
    pub price: Option<Price>,
}

/// The answer to one delete in a batch.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteOutcome {
    pub id: String,
    pub deleted: bool,
    pub reason: Option<String>,
}

/// An open session.
pub struct Session {
    conn: Connection,
    tracker: TrackerHandle,
    in_flight: InFlight,
    catalog: tokio::sync::OnceCell<Catalog>,
}

impl Session {
    /// Opens the stored account (or the demo cloud) and starts the tracker, which resumes what
    /// `journal` holds and reports to `sink`.
    pub async fn open(
        vault: &Vault,
        endpoint: Option<Endpoint>,
        journal: Journal,
        pace: Pace,
        sink: impl Fn(Event) + Send + Sync + 'static,
    ) -> Result<Self> {
        let conn = Connection::open(vault, endpoint).await?;
        let tracker = tracker::spawn(conn.client.clone(), journal, pace, Arc::new(Utc::now), sink);
        Ok(Self {
            conn,
            tracker,
            in_flight: InFlight::default(),
            catalog: tokio::sync::OnceCell::new(),
        })
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
        inventory::projects(&self.conn.client).await
    }

    pub async fn instances(&self, project_id: &str) -> Result<Vec<InstanceRow>> {
        inventory::instances(&self.conn.client, project_id).await
    }

    async fn price(&self, region: &str) -> Option<Price> {
        let catalog = self
            .catalog
            .get_or_try_init(|| self.conn.client.public_cloud_catalog(SUBSIDIARY))
            .await;
        match catalog {
            Ok(c) => pricing::snapshot_price(c, None, region),
            Err(e) => {
                tracing::warn!("no backup price: {e}");
                None
            }
        }
    }

    /// The form's content for one instance.
    pub async fn backup_form(
        &self,
        project_id: &str,
        instance_id: &str,
        now: DateTime<Local>,
    ) -> Result<BackupForm> {
        let row = self
            .instances(project_id)
            .await?
            .into_iter()
            .find(|r| r.id == instance_id)
            .ok_or_else(|| Error::Invalid("this instance no longer exists".into()))?;
        let price = self.price(&row.region).await;
        let busy =
            row.status == "SNAPSHOTTING" || self.in_flight.is_creating(project_id, instance_id);
        Ok(BackupForm {
            default_name: backups::default_name(&row.name, now),
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
    ) -> Result<Created> {
        let instance = self.conn.client.instance(project_id, instance_id).await?;
        let metal = instance.flavor.as_ref().is_some_and(|f| f.is_metal());
        if metal && !metal_acknowledged {
            return Err(Error::Invalid(
                "a Metal instance is unavailable during its cold snapshot: confirm you accept it"
                    .into(),
            ));
        }
        let created = backups::create(
            &self.conn.client,
            &self.in_flight,
            project_id,
            &instance,
            name,
        )
        .await?;
        self.tracker.track(Tracked {
            kind: Kind::Backup,
            project_id: project_id.to_string(),
            snapshot_id: created.snapshot_id.clone(),
            name: backups::validate_name(name)?,
            instance_id: instance.id.clone(),
            instance_name: instance.name.clone(),
            region: instance.region.clone(),
            started_at: Utc::now(),
        });
        Ok(created)
    }

    /// Every backup of a project.
    pub async fn backups(&self, project_id: &str) -> Result<BackupList> {
        let tracker = &self.tracker;
        let rows =
            backups::list(&self.conn.client, project_id, &|id| tracker.instance_of(id)).await?;
        let price = match rows.first() {
            Some(r) => self.price(&r.region).await,
            None => None,
        };
        Ok(BackupList { rows, price })
    }

    /// Deletes backups, each one checked first.
    pub async fn delete_backups(
        &self,
        project_id: &str,
        ids: &[String],
    ) -> Result<Vec<DeleteOutcome>> {
        Ok(backups::delete(&self.conn.client, project_id, ids)
            .await?
            .into_iter()
            .map(|(id, r)| DeleteOutcome {
                id,
                deleted: r.is_ok(),
                reason: r.err(),
            })
            .collect())
    }

    /// Cancels an in-progress backup of an instance.
    pub async fn cancel_backup(
        &self,
        project_id: &str,
        region: &str,
        instance_id: &str,
    ) -> Result<()> {
        self.conn
            .client
            .abort_snapshot(project_id, region, instance_id)
            .await?;
        Ok(())
    }

    /// What a backup can be restored onto.
    pub async fn restore_options(
        &self,
        project_id: &str,
        backup_id: &str,
    ) -> Result<RestoreOptions> {
        let tracker = &self.tracker;
        restore::options(&self.conn.client, project_id, backup_id, &|id| {
            tracker.instance_of(id)
        })
        .await
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
            Local::now(),
        )
        .await?;
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
        let item =
            restore::into_new_instance(&self.conn.client, project_id, backup_id, spec).await?;
        self.tracker.track(item.clone());
        Ok(item)
    }

    /// Backups being tracked now.
    pub fn tracked(&self) -> Vec<Tracked> {
        self.tracker.tracked()
    }
}
