//! A real OVHcloud account: the three ways in (request a consumer key and wait for the user to
//! approve it, keys made elsewhere, a service account), what the keyring holds for it, and what
//! the window shows about it. Secrets stay in [`Sensitive`] from input to keyring; nothing here
//! serialises one.
use std::sync::Mutex;
use std::time::Duration;
use ts_rs::TS;

use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio_util::sync::CancellationToken;

use ovh::rules::{self, Feature};
use ovh::types::{AccessRule, CredentialRequest};
use ovh::{Client, Credentials, Endpoint, Sensitive, ServiceAccount};

use crate::vault::{SecretKind, Vault};
use crate::{Error, Field, Result, Why};

/// A stored account: how to reach it and authenticate.
#[derive(Debug, Clone)]
pub enum Account {
    /// Application key, secret and consumer key, signing every call.
    Keys {
        endpoint: Endpoint,
        credentials: Credentials,
    },
    /// OAuth2 client credentials.
    ServiceAccount {
        endpoint: Endpoint,
        account: ServiceAccount,
    },
}

/// The two kinds of credentials: application keys (with a consumer key) or an OAuth2 service
/// account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Method {
    Keys,
    ServiceAccount,
}

impl Account {
    pub fn endpoint(&self) -> &Endpoint {
        match self {
            Account::Keys { endpoint, .. } | Account::ServiceAccount { endpoint, .. } => endpoint,
        }
    }

    /// Which way in it is.
    pub fn method(&self) -> Method {
        match self {
            Account::Keys { .. } => Method::Keys,
            Account::ServiceAccount { .. } => Method::ServiceAccount,
        }
    }

    /// A client for this account.
    pub fn client(&self) -> Result<Client> {
        Ok(self.client_builder().build()?)
    }

    /// The builder of [`Account::client`], credentials set.
    pub fn client_builder(&self) -> ovh::ClientBuilder {
        let builder = Client::builder(self.endpoint().clone());
        match self {
            Account::Keys { credentials, .. } => builder.credentials(credentials.clone()),
            Account::ServiceAccount { account, .. } => builder.service_account(account.clone()),
        }
    }

    /// Reads the stored account; `None` when no complete one is stored. Blocking (keyring).
    pub fn load(vault: &Vault) -> Result<Option<Account>> {
        let endpoint = match vault.load(SecretKind::Endpoint)? {
            Some(e) => match e.expose().parse() {
                Ok(e) => e,
                Err(_) => return Ok(None),
            },
            None => return Ok(None),
        };
        let ak = vault.load(SecretKind::ApplicationKey)?;
        let secret = vault.load(SecretKind::ApplicationSecret)?;
        let ck = vault.load(SecretKind::ConsumerKey)?;
        if let (Some(ak), Some(secret), Some(ck)) = (ak, secret, ck) {
            return Ok(Some(Account::Keys {
                endpoint,
                credentials: Credentials {
                    application_key: ak.expose().clone(),
                    application_secret: secret,
                    consumer_key: Some(ck),
                },
            }));
        }
        let id = vault.load(SecretKind::ClientId)?;
        let secret = vault.load(SecretKind::ClientSecret)?;
        Ok(match (id, secret) {
            (Some(id), Some(secret)) => Some(Account::ServiceAccount {
                endpoint,
                account: ServiceAccount {
                    client_id: id.expose().clone(),
                    client_secret: secret,
                },
            }),
            _ => None,
        })
    }

    /// Stores this account, replacing whatever was stored. Blocking (keyring).
    pub fn save(&self, vault: &Vault) -> Result<()> {
        forget(vault)?;
        match self {
            Account::Keys { credentials, .. } => {
                let ck = credentials
                    .consumer_key
                    .as_ref()
                    .ok_or(Error::Invalid(Why::ConsumerKeyRequired))?;
                vault.store(
                    SecretKind::ApplicationKey,
                    &Sensitive::new(credentials.application_key.clone()),
                )?;
                vault.store(
                    SecretKind::ApplicationSecret,
                    &credentials.application_secret,
                )?;
                vault.store(SecretKind::ConsumerKey, ck)?;
            }
            Account::ServiceAccount { account, .. } => {
                vault.store(
                    SecretKind::ClientId,
                    &Sensitive::new(account.client_id.clone()),
                )?;
                vault.store(SecretKind::ClientSecret, &account.client_secret)?;
            }
        }
        // Written last: an account without its endpoint entry does not load, so an interrupted
        // save leaves no half account behind.
        vault.store(
            SecretKind::Endpoint,
            &Sensitive::new(self.endpoint().name().to_string()),
        )?;
        Ok(())
    }
}

/// Deletes every keyring entry of the app. Blocking (keyring).
pub fn forget(vault: &Vault) -> Result<()> {
    for kind in SecretKind::ALL {
        vault.delete(kind)?;
    }
    Ok(())
}

/// Runs a blocking keyring call off the async runtime.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        Error::Invalid(Why::KeyringTask {
            detail: e.to_string(),
        })
    })?
}

/// The region the user chose (`ovh-eu`, `ovh-ca`, `ovh-us`) or a custom endpoint URL.
pub fn parse_endpoint(value: &str) -> Result<Endpoint> {
    value
        .trim()
        .parse()
        .map_err(|_| Error::Invalid(Why::ChooseEndpoint))
}

/// Only web pages open in the browser: never a file, a program or another scheme.
pub fn check_page_url(url: &str) -> Result<()> {
    match url::Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "https" | "http") && u.host().is_some() => Ok(()),
        _ => Err(Error::Invalid(Why::OnlyWebPages)),
    }
}

/// A key or secret as typed or pasted: trimmed, and refused when empty or with inner spaces.
pub fn field(field: Field, value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::Invalid(Why::FieldRequired { field }));
    }
    if v.chars().any(char::is_whitespace) {
        return Err(Error::Invalid(Why::FieldSpaces { field }));
    }
    Ok(v.to_string())
}

/// Who is connected, as the Account screen shows it. Holds no secret.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountInfo {
    /// `ovh-eu`, `ovh-ca`, `ovh-us` or a URL.
    pub endpoint: String,
    pub method: Method,
    /// The OVHcloud account (NIC handle).
    pub account: String,
    /// The application key (not a secret), so the user can find it in OVHcloud's lists.
    pub application_key: Option<String>,
    pub client_id: Option<String>,
    /// When the consumer key stops working; `None` for unlimited or unknown.
    pub expiration: Option<DateTime<Utc>>,
    /// The rules granted; `None` when OVH does not say (service accounts use IAM policies).
    pub rules: Option<Vec<AccessRule>>,
    /// Features the granted rules leave out.
    pub missing: Vec<Feature>,
    /// Projects visible with these keys, by name.
    pub projects: Vec<String>,
}

/// Asks OVH who `account` is and what it may do: the check before saving keys, and the
/// Account screen.
pub async fn describe(account: &Account, client: &Client) -> Result<AccountInfo> {
    let details = client.auth_details().await?;
    let (expiration, rules) = match account {
        Account::Keys { .. } => {
            let c = client.current_credential().await?;
            if c.status != "validated" {
                return Err(Error::Invalid(Why::ConsumerKeyUnusable { state: c.status }));
            }
            (c.expiration, Some(c.rules))
        }
        Account::ServiceAccount { .. } => (None, None),
    };
    let missing = match &rules {
        Some(r) => rules::missing_features(r),
        None => Vec::new(),
    };
    let projects = crate::inventory::projects(client)
        .await?
        .into_iter()
        .map(|p| p.name)
        .collect();
    Ok(AccountInfo {
        endpoint: account.endpoint().name().to_string(),
        method: account.method(),
        account: details.account,
        application_key: match account {
            Account::Keys { credentials, .. } => Some(credentials.application_key.clone()),
            Account::ServiceAccount { .. } => None,
        },
        client_id: match account {
            Account::ServiceAccount { account, .. } => Some(account.client_id.clone()),
            Account::Keys { .. } => None,
        },
        expiration,
        rules,
        missing,
        projects,
    })
}

/// A consumer key requested and waiting for the user's approval on OVHcloud's page.
struct Pending {
    account: Account,
    validation_url: String,
    cancel: CancellationToken,
}

/// The "Connect" way in: request a consumer key with Backup Desk's rules, let the user approve
/// it in the browser, and wait until OVH says it is validated. One request at a time; a new
/// one cancels the one before.
#[derive(Default)]
pub struct Connector {
    pending: Mutex<Option<Pending>>,
}

/// An OVHcloud application this build carries: "Sign in with OVHcloud" asks for a consumer key
/// with it, so the user types no key. Its secret names the application, not the user: without
/// a consumer key the user approved on OVH's page, it opens nothing.
#[derive(Clone)]
pub struct BuiltinApp {
    /// Where it is registered; `None` for every endpoint (the simulator's demo application, in
    /// test builds only).
    pub endpoint: Option<Endpoint>,
    pub application_key: String,
    pub application_secret: Sensitive<String>,
}

impl std::fmt::Debug for BuiltinApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuiltinApp")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

impl BuiltinApp {
    /// The applications given at build time, per endpoint: `BACKUP_DESK_APP_KEY_EU` and
    /// `BACKUP_DESK_APP_SECRET_EU` (and `_CA`, `_US`). An endpoint without both has none.
    pub fn from_build() -> Vec<BuiltinApp> {
        let given = [
            (
                Endpoint::Eu,
                option_env!("BACKUP_DESK_APP_KEY_EU"),
                option_env!("BACKUP_DESK_APP_SECRET_EU"),
            ),
            (
                Endpoint::Ca,
                option_env!("BACKUP_DESK_APP_KEY_CA"),
                option_env!("BACKUP_DESK_APP_SECRET_CA"),
            ),
            (
                Endpoint::Us,
                option_env!("BACKUP_DESK_APP_KEY_US"),
                option_env!("BACKUP_DESK_APP_SECRET_US"),
            ),
        ];
        given
            .into_iter()
            .filter_map(|(endpoint, key, secret)| {
                Self::given(Some(endpoint), key.unwrap_or(""), secret.unwrap_or(""))
            })
            .collect()
    }

    /// An application from its key and secret, when both are usable keys.
    pub fn given(endpoint: Option<Endpoint>, key: &str, secret: &str) -> Option<BuiltinApp> {
        let key = field(Field::ApplicationKey, key).ok()?;
        let secret = field(Field::ApplicationSecret, secret).ok()?;
        Some(BuiltinApp {
            endpoint,
            application_key: key,
            application_secret: Sensitive::new(secret),
        })
    }

    /// The application of `apps` for `endpoint`.
    pub fn for_endpoint<'a>(apps: &'a [BuiltinApp], endpoint: &Endpoint) -> Option<&'a BuiltinApp> {
        apps.iter()
            .find(|a| a.endpoint.as_ref().is_none_or(|e| e == endpoint))
    }
}

/// How often the approval is checked.
const APPROVAL_POLL: Duration = Duration::from_secs(2);
/// How long an approval is waited for. OVH does not say how long a pending request stays
/// valid (unconfirmed); after this the user starts again with a fresh one.
const APPROVAL_PATIENCE: Duration = Duration::from_secs(3600);

impl Connector {
    /// `POST /auth/credential` with [`rules::ACCESS_RULES`]; returns the page the user must open.
    pub async fn start(
        &self,
        endpoint: Endpoint,
        application_key: &str,
        application_secret: &str,
    ) -> Result<String> {
        self.start_with(
            endpoint,
            application_key,
            application_secret,
            rules::requested(),
        )
        .await
    }

    /// "Allow restore tests": the same application asks for the usual rules and the deletion
    /// restore tests need ([`rules::REHEARSAL_RULES`]); once the user approves it, the new
    /// consumer key replaces the old. Only keys have rules to extend: a service account's IAM
    /// policy is changed in OVHcloud's IAM, which the restore test dialog names.
    pub async fn allow_rehearsals(&self, account: &Account) -> Result<String> {
        match account {
            Account::Keys {
                endpoint,
                credentials,
            } => {
                self.start_with(
                    endpoint.clone(),
                    &credentials.application_key,
                    credentials.application_secret.expose(),
                    rules::requested_with_rehearsals(),
                )
                .await
            }
            Account::ServiceAccount { .. } => Err(Error::Invalid(Why::ConfirmRehearsalPolicy {
                action: crate::rehearsal::IAM_ACTION.to_string(),
            })),
        }
    }

    async fn start_with(
        &self,
        endpoint: Endpoint,
        application_key: &str,
        application_secret: &str,
        access_rules: Vec<AccessRule>,
    ) -> Result<String> {
        let ak = field(Field::ApplicationKey, application_key)?;
        let secret = Sensitive::new(field(Field::ApplicationSecret, application_secret)?);
        let unsigned = Client::builder(endpoint.clone())
            .credentials(Credentials {
                application_key: ak.clone(),
                application_secret: secret.clone(),
                consumer_key: None,
            })
            .build()?;
        let pending = unsigned
            .request_credential(&CredentialRequest {
                access_rules,
                redirection: None,
            })
            .await?;
        if pending.validation_url.is_empty() {
            return Err(Error::Invalid(Why::NoApprovalPage));
        }
        let account = Account::Keys {
            endpoint,
            credentials: Credentials {
                application_key: ak,
                application_secret: secret,
                consumer_key: Some(pending.consumer_key),
            },
        };
        let url = pending.validation_url.clone();
        let previous = self.pending.lock().expect("pending lock").replace(Pending {
            account,
            validation_url: pending.validation_url,
            cancel: CancellationToken::new(),
        });
        if let Some(p) = previous {
            p.cancel.cancel();
        }
        Ok(url)
    }

    /// "Sign in with OVHcloud": [`Connector::start`] with the build's application for
    /// `endpoint`.
    pub async fn sign_in(&self, endpoint: Endpoint, apps: &[BuiltinApp]) -> Result<String> {
        let app = BuiltinApp::for_endpoint(apps, &endpoint)
            .ok_or(Error::Invalid(Why::NoBuiltinApp))?
            .clone();
        self.start(
            endpoint,
            &app.application_key,
            app.application_secret.expose(),
        )
        .await
    }

    /// The approval page of the request in progress.
    pub fn validation_url(&self) -> Option<String> {
        self.pending
            .lock()
            .expect("pending lock")
            .as_ref()
            .map(|p| p.validation_url.clone())
    }

    /// Waits until the user approved the request, then returns the account (not yet saved).
    /// `Ok(None)` when cancelled.
    pub async fn wait(&self) -> Result<Option<Account>> {
        let (account, cancel) = match self.pending.lock().expect("pending lock").as_ref() {
            Some(p) => (p.account.clone(), p.cancel.clone()),
            None => return Err(Error::Invalid(Why::NothingWaiting)),
        };
        let client = account.client()?;
        let started = tokio::time::Instant::now();
        loop {
            match client.current_credential().await {
                Ok(c) if c.status == "validated" => break,
                Ok(c) if c.status == "refused" || c.status == "expired" => {
                    self.clear(&cancel);
                    return Err(Error::Invalid(Why::AccessRefused));
                }
                Ok(_) => {}
                // Until approval OVH answers INVALID_CREDENTIAL; users of other clients report
                // other refusals while a key is pending. None of them is taken as an answer:
                // only the user (Cancel) or the end of the wait ends it.
                Err(e) => tracing::debug!("still waiting for approval: {e}"),
            }
            if started.elapsed() >= APPROVAL_PATIENCE {
                self.clear(&cancel);
                return Err(Error::Invalid(Why::AccessRefused));
            }
            tokio::select! {
                _ = cancel.cancelled() => return Ok(None),
                _ = tokio::time::sleep(APPROVAL_POLL) => {}
            }
        }
        self.clear(&cancel);
        Ok(Some(account))
    }

    /// Stops waiting; the requested consumer key is simply never used.
    pub fn cancel(&self) {
        if let Some(p) = self.pending.lock().expect("pending lock").take() {
            p.cancel.cancel();
        }
    }

    fn clear(&self, token: &CancellationToken) {
        let mut pending = self.pending.lock().expect("pending lock");
        if pending.as_ref().is_some_and(|p| p.cancel == *token) {
            *pending = None;
        }
    }
}

/// The "I already have keys" way in: the three keys, checked before anything is saved.
pub fn from_keys(
    endpoint: Endpoint,
    application_key: &str,
    application_secret: &str,
    consumer_key: &str,
) -> Result<Account> {
    Ok(Account::Keys {
        endpoint,
        credentials: Credentials {
            application_key: field(Field::ApplicationKey, application_key)?,
            application_secret: Sensitive::new(field(
                Field::ApplicationSecret,
                application_secret,
            )?),
            consumer_key: Some(Sensitive::new(field(Field::ConsumerKey, consumer_key)?)),
        },
    })
}

/// The service-account way in: client id and secret.
pub fn from_service_account(
    endpoint: Endpoint,
    client_id: &str,
    client_secret: &str,
) -> Result<Account> {
    Ok(Account::ServiceAccount {
        endpoint,
        account: ServiceAccount {
            client_id: field(Field::ClientId, client_id)?,
            client_secret: Sensitive::new(field(Field::ClientSecret, client_secret)?),
        },
    })
}

/// Checks `account` against OVH, then stores it: nothing is saved for keys that do not work.
pub async fn verify_and_save(vault: &Vault, account: Account) -> Result<AccountInfo> {
    let client = account.client()?;
    let info = describe(&account, &client).await?;
    let vault = vault.clone();
    blocking(move || account.save(&vault)).await?;
    Ok(info)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_built_in_application_is_found_for_its_endpoint_only() {
        let eu = BuiltinApp::given(Some(Endpoint::Eu), "ak-eu", "as-eu").unwrap();
        let apps = [eu];
        let found = BuiltinApp::for_endpoint(&apps, &Endpoint::Eu).map(|a| &a.application_key);
        assert_eq!(found.map(String::as_str), Some("ak-eu"));
        assert!(BuiltinApp::for_endpoint(&apps, &Endpoint::Ca).is_none());
        let any = [BuiltinApp::given(None, "ak", "secret-xyz").unwrap()];
        let sim = Endpoint::Custom("http://127.0.0.1:1/1.0".into());
        assert!(BuiltinApp::for_endpoint(&any, &sim).is_some());
        assert!(
            BuiltinApp::given(None, "", "x").is_none()
                && BuiltinApp::given(None, "a b", "x").is_none(),
            "a missing or mangled key is no application"
        );
        assert!(
            !format!("{:?}", any[0]).contains("secret-xyz"),
            "the secret is not in the debug text"
        );
    }

    use super::*;

    #[test]
    fn typed_values_are_trimmed_and_checked() {
        assert_eq!(field(Field::ConsumerKey, "  abc\n").unwrap(), "abc");
        assert!(matches!(
            field(Field::ConsumerKey, " "),
            Err(Error::Invalid(Why::FieldRequired {
                field: Field::ConsumerKey
            }))
        ));
        assert!(matches!(
            field(Field::ClientSecret, "ab c"),
            Err(Error::Invalid(Why::FieldSpaces {
                field: Field::ClientSecret
            }))
        ));
        assert_eq!(parse_endpoint("ovh-ca").unwrap(), Endpoint::Ca);
        assert!(parse_endpoint("ftp://x").is_err());
        assert!(check_page_url("https://eu.api.ovh.com/createApp/").is_ok());
        assert!(check_page_url("file:///etc/passwd").is_err());
        assert!(check_page_url("javascript:alert(1)").is_err());
        assert!(
            check_page_url("ftp://example.com/").is_err(),
            "a host is not enough"
        );
        assert!(check_page_url("mailto:support@ovh.com").is_err());
    }

    #[test]
    fn no_secret_in_debug_output() {
        let a = from_keys(Endpoint::Eu, "AK", "theSecret", "theConsumerKey").unwrap();
        let s = from_service_account(Endpoint::Eu, "id", "clientSecret").unwrap();
        let text = format!("{a:?} {s:?}");
        for secret in ["theSecret", "theConsumerKey", "clientSecret"] {
            assert!(!text.contains(secret), "{text}");
        }
    }
}
