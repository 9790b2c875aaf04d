//! The command layer's error: what crosses to the webview, as `{kind, message}` with stable
//! kinds. Details go to the log; the UI gets a summary and picks the remedy by `kind`.
use serde::{Serialize, Serializer};
use ts_rs::TS;

/// The stable kinds the window picks a remedy by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ErrorKind")]
pub enum Kind {
    /// OVHcloud cannot be reached, or did not answer in time.
    Network,
    /// The computer's clock is too far from OVH's.
    Clock,
    /// The keys do not grant this call.
    NotGranted,
    /// The keys are not (or no longer) valid.
    Auth,
    Forbidden,
    NotFound,
    RateLimited,
    Server,
    /// OVH refused the request for another reason.
    Refused,
    UnexpectedAnswer,
    /// The user's input, refused before any request.
    Invalid,
    /// The OS keyring refused.
    Keyring,
    /// OVH's answer does not confirm what happened: the user should look.
    Uncertain,
    /// Not possible on the demo cloud.
    Demo,
    /// The desktop refused (files, autostart, file manager).
    System,
}

/// An error as the UI sees it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Desk(#[from] desk::Error),
    /// The desktop refused something (autostart entry, settings file, file manager).
    #[error(transparent)]
    System(desk::Why),
}

impl Error {
    /// The stable `kind` the UI switches on.
    fn kind(&self) -> Kind {
        match self {
            Error::Desk(desk::Error::Ovh(e)) => match e {
                ovh::Error::Transport(_) | ovh::Error::Timeout => Kind::Network,
                ovh::Error::Api { .. } if e.error_code() == Some("QUERY_TIME_OUT") => Kind::Clock,
                ovh::Error::Api { .. } if e.error_code() == Some("NOT_GRANTED_CALL") => {
                    Kind::NotGranted
                }
                ovh::Error::Api { .. } if e.is_auth() => Kind::Auth,
                ovh::Error::Api { status: 403, .. } => Kind::Forbidden,
                ovh::Error::Api { status: 404, .. } => Kind::NotFound,
                ovh::Error::Api { status: 429, .. } => Kind::RateLimited,
                ovh::Error::Api { status, .. } if *status >= 500 => Kind::Server,
                ovh::Error::Api { .. } => Kind::Refused,
                ovh::Error::Decode { .. } => Kind::UnexpectedAnswer,
                ovh::Error::InvalidInput(_) => Kind::Invalid,
            },
            Error::Desk(desk::Error::Vault(_)) => Kind::Keyring,
            Error::Desk(desk::Error::Invalid(_)) => Kind::Invalid,
            Error::Desk(desk::Error::Uncertain(_)) => Kind::Uncertain,
            Error::Desk(desk::Error::Demo(_)) => Kind::Demo,
            Error::System(_) => Kind::System,
        }
    }

    /// The message shown: one line that says what happened and what to do.
    fn message(&self) -> String {
        match self {
            Error::Desk(e) => e.user_message(),
            Error::System(why) => why.to_string(),
        }
    }
}

/// What a failed command sends the window.
#[derive(Debug, Serialize, TS)]
#[ts(rename = "ApiError")]
#[serde(rename_all = "camelCase")]
pub struct ErrorDto {
    pub kind: Kind,
    /// What to tell the user, worded by the window in the user's language.
    pub said: desk::Said,
    /// OVH's id of the failed request, which its support asks for.
    pub query_id: Option<String>,
    /// The same in English, one line (for logs and reports).
    pub message: String,
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ErrorDto {
            kind: self.kind(),
            said: match self {
                Error::Desk(e) => e.said(),
                Error::System(why) => desk::Said::Why { why: why.clone() },
            },
            query_id: match self {
                Error::Desk(e) => e.query_id(),
                Error::System(_) => None,
            },
            message: self.message(),
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(e: impl Into<desk::Error>) -> serde_json::Value {
        serde_json::to_value(Error::Desk(e.into())).unwrap()
    }

    #[test]
    fn the_ui_contract_is_pinned() {
        assert_eq!(
            json(ovh::Error::Transport(
                "error sending request for url (http://127.0.0.1:1/1.0/x): connection refused"
                    .into()
            )),
            serde_json::json!({"kind": "network", "said": {"code": "unreachable"}, "queryId": null, "message": "OVHcloud cannot be reached. Check the internet connection, then try again."})
        );
        assert_eq!(
            json(ovh::Error::Timeout),
            serde_json::json!({"kind": "network", "said": {"code": "timedOut"}, "queryId": null, "message": "OVHcloud did not answer in time. Try again in a moment."})
        );
        let refused = ovh::Error::Api {
            status: 403,
            class: None,
            error_code: Some("INVALID_CREDENTIAL".into()),
            message: "This credential is not valid".into(),
            query_id: Some("EU.ext-3.1".into()),
            retry_after: None,
        };
        assert_eq!(
            json(refused),
            serde_json::json!({"kind": "auth", "said": {"code": "notApproved"}, "queryId": "EU.ext-3.1", "message": "This access to OVHcloud was not approved, has expired or was revoked. Connect again to renew it. (query id EU.ext-3.1)"})
        );
        let coded = |status: u16, code: &str| ovh::Error::Api {
            status,
            class: None,
            error_code: Some(code.into()),
            message: "OVH's words".into(),
            query_id: None,
            retry_after: None,
        };
        assert_eq!(json(coded(400, "QUERY_TIME_OUT"))["kind"], "clock");
        assert_eq!(json(coded(403, "NOT_GRANTED_CALL"))["kind"], "notGranted");
        assert_eq!(json(coded(403, "INVALID_KEY"))["kind"], "auth");
        assert_eq!(json(coded(400, "INVALID_SIGNATURE"))["kind"], "auth");
        assert_eq!(json(coded(400, "invalid_client"))["kind"], "auth");
        assert!(json(coded(403, "INVALID_KEY"))["message"]
            .as_str()
            .unwrap()
            .contains("application key"));
        let server = ovh::Error::Api {
            status: 503,
            class: None,
            error_code: None,
            message: "down".into(),
            query_id: None,
            retry_after: None,
        };
        assert_eq!(json(server)["kind"], "server");
        assert_eq!(
            json(desk::Error::Invalid(desk::Why::TypeInstanceName {
                name: "web-1".into()
            })),
            serde_json::json!({"kind": "invalid", "said": {"code": "why", "why": {"code": "typeInstanceName", "name": "web-1"}}, "queryId": null, "message": "type the instance name, web-1, to confirm"})
        );
        assert_eq!(
            json(desk::vault::Error::Locked),
            serde_json::json!({"kind": "keyring", "said": {"code": "keyringLocked"}, "queryId": null, "message": "the keyring is locked: unlock it and try again"})
        );
        assert_eq!(
            json(desk::Error::Uncertain(desk::Why::BackupNotListedYet))["kind"],
            "uncertain"
        );
        assert_eq!(
            serde_json::to_value(Error::System(desk::Why::StartAtLogin {
                detail: "denied".into()
            }))
            .unwrap()["said"],
            serde_json::json!({"code": "why", "why": {"code": "startAtLogin", "detail": "denied"}})
        );
    }
}
