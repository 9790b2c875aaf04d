//! The domain's one error type. The command layer maps each variant to a stable `kind`; what
//! the user is told travels as a [`Said`] code, worded only at the edge.
use crate::said::{names_quota, Said, Why};

/// Result of domain calls.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong in the domain. Messages never contain a secret.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The OVH API refused or could not be reached.
    #[error(transparent)]
    Ovh(#[from] ovh::Error),
    /// The OS keyring could not be used.
    #[error(transparent)]
    Vault(#[from] crate::vault::Error),
    /// The user gave something unusable; nothing was changed.
    #[error(transparent)]
    Invalid(Why),
    /// Whether an action took effect is unknown and could not be checked.
    #[error(transparent)]
    Uncertain(Why),
    /// The built-in demo cloud could not start.
    #[error("failed to start the demo cloud: {0}")]
    Demo(String),
}

impl Error {
    /// What the user is told, as a code.
    pub fn said(&self) -> Said {
        match self {
            Error::Ovh(e) => ovh_said(e),
            Error::Vault(e) => match e {
                crate::vault::Error::Unavailable(_) => Said::KeyringUnavailable,
                crate::vault::Error::Locked => Said::KeyringLocked,
                crate::vault::Error::Failed(detail) => Said::KeyringRefused {
                    detail: one_line(detail),
                },
            },
            Error::Invalid(why) | Error::Uncertain(why) => Said::Why { why: why.clone() },
            Error::Demo(_) => Said::DemoDown,
        }
    }

    /// OVH's id of the failed request, which its support asks for.
    pub fn query_id(&self) -> Option<String> {
        match self {
            Error::Ovh(ovh::Error::Api { query_id, .. }) => query_id.as_deref().map(one_line),
            _ => None,
        }
    }

    /// One line for the person at the desk: what happened and what to do next. Never markup, a
    /// raw answer body or a request path (`Display` keeps those details for the log).
    pub fn user_message(&self) -> String {
        match self {
            Error::Ovh(e) => ovh_message(e),
            Error::Vault(e) => one_line(&e.to_string()),
            Error::Invalid(why) | Error::Uncertain(why) => one_line(&why.to_string()),
            Error::Demo(_) => {
                "The demo cloud could not start. Quit Backup Desk and open it again.".into()
            }
        }
    }
}

fn ovh_message(e: &ovh::Error) -> String {
    let with_id = |text: String, id: &Option<String>| match id {
        Some(id) => format!("{text} (query id {})", one_line(id)),
        None => text,
    };
    match e {
        ovh::Error::Transport(_) => {
            "OVHcloud cannot be reached. Check the internet connection, then try again.".into()
        }
        ovh::Error::Timeout => "OVHcloud did not answer in time. Try again in a moment.".into(),
        ovh::Error::Api { query_id, .. } if account_remedy(e).is_some() => {
            with_id(account_remedy(e).unwrap_or_default().into(), query_id)
        }
        ovh::Error::Api {
            status: 429,
            query_id,
            ..
        } => with_id(
            "OVHcloud asks Backup Desk to slow down. Wait a minute, then try again.".into(),
            query_id,
        ),
        // A server error's body is often an HTML page or a proxy's words: the status says it all.
        ovh::Error::Api {
            status: status @ 500..,
            query_id,
            ..
        } => with_id(
            format!(
                "OVHcloud had a problem (error {status}). Try again in a few minutes; if it lasts, check status.ovhcloud.com."
            ),
            query_id,
        ),
        ovh::Error::Api { query_id, .. } if advice(e).is_some() => {
            with_id(advice(e).unwrap_or_default().into(), query_id)
        }
        // Other refusals: OVH's own words say which rule was broken.
        ovh::Error::Api {
            message, query_id, ..
        } => with_id(
            format!(
                "OVHcloud refused: {}. Correct what it names, or try again later.",
                one_line(message).trim_end_matches('.')
            ),
            query_id,
        ),
        ovh::Error::Decode { .. } => "OVHcloud sent an answer Backup Desk cannot read. Try again; if it lasts, run Settings → Check my account and send the report to support.".into(),
        ovh::Error::InvalidInput(m) => one_line(m),
    }
}

fn ovh_said(e: &ovh::Error) -> Said {
    match e {
        ovh::Error::Transport(_) => Said::Unreachable,
        ovh::Error::Timeout => Said::TimedOut,
        ovh::Error::Api { .. } if account_said(e).is_some() => {
            account_said(e).unwrap_or(Said::NotApproved)
        }
        ovh::Error::Api { status: 429, .. } => Said::SlowDown,
        ovh::Error::Api {
            status: status @ 500..,
            ..
        } => Said::ServerProblem { status: *status },
        ovh::Error::Api {
            status,
            class,
            message,
            ..
        } => {
            let ovh = one_line(message).trim_end_matches('.').to_string();
            match refusal(*status, class.as_deref(), message) {
                Refusal::Quota => Said::Quota { ovh },
                Refusal::Busy => Said::Busy { ovh },
                Refusal::Expired => Said::Expired { ovh },
                Refusal::Other => Said::Refused { ovh },
            }
        }
        ovh::Error::Decode { .. } => Said::Unreadable,
        ovh::Error::InvalidInput(m) => Said::Internal {
            detail: one_line(m),
        },
    }
}

/// The refusals users meet that have advice of their own.
enum Refusal {
    Quota,
    Busy,
    Expired,
    Other,
}

/// Which advice a refusal gets: from its status where OVH documents one (409 conflict, 460
/// expired; `python-ovh`'s mapping), and from its words for a quota, whose status is unconfirmed.
fn refusal(status: u16, class: Option<&str>, message: &str) -> Refusal {
    match status {
        400..=499 if names_quota(message) || class.is_some_and(names_quota) => Refusal::Quota,
        409 => Refusal::Busy,
        460 => Refusal::Expired,
        _ => Refusal::Other,
    }
}

/// The log's words for the refusals with advice of their own.
fn advice(e: &ovh::Error) -> Option<&'static str> {
    let ovh::Error::Api {
        status,
        class,
        message,
        ..
    } = e
    else {
        return None;
    };
    Some(match refusal(*status, class.as_deref(), message) {
        Refusal::Quota => "OVHcloud refused: a limit (quota) of the project is reached. Delete backups you no longer need, or raise the quota in the OVHcloud Control Panel.",
        Refusal::Busy => "OVHcloud refused because another operation is under way on it. Wait a few minutes, then try again.",
        Refusal::Expired => "This OVHcloud service has expired. Renew it in the OVHcloud Control Panel, then try again.",
        Refusal::Other => return None,
    })
}

/// Each way the credentials can be refused, as a code.
fn account_said(e: &ovh::Error) -> Option<Said> {
    Some(match e.error_code()? {
        "INVALID_KEY" => Said::UnknownKey,
        "INVALID_SIGNATURE" => Said::BadSignature,
        "INVALID_CREDENTIAL" | "NOT_CREDENTIAL" | "NOT_AUTHENTICATED" => Said::NotApproved,
        "QUERY_TIME_OUT" => Said::ClockSkew,
        "NOT_GRANTED_CALL" => Said::NotGranted,
        "invalid_client" | "unauthorized_client" => Said::UnknownServiceAccount,
        _ => return None,
    })
}

/// Each way the credentials can be refused, in words that say what to do.
pub fn account_remedy(e: &ovh::Error) -> Option<&'static str> {
    Some(match e.error_code()? {
        "INVALID_KEY" => "OVHcloud does not know this application key. Connect again with the keys of an existing application.",
        "INVALID_SIGNATURE" => "OVHcloud refused the signature: the application secret does not belong to this application key. Connect again with the right secret.",
        "INVALID_CREDENTIAL" | "NOT_CREDENTIAL" | "NOT_AUTHENTICATED" => "This access to OVHcloud was not approved, has expired or was revoked. Connect again to renew it.",
        "QUERY_TIME_OUT" => "This computer's clock is too far from OVHcloud's. Set the date and time to update automatically, then try again.",
        "NOT_GRANTED_CALL" => "This access does not allow that action. Connect again to grant Backup Desk the rights it needs.",
        "invalid_client" | "unauthorized_client" => "OVHcloud does not recognise this service account: check its client ID and secret, then connect again.",
        _ => return None,
    })
}

/// Text from elsewhere made fit for one line: markup removed, whitespace collapsed, bounded.
fn one_line(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    let out = out.trim_end();
    match out.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &out[..cut]),
        None => out.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(status: u16, message: &str) -> Error {
        Error::Ovh(ovh::Error::Api {
            status,
            class: None,
            error_code: None,
            message: message.into(),
            query_id: Some("EU.ext-1.x".into()),
            retry_after: None,
        })
    }

    #[test]
    fn messages_are_one_clean_line_with_what_to_do() {
        let html = "<html><body><h1>503 Service Unavailable</h1>\n<p>No server is available</p></body></html>";
        let m = api(503, html).user_message();
        assert_eq!(m, "OVHcloud had a problem (error 503). Try again in a few minutes; if it lasts, check status.ovhcloud.com. (query id EU.ext-1.x)");
        let m = api(400, "Invalid <b>name</b>\n  too long").user_message();
        assert_eq!(
            m,
            "OVHcloud refused: Invalid name too long. Correct what it names, or try again later. (query id EU.ext-1.x)"
        );
        let long = "x".repeat(500);
        assert!(api(400, &long).user_message().chars().count() < 300);
        let decode = Error::Ovh(ovh::Error::Decode {
            path: "/cloud/project/abc/instance".into(),
            detail: "expected value at line 1 column 1".into(),
        });
        assert!(!decode.user_message().contains("/cloud/project"));
    }

    #[test]
    fn each_refusal_has_its_code() {
        let coded = |status: u16, code: &str| {
            Error::Ovh(ovh::Error::Api {
                status,
                class: None,
                error_code: Some(code.into()),
                message: "OVH's <b>words</b>.".into(),
                query_id: Some("EU.ext-1.x".into()),
                retry_after: None,
            })
        };
        assert_eq!(coded(403, "INVALID_KEY").said(), Said::UnknownKey);
        assert_eq!(coded(400, "INVALID_SIGNATURE").said(), Said::BadSignature);
        assert_eq!(coded(403, "NOT_CREDENTIAL").said(), Said::NotApproved);
        assert_eq!(coded(400, "QUERY_TIME_OUT").said(), Said::ClockSkew);
        assert_eq!(coded(403, "NOT_GRANTED_CALL").said(), Said::NotGranted);
        assert_eq!(
            coded(401, "invalid_client").said(),
            Said::UnknownServiceAccount
        );
        assert_eq!(coded(429, "X").said(), Said::SlowDown);
        assert_eq!(coded(503, "X").said(), Said::ServerProblem { status: 503 });
        assert_eq!(
            coded(400, "X").said(),
            Said::Refused {
                ovh: "OVH's words".into()
            },
            "OVH's own words, without markup or the final stop"
        );
        assert_eq!(coded(400, "X").query_id().as_deref(), Some("EU.ext-1.x"));
        let words = || "OVH's words".to_string();
        assert_eq!(coded(409, "X").said(), Said::Busy { ovh: words() });
        assert_eq!(coded(460, "X").said(), Said::Expired { ovh: words() });
        assert_eq!(
            api(403, "Quota exceeded for snapshots").said(),
            Said::Quota {
                ovh: "Quota exceeded for snapshots".into()
            },
            "a refusal naming a quota, whatever its status"
        );
        assert_eq!(
            api(409, "QUOTA reached").said(),
            Said::Quota {
                ovh: "QUOTA reached".into()
            }
        );
        assert!(matches!(
            api(503, "quota").said(),
            Said::ServerProblem { .. }
        ));
        for e in [api(403, "quota"), api(409, "x"), api(460, "x")] {
            assert!(
                !e.user_message().starts_with("OVHcloud refused: quota"),
                "the log's words follow the code: {}",
                e.user_message()
            );
        }
        assert_eq!(Error::Ovh(ovh::Error::Timeout).said(), Said::TimedOut);
        for code in [
            "INVALID_KEY",
            "INVALID_SIGNATURE",
            "INVALID_CREDENTIAL",
            "NOT_CREDENTIAL",
            "NOT_AUTHENTICATED",
            "QUERY_TIME_OUT",
            "NOT_GRANTED_CALL",
            "invalid_client",
            "unauthorized_client",
        ] {
            let Error::Ovh(e) = coded(403, code) else {
                unreachable!()
            };
            assert!(
                account_remedy(&e).is_some() && account_said(&e).is_some(),
                "{code}: the code and the log's words agree"
            );
        }
    }
}
