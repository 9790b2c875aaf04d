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
    let opts = restore::options(&client, &p, &backup, &|_| None, None)
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
    let safety = client.snapshot(&p, &item.snapshot_id).await.unwrap();
    assert!(safety.name.starts_with("web-frontend-1 before restore "));
    assert_eq!(
        item.name, safety.name,
        "followed under the safety backup's own name"
    );
    assert_eq!(
        (opts.backup_id.as_str(), opts.backup_name.as_str()),
        (backup.as_str(), "web-frontend-1 2025-release"),
        "the options are the chosen backup's"
    );
}

#[tokio::test]
async fn options_offer_only_models_and_keys_usable_in_the_backup_s_region() {
    let (running, client, p) = demo().await;
    let backup = backup_named(&client, &p, "web-frontend-1 2025-release").await;
    {
        let mut world = running.sim.world.lock().unwrap();
        let project = world.projects.iter_mut().find(|x| x.id == p).unwrap();
        for (id, regions) in [
            ("everywhere", vec![]),
            ("elsewhere", vec!["BHS5".to_string()]),
        ] {
            project.ssh_keys.push(ovh_sim::world::SshKey {
                id: id.into(),
                name: id.into(),
                regions,
            });
        }
    }
    let opts = restore::options(&client, &p, &backup, &|_| None, None)
        .await
        .unwrap();
    let keys: Vec<&str> = opts.ssh_keys.iter().map(|k| k.name.as_str()).collect();
    assert!(keys.contains(&"ops-team"), "the region's key: {keys:?}");
    assert!(
        keys.contains(&"everywhere"),
        "a key of every region: {keys:?}"
    );
    assert!(
        !keys.contains(&"elsewhere"),
        "another region's key: {keys:?}"
    );
    let all = client.flavors(&p, Some(&opts.region)).await.unwrap();
    let usable: Vec<&str> = all
        .iter()
        .filter(|f| f.region == opts.region && f.disk >= 50 && f.available && !f.is_metal())
        .map(|f| f.id.as_str())
        .collect();
    let offered: Vec<&str> = opts.flavors.iter().map(|f| f.id.as_str()).collect();
    assert!(!offered.is_empty());
    assert!(
        all.iter().any(|f| f.is_metal()),
        "the region has a Metal model to leave out"
    );
    let mut sorted = usable.clone();
    sorted.sort();
    let mut got = offered.clone();
    got.sort();
    assert_eq!(got, sorted, "every usable model, and only those");
}

#[tokio::test]
async fn in_place_without_safety_starts_the_rebuild() {
    let (_sim, client, p) = demo().await;
    let backup = backup_named(&client, &p, "web-frontend-1 2025-release").await;
    let opts = restore::options(&client, &p, &backup, &|_| None, None)
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
    let (running, client, p) = demo().await;
    let backup = backup_named(&client, &p, "web-frontend-1 2025-release").await;
    let opts = restore::options(&client, &p, &backup, &|_| None, None)
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
    // "No key" from the form is an empty choice: no key is sent.
    let no_key = NewInstance {
        ssh_key_id: Some(String::new()),
        ..spec(&opts.flavors[0].id)
    };
    let item = restore::into_new_instance(&client, &p, &backup, &no_key)
        .await
        .unwrap();
    let sent_key = running
        .sim
        .world
        .lock()
        .unwrap()
        .projects
        .iter()
        .flat_map(|x| x.instances.iter())
        .find(|i| i.id == item.instance_id)
        .map(|i| i.ssh_key_id.clone());
    assert_eq!(sent_key, Some(None), "an empty key choice sends no key");
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
