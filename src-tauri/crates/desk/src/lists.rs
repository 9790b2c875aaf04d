//! One owner of each list the app reads from OVH: projects, and per project its regions,
//! instances, flavors, backups and workflows. The screens and the background tasks all read
//! through it, so two readers asking at once make one request, and the list the tracker has
//! just read is the list the window shows. Each kind of list keeps a freshness that fits how
//! often it changes; a write the app makes marks the lists it touches stale.
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use ovh::types::{Flavor, Image, Instance, Region, Workflow};
use ovh::Client;

use crate::inventory::ProjectSummary;

/// How old a list may be before a reader pays a request for it.
#[derive(Debug, Clone, Copy)]
pub struct Freshness {
    /// Projects, regions (with their services) and flavors change in minutes, if ever.
    pub rare: Duration,
    /// Instances and backups: a screen opened twice within this shows the same read.
    pub live: Duration,
    /// A list read by someone else this recently is as good as a background task's own read
    /// (the tracker and the watcher decide their pace; a screen's read a moment ago will do).
    pub shared: Duration,
    /// Workflows: the watcher reads them again at this pace (and every minute around a run),
    /// through these lists; the app's own changes and "Check now" mark them stale.
    pub workflows: Duration,
}

impl Default for Freshness {
    fn default() -> Self {
        Self {
            rare: Duration::from_secs(600),
            live: Duration::from_secs(20),
            workflows: Duration::from_secs(600),
            shared: Duration::from_secs(1),
        }
    }
}

/// How fresh a reader needs a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// The list's own freshness rule.
    Usual,
    /// No older than this (the tracker's polls; zero for "read it now").
    AtMost(Duration),
}

struct Entry<V> {
    value: Arc<V>,
    at: Instant,
    /// The slot's generation when the read started: a write since then makes it stale.
    generation: u64,
}

struct Slot<V> {
    /// NOTE: a tokio mutex held across the fetch: readers of the same list wait for the read
    /// in flight instead of sending their own.
    entry: tokio::sync::Mutex<Option<Entry<V>>>,
    generation: AtomicU64,
}

/// The lists of one kind, by key (a project id, or a project and a region).
struct Shelf<V> {
    slots: Mutex<HashMap<String, Arc<Slot<V>>>>,
}

impl<V> Default for Shelf<V> {
    fn default() -> Self {
        Self {
            slots: Mutex::new(HashMap::new()),
        }
    }
}

impl<V> Shelf<V> {
    fn slot(&self, key: &str) -> Arc<Slot<V>> {
        self.slots
            .lock()
            .expect("shelf lock")
            .entry(key.to_string())
            .or_insert_with(|| {
                Arc::new(Slot {
                    entry: tokio::sync::Mutex::new(None),
                    generation: AtomicU64::new(0),
                })
            })
            .clone()
    }

    async fn get<F, Fut>(
        &self,
        key: &str,
        max_age: Duration,
        refused: bool,
        fetch: F,
    ) -> ovh::Result<Arc<V>>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = ovh::Result<V>>,
    {
        let slot = self.slot(key);
        let mut entry = slot.entry.lock().await;
        let generation = slot.generation.load(Ordering::SeqCst);
        if let Some(e) = entry.as_ref() {
            if !refused && e.generation == generation && e.at.elapsed() < max_age {
                return Ok(e.value.clone());
            }
        }
        let value = Arc::new(fetch().await?);
        *entry = Some(Entry {
            value: value.clone(),
            at: Instant::now(),
            generation,
        });
        Ok(value)
    }

    fn invalidate(&self, key: &str) {
        self.slot(key).generation.fetch_add(1, Ordering::SeqCst);
    }

    fn invalidate_prefix(&self, prefix: &str) {
        for (key, slot) in self.slots.lock().expect("shelf lock").iter() {
            if key.starts_with(prefix) {
                slot.generation.fetch_add(1, Ordering::SeqCst);
            }
        }
    }

    fn invalidate_all(&self) {
        for slot in self.slots.lock().expect("shelf lock").values() {
            slot.generation.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// The app's reads of OVH, shared. Cheap to clone.
#[derive(Clone)]
pub struct Lists {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    fresh: Freshness,
    projects: Shelf<Vec<ProjectSummary>>,
    regions: Shelf<Vec<Region>>,
    instances: Shelf<Vec<Instance>>,
    flavors: Shelf<Vec<Flavor>>,
    snapshots: Shelf<Vec<Image>>,
    workflows: Shelf<Vec<Workflow>>,
}

impl Lists {
    pub fn new(client: Client, fresh: Freshness) -> Self {
        Self {
            inner: Arc::new(Inner {
                client,
                fresh,
                projects: Shelf::default(),
                regions: Shelf::default(),
                instances: Shelf::default(),
                flavors: Shelf::default(),
                snapshots: Shelf::default(),
                workflows: Shelf::default(),
            }),
        }
    }

    /// The background tasks' read: shared only with a read made a moment ago.
    pub fn background(&self) -> Age {
        Age::AtMost(self.inner.fresh.shared)
    }

    /// The client the lists are read with (writes go through it directly).
    pub fn client(&self) -> &Client {
        &self.inner.client
    }

    /// While OVH refuses the credentials, nothing is served from memory: every screen shows
    /// the refusal (and "Connect again") instead of data that may no longer be the user's.
    fn refused(&self) -> bool {
        self.inner.client.auth_refused()
    }

    fn max_age(&self, age: Age, usual: Duration) -> Duration {
        match age {
            Age::Usual => usual,
            Age::AtMost(d) => d,
        }
    }

    /// Every project the account sees, with a readable name.
    pub async fn projects(&self, age: Age) -> ovh::Result<Arc<Vec<ProjectSummary>>> {
        let i = &self.inner;
        i.projects
            .get("", self.max_age(age, i.fresh.rare), self.refused(), || {
                crate::inventory::read_projects(&i.client)
            })
            .await
    }

    /// A project's regions with their services.
    pub async fn regions(&self, project_id: &str, age: Age) -> ovh::Result<Arc<Vec<Region>>> {
        let i = &self.inner;
        i.regions
            .get(
                project_id,
                self.max_age(age, i.fresh.rare),
                self.refused(),
                || i.client.regions(project_id),
            )
            .await
    }

    /// The regions of a project whose workflow service is up.
    pub async fn workflow_regions(&self, project_id: &str, age: Age) -> ovh::Result<Vec<String>> {
        Ok(self
            .regions(project_id, age)
            .await?
            .iter()
            .filter(|r| r.has_service_up("workflow"))
            .map(|r| r.name.clone())
            .collect())
    }

    pub async fn instances(&self, project_id: &str, age: Age) -> ovh::Result<Arc<Vec<Instance>>> {
        let i = &self.inner;
        i.instances
            .get(
                project_id,
                self.max_age(age, i.fresh.live),
                self.refused(),
                || i.client.instances(project_id, None),
            )
            .await
    }

    pub async fn flavors(&self, project_id: &str, age: Age) -> ovh::Result<Arc<Vec<Flavor>>> {
        let i = &self.inner;
        i.flavors
            .get(
                project_id,
                self.max_age(age, i.fresh.rare),
                self.refused(),
                || i.client.flavors(project_id, None),
            )
            .await
    }

    /// Every backup of a project.
    pub async fn snapshots(&self, project_id: &str, age: Age) -> ovh::Result<Arc<Vec<Image>>> {
        let i = &self.inner;
        i.snapshots
            .get(
                project_id,
                self.max_age(age, i.fresh.live),
                self.refused(),
                || i.client.snapshots(project_id, None),
            )
            .await
    }

    /// The workflows of a project in one region.
    pub async fn workflows(
        &self,
        project_id: &str,
        region: &str,
        age: Age,
    ) -> ovh::Result<Arc<Vec<Workflow>>> {
        let i = &self.inner;
        i.workflows
            .get(
                &format!("{project_id}/{region}"),
                self.max_age(age, i.fresh.workflows),
                self.refused(),
                || i.client.workflows(project_id, region),
            )
            .await
    }

    /// Every workflow of a project, with its region: one read per region with the service up,
    /// concurrently (the client bounds the requests in flight).
    pub async fn project_workflows(
        &self,
        project_id: &str,
        age: Age,
    ) -> ovh::Result<Vec<(String, Workflow)>> {
        let regions = self.workflow_regions(project_id, Age::Usual).await?;
        let lists = futures_util::future::try_join_all(
            regions.iter().map(|r| self.workflows(project_id, r, age)),
        )
        .await?;
        Ok(regions
            .iter()
            .zip(lists)
            .flat_map(|(r, list)| {
                list.iter()
                    .map(|w| (r.clone(), w.clone()))
                    .collect::<Vec<_>>()
            })
            .collect())
    }

    /// The app changed backups of this project (created, deleted, restored from).
    pub fn backups_changed(&self, project_id: &str) {
        self.inner.snapshots.invalidate(project_id);
        self.inner.instances.invalidate(project_id);
    }

    /// An instance of this project changed state (a backup or a restore ended).
    pub fn instances_changed(&self, project_id: &str) {
        self.inner.instances.invalidate(project_id);
    }

    /// The app changed workflows of this project.
    pub fn workflows_changed(&self, project_id: &str) {
        self.inner
            .workflows
            .invalidate_prefix(&format!("{project_id}/"));
    }

    /// Every workflow list is read again on the next look.
    pub fn forget_workflows(&self) {
        self.inner.workflows.invalidate_all();
    }

    /// The user asked to see everything as it is now.
    pub fn forget(&self) {
        let i = &self.inner;
        i.projects.invalidate_all();
        i.regions.invalidate_all();
        i.instances.invalidate_all();
        i.flavors.invalidate_all();
        i.snapshots.invalidate_all();
        i.workflows.invalidate_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    async fn counted(calls: &AtomicUsize, v: u32) -> ovh::Result<u32> {
        calls.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(50)).await;
        Ok(v)
    }

    #[tokio::test(start_paused = true)]
    async fn readers_at_once_share_one_read() {
        let shelf: Shelf<u32> = Shelf::default();
        let calls = AtomicUsize::new(0);
        let (a, b, c) = tokio::join!(
            shelf.get("p", Duration::from_secs(20), false, || counted(&calls, 1)),
            shelf.get("p", Duration::from_secs(20), false, || counted(&calls, 2)),
            shelf.get("p", Duration::ZERO, false, || counted(&calls, 3)),
        );
        assert_eq!((*a.unwrap(), *b.unwrap()), (1, 1));
        // A reader that wants it fresher than what is held pays for a read of its own.
        assert_eq!(*c.unwrap(), 3);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn a_list_is_read_again_when_too_old_or_written() {
        let shelf: Shelf<u32> = Shelf::default();
        let calls = AtomicUsize::new(0);
        let age = Duration::from_secs(20);
        shelf
            .get("p", age, false, || counted(&calls, 1))
            .await
            .unwrap();
        tokio::time::advance(Duration::from_secs(10)).await;
        shelf
            .get("p", age, false, || counted(&calls, 2))
            .await
            .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1, "fresh enough");
        shelf
            .get("q", age, false, || counted(&calls, 2))
            .await
            .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2, "another key");
        tokio::time::advance(Duration::from_secs(11)).await;
        assert_eq!(
            *shelf
                .get("p", age, false, || counted(&calls, 3))
                .await
                .unwrap(),
            3
        );
        shelf.invalidate("p");
        assert_eq!(
            *shelf
                .get("p", age, false, || counted(&calls, 4))
                .await
                .unwrap(),
            4
        );
        shelf.invalidate_all();
        assert_eq!(
            *shelf
                .get("q", age, false, || counted(&calls, 5))
                .await
                .unwrap(),
            5
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_write_during_a_read_leaves_that_read_stale() {
        let shelf: Arc<Shelf<u32>> = Arc::new(Shelf::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let (s, c) = (shelf.clone(), calls.clone());
        let reading = tokio::spawn(async move {
            *s.get("p", Duration::from_secs(20), false, || counted(&c, 1))
                .await
                .unwrap()
        });
        tokio::time::sleep(Duration::from_millis(10)).await;
        // The backup was created while the old list was on its way.
        shelf.invalidate("p");
        assert_eq!(reading.await.unwrap(), 1);
        let after = shelf
            .get("p", Duration::from_secs(20), false, || counted(&calls, 2))
            .await
            .unwrap();
        assert_eq!(
            *after, 2,
            "the list read before the write is not served again"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_read_is_not_kept() {
        let shelf: Shelf<u32> = Shelf::default();
        let r = shelf
            .get("p", Duration::from_secs(20), false, || async {
                Err(ovh::Error::InvalidInput("down".into()))
            })
            .await;
        assert!(r.is_err());
        let calls = AtomicUsize::new(0);
        shelf
            .get("p", Duration::from_secs(20), false, || counted(&calls, 1))
            .await
            .unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
