//! Restores against the simulator: the typed-name confirmation, the safety backup first, and
//! new instances only on models that hold the backup.
mod common;

use common::demo;
use desk::backups::InFlight;
use desk::journal::Kind;
use desk::restore::{self, InPlace, NewInstance};
use ovh::Client;

async fn backup_named(client: &Client, p: &str, name: &str) -> String {
    client
        .snapshots(p, None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap()
        .id
}

#[tokio::test]
async fn in_place_needs_the_name_and_takes_a_safety_backup_first() {
    let (_sim, client, p) = demo().await;
    let backup = backup_named(&client, &p, "web-frontend-1 2025-release").await;
    let opts = restore::options(&client, &p, &backup, &|_| None)
        .await
        .unwrap();
    let instance = opts
        .instance_id
        .clone()
        .expect("the source instance still exists");
    assert_eq!(opts.instance_name.as_deref(), Some("web-frontend-1"));

    let wrong = restore::in_place(
        &client,
        &InFlight::default(),
        &p,
        InPlace {
            backup_id: &backup,
            instance_id: &instance,
            typed_name: "web-frontend-2",
            safety: true,
        },
        chrono::Local::now(),
    )
    .await;
    assert!(
        matches!(wrong, Err(desk::Error::Invalid(_))),
        "a wrong name changes nothing"
    );
    assert_eq!(
        client.instance(&p, &instance).await.unwrap().status,
        "ACTIVE"
    );

    let item = restore::in_place(
        &client,
        &InFlight::default(),
        &p,
        InPlace {
            backup_id: &backup,
            instance_id: &instance,
            typed_name: "web-frontend-1",
            safety: true,
        },
        chrono::Local::now(),
    )
    .await
    .unwrap();
    match &item.kind {
        Kind::SafetyBackup { restore_from, .. } => assert_eq!(restore_from, &backup),
        other => panic!("expected a safety backup first, got {other:?}"),
    }
    let status = client.instance(&p, &instance).await.unwrap().status;
    assert_eq!(
        status, "SNAPSHOTTING",
        "the instance is being backed up, not yet overwritten"
    );
    assert!(client
        .snapshot(&p, &item.snapshot_id)
        .await
        .unwrap()
        .name
        .starts_with("web-frontend-1 before restore "));
}

#[tokio::test]
async fn in_place_without_safety_starts_the_rebuild() {
    let (_sim, client, p) = demo().await;
    let backup = backup_named(&client, &p, "web-frontend-1 2025-release").await;
    let opts = restore::options(&client, &p, &backup, &|_| None)
        .await
        .unwrap();
    let instance = opts.instance_id.unwrap();
    let item = restore::in_place(
        &client,
        &InFlight::default(),
        &p,
        InPlace {
            backup_id: &backup,
            instance_id: &instance,
            typed_name: "web-frontend-1",
            safety: false,
        },
        chrono::Local::now(),
    )
    .await
    .unwrap();
    let Kind::Rebuild {
        seen_rebuilding: false,
        operation_id: Some(op),
    } = item.kind
    else {
        panic!(
            "a reinstall is followed with its operation: {:?}",
            item.kind
        );
    };
    assert_eq!(
        client.instance(&p, &instance).await.unwrap().status,
        "ACTIVE",
        "OVH may answer ACTIVE right after accepting a reinstall"
    );
    assert_eq!(
        client.operation(&p, &op).await.unwrap().status,
        "in-progress"
    );
}

#[tokio::test]
async fn a_new_instance_only_on_a_model_that_holds_the_backup() {
    let (_sim, client, p) = demo().await;
    let backup = backup_named(&client, &p, "web-frontend-1 2025-release").await;
    let opts = restore::options(&client, &p, &backup, &|_| None)
        .await
        .unwrap();
    assert!(
        opts.flavors.iter().all(|f| f.disk_gb >= 50),
        "only models whose disk holds 50 GB: {:?}",
        opts.flavors
    );
    assert!(
        !opts.flavors.iter().any(|f| f.name == "d2-2"),
        "d2-2's 25 GB disk is too small"
    );
    let all = client.flavors(&p, Some("GRA11")).await.unwrap();
    let small = all.iter().find(|f| f.name == "d2-2").unwrap();
    let spec = |flavor: &str| NewInstance {
        name: "web-restored".into(),
        flavor_id: flavor.into(),
        ssh_key_id: None,
        monthly_billing: false,
    };
    assert!(matches!(
        restore::into_new_instance(&client, &p, &backup, &spec(&small.id)).await,
        Err(desk::Error::Invalid(_))
    ));
    let item = restore::into_new_instance(&client, &p, &backup, &spec(&opts.flavors[0].id))
        .await
        .unwrap();
    assert_eq!(item.kind, Kind::Build);
    let created = client.instance(&p, &item.instance_id).await.unwrap();
    assert_eq!(
        (
            created.name.as_str(),
            created.status.as_str(),
            created.region.as_str()
        ),
        ("web-restored", "BUILD", "GRA11")
    );
}
