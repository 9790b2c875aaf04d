//! Backups against the simulator: a lost answer never makes a second backup, the deletion guard
//! names the instances in the way, and a double request is refused while the first runs.
mod common;

use common::{demo, inject};
use desk::backups::{self, InFlight};
use ovh::Client;

async fn instance(client: &Client, project: &str, name: &str) -> ovh::types::Instance {
    let id = client
        .instances(project, None)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.name == name)
        .unwrap()
        .id;
    client.instance(project, &id).await.unwrap()
}

async fn count_named(client: &Client, project: &str, name: &str) -> usize {
    client
        .snapshots(project, None)
        .await
        .unwrap()
        .iter()
        .filter(|s| s.name == name)
        .count()
}

#[tokio::test]
async fn a_lost_answer_is_found_not_doubled() {
    let (sim, client, p) = demo().await;
    let mail = instance(&client, &p, "mail-gateway").await;
    inject(
        &sim,
        serde_json::json!({"method": "POST", "path": "*/snapshot", "drop": "after", "times": 1}),
    );
    let created = backups::create(&client, &InFlight::default(), &p, &mail, "lost answer")
        .await
        .unwrap();
    assert!(
        created.recovered,
        "the backup was found after the lost answer"
    );
    assert_eq!(
        count_named(&client, &p, "lost answer").await,
        1,
        "exactly one backup for one click"
    );
}

#[tokio::test]
async fn a_lost_answer_is_never_taken_for_an_earlier_backup_of_the_same_name() {
    let (sim, client, p) = demo().await;
    let mail = instance(&client, &p, "mail-gateway").await;
    let in_flight = InFlight::default();
    backups::create(
        &client,
        &in_flight,
        &p,
        &mail,
        "mail-gateway – 30 Nov, 08:32",
    )
    .await
    .unwrap();
    inject(
        &sim,
        serde_json::json!({"method": "POST", "path": "*/snapshot", "drop": "before", "times": 1}),
    );
    let second = backups::create(
        &client,
        &in_flight,
        &p,
        &mail,
        "mail-gateway – 30 Nov, 08:32",
    )
    .await;
    assert!(
        matches!(second, Err(desk::Error::Ovh(ref e)) if e.outcome_unknown()),
        "the second request never arrived; the first backup is not it: {second:?}"
    );
}

#[tokio::test]
async fn a_request_that_never_arrived_is_reported_and_safe_to_retry() {
    let (sim, client, p) = demo().await;
    let mail = instance(&client, &p, "mail-gateway").await;
    inject(
        &sim,
        serde_json::json!({"method": "POST", "path": "*/snapshot", "drop": "before", "times": 1}),
    );
    let in_flight = InFlight::default();
    let err = backups::create(&client, &in_flight, &p, &mail, "retry me")
        .await
        .unwrap_err();
    assert!(
        matches!(err, desk::Error::Ovh(ref e) if e.outcome_unknown()),
        "{err}"
    );
    assert_eq!(count_named(&client, &p, "retry me").await, 0);
    backups::create(&client, &in_flight, &p, &mail, "retry me")
        .await
        .unwrap();
    assert_eq!(
        count_named(&client, &p, "retry me").await,
        1,
        "the retry made exactly one"
    );
}

/// A refusal is a known outcome: it is reported as it is, without a look for a backup that
/// cannot exist (one request, not two).
#[tokio::test]
async fn a_refused_request_is_not_looked_for() {
    let (sim, client, p) = demo().await;
    let mail = instance(&client, &p, "mail-gateway").await;
    inject(
        &sim,
        serde_json::json!({"method": "POST", "path": "*/snapshot", "status": 403, "times": 1}),
    );
    let before = client.request_count();
    let err = backups::create(&client, &InFlight::default(), &p, &mail, "refused")
        .await
        .unwrap_err();
    assert!(
        matches!(err, desk::Error::Ovh(ref e) if e.status() == Some(403)),
        "{err}"
    );
    assert_eq!(client.request_count() - before, 1, "the POST only");
}

#[tokio::test]
async fn bad_names_change_nothing() {
    let (_sim, client, p) = demo().await;
    let mail = instance(&client, &p, "mail-gateway").await;
    let before = client.snapshots(&p, None).await.unwrap().len();
    for bad in ["", "   ", "line\nbreak", &"x".repeat(256)] {
        let err = backups::create(&client, &InFlight::default(), &p, &mail, bad)
            .await
            .unwrap_err();
        assert!(matches!(err, desk::Error::Invalid(_)), "{bad:?}: {err}");
    }
    assert_eq!(
        client.snapshots(&p, None).await.unwrap().len(),
        before,
        "nothing was sent"
    );
}

#[tokio::test]
async fn the_deletion_guard_names_the_instances_in_the_way() {
    let (_sim, client, p) = demo().await;
    let rows = backups::list(&client, &p, &|_| None).await.unwrap();
    let release = rows
        .iter()
        .find(|r| r.name == "web-frontend-1 2025-release")
        .unwrap();
    assert_eq!(release.used_by, vec!["web-preprod".to_string()]);
    assert_eq!(
        release.instance_name.as_deref(),
        Some("web-frontend-1"),
        "source hinted by name"
    );
    assert_eq!(release.source, backups::Source::NameHint);
    let orphan = rows
        .iter()
        .find(|r| r.name == "old-crm final backup")
        .unwrap();
    assert!(
        !orphan.orphan
            && orphan.instance_name.is_none()
            && orphan.source == backups::Source::Unknown,
        "a backup nothing attributes is \"instance unknown\", never guessed"
    );
    let nightly = rows
        .iter()
        .find(|r| r.name.starts_with("nightly-web-frontend-1 "))
        .unwrap();
    assert_eq!(
        nightly.instance_name.as_deref(),
        Some("web-frontend-1"),
        "source hinted by the workflow's backup name"
    );

    let other = rows
        .iter()
        .find(|r| r.name == "file-server-nvme before upgrade")
        .unwrap();
    let outcome = backups::delete(&client, &p, &[release.id.clone(), other.id.clone()])
        .await
        .unwrap();
    assert_eq!(
        outcome[0].1,
        Err(backups::Refusal::InUse {
            instances: vec!["web-preprod".into()]
        }),
        "refused here, before OVH is asked"
    );
    assert_eq!(
        rows.iter().find(|r| r.id == release.id).unwrap().refusal,
        outcome[0].1.clone().err(),
        "the list says so before the user asks, in the same words"
    );
    assert!(outcome[1].1.is_ok());
    let left: Vec<String> = client
        .snapshots(&p, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(
        left.contains(&"web-frontend-1 2025-release".to_string()),
        "the guarded backup is kept"
    );
    assert!(!left.contains(&"file-server-nvme before upgrade".to_string()));
}

#[tokio::test]
async fn deleting_a_workflow_removes_it_from_its_region() {
    let (_sim, client, p) = common::demo().await;
    let regions = client.regions(&p).await.unwrap();
    let mut found = None;
    for r in &regions {
        if let Ok(list) = client.workflows(&p, &r.name).await {
            if let Some(w) = list.into_iter().next() {
                found = Some((r.name.clone(), w.id));
                break;
            }
        }
    }
    let (region, id) = found.expect("the demo has a workflow");
    desk::workflows::delete(&client, &p, &region, &id)
        .await
        .unwrap();
    let left = client.workflows(&p, &region).await.unwrap();
    assert!(
        left.iter().all(|w| w.id != id),
        "the workflow is still listed"
    );
}

/// A backup still being made, or one already gone, is never sent for deletion: each is
/// reported with its reason and the one in progress is still there.
#[tokio::test]
async fn only_available_backups_are_sent_for_deletion() {
    let (_sim, client, p) = demo().await;
    let mail = instance(&client, &p, "mail-gateway").await;
    let made = backups::create(&client, &InFlight::default(), &p, &mail, "in progress")
        .await
        .unwrap();
    let outcome = backups::delete(&client, &p, &[made.snapshot_id.clone(), "gone".into()])
        .await
        .unwrap();
    assert_eq!(outcome[0].1, Err(backups::Refusal::NotAvailable));
    assert_eq!(outcome[1].1, Err(backups::Refusal::Gone));
    assert_eq!(count_named(&client, &p, "in progress").await, 1);
}
