//! The client against the simulator's injected faults: idempotent calls retry with backoff and
//! honour `Retry-After`, writes are never retried blindly, and broken answers become clear
//! errors, never panics.
use std::time::Duration;

use ovh::{Client, Endpoint, Error, RetryPolicy};
use ovh_sim::{Keys, Running, Sim};
use serde_json::json;

async fn setup(retry: RetryPolicy) -> (Running, Client) {
    let keys = Keys::default();
    let running = Running::start(Sim::demo(&keys)).await.unwrap();
    let client = Client::builder(Endpoint::Custom(running.base_url.clone()))
        .credentials(keys.credentials())
        .retry(retry)
        .timeout(Duration::from_millis(800))
        .build()
        .unwrap();
    // Fetch the clock offset first so request counts below are about the call under test.
    client.project_ids().await.unwrap();
    (running, client)
}

fn fast_retries() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        min_delay: Duration::from_millis(10),
        max_delay: Duration::from_secs(2),
    }
}

async fn fault(running: &Running, body: serde_json::Value) {
    reqwest::Client::new()
        .post(format!("{}/_sim/faults", running.root_url()))
        .json(&body)
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn gets_retry_through_5xx() {
    let (sim, client) = setup(fast_retries()).await;
    fault(
        &sim,
        json!({"method": "GET", "path": "/cloud/project", "status": 503, "times": 2}),
    )
    .await;
    let before = client.request_count();
    assert_eq!(client.project_ids().await.unwrap().len(), 2);
    assert_eq!(
        client.request_count() - before,
        3,
        "two failures, one success"
    );
}

/// On tokio's paused clock the time that passes is exactly the time the client chose to wait:
/// the Retry-After second, not the policy's 10 ms backoff.
#[tokio::test(start_paused = true)]
async fn retry_after_is_honoured() {
    let (sim, client) = setup(fast_retries()).await;
    for (retry_after, expected) in [(1, Duration::from_secs(1)), (30, Duration::from_secs(2))] {
        fault(
            &sim,
            json!({"path": "/cloud/project", "status": 429, "retryAfter": retry_after, "times": 1}),
        )
        .await;
        let before = client.request_count();
        let started = tokio::time::Instant::now();
        client.project_ids().await.unwrap();
        let waited = started.elapsed();
        assert_eq!(
            client.request_count() - before,
            2,
            "refused once, then served"
        );
        // Whole milliseconds: the paused clock also moves by the simulator's own zero sleeps.
        assert_eq!(
            waited.as_millis() / 100,
            expected.as_millis() / 100,
            "Retry-After: {retry_after} -> waited {waited:?} (capped by max_delay 2 s)"
        );
    }
}

#[tokio::test]
async fn writes_are_never_retried_blindly() {
    let (sim, client) = setup(fast_retries()).await;
    let p = client.project_ids().await.unwrap()[0].clone();
    let inst = client.instances(&p, Some("UK1")).await.unwrap()[0]
        .id
        .clone();
    fault(
        &sim,
        json!({"method": "POST", "path": "*/snapshot", "drop": "after", "times": 1}),
    )
    .await;
    let before = client.request_count();
    let err = client
        .create_snapshot(&p, &inst, "lost answer")
        .await
        .unwrap_err();
    assert!(
        err.outcome_unknown(),
        "a lost answer leaves the outcome unknown: {err}"
    );
    assert_eq!(client.request_count() - before, 1, "one POST only");
    let made = client
        .snapshots(&p, None)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.name == "lost answer")
        .count();
    assert_eq!(
        made, 1,
        "the server did create it: the caller must look before retrying"
    );
}

#[tokio::test]
async fn an_html_error_page_is_a_clear_error() {
    let (sim, client) = setup(RetryPolicy::none()).await;
    fault(
        &sim,
        json!({"path": "/cloud/project", "status": 503, "html": true}),
    )
    .await;
    let err = client.project_ids().await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert!(err.to_string().contains("503 Service Unavailable"), "{err}");
}

#[tokio::test]
async fn slow_answers_time_out() {
    let (sim, client) = setup(RetryPolicy::none()).await;
    fault(
        &sim,
        json!({"path": "/cloud/project", "latencyMs": 2000, "times": 1}),
    )
    .await;
    let err = client.project_ids().await.unwrap_err();
    assert!(matches!(err, Error::Timeout), "{err}");
    assert!(
        client.project_ids().await.is_ok(),
        "recovers once the fault clears"
    );
}

#[tokio::test]
async fn a_wrong_shape_is_a_decode_error_not_a_panic() {
    let (sim, client) = setup(RetryPolicy::none()).await;
    let err = client
        .get::<Vec<ovh::types::Workflow>>("/auth/details", &[])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err}");
    drop(sim);
}
