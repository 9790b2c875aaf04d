//! OVH's authentication layer: application key, consumer key, timestamp window, signature over
//! the raw request bytes, and access rules. Refusals use OVH's error bodies.
use axum::http::{HeaderMap, Method};
use chrono::{DateTime, Utc};

pub use ovh::rules::glob;

use crate::world::World;

/// How far a request timestamp may be from the server's clock, in seconds.
pub const TIMESTAMP_WINDOW_SECS: i64 = 300;

/// An authentication-layer refusal in OVH's legacy shape (`errorCode` + `httpCode`), which the
/// simulator also gives a `class`, as OVH has done since 2024.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthError {
    pub status: u16,
    /// Empty for refusals that come in the application-error shape (`class` + `message`).
    pub error_code: &'static str,
    pub message: &'static str,
}

impl AuthError {
    const fn new(status: u16, error_code: &'static str, message: &'static str) -> Self {
        Self {
            status,
            error_code,
            message,
        }
    }

    /// OVH's class for the status.
    pub fn class(&self) -> &'static str {
        if *self == INVALID_TOKEN {
            return "Client::Unauthorized::InvalidAuthToken";
        }
        match self.status {
            400 => "Client::BadRequest",
            401 => "Client::Unauthorized",
            _ => "Client::Forbidden",
        }
    }
}

pub const INVALID_KEY: AuthError = AuthError::new(403, "INVALID_KEY", "Invalid application key");
pub const NOT_AUTHENTICATED: AuthError =
    AuthError::new(401, "NOT_AUTHENTICATED", "You must login first");
pub const INVALID_CREDENTIAL: AuthError =
    AuthError::new(403, "INVALID_CREDENTIAL", "This credential is not valid");
pub const INVALID_SIGNATURE: AuthError =
    AuthError::new(400, "INVALID_SIGNATURE", "Invalid signature");
pub const QUERY_TIME_OUT: AuthError = AuthError::new(400, "QUERY_TIME_OUT", "Query out of time");
pub const INVALID_TOKEN: AuthError = AuthError::new(401, "", "Invalid authorization token");
pub const NOT_GRANTED_CALL: AuthError =
    AuthError::new(403, "NOT_GRANTED_CALL", "This call has not been granted");

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Checks that the application key is known (for unsigned calls that need one).
pub fn check_application(world: &World, headers: &HeaderMap) -> Result<String, AuthError> {
    let ak = header(headers, "x-ovh-application").ok_or(INVALID_KEY)?;
    if world.applications.contains_key(ak) {
        Ok(ak.to_string())
    } else {
        Err(INVALID_KEY)
    }
}

/// Who made an authenticated call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A signed call with this consumer key.
    ConsumerKey(String),
    /// A bearer token of this service account (client id).
    ServiceAccount(String),
}

/// Verifies an authenticated call: an OAuth2 bearer token, or a signature checked exactly as
/// OVH does.
///
/// `url` is the full URL as the client addressed it and `body` the raw body bytes: nothing is
/// re-serialised, so a client that signs anything but what it sends is refused.
#[allow(clippy::too_many_arguments)]
pub fn verify(
    world: &mut World,
    headers: &HeaderMap,
    method: &Method,
    url: &str,
    api_path: &str,
    body: &[u8],
    server_time: i64,
    now: DateTime<Utc>,
) -> Result<Principal, AuthError> {
    if let Some(auth) = header(headers, "authorization") {
        let token = auth.strip_prefix("Bearer ").ok_or(INVALID_TOKEN)?;
        return match world.tokens.get(token) {
            Some(t) if t.expires > now => Ok(Principal::ServiceAccount(t.client_id.clone())),
            _ => Err(INVALID_TOKEN),
        };
    }
    let ak = header(headers, "x-ovh-application").ok_or(INVALID_KEY)?;
    let app = world.applications.get(ak).ok_or(INVALID_KEY)?.clone();
    let ck = header(headers, "x-ovh-consumer").ok_or(NOT_AUTHENTICATED)?;
    let cred = world.credentials.get(ck).ok_or(INVALID_CREDENTIAL)?;
    let state_shown = world.shows_unapproved_credentials && api_path == "/auth/currentCredential";
    if cred.application_key != ak
        || (cred.status != "validated" && !state_shown)
        || (cred.expiration.is_some_and(|e| e <= now) && !state_shown)
    {
        return Err(INVALID_CREDENTIAL);
    }
    let ts: i64 = header(headers, "x-ovh-timestamp")
        .and_then(|t| t.trim().parse().ok())
        .ok_or(QUERY_TIME_OUT)?;
    if (ts - server_time).abs() > TIMESTAMP_WINDOW_SECS {
        return Err(QUERY_TIME_OUT);
    }
    let body = std::str::from_utf8(body).map_err(|_| INVALID_SIGNATURE)?;
    let expected = ovh::signing::sign(&app.secret, ck, method.as_str(), url, body, ts);
    if header(headers, "x-ovh-signature") != Some(expected.as_str()) {
        return Err(INVALID_SIGNATURE);
    }
    if !cred
        .rules
        .iter()
        .any(|(m, p)| m == method.as_str() && glob(p, api_path))
    {
        return Err(NOT_GRANTED_CALL);
    }
    let ck = ck.to_string();
    if let Some(c) = world.credentials.get_mut(&ck) {
        c.last_use = Some(now);
    }
    Ok(Principal::ConsumerKey(ck))
}
