//! The workflow watcher against the simulator's advanced clock: every scheduled run is told
//! exactly once, a failed run once as a failure, a skipped run once as missed; rotation keeps N.
mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use desk::watcher::{self, Event, Memory, Pace};
use ovh::types::WorkflowCreation;
use ovh_sim::Running;

struct Setup {
    sim: Running,
    client: ovh::Client,
    project: String,
    events: Arc<Mutex<Vec<Event>>>,
    handle: watcher::WatcherHandle,
}

async fn setup(rotation: u32) -> Setup {
    // Noon, hours from every nightly run: a pass a day then always comes after the grace of the
    // night's runs. From the real clock at 00:45 UTC, the 23:35 run skipped was overtaken by the
    // next night's before any pass looked, and no miss was told (a day-long step, not a user's
    // ten-minute passes).
    let noon = "2026-01-14T12:00:00Z".parse().unwrap();
    let (sim, client, project) = common::demo_at(noon).await;
    let mail = client
        .instances(&project, None)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.name == "mail-gateway")
        .unwrap();
    client
        .create_workflow(
            &project,
            "UK1",
            &WorkflowCreation {
                cron: "0 3 * * *".into(),
                instance_id: mail.id,
                name: "mail-nightly".into(),
                rotation,
                max_execution_count: None,
            },
        )
        .await
        .unwrap();
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink_events = events.clone();
    let world = sim.sim.clone();
    let pace = Pace {
        idle: Duration::from_secs(3600),
        ..Pace::default()
    };
    // Every pass reads anew: the test moves world time faster than the lists' shared window.
    let lists = desk::lists::Lists::new(
        client.clone(),
        desk::lists::Freshness {
            shared: Duration::ZERO,
            ..Default::default()
        },
    );
    let handle = watcher::spawn(
        lists,
        Memory::none(),
        pace,
        Arc::new(move || world.clocks.world_now()),
        move |e| {
            if !matches!(e, Event::Changed) {
                sink_events.lock().unwrap().push(e)
            }
        },
    );
    settle(&handle).await;
    Setup {
        sim,
        client,
        project,
        events,
        handle,
    }
}

/// Asks for a pass and waits until one has run after the clock moved: a fixed real-time wait
/// was too short on a loaded machine, and the next day's clock then met the previous pass.
async fn settle(handle: &watcher::WatcherHandle) {
    tokio::time::timeout(Duration::from_secs(60), handle.refresh_and_wait())
        .await
        .expect("a watcher pass within a minute");
}

fn day(s: &Setup) {
    s.sim.sim.clocks.advance(chrono::Duration::days(1));
}

fn about(e: &Event, workflow: &str) -> bool {
    match e {
        Event::RunSucceeded(r) | Event::RunFailed(r) | Event::RunMissed(r) => {
            r.workflow_name == workflow
        }
        Event::Changed => false,
    }
}

fn count(events: &[Event], f: impl Fn(&Event) -> bool) -> usize {
    events.iter().filter(|e| f(e)).count()
}

#[tokio::test]
async fn ten_days_ten_runs_one_failure_each_told_once() {
    let s = setup(3).await;
    for d in 0..10 {
        let failing = if d == 4 {
            vec!["mail-gateway".to_string()]
        } else {
            Vec::new()
        };
        s.sim.sim.world.lock().unwrap().failing_instances = failing;
        day(&s);
        settle(&s.handle).await;
    }
    // One more pass a day later: nothing is told twice.
    day(&s);
    settle(&s.handle).await;
    let wf = s
        .client
        .workflows(&s.project, "UK1")
        .await
        .unwrap()
        .into_iter()
        .find(|w| w.name == "mail-nightly")
        .unwrap();
    assert_eq!(wf.executions.len(), 11, "one execution per simulated day");
    // The demo's other workflows run too; this test follows mail-nightly.
    let events: Vec<Event> = s
        .events
        .lock()
        .unwrap()
        .iter()
        .filter(|e| about(e, "mail-nightly"))
        .cloned()
        .collect();
    assert_eq!(
        count(&events, |e| matches!(e, Event::RunFailed(_))),
        1,
        "{events:?}"
    );
    assert_eq!(
        count(&events, |e| matches!(e, Event::RunSucceeded(_))),
        10,
        "{events:?}"
    );
    assert_eq!(count(&events, |e| matches!(e, Event::RunMissed(_))), 0);
    if let Some(Event::RunSucceeded(r)) = events.first() {
        assert_eq!(
            (r.workflow_name.as_str(), r.instance_name.as_str()),
            ("mail-nightly", "mail-gateway")
        );
    }
    let kept = s
        .client
        .snapshots(&s.project, None)
        .await
        .unwrap()
        .into_iter()
        .filter(|i| i.name.starts_with("mail-nightly ") && i.status == "active")
        .count();
    assert_eq!(kept, 3, "rotation keeps exactly 3 backups");
}

#[tokio::test]
async fn a_skipped_run_is_warned_once() {
    let s = setup(7).await;
    day(&s);
    settle(&s.handle).await;
    s.sim.sim.world.lock().unwrap().skip_next_runs = 1;
    day(&s);
    settle(&s.handle).await;
    day(&s);
    settle(&s.handle).await;
    day(&s);
    settle(&s.handle).await;
    // The skipped run is whichever workflow came first that day: one warning in all.
    let events = s.events.lock().unwrap().clone();
    assert_eq!(
        count(&events, |e| matches!(e, Event::RunMissed(_))),
        1,
        "{events:?}"
    );
    let missed = events
        .iter()
        .find_map(|e| {
            if let Event::RunMissed(r) = e {
                Some(r.workflow_name.clone())
            } else {
                None
            }
        })
        .unwrap();
    let runs_of_missed = count(
        &events,
        |e| matches!(e, Event::RunSucceeded(r) if r.workflow_name == missed),
    );
    assert_eq!(runs_of_missed, 3, "four days, one skipped: {events:?}");
}
