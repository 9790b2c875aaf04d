//! The "Create an automatic backup" form's data and preview, bulk creation, and the protection
//! overview: which instance is covered by a schedule and how old its last good backup is.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use ovh::types::{Image, SnapshotStatus, Workflow};
use ovh::Client;

use crate::inventory::InstanceRow;
use crate::pricing::Price;
use crate::schedule::{self, Described, Plain};
use crate::workflows::{self, Spec};
use crate::Result;

/// One instance the form can schedule.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub region: String,
    pub disk_gb: Option<u64>,
    pub metal: bool,
    pub iops: bool,
    /// Names of workflows already covering it.
    pub workflows: Vec<String>,
    /// Its name in the characters a workflow name allows ([`schedule::name_stem`]): the form
    /// names the automatic backup after its schedule and this, "weekly-web-1".
    pub name_stem: String,
    /// Its additional volumes, by name: OVH's workflows back up the instance only, so the form
    /// says these are not included (issue 20).
    pub volumes: Vec<String>,
}

/// What the form needs before the user chooses.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AutoForm {
    pub instances: Vec<Candidate>,
    pub zone: String,
    /// The panel's presets for this form: a cron in its 22:00–06:00 UTC window.
    pub preset_cron: String,
    /// The presets' schedule in words, so that they say when they run.
    pub preset: Described,
    pub price: Option<Price>,
}

/// Builds the form's data.
pub fn form(
    instances: &[InstanceRow],
    workflows: &[(String, Workflow)],
    zone: Tz,
    price: Option<Price>,
    now: DateTime<Utc>,
) -> AutoForm {
    let candidates = instances
        .iter()
        .map(|i| Candidate {
            id: i.id.clone(),
            name: i.name.clone(),
            name_stem: schedule::name_stem(&i.name),
            region: i.region.clone(),
            disk_gb: i.disk_gb,
            metal: i.metal,
            iops: i.iops,
            workflows: workflows
                .iter()
                .filter(|(_, w)| w.instance_id == i.id)
                .map(|(_, w)| w.name.clone())
                .collect(),
            volumes: Vec::new(),
        })
        .collect();
    let preset_cron = schedule::preset_cron(&mut rand::thread_rng());
    AutoForm {
        instances: candidates,
        zone: zone.name().to_string(),
        preset: schedule::describe(&preset_cron, zone, now),
        preset_cron,
        price,
    }
}

/// A schedule as chosen in the form: a raw cron (presets, "advanced") or a plain schedule.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    #[serde(default)]
    #[ts(optional)]
    pub cron: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub plain: Option<Plain>,
    pub rotation: u32,
}

/// The schedule shown both ways, its next runs, its warnings and its cost.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub cron: String,
    pub rotation: u32,
    pub described: Described,
    /// RFC 3339 in the user's zone.
    pub next_runs: Vec<String>,
    /// The first run whose local time moves with daylight saving (RFC 3339, local).
    pub dst_shift: Option<String>,
    pub business_hours: bool,
    /// For the chosen instances: one backup, and all kept backups, per month.
    pub per_backup_monthly: Option<f64>,
    pub total_monthly: Option<f64>,
    pub currency: Option<String>,
}

/// Resolves a choice to a cron and describes it.
pub fn preview(
    choice: &Choice,
    disk_gb: u64,
    price: Option<&Price>,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<Preview> {
    if !(1..=100).contains(&choice.rotation) {
        return Err(crate::Error::Invalid(crate::Why::KeepCount));
    }
    let cron = match (&choice.cron, &choice.plain) {
        (Some(c), _) if !c.trim().is_empty() => schedule::validate_cron(c)?,
        (_, Some(p)) => schedule::to_cron(p, zone, now)?,
        _ => return Err(crate::Error::Invalid(crate::Why::ChooseSchedule)),
    };
    let fmt = |t: DateTime<Tz>| t.to_rfc3339();
    Ok(Preview {
        described: schedule::describe(&cron, zone, now),
        next_runs: schedule::next_runs(&cron, zone, now, 5)
            .into_iter()
            .map(fmt)
            .collect(),
        dst_shift: schedule::dst_shift(&cron, zone, now).map(fmt),
        business_hours: schedule::in_business_hours(&cron, zone, now),
        per_backup_monthly: price.map(|p| p.monthly(disk_gb as f64)),
        total_monthly: price
            .map(|p| schedule::monthly_cost(disk_gb, p.per_gb_month, choice.rotation)),
        currency: price.map(|p| p.currency.clone()),
        rotation: choice.rotation,
        cron,
    })
}

/// The outcome for one instance of a bulk creation.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub instance_id: String,
    pub workflow_name: String,
    /// Why it was not created.
    pub error: Option<crate::Said>,
}

/// A workflow name for one of several instances: the base name and the instance's, in the
/// characters the panel allows.
pub fn name_for(base: &str, instance_name: &str, several: bool) -> String {
    if !several {
        return base.to_string();
    }
    let clean: String = instance_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{base}-{clean}")
}

/// Creates one workflow per instance (each in its own region).
pub async fn create_many(
    client: &Client,
    project_id: &str,
    instances: &[(String, String)],
    base_name: &str,
    cron: &str,
    rotation: u32,
) -> Result<Vec<Outcome>> {
    schedule::validate_workflow_name(base_name)?;
    let cron = schedule::validate_cron(cron)?;
    let several = instances.len() > 1;
    let mut out = Vec::new();
    for (id, name) in instances {
        let workflow_name = name_for(base_name, name, several);
        let spec = Spec {
            instance_id: id.clone(),
            name: workflow_name.clone(),
            cron: cron.clone(),
            rotation,
        };
        let error = workflows::create(client, project_id, &spec)
            .await
            .err()
            .map(|e| e.said());
        out.push(Outcome {
            instance_id: id.clone(),
            workflow_name,
            error,
        });
    }
    Ok(out)
}

/// How well an instance is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Protection {
    /// A schedule, and a good backup as recent as it implies.
    Ok,
    /// A schedule whose last run failed, or whose last good backup is too old.
    Warning,
    /// No schedule.
    Unprotected,
}

/// Why a scheduled instance needs attention, so the overview can say it and offer the fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Attention {
    /// The workflow's last run ended in `ERROR`.
    LastRunFailed,
    /// No good backup for longer than twice the schedule's interval (plus a day).
    Overdue,
    /// The newest restore rehearsal of its backups failed.
    RehearsalFailed,
}

/// How an instance is rated: its newest good backup, its protection and, when it needs
/// attention, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating {
    pub last_good: Option<DateTime<Utc>>,
    pub protection: Protection,
    pub attention: Option<Attention>,
}

/// One row of the protection overview.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Covered {
    pub project_id: String,
    pub project_name: String,
    pub instance_id: String,
    pub instance_name: String,
    pub region: String,
    pub metal: bool,
    pub workflow: Option<String>,
    pub schedule: Option<Described>,
    pub last_good_backup: Option<DateTime<Utc>>,
    pub protection: Protection,
    /// Set exactly when `protection` is `Warning`.
    pub attention: Option<Attention>,
    /// What OVH said of the failed last run, when `attention` is `LastRunFailed`.
    pub failure: Option<RunFailure>,
    /// OVH reports the instance's project suspended.
    pub project_suspended: bool,
    /// The newest restore rehearsal of its backups.
    pub rehearsal: Option<crate::rehearsal::Rehearsed>,
    /// Its additional volumes that its newest available backup does not hold (OVH's automatic
    /// backups never do): "volumes not protected" (issue 20).
    pub unprotected_volumes: Vec<String>,
}

/// What OVH said of a failed run: its words, shown under "Details", and whether they name a
/// quota, so the advice is to make room ([`crate::said::names_quota`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunFailure {
    /// OVH's `stateInfo`, when it gave one.
    pub ovh: Option<String>,
    pub quota: bool,
}

/// What OVH said of the workflow's last run, if that run failed.
pub fn run_failure(w: &Workflow) -> Option<RunFailure> {
    let last = w.last_execution()?;
    if !last.state.eq_ignore_ascii_case("ERROR") {
        return None;
    }
    let ovh = last
        .state_info
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    Some(RunFailure {
        quota: ovh.is_some_and(crate::said::names_quota),
        ovh: ovh.map(str::to_string),
    })
}

/// Rates one instance: a schedule must exist, its last run must not have failed, and the last
/// good backup must be younger than twice the schedule's interval (plus a day of slack). The
/// last good backup is a fact, never a name match: the newest `SUCCESS` among the workflows'
/// own executions, or the newest available backup the app recorded making of this instance.
pub fn rate(workflows: &[&Workflow], recorded: &[&Image], now: DateTime<Utc>) -> Rating {
    let by_workflow = workflows
        .iter()
        .flat_map(|w| w.executions.iter())
        .filter(|e| e.state.eq_ignore_ascii_case("SUCCESS"))
        .filter_map(|e| e.executed_at);
    let by_hand = recorded
        .iter()
        .filter(|b| b.snapshot_status() == SnapshotStatus::Active)
        .filter_map(|b| b.creation_date);
    let last_good = by_workflow.chain(by_hand).max();
    let Some(w) = workflows.first() else {
        return Rating {
            last_good,
            protection: Protection::Unprotected,
            attention: None,
        };
    };
    let failed = w
        .last_execution()
        .is_some_and(|e| e.state.eq_ignore_ascii_case("ERROR"));
    let interval = ovh::cron::occurrences(&w.cron, now, now + chrono::Duration::days(62), 2);
    let allowed = match interval.as_slice() {
        [a, b] => (*b - *a) * 2 + chrono::Duration::days(1),
        _ => chrono::Duration::days(62),
    };
    let fresh = last_good.is_some_and(|t| now - t <= allowed)
        || w.created_at.is_some_and(|c| now - c <= allowed);
    let attention = if failed {
        Some(Attention::LastRunFailed)
    } else if !fresh {
        Some(Attention::Overdue)
    } else {
        None
    };
    Rating {
        last_good,
        protection: if attention.is_some() {
            Protection::Warning
        } else {
            Protection::Ok
        },
        attention,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wf(executions: serde_json::Value) -> Workflow {
        serde_json::from_value(serde_json::json!({
            "id": "w", "name": "nightly", "cron": "0 1 * * *", "instanceId": "i",
            "createdAt": "2026-01-01T00:00:00Z", "executions": executions
        }))
        .unwrap()
    }

    #[test]
    fn protection_comes_from_the_workflow_s_own_runs() {
        let now: DateTime<Utc> = "2026-03-10T12:00:00Z".parse().unwrap();
        let good = wf(serde_json::json!([
            {"id": "a", "executedAt": "2026-03-10T01:00:00Z", "state": "success"}
        ]));
        let r = rate(&[&good], &[], now);
        assert_eq!(
            (r.protection, r.attention),
            (Protection::Ok, None),
            "a recent success, in any case"
        );
        assert_eq!(r.last_good, Some("2026-03-10T01:00:00Z".parse().unwrap()));

        let failed = wf(serde_json::json!([
            {"id": "a", "executedAt": "2026-03-09T01:00:00Z", "state": "SUCCESS"},
            {"id": "b", "executedAt": "2026-03-10T01:00:00Z", "state": "ERROR", "stateInfo": "quota"}
        ]));
        let r = rate(&[&failed], &[], now);
        assert_eq!(
            (r.protection, r.attention),
            (Protection::Warning, Some(Attention::LastRunFailed))
        );
        assert_eq!(
            run_failure(&failed),
            Some(RunFailure {
                ovh: Some("quota".into()),
                quota: true
            })
        );
        assert_eq!(run_failure(&good), None, "a success is no failure");

        let silent = wf(serde_json::json!(null));
        let r = rate(&[&silent], &[], now);
        assert_eq!(
            (r.protection, r.attention),
            (Protection::Warning, Some(Attention::Overdue)),
            "no run in two months: needs attention, whatever backups are named"
        );
        let r = rate(&[], &[], now);
        assert_eq!((r.protection, r.attention), (Protection::Unprotected, None));
    }
}
