//! Restore rehearsals against the simulator: a temporary instance is made from a backup,
//! checked and always deleted; what a crash leaves is deleted at the next start, found by the
//! id or, when OVH's answer was lost, by its exact recorded name; nothing else is ever deleted;
//! a refused deletion is kept in the book until it succeeds.
mod common;

use std::time::Duration;

use chrono::Utc;
use common::{demo, inject};
use desk::rehearsal::{self, Book, Failed, Pace, Plan, Probe, Step, Temporary};
use ovh::Client;
use ovh_sim::Running;

struct Answers(bool);

impl Probe for Answers {
    async fn answers(&self, _ip: &str, _port: u16) -> bool {
        self.0
    }
}

fn fast() -> Pace {
    Pace {
        poll: Duration::from_millis(100),
        boot_limit: Duration::from_secs(10),
        port_limit: Duration::from_millis(500),
        delete_retries: 2,
        delete_wait: Duration::from_millis(100),
    }
}

/// An empty folder of this test's own (process ids come back: an earlier run's files go).
fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("bd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn book(dir: &std::path::Path) -> Book {
    Book::in_dir_or_none(Some(dir))
}

/// Runs `plan` at the tests' pace, now.
async fn rehearse(
    client: &Client,
    book: &Book,
    project: &str,
    plan: &Plan,
    probe: &impl Probe,
) -> rehearsal::Outcome {
    let clock: desk::Clock = std::sync::Arc::new(Utc::now);
    rehearsal::run(client, book, project, plan, probe, fast(), &clock)
        .await
        .unwrap()
}

/// The demo's "mail-gateway weekly" backup, planned as the dialog would.
async fn plan(running: &Running, client: &Client, project: &str) -> Plan {
    plan_of(running, client, project, "mail-gateway weekly").await
}

/// The demo's backup `name`, planned as the dialog would.
async fn plan_of(running: &Running, client: &Client, project: &str, name: &str) -> Plan {
    running.sim.world.lock().unwrap().pace.rebuild_secs = 1.0;
    let backups = client.snapshots(project, None).await.unwrap();
    let backup = backups.iter().find(|b| b.name == name).unwrap();
    let options = desk::restore::options(client, project, &backup.id, &|_| None, None)
        .await
        .unwrap();
    rehearsal::plan(&options, &backup.image_type, Utc::now()).unwrap()
}

async fn named(client: &Client, project: &str, name: &str) -> usize {
    client
        .instances(project, None)
        .await
        .unwrap()
        .iter()
        .filter(|i| i.name == name)
        .count()
}

#[tokio::test]
async fn a_backup_that_boots_and_answers_passes_and_its_instance_is_deleted() {
    let (running, client, project) = demo().await;
    let plan = plan(&running, &client, &project).await;
    let book = book(&scratch("rehearsal-pass"));
    let out = rehearse(&client, &book, &project, &plan, &Answers(true)).await;
    assert_eq!(out.failed, None, "{out:?}");
    let steps: Vec<Step> = out.steps.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        steps,
        [Step::Created, Step::Active, Step::Answered, Step::Deleted]
    );
    assert!(out.gone);
    assert_eq!(named(&client, &project, &plan.temporary_name).await, 0);
    assert!(book.open().is_empty(), "the book is empty once it is gone");
}

#[tokio::test]
async fn a_port_that_never_answers_fails_and_still_deletes() {
    let (running, client, project) = demo().await;
    let plan = plan(&running, &client, &project).await;
    let book = book(&scratch("rehearsal-no-answer"));
    let out = rehearse(&client, &book, &project, &plan, &Answers(false)).await;
    assert_eq!(out.failed, Some(Failed::NoAnswer { port: 22 }));
    assert!(out.gone);
    assert_eq!(named(&client, &project, &plan.temporary_name).await, 0);
    assert!(book.open().is_empty());
}

#[tokio::test]
async fn a_refused_creation_makes_nothing_and_leaves_nothing_in_the_book() {
    let (running, client, project) = demo().await;
    let plan = plan(&running, &client, &project).await;
    inject(
        &running,
        serde_json::json!({"method": "POST", "path": "/cloud/project/*/instance", "status": 403,
            "message": "Quota exceeded for instances", "times": 1}),
    );
    let book = book(&scratch("rehearsal-refused"));
    let out = rehearse(&client, &book, &project, &plan, &Answers(true)).await;
    assert!(matches!(out.failed, Some(Failed::Refused { ref ovh }) if ovh.contains("Quota")));
    assert_eq!(named(&client, &project, &plan.temporary_name).await, 0);
    assert!(book.open().is_empty());
}

/// A lost answer to the creation: OVH made the instance, the app never learnt its id. The
/// rehearsal fails as unanswered and the instance is found by its recorded name and deleted.
#[tokio::test]
async fn a_lost_creation_answer_is_found_by_its_name_and_deleted() {
    let (running, client, project) = demo().await;
    let plan = plan(&running, &client, &project).await;
    inject(
        &running,
        serde_json::json!({"method": "POST", "path": "/cloud/project/*/instance",
            "drop": "after", "times": 1}),
    );
    let book = book(&scratch("rehearsal-lost"));
    let out = rehearse(&client, &book, &project, &plan, &Answers(true)).await;
    assert_eq!(out.failed, Some(Failed::Unanswered));
    assert!(out.gone, "{out:?}");
    assert_eq!(named(&client, &project, &plan.temporary_name).await, 0);
    assert!(book.open().is_empty());
}

/// The app killed during a rehearsal: at the next start the book's instances are deleted and
/// named, by id or by exact name; an instance of that name made before the rehearsal began,
/// which the book does not own, stays.
#[tokio::test]
async fn what_a_crash_left_is_deleted_at_the_next_start_and_nothing_else() {
    let (running, client, project) = demo().await;
    let plan = plan(&running, &client, &project).await;
    let made = |name: &str| ovh::types::InstanceCreation {
        flavor_id: plan.flavor.id.clone(),
        name: name.to_string(),
        region: plan.region.clone(),
        image_id: plan.backup_id.clone(),
        ssh_key_id: None,
        monthly_billing: false,
    };
    // Someone's own instance, made earlier under a name like a rehearsal's.
    let theirs = client
        .create_instance(&project, &made("rehearsal-theirs"))
        .await
        .unwrap();
    let by_id = client
        .create_instance(&project, &made("rehearsal-by-id"))
        .await
        .unwrap();
    client
        .create_instance(&project, &made("rehearsal-by-name"))
        .await
        .unwrap();
    let later = Utc::now() + chrono::Duration::minutes(5);
    let dir = scratch("rehearsal-crash");
    let book = book(&dir);
    let entry = |name: &str, id: Option<String>, started_at| Temporary {
        project_id: project.clone(),
        backup_id: plan.backup_id.clone(),
        name: name.into(),
        id,
        started_at,
    };
    std::fs::write(
        dir.join("rehearsals.json"),
        serde_json::to_string(&[
            entry("rehearsal-by-id", Some(by_id.id.clone()), Utc::now()),
            entry("rehearsal-by-name", None, Utc::now()),
            entry("rehearsal-theirs", None, later),
        ])
        .unwrap(),
    )
    .unwrap();
    let (deleted, refused) = rehearsal::clean_up(&client, &book, fast()).await.unwrap();
    assert_eq!(
        deleted,
        ["rehearsal-by-id", "rehearsal-by-name"],
        "the third entry had no instance of its own: struck, nothing deleted"
    );
    assert!(refused.is_empty());
    assert_eq!(named(&client, &project, "rehearsal-by-id").await, 0);
    assert_eq!(named(&client, &project, "rehearsal-by-name").await, 0);
    assert!(
        client.instance(&project, &theirs.id).await.is_ok(),
        "an instance the book does not own is never deleted"
    );
    assert!(book.open().is_empty());
}

/// OVH refuses the deletion: it is tried again; still refused, the instance stays in the book
/// (to be shown to the user) and is deleted at the next clean-up once OVH accepts.
#[tokio::test]
async fn a_refused_deletion_is_retried_then_kept_until_it_succeeds() {
    let (running, client, project) = demo().await;
    let plan = plan(&running, &client, &project).await;
    inject(
        &running,
        serde_json::json!({"method": "DELETE", "path": "/cloud/project/*/instance/*",
            "status": 500, "times": 3}),
    );
    let book = book(&scratch("rehearsal-undeleted"));
    let out = rehearse(&client, &book, &project, &plan, &Answers(true)).await;
    assert_eq!(out.failed, None);
    assert!(!out.gone, "three refusals: {out:?}");
    assert_eq!(named(&client, &project, &plan.temporary_name).await, 1);
    assert_eq!(book.open().len(), 1, "kept, to ask the user");
    let (deleted, refused) = rehearsal::clean_up(&client, &book, fast()).await.unwrap();
    assert_eq!((deleted.len(), refused.len()), (1, 0));
    assert_eq!(named(&client, &project, &plan.temporary_name).await, 0);
    assert!(book.open().is_empty());
}

/// The temporary instance is in the book before OVH is asked for it: a crash while the request
/// is on its way leaves it known.
#[tokio::test]
async fn the_book_names_the_instance_before_it_is_asked_for() {
    let (running, client, project) = demo().await;
    let plan = plan(&running, &client, &project).await;
    inject(
        &running,
        serde_json::json!({"method": "POST", "path": "/cloud/project/*/instance",
            "latencyMs": 1500, "times": 1}),
    );
    let dir = scratch("rehearsal-first");
    let book = book(&dir);
    let run = {
        let (client, book, project, plan) =
            (client.clone(), book.clone(), project.clone(), plan.clone());
        tokio::spawn(async move {
            rehearsal::run(
                &client,
                &book,
                &project,
                &plan,
                &Answers(true),
                fast(),
                &(std::sync::Arc::new(Utc::now) as desk::Clock),
            )
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let during = book.open();
    assert_eq!(during.len(), 1, "not in the book while being asked for");
    assert_eq!(
        (during[0].name.as_str(), during[0].id.as_deref()),
        (plan.temporary_name.as_str(), None)
    );
    let out = run.await.unwrap().unwrap();
    assert_eq!(out.failed, None);
    assert!(book.open().is_empty());
}

/// On the demo cloud, an instance made from a backup that boots answers on the simulator's own
/// port, over a real TCP connection; the demo's "file-server-nvme before upgrade" never does.
#[tokio::test]
async fn on_the_demo_cloud_a_backup_that_does_not_boot_fails_on_its_port() {
    let (running, client, project) = demo().await;
    let probe = rehearsal::Tcp {
        timeout: Duration::from_millis(300),
        port: Some(running.port()),
    };
    let boots = plan(&running, &client, &project).await;
    let dir = scratch("rehearsal-tcp");
    let out = rehearse(&client, &book(&dir), &project, &boots, &probe).await;
    assert_eq!(out.failed, None, "{out:?}");
    let broken = plan_of(
        &running,
        &client,
        &project,
        "file-server-nvme before upgrade",
    )
    .await;
    let out = rehearse(&client, &book(&dir), &project, &broken, &probe).await;
    assert_eq!(out.failed, Some(Failed::NoAnswer { port: 22 }));
    assert!(out.gone);
    assert_eq!(named(&client, &project, &broken.temporary_name).await, 0);
}
