//! Automatic backups: OVH backup workflows, run by OVH's servers on their cron. This module
//! lists, creates (one or several), deletes and "edits" them (the API has no update: delete and
//! recreate, putting the original back if the new one is refused). It never runs a backup
//! itself.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use ovh::types::{Image, Instance, SnapshotStatus, Workflow, WorkflowCreation};
use ovh::Client;

use crate::backups::backup_base;
use crate::schedule::{self, Described};
use crate::{Error, Result, Why};

/// One run of a workflow.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub id: String,
    pub executed_at: Option<DateTime<Utc>>,
    pub state: RunState,
    /// OVH's own word for the state, shown when it is none of ours.
    pub raw_state: String,
    pub state_info: Option<String>,
}

/// A run's state, from OVH's execution state (its case not relied on).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[serde(rename_all = "camelCase")]
pub enum RunState {
    Success,
    Error,
    Running,
    Canceled,
    Idle,
    Paused,
    /// A state OVH may add later: `raw_state` says which.
    Other,
}

impl RunState {
    pub fn of(state: &str) -> Self {
        match state.to_ascii_uppercase().as_str() {
            "SUCCESS" => RunState::Success,
            "ERROR" => RunState::Error,
            "RUNNING" => RunState::Running,
            "CANCELED" | "CANCELLED" => RunState::Canceled,
            "IDLE" => RunState::Idle,
            "PAUSED" => RunState::Paused,
            _ => RunState::Other,
        }
    }
}

/// One row of Workflow Management.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkflowRow {
    pub id: String,
    pub name: String,
    pub region: String,
    pub instance_id: String,
    /// `None` when the instance was deleted (the workflow then fails every run).
    pub instance_name: Option<String>,
    pub cron: String,
    pub rotation: Option<u32>,
    pub schedule: Described,
    pub next_run: Option<DateTime<Utc>>,
    pub last_run: Option<Run>,
    /// Newest first.
    pub history: Vec<Run>,
}

fn run(e: &ovh::types::Execution) -> Run {
    Run {
        id: e.id.clone(),
        executed_at: e.executed_at,
        state: RunState::of(&e.state),
        raw_state: e.state.clone(),
        state_info: e.state_info.clone().filter(|s| !s.is_empty()),
    }
}

/// Shapes the API's workflows for the screen.
pub fn rows(
    workflows: Vec<(String, Workflow)>,
    instances: &[Instance],
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<WorkflowRow> {
    let mut rows: Vec<WorkflowRow> = workflows
        .into_iter()
        .map(|(region, w)| {
            let mut history: Vec<Run> = w.executions.iter().map(run).collect();
            history.sort_by_key(|r| std::cmp::Reverse(r.executed_at));
            let next_run = w
                .next_execution_time
                .or_else(|| ovh::cron::next_after(&w.cron, now));
            WorkflowRow {
                instance_name: instances
                    .iter()
                    .find(|i| i.id == w.instance_id)
                    .map(|i| i.name.clone()),
                schedule: schedule::describe(&w.cron, zone, now),
                last_run: history.first().cloned(),
                history,
                next_run,
                id: w.id,
                name: w.name,
                region,
                instance_id: w.instance_id,
                cron: w.cron,
                rotation: w.rotation,
            }
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    rows
}

/// What an automatic backup is made of.
#[derive(Debug, Clone)]
pub struct Spec {
    pub instance_id: String,
    pub name: String,
    pub cron: String,
    pub rotation: u32,
}

/// Creates a workflow for one instance, in the instance's region. Metal instances are refused:
/// OVH offers no automatic backup for them.
pub async fn create(client: &Client, project_id: &str, spec: &Spec) -> Result<Workflow> {
    schedule::validate_workflow_name(&spec.name)?;
    let cron = schedule::validate_cron(&spec.cron)?;
    if !(1..=100).contains(&spec.rotation) {
        return Err(Error::Invalid(Why::KeepCount));
    }
    let instance = client.instance(project_id, &spec.instance_id).await?;
    if instance.flavor.as_ref().is_some_and(|f| f.is_metal()) {
        return Err(Error::Invalid(Why::NoAutomaticOnMetal));
    }
    let body = WorkflowCreation {
        cron,
        instance_id: instance.id.clone(),
        name: spec.name.clone(),
        rotation: spec.rotation,
        max_execution_count: None,
    };
    Ok(client
        .create_workflow(project_id, &instance.region, &body)
        .await?)
}

/// The backups a workflow appears to have made, for the user to confirm before anything is
/// deleted: in its region, named by its backup name and a date ([`crate::backups::named_by`]),
/// not claimed by another workflow with a longer backup name, never one the app recorded as
/// made by hand (`manual`), never one already being deleted.
pub fn backups_of<'a>(
    workflow: &Workflow,
    region: &str,
    all: &[(String, Workflow)],
    snapshots: &'a [Image],
    manual: &dyn Fn(&str) -> bool,
) -> Vec<&'a Image> {
    let base = backup_base(workflow).len();
    snapshots
        .iter()
        .filter(|s| s.region == region && crate::backups::named_by(workflow, &s.name))
        .filter(|s| {
            !all.iter().any(|(r, other)| {
                r == region
                    && other.id != workflow.id
                    && backup_base(other).len() > base
                    && crate::backups::named_by(other, &s.name)
            })
        })
        .filter(|s| !manual(&s.id) && s.snapshot_status() != SnapshotStatus::Deleting)
        .collect()
}

/// Deletes one workflow. The backups it made are OVH's to keep (deleting a workflow does not
/// delete them, per terraform-provider-ovh): they are deleted only from a list the user saw.
pub async fn delete(client: &Client, project_id: &str, region: &str, id: &str) -> Result<()> {
    Ok(client.delete_workflow(project_id, region, id).await?)
}

/// Changes a workflow: OVH has no update, so the old one is deleted and the new one created; if
/// the new one is refused, the old one is created again and the refusal is returned.
pub async fn replace(
    client: &Client,
    project_id: &str,
    region: &str,
    id: &str,
    spec: &Spec,
) -> Result<Workflow> {
    schedule::validate_workflow_name(&spec.name)?;
    schedule::validate_cron(&spec.cron)?;
    let original = client.workflow(project_id, region, id).await?;
    client.delete_workflow(project_id, region, id).await?;
    match create(client, project_id, spec).await {
        Ok(w) => Ok(w),
        Err(e) => {
            let back = Spec {
                instance_id: original.instance_id.clone(),
                name: original.name.clone(),
                cron: original.cron.clone(),
                rotation: original.rotation.unwrap_or(spec.rotation),
            };
            match create(client, project_id, &back).await {
                Ok(_) => Err(Error::Invalid(Why::ScheduleRefusedRestored {
                    refused: Box::new(e.said()),
                })),
                Err(e2) => Err(Error::Uncertain(Why::ScheduleRefusedLost {
                    refused: Box::new(e.said()),
                    restoring: Box::new(e2.said()),
                })),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_name_instances_and_order_runs() {
        let wf: Workflow = serde_json::from_value(serde_json::json!({
            "id": "w1", "name": "nightly", "cron": "30 22 * * *", "instanceId": "i1", "rotation": 7,
            "executions": [
                {"id": "a", "executedAt": "2026-01-01T22:30:00Z", "state": "SUCCESS", "stateInfo": ""},
                {"id": "b", "executedAt": "2026-01-02T22:30:00Z", "state": "ERROR", "stateInfo": "quota"}
            ]
        }))
        .unwrap();
        let inst: Instance =
            serde_json::from_value(serde_json::json!({"id": "i1", "name": "web-1"})).unwrap();
        let now = "2026-01-03T12:00:00Z".parse().unwrap();
        let rows = rows(
            vec![("GRA11".into(), wf)],
            &[inst],
            chrono_tz::Europe::Paris,
            now,
        );
        assert_eq!(rows[0].instance_name.as_deref(), Some("web-1"));
        assert_eq!(
            rows[0].last_run.as_ref().unwrap().state,
            RunState::Error,
            "the latest run, as the panel computes it"
        );
        assert_eq!(RunState::of("success"), RunState::Success);
        assert_eq!(RunState::of("MIGRATING"), RunState::Other);
        assert_eq!(
            rows[0].last_run.as_ref().unwrap().state_info.as_deref(),
            Some("quota")
        );
        assert_eq!(
            rows[0].history[1].state_info, None,
            "an empty stateInfo is no info"
        );
        assert_eq!(rows[0].schedule.local_time.as_deref(), Some("23:30"));
        assert_eq!(
            rows[0].next_run,
            Some("2026-01-03T22:30:00Z".parse().unwrap())
        );
    }

    fn wf(id: &str, name: &str, backup_name: Option<&str>) -> Workflow {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": name, "backupName": backup_name, "instanceId": "i", "cron": "0 1 * * *"
        }))
        .unwrap()
    }

    fn snap(id: &str, name: &str, region: &str) -> Image {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": name, "region": region, "status": "active", "size": 1.0
        }))
        .unwrap()
    }

    /// "web 2026-…" is web's; "web-2 2026-…" also starts with "web" then a digit, but belongs
    /// to the workflow whose longer backup name is "web-2" in that region — and to web in a
    /// region where no "web-2" workflow exists.
    #[test]
    fn a_workflow_s_backups_leave_out_those_a_longer_name_claims() {
        let web = wf("w-web", "web", Some("web"));
        let web2 = wf("w-web2", "nightly", Some("web-2"));
        let blank = wf("w-db", "db", Some("  "));
        assert_eq!(backup_base(&web2), "web-2");
        assert_eq!(
            backup_base(&blank),
            "db",
            "a blank backup name: the workflow's name"
        );
        let all = vec![
            ("GRA11".to_string(), web.clone()),
            ("GRA11".to_string(), web2.clone()),
            ("GRA11".to_string(), blank.clone()),
            ("SBG5".to_string(), web.clone()),
        ];
        let snaps = vec![
            snap("1", "web 2026-12-01T01:00:00Z", "GRA11"),
            snap("2", "web-2 2026-12-01T01:00:00Z", "GRA11"),
            snap("3", "web-2 2026-12-01T01:00:00Z", "SBG5"),
            snap("4", "db 2026-12-01T01:00:00Z", "GRA11"),
            snap("5", "web 2026-12-02T01:00:00Z", "GRA11"),
        ];
        let manual = |id: &str| id == "5";
        let ids = |w: &Workflow, region: &str| -> Vec<String> {
            backups_of(w, region, &all, &snaps, &manual)
                .iter()
                .map(|s| s.id.clone())
                .collect()
        };
        assert_eq!(
            ids(&web, "GRA11"),
            ["1"],
            "not web-2's, not the one made by hand"
        );
        assert_eq!(ids(&web2, "GRA11"), ["2"]);
        assert_eq!(
            ids(&web, "SBG5"),
            ["3"],
            "no web-2 workflow claims it there"
        );
        assert_eq!(ids(&blank, "GRA11"), ["4"]);
        // Two workflows with the same backup name: nothing tells whose a backup is, so each
        // lists it and the user, who sees the exact list, decides.
        let twin = wf("w-twin", "other", Some("web"));
        let all = vec![
            ("GRA11".to_string(), web.clone()),
            ("GRA11".to_string(), twin.clone()),
        ];
        let listed = |w: &Workflow| backups_of(w, "GRA11", &all, &snaps, &manual).len();
        assert_eq!(
            (listed(&web), listed(&twin)),
            (2, 2),
            "1 and 2, as no web-2 workflow is left"
        );
    }
}
