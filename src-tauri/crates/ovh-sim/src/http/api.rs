//! The API's routes under `/1.0`, one handler each: parse the path and the typed body, ask the
//! world (reads render its state, writes are `World` methods in `writes.rs`), answer OVH's shape.
//! Unsigned: the server time, the public catalog, and requesting a consumer key (which needs a
//! known application key). Every other route passes the signature check first.
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequestParts, OriginalUri, Path, Query, Request, State};
use axum::http::header::CONTENT_LENGTH;
use axum::http::{HeaderMap, HeaderValue, Method};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{Cx, Payload};
use crate::auth::{self, Principal};
use crate::render;
use crate::world::{Refusal, World};
use crate::writes::{
    workflow_region, Attach, CredentialRequest, NewInstance, NewSnapshot, NewVolume,
    NewVolumeSnapshot, NewWorkflow, Reinstall, RescueMode,
};
use crate::Sim;

type Answer = Result<Json<Value>, Refusal>;

/// The API's routes, relative to `/1.0`.
pub(super) fn routes(sim: Arc<Sim>) -> Router<Arc<Sim>> {
    let project = "/cloud/project/{p}";
    let signed = Router::new()
        .route("/auth/currentCredential", get(current_credential))
        .route("/auth/details", get(auth_details))
        .route("/me", get(me))
        .route("/cloud/project", get(projects))
        .route(project, get(one_project))
        .route(&format!("{project}/region"), get(regions))
        .route(&format!("{project}/region/{{r}}"), get(region))
        .route(
            &format!("{project}/instance"),
            get(instances).post(create_instance),
        )
        .route(
            &format!("{project}/instance/{{i}}"),
            get(instance).delete(delete_instance),
        )
        .route(
            &format!("{project}/instance/{{i}}/snapshot"),
            post(create_snapshot),
        )
        .route(
            &format!("{project}/instance/{{i}}/reinstall"),
            post(reinstall),
        )
        .route(
            &format!("{project}/instance/{{i}}/rescueMode"),
            post(rescue_mode),
        )
        .route(
            &format!("{project}/region/{{r}}/instance/{{i}}/abortSnapshot"),
            post(abort_snapshot),
        )
        .route(&format!("{project}/flavor"), get(flavors))
        .route(&format!("{project}/flavor/{{f}}"), get(flavor))
        .route(&format!("{project}/image"), get(images))
        .route(&format!("{project}/image/{{id}}"), get(image))
        .route(&format!("{project}/sshkey"), get(ssh_keys))
        .route(&format!("{project}/snapshot"), get(snapshots))
        .route(
            &format!("{project}/snapshot/{{id}}"),
            get(snapshot).delete(delete_snapshot),
        )
        .route(&format!("{project}/volume"), get(volumes))
        .route(&format!("{project}/volume/snapshot"), get(volume_snapshots))
        .route(
            &format!("{project}/volume/snapshot/{{id}}"),
            get(volume_snapshot).delete(delete_volume_snapshot),
        )
        .route(&format!("{project}/volume/{{v}}"), get(volume))
        .route(
            &format!("{project}/volume/{{v}}/snapshot"),
            post(create_volume_snapshot),
        )
        .route(
            &format!("{project}/volume/{{v}}/attach"),
            post(attach_volume),
        )
        .route(
            &format!("{project}/volume/{{v}}/detach"),
            post(detach_volume),
        )
        .route(
            &format!("{project}/region/{{r}}/volume"),
            post(create_volume),
        )
        .route(
            &format!("{project}/region/{{r}}/workflow/backup"),
            get(workflows).post(create_workflow),
        )
        .route(
            &format!("{project}/region/{{r}}/workflow/backup/{{id}}"),
            get(workflow).delete(delete_workflow),
        )
        .route(&format!("{project}/operation/{{id}}"), get(operation))
        .route(
            &format!("{project}/capabilities/productAvailability"),
            get(availability),
        )
        .fallback(super::not_found)
        .method_not_allowed_fallback(super::not_found)
        .layer(from_fn_with_state(sim.clone(), messy))
        .layer(from_fn_with_state(sim, signed));
    Router::new()
        .route("/auth/time", get(auth_time))
        .route("/order/catalog/public/cloud", get(catalog))
        .route("/auth/credential", post(request_credential))
        .merge(signed)
}

/// Checks the call's credentials over the raw request (see [`auth::verify`]) and hands the
/// handler who made it.
async fn signed(State(sim): State<Arc<Sim>>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(_) => return Refusal::bad_request("Invalid JSON received").into_response(),
    };
    let uri = parts
        .extensions
        .get::<OriginalUri>()
        .map_or_else(|| parts.uri.clone(), |o| o.0.clone());
    let host = parts
        .headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let url = format!(
        "http://{host}{}",
        uri.path_and_query().map_or(uri.path(), |pq| pq.as_str())
    );
    let Ok(cx) = Cx::from_request_parts(&mut parts, &sim).await;
    let verified = auth::verify(
        &mut cx.world(),
        &parts.headers,
        &parts.method,
        &url,
        super::api_path(uri.path()),
        &body,
        sim.clocks.auth_now(),
        cx.now,
    );
    match verified {
        Ok(principal) => {
            parts.extensions.insert(principal);
            next.run(Request::from_parts(parts, axum::body::Body::from(body)))
                .await
        }
        Err(e) => e.into_response(),
    }
}

/// In a messy world, reshapes successful reads the way some real answers vary (see `messy.rs`).
async fn messy(State(sim): State<Arc<Sim>>, req: Request, next: Next) -> Response {
    let reshape = req.method() == Method::GET && sim.world.lock().expect("world lock").messy;
    let path = super::original_path(&req);
    let response = next.run(req).await;
    if !reshape || !response.status().is_success() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return super::broken_connection();
    };
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    };
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    crate::messy::reshape(&segs, &mut value);
    parts.headers.remove(CONTENT_LENGTH);
    let bytes = serde_json::to_vec(&value).unwrap_or_else(|_| bytes.to_vec());
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

#[derive(Deserialize)]
struct RegionFilter {
    region: Option<String>,
}

impl RegionFilter {
    fn admits(&self, region: &str) -> bool {
        self.region.as_deref().is_none_or(|r| r == region)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Subsidiary {
    ovh_subsidiary: Option<String>,
}

async fn auth_time(cx: Cx) -> Json<i64> {
    Json(cx.sim.clocks.auth_now())
}

async fn catalog(Query(q): Query<Subsidiary>) -> Answer {
    match q.ovh_subsidiary.as_deref().map(crate::prices::catalog) {
        Some(Some(c)) => Ok(Json(render::catalog(c))),
        Some(None) => Err(Refusal::bad_request("Invalid value for ovhSubsidiary")),
        None => Err(Refusal::bad_request("Missing parameter(s): ovhSubsidiary")),
    }
}

/// The application key is checked before the body is read, as OVH answers an unknown key first.
async fn request_credential(cx: Cx, headers: HeaderMap, body: Bytes) -> Response {
    let mut world = cx.world();
    let ak = match auth::check_application(&world, &headers) {
        Ok(ak) => ak,
        Err(e) => return e.into_response(),
    };
    let created = super::parse_body::<CredentialRequest>(&body)
        .and_then(|request| world.request_credential(&ak, request, cx.now));
    let (ck, token) = match created {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
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

async fn current_credential(cx: Cx, Extension(principal): Extension<Principal>) -> Answer {
    let world = cx.world();
    match principal {
        Principal::ConsumerKey(ck) => Ok(Json(render::credential(&world.credentials[&ck]))),
        // INFERRED: a bearer token is not an API credential.
        Principal::ServiceAccount(_) => Err(Refusal {
            status: 403,
            class: "Client::Forbidden",
            message: "This call is only available with an API credential".into(),
        }),
    }
}

async fn auth_details(cx: Cx, Extension(principal): Extension<Principal>) -> Json<Value> {
    let world = cx.world();
    let account = &world.account;
    Json(match principal {
        Principal::ConsumerKey(_) => json!({
            "account": account, "allowedRoutes": null, "description": null,
            "identities": [format!("urn:v1:eu:identity:account:{account}")],
            "method": "account", "roles": null, "user": null,
        }),
        Principal::ServiceAccount(id) => json!({
            "account": account, "allowedRoutes": null, "description": null,
            "identities": [format!("urn:v1:eu:identity:credential:{account}/oauth2-{id}")],
            "method": "oauth2_client_credentials", "roles": null, "user": null,
        }),
    })
}

async fn me(cx: Cx) -> Json<Value> {
    Json(render::me(&cx.world()))
}

/// `X-Pagination-Mode: CachedObjectList-Pages` on the routes that answer full objects in that
/// mode, as the control panel reads them: `/cloud/project` (ovh/manager
/// `packages/manager/apps/pci-project/src/data/api/projects.ts`, `getProjects`) and a project's
/// regions (`packages/manager/modules/manager-pci-common/src/api/data/regions.ts`,
/// `apps/pci-workflow/src/api/data/regions.ts`, both through `fetchIcebergV6` in
/// `packages/manager/core/api/src/iceberg.ts`). Other routes ignore the header (those the app
/// reads already answer objects).
fn bulk_mode<'h>(world: &World, headers: &'h HeaderMap) -> Option<&'h HeaderValue> {
    headers
        .get("x-pagination-mode")
        .filter(|_| !world.ignores_bulk_mode)
}

async fn projects(cx: Cx, headers: HeaderMap) -> Response {
    let world = cx.world();
    if let Some(mode) = bulk_mode(&world, &headers) {
        let objects = world.projects.iter().map(render::project).collect();
        return paged(objects, mode, &headers).unwrap_or_else(IntoResponse::into_response);
    }
    Json(json!(world
        .projects
        .iter()
        .map(|p| p.id.clone())
        .collect::<Vec<_>>()))
    .into_response()
}

async fn one_project(cx: Cx, Path(p): Path<String>) -> Answer {
    Ok(Json(render::project(cx.world().project(&p)?)))
}

async fn regions(cx: Cx, Path(p): Path<String>, headers: HeaderMap) -> Response {
    let world = cx.world();
    let project = match world.project(&p) {
        Ok(project) => project,
        Err(r) => return r.into_response(),
    };
    if let Some(mode) = bulk_mode(&world, &headers) {
        let objects = project.regions.iter().map(render::region).collect();
        return paged(objects, mode, &headers).unwrap_or_else(IntoResponse::into_response);
    }
    Json(json!(project
        .regions
        .iter()
        .map(|r| r.name.clone())
        .collect::<Vec<_>>()))
    .into_response()
}

async fn region(cx: Cx, Path((p, r)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    world
        .project(&p)?
        .region(&r)
        .map(|r| Json(render::region(r)))
        .ok_or_else(|| Refusal::not_found(format!("Region {r} not found")))
}

async fn instances(cx: Cx, Path(p): Path<String>, Query(q): Query<RegionFilter>) -> Answer {
    let world = cx.world();
    let project = world.project(&p)?;
    Ok(Json(json!(project
        .instances
        .iter()
        .filter(|i| q.admits(&i.region))
        .map(|i| render::instance(project, i, cx.now))
        .collect::<Vec<_>>())))
}

async fn instance(cx: Cx, Path((p, i)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    let project = world.project(&p)?;
    let inst = project
        .instance(&i)
        .ok_or_else(|| Refusal::not_found(format!("Instance {i} not found")))?;
    Ok(Json(render::instance_detail(project, inst, cx.now)))
}

async fn delete_instance(cx: Cx, Path((p, i)): Path<(String, String)>) -> Answer {
    cx.world().delete_instance(&p, &i)?;
    Ok(Json(Value::Null))
}

async fn create_instance(
    cx: Cx,
    Path(p): Path<String>,
    Payload(new): Payload<NewInstance>,
) -> Answer {
    cx.world().create_instance(&p, new, cx.now).map(Json)
}

async fn create_snapshot(
    cx: Cx,
    Path((p, i)): Path<(String, String)>,
    Payload(new): Payload<NewSnapshot>,
) -> Answer {
    let name = new.snapshot_name;
    if name.trim().is_empty() || name.chars().count() > 255 {
        return Err(Refusal::bad_request(
            "Invalid snapshotName: must be 1 to 255 characters",
        ));
    }
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    let id = world.start_snapshot(pi, &i, &name, cx.now, None)?;
    Ok(Json(json!({ "snapshotId": id })))
}

async fn reinstall(
    cx: Cx,
    Path((p, i)): Path<(String, String)>,
    Payload(r): Payload<Reinstall>,
) -> Answer {
    cx.world().reinstall(&p, &i, &r.image_id, cx.now).map(Json)
}

async fn rescue_mode(
    cx: Cx,
    Path((p, i)): Path<(String, String)>,
    Payload(mode): Payload<RescueMode>,
) -> Answer {
    cx.world().rescue_mode(&p, &i, mode).map(Json)
}

async fn abort_snapshot(cx: Cx, Path((p, r, i)): Path<(String, String, String)>) -> Answer {
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    let op = world.abort_snapshot(pi, &r, &i, cx.now)?;
    Ok(Json(render::operation(&op, cx.now)))
}

async fn flavors(cx: Cx, Path(p): Path<String>, Query(q): Query<RegionFilter>) -> Answer {
    let world = cx.world();
    Ok(Json(json!(world
        .project(&p)?
        .flavors
        .iter()
        .filter(|f| q.admits(&f.region))
        .map(render::flavor)
        .collect::<Vec<_>>())))
}

async fn flavor(cx: Cx, Path((p, f)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    world
        .project(&p)?
        .flavor(&f)
        .map(|f| Json(render::flavor(f)))
        .ok_or_else(|| Refusal::not_found(format!("Flavor {f} not found")))
}

async fn images(cx: Cx, Path(p): Path<String>, Query(q): Query<RegionFilter>) -> Answer {
    let world = cx.world();
    Ok(Json(json!(world
        .project(&p)?
        .images
        .iter()
        .filter(|i| q.admits(&i.region))
        .map(render::public_image)
        .collect::<Vec<_>>())))
}

async fn image(cx: Cx, Path((p, id)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    world
        .project(&p)?
        .images
        .iter()
        .find(|i| i.id == id)
        .map(|i| Json(render::public_image(i)))
        .ok_or_else(|| Refusal::not_found(format!("Image {id} not found")))
}

async fn ssh_keys(cx: Cx, Path(p): Path<String>) -> Answer {
    let world = cx.world();
    Ok(Json(json!(world
        .project(&p)?
        .ssh_keys
        .iter()
        .map(render::ssh_key)
        .collect::<Vec<_>>())))
}

async fn snapshots(cx: Cx, Path(p): Path<String>, Query(q): Query<RegionFilter>) -> Answer {
    let world = cx.world();
    Ok(Json(json!(world
        .project(&p)?
        .snapshots
        .iter()
        .filter(|s| q.admits(&s.region))
        .map(|s| render::snapshot(s, cx.now))
        .collect::<Vec<_>>())))
}

async fn snapshot(cx: Cx, Path((p, id)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    world
        .project(&p)?
        .snapshots
        .iter()
        .find(|s| s.id == id)
        .map(|s| Json(render::snapshot(s, cx.now)))
        .ok_or_else(|| Refusal::not_found(format!("Snapshot {id} not found")))
}

async fn delete_snapshot(cx: Cx, Path((p, id)): Path<(String, String)>) -> Answer {
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    let removed = world.delete_snapshot(pi, &id, cx.now)?;
    let mut v = render::snapshot(&removed, cx.now);
    v["status"] = json!("deleting");
    Ok(Json(v))
}

async fn volumes(cx: Cx, Path(p): Path<String>, Query(q): Query<RegionFilter>) -> Answer {
    let world = cx.world();
    Ok(Json(json!(world
        .project(&p)?
        .volumes
        .iter()
        .filter(|v| q.admits(&v.region))
        .map(|v| render::volume(v, cx.now))
        .collect::<Vec<_>>())))
}

async fn volume(cx: Cx, Path((p, v)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    world
        .project(&p)?
        .volumes
        .iter()
        .find(|x| x.id == v)
        .map(|x| Json(render::volume(x, cx.now)))
        .ok_or_else(|| Refusal::not_found(format!("Volume {v} not found")))
}

async fn create_volume_snapshot(
    cx: Cx,
    Path((p, v)): Path<(String, String)>,
    Payload(new): Payload<NewVolumeSnapshot>,
) -> Answer {
    let name = new.name.unwrap_or_default();
    if name.chars().count() > 255 {
        return Err(Refusal::bad_request(
            "Invalid name: must be at most 255 characters",
        ));
    }
    let description = new.description.unwrap_or_default();
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    let snapshot = world.start_volume_snapshot(pi, &v, &name, &description, cx.now)?;
    Ok(Json(render::volume_snapshot(&snapshot, cx.now)))
}

async fn create_volume(
    cx: Cx,
    Path((p, r)): Path<(String, String)>,
    Payload(new): Payload<NewVolume>,
) -> Answer {
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    let op = world.create_volume(pi, &r, new, cx.now)?;
    Ok(Json(render::operation(&op, cx.now)))
}

async fn attach_volume(
    cx: Cx,
    Path((p, v)): Path<(String, String)>,
    Payload(a): Payload<Attach>,
) -> Answer {
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    let volume = world.attach_volume(pi, &v, &a.instance_id, cx.now)?;
    Ok(Json(render::volume(&volume, cx.now)))
}

async fn detach_volume(
    cx: Cx,
    Path((p, v)): Path<(String, String)>,
    Payload(a): Payload<Attach>,
) -> Answer {
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    let volume = world.detach_volume(pi, &v, &a.instance_id, cx.now)?;
    Ok(Json(render::volume(&volume, cx.now)))
}

async fn volume_snapshots(cx: Cx, Path(p): Path<String>, Query(q): Query<RegionFilter>) -> Answer {
    let world = cx.world();
    Ok(Json(json!(world
        .project(&p)?
        .volume_snapshots
        .iter()
        .filter(|s| q.admits(&s.region))
        .map(|s| render::volume_snapshot(s, cx.now))
        .collect::<Vec<_>>())))
}

async fn volume_snapshot(cx: Cx, Path((p, id)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    world
        .project(&p)?
        .volume_snapshots
        .iter()
        .find(|s| s.id == id)
        .map(|s| Json(render::volume_snapshot(s, cx.now)))
        .ok_or_else(|| Refusal::not_found(format!("Snapshot {id} not found")))
}

async fn delete_volume_snapshot(cx: Cx, Path((p, id)): Path<(String, String)>) -> Answer {
    let mut world = cx.world();
    let pi = world.project_index(&p)?;
    world.delete_volume_snapshot(pi, &id, cx.now)?;
    Ok(Json(Value::Null))
}

async fn workflows(cx: Cx, Path((p, r)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    let project = world.project(&p)?;
    workflow_region(project, &r)?;
    Ok(Json(json!(project
        .workflows
        .iter()
        .filter(|w| w.region == r)
        .map(|w| render::workflow(project, w, cx.now))
        .collect::<Vec<_>>())))
}

async fn workflow(cx: Cx, Path((p, r, id)): Path<(String, String, String)>) -> Answer {
    let world = cx.world();
    let project = world.project(&p)?;
    project
        .workflows
        .iter()
        .find(|w| w.id == id && w.region == r)
        .map(|w| Json(render::workflow(project, w, cx.now)))
        .ok_or_else(|| Refusal::not_found(format!("Workflow {id} not found")))
}

async fn create_workflow(
    cx: Cx,
    Path((p, r)): Path<(String, String)>,
    Payload(new): Payload<NewWorkflow>,
) -> Answer {
    cx.world().create_workflow(&p, &r, new, cx.now).map(Json)
}

async fn delete_workflow(cx: Cx, Path((p, r, id)): Path<(String, String, String)>) -> Answer {
    cx.world().delete_workflow(&p, &r, &id)?;
    Ok(Json(Value::Null))
}

async fn operation(cx: Cx, Path((p, id)): Path<(String, String)>) -> Answer {
    let world = cx.world();
    world
        .project(&p)?
        .operations
        .iter()
        .find(|o| o.id == id)
        .map(|o| Json(render::operation(o, cx.now)))
        .ok_or_else(|| Refusal::not_found(format!("Operation {id} not found")))
}

async fn availability(cx: Cx, Path(p): Path<String>, Query(q): Query<Subsidiary>) -> Answer {
    if q.ovh_subsidiary.is_none() {
        return Err(Refusal::bad_request("Missing parameter(s): ovhSubsidiary"));
    }
    Ok(Json(render::availability(cx.world().project(&p)?)))
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
