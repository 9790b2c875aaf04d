//! Restoring a backup, safely: in place (reinstall; a safety backup of the current state first
//! by default, and the instance's name typed to confirm) or into a new instance in the backup's
//! region.
use chrono::{DateTime, Local, Utc};
use serde::Serialize;
use ts_rs::TS;

use ovh::types::{InstanceCreation, SnapshotStatus};
use ovh::Client;

use crate::backups::{self, InFlight};
use crate::journal::{Kind, Tracked};
use crate::{Error, Result, Why};

/// A model a backup fits on.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlavorChoice {
    pub id: String,
    pub name: String,
    pub disk_gb: u64,
    pub ram_mb: u64,
    pub vcpus: u64,
    /// What it costs, from the account's country's catalog; `None`: "price not available".
    pub price: Option<crate::pricing::ModelPrice>,
}

/// An SSH key of the project.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyChoice {
    pub id: String,
    pub name: String,
}

/// What the two restore dialogs need.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreOptions {
    pub backup_id: String,
    pub backup_name: String,
    pub region: String,
    pub created_at: Option<DateTime<Utc>>,
    /// The instance it was taken of, when it still exists: the in-place target.
    pub instance_id: Option<String>,
    pub instance_name: Option<String>,
    /// Models in the backup's region whose disk holds the backup (`minDisk`).
    pub flavors: Vec<FlavorChoice>,
    pub ssh_keys: Vec<KeyChoice>,
    pub default_name: String,
    /// The model of the instance the backup was taken of, when it still exists and the backup
    /// fits it: the new instance's default.
    pub original_flavor: Option<String>,
}

impl RestoreOptions {
    /// Proposes `flavor_id` (the original instance's model) when it is one the backup fits. A
    /// smaller model than the original's, proposed first because it sorts first, is a choice the
    /// user makes, never a default.
    pub fn with_original(mut self, flavor_id: Option<&str>) -> Self {
        self.original_flavor = flavor_id
            .filter(|id| self.flavors.iter().any(|f| f.id == *id))
            .map(str::to_string);
        self
    }
}

/// Reads a backup and what it can be restored onto.
pub async fn options(
    client: &Client,
    project_id: &str,
    backup_id: &str,
    known: &(dyn Fn(&str) -> Option<String> + Sync),
    catalog: Option<&ovh::types::Catalog>,
) -> Result<RestoreOptions> {
    let rows = backups::list(client, project_id, known).await?;
    let backup = rows
        .into_iter()
        .find(|r| r.id == backup_id)
        .ok_or(Error::Invalid(Why::BackupGone))?;
    let (flavors, keys) = tokio::try_join!(
        client.flavors(project_id, Some(&backup.region)),
        client.ssh_keys(project_id)
    )?;
    let mut flavors: Vec<FlavorChoice> = flavors
        .into_iter()
        .filter(|f| {
            f.region == backup.region
                && f.disk >= backup.min_disk_gb
                && f.available
                && !f.is_metal()
        })
        .map(|f| FlavorChoice {
            price: catalog.and_then(|c| crate::pricing::model_price(c, &f.plan_codes)),
            id: f.id,
            name: f.name,
            disk_gb: f.disk,
            ram_mb: f.ram,
            vcpus: f.vcpus,
        })
        .collect();
    flavors.sort_by_key(|f| (f.ram_mb, f.disk_gb));
    Ok(RestoreOptions {
        default_name: format!(
            "{}-restored",
            backup
                .instance_name
                .clone()
                .unwrap_or_else(|| "instance".into())
        ),
        backup_id: backup.id,
        backup_name: backup.name,
        region: backup.region.clone(),
        created_at: backup.created_at,
        instance_id: backup
            .instance_name
            .as_ref()
            .and(backup.instance_id.clone()),
        instance_name: backup.instance_name,
        flavors,
        ssh_keys: keys
            .into_iter()
            .filter(|k| k.regions.is_empty() || k.regions.contains(&backup.region))
            .map(|k| KeyChoice {
                id: k.id,
                name: k.name,
            })
            .collect(),
        original_flavor: None,
    })
}

/// An in-place restore request, as the user confirmed it.
#[derive(Debug, Clone, Copy)]
pub struct InPlace<'a> {
    pub backup_id: &'a str,
    pub instance_id: &'a str,
    /// What the user typed: it must be the instance's name.
    pub typed_name: &'a str,
    /// Take a safety backup of the current state first.
    pub safety: bool,
}

/// Starts an in-place restore. With `safety`, a backup of the current state is taken first and
/// the restore starts when it is available (the returned item is that safety backup); without,
/// the reinstall starts now.
pub async fn in_place(
    client: &Client,
    in_flight: &InFlight,
    project_id: &str,
    req: InPlace<'_>,
    now: DateTime<Local>,
) -> Result<Tracked> {
    let InPlace {
        backup_id,
        instance_id,
        typed_name,
        safety,
    } = req;
    let (instance, backup) = tokio::try_join!(
        client.instance(project_id, instance_id),
        client.snapshot(project_id, backup_id)
    )?;
    if typed_name.trim() != instance.name {
        return Err(Error::Invalid(Why::TypeInstanceName {
            name: instance.name,
        }));
    }
    if backup.snapshot_status() != SnapshotStatus::Active {
        return Err(Error::Invalid(Why::OnlyAvailableRestored));
    }
    if backup.region != instance.region {
        return Err(Error::Invalid(Why::OtherRegion {
            backup: backup.region,
            instance: instance.region,
        }));
    }
    let base = Tracked {
        kind: Kind::Rebuild {
            seen_rebuilding: false,
            operation_id: None,
        },
        project_id: project_id.to_string(),
        snapshot_id: backup.id.clone(),
        name: backup.name.clone(),
        instance_id: instance.id.clone(),
        instance_name: instance.name.clone(),
        region: instance.region.clone(),
        started_at: Utc::now(),
        parts: Vec::new(),
    };
    if safety {
        // To the second, as before: a lost answer is looked for by name.
        let name = format!(
            "{} before restore – {}",
            instance.name,
            now.format("%Y-%m-%d %H:%M:%S")
        );
        let created = backups::create(client, in_flight, project_id, &instance, &name).await?;
        return Ok(Tracked {
            kind: Kind::SafetyBackup {
                restore_from: backup.id,
                restore_name: backup.name,
            },
            snapshot_id: created.snapshot_id,
            name,
            ..base
        });
    }
    let answer = client
        .reinstall(project_id, &instance.id, &backup.id)
        .await?;
    Ok(Tracked {
        kind: Kind::Rebuild {
            seen_rebuilding: false,
            operation_id: answer.operation_ids.first().cloned(),
        },
        ..base
    })
}

/// What a new instance from a backup is made of.
#[derive(Debug, Clone)]
pub struct NewInstance {
    pub name: String,
    pub flavor_id: String,
    pub ssh_key_id: Option<String>,
    pub monthly_billing: bool,
}

/// Creates an instance from a backup, in the backup's region.
pub async fn into_new_instance(
    client: &Client,
    project_id: &str,
    backup_id: &str,
    spec: &NewInstance,
) -> Result<Tracked> {
    let name =
        backups::validate_name(&spec.name).map_err(|_| Error::Invalid(Why::NewInstanceName))?;
    let backup = client.snapshot(project_id, backup_id).await?;
    if backup.snapshot_status() != SnapshotStatus::Active {
        return Err(Error::Invalid(Why::OnlyAvailableRestored));
    }
    let flavor = client.flavor(project_id, &spec.flavor_id).await?;
    if flavor.region != backup.region {
        return Err(Error::Invalid(Why::ChooseModelIn {
            region: backup.region,
        }));
    }
    if flavor.disk < backup.min_disk {
        return Err(Error::Invalid(Why::ModelTooSmall {
            model: flavor.name,
            disk: flavor.disk,
            needs: backup.min_disk,
        }));
    }
    let created = client
        .create_instance(
            project_id,
            &InstanceCreation {
                flavor_id: flavor.id,
                name: name.clone(),
                region: backup.region.clone(),
                image_id: backup.id.clone(),
                ssh_key_id: spec.ssh_key_id.clone().filter(|k| !k.is_empty()),
                monthly_billing: spec.monthly_billing,
            },
        )
        .await?;
    Ok(Tracked {
        kind: Kind::Build,
        project_id: project_id.to_string(),
        snapshot_id: backup.id,
        name: backup.name,
        instance_id: created.id,
        instance_name: name,
        region: backup.region,
        started_at: Utc::now(),
        parts: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(flavors: &[&str]) -> RestoreOptions {
        RestoreOptions {
            backup_id: "b".into(),
            backup_name: "web-1 backup".into(),
            region: "GRA11".into(),
            created_at: None,
            instance_id: Some("i".into()),
            instance_name: Some("web-1".into()),
            flavors: flavors
                .iter()
                .map(|id| FlavorChoice {
                    id: id.to_string(),
                    name: id.to_string(),
                    disk_gb: 50,
                    ram_mb: 7000,
                    vcpus: 2,
                    price: None,
                })
                .collect(),
            ssh_keys: vec![],
            default_name: "web-1-restored".into(),
            original_flavor: None,
        }
    }

    #[test]
    fn the_original_model_is_proposed_only_when_the_backup_fits_it() {
        let both = options(&["d2-4", "b2-7"]);
        assert_eq!(
            both.clone()
                .with_original(Some("b2-7"))
                .original_flavor
                .as_deref(),
            Some("b2-7")
        );
        assert_eq!(
            both.clone().with_original(Some("b3-64")).original_flavor,
            None
        );
        assert_eq!(both.with_original(None).original_flavor, None);
    }
}
