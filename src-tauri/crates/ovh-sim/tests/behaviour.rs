//! The simulated cloud behaves as OVH's does: backups move through their states over time,
//! workflows run on their cron and rotate, restores go through their statuses, and the
//! authentication layer refuses what OVH refuses, with OVH's error bodies.
mod common;

use common::{advance, control, demo, first_project};
use ovh::{Client, Endpoint, Error, RetryPolicy};
use ovh_sim::Keys;
use serde_json::json;

async fn instance_id(client: &Client, project: &str, name: &str) -> String {
    client
        .instances(project, None)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.name == name)
        .unwrap()
        .id
}

#[tokio::test]
async fn a_backup_moves_queued_saving_active_and_the_instance_shows_snapshotting() {
    let (sim, client) = demo().await;
    let p = first_project(&client).await;
    let web = instance_id(&client, &p, "web-frontend-2").await;

    let id = client
        .create_snapshot(&p, &web, "web-frontend-2 manual")
        .await
        .unwrap()
        .expect("2025 shape gives the id");
    assert_eq!(client.snapshot(&p, &id).await.unwrap().status, "queued");
    assert_eq!(
        client.instance(&p, &web).await.unwrap().status,
        "SNAPSHOTTING"
    );

    advance(&sim, 6).await;
    let saving = client.snapshot(&p, &id).await.unwrap();
    assert_eq!(saving.status, "saving");
    assert!(saving.size > 0.0, "size is known once saving");

    advance(&sim, 60).await;
    assert_eq!(client.snapshot(&p, &id).await.unwrap().status, "active");
    assert_eq!(client.instance(&p, &web).await.unwrap().status, "ACTIVE");
}

#[tokio::test]
async fn a_second_backup_while_one_is_running_is_refused() {
    let (_sim, client) = demo().await;
    let p = first_project(&client).await;
    let web = instance_id(&client, &p, "web-frontend-2").await;
    client.create_snapshot(&p, &web, "one").await.unwrap();
    let err = client.create_snapshot(&p, &web, "two").await.unwrap_err();
    assert_eq!(err.status(), Some(409), "{err}");
}

#[tokio::test]
async fn an_injected_failure_ends_in_error() {
    let (sim, client) = demo().await;
    let p = first_project(&client).await;
    let web = instance_id(&client, &p, "mail-gateway").await;
    control(&sim, "fail-next-snapshots", json!({"count": 1})).await;
    let id = client
        .create_snapshot(&p, &web, "doomed")
        .await
        .unwrap()
        .unwrap();
    advance(&sim, 120).await;
    assert_eq!(client.snapshot(&p, &id).await.unwrap().status, "error");
}

/// A volume snapshot is `creating`, then `available` (`error` when made to fail); it cannot be
/// deleted while creating, and then can; the demo's volumes are attached as said.
#[tokio::test]
async fn a_volume_snapshot_moves_creating_available_and_is_deleted_after() {
    let (running, client) = demo().await;
    let p = first_project(&client).await;
    let db = instance_id(&client, &p, "db-primary").await;
    let volumes = client.volumes(&p, None).await.unwrap();
    let mut of_db: Vec<&str> = volumes
        .iter()
        .filter(|v| v.is_additional_disk_of(&db))
        .map(|v| v.name.as_str())
        .collect();
    of_db.sort();
    assert_eq!(of_db, ["db-data", "db-wal"]);
    assert!(volumes
        .iter()
        .any(|v| v.name == "old-exports" && v.attached_to.is_empty() && v.status == "available"));
    let data = volumes.iter().find(|v| v.name == "db-data").unwrap();
    assert_eq!((data.size, data.status.as_str()), (200, "in-use"));

    let body = ovh::types::VolumeSnapshotCreation {
        name: "db-primary 2026-12-05",
        description: "",
    };
    let made = client
        .create_volume_snapshot(&p, &data.id, &body)
        .await
        .unwrap();
    assert_eq!((made.status.as_str(), made.size), ("creating", 200));
    let refused = client
        .delete_volume_snapshot(&p, &made.id)
        .await
        .unwrap_err();
    assert_eq!(refused.status(), Some(400), "{refused}");
    advance(&running, 600).await;
    let read = client.volume_snapshot(&p, &made.id).await.unwrap();
    assert_eq!(read.snapshot_status(), ovh::types::SnapshotStatus::Active);
    assert_eq!(
        read.plan_code.as_deref(),
        Some("volume.snapshot.consumption")
    );

    // Restoring it: a new volume from the snapshot (an operation naming it), `creating` until
    // the operation completes, then attachable to an instance of its region only.
    let mut new = ovh::types::VolumeCreation {
        name: "db-data restored",
        size: 100,
        volume_type: "high-speed",
        snapshot_id: &made.id,
    };
    let small = client.create_volume(&p, "SBG5", &new).await.unwrap_err();
    assert_eq!(
        small.status(),
        Some(400),
        "smaller than the snapshot: {small}"
    );
    new.size = 200;
    let op = client.create_volume(&p, "SBG5", &new).await.unwrap();
    let restored = op.resource_id.clone().unwrap();
    let early = client.attach_volume(&p, &restored, &db).await.unwrap_err();
    assert_eq!(
        early.status(),
        Some(400),
        "attached while creating: {early}"
    );
    advance(&running, 600).await;
    assert_eq!(
        client.operation(&p, &op.id).await.unwrap().status,
        "completed"
    );
    let web = instance_id(&client, &p, "web-frontend-1").await;
    let elsewhere = client.attach_volume(&p, &restored, &web).await.unwrap_err();
    assert_eq!(elsewhere.status(), Some(400), "another region: {elsewhere}");
    client.attach_volume(&p, &restored, &db).await.unwrap();
    let now_attached = client.volumes(&p, Some("SBG5")).await.unwrap();
    let restored = now_attached.iter().find(|v| v.id == restored).unwrap();
    assert!(restored.is_additional_disk_of(&db) && restored.status == "in-use");

    // The original detached in its place: `detaching` (not attachable) for a few seconds, then
    // `available`; only from the instance it is attached to.
    let wrong = client.detach_volume(&p, &data.id, &web).await.unwrap_err();
    assert_eq!(wrong.status(), Some(400), "not attached there: {wrong}");
    client.detach_volume(&p, &data.id, &db).await.unwrap();
    let read = |list: Vec<ovh::types::Volume>| list.into_iter().find(|v| v.id == data.id).unwrap();
    let now = read(client.volumes(&p, None).await.unwrap());
    assert!(now.attached_to.is_empty() && now.status == "detaching");
    let busy = client.attach_volume(&p, &data.id, &db).await.unwrap_err();
    assert_eq!(busy.status(), Some(400), "attached while detaching: {busy}");
    let again = client.detach_volume(&p, &data.id, &db).await.unwrap_err();
    assert_eq!(again.status(), Some(400), "detached twice: {again}");
    advance(&running, 10).await;
    assert_eq!(
        read(client.volumes(&p, None).await.unwrap()).status,
        "available"
    );

    client.delete_volume_snapshot(&p, &made.id).await.unwrap();
    assert!(client.volume_snapshots(&p, None).await.unwrap().is_empty());

    control(&running, "fail-next-volume-snapshots", json!({"count": 1})).await;
    let failing = client
        .create_volume_snapshot(&p, &data.id, &body)
        .await
        .unwrap();
    advance(&running, 600).await;
    let read = client.volume_snapshot(&p, &failing.id).await.unwrap();
    assert_eq!(read.snapshot_status(), ovh::types::SnapshotStatus::Failed);
    let missing = client
        .create_volume_snapshot(&p, "nope", &body)
        .await
        .unwrap_err();
    assert_eq!(missing.status(), Some(404), "{missing}");
}

#[tokio::test]
async fn a_workflow_runs_on_its_cron_rotates_and_records_executions() {
    let (sim, client) = demo().await;
    let p = first_project(&client).await;
    let web = instance_id(&client, &p, "web-frontend-2").await;
    let wf = client
        .create_workflow(
            &p,
            "GRA11",
            &ovh::types::WorkflowCreation {
                cron: "*/10 * * * *".into(),
                instance_id: web.clone(),
                name: "every-ten-minutes".into(),
                rotation: 3,
                max_execution_count: None,
            },
        )
        .await
        .unwrap();
    assert!(wf.executions.is_empty());
    assert_eq!(wf.rotation, Some(3));

    for _ in 0..6 {
        advance(&sim, 600).await;
    }
    let wf = client.workflow(&p, "GRA11", &wf.id).await.unwrap();
    assert_eq!(wf.executions.len(), 6, "one execution per occurrence");
    // The last run may have started seconds before "now" (world time follows the wall clock
    // between advances), so it may still be running.
    let (last, done) = wf.executions.split_last().unwrap();
    assert!(
        done.iter().all(|e| e.state == "SUCCESS")
            && matches!(last.state.as_str(), "SUCCESS" | "RUNNING"),
        "{:?}",
        wf.executions
    );
    let mine: Vec<_> = client
        .snapshots(&p, None)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.name.starts_with("every-ten-minutes "))
        .collect();
    assert_eq!(
        mine.len(),
        3,
        "rotation keeps the last 3: {:?}",
        mine.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
    assert!(wf.next_execution_time.is_some());

    client.delete_workflow(&p, "GRA11", &wf.id).await.unwrap();
    let kept = client
        .snapshots(&p, None)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.name.starts_with("every-ten-minutes "))
        .count();
    assert_eq!(kept, 3, "deleting a workflow keeps its backups");
    assert!(client
        .workflow(&p, "GRA11", &wf.id)
        .await
        .unwrap_err()
        .is_not_found());
}

#[tokio::test]
async fn the_demo_history_has_a_failed_run() {
    let (_sim, client) = demo().await;
    let p = first_project(&client).await;
    let wfs = client.workflows(&p, "SBG5").await.unwrap();
    let db = wfs.iter().find(|w| w.name == "daily-db-primary").unwrap();
    assert!(
        db.executions.iter().any(|e| e.state == "ERROR"),
        "the demo shows a failed scheduled run"
    );
}

#[tokio::test]
async fn restores_and_the_in_use_rule() {
    let (sim, client) = demo().await;
    let p = first_project(&client).await;
    let web = instance_id(&client, &p, "web-frontend-1").await;
    // Snapshots don't name their instance in the API; the demo names them after it.
    let backup = client
        .snapshots(&p, Some("GRA11"))
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name.starts_with("web-frontend-1 ") && s.status == "active")
        .unwrap();

    let flavor = client
        .flavors(&p, Some("GRA11"))
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.name == "b2-7")
        .unwrap();
    let restored = client
        .create_instance(
            &p,
            &ovh::types::InstanceCreation {
                flavor_id: flavor.id,
                name: "web-restored".into(),
                region: "GRA11".into(),
                image_id: backup.id.clone(),
                ssh_key_id: None,
                monthly_billing: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(restored.status, "BUILD");
    let err = client.delete_snapshot(&p, &backup.id).await.unwrap_err();
    match &err {
        Error::Api {
            status: 400,
            message,
            class,
            ..
        } => {
            assert!(
                message.contains("web-restored"),
                "names the instance: {message}"
            );
            assert_eq!(class.as_deref(), Some("Client::BadRequest"));
        }
        other => panic!("expected an OVH refusal, got {other}"),
    }
    advance(&sim, 60).await;
    assert_eq!(
        client.instance(&p, &restored.id).await.unwrap().status,
        "ACTIVE"
    );

    let rebuilt = client.reinstall(&p, &web, &backup.id).await.unwrap();
    assert_eq!(
        rebuilt.status, "ACTIVE",
        "still ACTIVE for a few seconds after the call, as OVH may answer"
    );
    let op = rebuilt
        .operation_ids
        .first()
        .cloned()
        .expect("the reinstall's operation");
    assert_eq!(
        client.operation(&p, &op).await.unwrap().status,
        "in-progress"
    );
    advance(&sim, 5).await;
    assert_eq!(client.instance(&p, &web).await.unwrap().status, "REBUILD");
    advance(&sim, 60).await;
    assert_eq!(client.instance(&p, &web).await.unwrap().status, "ACTIVE");
    assert_eq!(client.operation(&p, &op).await.unwrap().status, "completed");
    assert!(client
        .instance(&p, &web)
        .await
        .unwrap()
        .operation_ids
        .is_empty());
}

fn keyed(sim: &ovh_sim::Running, ak: &str, secret: &str, ck: &str) -> Client {
    let keys = Keys {
        application_key: ak.into(),
        application_secret: secret.into(),
        consumer_key: ck.into(),
        ..Keys::default()
    };
    sim.client(&keys, RetryPolicy::none()).unwrap()
}

fn error_code(e: &Error) -> (u16, String) {
    match e {
        Error::Api {
            status, error_code, ..
        } => (*status, error_code.clone().unwrap_or_default()),
        other => panic!("expected an API refusal, got {other}"),
    }
}

#[tokio::test]
async fn the_authentication_layer_refuses_like_ovh() {
    let (sim, _client) = demo().await;
    let k = Keys::default();
    let check = |client: Client, status: u16, code: &'static str| async move {
        let err = client.project_ids().await.unwrap_err();
        assert_eq!(error_code(&err), (status, code.to_string()), "{err}");
    };
    check(
        keyed(&sim, "unknownAK", &k.application_secret, &k.consumer_key),
        403,
        "INVALID_KEY",
    )
    .await;
    check(
        keyed(&sim, &k.application_key, "wrong-secret", &k.consumer_key),
        400,
        "INVALID_SIGNATURE",
    )
    .await;
    check(
        keyed(&sim, &k.application_key, &k.application_secret, "unknownCK"),
        403,
        "INVALID_CREDENTIAL",
    )
    .await;

    // A consumer key requested but not validated yet, then validated with narrow rules.
    let anon = keyed(&sim, &k.application_key, &k.application_secret, "none");
    let pending = anon
        .request_credential(&ovh::types::CredentialRequest {
            access_rules: vec![ovh::types::AccessRule {
                method: "GET".into(),
                path: "/cloud/project".into(),
            }],
            redirection: None,
        })
        .await
        .unwrap();
    assert_eq!(pending.state, "pendingValidation");
    assert!(pending.validation_url.contains("/auth/?credentialToken="));
    let ck = pending.consumer_key.expose().clone();
    check(
        keyed(&sim, &k.application_key, &k.application_secret, &ck),
        403,
        "INVALID_CREDENTIAL",
    )
    .await;
    control(&sim, &format!("credentials/{ck}/validate"), json!({})).await;
    let narrow = keyed(&sim, &k.application_key, &k.application_secret, &ck);
    assert!(narrow.project_ids().await.is_ok(), "the granted call works");
    let err = narrow
        .project("5f1c2a7e9b3d4e6f8a0b1c2d3e4f5a6b")
        .await
        .unwrap_err();
    assert_eq!(error_code(&err), (403, "NOT_GRANTED_CALL".into()));

    // Revoked mid-session.
    control(&sim, &format!("credentials/{ck}/revoke"), json!({})).await;
    check(narrow, 403, "INVALID_CREDENTIAL").await;

    // The client says its credentials are refused (the background loops pause on it) until
    // a signed call is accepted again.
    let again = keyed(&sim, &k.application_key, &k.application_secret, &ck);
    assert!(again.project_ids().await.is_err());
    assert!(again.auth_refused(), "a refused credential is noted");
    control(&sim, &format!("credentials/{ck}/validate"), json!({})).await;
    assert!(again.project_ids().await.is_ok());
    assert!(!again.auth_refused(), "an accepted call clears it");
}

#[tokio::test]
async fn a_skewed_server_clock_is_followed_through_auth_time() {
    let (sim, _) = demo().await;
    control(&sim, "skew", json!({"seconds": 600})).await;
    let k = Keys::default();
    let client = keyed(
        &sim,
        &k.application_key,
        &k.application_secret,
        &k.consumer_key,
    );
    assert!(
        client.project_ids().await.is_ok(),
        "the client signs with OVH's time, not its own"
    );
    let delta = client.time_delta().unwrap();
    assert!((599..=601).contains(&delta), "delta {delta}");

    // A request signed with a timestamp 15 minutes off is refused.
    let url = format!("{}/cloud/project", sim.base_url);
    let ts = chrono::Utc::now().timestamp() + 600 - 900;
    let sig = ovh::signing::sign(&k.application_secret, &k.consumer_key, "GET", &url, "", ts);
    let resp = reqwest::Client::new()
        .get(&url)
        .header("X-Ovh-Application", &k.application_key)
        .header("X-Ovh-Consumer", &k.consumer_key)
        .header("X-Ovh-Timestamp", ts.to_string())
        .header("X-Ovh-Signature", sig)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["errorCode"], "QUERY_TIME_OUT");
}

#[tokio::test]
async fn v1_is_an_alias_of_1_0() {
    let (sim, _) = demo().await;
    let k = Keys::default();
    let v1 = Client::builder(Endpoint::Custom(sim.base_url.replace("/1.0", "/v1")))
        .credentials(k.credentials())
        .build()
        .unwrap();
    assert_eq!(v1.project_ids().await.unwrap().len(), 2);
}

/// The control panel's bulk read, as the simulator serves it and the client reads it: full
/// objects, in pages, counted by `X-Pagination-Elements`, with the signature unchanged.
#[tokio::test]
async fn bulk_reads_answer_objects_in_pages() {
    let (running, client) = common::demo().await;
    let keys = ovh_sim::Keys::default();
    let projects = match client.projects().await.unwrap() {
        ovh::Listed::Objects(p) => p,
        other => panic!("objects expected: {other:?}"),
    };
    assert_eq!(
        projects
            .iter()
            .map(|p| p.display_name())
            .collect::<Vec<_>>(),
        ["Acme Production", "Acme Staging"]
    );
    let p = &projects[0].project_id;
    let regions = client.regions(p).await.unwrap();
    assert_eq!(regions.len(), client.region_names(p).await.unwrap().len());
    assert!(regions.iter().all(|r| r.has_service_up("workflow")));

    // Pages, by hand: the headers travel outside the signature, which the simulator checks.
    let raw = |size: &str, number: &str, mode: &str| {
        let (size, number, mode) = (size.to_string(), number.to_string(), mode.to_string());
        let url = format!("{}/cloud/project", running.base_url);
        let keys = keys.clone();
        async move {
            let c = reqwest::Client::new();
            let time: i64 = c
                .get(format!("{}/auth/time", running_base(&url)))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let sig = ovh::signing::sign(
                &keys.application_secret,
                &keys.consumer_key,
                "GET",
                &url,
                "",
                time,
            );
            c.get(&url)
                .header("X-Ovh-Application", &keys.application_key)
                .header("X-Ovh-Consumer", &keys.consumer_key)
                .header("X-Ovh-Timestamp", time.to_string())
                .header("X-Ovh-Signature", sig)
                .header("X-Pagination-Mode", mode)
                .header("X-Pagination-Size", size)
                .header("X-Pagination-Number", number)
                .send()
                .await
                .unwrap()
        }
    };
    let page = raw("1", "2", "CachedObjectList-Pages").await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["x-pagination-elements"], "2");
    assert_eq!(page.headers()["x-pagination-number"], "2");
    let body: serde_json::Value = page.json().await.unwrap();
    assert_eq!(body[0]["description"], "Acme Staging");
    assert_eq!(body.as_array().unwrap().len(), 1);
    let past = raw("1", "3", "CachedObjectList-Pages").await;
    assert_eq!(
        past.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!([])
    );
    for (size, number, mode) in [
        ("0", "1", "CachedObjectList-Pages"),
        ("1", "0", "CachedObjectList-Pages"),
        ("50001", "1", "CachedObjectList-Pages"),
        ("1", "1", "Everything"),
    ] {
        assert_eq!(
            raw(size, number, mode).await.status(),
            400,
            "{size} {number} {mode}"
        );
    }
}

fn running_base(url: &str) -> String {
    url.rsplit_once("/cloud/project").unwrap().0.to_string()
}

/// Reads every project of an account that has `projects` of them; how many there were, and the
/// requests the simulator received for it.
async fn read_projects(projects: usize) -> (usize, u64) {
    let keys = ovh_sim::Keys::default();
    let size = ovh_sim::ScaleSize {
        projects,
        regions: 1,
        instances: 0,
        backups: 0,
        workflows: 0,
    };
    let sim = ovh_sim::Sim::new(
        ovh_sim::scenario::scale(&keys, &size, chrono::Utc::now()),
        1.0,
    );
    let running = ovh_sim::Running::start(sim.clone()).await.unwrap();
    let client = common::client_for(&running, &keys, ovh::RetryPolicy::none());
    let before = sim.requests.load(std::sync::atomic::Ordering::Relaxed);
    let ovh::Listed::Objects(all) = client.projects().await.unwrap() else {
        panic!("objects expected")
    };
    let made = sim.requests.load(std::sync::atomic::Ordering::Relaxed) - before;
    (all.len(), made)
}

/// A client reading more objects than a page holds follows the pages to the end.
#[tokio::test]
async fn the_client_reads_every_page() {
    let (read, made) = read_projects(ovh::client::PAGE_SIZE + 3).await;
    assert_eq!(read, ovh::client::PAGE_SIZE + 3);
    assert_eq!(made, 3, "/auth/time and two pages");
}

/// Exactly a page's worth of objects is one page: the announced total ends the read, not an
/// empty second page.
#[tokio::test]
async fn exactly_one_page_is_one_request() {
    let (read, made) = read_projects(ovh::client::PAGE_SIZE).await;
    assert_eq!(read, ovh::client::PAGE_SIZE);
    assert_eq!(made, 2, "/auth/time and one page");
}

/// Where the bulk mode is not served, the ids that come back are handed over as ids, and a
/// project's regions are read one by one to the same result.
#[tokio::test]
async fn a_server_ignoring_the_bulk_mode_gives_ids_and_regions_are_read_one_by_one() {
    let (running, client) = common::demo().await;
    let project = common::first_project(&client).await;
    let in_bulk = client.regions(&project).await.unwrap();
    common::sim(&running)
        .world
        .lock()
        .unwrap()
        .ignores_bulk_mode = true;
    match client.projects().await.unwrap() {
        ovh::Listed::Ids(ids) => assert_eq!(ids, client.project_ids().await.unwrap()),
        other => panic!("ids expected, got {other:?}"),
    }
    let one_by_one = client.regions(&project).await.unwrap();
    let names = |r: &[ovh::types::Region]| r.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    assert!(!in_bulk.is_empty());
    assert_eq!(names(&one_by_one), names(&in_bulk));
}

/// A record no client can read is left out of the list and counted as of the latest read (a
/// second read of the same list replaces the count, it does not add to it).
#[tokio::test]
async fn an_unreadable_record_is_skipped_and_counted() {
    let (running, client) = common::demo().await;
    common::sim(&running).world.lock().unwrap().messy = true;
    let project = common::first_project(&client).await;
    assert!(client.unreadable().is_empty());
    let snapshots = client.snapshots(&project, None).await.unwrap();
    assert!(!snapshots.is_empty(), "the readable records are kept");
    client.snapshots(&project, None).await.unwrap();
    let skipped = client.unreadable();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0].1, 1, "the latest read's count");
    assert!(skipped[0].0.route.ends_with("/snapshot"), "{skipped:?}");
}

/// A client's debug form names its endpoint and nothing secret.
#[tokio::test]
async fn a_client_shows_its_endpoint_and_no_secret() {
    let (running, client) = common::demo().await;
    let keys = ovh_sim::Keys::default();
    let shown = format!("{client:?}");
    assert!(shown.contains(&running.base_url), "{shown}");
    let creds = keys.credentials();
    assert!(!shown.contains(creds.application_secret.expose().as_str()));
    assert!(!shown.contains(creds.consumer_key.unwrap().expose().as_str()));
}
