//! `#[tauri::command]` translators: take state, call one domain function, return its result.
use desk::automatic::{AutoForm, Choice, Covered, Outcome, Preview};
use desk::backups::Created;
use desk::inventory::{InstanceRow, ProjectSummary};
use desk::journal::Tracked;
use desk::rehearsal::Plan;
use desk::restore::{NewInstance, RestoreOptions};
use desk::restore_tests::{LatestBackup, Monthly, RehearsalForm};
use desk::session::{BackupForm, BackupList, DeleteOutcome};
use desk::workflows::WorkflowRow;
use desk::Why;
use serde::Deserialize;
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use crate::error::Error;
use crate::state::AppState;

/// Which cloud the window shows.
#[derive(Debug, Serialize, TS)]
#[ts(rename = "Session")]
#[serde(rename_all = "camelCase")]
pub(crate) struct SessionInfo {
    demo: bool,
    endpoint: String,
    /// The account's OVHcloud Control Panel, where advice may send the user.
    control_panel: Option<String>,
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn session<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<SessionInfo, Error> {
    let s = state.session(&app).await?;
    Ok(SessionInfo {
        demo: s.is_demo(),
        endpoint: s.endpoint_name(),
        control_panel: s.control_panel_url().map(str::to_string),
    })
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn list_projects<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Vec<ProjectSummary>, Error> {
    Ok(state.session(&app).await?.projects().await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn list_instances<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
) -> Result<Vec<InstanceRow>, Error> {
    Ok(state.session(&app).await?.instances(&project_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn backup_form<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    instance_id: String,
) -> Result<BackupForm, Error> {
    Ok(state
        .session(&app)
        .await?
        .backup_form(&project_id, &instance_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn create_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    instance_id: String,
    name: String,
    metal_acknowledged: bool,
    volume_ids: Vec<String>,
) -> Result<CreatedDto, Error> {
    let created = state
        .session(&app)
        .await?
        .create_backup(
            &project_id,
            &instance_id,
            &name,
            metal_acknowledged,
            &volume_ids,
        )
        .await?;
    Ok(created.into())
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn list_backups<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
) -> Result<BackupList, Error> {
    Ok(state.session(&app).await?.backups(&project_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn delete_backups<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    ids: Vec<String>,
) -> Result<Vec<DeleteOutcome>, Error> {
    Ok(state
        .session(&app)
        .await?
        .delete_backups(&project_id, &ids)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn delete_backup_part<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    set_id: String,
    part_id: String,
) -> Result<(), Error> {
    Ok(state
        .session(&app)
        .await?
        .delete_part(&project_id, &set_id, &part_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn restore_backup_part<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    set_id: String,
    part_id: String,
    instance_id: String,
    in_place: Option<String>,
) -> Result<(), Error> {
    Ok(state
        .session(&app)
        .await?
        .restore_part(
            &project_id,
            &set_id,
            &part_id,
            &instance_id,
            in_place.as_deref(),
        )
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn cancel_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    region: String,
    instance_id: String,
) -> Result<(), Error> {
    Ok(state
        .session(&app)
        .await?
        .cancel_backup(&project_id, &region, &instance_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn restore_options<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    backup_id: String,
) -> Result<RestoreOptions, Error> {
    Ok(state
        .session(&app)
        .await?
        .restore_options(&project_id, &backup_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn rehearsal_form<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    backup_id: String,
) -> Result<RehearsalForm, Error> {
    Ok(state
        .session(&app)
        .await?
        .rehearsal_form(&project_id, &backup_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn start_rehearsal<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    backup_id: String,
    port: Option<u16>,
    policy_confirmed: bool,
) -> Result<Plan, Error> {
    Ok(state
        .session(&app)
        .await?
        .start_rehearsal(&project_id, &backup_id, port, policy_confirmed)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn latest_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    instance_id: String,
) -> Result<Option<LatestBackup>, Error> {
    Ok(state
        .session(&app)
        .await?
        .latest_backup(&project_id, &instance_id)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn set_monthly_rehearsal<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    instance_id: String,
    hour: Option<u8>,
    port: Option<u16>,
    policy_confirmed: bool,
) -> Result<Option<Monthly>, Error> {
    Ok(state
        .session(&app)
        .await?
        .set_monthly_rehearsal(&project_id, &instance_id, hour, port, policy_confirmed)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn restore_in_place<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    backup_id: String,
    instance_id: String,
    typed_name: String,
    safety: bool,
) -> Result<Tracked, Error> {
    Ok(state
        .session(&app)
        .await?
        .restore_in_place(&project_id, &backup_id, &instance_id, &typed_name, safety)
        .await?)
}

/// The "Create an instance from this backup" form.
#[derive(Debug, Deserialize, TS)]
#[ts(rename = "NewInstanceSpec")]
#[serde(rename_all = "camelCase")]
pub(crate) struct NewInstanceDto {
    name: String,
    flavor_id: String,
    ssh_key_id: Option<String>,
    monthly_billing: bool,
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn restore_new_instance<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    backup_id: String,
    spec: NewInstanceDto,
) -> Result<Tracked, Error> {
    let spec = NewInstance {
        name: spec.name,
        flavor_id: spec.flavor_id,
        ssh_key_id: spec.ssh_key_id,
        monthly_billing: spec.monthly_billing,
    };
    Ok(state
        .session(&app)
        .await?
        .restore_into_new_instance(&project_id, &backup_id, &spec)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn auto_backup_form<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
) -> Result<AutoForm, Error> {
    Ok(state.session(&app).await?.auto_form(&project_id).await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn preview_schedule<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    instance_ids: Vec<String>,
    choice: Choice,
) -> Result<Preview, Error> {
    Ok(state
        .session(&app)
        .await?
        .preview_schedule(&project_id, &instance_ids, &choice)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn create_auto_backups<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    instance_ids: Vec<String>,
    name: String,
    cron: String,
    rotation: u32,
) -> Result<Vec<Outcome>, Error> {
    Ok(state
        .session(&app)
        .await?
        .create_auto_backups(&project_id, &instance_ids, &name, &cron, rotation)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn list_workflows<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
) -> Result<Vec<WorkflowRow>, Error> {
    Ok(state.session(&app).await?.workflows(&project_id).await?)
}

/// One workflow to delete.
#[derive(Debug, Deserialize, TS)]
pub(crate) struct WorkflowRef {
    region: String,
    id: String,
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn delete_workflows<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    items: Vec<WorkflowRef>,
    backup_ids: Vec<String>,
) -> Result<desk::session::DeletionReport, Error> {
    let items: Vec<(String, String)> = items.into_iter().map(|w| (w.region, w.id)).collect();
    Ok(state
        .session(&app)
        .await?
        .delete_workflows(&project_id, &items, &backup_ids)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn workflow_backups<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    items: Vec<WorkflowRef>,
) -> Result<Vec<desk::session::WorkflowBackups>, Error> {
    let items: Vec<(String, String)> = items.into_iter().map(|w| (w.region, w.id)).collect();
    Ok(state
        .session(&app)
        .await?
        .workflow_backups(&project_id, &items)
        .await?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
#[allow(clippy::too_many_arguments)]
pub(crate) async fn replace_workflow<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    project_id: String,
    region: String,
    id: String,
    name: String,
    cron: String,
    rotation: u32,
) -> Result<(), Error> {
    Ok(state
        .session(&app)
        .await?
        .replace_workflow(&project_id, &region, &id, &name, &cron, rotation)
        .await?)
}

/// The window's refresh control: every list is read again on the next look.
#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn refresh<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), Error> {
    state.session(&app).await?.refresh();
    Ok(())
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn refresh_schedules<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), Error> {
    state.session(&app).await?.refresh_schedules();
    Ok(())
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn check_account<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<desk::check::Report, Error> {
    Ok(state.session(&app).await?.check_account().await)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn unreadable_count<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<u64, Error> {
    Ok(state.session(&app).await?.unreadable_count())
}

/// Saves a check report in the user's Documents folder (home when there is none).
#[tauri::command]
#[tracing::instrument(skip(app, text), err(Debug))]
pub(crate) fn save_check_report<R: Runtime>(
    app: AppHandle<R>,
    text: String,
) -> Result<String, Error> {
    let dir = app
        .path()
        .document_dir()
        .or_else(|_| app.path().home_dir())
        .map_err(|e| {
            Error::System(Why::NoSaveFolder {
                detail: e.to_string(),
            })
        })?;
    desk::check::save(&dir, &text)
        .map(|p| p.display().to_string())
        .map_err(|e| {
            Error::System(Why::ReportNotSaved {
                path: dir.display().to_string(),
                detail: e.to_string(),
            })
        })
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn price_country<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<desk::pricing::PriceCountry, Error> {
    Ok(state.session(&app).await?.price_country().await)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn choose_price_country<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    subsidiary: String,
) -> Result<(), Error> {
    Ok(state
        .session(&app)
        .await?
        .choose_price_country(&subsidiary)?)
}

#[tauri::command]
#[tracing::instrument(skip(app, state), err(Debug))]
pub(crate) async fn protection_overview<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Overview, Error> {
    let session = state.session(&app).await?;
    let rows = session.overview().await?;
    crate::tray::reflect(&app, &rows);
    crate::first_screen_served();
    Ok(Overview {
        rows,
        now: session.now(),
    })
}

/// The protection overview, and the connection's clock its ages are counted from ("3 h ago"):
/// OVH's, not the computer's, which may be off.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Overview {
    rows: Vec<Covered>,
    now: chrono::DateTime<chrono::Utc>,
}

/// A started backup, for the window.
#[derive(Debug, Serialize, TS)]
#[ts(rename = "Created")]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreatedDto {
    snapshot_id: String,
    recovered: bool,
}

impl From<Created> for CreatedDto {
    fn from(c: Created) -> Self {
        Self {
            snapshot_id: c.snapshot_id,
            recovered: c.recovered,
        }
    }
}
