//! What the API's writes do to the world: each rule a `World` method over a typed request, so the
//! HTTP layer only parses and renders. Refusals are already in OVH's words.
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::render;
use crate::world::{
    AccessToken, Busy, Credential, Instance, Operation, Project, Refusal, RegionInfo, Workflow,
    World, ANSWERS, SILENT,
};

/// `POST /cloud/project/{p}/instance/{i}/snapshot`
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewSnapshot {
    pub snapshot_name: String,
}

/// Body of `POST /cloud/project/{p}/volume/{v}/snapshot` (`cloud.volume.Snapshot` creation:
/// `name` and `description`, both optional in the schema).
#[derive(Debug, Deserialize)]
pub struct NewVolumeSnapshot {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// Body of `POST /cloud/project/{p}/region/{r}/volume` (ovhcloud-cli's `VolumeSpec`: `name`,
/// `size` and `type` required; a volume from a snapshot names it).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewVolume {
    pub name: String,
    pub size: u64,
    #[serde(rename = "type")]
    pub volume_type: String,
    #[serde(default)]
    pub snapshot_id: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// Body of `POST /cloud/project/{p}/volume/{v}/attach` and `…/detach`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attach {
    pub instance_id: String,
}

/// `POST /cloud/project/{p}/region/{r}/workflow/backup`
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewWorkflow {
    pub cron: String,
    pub instance_id: String,
    pub name: String,
    pub rotation: u32,
    #[serde(default)]
    pub max_execution_count: Option<u32>,
}

/// `POST /cloud/project/{p}/instance`
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewInstance {
    pub flavor_id: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub image_id: Option<String>,
    #[serde(default)]
    pub ssh_key_id: Option<String>,
}

/// `POST /cloud/project/{p}/instance/{i}/reinstall`
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reinstall {
    pub image_id: String,
}

/// `POST /cloud/project/{p}/instance/{i}/rescueMode`
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RescueMode {
    pub rescue: bool,
    #[serde(default)]
    pub image_id: Option<String>,
}

/// One access rule of `POST /auth/credential`.
#[derive(Debug, Deserialize)]
pub struct AccessRule {
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub path: String,
}

/// `POST /auth/credential`
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialRequest {
    pub access_rules: Vec<AccessRule>,
    /// Where OVH sends the browser after validation; the simulator's page does not redirect.
    #[serde(default)]
    pub redirection: Option<String>,
}

/// The region `r` of `project`, if its workflow service is up.
pub fn workflow_region<'a>(project: &'a Project, r: &str) -> Result<&'a RegionInfo, Refusal> {
    let region = project
        .region(r)
        .ok_or_else(|| Refusal::not_found(format!("Region {r} not found")))?;
    if !region.services.iter().any(|(n, up)| n == "workflow" && *up) {
        return Err(Refusal::bad_request(format!(
            "Workflow service is not available in region {r}"
        )));
    }
    Ok(region)
}

fn millis(secs: f64) -> chrono::Duration {
    chrono::Duration::milliseconds((secs * 1000.0) as i64)
}

impl World {
    /// A backup workflow for one instance, rendered as OVH answers its creation.
    pub fn create_workflow(
        &mut self,
        p: &str,
        r: &str,
        new: NewWorkflow,
        now: DateTime<Utc>,
    ) -> Result<Value, Refusal> {
        let NewWorkflow {
            cron,
            instance_id,
            name,
            rotation,
            max_execution_count,
        } = new;
        // NOTE: the name rule is the control panel's; whether the API enforces it is unconfirmed,
        // so the simulator is strict and the app validates before sending.
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        {
            return Err(Refusal::bad_request(
                "Invalid name: only letters, digits, '_', '.' and '-' are allowed",
            ));
        }
        if rotation == 0 {
            return Err(Refusal::bad_request("Invalid rotation: must be at least 1"));
        }
        ovh::cron::parse(&cron).map_err(|e| Refusal::bad_request(format!("Invalid cron: {e}")))?;
        let id = self.new_uuid();
        let backup_name = format!("{}{name}", self.backup_name_prefix);
        let project = self.project_mut(p)?;
        workflow_region(project, r)?;
        let inst = project
            .instances
            .iter()
            .find(|i| i.id == instance_id)
            .ok_or_else(|| Refusal::not_found(format!("Instance {instance_id} not found")))?;
        if inst.region != r {
            return Err(Refusal::bad_request(format!(
                "Instance {instance_id} is not in region {r}"
            )));
        }
        if project
            .flavor(&inst.flavor_id)
            .is_some_and(|f| f.flavor_type.contains("baremetal"))
        {
            return Err(Refusal::bad_request(
                "Automated backups are not available for Metal instances",
            ));
        }
        project.workflows.push(Workflow {
            id,
            backup_name,
            name,
            region: r.into(),
            instance_id,
            cron,
            rotation,
            max_execution_count,
            created: now,
            executions: Vec::new(),
            checked_until: now,
            next_run: None,
        });
        let wf = project.workflows.last().expect("just pushed");
        Ok(render::workflow(project, wf, now))
    }

    /// Removes a workflow; the backups it made stay, as on OVH.
    pub fn delete_workflow(&mut self, p: &str, r: &str, id: &str) -> Result<(), Refusal> {
        let project = self.project_mut(p)?;
        let before = project.workflows.len();
        project.workflows.retain(|w| !(w.id == id && w.region == r));
        if project.workflows.len() == before {
            return Err(Refusal::not_found(format!("Workflow {id} not found")));
        }
        Ok(())
    }

    /// Deletes instance `i` (OVH answers `null`). Its backups stay, as OVH keeps them; a backup
    /// it was built from may be deleted again.
    pub fn delete_instance(&mut self, p: &str, i: &str) -> Result<(), Refusal> {
        let project = self.project_mut(p)?;
        let before = project.instances.len();
        project.instances.retain(|x| x.id != i);
        if project.instances.len() == before {
            return Err(Refusal::not_found(format!("Instance {i} not found")));
        }
        Ok(())
    }

    /// Rebuilds instance `i` on an image or an active backup (a restore), as an operation.
    pub fn reinstall(
        &mut self,
        p: &str,
        i: &str,
        image_id: &str,
        now: DateTime<Utc>,
    ) -> Result<Value, Refusal> {
        let (rebuild, start) = (self.pace.rebuild_secs, self.pace.rebuild_start_secs);
        let op_id = self.new_uuid();
        let project = self.project_mut(p)?;
        let usable = project.images.iter().any(|x| x.id == image_id)
            || project
                .snapshots
                .iter()
                .any(|s| s.id == image_id && s.status(now) == "active");
        if !usable {
            return Err(Refusal::not_found(format!(
                "Image {image_id} not found or not active"
            )));
        }
        let status = {
            let inst = project
                .instance(i)
                .ok_or_else(|| Refusal::not_found(format!("Instance {i} not found")))?;
            project.instance_status(inst, now)
        };
        if !matches!(status, "ACTIVE" | "SHUTOFF") {
            return Err(Refusal::conflict(format!(
                "Cannot 'rebuild' instance {i} while it is in status {status}"
            )));
        }
        let inst = project
            .instances
            .iter_mut()
            .find(|x| x.id == i)
            .expect("checked above");
        inst.image_id = image_id.to_string();
        let from = now + millis(start);
        let until = from + millis(rebuild);
        inst.busy = Some(Busy {
            from,
            status: "REBUILD",
            until,
            then: "ACTIVE",
        });
        let region = inst.region.clone();
        project.operations.push(Operation {
            id: op_id,
            action: "instance#reinstall".into(),
            region,
            resource_id: Some(i.to_string()),
            created: now,
            completed: until,
        });
        let inst = project.instance(i).expect("checked above");
        Ok(render::instance_detail(project, inst, now))
    }

    /// A new instance from a public image or an active backup in the same region.
    pub fn create_instance(
        &mut self,
        p: &str,
        new: NewInstance,
        now: DateTime<Utc>,
    ) -> Result<Value, Refusal> {
        let NewInstance {
            flavor_id,
            name,
            region,
            image_id,
            ssh_key_id,
        } = new;
        let id = self.new_uuid();
        let rebuild = self.pace.rebuild_secs;
        let project = self.project_mut(p)?;
        project.region(&region).ok_or_else(|| {
            Refusal::bad_request(format!("Region {region} is not enabled for this project"))
        })?;
        let flavor = project
            .flavor(&flavor_id)
            .ok_or_else(|| Refusal::not_found(format!("Flavor {flavor_id} not found")))?;
        if flavor.region != region {
            return Err(Refusal::bad_request(format!(
                "Flavor {flavor_id} is not available in region {region}"
            )));
        }
        let image_id =
            image_id.ok_or_else(|| Refusal::bad_request("Missing parameter(s): imageId"))?;
        let boots = project
            .snapshots
            .iter()
            .find(|s| s.id == image_id)
            .is_none_or(|s| s.boots);
        let used_gb = if let Some(s) = project.snapshots.iter().find(|s| s.id == image_id) {
            if s.status(now) != "active" {
                return Err(Refusal::bad_request(format!(
                    "Image {image_id} is not active"
                )));
            }
            if s.region != region {
                return Err(Refusal::bad_request(format!(
                    "Image {image_id} is in region {}, not {region}",
                    s.region
                )));
            }
            s.size_gb
        } else if project
            .images
            .iter()
            .any(|x| x.id == image_id && x.region == region)
        {
            3.0
        } else {
            return Err(Refusal::not_found(format!(
                "Image {image_id} not found in region {region}"
            )));
        };
        project.instances.push(Instance {
            id: id.clone(),
            name,
            region,
            flavor_id,
            image_id,
            created: now,
            base_status: "BUILD",
            busy: Some(Busy {
                from: now,
                status: "BUILD",
                until: now + millis(rebuild),
                then: "ACTIVE",
            }),
            ssh_key_id,
            ipv4: if boots { ANSWERS } else { SILENT }.to_string(),
            used_gb,
        });
        let inst = project.instance(&id).expect("just pushed");
        Ok(render::instance_detail(project, inst, now))
    }

    /// Puts instance `i` in or out of rescue mode; the answer's password is OVH's shape
    /// (present only when rescuing on the default rescue image).
    pub fn rescue_mode(&mut self, p: &str, i: &str, mode: RescueMode) -> Result<Value, Refusal> {
        let project = self.project_mut(p)?;
        let inst = project
            .instances
            .iter_mut()
            .find(|x| x.id == i)
            .ok_or_else(|| Refusal::not_found(format!("Instance {i} not found")))?;
        inst.base_status = if mode.rescue { "RESCUE" } else { "ACTIVE" };
        let password = (mode.rescue && mode.image_id.is_none()).then_some("RescuePass-Sim-0001");
        Ok(serde_json::json!({ "adminPassword": password }))
    }

    /// A consumer key pending validation for application `ak`: `(consumer key, validation
    /// token)`.
    pub fn request_credential(
        &mut self,
        ak: &str,
        request: CredentialRequest,
        now: DateTime<Utc>,
    ) -> Result<(String, String), Refusal> {
        let mut rules = Vec::new();
        for AccessRule { method, path } in request.access_rules {
            if !matches!(method.as_str(), "GET" | "POST" | "PUT" | "DELETE")
                || !path.starts_with('/')
            {
                return Err(Refusal::bad_request(format!(
                    "Invalid access rule: {method} {path}"
                )));
            }
            rules.push((method, path));
        }
        let ck = self.new_uuid().replace('-', "");
        let token = self.new_uuid();
        let id = 6000 + self.credentials.len() as i64;
        self.credentials.insert(
            ck.clone(),
            Credential {
                id,
                application_key: ak.to_string(),
                status: "pendingValidation".into(),
                rules,
                created: now,
                expiration: None,
                last_use: None,
                validation_token: token.clone(),
            },
        );
        Ok((ck, token))
    }

    /// The account holder validates a pending consumer key for `validity` seconds (0: no
    /// expiry). `false`: no request has this token.
    pub fn validate_credential(&mut self, token: &str, validity: i64, now: DateTime<Utc>) -> bool {
        match self
            .credentials
            .values_mut()
            .find(|c| c.validation_token == token)
        {
            Some(c) => {
                c.status = "validated".into();
                c.expiration = (validity > 0).then(|| now + chrono::Duration::seconds(validity));
                true
            }
            None => false,
        }
    }

    /// An OAuth2 access token for service account `id`, if `secret` is its secret: `(token,
    /// lifetime in seconds)`.
    pub fn issue_token(
        &mut self,
        id: &str,
        secret: &str,
        now: DateTime<Utc>,
    ) -> Option<(String, i64)> {
        if self.service_accounts.get(id).map(|a| a.secret.as_str()) != Some(secret) {
            return None;
        }
        let token = format!("eyJ{}", self.new_uuid().replace('-', ""));
        let lifetime = self.token_lifetime_secs;
        self.tokens.insert(
            token.clone(),
            AccessToken {
                client_id: id.to_string(),
                expires: now + chrono::Duration::seconds(lifetime),
            },
        );
        Some((token, lifetime))
    }
}
