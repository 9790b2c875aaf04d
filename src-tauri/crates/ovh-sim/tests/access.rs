//! The least-privilege rules cover every call the client makes, and service accounts work: both
//! proved through the simulator, which enforces access rules and bearer tokens as OVH does.
mod common;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use ovh::types::{
    CredentialRequest, InstanceCreation, RescueMode, VolumeCreation, VolumeSnapshotCreation,
    WorkflowCreation,
};
use ovh::{Client, Credentials, Endpoint, RetryPolicy};
use ovh_sim::Keys;

/// Every typed call in `routes.rs`, by name; the test below calls each one.
const CALLED: &[&str] = &[
    "server_time",
    "request_credential",
    "current_credential",
    "auth_details",
    "project_ids",
    "project",
    "projects",
    "region_names",
    "regions",
    "region",
    "instances",
    "instance",
    "flavors",
    "flavor",
    "images",
    "image",
    "ssh_keys",
    "create_snapshot",
    "abort_snapshot",
    "snapshots",
    "snapshot",
    "delete_snapshot",
    "volumes",
    "create_volume_snapshot",
    "volume_snapshots",
    "volume_snapshot",
    "delete_volume_snapshot",
    "create_volume",
    "attach_volume",
    "detach_volume",
    "delete_instance",
    "workflows",
    "workflow",
    "create_workflow",
    "delete_workflow",
    "reinstall",
    "create_instance",
    "rescue_mode",
    "operation",
    "snapshot_availability",
    "public_cloud_catalog",
    "me",
];

#[test]
fn the_walk_below_names_every_typed_call() {
    let source = include_str!("../../ovh/src/routes.rs");
    let defined: Vec<&str> = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub async fn "))
        .map(|rest| rest.split('(').next().unwrap_or_default())
        .collect();
    for name in &defined {
        assert!(
            CALLED.contains(name),
            "routes.rs has `{name}`: add it to the least-privilege walk"
        );
    }
    assert_eq!(defined.len(), CALLED.len());
}

/// A consumer key holding exactly `ovh::rules::ACCESS_RULES`, validated on the simulator.
async fn least_privilege(running: &ovh_sim::Running) -> Client {
    holding(running, ovh::rules::requested()).await
}

/// A consumer key holding exactly `rules`, validated on the simulator.
async fn holding(running: &ovh_sim::Running, rules: Vec<ovh::types::AccessRule>) -> Client {
    let keys = Keys::default();
    let endpoint = Endpoint::Custom(running.base_url.clone());
    let unsigned = Client::builder(endpoint.clone())
        .credentials(Credentials {
            consumer_key: None,
            ..keys.credentials()
        })
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let pending = unsigned
        .request_credential(&CredentialRequest {
            access_rules: rules,
            redirection: None,
        })
        .await
        .unwrap();
    assert_eq!(pending.state, "pendingValidation");
    let ck = pending.consumer_key.expose().clone();
    common::control(
        running,
        &format!("credentials/{ck}/validate"),
        serde_json::json!({}),
    )
    .await;
    Client::builder(endpoint)
        .credentials(Credentials {
            consumer_key: Some(ck.into()),
            ..keys.credentials()
        })
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn the_requested_rules_cover_every_call_the_client_makes() {
    let (running, _) = common::demo().await;
    let c = least_privilege(&running).await;
    let granted = c.current_credential().await.unwrap();
    assert_eq!(granted.status, "validated");
    assert_eq!(granted.rules, ovh::rules::requested());
    c.auth_details().await.unwrap();
    c.server_time().await.unwrap();
    c.public_cloud_catalog("FR").await.unwrap();
    assert_eq!(c.me().await.unwrap().ovh_subsidiary.as_deref(), Some("FR"));

    let p = c.project_ids().await.unwrap()[0].clone();
    assert!(matches!(c.projects().await.unwrap(), ovh::Listed::Objects(l) if !l.is_empty()));
    c.project(&p).await.unwrap();
    assert!(!c.regions(&p).await.unwrap().is_empty());
    c.snapshot_availability(&p, "FR").await.unwrap();
    let region = c.region_names(&p).await.unwrap()[0].clone();
    c.region(&p, &region).await.unwrap();
    let instances = c.instances(&p, None).await.unwrap();
    c.instances(&p, Some("GRA11")).await.unwrap();
    let web2 = instances
        .iter()
        .find(|i| i.name == "web-frontend-2")
        .unwrap();
    c.instance(&p, &web2.id).await.unwrap();
    let flavors = c.flavors(&p, Some("GRA11")).await.unwrap();
    c.flavor(&p, &flavors[0].id).await.unwrap();
    let images = c.images(&p, Some("GRA11")).await.unwrap();
    c.image(&p, &images[0].id).await.unwrap();
    c.ssh_keys(&p).await.unwrap();
    let snapshots = c.snapshots(&p, None).await.unwrap();
    let backup = snapshots
        .iter()
        .find(|s| s.region == "GRA11" && s.status == "active")
        .unwrap();
    c.snapshot(&p, &backup.id).await.unwrap();

    let wf = c
        .create_workflow(
            &p,
            "GRA11",
            &WorkflowCreation {
                cron: "5 23 * * *".into(),
                instance_id: web2.id.clone(),
                name: "least-privilege".into(),
                rotation: 7,
                max_execution_count: None,
            },
        )
        .await
        .unwrap();
    assert!(!c.workflows(&p, "GRA11").await.unwrap().is_empty());
    c.workflow(&p, "GRA11", &wf.id).await.unwrap();
    c.delete_workflow(&p, "GRA11", &wf.id).await.unwrap();

    c.create_snapshot(&p, &web2.id, "least-privilege")
        .await
        .unwrap();
    let op = c.abort_snapshot(&p, "GRA11", &web2.id).await.unwrap();
    c.operation(&p, &op.id).await.unwrap();
    c.reinstall(&p, &web2.id, &backup.id).await.unwrap();
    let flavor = c
        .flavors(&p, Some(&backup.region))
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.disk >= 50)
        .unwrap();
    c.create_instance(
        &p,
        &InstanceCreation {
            flavor_id: flavor.id,
            name: "least-privilege".into(),
            region: backup.region.clone(),
            image_id: backup.id.clone(),
            ssh_key_id: None,
            monthly_billing: false,
        },
    )
    .await
    .unwrap();
    c.rescue_mode(
        &p,
        &web2.id,
        &RescueMode {
            rescue: false,
            image_id: None,
        },
    )
    .await
    .unwrap();
    let unused = snapshots
        .iter()
        .rev()
        .find(|s| s.status == "active" && s.id != backup.id)
        .unwrap();
    c.delete_snapshot(&p, &unused.id).await.unwrap();

    let volumes = c.volumes(&p, Some("SBG5")).await.unwrap();
    let data = volumes.iter().find(|v| v.name == "db-data").unwrap();
    let made = c
        .create_volume_snapshot(
            &p,
            &data.id,
            &VolumeSnapshotCreation {
                name: "least-privilege",
                description: "",
            },
        )
        .await
        .unwrap();
    assert!(!c.volume_snapshots(&p, None).await.unwrap().is_empty());
    common::advance(&running, 3600).await;
    c.volume_snapshot(&p, &made.id).await.unwrap();
    let op = c
        .create_volume(
            &p,
            "SBG5",
            &VolumeCreation {
                name: "least-privilege",
                size: 200,
                volume_type: "high-speed",
                snapshot_id: &made.id,
            },
        )
        .await
        .unwrap();
    common::advance(&running, 3600).await;
    let db = instances.iter().find(|i| i.name == "db-primary").unwrap();
    let restored = op.resource_id.as_deref().unwrap();
    c.attach_volume(&p, restored, &db.id).await.unwrap();
    c.detach_volume(&p, restored, &db.id).await.unwrap();
    c.delete_volume_snapshot(&p, &made.id).await.unwrap();
    // request_credential is the call that made `c`.
}

/// Deleting an instance is outside the usual set: refused without the rehearsal rule, allowed
/// with it; the instance is then gone (404), and deleting it again is a 404, not a success.
#[tokio::test]
async fn deleting_an_instance_needs_the_rehearsal_rule() {
    let (running, _) = common::demo().await;
    let usual = least_privilege(&running).await;
    let p = usual.project_ids().await.unwrap()[0].clone();
    let instances = usual.instances(&p, None).await.unwrap();
    let target = instances
        .iter()
        .find(|i| i.name == "ci-runner")
        .or(instances.first())
        .unwrap();
    let err = usual.delete_instance(&p, &target.id).await.unwrap_err();
    assert_eq!(err.error_code(), Some("NOT_GRANTED_CALL"));
    assert!(
        usual.instance(&p, &target.id).await.is_ok(),
        "nothing deleted"
    );
    let rehearsing = holding(&running, ovh::rules::requested_with_rehearsals()).await;
    rehearsing.delete_instance(&p, &target.id).await.unwrap();
    let gone = rehearsing.instance(&p, &target.id).await.unwrap_err();
    assert_eq!(gone.status(), Some(404));
    let again = rehearsing
        .delete_instance(&p, &target.id)
        .await
        .unwrap_err();
    assert_eq!(again.status(), Some(404));
}

#[tokio::test]
async fn a_call_outside_the_rules_is_refused_as_not_granted() {
    let (running, _) = common::demo().await;
    let c = least_privilege(&running).await;
    let err = c
        .post::<_, serde_json::Value>("/cloud/project/x/volume", &serde_json::json!({}))
        .await
        .unwrap_err();
    assert_eq!(err.error_code(), Some("NOT_GRANTED_CALL"));
    assert!(!err.is_auth(), "the credential itself is fine");
    assert!(!c.auth_refused());
}

/// A client whose clock the test moves.
fn service_client(running: &ovh_sim::Running, keys: &Keys, clock: Arc<AtomicI64>) -> Client {
    Client::builder(Endpoint::Custom(running.base_url.clone()))
        .service_account(keys.service_account())
        .clock(Arc::new(move || clock.load(Ordering::Relaxed)))
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_service_account_gets_a_token_and_renews_it_before_it_expires() {
    let (running, _) = common::demo().await;
    let keys = Keys::default();
    let start = chrono::Utc::now().timestamp();
    let clock = Arc::new(AtomicI64::new(start));
    let c = service_client(&running, &keys, clock.clone());
    assert!(c.is_service_account());

    let details = c.auth_details().await.unwrap();
    assert_eq!(details.method, "oauth2_client_credentials");
    let after_first = c.request_count();
    assert_eq!(after_first, 2, "one token request, one call");
    c.project_ids().await.unwrap();
    assert_eq!(c.request_count(), 3, "the token is reused");

    // 50 minutes later, the token (3599 s) is still good for 10 minutes: reused.
    clock.fetch_add(50 * 60, Ordering::Relaxed);
    common::advance(&running, 50 * 60).await;
    c.project_ids().await.unwrap();
    assert_eq!(c.request_count(), 4);

    // 3539 s in, exactly the renewal margin (60 s) before the 3599 s token ends: a new token
    // comes first.
    clock.fetch_add(539, Ordering::Relaxed);
    common::advance(&running, 539).await;
    c.project_ids().await.unwrap();
    assert_eq!(c.request_count(), 6, "token renewed, then the call");

    // The server expires the token early (clock drift): one 401, a new token, the call again.
    common::advance(&running, 3600).await;
    c.project_ids().await.unwrap();
    assert_eq!(c.request_count(), 9);
    assert!(!c.auth_refused());
}

/// A token URL that fails with a proxy's HTML page is a server problem with its status, not an
/// unreadable answer, and not a refusal of the credentials.
#[tokio::test]
async fn a_failing_token_url_is_a_server_problem() {
    let (running, _) = common::demo().await;
    let keys = Keys::default();
    common::control(
        &running,
        "faults",
        serde_json::json!({"path": "/auth/oauth2/token", "status": 503, "html": true, "times": 1}),
    )
    .await;
    let c = service_client(
        &running,
        &keys,
        Arc::new(AtomicI64::new(chrono::Utc::now().timestamp())),
    );
    let err = c.project_ids().await.unwrap_err();
    assert_eq!(err.status(), Some(503), "{err:?}");
    assert!(!err.is_auth() && !c.auth_refused(), "{err:?}");
    c.project_ids().await.unwrap();
}

#[tokio::test]
async fn a_wrong_client_secret_is_an_auth_refusal() {
    let (running, _) = common::demo().await;
    let keys = Keys {
        client_secret: "wrong".into(),
        ..Keys::default()
    };
    let c = service_client(
        &running,
        &keys,
        Arc::new(AtomicI64::new(chrono::Utc::now().timestamp())),
    );
    let err = c.project_ids().await.unwrap_err();
    assert!(err.is_auth(), "{err:?}");
    assert_eq!(err.error_code(), Some("invalid_client"));
    assert!(err.to_string().contains("does not exists"), "{err}");
    assert!(c.auth_refused());
}

#[tokio::test]
async fn a_stale_clock_offset_is_fetched_again_once() {
    let (running, client) = common::demo().await;
    assert!(!client.is_service_account());
    client.project_ids().await.unwrap();
    assert!(client.time_delta().map(i64::abs).unwrap_or(0) < 5);
    // OVH's clock jumps 10 minutes: the cached offset is now wrong.
    common::control(&running, "skew", serde_json::json!({"seconds": 600})).await;
    let before = client.request_count();
    client.project_ids().await.unwrap();
    assert_eq!(
        client.request_count() - before,
        3,
        "refused, /auth/time again, then accepted"
    );
    assert!((client.time_delta().unwrap() - 600).abs() < 5);
}

/// A machine's clock drifts and sleeps: the offset is measured again after an hour, even
/// without a refusal. Here both clocks move together, so only the hourly rule can explain a
/// second `/auth/time`.
#[tokio::test]
async fn the_clock_offset_is_measured_again_hourly() {
    use std::sync::atomic::Ordering;
    let (running, _) = common::demo().await;
    let keys = Keys::default();
    let start = chrono::Utc::now().timestamp();
    let local = Arc::new(AtomicI64::new(start));
    let l = local.clone();
    let client = Client::builder(Endpoint::Custom(running.base_url.clone()))
        .credentials(keys.credentials())
        .clock(Arc::new(move || l.load(Ordering::SeqCst)))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    client.project_ids().await.unwrap();
    let mut moved = 0;
    // Measured at 0 s: still good at 3599 s, measured again at exactly an hour.
    for (step, expected) in [(1800, 1), (1799, 1), (1, 2)] {
        moved += step;
        local.store(start + moved, Ordering::SeqCst);
        common::control(&running, "skew", serde_json::json!({"seconds": moved})).await;
        let before = client.request_count();
        client.project_ids().await.unwrap();
        assert_eq!(
            client.request_count() - before,
            expected,
            "{moved} s after the offset was measured"
        );
    }
}
