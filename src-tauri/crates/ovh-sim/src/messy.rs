//! The "messy" scenario: answers shaped the way OVH really sends them rather than the way the
//! 2024 schema describes them — nulls in fields the schema calls non-null (`image`, `sshKey`,
//! `monthlyBilling`, `flavor.planCodes.license`, `availabilityZone`, as in ovhcloud-cli's
//! `internal/cmd/cloud_instance_test.go`), missing optional fields (`executions`, `stateInfo`),
//! unknown fields, states in either case, dates with and without offsets, and one record in a
//! list that cannot be read at all. Applied to answers after they are rendered, so the world
//! itself stays the same.
use serde_json::{json, Value};

/// Reshapes the answer of `GET` on `segs` (a path split on `/`).
pub fn reshape(segs: &[&str], value: &mut Value) {
    match segs {
        ["cloud", "project", _, "instance"] => {
            if let Some(list) = value.as_array_mut() {
                for item in list.iter_mut() {
                    instance(item);
                }
            }
        }
        ["cloud", "project", _, "instance", _] => instance(value),
        ["cloud", "project", _, "snapshot"] => {
            if let Some(list) = value.as_array_mut() {
                for (n, item) in list.iter_mut().enumerate() {
                    snapshot(item, n);
                }
                // A record no client can read: no id.
                list.push(
                    json!({"name": "unreadable record", "region": "GRA11", "status": "active"}),
                );
            }
        }
        ["cloud", "project", _, "region", _, "workflow", "backup"] => {
            if let Some(list) = value.as_array_mut() {
                for item in list.iter_mut() {
                    workflow(item);
                }
            }
        }
        ["cloud", "project", _, "region"] | ["cloud", "project"] => {
            if let Some(list) = value.as_array_mut() {
                for item in list.iter_mut().filter(|i| i.is_object()) {
                    unknown(item);
                }
            }
        }
        _ => {}
    }
}

fn unknown(item: &mut Value) {
    if let Some(o) = item.as_object_mut() {
        o.insert("fieldAddedLater".into(), json!({"nested": [1, 2, 3]}));
    }
}

fn instance(item: &mut Value) {
    let Some(o) = item.as_object_mut() else {
        return;
    };
    for field in [
        "image",
        "sshKey",
        "monthlyBilling",
        "availabilityZone",
        "licensePlanCode",
        "rescuePassword",
    ] {
        o.insert(field.into(), Value::Null);
    }
    if let Some(codes) = o.get_mut("flavor").and_then(|f| f.get_mut("planCodes")) {
        if let Some(c) = codes.as_object_mut() {
            c.insert("license".into(), Value::Null);
        }
    }
    unknown(item);
}

fn snapshot(item: &mut Value, n: usize) {
    let Some(o) = item.as_object_mut() else {
        return;
    };
    if n.is_multiple_of(2) {
        if let Some(s) = o
            .get("status")
            .and_then(Value::as_str)
            .map(str::to_ascii_uppercase)
        {
            o.insert("status".into(), json!(s));
        }
    }
    if n.is_multiple_of(3) {
        // The same instant without its offset.
        if let Some(d) = o.get("creationDate").and_then(Value::as_str) {
            if let Some(t) = ovh::types::parse_date(d) {
                o.insert(
                    "creationDate".into(),
                    json!(t.format("%Y-%m-%dT%H:%M:%S").to_string()),
                );
            }
        }
    }
    o.insert("tags".into(), Value::Null);
    unknown(item);
}

fn workflow(item: &mut Value) {
    let Some(o) = item.as_object_mut() else {
        return;
    };
    let empty = o
        .get("executions")
        .and_then(Value::as_array)
        .is_none_or(|e| e.is_empty());
    if empty {
        o.remove("executions");
    } else if let Some(list) = o.get_mut("executions").and_then(Value::as_array_mut) {
        for e in list.iter_mut().filter_map(Value::as_object_mut) {
            e.remove("stateInfo");
            if let Some(s) = e
                .get("state")
                .and_then(Value::as_str)
                .map(str::to_ascii_lowercase)
            {
                e.insert("state".into(), json!(s));
            }
        }
    }
    o.remove("nextExecutionTime");
    unknown(item);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances_get_the_nulls_real_answers_have() {
        let mut v = json!([{"id": "i", "name": "web", "image": {"id": "x"}, "flavor": {"planCodes": {"license": "l"}}}]);
        reshape(&["cloud", "project", "p", "instance"], &mut v);
        assert_eq!(v[0]["image"], Value::Null);
        assert_eq!(v[0]["flavor"]["planCodes"]["license"], Value::Null);
        assert!(v[0].get("fieldAddedLater").is_some());
    }
}
