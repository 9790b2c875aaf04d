//! Commands of the Account screen: connect (three ways), import, show, sign out. Secrets come
//! in as arguments (the user typed them) and go straight to the domain; none is ever returned,
//! logged (`skip_all`) or emitted.
use desk::account::{self, AccountInfo};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

use crate::error::Error;
use crate::state::AppState;

/// What the Account screen shows.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AccountStatus {
    demo: bool,
    /// `OVH_ENDPOINT`, or `ovh-eu`: the region preselected when connecting.
    default_endpoint: String,
    /// Whether a "Connect" request is waiting for approval (its page URL).
    waiting_for: Option<String>,
    /// The endpoints "Sign in with OVHcloud" works on (`ovh-eu`...), `*` for every one: those
    /// this build carries an application for.
    sign_in: Vec<String>,
}

/// Keys found in `OVH_*` variables or an `ovh.conf`, described without their secrets.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ImportOffer {
    sources: Vec<String>,
    endpoint: String,
    method: account::Method,
}

/// An endpoint's pages, for the links beside each way in.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EndpointLinks {
    create_app: Option<&'static str>,
    create_token: Option<&'static str>,
}

/// The keys of one way in. Never logged: the commands skip all their arguments.
#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KeysInput {
    endpoint: String,
    application_key: String,
    application_secret: String,
    /// Absent when connecting (OVH issues it).
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    consumer_key: String,
}

#[derive(Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ServiceAccountInput {
    endpoint: String,
    client_id: String,
    client_secret: String,
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn account_status<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<AccountStatus, Error> {
    let demo = state.session(&app).await?.is_demo();
    Ok(AccountStatus {
        demo,
        default_endpoint: state
            .default_endpoint
            .as_ref()
            .map_or("ovh-eu".into(), |e| e.name().to_string()),
        waiting_for: state.connector.validation_url(),
        sign_in: state
            .builtin
            .iter()
            .map(|a| a.endpoint.as_ref().map_or("*", |e| e.name()).to_string())
            .collect(),
    })
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn account_info<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<AccountInfo>, Error> {
    Ok(state.session(&app).await?.account_info().await?)
}

#[tauri::command]
pub(crate) fn endpoint_links(endpoint: String) -> Result<EndpointLinks, Error> {
    let e = account::parse_endpoint(&endpoint)?;
    Ok(EndpointLinks {
        create_app: e.create_app_url(),
        create_token: e.create_token_url(),
    })
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub(crate) fn import_offer() -> Option<ImportOffer> {
    desk::ovhconf::discover_here().map(|f| ImportOffer {
        sources: f.sources,
        endpoint: f.account.endpoint().name().to_string(),
        method: f.account.method(),
    })
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn import_account(state: State<'_, AppState>) -> Result<AccountInfo, Error> {
    let found =
        desk::ovhconf::discover_here().ok_or(desk::Error::Invalid(desk::Why::NoKeysToImport))?;
    Ok(state.save_account(found.account).await?)
}

/// Requests a consumer key and opens its approval page in the default browser.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn connect_start<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: KeysInput,
) -> Result<String, Error> {
    let endpoint = account::parse_endpoint(&input.endpoint)?;
    let url = state
        .connector
        .start(endpoint, &input.application_key, &input.application_secret)
        .await?;
    open(&app, &url);
    Ok(url)
}

/// "Sign in with OVHcloud": requests a consumer key with the build's application and opens its
/// approval page in the default browser.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn sign_in<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    endpoint: String,
) -> Result<String, Error> {
    let endpoint = account::parse_endpoint(&endpoint)?;
    let url = state.connector.sign_in(endpoint, &state.builtin).await?;
    open(&app, &url);
    Ok(url)
}

/// "Allow restore tests": asks OVHcloud for the current keys' rules and the deletion restore
/// tests need, with the same application, and opens its approval page; `connect_wait` ends it.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn allow_rehearsals<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<String, Error> {
    let session = state.session(&app).await?;
    // The demo cloud allows them already: the dialog never offers this there.
    let account = session
        .account()
        .cloned()
        .ok_or(desk::Error::Invalid(desk::Why::ConsumerKeyRequired))?;
    let url = state.connector.allow_rehearsals(&account).await?;
    open(&app, &url);
    Ok(url)
}

/// Waits for approval, then saves the account and switches to it. `None` when cancelled.
#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn connect_wait(state: State<'_, AppState>) -> Result<Option<AccountInfo>, Error> {
    let Some(account) = state.connector.wait().await? else {
        return Ok(None);
    };
    Ok(Some(state.save_account(account).await?))
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub(crate) fn connect_cancel(state: State<'_, AppState>) {
    state.connector.cancel();
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn save_keys(
    state: State<'_, AppState>,
    input: KeysInput,
) -> Result<AccountInfo, Error> {
    let account = account::from_keys(
        account::parse_endpoint(&input.endpoint)?,
        &input.application_key,
        &input.application_secret,
        &input.consumer_key,
    )?;
    Ok(state.save_account(account).await?)
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn save_service_account(
    state: State<'_, AppState>,
    input: ServiceAccountInput,
) -> Result<AccountInfo, Error> {
    let account = account::from_service_account(
        account::parse_endpoint(&input.endpoint)?,
        &input.client_id,
        &input.client_secret,
    )?;
    Ok(state.save_account(account).await?)
}

#[tauri::command]
#[tracing::instrument(skip_all, err(Debug))]
pub(crate) async fn sign_out<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<(), Error> {
    Ok(state.sign_out(&app).await?)
}

/// Opens an OVHcloud page (https, or the simulator's http page) in the default browser.
#[tauri::command]
pub(crate) fn open_page<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), Error> {
    account::check_page_url(&url)?;
    open(&app, &url);
    Ok(())
}

/// A browser that does not open is not an error: the window shows the link to copy.
fn open<R: Runtime>(app: &AppHandle<R>, url: &str) {
    if let Err(e) = app.opener().open_url(url, None::<&str>) {
        tracing::warn!("cannot open the browser: {e}");
    }
}
