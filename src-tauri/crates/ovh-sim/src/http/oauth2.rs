//! Outside the API: the OAuth2 token URL of service accounts, and the page where the account
//! holder validates a consumer key the app asked for (OVH's `/auth/?credentialToken=…`).
use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::faults::Fault;
use crate::Sim;

pub(super) fn routes() -> Router<Arc<Sim>> {
    Router::new()
        .route("/auth/", get(validation_page))
        .route("/auth/validate", post(validate_credential))
        .route("/auth/oauth2/token", post(token))
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    grant_type: String,
    client_id: Option<String>,
    client_secret: Option<String>,
}

fn oauth2_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// The client's id and secret from HTTP Basic authentication, if given that way.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let encoded = headers
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let (id, secret) = String::from_utf8(decoded)
        .ok()?
        .split_once(':')
        .map(|(a, b)| (a.to_string(), b.to_string()))?;
    Some((id, secret))
}

/// The OAuth2 token URL: client credentials as HTTP Basic (python-ovh) or in the form body (the
/// docs' curl example).
async fn token(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Response {
    sim.requests.fetch_add(1, Ordering::Relaxed);
    // The token URL fails as any other (a proxy's HTML 503, a timeout).
    let fault = sim.take_fault(&Method::POST, "/auth/oauth2/token");
    if let Some(early) = fault.as_ref().and_then(Fault::early_response) {
        return early;
    }
    let (id, secret) = match (
        basic_credentials(&headers),
        form.client_id,
        form.client_secret,
    ) {
        (Some(pair), _, _) => pair,
        (None, Some(id), Some(secret)) => (id, secret),
        _ => {
            return oauth2_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "client authentication failed",
            )
        }
    };
    if form.grant_type != "client_credentials" {
        return oauth2_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only client_credentials is supported",
        );
    }
    let now = sim.clocks.world_now();
    match sim
        .world
        .lock()
        .expect("world lock")
        .issue_token(&id, &secret, now)
    {
        Some((token, lifetime)) => Json(json!({
            "access_token": token, "token_type": "Bearer", "expires_in": lifetime, "scope": "all"
        }))
        .into_response(),
        None => oauth2_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "ovhcloud oauth2 client does not exists",
        ),
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(rename = "credentialToken")]
    credential_token: String,
}

async fn validation_page(State(sim): State<Arc<Sim>>, Query(q): Query<TokenQuery>) -> Response {
    let world = sim.world.lock().expect("world lock");
    let Some(cred) = world
        .credentials
        .values()
        .find(|c| c.validation_token == q.credential_token)
    else {
        return (
            StatusCode::NOT_FOUND,
            Html("<h1>Unknown or expired credential request</h1>".to_string()),
        )
            .into_response();
    };
    let rules: String = cred
        .rules
        .iter()
        .map(|(m, p)| {
            format!(
                "<li><code>{} {}</code></li>",
                html_escape(m),
                html_escape(p)
            )
        })
        .collect();
    let state = html_escape(&cred.status);
    let token = html_escape(&q.credential_token);
    Html(format!(
        "<!doctype html><html><head><meta charset=utf-8><title>OVHcloud API (simulator) – authorize application</title></head>\
         <body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\">\
         <h1>Authorize an application</h1><p>Account <b>{account}</b>. State: <b id=state>{state}</b></p>\
         <p>The application asks for these rights:</p><ul>{rules}</ul>\
         <form method=post action=/auth/validate><input type=hidden name=credentialToken value=\"{token}\">\
         <label>Validity <select name=validity><option value=86400>1 day</option><option value=2592000>30 days</option><option value=0 selected>Unlimited</option></select></label> \
         <button id=validate type=submit>Validate</button></form></body></html>",
        account = html_escape(&world.account),
    ))
    .into_response()
}

#[derive(Deserialize)]
struct ValidateForm {
    #[serde(rename = "credentialToken")]
    credential_token: String,
    #[serde(default)]
    validity: i64,
}

async fn validate_credential(
    State(sim): State<Arc<Sim>>,
    Form(form): Form<ValidateForm>,
) -> Response {
    let now = sim.clocks.world_now();
    let validated = sim.world.lock().expect("world lock").validate_credential(
        &form.credential_token,
        form.validity,
        now,
    );
    if validated {
        Html("<!doctype html><h1 id=done>Your application is now authorized</h1><p>You can close this window.</p>".to_string()).into_response()
    } else {
        (
            StatusCode::NOT_FOUND,
            Html("<h1>Unknown credential request</h1>".to_string()),
        )
            .into_response()
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
