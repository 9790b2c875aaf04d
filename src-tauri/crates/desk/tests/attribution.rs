//! Which backups belong to what, from facts: the app's own records survive a restart, and
//! "delete with its backups" deletes exactly the list it showed, never a backup made by hand,
//! whatever the workflow's backups are named.
use std::sync::Arc;

use desk::session::Paces;
use desk::{Connection, Session};
use ovh::RetryPolicy;
use ovh_sim::{Keys, Running, Sim};

struct World {
    running: Running,
    keys: Keys,
    dir: std::path::PathBuf,
}

impl World {
    async fn new(tag: &str, prefix: Option<&str>) -> Self {
        let keys = Keys::default();
        let sim: Arc<Sim> = Sim::demo(&keys);
        if let Some(prefix) = prefix {
            ovh_sim::scenario::prefix_backup_names(&mut sim.world.lock().unwrap(), prefix);
        }
        let running = Running::start(sim).await.unwrap();
        let dir = std::env::temp_dir().join(format!("bd-attr-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Self { running, keys, dir }
    }

    fn session(&self) -> Session {
        let client = self
            .running
            .client(&self.keys, RetryPolicy::none())
            .unwrap();
        Session::start(
            Connection::with_client(client),
            Some(self.dir.clone()),
            Paces::default(),
            |_| {},
        )
    }

    /// The names of the backups the simulator knows a workflow made.
    fn made_by(&self, workflow_name: &str) -> Vec<String> {
        let world = self.running.sim.world.lock().unwrap();
        let p = &world.projects[0];
        let wf = p
            .workflows
            .iter()
            .find(|w| w.name == workflow_name)
            .unwrap();
        let mut names: Vec<String> = p
            .snapshots
            .iter()
            .filter(|s| s.workflow_id.as_deref() == Some(wf.id.as_str()))
            .map(|s| s.name.clone())
            .collect();
        names.sort();
        names
    }

    fn snapshot_names(&self) -> Vec<String> {
        let world = self.running.sim.world.lock().unwrap();
        world.projects[0]
            .snapshots
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }
}

impl Drop for World {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const WORKFLOW: &str = "nightly-web-frontend-1";

async fn plan_names(s: &Session, p: &str, item: &(String, String)) -> Vec<String> {
    let plan = s
        .workflow_backups(p, std::slice::from_ref(item))
        .await
        .unwrap();
    let mut names: Vec<String> = plan[0].backups.iter().map(|b| b.name.clone()).collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_manual_backup_named_like_a_workflow_s_is_never_in_its_deletion() {
    let w = World::new("manual", None).await;
    let s = w.session();
    let p = s.projects().await.unwrap()[0].id.clone();
    let web = s
        .instances(&p)
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.name == "web-frontend-1")
        .unwrap();
    // Named exactly as the workflow names its backups: only the app's record tells them apart.
    let manual = format!("{WORKFLOW} 2026-12-02 before upgrade");
    s.create_backup(&p, &web.id, &manual, false, &[])
        .await
        .unwrap();
    let wf = s
        .workflows(&p)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.name == WORKFLOW)
        .unwrap();
    let item = (wf.region.clone(), wf.id.clone());
    let expected = w.made_by(WORKFLOW);
    assert!(!expected.is_empty(), "the demo workflow has made backups");
    assert_eq!(plan_names(&s, &p, &item).await, expected);

    // The record outlives the session.
    drop(s);
    let s = w.session();
    let plan = s
        .workflow_backups(&p, std::slice::from_ref(&item))
        .await
        .unwrap();
    let mut listed: Vec<String> = plan[0].backups.iter().map(|b| b.name.clone()).collect();
    listed.sort();
    assert_eq!(listed, expected, "after a restart too");
    let rows = s.backups(&p).await.unwrap().rows;
    let mine = rows.iter().find(|r| r.name == manual).unwrap();
    assert_eq!(mine.source, desk::backups::Source::Recorded);
    assert_eq!(mine.instance_name.as_deref(), Some("web-frontend-1"));

    let ids: Vec<String> = plan[0].backups.iter().map(|b| b.id.clone()).collect();
    let report = s
        .delete_workflows(&p, std::slice::from_ref(&item), &ids)
        .await
        .unwrap();
    assert_eq!(report.workflows_deleted, vec![wf.id.clone()]);
    let mut deleted = report.backups_deleted.clone();
    deleted.sort();
    assert_eq!(deleted, expected, "{report:?}");
    let left = w.snapshot_names();
    assert!(left.contains(&manual), "the manual backup stays");
    assert!(
        expected.iter().all(|n| !left.contains(n)),
        "the workflow's backups are gone"
    );
}

#[tokio::test]
async fn backups_named_by_backup_name_are_found_and_nothing_else() {
    let w = World::new("prefix", Some("autobackup-")).await;
    let s = w.session();
    let p = s.projects().await.unwrap()[0].id.clone();
    let wf = s
        .workflows(&p)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.name == WORKFLOW)
        .unwrap();
    let item = (wf.region.clone(), wf.id.clone());
    let expected = w.made_by(WORKFLOW);
    assert!(expected.iter().all(|n| n.starts_with("autobackup-")));
    assert_eq!(plan_names(&s, &p, &item).await, expected);

    // A confirmed id that is not in the list now is kept and said so.
    let manual = w
        .snapshot_names()
        .into_iter()
        .find(|n| n.starts_with("web-frontend-1 "))
        .unwrap();
    let manual_id = s
        .backups(&p)
        .await
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.name == manual)
        .unwrap()
        .id;
    let report = s
        .delete_workflows(&p, std::slice::from_ref(&item), &[manual_id])
        .await
        .unwrap();
    assert!(report.backups_deleted.is_empty(), "{report:?}");
    assert!(w.snapshot_names().contains(&manual));
    assert_eq!(
        report.kept.iter().filter(|k| k.refusal.is_none()).count(),
        expected.len(),
        "the workflow's backups not chosen are reported as still billed"
    );
}
