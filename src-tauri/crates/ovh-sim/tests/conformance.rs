//! Every simulator answer the client relies on, checked against OVH's published schema
//! (`fixtures/schema-2024-subset.json`, the legacy `apis`/`models` format).
mod common;

use serde_json::{json, Value};

const SCHEMA: &str = include_str!("fixtures/schema-2024-subset.json");

/// Fields OVH added after the June 2024 schema (SCHEMA-2025): allowed beyond the 2024 model.
const ADDED_2025: &[(&str, &str)] = &[
    ("cloud.Backup", "rotation"),
    ("cloud.Backup", "nextExecutionTime"),
    ("cloud.Backup", "distantRegion"),
    ("cloud.Backup", "distantBackupName"),
];

/// Enum values OVH added after the June 2024 schema (SCHEMA-2025).
const ENUM_ADDED_2025: &[(&str, &str)] = &[("cloud.RegionTypeEnum", "region-3-az")];

struct Schema {
    doc: Value,
}

impl Schema {
    fn load() -> Self {
        Self {
            doc: serde_json::from_str(SCHEMA).expect("schema parses"),
        }
    }

    /// The declared response type of `method path_template`.
    fn response_type(&self, method: &str, template: &str) -> String {
        for api in self.doc["apis"].as_array().unwrap() {
            if api["path"] == template {
                for op in api["operations"].as_array().unwrap() {
                    if op["httpMethod"] == method {
                        return op["responseType"].as_str().unwrap().to_string();
                    }
                }
            }
        }
        panic!("{method} {template} is not in the schema subset");
    }

    /// Every way `value` departs from `ty`, as readable lines.
    fn check(&self, ty: &str, value: &Value, at: &str, errors: &mut Vec<String>) {
        if let Some(inner) = ty.strip_suffix("[]") {
            match value.as_array() {
                Some(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.check(inner, item, &format!("{at}[{i}]"), errors);
                    }
                }
                None => errors.push(format!("{at}: expected an array of {inner}, got {value}")),
            }
            return;
        }
        let ok = match ty {
            "string" | "password" | "ipBlock" | "ip" | "uuid" => value.is_string(),
            "long" => value.is_i64() || value.is_u64(),
            "double" => value.is_number(),
            "boolean" => value.is_boolean(),
            "datetime" => value
                .as_str()
                .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
            "void" => value.is_null(),
            t if t.starts_with("map[") => value.is_object(),
            model => {
                self.check_model(model, value, at, errors);
                return;
            }
        };
        if !ok {
            errors.push(format!("{at}: expected {ty}, got {value}"));
        }
    }

    fn check_model(&self, model: &str, value: &Value, at: &str, errors: &mut Vec<String>) {
        let Some(def) = self.doc["models"].get(model) else {
            errors.push(format!("{at}: unknown model {model}"));
            return;
        };
        if let Some(variants) = def.get("enum").and_then(Value::as_array) {
            let added = ENUM_ADDED_2025
                .iter()
                .any(|(m, v)| *m == model && value.as_str() == Some(v));
            if !variants.contains(value) && !added {
                errors.push(format!("{at}: {value} is not a {model}"));
            }
            return;
        }
        let Some(obj) = value.as_object() else {
            errors.push(format!("{at}: expected a {model} object, got {value}"));
            return;
        };
        let props = def["properties"].as_object().unwrap();
        for (name, prop) in props {
            let field_at = format!("{at}.{name}");
            match obj.get(name) {
                None => errors.push(format!("{field_at}: missing ({model})")),
                Some(Value::Null) if prop["canBeNull"] == true => {}
                Some(Value::Null) => {
                    errors.push(format!("{field_at}: null but not nullable ({model})"))
                }
                Some(v) => self.check(prop["type"].as_str().unwrap(), v, &field_at, errors),
            }
        }
        for key in obj.keys() {
            if !props.contains_key(key) && !ADDED_2025.contains(&(model, key.as_str())) {
                errors.push(format!("{at}.{key}: not in {model}"));
            }
        }
    }
}

/// Fetches one route through the signed client and checks its answer against the schema.
struct Checker {
    schema: Schema,
    client: ovh::Client,
    checked: usize,
}

impl Checker {
    async fn get(&mut self, template: &str, path: &str, query: &[(&str, &str)]) -> Value {
        let value: Value = if template.starts_with("/auth/time") || template.starts_with("/order/")
        {
            self.client.get_unsigned(path, query).await
        } else {
            self.client.get(path, query).await
        }
        .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        self.expect("GET", template, &value);
        value
    }

    fn expect(&mut self, method: &str, template: &str, value: &Value) {
        let ty = self.schema.response_type(method, template);
        let mut errors = Vec::new();
        self.schema.check(&ty, value, template, &mut errors);
        assert!(
            errors.is_empty(),
            "{method} {template} does not match {ty}:\n{}",
            errors.join("\n")
        );
        self.checked += 1;
    }
}

#[tokio::test]
async fn every_answer_matches_the_published_schema() {
    let (running, client) = common::demo().await;
    let mut c = Checker {
        schema: Schema::load(),
        client: client.clone(),
        checked: 0,
    };
    let sn = "/cloud/project/{serviceName}";

    c.get("/auth/time", "/auth/time", &[]).await;
    c.get("/auth/currentCredential", "/auth/currentCredential", &[])
        .await;
    c.get("/auth/details", "/auth/details", &[]).await;
    c.get(
        "/order/catalog/public/cloud",
        "/order/catalog/public/cloud",
        &[("ovhSubsidiary", "FR")],
    )
    .await;
    let projects = c.get("/cloud/project", "/cloud/project", &[]).await;
    let p = projects[0].as_str().unwrap().to_string();
    let base = format!("/cloud/project/{p}");
    c.get(sn, &base, &[]).await;
    c.get(
        &format!("{sn}/capabilities/productAvailability"),
        &format!("{base}/capabilities/productAvailability"),
        &[("addonFamily", "snapshot"), ("ovhSubsidiary", "FR")],
    )
    .await;
    let regions = c
        .get(&format!("{sn}/region"), &format!("{base}/region"), &[])
        .await;
    for r in regions.as_array().unwrap() {
        let r = r.as_str().unwrap();
        c.get(
            &format!("{sn}/region/{{regionName}}"),
            &format!("{base}/region/{r}"),
            &[],
        )
        .await;
        c.get(
            &format!("{sn}/region/{{regionName}}/workflow/backup"),
            &format!("{base}/region/{r}/workflow/backup"),
            &[],
        )
        .await;
    }
    let instances = c
        .get(&format!("{sn}/instance"), &format!("{base}/instance"), &[])
        .await;
    c.get(
        &format!("{sn}/instance"),
        &format!("{base}/instance"),
        &[("region", "GRA11")],
    )
    .await;
    for i in instances.as_array().unwrap() {
        let id = i["id"].as_str().unwrap();
        c.get(
            &format!("{sn}/instance/{{instanceId}}"),
            &format!("{base}/instance/{id}"),
            &[],
        )
        .await;
    }
    let flavors = c
        .get(
            &format!("{sn}/flavor"),
            &format!("{base}/flavor"),
            &[("region", "SBG5")],
        )
        .await;
    let fid = flavors[0]["id"].as_str().unwrap();
    c.get(
        &format!("{sn}/flavor/{{flavorId}}"),
        &format!("{base}/flavor/{fid}"),
        &[],
    )
    .await;
    let images = c
        .get(
            &format!("{sn}/image"),
            &format!("{base}/image"),
            &[("region", "GRA11")],
        )
        .await;
    let iid = images[0]["id"].as_str().unwrap();
    c.get(
        &format!("{sn}/image/{{imageId}}"),
        &format!("{base}/image/{iid}"),
        &[],
    )
    .await;
    c.get(&format!("{sn}/sshkey"), &format!("{base}/sshkey"), &[])
        .await;
    let snapshots = c
        .get(&format!("{sn}/snapshot"), &format!("{base}/snapshot"), &[])
        .await;
    let sid = snapshots[0]["id"].as_str().unwrap();
    c.get(
        &format!("{sn}/snapshot/{{imageId}}"),
        &format!("{base}/snapshot/{sid}"),
        &[],
    )
    .await;
    let workflows = c
        .get(
            &format!("{sn}/region/{{regionName}}/workflow/backup"),
            &format!("{base}/region/GRA11/workflow/backup"),
            &[],
        )
        .await;
    let wid = workflows[0]["id"].as_str().unwrap();
    c.get(
        &format!("{sn}/region/{{regionName}}/workflow/backup/{{backupWorkflowId}}"),
        &format!("{base}/region/GRA11/workflow/backup/{wid}"),
        &[],
    )
    .await;

    // Writes: workflow create/delete, snapshot create (2025 `{snapshotId}` shape), abort,
    // operation, reinstall, new instance, rescue, snapshot delete, credential request.
    let web2 = instances
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "web-frontend-2")
        .unwrap();
    let web2_id = web2["id"].as_str().unwrap();
    let wf: Value = client
        .post(&format!("{base}/region/GRA11/workflow/backup"), &json!({"cron": "5 23 * * *", "instanceId": web2_id, "name": "conformance-wf", "rotation": 7}))
        .await
        .unwrap();
    c.expect(
        "POST",
        &format!("{sn}/region/{{regionName}}/workflow/backup"),
        &wf,
    );
    let deleted: Value = client
        .delete(&format!(
            "{base}/region/GRA11/workflow/backup/{}",
            wf["id"].as_str().unwrap()
        ))
        .await
        .unwrap();
    c.expect(
        "DELETE",
        &format!("{sn}/region/{{regionName}}/workflow/backup/{{backupWorkflowId}}"),
        &deleted,
    );

    let created: Value = client
        .post(
            &format!("{base}/instance/{web2_id}/snapshot"),
            &json!({"snapshotName": "conformance"}),
        )
        .await
        .unwrap();
    assert!(
        created["snapshotId"].is_string(),
        "the 2025 shape {{snapshotId}} is returned: {created}"
    );
    let op: Value = client
        .post_empty(&format!(
            "{base}/region/GRA11/instance/{web2_id}/abortSnapshot"
        ))
        .await
        .unwrap();
    c.expect(
        "POST",
        &format!("{sn}/region/{{regionName}}/instance/{{instanceId}}/abortSnapshot"),
        &op,
    );
    c.get(
        &format!("{sn}/operation/{{operationId}}"),
        &format!("{base}/operation/{}", op["id"].as_str().unwrap()),
        &[],
    )
    .await;

    let reinstalled: Value = client
        .post(
            &format!("{base}/instance/{web2_id}/reinstall"),
            &json!({"imageId": sid}),
        )
        .await
        .unwrap();
    c.expect(
        "POST",
        &format!("{sn}/instance/{{instanceId}}/reinstall"),
        &reinstalled,
    );
    let region_of_sid = snapshots[0]["region"].as_str().unwrap();
    let flavor_there: Vec<Value> = client
        .get(&format!("{base}/flavor"), &[("region", region_of_sid)])
        .await
        .unwrap();
    let new_inst: Value = client
        .post(&format!("{base}/instance"), &json!({"flavorId": flavor_there[2]["id"], "name": "restored", "region": region_of_sid, "imageId": sid}))
        .await
        .unwrap();
    c.expect("POST", &format!("{sn}/instance"), &new_inst);
    let rescue: Value = client
        .post(
            &format!("{base}/instance/{web2_id}/rescueMode"),
            &json!({"rescue": false}),
        )
        .await
        .unwrap();
    c.expect(
        "POST",
        &format!("{sn}/instance/{{instanceId}}/rescueMode"),
        &rescue,
    );
    let last = snapshots.as_array().unwrap().last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let gone: Value = client
        .delete(&format!("{base}/snapshot/{last}"))
        .await
        .unwrap();
    c.expect("DELETE", &format!("{sn}/snapshot/{{imageId}}"), &gone);
    let pending: Value = client
        .post_unsigned(
            "/auth/credential",
            &json!({"accessRules": [{"method": "GET", "path": "/cloud/project"}]}),
        )
        .await
        .unwrap();
    c.expect("POST", "/auth/credential", &pending);

    println!("schema conformance: {} answers checked", c.checked);
    assert!(
        c.checked > 40,
        "the walk covered every route ({} answers)",
        c.checked
    );
    drop(running);
}

#[tokio::test]
async fn the_validator_catches_a_wrong_shape() {
    let schema = Schema::load();
    let mut errors = Vec::new();
    schema.check("cloud.image.Image", &json!({"id": 3}), "x", &mut errors);
    assert!(
        errors.iter().any(|e| e.contains("x.id: expected string")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("x.name: missing")),
        "{errors:?}"
    );
    errors.clear();
    schema.check(
        "cloud.instance.InstanceStatusEnum",
        &json!("RUNNING"),
        "s",
        &mut errors,
    );
    assert_eq!(
        errors,
        vec!["s: \"RUNNING\" is not a cloud.instance.InstanceStatusEnum".to_string()]
    );
}
