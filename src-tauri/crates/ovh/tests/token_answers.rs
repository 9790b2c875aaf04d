//! Answers the simulator never gives, from a bare server: the client believes a token only on a
//! success status, calls a success without a token unreadable, and sends an unsigned call once
//! even when it is refused (only a signed call can have failed on a stale token or clock).
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ovh::types::{AccessRule, CredentialRequest};
use ovh::{Client, Endpoint, Error, RetryPolicy, ServiceAccount};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

type Seen = Arc<Mutex<Vec<String>>>;

/// A server answering each request with what `answer` gives for its request line
/// (`POST /… HTTP/1.1`), keeping the lines. Its API base URL and the lines.
async fn serve(answer: fn(&str) -> (u16, &'static str)) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/1.0", listener.local_addr().unwrap());
    let seen = Seen::default();
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = Vec::new();
            let mut chunk = [0u8; 4096];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut chunk).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&chunk[..n]),
                }
            }
            let line = String::from_utf8_lossy(&request)
                .lines()
                .next()
                .unwrap_or_default()
                .to_string();
            let (status, body) = answer(&line);
            log.lock().unwrap().push(line);
            let reply = format!(
                "HTTP/1.1 {status} Answer\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(reply.as_bytes()).await;
            let _ = socket.shutdown().await;
        }
    });
    (base, seen)
}

fn service_client(base: &str) -> Client {
    Client::builder(Endpoint::Custom(base.into()))
        .service_account(ServiceAccount {
            client_id: "id".into(),
            client_secret: ovh::Sensitive::new("secret".into()),
        })
        .retry(RetryPolicy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

fn calls(seen: &Seen, path: &str) -> usize {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|l| l.contains(path))
        .count()
}

#[tokio::test]
async fn a_token_sent_with_an_error_status_is_not_used() {
    let (base, seen) = serve(|line| {
        if line.contains("/auth/oauth2/token") {
            (500, r#"{"access_token":"leaked","expires_in":3600}"#)
        } else {
            (200, "[]")
        }
    })
    .await;
    let err = service_client(&base).project_ids().await.unwrap_err();
    assert_eq!(err.status(), Some(500), "{err:?}");
    assert_eq!(calls(&seen, "/cloud/project"), 0, "{:?}", seen.lock());
}

#[tokio::test]
async fn a_success_without_a_token_is_an_unreadable_answer() {
    let (base, _) = serve(|_| (200, "{}")).await;
    let err = service_client(&base).project_ids().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn a_refused_unsigned_call_is_sent_once() {
    let (base, seen) = serve(|_| (401, r#"{"message":"This call has not been granted"}"#)).await;
    let request = CredentialRequest {
        access_rules: vec![AccessRule {
            method: "GET".into(),
            path: "/cloud/*".into(),
        }],
        redirection: None,
    };
    let err = service_client(&base)
        .request_credential(&request)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(401), "{err:?}");
    assert_eq!(
        calls(&seen, "POST /1.0/auth/credential"),
        1,
        "{:?}",
        seen.lock()
    );
    assert_eq!(calls(&seen, "/auth/oauth2/token"), 0, "{:?}", seen.lock());
}
