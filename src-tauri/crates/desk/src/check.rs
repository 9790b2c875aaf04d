//! "Check my account": a read-only tour of every route the app reads, for each project and
//! region, decoding every answer with the app's own types, and a report in plain words of what
//! worked and what could not be read. The report names route templates, field paths, HTTP
//! statuses and OVH's error classes only — never a value, an id, a name or a key — so a user can
//! send it to us as it is.
use std::collections::BTreeMap;
use ts_rs::TS;

use chrono::Utc;
use serde::Serialize;

use ovh::unreadable::{template, Unreadable};
use ovh::{Client, Listed};

/// What happened on one route template, over every call the tour made to it.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RouteResult {
    /// `GET /cloud/project/{projectId}/snapshot`
    pub route: String,
    pub calls: u32,
    pub answered: u32,
    /// Records read, for list routes.
    pub records: u64,
    /// `HTTP 403 Client::Forbidden` and how many times.
    pub refusals: BTreeMap<String, u32>,
    /// Calls that got no answer (network, timeout) or an answer that is not the expected shape.
    pub failures: BTreeMap<String, u32>,
    /// Records skipped: field, problem, how many.
    pub unreadable: Vec<(String, String, u64)>,
}

impl RouteResult {
    pub fn ok(&self) -> bool {
        self.refusals.is_empty() && self.failures.is_empty() && self.unreadable.is_empty()
    }
}

/// The whole tour.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "CheckReport")]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub routes: Vec<RouteResult>,
    /// The report as text, for "Copy report" and "Save report".
    pub text: String,
    pub problems: usize,
}

#[derive(Default)]
struct Tour {
    routes: BTreeMap<String, RouteResult>,
}

impl Tour {
    fn note<T>(&mut self, path: &str, result: &ovh::Result<T>, records: Option<usize>) {
        let route = format!("GET {}", template(path));
        let r = self.routes.entry(route.clone()).or_default();
        r.route = route;
        r.calls += 1;
        match result {
            Ok(_) => {
                r.answered += 1;
                r.records += records.unwrap_or(0) as u64;
            }
            Err(e) => {
                let (key, refusal) = describe(e);
                let map = if refusal {
                    &mut r.refusals
                } else {
                    &mut r.failures
                };
                *map.entry(key).or_default() += 1;
            }
        }
    }
}

/// An error in words that hold no value: status and OVH's class or code, or the kind of failure.
fn describe(e: &ovh::Error) -> (String, bool) {
    match e {
        ovh::Error::Api {
            status,
            class,
            error_code,
            ..
        } => {
            let what = error_code
                .clone()
                .or_else(|| class.clone())
                .filter(|w| {
                    w.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':'))
                })
                .unwrap_or_default();
            (format!("HTTP {status} {what}").trim().to_string(), true)
        }
        ovh::Error::Decode { .. } => ("the answer is not in the expected shape".into(), false),
        _ => ("no answer (network or timeout)".into(), false),
    }
}

/// Reads every route the app reads, once per project and region, and reports.
pub async fn run(client: &Client) -> Report {
    let mut tour = Tour::default();

    let r = client.server_time().await;
    tour.note("/auth/time", &r, None);
    let r = client.auth_details().await;
    tour.note("/auth/details", &r, None);
    if !client.is_service_account() {
        let r = client.current_credential().await;
        tour.note("/auth/currentCredential", &r, None);
    }
    let me = client.me().await;
    tour.note("/me", &me, None);
    let subsidiary = me
        .ok()
        .and_then(|m| m.ovh_subsidiary)
        .unwrap_or_else(|| "FR".into());
    let r = client.public_cloud_catalog(&subsidiary).await;
    let addons = r.as_ref().map(|c| c.addons.len()).ok();
    tour.note("/order/catalog/public/cloud", &r, addons);

    let projects = client.projects().await;
    let ids: Vec<String> = match &projects {
        Ok(Listed::Objects(list)) => list.iter().map(|p| p.project_id.clone()).collect(),
        Ok(Listed::Ids(ids)) => ids.clone(),
        Err(_) => Vec::new(),
    };
    tour.note("/cloud/project", &projects, Some(ids.len()));
    for p in &ids {
        let base = format!("/cloud/project/{p}");
        let r = client.project(p).await;
        tour.note(&base, &r, None);
        let regions = client.regions(p).await;
        let n = regions.as_ref().map(Vec::len).ok();
        tour.note(&format!("{base}/region"), &regions, n);
        let r = client.instances(p, None).await;
        let n = r.as_ref().map(Vec::len).ok();
        tour.note(&format!("{base}/instance"), &r, n);
        let r = client.flavors(p, None).await;
        let n = r.as_ref().map(Vec::len).ok();
        tour.note(&format!("{base}/flavor"), &r, n);
        let r = client.snapshots(p, None).await;
        let n = r.as_ref().map(Vec::len).ok();
        tour.note(&format!("{base}/snapshot"), &r, n);
        let r = client.ssh_keys(p).await;
        let n = r.as_ref().map(Vec::len).ok();
        tour.note(&format!("{base}/sshkey"), &r, n);
        let r = client.snapshot_availability(p, &subsidiary).await;
        let n = r.as_ref().map(|a| a.plans.len()).ok();
        tour.note(&format!("{base}/capabilities/productAvailability"), &r, n);
        for region in regions.unwrap_or_default() {
            if region.has_service_up("workflow") {
                let r = client.workflows(p, &region.name).await;
                let n = r.as_ref().map(Vec::len).ok();
                tour.note(
                    &format!("{base}/region/{}/workflow/backup", region.name),
                    &r,
                    n,
                );
            }
        }
    }

    // Every list the tour read replaced its own counts: these are the records unreadable now.
    for (u, n) in client.unreadable() {
        add_unreadable(&mut tour, &u, n);
    }
    let routes: Vec<RouteResult> = tour.routes.into_values().collect();
    let problems = routes.iter().filter(|r| !r.ok()).count();
    let text = render(&routes, client.endpoint().name());
    Report {
        routes,
        text,
        problems,
    }
}

fn add_unreadable(tour: &mut Tour, u: &Unreadable, n: u64) {
    let r = tour.routes.entry(u.route.clone()).or_default();
    r.route = u.route.clone();
    let field = if u.field.is_empty() || u.field == "." {
        "the record".to_string()
    } else {
        format!("field {}", u.field)
    };
    r.unreadable.push((field, u.problem.clone(), n));
}

fn render(routes: &[RouteResult], endpoint: &str) -> String {
    let mut out = format!(
        "Backup Desk {} — account check, {} UTC, endpoint {endpoint}\n\
         Every route below was read with GET only. This report holds route templates, field \
         names and error codes: no value, id, name or key.\n\n",
        env!("CARGO_PKG_VERSION"),
        Utc::now().format("%Y-%m-%d %H:%M"),
    );
    for r in routes {
        let mark = if r.ok() { "OK  " } else { "NOTE" };
        out.push_str(&format!(
            "{mark} {} — {} call(s), {} answered",
            r.route, r.calls, r.answered
        ));
        if r.records > 0 {
            out.push_str(&format!(", {} record(s) read", r.records));
        }
        out.push('\n');
        for (what, n) in &r.refusals {
            out.push_str(&format!("     refused {n} time(s): {what}\n"));
        }
        for (what, n) in &r.failures {
            out.push_str(&format!("     failed {n} time(s): {what}\n"));
        }
        for (field, problem, n) in &r.unreadable {
            out.push_str(&format!(
                "     {n} record(s) could not be read and were skipped: {field} {problem}\n"
            ));
        }
    }
    out
}

/// Writes a report as `backup-desk-check-<date>.txt` in `dir`; returns where.
pub fn save(dir: &std::path::Path, text: &str) -> std::io::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!(
        "backup-desk-check-{}.txt",
        Utc::now().format("%Y%m%d-%H%M%S")
    ));
    std::fs::write(&path, text)?;
    Ok(path)
}
