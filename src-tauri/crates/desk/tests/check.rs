//! "Check my account" on answers shaped as OVH really sends them: what could not be read is
//! named by route and field, every readable record still shows, and the report carries no key,
//! id or name.
use desk::session::Paces;
use desk::{Connection, Session};
use ovh::RetryPolicy;
use ovh_sim::{Keys, Running, Sim};

#[tokio::test]
async fn the_messy_world_is_read_and_reported_without_values() {
    let keys = Keys::default();
    let sim = Sim::demo(&keys);
    sim.world.lock().unwrap().messy = true;
    let (project_ids, instance_ids, names): (Vec<String>, Vec<String>, Vec<String>) = {
        let w = sim.world.lock().unwrap();
        (
            w.projects.iter().map(|p| p.id.clone()).collect(),
            w.projects
                .iter()
                .flat_map(|p| p.instances.iter().map(|i| i.id.clone()))
                .collect(),
            w.projects
                .iter()
                .flat_map(|p| p.instances.iter().map(|i| i.name.clone()))
                .collect(),
        )
    };
    let running = Running::start(sim).await.unwrap();
    let client = running.client(&keys, RetryPolicy::none()).unwrap();
    let s = Session::start(
        Connection::with_client(client),
        None,
        Paces::default(),
        |_| {},
    );
    let p = s.projects().await.unwrap()[0].id.clone();
    assert_eq!(
        s.instances(&p).await.unwrap().len(),
        11,
        "every instance, nulls and all"
    );
    let rows = s.backups(&p).await.unwrap().rows;
    assert!(rows.len() > 10, "every readable backup shows");
    assert!(s.unreadable_count() >= 1, "the broken record is counted");
    assert!(!s.workflows(&p).await.unwrap().is_empty());
    assert!(!s.overview().await.unwrap().is_empty());

    let report = s.check_account().await;
    println!("{}", report.text);
    assert!(report.problems >= 1, "{}", report.text);
    assert!(
        report
            .text
            .contains("GET /cloud/project/{projectId}/snapshot"),
        "{}",
        report.text
    );
    assert!(report.text.contains("could not be read"), "{}", report.text);
    for secret in [
        &keys.application_key,
        &keys.application_secret,
        &keys.consumer_key,
        &keys.client_secret,
    ] {
        assert!(
            !report.text.contains(secret.as_str()),
            "a key in the report"
        );
    }
    for id in project_ids.iter().chain(&instance_ids).chain(&names) {
        assert!(!report.text.contains(id.as_str()), "{id} in the report");
    }
}
