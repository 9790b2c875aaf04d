//! `#[tauri::command]` translators: take state, call one domain function, return its result.
use desk::inventory::{self, InstanceRow, ProjectSummary};
use serde::Serialize;
use tauri::State;

use crate::error::Error;
use crate::state::AppState;

/// Which cloud the window shows.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Session {
    demo: bool,
    endpoint: String,
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub(crate) async fn session(state: State<'_, AppState>) -> Result<Session, Error> {
    let conn = state.connection().await?;
    Ok(Session {
        demo: conn.mode == desk::Mode::Demo,
        endpoint: conn.client.endpoint().name().to_string(),
    })
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub(crate) async fn list_projects(
    state: State<'_, AppState>,
) -> Result<Vec<ProjectSummary>, Error> {
    Ok(inventory::projects(&state.connection().await?.client).await?)
}

#[tauri::command]
#[tracing::instrument(skip(state), err(Debug))]
pub(crate) async fn list_instances(
    state: State<'_, AppState>,
    project_id: String,
) -> Result<Vec<InstanceRow>, Error> {
    Ok(inventory::instances(&state.connection().await?.client, &project_id).await?)
}
