//! Finding keys a customer already set up for OVH's own tools: `OVH_*` environment variables
//! and `ovh.conf` files, read exactly as python-ovh and go-ovh read them, so they can be
//! imported into the keyring.
//!
//! python-ovh reads `/etc/ovh.conf`, then `~/.ovh.conf`, then `./ovh.conf`, each overriding the
//! one before, and an `OVH_<NAME>` environment variable overrides every file. The endpoint
//! comes from `OVH_ENDPOINT` or `[default] endpoint`; the keys from the endpoint's section.
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ovh::{Endpoint, Sensitive};

use crate::account::Account;

/// One INI file: section → key → value. Keys are lower-cased, as `RawConfigParser` does.
pub type Ini = HashMap<String, HashMap<String, String>>;

/// The section whose keys every other section inherits, in Python's `configparser`.
const DEFAULT_SECTION: &str = "DEFAULT";

/// Parses INI text as python-ovh's `RawConfigParser` does: `[section]` (the name as written,
/// case kept), `key = value` or `key: value` split at the first of the two, keys lower-cased,
/// full-line `#` and `;` comments (indented ones too), no inline comments, and a line indented
/// deeper than its key continuing that key's value. Lines Python would refuse are skipped, as a
/// tolerant reader should.
///
/// Not a crate: `configparser` lower-cases section names and files keys found before any section
/// under `[default]` (python-ovh's own section), and `rust-ini` reads an indented comment as part
/// of the next key; either would find keys python-ovh does not.
pub fn parse_ini(text: &str) -> Ini {
    let mut out: Ini = HashMap::new();
    let mut section: Option<String> = None;
    // The key whose value an indented line continues, with its indentation, and the blank lines
    // seen since (kept inside the value if it goes on).
    let mut open: Option<(String, usize, usize)> = None;
    for raw in text.lines() {
        let line = raw.trim();
        let indent = raw.len() - raw.trim_start().len();
        if line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if line.is_empty() {
            if let Some((_, _, blanks)) = &mut open {
                *blanks += 1;
            }
            continue;
        }
        if let (Some((key, key_indent, blanks)), Some(sec)) = (&mut open, &section) {
            if indent > *key_indent {
                if let Some(value) = out.get_mut(sec).and_then(|s| s.get_mut(key.as_str())) {
                    value.push_str(&"\n".repeat(*blanks + 1));
                    value.push_str(line);
                }
                *blanks = 0;
                continue;
            }
        }
        open = None;
        if let Some(name) = line
            .strip_prefix('[')
            .and_then(|l| l.rfind(']').map(|end| &l[..end]))
        {
            if !name.is_empty() {
                section = Some(name.to_string());
                out.entry(name.to_string()).or_default();
                continue;
            }
        }
        let Some(sec) = &section else { continue };
        if let Some(i) = line.find(['=', ':']) {
            let key = line[..i].trim().to_lowercase();
            let value = line[i + 1..].trim().to_string();
            out.entry(sec.clone())
                .or_default()
                .insert(key.clone(), value);
            open = Some((key, indent, 0));
        }
    }
    out
}

/// `name` in `section`, else in `[DEFAULT]`, as `RawConfigParser.get` looks it up.
fn lookup<'a>(ini: &'a Ini, section: &str, name: &str) -> Option<&'a String> {
    ini.get(section)
        .and_then(|s| s.get(name))
        .or_else(|| ini.get(DEFAULT_SECTION)?.get(name))
}

/// Where python-ovh looks, lowest priority first.
pub fn standard_paths(home: Option<&Path>, cwd: Option<&Path>) -> Vec<PathBuf> {
    let mut paths = vec![PathBuf::from("/etc/ovh.conf")];
    if let Some(h) = home {
        paths.push(h.join(".ovh.conf"));
    }
    if let Some(c) = cwd {
        paths.push(c.join("ovh.conf"));
    }
    paths
}

/// Keys found outside the app, ready to verify and import. Holds secrets: never serialised.
#[derive(Debug, Clone)]
pub struct Found {
    /// Where they came from, for the offer ("~/.ovh.conf", "OVH_* environment variables").
    pub sources: Vec<String>,
    pub account: Account,
}

/// Looks for a complete set of keys: application key + secret + consumer key, or a service
/// account's client id + secret. `env` reads an environment variable; `files` are read in
/// increasing priority (see [`standard_paths`]).
pub fn discover(env: &dyn Fn(&str) -> Option<String>, files: &[PathBuf]) -> Option<Found> {
    let mut merged: Ini = HashMap::new();
    let mut file_sources: Vec<(PathBuf, Ini)> = Vec::new();
    for path in files {
        if let Ok(text) = std::fs::read_to_string(path) {
            let ini = parse_ini(&text);
            for (sec, values) in &ini {
                merged
                    .entry(sec.clone())
                    .or_default()
                    .extend(values.clone());
            }
            file_sources.push((path.clone(), ini));
        }
    }
    let mut sources: Vec<String> = Vec::new();
    let mut note = |s: String| {
        if !sources.contains(&s) {
            sources.push(s);
        }
    };
    let mut get = |section: &str, name: &str| -> Option<String> {
        let var = format!("OVH_{}", name.to_uppercase());
        if let Some(v) = env(&var).filter(|v| !v.trim().is_empty()) {
            note("OVH_* environment variables".into());
            return Some(v.trim().to_string());
        }
        let v = lookup(&merged, section, name)?.clone();
        // The file that won is the last one (highest priority) that has the value.
        if let Some((path, _)) = file_sources
            .iter()
            .rev()
            .find(|(_, ini)| lookup(ini, section, name).is_some())
        {
            note(path.display().to_string());
        }
        Some(v)
    };
    let endpoint_name = get("default", "endpoint").unwrap_or_else(|| "ovh-eu".into());
    let endpoint: Endpoint = endpoint_name.parse().ok()?;
    let section = endpoint_name.as_str();
    let ak = get(section, "application_key");
    let secret = get(section, "application_secret");
    let ck = get(section, "consumer_key");
    let client_id = get(section, "client_id");
    let client_secret = get(section, "client_secret");
    let account = match (ak, secret, ck, client_id, client_secret) {
        (Some(ak), Some(secret), Some(ck), _, _) => Account::Keys {
            endpoint,
            credentials: ovh::Credentials {
                application_key: ak,
                application_secret: Sensitive::new(secret),
                consumer_key: Some(Sensitive::new(ck)),
            },
        },
        (_, _, _, Some(id), Some(secret)) => Account::ServiceAccount {
            endpoint,
            account: ovh::ServiceAccount {
                client_id: id,
                client_secret: Sensitive::new(secret),
            },
        },
        _ => return None,
    };
    Some(Found { sources, account })
}

/// [`discover`] on this machine: the process environment and python-ovh's three files.
pub fn discover_here() -> Option<Found> {
    // Python's `expanduser`, as python-ovh uses it: HOME, else USERPROFILE (Windows).
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from);
    let cwd = std::env::current_dir().ok();
    let files = standard_paths(home.as_deref(), cwd.as_deref());
    let home_text = home.map(|h| h.display().to_string());
    discover(&|k| std::env::var(k).ok(), &files).map(|mut f| {
        // "~/.ovh.conf" reads better than the full path and says the same.
        if let Some(h) = &home_text {
            for s in &mut f.sources {
                if let Some(rest) = s.strip_prefix(h.as_str()) {
                    *s = format!("~{rest}");
                }
            }
        }
        f
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn keys(f: &Found) -> (String, String, String, String) {
        match &f.account {
            Account::Keys {
                endpoint,
                credentials,
            } => (
                endpoint.name().to_string(),
                credentials.application_key.clone(),
                credentials.application_secret.expose().clone(),
                credentials.consumer_key.as_ref().unwrap().expose().clone(),
            ),
            other => panic!("expected keys, got {other:?}"),
        }
    }

    #[test]
    fn python_ovh_format_with_comments_and_both_separators() {
        let ini = parse_ini(
            "; comment\n[default]\n; general configuration: default endpoint\nendpoint=ovh-ca\n\n\
             [ovh-ca]\napplication_key = AK\nApplication_Secret: AS\n# consumer_key=old\nconsumer_key=CK\n",
        );
        assert_eq!(ini["default"]["endpoint"], "ovh-ca");
        assert_eq!(ini["ovh-ca"]["application_secret"], "AS");
        assert_eq!(ini["ovh-ca"]["consumer_key"], "CK");
    }

    #[test]
    fn python_rules_for_default_continuations_and_headers() {
        let ini = parse_ini(
            "[DEFAULT]\nconsumer_key = SHARED\n[ovh-eu] ; the EU keys\napplication_key = AK\n\
             application_secret = first\n    second\n\n  third\n  ; not part of it\n\
             [ OVH-CA ]\nkey = a ; b\n",
        );
        assert_eq!(lookup(&ini, "ovh-eu", "consumer_key").unwrap(), "SHARED");
        assert_eq!(
            ini["ovh-eu"]["application_secret"], "first\nsecond\n\nthird",
            "indented lines continue the value, blank lines inside kept"
        );
        assert_eq!(ini["ovh-eu"]["application_key"], "AK");
        assert_eq!(ini[" OVH-CA "]["key"], "a ; b", "no inline comments");
        assert!(!ini.contains_key("ovh-ca"), "section names as written");
    }

    #[test]
    fn later_files_override_earlier_ones_key_by_key() {
        let dir = tempdir();
        let etc = write(
            &dir,
            "etc.conf",
            "[default]\nendpoint=ovh-eu\n[ovh-eu]\napplication_key=ETC_AK\napplication_secret=ETC_AS\nconsumer_key=ETC_CK\n",
        );
        let home = write(&dir, "home.conf", "[ovh-eu]\nconsumer_key=HOME_CK\n");
        let found = discover(&no_env, &[etc.clone(), home.clone(), dir.join("missing")]).unwrap();
        assert_eq!(
            keys(&found),
            (
                "ovh-eu".into(),
                "ETC_AK".into(),
                "ETC_AS".into(),
                "HOME_CK".into()
            )
        );
        assert_eq!(
            found.sources,
            vec![etc.display().to_string(), home.display().to_string()]
        );
    }

    #[test]
    fn environment_variables_win_over_files() {
        let dir = tempdir();
        let conf = write(
            &dir,
            "ovh.conf",
            "[default]\nendpoint=ovh-eu\n[ovh-eu]\napplication_key=F_AK\napplication_secret=F_AS\nconsumer_key=F_CK\n[ovh-us]\napplication_key=US_AK\napplication_secret=US_AS\nconsumer_key=US_CK\n",
        );
        let env = |k: &str| match k {
            "OVH_ENDPOINT" => Some("ovh-us".to_string()),
            "OVH_CONSUMER_KEY" => Some("ENV_CK".to_string()),
            _ => None,
        };
        let found = discover(&env, &[conf]).unwrap();
        assert_eq!(
            keys(&found),
            (
                "ovh-us".into(),
                "US_AK".into(),
                "US_AS".into(),
                "ENV_CK".into()
            )
        );
        assert!(found.sources[0].contains("environment"));
    }

    #[test]
    fn a_service_account_and_incomplete_sets() {
        let dir = tempdir();
        let sa = write(
            &dir,
            "sa.conf",
            "[default]\nendpoint=ovh-eu\n[ovh-eu]\nclient_id=ID\nclient_secret=SECRET\n",
        );
        match discover(&no_env, &[sa]).unwrap().account {
            Account::ServiceAccount { account, .. } => {
                assert_eq!(account.client_id, "ID");
                assert_eq!(account.client_secret.expose(), "SECRET");
            }
            other => panic!("{other:?}"),
        }
        let partial = write(&dir, "p.conf", "[ovh-eu]\napplication_key=AK\n");
        assert!(discover(&no_env, &[partial]).is_none());
        assert!(discover(&no_env, &[]).is_none());
        let bad = write(&dir, "b.conf", "[default]\nendpoint=kimsufi-eu\n");
        assert!(discover(&no_env, &[bad]).is_none(), "unsupported endpoint");
    }

    #[test]
    fn a_url_endpoint_as_go_ovh_allows() {
        let env = |k: &str| match k {
            "OVH_ENDPOINT" => Some("http://127.0.0.1:8787/1.0".to_string()),
            "OVH_APPLICATION_KEY" => Some("A".to_string()),
            "OVH_APPLICATION_SECRET" => Some("B".to_string()),
            "OVH_CONSUMER_KEY" => Some("C".to_string()),
            _ => None,
        };
        assert_eq!(
            keys(&discover(&env, &[]).unwrap()).0,
            "http://127.0.0.1:8787/1.0"
        );
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "ovhconf-test-{}-{}",
            std::process::id(),
            rand::random::<u32>()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
