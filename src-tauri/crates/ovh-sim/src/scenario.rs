//! Ready-made worlds: `demo` (what the app shows with no account: readable names, every case the
//! UI has to handle) and `scale` (sized for benchmarks).
use chrono::{DateTime, Duration, Utc};

use crate::world::*;

/// The credentials a scenario's account is reachable with.
#[derive(Debug, Clone)]
pub struct Keys {
    pub application_key: String,
    pub application_secret: String,
    pub consumer_key: String,
    /// A service account's OAuth2 client id and secret.
    pub client_id: String,
    pub client_secret: String,
}

impl Default for Keys {
    fn default() -> Self {
        Self {
            application_key: "demoAppKey0000001".into(),
            application_secret: "demoAppSecret00000000000000000001".into(),
            consumer_key: "demoConsumerKey00000000000000001".into(),
            client_id: "demoClientId0001".into(),
            client_secret: "demoClientSecret0000000000000001".into(),
        }
    }
}

impl Keys {
    /// The service account as client credentials.
    pub fn service_account(&self) -> ovh::ServiceAccount {
        ovh::ServiceAccount {
            client_id: self.client_id.clone(),
            client_secret: self.client_secret.clone().into(),
        }
    }

    /// These keys as client credentials.
    pub fn credentials(&self) -> ovh::Credentials {
        ovh::Credentials {
            application_key: self.application_key.clone(),
            application_secret: self.application_secret.clone().into(),
            consumer_key: Some(self.consumer_key.clone().into()),
        }
    }
}

/// Sizes of the `scale` scenario.
#[derive(Debug, Clone)]
pub struct ScaleSize {
    pub projects: usize,
    pub regions: usize,
    pub instances: usize,
    pub backups: usize,
    pub workflows: usize,
}

impl Default for ScaleSize {
    fn default() -> Self {
        Self {
            projects: 3,
            regions: 8,
            instances: 300,
            backups: 1500,
            workflows: 100,
        }
    }
}

/// Registers `keys` as a validated credential allowed everything.
pub fn add_account(world: &mut World, keys: &Keys, now: DateTime<Utc>) {
    world.applications.insert(
        keys.application_key.clone(),
        Application {
            id: 1001,
            secret: keys.application_secret.clone(),
        },
    );
    world.service_accounts.insert(
        keys.client_id.clone(),
        crate::world::ServiceAccount {
            secret: keys.client_secret.clone(),
        },
    );
    let token = world.new_uuid();
    world.credentials.insert(
        keys.consumer_key.clone(),
        Credential {
            id: 5001,
            application_key: keys.application_key.clone(),
            status: "validated".into(),
            rules: ["GET", "POST", "PUT", "DELETE"]
                .iter()
                .map(|m| (m.to_string(), "/*".to_string()))
                .collect(),
            created: now - Duration::days(30),
            expiration: None,
            last_use: None,
            validation_token: token,
        },
    );
}

const REGIONS: &[(&str, &str, &str, &str)] = &[
    ("GRA11", "EU", "Gravelines", "fr"),
    ("SBG5", "EU", "Strasbourg", "fr"),
    ("BHS5", "NA", "Beauharnois", "ca"),
    ("WAW1", "EU", "Warsaw", "pl"),
    ("UK1", "EU", "London", "uk"),
    ("DE1", "EU", "Frankfurt", "de"),
    ("GRA9", "EU", "Gravelines", "fr"),
    ("SBG7", "EU", "Strasbourg", "fr"),
    // A 3-AZ region and a Local Zone: each has its own snapshot plan code.
    ("EU-WEST-PAR", "EU", "Paris", "fr"),
    ("EU-SOUTH-LZ-MAD-A", "EU", "Madrid", "es"),
];

/// (name, type, disk GB, RAM MB, vCPUs)
pub const FLAVORS: &[(&str, &str, u64, u64, u64)] = &[
    ("d2-2", "ovh.d2", 25, 2000, 1),
    ("d2-4", "ovh.d2", 50, 4000, 2),
    ("b2-7", "ovh.ssd.eg", 50, 7000, 2),
    ("b2-15", "ovh.ssd.eg", 100, 15000, 4),
    ("c2-7", "ovh.ssd.cpu", 50, 7000, 2),
    ("r2-15", "ovh.ssd.ram", 50, 15000, 2),
    ("i1-45", "ovh.iops", 50, 45000, 8),
    ("bm-s1", "ovh.baremetal", 400, 32000, 4),
];

/// (name, os type, user)
const IMAGES: &[(&str, &str, &str)] = &[
    ("Ubuntu 22.04", "linux", "ubuntu"),
    ("Debian 12", "linux", "debian"),
    ("Windows Server 2022 Standard", "windows", "Administrator"),
];

fn region(name: &str, continent: &str, location: &str, country: &str) -> RegionInfo {
    RegionInfo {
        name: name.into(),
        continent: continent.into(),
        location: location.into(),
        country: country.into(),
        region_type: if name.contains("-LZ-") {
            "localzone"
        } else if name.starts_with("EU-WEST-PAR") {
            "region-3-az"
        } else {
            "region"
        }
        .into(),
        services: [
            "instance", "workflow", "image", "network", "storage", "volume",
        ]
        .iter()
        .map(|s| (s.to_string(), true))
        .collect(),
        status: "UP".into(),
    }
}

fn empty_project(
    world: &mut World,
    id: &str,
    description: &str,
    regions: &[&str],
    now: DateTime<Utc>,
) -> Project {
    let mut p = Project {
        id: id.into(),
        description: description.into(),
        created: now - Duration::days(400),
        regions: Vec::new(),
        flavors: Vec::new(),
        images: Vec::new(),
        instances: Vec::new(),
        snapshots: Vec::new(),
        volumes: Vec::new(),
        volume_snapshots: Vec::new(),
        workflows: Vec::new(),
        operations: Vec::new(),
        ssh_keys: Vec::new(),
        suspended: false,
    };
    for r in regions {
        add_region(world, &mut p, r, now);
    }
    let key = world.new_uuid();
    p.ssh_keys.push(SshKey {
        id: key,
        name: "ops-team".into(),
        regions: regions.iter().map(|r| r.to_string()).collect(),
    });
    p
}

/// Adds a region to a project, with the flavors and images every region offers.
fn add_region(world: &mut World, p: &mut Project, r: &str, now: DateTime<Utc>) {
    let &(name, continent, location, country) = REGIONS
        .iter()
        .find(|x| x.0 == r)
        .expect("scenario region is listed");
    p.regions.push(region(name, continent, location, country));
    for &(fname, ftype, disk, ram, vcpus) in FLAVORS {
        let id = world.new_uuid();
        p.flavors.push(Flavor {
            id,
            name: fname.into(),
            region: name.into(),
            flavor_type: ftype.into(),
            disk_gb: disk,
            ram_mb: ram,
            vcpus,
            os_type: "linux".into(),
        });
    }
    for &(iname, os, user) in IMAGES {
        let id = world.new_uuid();
        p.images.push(Image {
            id,
            name: iname.into(),
            region: name.into(),
            os_type: os.into(),
            user: user.into(),
            min_disk: 10,
            size_gb: 2.5,
            created: now - Duration::days(120),
        });
    }
}

/// Gives every project `n` regions (at most the eight the simulator knows), for request
/// budgets measured on accounts with many regions (`BACKUP_DESK_DEMO_REGIONS`).
pub fn widen(world: &mut World, n: usize, now: DateTime<Utc>) {
    let mut projects = std::mem::take(&mut world.projects);
    for p in &mut projects {
        for &(name, ..) in REGIONS {
            if p.regions.len() >= n {
                break;
            }
            if p.regions.iter().all(|r| r.name != name) {
                add_region(world, p, name, now);
            }
        }
    }
    world.projects = projects;
}

/// Adds an instance; returns its id.
#[allow(clippy::too_many_arguments)]
fn add_instance(
    world: &mut World,
    p: &mut Project,
    name: &str,
    region: &str,
    flavor: &str,
    image: &str,
    used_gb: f64,
    now: DateTime<Utc>,
) -> String {
    let flavor_id = p
        .flavors
        .iter()
        .find(|f| f.name == flavor && f.region == region)
        .expect("flavor")
        .id
        .clone();
    let image_id = p
        .images
        .iter()
        .find(|i| i.name == image && i.region == region)
        .expect("image")
        .id
        .clone();
    let id = world.new_uuid();
    let n = p.instances.len() + 10;
    p.instances.push(Instance {
        id: id.clone(),
        name: name.into(),
        region: region.into(),
        flavor_id,
        image_id,
        created: now - Duration::days(200 - n as i64),
        base_status: "ACTIVE",
        busy: None,
        ssh_key_id: p.ssh_keys.first().map(|k| k.id.clone()),
        ipv4: format!("51.210.{}.{}", 10 + n, 20 + n * 3),
        used_gb,
    });
    id
}

/// Adds a Block Storage volume, attached to `instance_id` when given.
#[allow(clippy::too_many_arguments)]
fn add_volume(
    world: &mut World,
    p: &mut Project,
    name: &str,
    region: &str,
    size_gb: u64,
    volume_type: &str,
    instance_id: Option<&str>,
    now: DateTime<Utc>,
) -> String {
    let id = world.new_uuid();
    p.volumes.push(Volume {
        id: id.clone(),
        name: name.into(),
        region: region.into(),
        size_gb,
        volume_type: volume_type.into(),
        attached_to: instance_id.map(str::to_string).into_iter().collect(),
        bootable: false,
        created: now - Duration::days(150),
        ready_at: now - Duration::days(150),
        detached_at: None,
    });
    id
}

/// Adds a finished backup taken `days_ago`.
fn add_backup(
    world: &mut World,
    p: &mut Project,
    instance_id: &str,
    name: &str,
    at: DateTime<Utc>,
    workflow_id: Option<String>,
    fails: bool,
) -> String {
    let inst = p.instances.iter().find(|i| i.id == instance_id).cloned();
    let (region, used, flavor_id) = match &inst {
        Some(i) => (i.region.clone(), i.used_gb, i.flavor_id.clone()),
        None => ("GRA11".into(), 12.4, String::new()),
    };
    let flavor = p.flavor(&flavor_id).cloned();
    let id = world.new_uuid();
    p.snapshots.push(Snapshot {
        id: id.clone(),
        name: name.into(),
        region,
        instance_id: instance_id.into(),
        created: at,
        queued_secs: 1.0,
        duration_secs: 60.0,
        size_gb: used,
        min_disk: flavor.as_ref().map(|f| f.disk_gb).unwrap_or(50),
        fails,
        aborted: false,
        workflow_id,
        os_type: "linux".into(),
        user: "ubuntu".into(),
        flavor_type: flavor.map(|f| f.flavor_type),
        boots: true,
    });
    id
}

/// Adds a workflow with `history` past daily runs (the newest first in `failed_runs_ago`
/// numbering: 0 is the most recent run) and their backups, rotated.
#[allow(clippy::too_many_arguments)]
fn add_workflow(
    world: &mut World,
    p: &mut Project,
    name: &str,
    instance_id: &str,
    hour: u32,
    minute: u32,
    rotation: u32,
    history: u32,
    failed_runs_ago: &[u32],
    now: DateTime<Utc>,
) {
    let id = world.new_uuid();
    let region = p
        .instance(instance_id)
        .map(|i| i.region.clone())
        .unwrap_or_default();
    let cron = format!("{minute} {hour} * * *");
    let mut executions = Vec::new();
    let runs: Vec<DateTime<Utc>> = {
        let start = now - Duration::days(history as i64 + 1);
        ovh::cron::occurrences(&cron, start, now, history as usize + 2)
    };
    let runs = &runs[runs.len().saturating_sub(history as usize)..];
    for (k, at) in runs.iter().enumerate() {
        let ago = (runs.len() - 1 - k) as u32;
        let exec_id = world.new_uuid();
        if failed_runs_ago.contains(&ago) {
            executions.push(Execution {
                id: exec_id,
                executed_at: *at,
                snapshot_id: None,
                fixed: Some((
                    "ERROR",
                    "Snapshot creation failed: quota exceeded for snapshots in region".into(),
                )),
            });
            continue;
        }
        let snap_name = format!("{name} {}", at.format("%Y-%m-%dT%H:%M:%SZ"));
        let sid = add_backup(
            world,
            p,
            instance_id,
            &snap_name,
            *at,
            Some(id.clone()),
            false,
        );
        executions.push(Execution {
            id: exec_id,
            executed_at: *at,
            snapshot_id: Some(sid),
            fixed: Some(("SUCCESS", String::new())),
        });
    }
    // Apply rotation to the seeded history as OVH would have.
    let mut mine: Vec<(DateTime<Utc>, String)> = p
        .snapshots
        .iter()
        .filter(|s| s.workflow_id.as_deref() == Some(&id))
        .map(|s| (s.created, s.id.clone()))
        .collect();
    mine.sort();
    if mine.len() > rotation as usize {
        let drop: Vec<String> = mine[..mine.len() - rotation as usize]
            .iter()
            .map(|(_, s)| s.clone())
            .collect();
        p.snapshots.retain(|s| !drop.contains(&s.id));
    }
    p.workflows.push(Workflow {
        id,
        backup_name: name.into(),
        name: name.into(),
        region,
        instance_id: instance_id.into(),
        cron,
        rotation,
        max_execution_count: None,
        created: now - Duration::days(history as i64 + 2),
        executions,
        checked_until: now,
        next_run: None,
    });
}

/// The demo cloud: two projects, six regions, a dozen instances (one Metal, one IOPS), backups
/// (one of a deleted instance), and workflows with history including a failed run.
/// Gives every workflow, and those created later, a backup name of `prefix` + its name, and
/// renames the backups they made to match: a world where backups are not named after their
/// workflow (`BACKUP_DESK_DEMO_BACKUP_PREFIX`).
pub fn prefix_backup_names(world: &mut World, prefix: &str) {
    world.backup_name_prefix = prefix.to_string();
    for p in &mut world.projects {
        for w in &mut p.workflows {
            let old = std::mem::replace(&mut w.backup_name, format!("{prefix}{}", w.name));
            for s in p
                .snapshots
                .iter_mut()
                .filter(|s| s.workflow_id.as_deref() == Some(w.id.as_str()))
            {
                if let Some(rest) = s.name.strip_prefix(&old) {
                    s.name = format!("{}{rest}", w.backup_name);
                }
            }
        }
    }
}

/// Adds `n` old backups of the first project's instances, in turn (for benchmarks of long
/// lists: `BACKUP_DESK_DEMO_BACKUPS`).
pub fn add_many_backups(world: &mut World, n: usize, now: DateTime<Utc>) {
    let Some(mut p) = (!world.projects.is_empty()).then(|| world.projects.remove(0)) else {
        return;
    };
    // Named as the panel names backups ("<instance> <date>"), so each is matched to its instance.
    let ids: Vec<(String, String)> = p
        .instances
        .iter()
        .map(|i| (i.id.clone(), i.name.clone()))
        .collect();
    for k in 0..n {
        if let Some((iid, name)) = ids.get(k % ids.len().max(1)) {
            add_backup(
                world,
                &mut p,
                iid,
                &format!("{name} archive {k:05}"),
                now - Duration::hours(k as i64 + 48),
                None,
                false,
            );
        }
    }
    world.projects.insert(0, p);
}

pub fn demo(keys: &Keys, now: DateTime<Utc>) -> World {
    let mut w = World::new("ab12345-ovh");
    add_account(&mut w, keys, now);
    let regions = [
        "GRA11",
        "SBG5",
        "BHS5",
        "WAW1",
        "UK1",
        "DE1",
        "EU-WEST-PAR",
        "EU-SOUTH-LZ-MAD-A",
    ];

    let mut prod = empty_project(
        &mut w,
        "5f1c2a7e9b3d4e6f8a0b1c2d3e4f5a6b",
        "Acme Production",
        &regions,
        now,
    );
    let web1 = add_instance(
        &mut w,
        &mut prod,
        "web-frontend-1",
        "GRA11",
        "b2-7",
        "Ubuntu 22.04",
        14.2,
        now,
    );
    add_instance(
        &mut w,
        &mut prod,
        "web-frontend-2",
        "GRA11",
        "b2-7",
        "Ubuntu 22.04",
        13.8,
        now,
    );
    let db = add_instance(
        &mut w,
        &mut prod,
        "db-primary",
        "SBG5",
        "r2-15",
        "Debian 12",
        31.5,
        now,
    );
    add_instance(
        &mut w,
        &mut prod,
        "db-replica",
        "SBG5",
        "r2-15",
        "Debian 12",
        30.9,
        now,
    );
    let files = add_instance(
        &mut w,
        &mut prod,
        "file-server-nvme",
        "GRA11",
        "i1-45",
        "Debian 12",
        22.0,
        now,
    );
    add_instance(
        &mut w,
        &mut prod,
        "render-metal",
        "SBG5",
        "bm-s1",
        "Ubuntu 22.04",
        86.0,
        now,
    );
    let mail = add_instance(
        &mut w,
        &mut prod,
        "mail-gateway",
        "UK1",
        "d2-2",
        "Debian 12",
        6.3,
        now,
    );
    add_instance(
        &mut w,
        &mut prod,
        "api-gateway",
        "WAW1",
        "d2-4",
        "Ubuntu 22.04",
        9.7,
        now,
    );
    add_instance(
        &mut w,
        &mut prod,
        "crm-3az",
        "EU-WEST-PAR",
        "b2-7",
        "Debian 12",
        11.4,
        now,
    );
    add_instance(
        &mut w,
        &mut prod,
        "edge-madrid",
        "EU-SOUTH-LZ-MAD-A",
        "d2-2",
        "Debian 12",
        4.1,
        now,
    );
    add_workflow(
        &mut w,
        &mut prod,
        "nightly-web-frontend-1",
        &web1,
        23,
        35,
        7,
        9,
        &[],
        now,
    );
    add_workflow(
        &mut w,
        &mut prod,
        "daily-db-primary",
        &db,
        2,
        15,
        14,
        10,
        &[0],
        now,
    );
    let broken = add_backup(
        &mut w,
        &mut prod,
        &files,
        "file-server-nvme before upgrade",
        now - Duration::days(12),
        None,
        false,
    );
    // The backup whose rehearsal fails: an instance made from it never answers.
    if let Some(s) = prod.snapshots.iter_mut().find(|s| s.id == broken) {
        s.boots = false;
    }
    let release = add_backup(
        &mut w,
        &mut prod,
        &web1,
        "web-frontend-1 2025-release",
        now - Duration::days(40),
        None,
        false,
    );
    // An instance created from that backup: the backup can't be deleted while it runs.
    let preprod = add_instance(
        &mut w,
        &mut prod,
        "web-preprod",
        "GRA11",
        "b2-7",
        "Ubuntu 22.04",
        12.1,
        now,
    );
    if let Some(i) = prod.instances.iter_mut().find(|i| i.id == preprod) {
        i.image_id = release;
    }
    add_backup(
        &mut w,
        &mut prod,
        &mail,
        "mail-gateway weekly",
        now - Duration::days(3),
        None,
        false,
    );
    // A backup whose instance was deleted long ago: still billed.
    add_backup(
        &mut w,
        &mut prod,
        "0d3f6b1e-77aa-4c2e-9d10-5e8f3a9b2c41",
        "old-crm final backup",
        now - Duration::days(95),
        None,
        false,
    );

    let mut staging = empty_project(
        &mut w,
        "9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b",
        "Acme Staging",
        &["DE1", "BHS5", "WAW1"],
        now,
    );
    let sdb = add_instance(
        &mut w,
        &mut staging,
        "staging-db",
        "DE1",
        "b2-7",
        "Debian 12",
        11.2,
        now,
    );
    add_instance(
        &mut w,
        &mut staging,
        "staging-web",
        "DE1",
        "d2-2",
        "Ubuntu 22.04",
        5.1,
        now,
    );
    add_instance(
        &mut w,
        &mut staging,
        "ci-runner",
        "BHS5",
        "c2-7",
        "Ubuntu 22.04",
        18.4,
        now,
    );
    let win = add_instance(
        &mut w,
        &mut staging,
        "test-windows",
        "WAW1",
        "b2-15",
        "Windows Server 2022 Standard",
        38.0,
        now,
    );
    add_workflow(
        &mut w,
        &mut staging,
        "staging-db-nightly",
        &sdb,
        1,
        5,
        7,
        5,
        &[],
        now,
    );
    add_backup(
        &mut w,
        &mut staging,
        &win,
        "test-windows clean install",
        now - Duration::days(60),
        None,
        false,
    );

    // Additional disks: the database's data and its write-ahead log, and the file server's
    // share (issue 20); one volume left detached, which no backup set takes.
    add_volume(
        &mut w,
        &mut prod,
        "db-data",
        "SBG5",
        200,
        "high-speed",
        Some(&db),
        now,
    );
    add_volume(
        &mut w,
        &mut prod,
        "db-wal",
        "SBG5",
        50,
        "high-speed",
        Some(&db),
        now,
    );
    add_volume(
        &mut w,
        &mut prod,
        "shared-files",
        "GRA11",
        500,
        "classic",
        Some(&files),
        now,
    );
    add_volume(
        &mut w,
        &mut prod,
        "old-exports",
        "GRA11",
        100,
        "classic",
        None,
        now,
    );
    w.projects.push(prod);
    w.projects.push(staging);
    w
}

/// A large world for benchmarks, sized by `size`.
pub fn scale(keys: &Keys, size: &ScaleSize, now: DateTime<Utc>) -> World {
    let mut w = World::new("bench-ovh");
    add_account(&mut w, keys, now);
    let regions: Vec<&str> = REGIONS
        .iter()
        .take(size.regions.clamp(1, REGIONS.len()))
        .map(|r| r.0)
        .collect();
    let mut instance_ids: Vec<(usize, String)> = Vec::new();
    let mut projects = Vec::new();
    for pi in 0..size.projects.max(1) {
        let id = format!("{:032x}", 0xbe_0000_0000_u64 + pi as u64);
        projects.push(empty_project(
            &mut w,
            &id,
            &format!("Bench project {}", pi + 1),
            &regions,
            now,
        ));
    }
    for n in 0..size.instances {
        let pi = n % projects.len();
        let region = regions[n % regions.len()];
        let id = add_instance(
            &mut w,
            &mut projects[pi],
            &format!("bench-{n:04}"),
            region,
            "b2-7",
            "Debian 12",
            8.0 + (n % 30) as f64,
            now,
        );
        instance_ids.push((pi, id));
    }
    for n in 0..size.backups {
        if instance_ids.is_empty() {
            break;
        }
        let (pi, iid) = instance_ids[n % instance_ids.len()].clone();
        add_backup(
            &mut w,
            &mut projects[pi],
            &iid,
            &format!("bench backup {n:05}"),
            now - Duration::hours(n as i64 + 1),
            None,
            false,
        );
    }
    for (n, (pi, iid)) in instance_ids.iter().take(size.workflows).enumerate() {
        add_workflow(
            &mut w,
            &mut projects[*pi],
            &format!("bench-wf-{n:03}"),
            iid,
            (n % 24) as u32,
            5 * (n % 12) as u32,
            7,
            3,
            &[],
            now,
        );
    }
    w.projects = projects;
    w
}
