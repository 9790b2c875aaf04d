//! Access rules: the least-privilege set Backup Desk asks for, OVH's glob matching, and which
//! features a granted set leaves out.
use serde::Serialize;
use ts_rs::TS;

use crate::types::AccessRule;

/// The rules Backup Desk asks for with `POST /auth/credential`, as `(method, path pattern)`.
///
/// OVH's `*` matches any run of characters, `/` included, so `GET /cloud/project/*` (needed for
/// a project's name) also covers its regions, instances, flavors, images, snapshots, workflows,
/// operations, SSH keys and availability. Writes are listed one route each. The price catalog
/// needs no rule: it is public. A test exercises every typed call through the simulator with
/// exactly these rules.
pub const ACCESS_RULES: &[(&str, &str)] = &[
    ("GET", "/auth/currentCredential"),
    ("GET", "/auth/details"),
    // Read-only: the account's country, so prices come from its own catalog and currency.
    ("GET", "/me"),
    ("GET", "/cloud/project"),
    ("GET", "/cloud/project/*"),
    ("POST", "/cloud/project/*/instance"),
    ("POST", "/cloud/project/*/instance/*/snapshot"),
    ("POST", "/cloud/project/*/instance/*/reinstall"),
    ("POST", "/cloud/project/*/instance/*/rescueMode"),
    ("POST", "/cloud/project/*/region/*/instance/*/abortSnapshot"),
    ("POST", "/cloud/project/*/region/*/workflow/backup"),
    ("DELETE", "/cloud/project/*/snapshot/*"),
    ("DELETE", "/cloud/project/*/region/*/workflow/backup/*"),
    // A backup set's volume parts (issue 20): one snapshot per additional volume, deleted with
    // its set.
    ("POST", "/cloud/project/*/volume/*/snapshot"),
    ("DELETE", "/cloud/project/*/volume/snapshot/*"),
    // Restoring a part: a new volume from its snapshot, attached to the chosen instance, in
    // place of the volume it was taken from when the user asks (which is detached and kept).
    ("POST", "/cloud/project/*/region/*/volume"),
    ("POST", "/cloud/project/*/volume/*/attach"),
    ("POST", "/cloud/project/*/volume/*/detach"),
];

/// The rule restore rehearsals add, asked for only when the user turns rehearsals on: deleting
/// an instance, which the app only ever does to the temporary instances it recorded making.
pub const REHEARSAL_RULES: &[(&str, &str)] = &[("DELETE", "/cloud/project/*/instance/*")];

/// [`ACCESS_RULES`] as request bodies.
pub fn requested() -> Vec<AccessRule> {
    ACCESS_RULES
        .iter()
        .map(|(m, p)| AccessRule {
            method: m.to_string(),
            path: p.to_string(),
        })
        .collect()
}

/// [`ACCESS_RULES`] and [`REHEARSAL_RULES`] as request bodies.
pub fn requested_with_rehearsals() -> Vec<AccessRule> {
    ACCESS_RULES
        .iter()
        .chain(REHEARSAL_RULES)
        .map(|(m, p)| AccessRule {
            method: m.to_string(),
            path: p.to_string(),
        })
        .collect()
}

/// Whether `granted` allows deleting an instance of `project_id`: the rule restore rehearsals
/// need ([`REHEARSAL_RULES`]).
pub fn rehearsals_allowed(granted: &[AccessRule], project_id: &str) -> bool {
    let path = format!("/cloud/project/{project_id}/instance/i");
    granted
        .iter()
        .any(|r| r.method == "DELETE" && glob(&r.path, &path))
}

/// OVH access-rule matching: `*` stands for any run of characters, `/` included.
pub fn glob(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => {
            let Some(rest) = path.strip_prefix(head) else {
                return false;
            };
            (0..=rest.len())
                .filter(|i| rest.is_char_boundary(*i))
                .any(|i| glob(tail, &rest[i..]))
        }
    }
}

/// What the app can do, each needing some calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Feature {
    /// See projects, instances, backups and automatic backups.
    Browse,
    CreateBackups,
    CancelBackups,
    DeleteBackups,
    Restore,
    AutomaticBackups,
    /// Back up an instance's additional volumes with it, and delete those backups.
    VolumeBackups,
}

impl Feature {
    pub const ALL: [Feature; 7] = [
        Feature::Browse,
        Feature::CreateBackups,
        Feature::CancelBackups,
        Feature::DeleteBackups,
        Feature::Restore,
        Feature::AutomaticBackups,
        Feature::VolumeBackups,
    ];

    /// Concrete example calls the feature makes (ids stand for any id).
    fn calls(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Feature::Browse => &[
                ("GET", "/cloud/project"),
                ("GET", "/cloud/project/p"),
                ("GET", "/cloud/project/p/region"),
                ("GET", "/cloud/project/p/instance"),
                ("GET", "/cloud/project/p/flavor"),
                ("GET", "/cloud/project/p/snapshot"),
                ("GET", "/cloud/project/p/region/r/workflow/backup"),
                ("GET", "/cloud/project/p/volume"),
                ("GET", "/cloud/project/p/volume/snapshot"),
            ],
            Feature::CreateBackups => &[("POST", "/cloud/project/p/instance/i/snapshot")],
            Feature::CancelBackups => {
                &[("POST", "/cloud/project/p/region/r/instance/i/abortSnapshot")]
            }
            Feature::DeleteBackups => &[("DELETE", "/cloud/project/p/snapshot/s")],
            Feature::Restore => &[
                ("GET", "/cloud/project/p/sshkey"),
                ("GET", "/cloud/project/p/operation/o"),
                ("POST", "/cloud/project/p/instance/i/reinstall"),
                ("POST", "/cloud/project/p/instance"),
            ],
            Feature::AutomaticBackups => &[
                ("POST", "/cloud/project/p/region/r/workflow/backup"),
                ("DELETE", "/cloud/project/p/region/r/workflow/backup/w"),
            ],
            Feature::VolumeBackups => &[
                ("POST", "/cloud/project/p/volume/v/snapshot"),
                ("DELETE", "/cloud/project/p/volume/snapshot/s"),
                ("POST", "/cloud/project/p/region/r/volume"),
                ("POST", "/cloud/project/p/volume/v/attach"),
                ("POST", "/cloud/project/p/volume/v/detach"),
            ],
        }
    }

    /// Whether `granted` allows every call of this feature.
    pub fn allowed_by(self, granted: &[AccessRule]) -> bool {
        self.calls().iter().all(|(method, path)| {
            granted
                .iter()
                .any(|r| r.method == *method && glob(&r.path, path))
        })
    }
}

/// The features `granted` does not fully allow, in [`Feature::ALL`] order.
pub fn missing_features(granted: &[AccessRule]) -> Vec<Feature> {
    Feature::ALL
        .into_iter()
        .filter(|f| !f.allowed_by(granted))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(list: &[(&str, &str)]) -> Vec<AccessRule> {
        list.iter()
            .map(|(m, p)| AccessRule {
                method: m.to_string(),
                path: p.to_string(),
            })
            .collect()
    }

    #[test]
    fn rehearsals_need_the_instance_deletion_of_that_project() {
        assert!(!rehearsals_allowed(&requested(), "p1"));
        assert!(rehearsals_allowed(&requested_with_rehearsals(), "p1"));
        assert!(rehearsals_allowed(&rules(&[("DELETE", "/*")]), "p1"));
        assert!(!rehearsals_allowed(&rules(&[("GET", "/*")]), "p1"));
        assert!(!rehearsals_allowed(
            &rules(&[("DELETE", "/cloud/project/p2/instance/*")]),
            "p1"
        ));
    }

    #[test]
    fn access_rule_globs() {
        assert!(glob("/*", "/cloud/project"));
        assert!(glob(
            "/cloud/project/*",
            "/cloud/project/abc/instance/x/snapshot"
        ));
        assert!(!glob("/cloud/project/*", "/cloud/project"));
        assert!(glob(
            "/cloud/project/*/snapshot/*",
            "/cloud/project/p/snapshot/s"
        ));
        assert!(!glob(
            "/cloud/project/*/snapshot/*",
            "/cloud/project/p/instance/s"
        ));
        assert!(glob("/auth/time", "/auth/time"));
    }

    #[test]
    fn the_requested_rules_allow_every_feature() {
        assert_eq!(missing_features(&requested()), Vec::<Feature>::new());
    }

    #[test]
    fn everything_and_read_only_credentials() {
        let all = rules(&[
            ("GET", "/*"),
            ("POST", "/*"),
            ("PUT", "/*"),
            ("DELETE", "/*"),
        ]);
        assert!(missing_features(&all).is_empty());
        let read_only = rules(&[("GET", "/*")]);
        assert_eq!(
            missing_features(&read_only),
            vec![
                Feature::CreateBackups,
                Feature::CancelBackups,
                Feature::DeleteBackups,
                Feature::Restore,
                Feature::AutomaticBackups,
                Feature::VolumeBackups
            ]
        );
        assert_eq!(missing_features(&[]), Feature::ALL.to_vec());
    }
}
