//! The three ways in and each way the credentials can fail, against the simulator, with the
//! real keyring: the test session's Secret Service on Linux (gnome-keyring under `make test`),
//! Credential Manager on Windows (under Wine).
mod common;

use std::sync::Arc;
use std::time::Duration;

use desk::account::{self, Account, Connector};
use desk::vault::{SecretKind, Vault};
use desk::Error;
use ovh::rules::Feature;
use ovh::{Endpoint, RetryPolicy};
use ovh_sim::Keys;

fn vault(name: &str) -> Vault {
    assert!(
        !cfg!(target_os = "linux") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "these tests need a D-Bus session with a Secret Service; run them through `make test`"
    );
    Vault::with_service(&format!("backup-desk-test-{name}-{}", std::process::id()))
}

fn endpoint(running: &ovh_sim::Running) -> Endpoint {
    Endpoint::Custom(running.base_url.clone())
}

/// Approves a pending request the way a user does: the validation page's form.
async fn approve(validation_url: &str) {
    let token = validation_url.split("credentialToken=").nth(1).unwrap();
    let page = reqwest::get(validation_url)
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Authorize"), "the validation page is served");
    let root = validation_url.split("/auth/").next().unwrap();
    let done = reqwest::Client::new()
        .post(format!("{root}/auth/validate"))
        .form(&[("credentialToken", token), ("validity", "2592000")])
        .send()
        .await
        .unwrap();
    assert!(done.status().is_success());
}

/// Asks `connector` for a consumer key with the demo application, as Connect does: the page to
/// approve it on.
async fn request(connector: &Connector, running: &ovh_sim::Running) -> String {
    let keys = Keys::default();
    connector
        .start(
            endpoint(running),
            &keys.application_key,
            &keys.application_secret,
        )
        .await
        .unwrap()
}

fn stored(vault: &Vault) -> Vec<&'static str> {
    SecretKind::ALL
        .into_iter()
        .filter(|k| vault.load(*k).unwrap().is_some())
        .map(|k| k.user())
        .collect()
}

#[tokio::test]
async fn connect_waits_for_approval_then_saves_a_least_privilege_account() {
    let (running, _, _) = common::demo().await;
    let keys = Keys::default();
    let connector = Arc::new(Connector::default());
    let url = connector
        .start(
            endpoint(&running),
            &format!("  {}\n", keys.application_key),
            &keys.application_secret,
        )
        .await
        .unwrap();
    let waiting = tokio::spawn({
        let c = connector.clone();
        async move { c.wait().await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!waiting.is_finished(), "nothing is saved before approval");
    approve(&url).await;
    let account = waiting.await.unwrap().unwrap().expect("approved");

    let vault = vault("connect");
    let info = account::verify_and_save(&vault, account).await.unwrap();
    assert_eq!(info.method, desk::account::Method::Keys);
    assert_eq!(info.account, "ab12345-ovh");
    assert!(info.missing.is_empty(), "every feature is granted");
    assert_eq!(info.rules.unwrap(), ovh::rules::requested());
    assert!(info.expiration.is_some(), "a 30-day approval has an end");
    assert_eq!(info.projects, vec!["Acme Production", "Acme Staging"]);
    assert_eq!(
        stored(&vault),
        vec![
            "endpoint",
            "application-key",
            "application-secret",
            "consumer-key"
        ]
    );
    let loaded = Account::load(&vault).unwrap().unwrap();
    assert_eq!(loaded.endpoint(), &endpoint(&running));

    account::forget(&vault).unwrap();
    assert!(stored(&vault).is_empty(), "sign-out leaves no entry");
    assert!(Account::load(&vault).unwrap().is_none());
}

/// An approval that takes three minutes, with three kinds of refusal on the way: the wait goes
/// on through all of them (tokio's clock is paused; it runs ahead whenever nothing else does).
#[tokio::test(start_paused = true)]
async fn the_approval_wait_goes_on_through_any_refusal() {
    let (running, _, _) = common::demo().await;
    for status in [401, 403, 400] {
        reqwest::Client::new()
            .post(format!("{}/_sim/faults", running.root_url()))
            .json(&serde_json::json!({"path": "/auth/currentCredential", "status": status, "times": 1}))
            .send()
            .await
            .unwrap();
    }
    let connector = Arc::new(Connector::default());
    let url = request(&connector, &running).await;
    let waiting = tokio::spawn({
        let c = connector.clone();
        async move { c.wait().await }
    });
    tokio::time::sleep(Duration::from_secs(180)).await;
    assert!(
        !waiting.is_finished(),
        "still waiting after 3 minutes of refusals"
    );
    approve(&url).await;
    let account = waiting.await.unwrap().unwrap();
    assert!(account.is_some(), "approved at last");
    let stats: serde_json::Value = reqwest::get(format!("{}/_sim/stats", running.root_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        stats["routes"]["GET /auth/currentCredential"]
            .as_u64()
            .unwrap()
            >= 4,
        "the three refusals and the pending answers were all waited through: {stats}"
    );
}

#[tokio::test]
async fn waiting_can_be_cancelled() {
    let (running, _, _) = common::demo().await;
    let connector = Arc::new(Connector::default());
    request(&connector, &running).await;
    let waiting = tokio::spawn({
        let c = connector.clone();
        async move { c.wait().await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    connector.cancel();
    assert!(waiting.await.unwrap().unwrap().is_none());
    assert!(connector.validation_url().is_none());
}

#[tokio::test]
async fn a_wrong_application_key_is_refused_before_anything_is_asked() {
    let (running, _, _) = common::demo().await;
    let err = Connector::default()
        .start(endpoint(&running), "notAKey", "whatever")
        .await
        .unwrap_err();
    match err {
        Error::Ovh(e) => assert_eq!(e.error_code(), Some("INVALID_KEY")),
        other => panic!("{other:?}"),
    }
    let err = Connector::default()
        .start(endpoint(&running), "", "x")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Invalid(desk::Why::FieldRequired {
                field: desk::Field::ApplicationKey
            })
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn existing_keys_are_checked_before_saving() {
    let (running, _, _) = common::demo().await;
    let keys = Keys::default();
    let vault = vault("existing");

    // A consumer key nobody approved: refused, nothing saved.
    let unvalidated = account::from_keys(
        endpoint(&running),
        &keys.application_key,
        &keys.application_secret,
        "pendingConsumerKey000000000000001",
    )
    .unwrap();
    let err = account::verify_and_save(&vault, unvalidated)
        .await
        .unwrap_err();
    match &err {
        Error::Ovh(e) => assert_eq!(e.error_code(), Some("INVALID_CREDENTIAL")),
        other => panic!("{other:?}"),
    }
    assert!(stored(&vault).is_empty());

    // A wrong secret: the signature does not match.
    let wrong = account::from_keys(
        endpoint(&running),
        &keys.application_key,
        "wrongSecret",
        &keys.consumer_key,
    )
    .unwrap();
    let err = account::verify_and_save(&vault, wrong).await.unwrap_err();
    match &err {
        Error::Ovh(e) => assert_eq!(e.error_code(), Some("INVALID_SIGNATURE")),
        other => panic!("{other:?}"),
    }
    assert!(stored(&vault).is_empty());

    // The demo's keys (all rights): saved, nothing missing.
    let good = account::from_keys(
        endpoint(&running),
        &keys.application_key,
        &keys.application_secret,
        &keys.consumer_key,
    )
    .unwrap();
    let info = account::verify_and_save(&vault, good).await.unwrap();
    assert!(info.missing.is_empty());
    assert_eq!(info.expiration, None, "unlimited");
    account::forget(&vault).unwrap();
}

#[tokio::test]
async fn read_only_keys_say_which_features_will_not_work() {
    let (running, _, _) = common::demo().await;
    let keys = Keys::default();
    let unsigned = ovh::Client::builder(endpoint(&running))
        .credentials(ovh::Credentials {
            consumer_key: None,
            ..keys.credentials()
        })
        .build()
        .unwrap();
    let pending = unsigned
        .request_credential(&ovh::types::CredentialRequest {
            access_rules: vec![ovh::types::AccessRule {
                method: "GET".into(),
                path: "/*".into(),
            }],
            redirection: None,
        })
        .await
        .unwrap();
    approve(&pending.validation_url).await;
    let account = account::from_keys(
        endpoint(&running),
        &keys.application_key,
        &keys.application_secret,
        pending.consumer_key.expose(),
    )
    .unwrap();
    let vault = vault("readonly");
    let info = account::verify_and_save(&vault, account).await.unwrap();
    assert_eq!(
        info.missing,
        vec![
            Feature::CreateBackups,
            Feature::CancelBackups,
            Feature::DeleteBackups,
            Feature::Restore,
            Feature::AutomaticBackups,
            Feature::VolumeBackups
        ]
    );
    account::forget(&vault).unwrap();
}

#[tokio::test]
async fn a_service_account_is_checked_and_saved() {
    let (running, _, _) = common::demo().await;
    let keys = Keys::default();
    let vault = vault("service");
    let wrong = account::from_service_account(endpoint(&running), &keys.client_id, "nope").unwrap();
    let err = account::verify_and_save(&vault, wrong).await.unwrap_err();
    match &err {
        Error::Ovh(e) => assert!(e.is_auth(), "{e:?}"),
        other => panic!("{other:?}"),
    }
    assert!(stored(&vault).is_empty());

    let good =
        account::from_service_account(endpoint(&running), &keys.client_id, &keys.client_secret)
            .unwrap();
    let info = account::verify_and_save(&vault, good).await.unwrap();
    assert_eq!(info.method, desk::account::Method::ServiceAccount);
    assert_eq!(info.client_id.as_deref(), Some(keys.client_id.as_str()));
    assert_eq!(
        stored(&vault),
        vec!["endpoint", "client-id", "client-secret"]
    );
    match Account::load(&vault).unwrap() {
        Some(Account::ServiceAccount { account, .. }) => {
            assert_eq!(account.client_id, keys.client_id)
        }
        other => panic!("the service account is read back as {other:?}"),
    }
    account::forget(&vault).unwrap();
}

#[tokio::test]
async fn a_revoked_credential_pauses_background_work() {
    use desk::journal::{Journal, Kind, Tracked};
    use std::sync::atomic::Ordering;

    let (running, client, project) = common::demo().await;
    let keys = Keys::default();
    // A backup really in progress, so that the tracker's polls find it while the key is good.
    let instance = client.instances(&project, None).await.unwrap()[0].clone();
    client
        .create_snapshot(&project, &instance.id, "still-saving")
        .await
        .unwrap();
    let snapshot = client
        .snapshots(&project, None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name == "still-saving")
        .unwrap();
    let tracker_client = running.client(&keys, RetryPolicy::none()).unwrap();
    let tracker = desk::tracker::spawn(
        desk::lists::Lists::new(tracker_client.clone(), desk::lists::Freshness::default()),
        Journal::none(),
        desk::tracker::Pace {
            min: Duration::from_millis(20),
            max: Duration::from_millis(40),
        },
        Arc::new(chrono::Utc::now),
        |_| {},
    );
    let requests = || running.sim.requests.load(Ordering::Relaxed);
    let before = requests();
    tracker.track(Tracked {
        kind: Kind::Backup,
        project_id: project.clone(),
        snapshot_id: snapshot.id.clone(),
        name: "still-saving".into(),
        instance_id: instance.id.clone(),
        instance_name: "i".into(),
        region: snapshot.region.clone(),
        started_at: chrono::Utc::now(),
        parts: Vec::new(),
    });
    // It polls while the credential is good...
    assert!(
        common::within_2s(|| requests() - before >= 2).await,
        "the tracker never polled"
    );
    reqwest::Client::new()
        .post(format!(
            "{}/_sim/credentials/{}/revoke",
            running.root_url(),
            keys.consumer_key
        ))
        .send()
        .await
        .unwrap();
    // ...meets the refusal at its next poll...
    assert!(
        common::within_2s(|| tracker_client.auth_refused()).await,
        "the tracker never met the refusal"
    );
    // ...and then stops asking.
    let at_refusal = requests();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let made = requests() - at_refusal;
    println!("requests after the refusal over 600 ms at a 20-40 ms pace: {made}");
    assert!(
        made <= 1,
        "polling paused after the refusal ({made} requests)"
    );
    assert_eq!(tracker.tracked().len(), 1, "nothing forgotten meanwhile");
}

#[tokio::test]
async fn an_approval_that_expired_is_refused_as_such() {
    let (running, _, _) = common::demo().await;
    let connector = Connector::default();
    let url = request(&connector, &running).await;
    let token = url.split("credentialToken=").nth(1).unwrap();
    let root = running.root_url();
    reqwest::Client::new()
        .post(format!("{root}/auth/validate"))
        .form(&[("credentialToken", token), ("validity", "86400")])
        .send()
        .await
        .unwrap();
    let account = connector.wait().await.unwrap().unwrap();
    let client = account.client().unwrap();
    client.project_ids().await.unwrap();
    // Two days later the one-day approval has ended.
    reqwest::Client::new()
        .post(format!("{root}/_sim/advance"))
        .json(&serde_json::json!({"seconds": 2 * 86400}))
        .send()
        .await
        .unwrap();
    let err = client.project_ids().await.unwrap_err();
    assert_eq!(err.error_code(), Some("INVALID_CREDENTIAL"));
    assert!(client.auth_refused());
}

/// Where OVH shows an unapproved credential's state instead of refusing it, the wait reads the
/// state: still pending goes on waiting, refused ends at once and says so.
#[tokio::test]
async fn the_wait_reads_a_credential_state_when_one_is_shown() {
    let (running, _, _) = common::demo().await;
    running
        .sim
        .world
        .lock()
        .unwrap()
        .shows_unapproved_credentials = true;
    let keys = Keys::default();
    let connector = Arc::new(Connector::default());
    let start = || {
        connector.start(
            endpoint(&running),
            &keys.application_key,
            &keys.application_secret,
        )
    };
    let url = start().await.unwrap();
    assert_eq!(connector.validation_url().as_deref(), Some(url.as_str()));
    let waiting = tokio::spawn({
        let c = connector.clone();
        async move { c.wait().await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!waiting.is_finished(), "pending is not an answer");
    approve(&url).await;
    let approved = tokio::time::timeout(Duration::from_secs(10), waiting)
        .await
        .expect("an approval ends the wait");
    assert!(approved.unwrap().unwrap().is_some(), "approved");

    let url = start().await.unwrap();
    let token = url.split("credentialToken=").nth(1).unwrap().to_string();
    {
        let mut world = running.sim.world.lock().unwrap();
        let c = world
            .credentials
            .values_mut()
            .find(|c| c.validation_token == token)
            .unwrap();
        c.status = "refused".into();
    }
    let err = tokio::time::timeout(Duration::from_secs(10), connector.wait())
        .await
        .expect("a refusal ends the wait")
        .unwrap_err();
    assert!(err.to_string().contains("refused or has expired"), "{err}");
    assert!(connector.validation_url().is_none());
}

/// Keys with the usual rules cannot delete an instance, so no restore test is started on them
/// (nothing is created); "Allow restore tests" asks for the same rules and the deletion with the
/// same application, and once approved the tests are allowed.
#[tokio::test]
async fn restore_tests_need_the_deletion_rule_and_ask_for_it() {
    let (running, _, _) = common::demo().await;
    let connector = Arc::new(Connector::default());
    let url = request(&connector, &running).await;
    approve(&url).await;
    let account = connector.wait().await.unwrap().expect("approved");
    let vault = vault("rehearsal-rule");
    account::verify_and_save(&vault, account.clone())
        .await
        .unwrap();
    let open = |vault: Vault| async move {
        let conn = desk::Connection::open(&vault, 0).await.unwrap();
        desk::Session::start(conn, None, Default::default(), |_| {})
    };
    let session = open(vault.clone()).await;
    let project = session.projects().await.unwrap()[0].id.clone();
    let backup = common::backup_id(&running.sim, "mail-gateway weekly");
    let form = session.rehearsal_form(&project, &backup).await.unwrap();
    assert_eq!(form.access, desk::rehearsal::Access::Missing);
    let refused = session.start_rehearsal(&project, &backup, None, true).await;
    assert!(
        matches!(
            refused,
            Err(Error::Invalid(desk::Why::RehearsalNeedsAccess))
        ),
        "{refused:?}"
    );
    assert!(
        !common::instance_names(&running.sim)
            .iter()
            .any(|n| n.starts_with("rehearsal-")),
        "an instance it could not delete was made"
    );

    let url = connector.allow_rehearsals(&account).await.unwrap();
    approve(&url).await;
    let allowed = connector.wait().await.unwrap().expect("approved");
    let info = account::verify_and_save(&vault, allowed).await.unwrap();
    assert_eq!(info.rules.unwrap(), ovh::rules::requested_with_rehearsals());
    assert!(info.missing.is_empty());
    drop(session);
    let session = open(vault.clone()).await;
    let form = session.rehearsal_form(&project, &backup).await.unwrap();
    assert_eq!(form.access, desk::rehearsal::Access::Granted);
    account::forget(&vault).unwrap();
}
