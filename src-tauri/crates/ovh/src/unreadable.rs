//! List records OVH sent that the app could not read. One bad record must not hide the others:
//! each is skipped and counted by route template, field path and kind of problem — never by
//! value, id or key, so the counts can be shown and reported as they are.
use std::collections::BTreeMap;
use std::sync::Mutex;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Where and why records could not be read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unreadable {
    /// `GET /cloud/project/{projectId}/snapshot`
    pub route: String,
    /// `flavor.planCodes.license`, or `.` for the record itself.
    pub field: String,
    /// `missing`, `null`, `wrong type (string)`, `unknown value`, `invalid value`, `unreadable`.
    pub problem: String,
}

/// Unreadable records as of the latest read of each list: a list read again replaces its own
/// counts, so the figures say what is unreadable now, not how often it was read. The concrete
/// paths stay in memory; only templates leave.
#[derive(Debug, Default)]
pub struct Registry(Mutex<BTreeMap<String, BTreeMap<Unreadable, u64>>>);

impl Registry {
    fn replace(&self, path: &str, found: BTreeMap<Unreadable, u64>) {
        let mut all = self.0.lock().expect("unreadable lock");
        if found.is_empty() {
            all.remove(path);
        } else {
            all.insert(path.to_string(), found);
        }
    }

    /// Every kind of unreadable record in the latest reads, with how many.
    pub fn all(&self) -> Vec<(Unreadable, u64)> {
        let mut sum: BTreeMap<Unreadable, u64> = BTreeMap::new();
        for found in self.0.lock().expect("unreadable lock").values() {
            for (u, n) in found {
                *sum.entry(u.clone()).or_default() += n;
            }
        }
        sum.into_iter().collect()
    }
}

/// A path with its ids replaced by names: `/cloud/project/{projectId}/region/{region}/...`.
pub fn template(path: &str) -> String {
    let mut out = Vec::new();
    let mut previous = "";
    for seg in path.split('/') {
        let name = match previous {
            "project" => Some("{projectId}"),
            "region" => Some("{region}"),
            "instance" | "snapshot" | "flavor" | "image" | "sshkey" | "operation" => Some("{id}"),
            "backup" if out.len() >= 2 && out[out.len() - 2] == "workflow" => Some("{id}"),
            _ => None,
        };
        match name {
            Some(n) if !seg.is_empty() => out.push(n.to_string()),
            _ => out.push(seg.to_string()),
        }
        previous = seg;
    }
    out.join("/")
}

/// The kind of a decoding problem, without the value serde would quote.
fn problem(message: &str) -> String {
    if message.starts_with("missing field") {
        "missing".into()
    } else if message.starts_with("invalid type: null") {
        "null".into()
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let kind = rest
            .split([' ', ','])
            .next()
            .filter(|k| k.chars().all(|c| c.is_ascii_alphabetic()))
            .unwrap_or("value");
        format!("wrong type ({kind})")
    } else if message.starts_with("unknown variant") {
        "unknown value".into()
    } else if message.starts_with("invalid value") || message.starts_with("invalid length") {
        "invalid value".into()
    } else {
        "unreadable".into()
    }
}

/// Reads each record on its own; those that fail are counted in `registry` and left out.
pub(crate) fn decode_items<T: DeserializeOwned>(
    method: &str,
    path: &str,
    items: Vec<serde_json::Value>,
    registry: &Registry,
) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len());
    let mut found: BTreeMap<Unreadable, u64> = BTreeMap::new();
    for item in items {
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(v) => out.push(v),
            Err(e) => {
                let message = e.inner().to_string();
                let mut field = e.path().to_string();
                // A missing field is named by serde, not in the path: it is a schema name.
                if let Some(name) = message
                    .strip_prefix("missing field `")
                    .and_then(|r| r.split('`').next())
                {
                    field = if field.is_empty() || field == "." {
                        name.to_string()
                    } else {
                        format!("{field}.{name}")
                    };
                }
                let u = Unreadable {
                    route: format!("{method} {}", template(path)),
                    field: field.clone(),
                    problem: problem(&message),
                };
                tracing::warn!(
                    "skipped a record OVH sent: {} field {} ({})",
                    u.route,
                    u.field,
                    u.problem
                );
                *found.entry(u).or_default() += 1;
            }
        }
    }
    registry.replace(path, found);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        size: f64,
    }

    #[test]
    fn one_bad_record_is_skipped_counted_and_never_quoted() {
        let r = Registry::default();
        let items = vec![
            serde_json::json!({"id": "a", "size": 1.0}),
            serde_json::json!({"size": 2.0}),
            serde_json::json!({"id": "secret-looking-value", "size": "big"}),
            serde_json::json!({"id": "d", "size": 4.0}),
        ];
        let read: Vec<Item> = decode_items(
            "GET",
            "/cloud/project/5f1c2a7e9b3d/snapshot",
            items.clone(),
            &r,
        );
        assert_eq!(read.len(), 2, "the readable records still show");
        let again: Vec<Item> =
            decode_items("GET", "/cloud/project/5f1c2a7e9b3d/snapshot", items, &r);
        assert_eq!(again.len(), 2);
        assert_eq!(
            r.all().iter().map(|(_, n)| n).sum::<u64>(),
            2,
            "a list read again replaces its counts, it does not add to them"
        );
        let all = r.all();
        assert_eq!(all.len(), 2);
        let text = format!("{all:?}");
        assert!(
            text.contains("GET /cloud/project/{projectId}/snapshot"),
            "{text}"
        );
        assert!(
            text.contains("missing") && text.contains("wrong type (string)"),
            "{text}"
        );
        assert!(
            all.iter()
                .any(|(u, _)| u.field == "id" && u.problem == "missing"),
            "{text}"
        );
        assert!(
            !text.contains("5f1c2a7e9b3d")
                && !text.contains("secret-looking-value")
                && !text.contains("big")
        );
    }

    #[test]
    fn templates_hide_ids() {
        assert_eq!(
            template("/cloud/project/abc123/region/GRA11/workflow/backup/w-1"),
            "/cloud/project/{projectId}/region/{region}/workflow/backup/{id}"
        );
        assert_eq!(
            template("/cloud/project/abc123/region"),
            "/cloud/project/{projectId}/region"
        );
        assert_eq!(
            template("/cloud/project/abc/capabilities/productAvailability"),
            "/cloud/project/{projectId}/capabilities/productAvailability"
        );
    }
}
