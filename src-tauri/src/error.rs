//! The command layer's error: what crosses to the webview, as `{kind, message}` with stable
//! kinds. Details go to the log; the UI gets a summary and picks the remedy by `kind`.
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// An error as the UI sees it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Desk(#[from] desk::Error),
    /// The desktop refused something (autostart entry, settings file, file manager).
    #[error("{0}")]
    System(String),
}

impl Error {
    /// The stable `kind` the UI switches on.
    fn kind(&self) -> &'static str {
        match self {
            Error::Desk(desk::Error::Ovh(e)) => match e {
                ovh::Error::Transport(_) | ovh::Error::Timeout => "network",
                ovh::Error::Api { .. } if e.error_code() == Some("QUERY_TIME_OUT") => "clock",
                ovh::Error::Api { .. } if e.error_code() == Some("NOT_GRANTED_CALL") => {
                    "notGranted"
                }
                ovh::Error::Api { .. } if e.is_auth() => "auth",
                ovh::Error::Api { status: 403, .. } => "forbidden",
                ovh::Error::Api { status: 404, .. } => "notFound",
                ovh::Error::Api { status: 429, .. } => "rateLimited",
                ovh::Error::Api { status, .. } if *status >= 500 => "server",
                ovh::Error::Api { .. } => "refused",
                ovh::Error::Decode { .. } => "unexpectedAnswer",
                ovh::Error::InvalidInput(_) => "invalid",
            },
            Error::Desk(desk::Error::Vault(_)) => "keyring",
            Error::Desk(desk::Error::Invalid(_)) => "invalid",
            Error::Desk(desk::Error::Uncertain(_)) => "uncertain",
            Error::Desk(desk::Error::Demo(_)) => "demo",
            Error::System(_) => "system",
        }
    }

    /// The message shown: one line that says what happened and what to do.
    fn message(&self) -> String {
        match self {
            Error::Desk(e) => e.user_message(),
            Error::System(m) => m.clone(),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Error", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.message())?;
        s.end()
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
            serde_json::json!({"kind": "network", "message": "OVHcloud cannot be reached. Check the internet connection, then try again."})
        );
        assert_eq!(
            json(ovh::Error::Timeout),
            serde_json::json!({"kind": "network", "message": "OVHcloud did not answer in time. Try again in a moment."})
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
            serde_json::json!({"kind": "auth", "message": "This access to OVHcloud was not approved, has expired or was revoked. Connect again to renew it. (query id EU.ext-3.1)"})
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
            json(desk::Error::Invalid("name is required".into())),
            serde_json::json!({"kind": "invalid", "message": "name is required"})
        );
        assert_eq!(json(desk::vault::Error::Locked)["kind"], "keyring");
        assert_eq!(
            json(desk::Error::Uncertain("look first".into()))["kind"],
            "uncertain"
        );
    }
}
