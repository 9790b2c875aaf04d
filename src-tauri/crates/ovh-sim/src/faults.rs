//! Faults injected on demand: latency, error statuses (HTML or OVH JSON), 429 with
//! `Retry-After`, and broken connections before or after the call took effect.
use axum::http::Method;
use serde::Deserialize;

use crate::auth::glob;

/// When a broken connection happens relative to the call's effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DropWhen {
    /// Nothing happened on the server.
    Before,
    /// The call took effect, the answer was lost.
    After,
}

/// One fault rule, as posted to `/_sim/faults`. An unknown field is refused: a misspelt one
/// would otherwise make a fault that does nothing, and a test that checks nothing.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Fault {
    /// Only this HTTP method; any when absent.
    #[serde(default)]
    pub method: Option<String>,
    /// API path pattern (without `/1.0`), `*` as in access rules; every path when absent.
    #[serde(default = "any_path")]
    pub path: String,
    /// Answer with this status instead of the real answer.
    #[serde(default)]
    pub status: Option<u16>,
    /// With `status`: an HTML page instead of OVH's JSON error body.
    #[serde(default)]
    pub html: bool,
    /// With `status`: OVH's `message` in the JSON error body ("Injected fault" when absent), to
    /// stand for a refusal in OVH's words (a quota, say).
    #[serde(default)]
    pub message: Option<String>,
    /// `Retry-After` seconds to send with the status.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Delay before answering.
    #[serde(default)]
    pub latency_ms: u64,
    /// Break the connection.
    #[serde(default)]
    pub drop: Option<DropWhen>,
    /// How many requests this applies to; forever when absent.
    #[serde(default)]
    pub times: Option<u32>,
}

fn any_path() -> String {
    "*".into()
}

impl Fault {
    /// Whether the rule applies to this request.
    pub fn matches(&self, method: &Method, path: &str) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()))
            && glob(&self.path, path)
    }
}
