//! World objects as OVH's JSON: every field of the 2024 schema model, `null` where nullable,
//! plus the 2025 additions the client must tolerate.
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use crate::world::*;

/// OVH datetimes: RFC 3339 with `Z`.
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn project(p: &Project) -> Value {
    json!({
        "access": "full",
        "creationDate": ts(p.created),
        "description": p.description,
        "expiration": null,
        "iam": {
            "displayName": p.description,
            "id": uuid_like(&p.id),
            "tags": null,
            "urn": format!("urn:v1:eu:resource:publicCloudProject:{}", p.id),
        },
        "manualQuota": false,
        "orderId": null,
        "planCode": "project.2018",
        "projectName": p.description,
        "project_id": p.id,
        "status": if p.suspended { "suspended" } else { "ok" },
        "unleash": false,
    })
}

fn uuid_like(hex32: &str) -> String {
    if hex32.len() == 32 {
        format!(
            "{}-{}-{}-{}-{}",
            &hex32[..8],
            &hex32[8..12],
            &hex32[12..16],
            &hex32[16..20],
            &hex32[20..]
        )
    } else {
        hex32.to_string()
    }
}

pub fn region(r: &RegionInfo) -> Value {
    json!({
        "continentCode": r.continent,
        "datacenterLocation": r.location,
        "ipCountries": [r.country],
        "name": r.name,
        "services": r.services.iter().map(|(name, up)| json!({
            "endpoint": format!("https://{}.{}.cloud.ovh.net/", name, r.name.to_lowercase()),
            "name": name,
            "status": if *up { "UP" } else { "DOWN" },
        })).collect::<Vec<_>>(),
        "status": r.status,
        "type": r.region_type,
    })
}

pub fn flavor(f: &Flavor) -> Value {
    let metal = f.flavor_type.contains("baremetal");
    json!({
        "available": true,
        "capabilities": [
            {"enabled": !metal, "name": "resize"},
            {"enabled": true, "name": "snapshot"},
            {"enabled": true, "name": "volume"},
            {"enabled": !metal, "name": "failoverip"},
        ],
        "disk": f.disk_gb,
        "id": f.id,
        "inboundBandwidth": 250,
        "name": f.name,
        "osType": f.os_type,
        "outboundBandwidth": 250,
        "planCodes": {"hourly": format!("{}.consumption", f.name), "monthly": format!("{}.monthly.postpaid", f.name)},
        "quota": 20,
        "ram": f.ram_mb,
        "region": f.region,
        "type": f.flavor_type,
        "vcpus": f.vcpus,
    })
}

pub fn public_image(i: &Image) -> Value {
    json!({
        "creationDate": ts(i.created),
        "flavorType": null,
        "id": i.id,
        "minDisk": i.min_disk,
        "minRam": 0,
        "name": i.name,
        "planCode": null,
        "region": i.region,
        "size": i.size_gb,
        "status": "active",
        "tags": null,
        "type": i.os_type,
        "user": i.user,
        "visibility": "public",
    })
}

pub fn snapshot(s: &Snapshot, now: DateTime<Utc>) -> Value {
    json!({
        "creationDate": ts(s.created),
        "flavorType": s.flavor_type,
        "id": s.id,
        "minDisk": s.min_disk,
        "minRam": 0,
        "name": s.name,
        "planCode": "snapshot.consumption",
        "region": s.region,
        "size": s.reported_size(now),
        "status": s.status(now),
        "tags": null,
        "type": s.os_type,
        "user": s.user,
        "visibility": "private",
    })
}

/// `cloud.volume.Volume`.
pub fn volume(v: &Volume, now: DateTime<Utc>) -> Value {
    json!({
        "attachedTo": v.attached_to,
        "availabilityZone": null,
        "bootable": v.bootable,
        "creationDate": ts(v.created),
        "description": "",
        "id": v.id,
        "name": v.name,
        "planCode": format!("volume.{}.consumption", v.volume_type),
        "region": v.region,
        "size": v.size_gb,
        "status": v.status(now),
        "type": v.volume_type,
    })
}

/// `cloud.volume.Snapshot`.
pub fn volume_snapshot(s: &VolumeSnapshot, now: DateTime<Utc>) -> Value {
    json!({
        "creationDate": ts(s.created),
        "description": s.description,
        "id": s.id,
        "name": s.name,
        "planCode": "volume.snapshot.consumption",
        "region": s.region,
        "size": s.size_gb,
        "status": s.status(now),
        "volumeId": s.volume_id,
    })
}

/// The image an instance runs: a public image or one of the project's snapshots.
fn instance_image(p: &Project, inst: &Instance, now: DateTime<Utc>) -> Value {
    if let Some(i) = p.images.iter().find(|i| i.id == inst.image_id) {
        return public_image(i);
    }
    if let Some(s) = p.snapshots.iter().find(|s| s.id == inst.image_id) {
        return snapshot(s, now);
    }
    json!({
        "creationDate": ts(inst.created), "flavorType": null, "id": inst.image_id, "minDisk": 0,
        "minRam": 0, "name": "deleted image", "planCode": null, "region": inst.region, "size": 0.0,
        "status": "deleted", "tags": null, "type": "linux", "user": "ubuntu", "visibility": "private",
    })
}

fn ip_addresses(inst: &Instance) -> Value {
    json!([{"gatewayIp": null, "ip": inst.ipv4, "networkId": "", "type": "public", "version": 4}])
}

/// The hourly plan of an instance's flavor.
fn plan_code(p: &Project, inst: &Instance) -> Option<String> {
    p.flavor(&inst.flavor_id)
        .map(|f| format!("{}.consumption", f.name))
}

/// `cloud.instance.Instance` (list form).
pub fn instance(p: &Project, inst: &Instance, now: DateTime<Utc>) -> Value {
    let plan = plan_code(p, inst);
    json!({
        "created": ts(inst.created),
        "currentMonthOutgoingTraffic": null,
        "flavorId": inst.flavor_id,
        "id": inst.id,
        "imageId": inst.image_id,
        "ipAddresses": ip_addresses(inst),
        "monthlyBilling": null,
        "name": inst.name,
        "operationIds": pending_operations(p, inst, now),
        "planCode": plan,
        "region": inst.region,
        "sshKeyId": inst.ssh_key_id,
        "status": p.instance_status(inst, now),
    })
}

/// `cloud.instance.InstanceDetail` (detail form).
pub fn instance_detail(p: &Project, inst: &Instance, now: DateTime<Utc>) -> Value {
    let plan = plan_code(p, inst);
    let flavor_json = p.flavor(&inst.flavor_id).map(flavor).unwrap_or(Value::Null);
    let ssh = inst.ssh_key_id.as_ref().and_then(|id| p.ssh_keys.iter().find(|k| &k.id == id)).map(|k| {
        json!({
            "fingerPrint": "c2:39:1a:5e:7f:0b:4a:d1:60:aa:bb:cc:dd:ee:ff:00",
            "id": k.id, "name": k.name,
            "publicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyOnlyForTheSimulator ops@acme",
            "regions": k.regions,
        })
    });
    json!({
        "created": ts(inst.created),
        "currentMonthOutgoingTraffic": null,
        "flavor": flavor_json,
        "id": inst.id,
        "image": instance_image(p, inst, now),
        "ipAddresses": ip_addresses(inst),
        "monthlyBilling": null,
        "name": inst.name,
        "operationIds": pending_operations(p, inst, now),
        "planCode": plan,
        "region": inst.region,
        "rescuePassword": null,
        "sshKey": ssh,
        "status": p.instance_status(inst, now),
    })
}

/// The state of an execution at `now`, from its snapshot when it has one.
fn execution_state(p: &Project, e: &Execution, now: DateTime<Utc>) -> (&'static str, String) {
    if let Some((state, info)) = &e.fixed {
        return (state, info.clone());
    }
    match e
        .snapshot_id
        .as_ref()
        .and_then(|id| p.snapshots.iter().find(|s| &s.id == id))
    {
        Some(s) => match s.status(now) {
            "queued" | "saving" => ("RUNNING", String::new()),
            "active" => ("SUCCESS", String::new()),
            _ => ("ERROR", "Snapshot creation failed".into()),
        },
        // Rotated away after it succeeded.
        None => ("SUCCESS", String::new()),
    }
}

pub fn workflow(p: &Project, wf: &Workflow, now: DateTime<Utc>) -> Value {
    let executions: Vec<Value> = wf
        .executions
        .iter()
        .map(|e| {
            let (state, info) = execution_state(p, e, now);
            json!({"executedAt": ts(e.executed_at), "id": e.id, "state": state, "stateInfo": info})
        })
        .collect();
    json!({
        "backupName": wf.backup_name,
        "createdAt": ts(wf.created),
        "cron": wf.cron,
        "executions": executions,
        "id": wf.id,
        "instanceId": wf.instance_id,
        "name": wf.name,
        "rotation": wf.rotation,
        "nextExecutionTime": ovh::cron::next_after(&wf.cron, now).map(ts),
        "distantRegion": null,
        "distantBackupName": null,
    })
}

pub fn operation(o: &Operation, now: DateTime<Utc>) -> Value {
    let done = now >= o.completed;
    let total = (o.completed - o.created).num_milliseconds().max(1);
    let progress = ((now - o.created).num_milliseconds() * 100 / total).clamp(0, 100);
    json!({
        "action": o.action,
        "completedAt": done.then(|| ts(o.completed)),
        "createdAt": ts(o.created),
        "id": o.id,
        "progress": if done { 100 } else { progress },
        "regions": [o.region],
        "resourceId": o.resource_id,
        "startedAt": ts(o.created),
        "status": if done { "completed" } else { "in-progress" },
        "subOperations": null,
    })
}

/// The operations still running on an instance (`operationIds`).
fn pending_operations(p: &Project, inst: &Instance, now: DateTime<Utc>) -> Vec<String> {
    p.operations
        .iter()
        .filter(|o| o.resource_id.as_deref() == Some(inst.id.as_str()) && now < o.completed)
        .map(|o| o.id.clone())
        .collect()
}

pub fn ssh_key(k: &SshKey) -> Value {
    json!({"id": k.id, "name": k.name, "publicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDemoKeyOnlyForTheSimulator ops@acme", "regions": k.regions})
}

pub fn credential(c: &Credential) -> Value {
    json!({
        "allowedIPs": null,
        "applicationId": 1001,
        "creation": ts(c.created),
        "credentialId": c.id,
        "expiration": c.expiration.map(ts),
        "lastUse": c.last_use.map(ts),
        "ovhSupport": false,
        "rules": c.rules.iter().map(|(m, p)| json!({"method": m, "path": p})).collect::<Vec<_>>(),
        "status": c.status,
    })
}

fn availability_region(r: &RegionInfo) -> Value {
    json!({"continentCode": r.continent, "datacenter": r.name.trim_end_matches(char::is_numeric), "enabled": true, "name": r.name, "type": r.region_type})
}

/// `productAvailability` for snapshots: each region under its type's plan (standard, 3-AZ,
/// Local Zone), as the control panel reads it to pick a region's plan.
pub fn availability(p: &Project) -> Value {
    let regions: Vec<Value> = p.regions.iter().map(availability_region).collect();
    let plans: Vec<Value> = [
        "snapshot.consumption",
        "snapshot.consumption.3AZ",
        "snapshot.consumption.LZ",
    ]
    .iter()
    .map(|code| {
        let listed: Vec<Value> = p
            .regions
            .iter()
            .filter(|r| crate::prices::plan_code(&r.region_type) == *code)
            .map(availability_region)
            .collect();
        json!({"code": code, "regions": listed})
    })
    .collect();
    json!({
        "plans": plans,
        "products": [{"name": "snapshot", "regions": regions}],
    })
}

fn pricing(price: i64, interval_unit: &str, description: &str) -> Value {
    json!({
        "capacities": ["consumption"],
        "commitment": 0,
        "description": description,
        "engagementConfiguration": null,
        "interval": 1,
        "intervalUnit": interval_unit,
        "mode": "consumption",
        "mustBeCompleted": false,
        "phase": 1,
        "price": price,
        "promotions": [],
        "quantity": {"max": null, "min": 1},
        "repeat": {"max": null, "min": 1},
        "strategy": "tiered",
        "tax": 0,
        "type": "consumption",
    })
}

fn addon(plan_code: &str, invoice_name: &str, product: &str, price: i64) -> Value {
    json!({
        "addonFamilies": [],
        "blobs": null,
        "configurations": [],
        "consumptionConfiguration": null,
        "family": null,
        "invoiceName": invoice_name,
        "planCode": plan_code,
        "pricingType": "consumption",
        "pricings": [pricing(price, "hour", "Consumption price per GB per hour")],
        "product": product,
    })
}

/// `GET /order/catalog/public/cloud` for one subsidiary: its currency and snapshot plans.
pub fn catalog(c: &crate::prices::Catalog) -> Value {
    let mut addons = vec![addon(
        "snapshot.consumption",
        "Instance backup storage",
        "publiccloud-snapshot",
        c.standard,
    )];
    if let Some(p) = c.three_az {
        addons.push(addon(
            "snapshot.consumption.3AZ",
            "Instance backup storage (3-AZ)",
            "publiccloud-snapshot",
            p,
        ));
    }
    if let Some(p) = c.local_zone {
        addons.push(addon(
            "snapshot.consumption.LZ",
            "Instance backup storage (Local Zone)",
            "publiccloud-snapshot",
            p,
        ));
    }
    // Every model, billed by the hour or by the month (the monthly plan at about half of 730
    // hours), in the subsidiary's currency at the same rate as its snapshot price.
    let rate = c.standard as f64 / 1370.0;
    for (name, _, _, ram_mb, vcpus) in crate::scenario::FLAVORS {
        let hourly = ((vcpus * 1_500_000 + ram_mb / 1000 * 500_000) as f64 * rate) as i64;
        let mut hour = addon(
            &format!("{name}.consumption"),
            &format!("{name} instance"),
            "publiccloud-instance",
            hourly,
        );
        hour["pricings"] = json!([pricing(hourly, "hour", "Price per hour")]);
        addons.push(hour);
        let mut month = addon(
            &format!("{name}.monthly.postpaid"),
            &format!("{name} instance, monthly"),
            "publiccloud-instance",
            hourly * 365,
        );
        month["pricings"] = json!([pricing(hourly * 365, "month", "Price per month")]);
        month["pricingType"] = json!("rental");
        addons.push(month);
    }
    addons.push(addon(
        "volume.snapshot.consumption",
        "Volume snapshot storage",
        "publiccloud-volume-snapshot",
        c.standard * 3 / 2,
    ));
    json!({
        "addons": addons,
        "catalogId": 4242,
        "locale": {"currencyCode": c.currency, "subsidiary": c.subsidiary, "taxRate": 20.0},
        "planFamilies": [],
        "plans": [],
        "products": [],
    })
}

/// `GET /me`: the account's country and currency (only the fields the app reads, plus a few).
pub fn me(w: &World) -> Value {
    let currency = crate::prices::catalog(&w.subsidiary).map_or("EUR", |c| c.currency);
    json!({
        "nichandle": w.account,
        "ovhSubsidiary": w.subsidiary,
        "currency": {"code": currency, "symbol": currency},
        "country": w.subsidiary,
        "language": "en_GB",
        "state": "complete",
    })
}
