//! The client's one error type, in two halves: the API answered and said no (`Api`), or there
//! was no usable answer (`Transport`, `Timeout`, `Decode`).
use std::time::Duration;

use serde::Deserialize;

/// Result of every client call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything a call can fail with. None of the variants carries a secret.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The API answered with a non-2xx status.
    #[error("OVH API error {status}: {message}{}", query_id_suffix(.query_id))]
    Api {
        /// HTTP status code.
        status: u16,
        /// OVH's `class`, e.g. `Client::NotFound` (application errors).
        class: Option<String>,
        /// OVH's `errorCode`, e.g. `INVALID_SIGNATURE` (authentication errors).
        error_code: Option<String>,
        /// OVH's `message`, or the start of a non-JSON body.
        message: String,
        /// `X-Ovh-QueryID`, which OVH support asks for.
        query_id: Option<String>,
        /// `Retry-After`, when the API asked to slow down.
        retry_after: Option<Duration>,
    },
    /// The request could not be sent or its answer not received.
    #[error("OVH API unreachable: {0}")]
    Transport(String),
    /// No answer came in time.
    #[error("OVH API did not answer in time")]
    Timeout,
    /// A 2xx answer whose body is not what the API documents.
    #[error("unexpected answer from OVH API for {path}: {detail}")]
    Decode {
        /// The request path, without query string.
        path: String,
        /// What did not match.
        detail: String,
    },
    /// The caller passed something the API would refuse; nothing was sent.
    #[error("invalid request: {0}")]
    InvalidInput(String),
}

fn query_id_suffix(id: &Option<String>) -> String {
    id.as_ref()
        .map(|id| format!(" (OVH query id {id})"))
        .unwrap_or_default()
}

impl Error {
    /// The HTTP status, when the API answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// OVH's `errorCode` (authentication errors), e.g. `INVALID_SIGNATURE`.
    pub fn error_code(&self) -> Option<&str> {
        match self {
            Error::Api { error_code, .. } => error_code.as_deref(),
            _ => None,
        }
    }

    /// Whether the API answered `404`.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// Whether the request may not have reached OVH or its answer was lost, so a non-idempotent
    /// call (a POST) may or may not have taken effect.
    pub fn outcome_unknown(&self) -> bool {
        matches!(self, Error::Transport(_) | Error::Timeout)
            || matches!(self.status(), Some(502..=504))
    }

    /// Whether OVH refused the request for its timestamp: `QUERY_TIME_OUT` (what python-ovh and
    /// go-ovh see), or a refusal whose words are about the time, since the code OVH sends in
    /// every such case is unconfirmed. OVH executed nothing, so the request can be re-signed
    /// with a fresh `/auth/time` offset and sent once more.
    pub fn is_about_time(&self) -> bool {
        match self {
            Error::Api {
                status: 400 | 401 | 403,
                error_code,
                message,
                ..
            } => {
                let m = message.to_ascii_lowercase();
                error_code.as_deref() == Some("QUERY_TIME_OUT")
                    || m.contains("timestamp")
                    || m.contains("out of time")
                    || m.contains("query time")
            }
            _ => false,
        }
    }

    /// Whether the credentials themselves were refused (as opposed to one call).
    pub fn is_auth(&self) -> bool {
        match self {
            Error::Api {
                error_code: Some(code),
                ..
            } => matches!(
                code.as_str(),
                "INVALID_KEY"
                    | "INVALID_CREDENTIAL"
                    | "NOT_CREDENTIAL"
                    | "INVALID_SIGNATURE"
                    | "NOT_AUTHENTICATED"
                    | "invalid_client"
                    | "unauthorized_client"
                    | "invalid_grant"
            ),
            Error::Api { status: 401, .. } => true,
            _ => false,
        }
    }

    /// Whether a retry of an idempotent call may succeed.
    pub(crate) fn is_transient(&self) -> bool {
        match self {
            Error::Transport(_) | Error::Timeout => true,
            Error::Api { status, .. } => *status == 429 || (500..=599).contains(status),
            Error::Decode { .. } | Error::InvalidInput(_) => false,
        }
    }

    pub(crate) fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    pub(crate) fn from_reqwest(err: reqwest::Error) -> Self {
        if err.is_timeout() {
            return Error::Timeout;
        }
        // NOTE: reqwest's Display includes the URL, which never carries a secret (secrets travel
        // in headers only), but its source chain is noisy; keep the first two levels.
        let mut msg = err.to_string();
        if let Some(source) = std::error::Error::source(&err) {
            msg.push_str(": ");
            msg.push_str(&source.to_string());
        }
        Error::Transport(msg)
    }

    /// Builds the error for a non-2xx answer from its status, headers and raw body.
    pub fn from_response(
        status: u16,
        query_id: Option<String>,
        retry_after: Option<Duration>,
        body: &[u8],
    ) -> Self {
        let parsed: Option<ErrorBody> = serde_json::from_slice(body).ok();
        let (class, error_code, message) = match parsed {
            Some(b) => (b.class, b.error_code, b.message),
            None => (None, None, None),
        };
        let message = message.unwrap_or_else(|| summarize_raw_body(status, body));
        Error::Api {
            status,
            class,
            error_code,
            message,
            query_id,
            retry_after,
        }
    }
}

/// Both OVH error shapes at once: `{class, message}` and `{errorCode, httpCode, message}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorBody {
    #[serde(default)]
    class: Option<String>,
    #[serde(default)]
    error_code: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

/// A non-JSON error body (an HTML 503 page, say) becomes one short readable line.
fn summarize_raw_body(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut line = words.join(" ");
    if line.chars().count() > 200 {
        line = line.chars().take(200).collect::<String>() + "…";
    }
    if line.is_empty() {
        format!("HTTP {status} with no message")
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_about_the_time_are_recognised_by_code_or_words() {
        let about_time = [
            (
                400,
                r#"{"errorCode":"QUERY_TIME_OUT","message":"Query out of time"}"#,
            ),
            (
                400,
                r#"{"class":"Client::BadRequest","message":"Invalid timestamp"}"#,
            ),
            (
                403,
                r#"{"errorCode":"INVALID_TIMESTAMP","message":"Timestamp too old"}"#,
            ),
        ];
        for (status, body) in about_time {
            let e = Error::from_response(status, None, None, body.as_bytes());
            assert!(e.is_about_time(), "{body}");
        }
        let other = [
            (
                400,
                r#"{"errorCode":"INVALID_SIGNATURE","message":"Invalid signature"}"#,
            ),
            (
                403,
                r#"{"errorCode":"INVALID_CREDENTIAL","message":"This credential is not valid"}"#,
            ),
            (500, r#"{"message":"Internal timestamp server error"}"#),
        ];
        for (status, body) in other {
            let e = Error::from_response(status, None, None, body.as_bytes());
            assert!(!e.is_about_time(), "{body}");
        }
    }

    #[test]
    fn parses_both_ovh_error_shapes() {
        let auth = br#"{"errorCode":"INVALID_SIGNATURE","httpCode":"400 Bad Request","message":"Invalid signature"}"#;
        let e = Error::from_response(400, Some("EU.ext-3.x".into()), None, auth);
        assert!(e.is_auth());
        assert_eq!(
            e.to_string(),
            "OVH API error 400: Invalid signature (OVH query id EU.ext-3.x)"
        );

        let app = br#"{"class":"Client::NotFound","message":"This service does not exist"}"#;
        let e = Error::from_response(404, None, None, app);
        assert!(e.is_not_found() && !e.is_auth());
        match e {
            Error::Api { class, .. } => assert_eq!(class.as_deref(), Some("Client::NotFound")),
            _ => unreachable!(),
        }
    }

    #[test]
    fn an_html_error_page_becomes_one_readable_line() {
        let html = b"<html><head><title>503 Service Unavailable</title></head><body><h1>503 Service Unavailable</h1>\n<p>No server is available.</p></body></html>";
        let e = Error::from_response(503, None, None, html);
        assert_eq!(
            e.to_string(),
            "OVH API error 503: 503 Service Unavailable 503 Service Unavailable No server is available."
        );
        assert!(e.is_transient());
        let e = Error::from_response(502, None, None, b"");
        assert_eq!(e.to_string(), "OVH API error 502: HTTP 502 with no message");
    }
}
