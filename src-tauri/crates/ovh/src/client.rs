//! The signed HTTP client: builds the exact URL and body, signs them, sends, decodes, and retries
//! idempotent calls on transient failures.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tokio::sync::{OnceCell, Semaphore};

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
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                endpoint: self.endpoint,
                credentials: self.credentials,
                clock: self.clock,
                time_delta: OnceCell::new(),
                retry: self.retry,
                permits: Semaphore::new(self.max_in_flight),
                requests: AtomicU64::new(0),
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
    clock: Clock,
    /// `server time - local time`, fetched once from `/auth/time` and kept only on success.
    time_delta: OnceCell<i64>,
    retry: RetryPolicy,
    permits: Semaphore,
    requests: AtomicU64,
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
        self.retried(Method::GET, path, query, Auth::Signed).await
    }

    /// An unsigned GET (`/auth/time`, the public catalog), retried on transient failures.
    pub async fn get_unsigned<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T> {
        self.retried(Method::GET, path, query, Auth::Unsigned).await
    }

    /// A signed POST with a JSON body. Never retried.
    pub async fn post<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T> {
        let body = encode_body(body)?;
        self.send(Method::POST, path, &[], Some(body), Auth::Signed)
            .await
    }

    /// A signed POST with no body. Never retried.
    pub async fn post_empty<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.send(Method::POST, path, &[], None, Auth::Signed).await
    }

    /// An unsigned POST (`/auth/credential`). Never retried.
    pub async fn post_unsigned<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T> {
        let body = encode_body(body)?;
        self.send(Method::POST, path, &[], Some(body), Auth::Unsigned)
            .await
    }

    /// A signed DELETE. Never retried.
    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T> {
        self.send(Method::DELETE, path, &[], None, Auth::Signed)
            .await
    }

    /// The cached `server - local` clock offset in seconds, once a signed call has fetched it.
    pub fn time_delta(&self) -> Option<i64> {
        self.inner.time_delta.get().copied()
    }

    async fn retried<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        auth: Auth,
    ) -> Result<T> {
        let policy = &self.inner.retry;
        let backoff = ExponentialBuilder::default()
            .with_min_delay(policy.min_delay)
            .with_max_delay(policy.max_delay)
            .with_max_times(policy.max_retries)
            .with_jitter();
        let max_delay = policy.max_delay;
        (|| self.send(method.clone(), path, query, None, auth))
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
        let delta = self
            .inner
            .time_delta
            .get_or_try_init(|| async {
                // NOTE: boxed because `send` calls back here for signed requests; this call is
                // unsigned, so the recursion is one level deep.
                let server: i64 =
                    Box::pin(self.send(Method::GET, "/auth/time", &[], None, Auth::Unsigned))
                        .await?;
                Ok::<_, Error>(server - (self.inner.clock)())
            })
            .await?;
        Ok((self.inner.clock)() + delta)
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<String>,
        auth: Auth,
    ) -> Result<T> {
        let url = build_url(self.inner.endpoint.base_url(), path, query);
        let mut req = self
            .inner
            .http
            .request(method.clone(), &url)
            .header("Accept", "application/json");
        let creds = self.inner.credentials.as_ref();
        if let Some(c) = creds {
            req = req.header("X-Ovh-Application", &c.application_key);
        }
        if auth == Auth::Signed {
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
        let bytes = resp.bytes().await.map_err(Error::from_reqwest)?;
        drop(_permit);

        if !(200..300).contains(&status) {
            let err = Error::from_response(status, query_id, retry_after, &bytes);
            tracing::debug!(%method, %path, "{err}");
            return Err(err);
        }
        let text: &[u8] = if status == 204 || bytes.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &bytes
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
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
