//! The HTTP face of the simulator, on axum's own routing: the API under `/1.0` (and its `/v1`
//! alias) in [`api`], the OAuth2 token URL and the consent pages in [`oauth2`], and (with the
//! `controls` feature) the `/_sim/...` control API in [`control`].
//!
//! Every API request passes through one envelope, outermost first: counted and logged, a
//! matching injected fault applied, the world advanced to now; then, for all but the few unsigned
//! routes, the signature checked over the raw request; then the route's handler.
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{FromRef, FromRequest, FromRequestParts, OriginalUri, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::auth::AuthError;
use crate::faults::{DropWhen, Fault};
use crate::world::{Refusal, World};
use crate::Sim;

mod api;
#[cfg(feature = "controls")]
pub mod control;
mod oauth2;

/// Every route of the simulator.
pub fn router(sim: Arc<Sim>) -> Router {
    let api =
        api::routes(sim.clone()).layer(axum::middleware::from_fn_with_state(sim.clone(), envelope));
    let router = Router::new()
        .nest("/1.0", api.clone())
        .nest("/v1", api)
        .merge(oauth2::routes());
    #[cfg(feature = "controls")]
    let router = router.merge(control::routes());
    router.fallback(not_found).with_state(sim)
}

/// OVH's answer to a path it does not serve (also to a method a path does not take).
async fn not_found() -> Response {
    ovh_error(404, "Client::NotFound", "Got an invalid (or empty) URL")
}

/// An OVH application error body: `{class, message}`.
fn ovh_error(status: u16, class: &str, message: &str) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (code, Json(json!({"class": class, "message": message}))).into_response()
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        ovh_error(self.status, self.class, &self.message)
    }
}

impl IntoResponse for AuthError {
    fn into_response(self) -> Response {
        let code = StatusCode::from_u16(self.status).unwrap_or(StatusCode::FORBIDDEN);
        let http_code = format!("{} {}", self.status, code.canonical_reason().unwrap_or(""));
        let body = if self.error_code.is_empty() {
            json!({"class": self.class(), "message": self.message})
        } else {
            json!({"class": self.class(), "errorCode": self.error_code, "httpCode": http_code, "message": self.message})
        };
        (code, Json(body)).into_response()
    }
}

/// A response that starts like a success, then breaks the connection: the client gets no usable
/// answer (what a reset or a proxy timeout looks like).
fn broken_connection() -> Response {
    let failing = futures_util::stream::once(async {
        Err::<Bytes, _>(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected",
        ))
    });
    Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(Body::from_stream(failing))
        .expect("static response")
}

impl Fault {
    /// The response that replaces the real one, if this fault short-circuits the call.
    fn early_response(&self) -> Option<Response> {
        if matches!(self.drop, Some(DropWhen::Before)) {
            return Some(broken_connection());
        }
        let status = self.status?;
        let class = match status {
            403 => "Client::Forbidden",
            404 => "Client::NotFound",
            409 => "Client::Conflict",
            429 => "Client::TooManyRequests",
            500.. => "Server::InternalServerError",
            _ => "Client::BadRequest",
        };
        let mut r = if self.html {
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            (code, Html(format!("<html><head><title>{status}</title></head><body><h1>{status} Service Unavailable</h1></body></html>"))).into_response()
        } else {
            ovh_error(
                status,
                class,
                self.message.as_deref().unwrap_or("Injected fault"),
            )
        };
        if let Some(secs) = self.retry_after {
            r.headers_mut()
                .insert("retry-after", HeaderValue::from(secs));
        }
        Some(r)
    }
}

/// `/1.0/cloud/project?x` → `/cloud/project`: the path OVH's access rules and faults match.
fn api_path(path: &str) -> &str {
    path.strip_prefix("/1.0")
        .or_else(|| path.strip_prefix("/v1"))
        .unwrap_or(path)
}

/// World time as the envelope saw it when the request came in: every handler of one request
/// works at the same instant.
#[derive(Debug, Clone, Copy)]
struct Now(DateTime<Utc>);

/// The envelope around every API request (see the module doc).
async fn envelope(State(sim): State<Arc<Sim>>, mut req: Request, next: Next) -> Response {
    let served = sim.requests.fetch_add(1, Ordering::Relaxed) + 1;
    let method = req.method().clone();
    let path = original_path(&req);
    sim.count_route(&method, &path);
    let started = std::time::Instant::now();
    let fault = sim.take_fault(&method, &path);
    if let Some(f) = &fault {
        if f.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(f.latency_ms)).await;
        }
    }
    let mut response = match fault.as_ref().and_then(Fault::early_response) {
        Some(early) => early,
        None => {
            let now = sim.clocks.world_now();
            sim.world.lock().expect("world lock").advance(now);
            req.extensions_mut().insert(Now(now));
            next.run(req).await
        }
    };
    if matches!(fault.as_ref().and_then(|f| f.drop), Some(DropWhen::After)) {
        response = broken_connection();
    }
    let qid = format!("EU.ext-sim.{:08x}.{served}", std::process::id());
    if let Ok(v) = HeaderValue::from_str(&qid) {
        response.headers_mut().insert("x-ovh-queryid", v);
    }
    response.headers_mut().insert(
        "cache-control",
        HeaderValue::from_static("no-cache, no-store"),
    );
    if let Some(log) = sim.log.lock().expect("log lock").as_mut() {
        log.push(crate::Logged {
            route: format!("{method} {}", crate::route_template(&path)),
            start: started,
            end: std::time::Instant::now(),
        });
    }
    response
}

/// The API path of a request as the client addressed it (nesting strips the `/1.0` prefix from
/// the URI the handlers see; the original is kept by axum).
fn original_path(req: &Request) -> String {
    let uri = req
        .extensions()
        .get::<OriginalUri>()
        .map(|o| &o.0)
        .unwrap_or(req.uri());
    api_path(uri.path()).to_string()
}

/// What a handler needs besides its path and body: the simulator and the request's instant.
struct Cx {
    sim: Arc<Sim>,
    now: DateTime<Utc>,
}

impl Cx {
    fn world(&self) -> std::sync::MutexGuard<'_, World> {
        self.sim.world.lock().expect("world lock")
    }
}

impl<S> FromRequestParts<S> for Cx
where
    Arc<Sim>: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let sim = Arc::<Sim>::from_ref(state);
        let now = match parts.extensions.get::<Now>() {
            Some(Now(now)) => *now,
            None => sim.clocks.world_now(),
        };
        Ok(Cx { sim, now })
    }
}

/// A JSON request body in its typed shape, refused in OVH's words: not JSON, not an object, a
/// parameter missing or of the wrong type.
struct Payload<T>(T);

impl<S, T> FromRequest<S> for Payload<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        parse_body(&bytes)
            .map(Payload)
            .map_err(Refusal::into_response)
    }
}

fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Refusal> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|_| Refusal::bad_request("Invalid JSON received"))?;
    if !value.is_object() {
        return Err(Refusal::bad_request(
            "Invalid JSON received: an object is expected",
        ));
    }
    serde_json::from_value(value).map_err(|e| {
        let text = e.to_string();
        match text
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            Some(field) => Refusal::bad_request(format!("Missing parameter(s): {field}")),
            None => Refusal::bad_request(format!("Invalid parameter: {text}")),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::writes::NewWorkflow;

    #[test]
    fn bodies_are_refused_in_ovh_words() {
        let said = |b: &str| parse_body::<NewWorkflow>(b.as_bytes()).unwrap_err().message;
        assert_eq!(said("{"), "Invalid JSON received");
        assert_eq!(said("[]"), "Invalid JSON received: an object is expected");
        assert_eq!(
            said(r#"{"cron":"0 1 * * *","instanceId":"i","name":"n"}"#),
            "Missing parameter(s): rotation"
        );
        assert!(
            said(r#"{"cron":"0 1 * * *","instanceId":"i","name":"n","rotation":"x"}"#)
                .starts_with("Invalid parameter: invalid type")
        );
        let ok: NewWorkflow = parse_body(
            br#"{"cron":"0 1 * * *","instanceId":"i","name":"n","rotation":7,"maxExecutionCount":null}"#,
        )
        .unwrap();
        assert_eq!((ok.rotation, ok.max_execution_count), (7, None));
    }
}
