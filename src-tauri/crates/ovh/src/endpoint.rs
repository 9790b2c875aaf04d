//! Which OVH API a client talks to: a named region (OVH's own names) or any base URL.
use std::fmt;
use std::str::FromStr;

/// An OVH API root. The simulator and demo mode are `Custom` URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    /// `ovh-eu`: `https://eu.api.ovh.com/1.0`
    Eu,
    /// `ovh-ca`: `https://ca.api.ovh.com/1.0`
    Ca,
    /// `ovh-us`: `https://api.us.ovhcloud.com/1.0`
    Us,
    /// Any base URL, without trailing slash, e.g. `http://127.0.0.1:8787/1.0`.
    Custom(String),
}

/// Why an endpoint name or URL was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown OVH endpoint {0:?}: use ovh-eu, ovh-ca, ovh-us or an http(s) URL")]
pub struct UnknownEndpoint(pub String);

impl Endpoint {
    /// The base URL every request path is appended to.
    pub fn base_url(&self) -> &str {
        match self {
            Endpoint::Eu => "https://eu.api.ovh.com/1.0",
            Endpoint::Ca => "https://ca.api.ovh.com/1.0",
            Endpoint::Us => "https://api.us.ovhcloud.com/1.0",
            Endpoint::Custom(url) => url,
        }
    }

    /// OVH's name for the endpoint (`ovh-eu`...), or the URL for a custom one.
    pub fn name(&self) -> &str {
        match self {
            Endpoint::Eu => "ovh-eu",
            Endpoint::Ca => "ovh-ca",
            Endpoint::Us => "ovh-us",
            Endpoint::Custom(url) => url,
        }
    }

    /// The page where a customer creates an application key and secret.
    pub fn create_app_url(&self) -> Option<&'static str> {
        match self {
            Endpoint::Eu => Some("https://eu.api.ovh.com/createApp/"),
            Endpoint::Ca => Some("https://ca.api.ovh.com/createApp/"),
            Endpoint::Us => Some("https://api.us.ovhcloud.com/createApp/"),
            Endpoint::Custom(_) => None,
        }
    }

    /// The page that creates all three keys at once, for scripts.
    pub fn create_token_url(&self) -> Option<&'static str> {
        match self {
            Endpoint::Eu => Some("https://eu.api.ovh.com/createToken/"),
            Endpoint::Ca => Some("https://ca.api.ovh.com/createToken/"),
            Endpoint::Us => Some("https://api.us.ovhcloud.com/createToken/"),
            Endpoint::Custom(_) => None,
        }
    }

    /// The OVHcloud Control Panel of the endpoint's customers (`None` for a custom one), under
    /// which the public cloud's pages live (`#/public-cloud/pci/projects/{id}/...`).
    pub fn control_panel_url(&self) -> Option<&'static str> {
        match self {
            Endpoint::Eu => Some("https://www.ovh.com/manager/"),
            Endpoint::Ca => Some("https://ca.ovh.com/manager/"),
            Endpoint::Us => Some("https://us.ovhcloud.com/manager/"),
            Endpoint::Custom(_) => None,
        }
    }

    /// Where service accounts get OAuth2 access tokens. The official clients' URLs (the CA
    /// docs give another host; the clients are what customers use). A custom endpoint serves it
    /// at its own origin, as the simulator does.
    pub fn oauth2_token_url(&self) -> String {
        match self {
            Endpoint::Eu => "https://www.ovh.com/auth/oauth2/token".into(),
            Endpoint::Ca => "https://ca.ovh.com/auth/oauth2/token".into(),
            Endpoint::Us => "https://us.ovhcloud.com/auth/oauth2/token".into(),
            Endpoint::Custom(url) => match url::Url::parse(url) {
                Ok(u) => format!("{}/auth/oauth2/token", u.origin().ascii_serialization()),
                Err(_) => format!("{url}/auth/oauth2/token"),
            },
        }
    }
}

impl FromStr for Endpoint {
    type Err = UnknownEndpoint;

    /// Accepts OVH's names (as in `OVH_ENDPOINT`) and http(s) URLs; a trailing slash is dropped
    /// because the clients join paths that start with one.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        match s {
            "ovh-eu" => Ok(Endpoint::Eu),
            "ovh-ca" => Ok(Endpoint::Ca),
            "ovh-us" => Ok(Endpoint::Us),
            _ if s.starts_with("http://") || s.starts_with("https://") => {
                let url = url::Url::parse(s).map_err(|_| UnknownEndpoint(s.to_string()))?;
                if url.host_str().is_none() {
                    return Err(UnknownEndpoint(s.to_string()));
                }
                Ok(Endpoint::Custom(s.trim_end_matches('/').to_string()))
            }
            _ => Err(UnknownEndpoint(s.to_string())),
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_urls() {
        assert_eq!("ovh-eu".parse(), Ok(Endpoint::Eu));
        assert_eq!(
            "ovh-ca".parse::<Endpoint>().unwrap().base_url(),
            "https://ca.api.ovh.com/1.0"
        );
        assert_eq!(
            "ovh-us".parse::<Endpoint>().unwrap().base_url(),
            "https://api.us.ovhcloud.com/1.0"
        );
        assert_eq!(
            "http://127.0.0.1:8787/1.0/".parse(),
            Ok(Endpoint::Custom("http://127.0.0.1:8787/1.0".into()))
        );
        assert!("kimsufi".parse::<Endpoint>().is_err());
        assert!("http://".parse::<Endpoint>().is_err());
        assert_eq!(
            Endpoint::Custom("http://127.0.0.1:8787/1.0".into()).oauth2_token_url(),
            "http://127.0.0.1:8787/auth/oauth2/token"
        );
        assert_eq!(
            Endpoint::Ca.oauth2_token_url(),
            "https://ca.ovh.com/auth/oauth2/token"
        );
    }
}
