//! The signed HTTP client: builds the exact URL and body, signs them, sends, decodes, and retries
//! idempotent calls on transient failures.
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tokio::sync::{Mutex, Semaphore};

use crate::{signing, Endpoint, Error, Result, Sensitive};

/// Seconds since the UNIX epoch, as the local machine sees them. Injected so tests can freeze
/// or skew time.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

fn system_clock() -> Clock {
    Arc::new(|| chrono::Utc::now().timestamp())
}

/// The three keys of OVH's signed authentication. Only the application key is not secret.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// Application key (AK), sent in clear as `X-Ovh-Application`.
    pub application_key: String,
    /// Application secret (AS), only ever hashed into signatures.
    pub application_secret: Sensitive<String>,
    /// Consumer key (CK); `None` before one has been requested and validated.
    pub consumer_key: Option<Sensitive<String>>,
}

/// An OVHcloud service account: OAuth2 client credentials. Access tokens are fetched from the
/// endpoint's token URL, kept in memory only and renewed shortly before they expire.
#[derive(Debug, Clone)]
pub struct ServiceAccount {
    pub client_id: String,
    pub client_secret: Sensitive<String>,
}

/// The clock offset is measured again after this many seconds.
const TIME_OFFSET_MAX_AGE_SECS: i64 = 3600;

/// Seconds before expiry at which an access token is renewed.
const TOKEN_RENEW_MARGIN_SECS: i64 = 60;

struct OAuth {
    account: ServiceAccount,
    token_url: String,
    /// The current access token and when it expires (local clock).
    token: Mutex<Option<(Sensitive<String>, i64)>>,
}

/// How idempotent calls (GET) are retried. POST and DELETE are never retried here: whether they
/// took effect must be checked first, by the caller that knows how.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: usize,
    /// First backoff delay (jittered, then doubled each time).
    pub min_delay: Duration,
    /// Longest backoff delay, and longest `Retry-After` honoured.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            min_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(20),
        }
    }
}

impl RetryPolicy {
    /// No retries at all: for tests that count requests.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }
}

/// Configures a [`Client`].
pub struct ClientBuilder {
    endpoint: Endpoint,
    credentials: Option<Credentials>,
    service_account: Option<ServiceAccount>,
    clock: Clock,
    retry: RetryPolicy,
    timeout: Duration,
    max_in_flight: usize,
}

impl ClientBuilder {
    /// Credentials for signed calls; without them only unauthenticated calls work.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// A service account instead of signed credentials: calls carry an OAuth2 bearer token.
    pub fn service_account(mut self, account: ServiceAccount) -> Self {
        self.service_account = Some(account);
        self
    }

    /// Replaces the system clock.
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Replaces the default retry policy.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Time allowed for one request, answer included (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Requests allowed in flight at once (default 8), to stay a fair user of OVH's API.
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.max_in_flight = n.max(1);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("backup-desk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(Error::from_reqwest)?;
        let token_url = self.endpoint.oauth2_token_url();
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint: self.endpoint,
                oauth: self.service_account.map(|account| OAuth {
                    account,
                    token_url,
                    token: Mutex::new(None),
                }),
                credentials: self.credentials,
                clock: self.clock,
                time_delta: Mutex::new(None),
                auth_refused: AtomicBool::new(false),
                retry: self.retry,
                permits: Semaphore::new(self.max_in_flight),
                requests: AtomicU64::new(0),
                unreadable: Default::default(),
            }),
        })
    }
}

/// A cheap-to-clone handle on one OVH API account.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    endpoint: Endpoint,
    credentials: Option<Credentials>,
    oauth: Option<OAuth>,
    clock: Clock,
    /// `server time - local time`, fetched from `/auth/time` and kept only on success; fetched
    /// again if OVH refuses a timestamp.
    /// `server - local` in seconds, and the local time it was measured at.
    time_delta: Mutex<Option<(i64, i64)>>,
    /// The last authenticated answer refused the credentials themselves.
    auth_refused: AtomicBool,
    retry: RetryPolicy,
    permits: Semaphore,
    requests: AtomicU64,
    /// List records that could not be read, skipped and counted.
    unreadable: crate::unreadable::Registry,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.inner.endpoint)
            .finish_non_exhaustive()
    }
}

/// Whether a request carries the signed-authentication headers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Auth {
    Signed,
    Unsigned,
}

impl Client {
    /// Starts configuring a client for `endpoint`.
    pub fn builder(endpoint: Endpoint) -> ClientBuilder {
        ClientBuilder {
            endpoint,
            credentials: None,
            service_account: None,
            clock: system_clock(),
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(30),
            max_in_flight: 8,
        }
    }

    /// The endpoint this client talks to.
    pub fn endpoint(&self) -> &Endpoint {
        &self.inner.endpoint
    }

    /// HTTP requests sent so far (retries included), for request budgets and benchmarks.
    pub fn request_count(&self) -> u64 {
        self.inner.requests.load(Ordering::Relaxed)
    }

    /// A signed GET, retried on transient failures.
    pub async fn get<T: DeserializeOwned>(&self, path: &str, query: &[(&str, &str)]) -> Result<T> {
        self.retried(Method::GET, path, query, Auth::Signed, &[])
            .await?
            .decode(path)
    }

    /// A signed GET of a list: each record read on its own, those that cannot be read skipped
    /// and counted ([`Client::unreadable`]), so one odd record never hides the others.
    pub async fn get_list<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<Vec<T>> {
        let items: Vec<serde_json::Value> = self.get(path, query).await?;
        Ok(crate::unreadable::decode_items(
            "GET",
            path,
            items,
            &self.inner.unreadable,
        ))
    }

    /// Every kind of list record skipped so far, with how many (route, field, problem).
    pub fn unreadable(&self) -> Vec<(crate::unreadable::Unreadable, u64)> {
        self.inner.unreadable.all()
    }

    /// A list route that answers ids, read as full objects the way OVH's control panel reads
    /// it: `X-Pagination-Mode: CachedObjectList-Pages`, pages of [`PAGE_SIZE`] numbered from 1,
    /// until `X-Pagination-Elements` objects came or a page is short. A route (or a server)
    /// that ignores the mode answers ids: they come back as [`Listed::Ids`] for the caller to
    /// read one by one. The headers are not signed: OVH's signature covers the method, URL,
    /// body and timestamp only.
    pub async fn get_objects<T: DeserializeOwned>(&self, path: &str) -> Result<Listed<T>> {
        let mut objects: Vec<T> = Vec::new();
        // Records received, read or not: what `X-Pagination-Elements` counts.
        let mut received = 0u64;
        for number in 1..=MAX_PAGES {
            let headers = [
                ("X-Pagination-Mode", "CachedObjectList-Pages".to_string()),
                ("X-Pagination-Size", PAGE_SIZE.to_string()),
                ("X-Pagination-Number", number.to_string()),
            ];
            let answer = self
                .retried(Method::GET, path, &[], Auth::Signed, &headers)
                .await?;
            let page: Vec<serde_json::Value> = answer.decode(path)?;
            if number == 1 && !page.is_empty() && page.iter().all(serde_json::Value::is_string) {
                let ids = page
                    .into_iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect();
                return Ok(Listed::Ids(ids));
            }
            let page_len = page.len();
            received += page_len as u64;
            objects.extend(crate::unreadable::decode_items::<T>(
                "GET",
                path,
                page,
                &self.inner.unreadable,
            ));
            if last_page(received, page_len, answer.elements) {
                break;
            }
        }
        Ok(Listed::Objects(objects))
    }

    /// An unsigned GET (`/auth/time`, the public catalog), retried on transient failures.
    pub async fn get_unsigned<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T> {
        self.retried(Method::GET, path, query, Auth::Unsigned, &[])
            .await?
            .decode(path)
    }

    /// A signed POST with a JSON body. Never retried.
    pub async fn post<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T> {
        let body = encode_body(body)?;
        self.send(Method::POST, path, &[], Some(body), Auth::Signed, &[])
            .await?
            .decode(path)
    }

    /// A signed POST with no body. Never retried.
    pub async fn post_empty<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.send(Method::POST, path, &[], None, Auth::Signed, &[])
            .await?
            .decode(path)
    }

    /// An unsigned POST (`/auth/credential`). Never retried.
    pub async fn post_unsigned<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T> {
        let body = encode_body(body)?;
        self.send(Method::POST, path, &[], Some(body), Auth::Unsigned, &[])
            .await?
            .decode(path)
    }

    /// A signed DELETE. Never retried.
    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.send(Method::DELETE, path, &[], None, Auth::Signed, &[])
            .await?
            .decode(path)
    }

    /// The cached `server - local` clock offset in seconds, once a signed call has fetched it.
    pub fn time_delta(&self) -> Option<i64> {
        self.inner
            .time_delta
            .try_lock()
            .ok()
            .and_then(|d| d.map(|(delta, _)| delta))
    }

    /// Whether the last authenticated call was refused because of the credentials themselves
    /// (unknown key, unvalidated, expired or revoked credential, refused token): background
    /// work pauses on this instead of retrying in a loop.
    pub fn auth_refused(&self) -> bool {
        self.inner.auth_refused.load(Ordering::Relaxed)
    }

    /// Whether this client authenticates with a service account.
    pub fn is_service_account(&self) -> bool {
        self.inner.oauth.is_some()
    }

    async fn retried(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        auth: Auth,
        headers: &[(&str, String)],
    ) -> Result<Answer> {
        let policy = &self.inner.retry;
        let backoff = ExponentialBuilder::default()
            .with_min_delay(policy.min_delay)
            .with_max_delay(policy.max_delay)
            .with_max_times(policy.max_retries)
            .with_jitter();
        let max_delay = policy.max_delay;
        (|| self.send(method.clone(), path, query, None, auth, headers))
            .retry(backoff)
            .when(Error::is_transient)
            .adjust(move |err: &Error, dur| match err.retry_after() {
                Some(wait) => Some(wait.min(max_delay)),
                None => dur,
            })
            .notify(|err, dur| tracing::warn!(%path, ?dur, "retrying after: {err}"))
            .await
    }

    async fn timestamp(&self) -> Result<i64> {
        let mut delta = self.inner.time_delta.lock().await;
        let now = (self.inner.clock)();
        let d = match *delta {
            // A machine's clock drifts (and sleeps): the offset is measured again hourly.
            Some((d, at)) if (now - at).abs() < TIME_OFFSET_MAX_AGE_SECS => d,
            _ => {
                // NOTE: boxed because `send_once` calls back here for signed requests; this
                // call is unsigned, so the recursion is one level deep.
                let server: i64 = Box::pin(self.send_once(
                    Method::GET,
                    "/auth/time",
                    &[],
                    None,
                    Auth::Unsigned,
                    &[],
                ))
                .await?
                .decode("/auth/time")?;
                let local = (self.inner.clock)();
                let d = server - local;
                *delta = Some((d, local));
                d
            }
        };
        Ok((self.inner.clock)() + d)
    }

    /// A valid access token, fetched when there is none or it is about to expire.
    async fn bearer(&self, oauth: &OAuth) -> Result<Sensitive<String>> {
        let mut token = oauth.token.lock().await;
        let now = (self.inner.clock)();
        if let Some((value, expires_at)) = token.as_ref() {
            if now < expires_at - TOKEN_RENEW_MARGIN_SECS {
                return Ok(value.clone());
            }
        }
        let fresh = self.fetch_token(oauth).await;
        if let Err(e) = &fresh {
            self.note_auth(e);
        }
        let (value, expires_in) = fresh?;
        *token = Some((value.clone(), now + expires_in));
        Ok(value)
    }

    /// `POST <token URL>` with `grant_type=client_credentials&scope=all`, the client id and
    /// secret as HTTP Basic credentials (python-ovh's way).
    async fn fetch_token(&self, oauth: &OAuth) -> Result<(Sensitive<String>, i64)> {
        #[derive(serde::Deserialize)]
        struct Answer {
            access_token: Option<String>,
            expires_in: Option<i64>,
            error: Option<String>,
            error_description: Option<String>,
        }
        let _permit = self.inner.permits.acquire().await.expect("never closed");
        self.inner.requests.fetch_add(1, Ordering::Relaxed);
        let resp = self
            .inner
            .http
            .post(&oauth.token_url)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .basic_auth(
                &oauth.account.client_id,
                Some(oauth.account.client_secret.expose()),
            )
            .body("grant_type=client_credentials&scope=all")
            .send()
            .await
            .map_err(Error::from_reqwest)?;
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await.map_err(Error::from_reqwest)?;
        let answer: Option<Answer> = serde_json::from_slice(&bytes).ok();
        match answer {
            Some(Answer {
                access_token: Some(token),
                expires_in,
                ..
            }) if (200..300).contains(&status) => {
                Ok((Sensitive::new(token), expires_in.unwrap_or(3600).max(1)))
            }
            // Both shapes seen in the wild: the error with 400, and with 200.
            Some(Answer {
                error: Some(code),
                error_description,
                ..
            }) => Err(Error::Api {
                status: if (200..300).contains(&status) {
                    401
                } else {
                    status
                },
                class: Some("OAuth2".into()),
                message: error_description.unwrap_or_else(|| code.clone()),
                error_code: Some(code),
                query_id: None,
                retry_after: None,
            }),
            _ if !(200..300).contains(&status) => {
                Err(Error::from_response(status, None, None, &bytes))
            }
            _ => Err(Error::Decode {
                path: "/auth/oauth2/token".into(),
                detail: "no access_token in the answer".into(),
            }),
        }
    }

    fn note_auth(&self, e: &Error) {
        if e.is_auth() {
            self.inner.auth_refused.store(true, Ordering::Relaxed);
        }
    }

    /// Sends once, then once more when the refusal is about a stale clock offset or an expired
    /// access token: OVH did not execute the call, so even a POST is safe to resend.
    async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<String>,
        auth: Auth,
        headers: &[(&str, String)],
    ) -> Result<Answer> {
        let first = self
            .send_once(method.clone(), path, query, body.clone(), auth, headers)
            .await;
        let stale = match &first {
            Err(e) if auth == Auth::Signed => {
                if e.is_about_time() && self.inner.oauth.is_none() {
                    *self.inner.time_delta.lock().await = None;
                    true
                } else if e.status() == Some(401) {
                    match &self.inner.oauth {
                        Some(oauth) => {
                            *oauth.token.lock().await = None;
                            true
                        }
                        None => false,
                    }
                } else {
                    false
                }
            }
            _ => false,
        };
        let result = if stale {
            self.send_once(method, path, query, body, auth, headers)
                .await
        } else {
            first
        };
        if auth == Auth::Signed {
            match &result {
                Ok(_) => self.inner.auth_refused.store(false, Ordering::Relaxed),
                Err(e) => self.note_auth(e),
            }
        }
        result
    }

    async fn send_once(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<String>,
        auth: Auth,
        headers: &[(&str, String)],
    ) -> Result<Answer> {
        let url = build_url(self.inner.endpoint.base_url(), path, query);
        let mut req = self
            .inner
            .http
            .request(method.clone(), &url)
            .header("Accept", "application/json");
        for (name, value) in headers {
            req = req.header(*name, value);
        }
        let creds = self.inner.credentials.as_ref();
        if let Some(c) = creds {
            req = req.header("X-Ovh-Application", &c.application_key);
        }
        if let (Some(oauth), Auth::Signed) = (&self.inner.oauth, auth) {
            let token = self.bearer(oauth).await?;
            req = req.header("Authorization", format!("Bearer {}", token.expose()));
        } else if auth == Auth::Signed {
            let c =
                creds.ok_or_else(|| Error::InvalidInput("no API credentials configured".into()))?;
            let ck = c
                .consumer_key
                .as_ref()
                .ok_or_else(|| Error::InvalidInput("no consumer key configured".into()))?;
            let ts = self.timestamp().await?;
            let sig = signing::sign(
                c.application_secret.expose(),
                ck.expose(),
                method.as_str(),
                &url,
                body.as_deref().unwrap_or(""),
                ts,
            );
            req = req
                .header("X-Ovh-Consumer", ck.expose())
                .header("X-Ovh-Timestamp", ts.to_string())
                .header("X-Ovh-Signature", sig);
        }
        if let Some(body) = body {
            req = req.header("Content-Type", "application/json").body(body);
        }

        let _permit = self
            .inner
            .permits
            .acquire()
            .await
            .expect("semaphore is never closed");
        self.inner.requests.fetch_add(1, Ordering::Relaxed);
        let resp = req.send().await.map_err(Error::from_reqwest)?;
        let status = resp.status().as_u16();
        let query_id = header(&resp, "x-ovh-queryid");
        let retry_after = header(&resp, "retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let elements = header(&resp, "x-pagination-elements").and_then(|v| v.trim().parse().ok());
        let bytes = resp.bytes().await.map_err(Error::from_reqwest)?;
        drop(_permit);

        if !(200..300).contains(&status) {
            let err = Error::from_response(status, query_id, retry_after, &bytes);
            tracing::debug!(%method, %path, "{err}");
            return Err(err);
        }
        Ok(Answer {
            body: if status == 204 {
                Vec::new()
            } else {
                bytes.to_vec()
            },
            elements,
        })
    }
}

/// Objects per page of a bulk read: the control panel's default (`iceberg.ts`).
pub const PAGE_SIZE: usize = 5000;
/// Pages read at most from one list (50 million objects: a bound, not a limit anyone meets).
const MAX_PAGES: usize = 10_000;

/// Whether a bulk read is complete after a page of `page_len` records, `received` in all so
/// far: when the total OVH announced (`X-Pagination-Elements`) came, or a page came short
/// (the only sign left when a server sends no total, or a total the pages never reach).
fn last_page(received: u64, page_len: usize, elements: Option<u64>) -> bool {
    let short = page_len < PAGE_SIZE;
    match elements {
        Some(total) => received >= total || short,
        None => short,
    }
}

/// What a list route gave in the bulk mode.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed<T> {
    /// Full objects, as asked.
    Objects(Vec<T>),
    /// Ids only: the route ignored the mode.
    Ids(Vec<String>),
}

/// A successful answer before decoding.
struct Answer {
    body: Vec<u8>,
    /// `X-Pagination-Elements`: how many objects a bulk read holds in all.
    elements: Option<u64>,
}

impl Answer {
    fn decode<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        let text: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &self.body
        };
        serde_json::from_slice(text).map_err(|e| Error::Decode {
            path: path.to_string(),
            detail: e.to_string(),
        })
    }
}

fn header(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// Compact JSON, as python-ovh sends it (`separators=(",", ":")`); the signature covers these
/// exact bytes.
fn encode_body<B: Serialize + ?Sized>(body: &B) -> Result<String> {
    serde_json::to_string(body).map_err(|e| Error::InvalidInput(e.to_string()))
}

/// Base URL + path + query string, exactly the string that is signed and sent.
fn build_url(base: &str, path: &str, query: &[(&str, &str)]) -> String {
    let mut url = format!("{base}{path}");
    if !query.is_empty() {
        let qs = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(query)
            .finish();
        url.push('?');
        url.push_str(&qs);
    }
    url
}

/// Percent-encodes one path segment (ids come from the API, but a name may not be URL-safe).
pub fn segment(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}

/// Everything but RFC 3986's unreserved characters is encoded: an id can never add a path level
/// or a query.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bulk_read_ends_at_the_announced_total_or_a_short_page() {
        let full = PAGE_SIZE;
        let n = full as u64;
        assert!(!last_page(n, full, Some(n + 1)), "more announced");
        assert!(last_page(n, full, Some(n)), "the total came");
        assert!(last_page(n + 1, full, Some(n)), "more than announced");
        assert!(
            last_page(n + 3, 3, Some(2 * n)),
            "short page, total never reached"
        );
        assert!(
            !last_page(n, full, None),
            "no total: a full page may have a next"
        );
        assert!(
            last_page(n - 1, full - 1, None),
            "no total: a short page is the last"
        );
        assert!(last_page(0, 0, None), "an empty page is the last");
    }

    #[test]
    fn urls_are_built_exactly() {
        assert_eq!(
            build_url("https://eu.api.ovh.com/1.0", "/cloud/project", &[]),
            "https://eu.api.ovh.com/1.0/cloud/project"
        );
        assert_eq!(
            build_url(
                "http://h/1.0",
                "/cloud/project/p/instance",
                &[("region", "GRA11"), ("x", "a b")]
            ),
            "http://h/1.0/cloud/project/p/instance?region=GRA11&x=a+b"
        );
        assert_eq!(segment("ab-1.2_~/ é"), "ab-1.2_~%2F%20%C3%A9");
    }
}
