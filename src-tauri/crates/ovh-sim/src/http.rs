//! The HTTP face of the simulator: `/1.0/...` (and its `/v1` alias) as OVH serves it, the
//! credential validation page, and (with the `controls` feature) the `/_sim/...` control API.
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::auth::{self, AuthError, Principal};
use crate::faults::{DropWhen, Fault};
use crate::render;
use crate::world::{Busy, Refusal, World};
use crate::Sim;

/// Every route of the simulator.
pub fn router(sim: Arc<Sim>) -> Router {
    let router = Router::new()
        .route("/1.0/{*rest}", any(api))
        .route("/v1/{*rest}", any(api))
        .route("/auth/", get(validation_page))
        .route("/auth/validate", post(validate_credential))
        .route("/auth/oauth2/token", post(oauth2_token));
    #[cfg(feature = "controls")]
    let router = router.merge(crate::control::routes());
    router
        .fallback(|| async { ovh_error(404, "Client::NotFound", "Got an invalid (or empty) URL") })
        .with_state(sim)
}

/// An OVH application error body: `{class, message}`.
fn ovh_error(status: u16, class: &str, message: &str) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (code, Json(json!({"class": class, "message": message}))).into_response()
}

fn auth_error(e: &AuthError) -> Response {
    let code = StatusCode::from_u16(e.status).unwrap_or(StatusCode::FORBIDDEN);
    let http_code = format!("{} {}", e.status, code.canonical_reason().unwrap_or(""));
    let body = if e.error_code.is_empty() {
        json!({"class": e.class(), "message": e.message})
    } else {
        json!({"class": e.class(), "errorCode": e.error_code, "httpCode": http_code, "message": e.message})
    };
    (code, Json(body)).into_response()
}

fn refusal(r: Refusal) -> Response {
    ovh_error(r.status, r.class, &r.message)
}

/// A response that starts like a success, then breaks the connection: the client gets no usable
/// answer (what a reset or a proxy timeout looks like).
fn broken_connection() -> Response {
    let stream = futures_stream_error();
    Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(Body::from_stream(stream))
        .expect("static response")
}

fn futures_stream_error() -> impl futures_core::Stream<Item = Result<Bytes, std::io::Error>> + Send
{
    struct Failing(bool);
    impl futures_core::Stream for Failing {
        type Item = Result<Bytes, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            if self.0 {
                return std::task::Poll::Ready(None);
            }
            self.0 = true;
            std::task::Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "injected",
            ))))
        }
    }
    Failing(false)
}

/// Splits `/1.0/cloud/project?x` into the API path `/cloud/project`.
fn api_path(path: &str) -> &str {
    path.strip_prefix("/1.0")
        .or_else(|| path.strip_prefix("/v1"))
        .unwrap_or(path)
}

async fn api(
    State(sim): State<Arc<Sim>>,
    method: Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    sim.requests.fetch_add(1, Ordering::Relaxed);
    let path = api_path(uri.path()).to_string();
    sim.count_route(&method, &path);
    let started = std::time::Instant::now();
    let fault = sim.take_fault(&method, &path);
    if let Some(f) = &fault {
        if f.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(f.latency_ms)).await;
        }
    }
    let mut response = match fault.as_ref().and_then(Fault::early_response) {
        Some(early) => early,
        None => handle(&sim, &method, &uri, &headers, &path, &body),
    };
    if matches!(fault.as_ref().and_then(|f| f.drop), Some(DropWhen::After)) {
        response = broken_connection();
    }
    let qid = format!(
        "EU.ext-sim.{:08x}.{}",
        std::process::id(),
        sim.requests.load(Ordering::Relaxed)
    );
    if let Ok(v) = HeaderValue::from_str(&qid) {
        response.headers_mut().insert("x-ovh-queryid", v);
    }
    response.headers_mut().insert(
        "cache-control",
        HeaderValue::from_static("no-cache, no-store"),
    );
    if let Some(log) = sim.log.lock().expect("log lock").as_mut() {
        log.push(crate::Logged {
            route: format!("{method} {}", crate::route_template(&path)),
            start: started,
            end: std::time::Instant::now(),
        });
    }
    response
}

impl Fault {
    /// The response that replaces the real one, if this fault short-circuits the call.
    fn early_response(&self) -> Option<Response> {
        if matches!(self.drop, Some(DropWhen::Before)) {
            return Some(broken_connection());
        }
        let status = self.status?;
        let class = if status == 429 {
            "Client::TooManyRequests"
        } else if status >= 500 {
            "Server::InternalServerError"
        } else {
            "Client::BadRequest"
        };
        let mut r = if self.html {
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            (code, Html(format!("<html><head><title>{status}</title></head><body><h1>{status} Service Unavailable</h1></body></html>"))).into_response()
        } else {
            ovh_error(status, class, "Injected fault")
        };
        if let Some(secs) = self.retry_after {
            r.headers_mut()
                .insert("retry-after", HeaderValue::from(secs));
        }
        Some(r)
    }
}

fn handle(
    sim: &Sim,
    method: &Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    path: &str,
    body: &[u8],
) -> Response {
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let now = sim.clocks.world_now();
    let mut world = sim.world.lock().expect("world lock");
    world.advance(now);

    // Routes that need no signature.
    match (method.as_str(), segs.as_slice()) {
        ("GET", ["auth", "time"]) => return Json(sim.clocks.auth_now()).into_response(),
        ("GET", ["order", "catalog", "public", "cloud"]) => {
            let subsidiary = uri.query().and_then(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "ovhSubsidiary")
                    .map(|(_, v)| v.into_owned())
            });
            return match subsidiary.as_deref().map(crate::prices::catalog) {
                Some(Some(c)) => Json(render::catalog(c)).into_response(),
                Some(None) => refusal(Refusal::bad_request("Invalid value for ovhSubsidiary")),
                None => refusal(Refusal::bad_request("Missing parameter(s): ovhSubsidiary")),
            };
        }
        ("POST", ["auth", "credential"]) => {
            return match auth::check_application(&world, headers) {
                Ok(ak) => request_credential(&mut world, &ak, body, headers, now),
                Err(e) => auth_error(&e),
            };
        }
        _ => {}
    }

    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let url = format!(
        "http://{host}{}",
        uri.path_and_query()
            .map(|pq| pq.as_str())
            .unwrap_or(uri.path())
    );
    let principal = match auth::verify(
        &mut world,
        headers,
        method,
        &url,
        path,
        body,
        sim.clocks.auth_now(),
        now,
    ) {
        Ok(p) => p,
        Err(e) => return auth_error(&e),
    };
    let query: Vec<(String, String)> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let param = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };

    if let Some(pages) = headers
        .get("x-pagination-mode")
        .filter(|_| !world.ignores_bulk_mode)
    {
        if let Some(objects) = bulk_objects(&world, method, &segs) {
            let objects = objects.map(|o| {
                let mut list = Value::Array(o);
                if world.messy {
                    crate::messy::reshape(&segs, &mut list);
                }
                match list {
                    Value::Array(o) => o,
                    _ => Vec::new(),
                }
            });
            return match objects.and_then(|o| paged(o, pages, headers)) {
                Ok(r) => r,
                Err(r) => refusal(r),
            };
        }
    }
    let result: Result<Value, Refusal> = (|| match (method.as_str(), segs.as_slice()) {
        ("GET", ["auth", "currentCredential"]) => match &principal {
            Principal::ConsumerKey(ck) => Ok(render::credential(&world.credentials[ck])),
            // INFERRED: a bearer token is not an API credential.
            Principal::ServiceAccount(_) => Err(Refusal {
                status: 403,
                class: "Client::Forbidden",
                message: "This call is only available with an API credential".into(),
            }),
        },
        ("GET", ["auth", "details"]) => Ok(match &principal {
            Principal::ConsumerKey(_) => json!({
                "account": world.account, "allowedRoutes": null, "description": null,
                "identities": [format!("urn:v1:eu:identity:account:{}", world.account)],
                "method": "account", "roles": null, "user": null,
            }),
            Principal::ServiceAccount(id) => json!({
                "account": world.account, "allowedRoutes": null, "description": null,
                "identities": [format!("urn:v1:eu:identity:credential:{}/oauth2-{id}", world.account)],
                "method": "oauth2_client_credentials", "roles": null, "user": null,
            }),
        }),
        ("GET", ["cloud", "project"]) => Ok(json!(world
            .projects
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>())),
        ("GET", ["cloud", "project", p]) => Ok(render::project(world.project(p)?)),
        ("GET", ["cloud", "project", p, "region"]) => Ok(json!(world
            .project(p)?
            .regions
            .iter()
            .map(|r| r.name.clone())
            .collect::<Vec<_>>())),
        ("GET", ["cloud", "project", p, "region", r]) => {
            let project = world.project(p)?;
            project
                .region(r)
                .map(render::region)
                .ok_or_else(|| Refusal::not_found(format!("Region {r} not found")))
        }
        ("GET", ["cloud", "project", p, "instance"]) => {
            let project = world.project(p)?;
            Ok(json!(project
                .instances
                .iter()
                .filter(|i| param("region").is_none_or(|r| i.region == r))
                .map(|i| render::instance(project, i, now))
                .collect::<Vec<_>>()))
        }
        ("GET", ["cloud", "project", p, "instance", i]) => {
            let project = world.project(p)?;
            let inst = project
                .instance(i)
                .ok_or_else(|| Refusal::not_found(format!("Instance {i} not found")))?;
            Ok(render::instance_detail(project, inst, now))
        }
        ("GET", ["cloud", "project", p, "flavor"]) => {
            let project = world.project(p)?;
            Ok(json!(project
                .flavors
                .iter()
                .filter(|f| param("region").is_none_or(|r| f.region == r))
                .map(render::flavor)
                .collect::<Vec<_>>()))
        }
        ("GET", ["cloud", "project", p, "flavor", f]) => {
            let project = world.project(p)?;
            project
                .flavor(f)
                .map(render::flavor)
                .ok_or_else(|| Refusal::not_found(format!("Flavor {f} not found")))
        }
        ("GET", ["cloud", "project", p, "image"]) => {
            let project = world.project(p)?;
            Ok(json!(project
                .images
                .iter()
                .filter(|i| param("region").is_none_or(|r| i.region == r))
                .map(render::public_image)
                .collect::<Vec<_>>()))
        }
        ("GET", ["cloud", "project", p, "image", id]) => {
            let project = world.project(p)?;
            project
                .images
                .iter()
                .find(|i| i.id == *id)
                .map(render::public_image)
                .ok_or_else(|| Refusal::not_found(format!("Image {id} not found")))
        }
        ("GET", ["cloud", "project", p, "sshkey"]) => Ok(json!(world
            .project(p)?
            .ssh_keys
            .iter()
            .map(render::ssh_key)
            .collect::<Vec<_>>())),
        ("GET", ["cloud", "project", p, "snapshot"]) => {
            let project = world.project(p)?;
            Ok(json!(project
                .snapshots
                .iter()
                .filter(|s| param("region").is_none_or(|r| s.region == r))
                .map(|s| render::snapshot(s, now))
                .collect::<Vec<_>>()))
        }
        ("GET", ["cloud", "project", p, "snapshot", id]) => {
            let project = world.project(p)?;
            project
                .snapshots
                .iter()
                .find(|s| s.id == *id)
                .map(|s| render::snapshot(s, now))
                .ok_or_else(|| Refusal::not_found(format!("Snapshot {id} not found")))
        }
        ("DELETE", ["cloud", "project", p, "snapshot", id]) => {
            let pi = world.project_index(p)?;
            let removed = world.delete_snapshot(pi, id, now)?;
            let mut v = render::snapshot(&removed, now);
            v["status"] = json!("deleting");
            Ok(v)
        }
        ("POST", ["cloud", "project", p, "instance", i, "snapshot"]) => {
            let body = json_body(body)?;
            let name = required_str(&body, "snapshotName")?;
            if name.trim().is_empty() || name.chars().count() > 255 {
                return Err(Refusal::bad_request(
                    "Invalid snapshotName: must be 1 to 255 characters",
                ));
            }
            let pi = world.project_index(p)?;
            let id = world.start_snapshot(pi, i, name, now, None)?;
            Ok(json!({"snapshotId": id}))
        }
        ("POST", ["cloud", "project", p, "region", r, "instance", i, "abortSnapshot"]) => {
            let pi = world.project_index(p)?;
            Ok(render::operation(
                &world.abort_snapshot(pi, r, i, now)?,
                now,
            ))
        }
        ("GET", ["cloud", "project", p, "region", r, "workflow", "backup"]) => {
            let project = world.project(p)?;
            workflow_region(project, r)?;
            Ok(json!(project
                .workflows
                .iter()
                .filter(|w| w.region == *r)
                .map(|w| render::workflow(project, w, now))
                .collect::<Vec<_>>()))
        }
        ("GET", ["cloud", "project", p, "region", r, "workflow", "backup", id]) => {
            let project = world.project(p)?;
            project
                .workflows
                .iter()
                .find(|w| w.id == *id && w.region == *r)
                .map(|w| render::workflow(project, w, now))
                .ok_or_else(|| Refusal::not_found(format!("Workflow {id} not found")))
        }
        ("POST", ["cloud", "project", p, "region", r, "workflow", "backup"]) => {
            let body = json_body(body)?;
            create_workflow(&mut world, p, r, &body, now)
        }
        ("DELETE", ["cloud", "project", p, "region", r, "workflow", "backup", id]) => {
            let project = world.project_mut(p)?;
            let before = project.workflows.len();
            project
                .workflows
                .retain(|w| !(w.id == *id && w.region == *r));
            if project.workflows.len() == before {
                return Err(Refusal::not_found(format!("Workflow {id} not found")));
            }
            Ok(Value::Null)
        }
        ("POST", ["cloud", "project", p, "instance", i, "reinstall"]) => {
            let body = json_body(body)?;
            let image_id = required_str(&body, "imageId")?.to_string();
            reinstall(&mut world, p, i, &image_id, now)
        }
        ("POST", ["cloud", "project", p, "instance"]) => {
            let body = json_body(body)?;
            create_instance(&mut world, p, &body, now)
        }
        ("POST", ["cloud", "project", p, "instance", i, "rescueMode"]) => {
            let body = json_body(body)?;
            let rescue = body
                .get("rescue")
                .and_then(Value::as_bool)
                .ok_or_else(|| Refusal::bad_request("Missing parameter(s): rescue"))?;
            let project = world.project_mut(p)?;
            let inst = project
                .instances
                .iter_mut()
                .find(|x| x.id == *i)
                .ok_or_else(|| Refusal::not_found(format!("Instance {i} not found")))?;
            inst.base_status = if rescue { "RESCUE" } else { "ACTIVE" };
            let password = if rescue && body.get("imageId").is_none_or(Value::is_null) {
                json!("RescuePass-Sim-0001")
            } else {
                Value::Null
            };
            Ok(json!({"adminPassword": password}))
        }
        ("GET", ["cloud", "project", p, "operation", id]) => {
            let project = world.project(p)?;
            project
                .operations
                .iter()
                .find(|o| o.id == *id)
                .map(|o| render::operation(o, now))
                .ok_or_else(|| Refusal::not_found(format!("Operation {id} not found")))
        }
        ("GET", ["me"]) => Ok(render::me(&world)),
        ("GET", ["cloud", "project", p, "capabilities", "productAvailability"]) => {
            if param("ovhSubsidiary").is_none() {
                return Err(Refusal::bad_request("Missing parameter(s): ovhSubsidiary"));
            }
            Ok(render::availability(world.project(p)?))
        }
        _ => Err(Refusal::not_found("Got an invalid (or empty) URL")),
    })();
    match result {
        Ok(mut v) => {
            if world.messy && method == Method::GET {
                crate::messy::reshape(&segs, &mut v);
            }
            Json(v).into_response()
        }
        Err(r) => refusal(r),
    }
}

/// The routes that answer full objects instead of ids when asked with
/// `X-Pagination-Mode: CachedObjectList-Pages`, as the control panel reads them: `/cloud/project`
/// (ovh/manager `packages/manager/apps/pci-project/src/data/api/projects.ts`, `getProjects`) and
/// a project's regions (`packages/manager/modules/manager-pci-common/src/api/data/regions.ts`,
/// `apps/pci-workflow/src/api/data/regions.ts`, both through `fetchIcebergV6` in
/// `packages/manager/core/api/src/iceberg.ts`). Other routes ignore the header (those the app
/// reads already answer objects). `None`: not a bulk route.
fn bulk_objects(
    world: &World,
    method: &Method,
    segs: &[&str],
) -> Option<Result<Vec<Value>, Refusal>> {
    if method != Method::GET {
        return None;
    }
    match segs {
        ["cloud", "project"] => Some(Ok(world.projects.iter().map(render::project).collect())),
        ["cloud", "project", p, "region"] => Some(
            world
                .project(p)
                .map(|project| project.regions.iter().map(render::region).collect()),
        ),
        _ => None,
    }
}

/// The largest page the simulator serves. OVH documents no limit; the control panel asks for
/// 5,000 by default and 50,000 at most (`iceberg.ts`, and a few apps' own calls), so a client
/// that stays within it works on both.
const MAX_PAGE: usize = 50_000;

/// One page of `objects` in the mode the request names. Pages are numbered from 1
/// (`X-Pagination-Number`, 1 when absent) and sized by `X-Pagination-Size` (5,000 when absent,
/// the control panel's default); the answer carries `X-Pagination-Elements` (the total, which
/// `fetchIcebergV6` reads) and echoes the page's number and size. Only the `Pages` mode is
/// served: the cursor mode's answer headers on v1 are not documented.
fn paged(
    objects: Vec<Value>,
    mode: &HeaderValue,
    headers: &HeaderMap,
) -> Result<Response, Refusal> {
    if mode.as_bytes() != b"CachedObjectList-Pages" {
        return Err(Refusal::bad_request(format!(
            "Invalid value for header X-Pagination-Mode: {}",
            String::from_utf8_lossy(mode.as_bytes())
        )));
    }
    let number = |name: &str, default: usize| -> Result<usize, Refusal> {
        match headers.get(name) {
            None => Ok(default),
            Some(v) => v
                .to_str()
                .ok()
                .and_then(|s| s.trim().parse::<usize>().ok())
                .filter(|n| *n >= 1)
                .ok_or_else(|| Refusal::bad_request(format!("Invalid value for header {name}"))),
        }
    };
    let size = number("x-pagination-size", 5000)?;
    if size > MAX_PAGE {
        return Err(Refusal::bad_request(format!(
            "Invalid value for header X-Pagination-Size: at most {MAX_PAGE}"
        )));
    }
    let page = number("x-pagination-number", 1)?;
    let total = objects.len();
    let items: Vec<Value> = objects
        .into_iter()
        .skip((page - 1).saturating_mul(size))
        .take(size)
        .collect();
    let mut r = Json(items).into_response();
    let h = r.headers_mut();
    h.insert("x-pagination-elements", HeaderValue::from(total));
    h.insert("x-pagination-size", HeaderValue::from(size));
    h.insert("x-pagination-number", HeaderValue::from(page));
    h.insert(
        "x-pagination-mode",
        HeaderValue::from_static("CachedObjectList-Pages"),
    );
    Ok(r)
}

fn json_body(body: &[u8]) -> Result<Value, Refusal> {
    let v: Value =
        serde_json::from_slice(body).map_err(|_| Refusal::bad_request("Invalid JSON received"))?;
    if v.is_object() {
        Ok(v)
    } else {
        Err(Refusal::bad_request(
            "Invalid JSON received: an object is expected",
        ))
    }
}

fn required_str<'a>(body: &'a Value, key: &str) -> Result<&'a str, Refusal> {
    body.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| Refusal::bad_request(format!("Missing parameter(s): {key}")))
}

fn workflow_region<'a>(
    project: &'a crate::world::Project,
    r: &str,
) -> Result<&'a crate::world::RegionInfo, Refusal> {
    let region = project
        .region(r)
        .ok_or_else(|| Refusal::not_found(format!("Region {r} not found")))?;
    if !region.services.iter().any(|(n, up)| n == "workflow" && *up) {
        return Err(Refusal::bad_request(format!(
            "Workflow service is not available in region {r}"
        )));
    }
    Ok(region)
}

fn create_workflow(
    world: &mut World,
    p: &str,
    r: &str,
    body: &Value,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Value, Refusal> {
    let cron = required_str(body, "cron")?.to_string();
    let instance_id = required_str(body, "instanceId")?.to_string();
    let name = required_str(body, "name")?.to_string();
    let rotation = body
        .get("rotation")
        .and_then(Value::as_u64)
        .ok_or_else(|| Refusal::bad_request("Missing parameter(s): rotation"))?;
    let max = match body.get("maxExecutionCount") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .ok_or_else(|| Refusal::bad_request("Invalid maxExecutionCount"))?
                as u32,
        ),
    };
    // NOTE: the name rule is the control panel's; whether the API enforces it is unconfirmed, so
    // the simulator is strict and the app validates before sending.
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        return Err(Refusal::bad_request(
            "Invalid name: only letters, digits, '_', '.' and '-' are allowed",
        ));
    }
    if rotation == 0 {
        return Err(Refusal::bad_request("Invalid rotation: must be at least 1"));
    }
    ovh::cron::parse(&cron).map_err(|e| Refusal::bad_request(format!("Invalid cron: {e}")))?;
    let id = world.new_uuid();
    let backup_name = format!("{}{name}", world.backup_name_prefix);
    let project = world.project_mut(p)?;
    workflow_region(project, r)?;
    let inst = project
        .instances
        .iter()
        .find(|i| i.id == instance_id)
        .ok_or_else(|| Refusal::not_found(format!("Instance {instance_id} not found")))?;
    if inst.region != r {
        return Err(Refusal::bad_request(format!(
            "Instance {instance_id} is not in region {r}"
        )));
    }
    if project
        .flavor(&inst.flavor_id)
        .is_some_and(|f| f.flavor_type.contains("baremetal"))
    {
        return Err(Refusal::bad_request(
            "Automated backups are not available for Metal instances",
        ));
    }
    project.workflows.push(crate::world::Workflow {
        id: id.clone(),
        backup_name,
        name,
        region: r.into(),
        instance_id,
        cron,
        rotation: rotation as u32,
        max_execution_count: max,
        created: now,
        executions: Vec::new(),
        checked_until: now,
        next_run: None,
    });
    let wf = project.workflows.last().expect("just pushed");
    Ok(render::workflow(project, wf, now))
}

fn reinstall(
    world: &mut World,
    p: &str,
    i: &str,
    image_id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Value, Refusal> {
    let (rebuild, start) = (world.pace.rebuild_secs, world.pace.rebuild_start_secs);
    let op_id = world.new_uuid();
    let project = world.project_mut(p)?;
    let usable = project.images.iter().any(|x| x.id == image_id)
        || project
            .snapshots
            .iter()
            .any(|s| s.id == image_id && s.status(now) == "active");
    if !usable {
        return Err(Refusal::not_found(format!(
            "Image {image_id} not found or not active"
        )));
    }
    let status = {
        let inst = project
            .instance(i)
            .ok_or_else(|| Refusal::not_found(format!("Instance {i} not found")))?;
        project.instance_status(inst, now)
    };
    if !matches!(status, "ACTIVE" | "SHUTOFF") {
        return Err(Refusal::conflict(format!(
            "Cannot 'rebuild' instance {i} while it is in status {status}"
        )));
    }
    let inst = project
        .instances
        .iter_mut()
        .find(|x| x.id == i)
        .expect("checked above");
    inst.image_id = image_id.to_string();
    let from = now + chrono::Duration::milliseconds((start * 1000.0) as i64);
    let until = from + chrono::Duration::milliseconds((rebuild * 1000.0) as i64);
    inst.busy = Some(Busy {
        from,
        status: "REBUILD",
        until,
        then: "ACTIVE",
    });
    let region = inst.region.clone();
    project.operations.push(crate::world::Operation {
        id: op_id,
        action: "instance#reinstall".into(),
        region,
        resource_id: Some(i.to_string()),
        created: now,
        completed: until,
    });
    let inst = project.instance(i).expect("checked above");
    Ok(render::instance_detail(project, inst, now))
}

fn create_instance(
    world: &mut World,
    p: &str,
    body: &Value,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Value, Refusal> {
    let flavor_id = required_str(body, "flavorId")?.to_string();
    let name = required_str(body, "name")?.to_string();
    let region = required_str(body, "region")?.to_string();
    let image_id = body
        .get("imageId")
        .and_then(Value::as_str)
        .map(str::to_string);
    let id = world.new_uuid();
    let rebuild = world.pace.rebuild_secs;
    let project = world.project_mut(p)?;
    project.region(&region).ok_or_else(|| {
        Refusal::bad_request(format!("Region {region} is not enabled for this project"))
    })?;
    let flavor = project
        .flavor(&flavor_id)
        .ok_or_else(|| Refusal::not_found(format!("Flavor {flavor_id} not found")))?;
    if flavor.region != region {
        return Err(Refusal::bad_request(format!(
            "Flavor {flavor_id} is not available in region {region}"
        )));
    }
    let image_id = image_id.ok_or_else(|| Refusal::bad_request("Missing parameter(s): imageId"))?;
    let used_gb = if let Some(s) = project.snapshots.iter().find(|s| s.id == image_id) {
        if s.status(now) != "active" {
            return Err(Refusal::bad_request(format!(
                "Image {image_id} is not active"
            )));
        }
        if s.region != region {
            return Err(Refusal::bad_request(format!(
                "Image {image_id} is in region {}, not {region}",
                s.region
            )));
        }
        s.size_gb
    } else if project
        .images
        .iter()
        .any(|x| x.id == image_id && x.region == region)
    {
        3.0
    } else {
        return Err(Refusal::not_found(format!(
            "Image {image_id} not found in region {region}"
        )));
    };
    let n = project.instances.len();
    project.instances.push(crate::world::Instance {
        id: id.clone(),
        name,
        region,
        flavor_id,
        image_id,
        created: now,
        base_status: "BUILD",
        busy: Some(Busy {
            from: now,
            status: "BUILD",
            until: now + chrono::Duration::milliseconds((rebuild * 1000.0) as i64),
            then: "ACTIVE",
        }),
        ssh_key_id: body
            .get("sshKeyId")
            .and_then(Value::as_str)
            .map(str::to_string),
        ipv4: format!("51.210.200.{}", 10 + n),
        used_gb,
    });
    let inst = project.instance(&id).expect("just pushed");
    Ok(render::instance_detail(project, inst, now))
}

fn request_credential(
    world: &mut World,
    ak: &str,
    body: &[u8],
    headers: &HeaderMap,
    now: chrono::DateTime<chrono::Utc>,
) -> Response {
    let parsed = json_body(body).and_then(|b| {
        let rules = b
            .get("accessRules")
            .and_then(Value::as_array)
            .ok_or_else(|| Refusal::bad_request("Missing parameter(s): accessRules"))?;
        let mut out = Vec::new();
        for r in rules {
            let m = r.get("method").and_then(Value::as_str).unwrap_or_default();
            let p = r.get("path").and_then(Value::as_str).unwrap_or_default();
            if !matches!(m, "GET" | "POST" | "PUT" | "DELETE") || !p.starts_with('/') {
                return Err(Refusal::bad_request(format!(
                    "Invalid access rule: {m} {p}"
                )));
            }
            out.push((m.to_string(), p.to_string()));
        }
        Ok((
            out,
            b.get("redirection")
                .and_then(Value::as_str)
                .map(str::to_string),
        ))
    });
    let (rules, redirection) = match parsed {
        Ok(x) => x,
        Err(r) => return refusal(r),
    };
    let ck = world.new_uuid().replace('-', "");
    let token = world.new_uuid();
    let id = 6000 + world.credentials.len() as i64;
    world.credentials.insert(
        ck.clone(),
        crate::world::Credential {
            id,
            application_key: ak.to_string(),
            status: "pendingValidation".into(),
            rules,
            created: now,
            expiration: None,
            last_use: None,
            validation_token: token.clone(),
        },
    );
    let _ = redirection;
    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    Json(json!({
        "consumerKey": ck,
        "state": "pendingValidation",
        "validationUrl": format!("http://{host}/auth/?credentialToken={token}"),
    }))
    .into_response()
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    grant_type: String,
    client_id: Option<String>,
    client_secret: Option<String>,
}

fn oauth2_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// The OAuth2 token URL: client credentials as HTTP Basic (python-ovh) or in the form body (the
/// docs' curl example).
async fn oauth2_token(
    State(sim): State<Arc<Sim>>,
    headers: HeaderMap,
    axum::extract::Form(form): axum::extract::Form<TokenForm>,
) -> Response {
    sim.requests.fetch_add(1, Ordering::Relaxed);
    // The token URL fails as any other (a proxy's HTML 503, a timeout).
    let fault = sim.take_fault(&Method::POST, "/auth/oauth2/token");
    if let Some(early) = fault.as_ref().and_then(Fault::early_response) {
        return early;
    }
    let basic = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            s.split_once(':')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        });
    let (id, secret) = match (basic, form.client_id, form.client_secret) {
        (Some(pair), _, _) => pair,
        (None, Some(id), Some(secret)) => (id, secret),
        _ => {
            return oauth2_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "client authentication failed",
            )
        }
    };
    if form.grant_type != "client_credentials" {
        return oauth2_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "only client_credentials is supported",
        );
    }
    let now = sim.clocks.world_now();
    let mut world = sim.world.lock().expect("world lock");
    if world.service_accounts.get(&id).map(|a| a.secret.as_str()) != Some(secret.as_str()) {
        return oauth2_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "ovhcloud oauth2 client does not exists",
        );
    }
    let token = format!("eyJ{}", world.new_uuid().replace('-', ""));
    let lifetime = world.token_lifetime_secs;
    world.tokens.insert(
        token.clone(),
        crate::world::AccessToken {
            client_id: id,
            expires: now + chrono::Duration::seconds(lifetime),
        },
    );
    Json(json!({"access_token": token, "token_type": "Bearer", "expires_in": lifetime, "scope": "all"}))
        .into_response()
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(rename = "credentialToken")]
    credential_token: String,
}

async fn validation_page(State(sim): State<Arc<Sim>>, Query(q): Query<TokenQuery>) -> Response {
    let world = sim.world.lock().expect("world lock");
    let Some(cred) = world
        .credentials
        .values()
        .find(|c| c.validation_token == q.credential_token)
    else {
        return (
            StatusCode::NOT_FOUND,
            Html("<h1>Unknown or expired credential request</h1>".to_string()),
        )
            .into_response();
    };
    let rules: String = cred
        .rules
        .iter()
        .map(|(m, p)| {
            format!(
                "<li><code>{} {}</code></li>",
                html_escape(m),
                html_escape(p)
            )
        })
        .collect();
    let state = html_escape(&cred.status);
    let token = html_escape(&q.credential_token);
    Html(format!(
        "<!doctype html><html><head><meta charset=utf-8><title>OVHcloud API (simulator) – authorize application</title></head>\
         <body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\">\
         <h1>Authorize an application</h1><p>Account <b>{account}</b>. State: <b id=state>{state}</b></p>\
         <p>The application asks for these rights:</p><ul>{rules}</ul>\
         <form method=post action=/auth/validate><input type=hidden name=credentialToken value=\"{token}\">\
         <label>Validity <select name=validity><option value=86400>1 day</option><option value=2592000>30 days</option><option value=0 selected>Unlimited</option></select></label> \
         <button id=validate type=submit>Validate</button></form></body></html>",
        account = html_escape(&world.account),
    ))
    .into_response()
}

#[derive(Deserialize)]
struct ValidateForm {
    #[serde(rename = "credentialToken")]
    credential_token: String,
    #[serde(default)]
    validity: i64,
}

async fn validate_credential(
    State(sim): State<Arc<Sim>>,
    axum::extract::Form(form): axum::extract::Form<ValidateForm>,
) -> Response {
    let now = sim.clocks.world_now();
    let mut world = sim.world.lock().expect("world lock");
    match world
        .credentials
        .values_mut()
        .find(|c| c.validation_token == form.credential_token)
    {
        Some(c) => {
            c.status = "validated".into();
            c.expiration =
                (form.validity > 0).then(|| now + chrono::Duration::seconds(form.validity));
            Html("<!doctype html><h1 id=done>Your application is now authorized</h1><p>You can close this window.</p>".to_string()).into_response()
        }
        None => (
            StatusCode::NOT_FOUND,
            Html("<h1>Unknown credential request</h1>".to_string()),
        )
            .into_response(),
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
