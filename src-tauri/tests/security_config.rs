//! The window's powers, checked from the configuration files: it may call exactly the commands
//! the UI uses (each registered with the build), no plugin command, and its content security
//! policy allows no remote origin and no inline or evaluated script.
use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `"name",` entries of the command list (`src/command_list.rs`, which build.rs declares).
fn built_commands() -> BTreeSet<String> {
    let build = read("src/command_list.rs");
    build
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix('"')?.strip_suffix("\","))
        .map(str::to_string)
        .collect()
}

/// Commands the UI invokes: `call("name"` in ui/src/api.ts.
fn ui_commands() -> BTreeSet<String> {
    let api = read("../ui/src/api.ts");
    api.split("call(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_window_may_call_exactly_what_the_ui_uses() {
    let caps: serde_json::Value = serde_json::from_str(&read("capabilities/default.json")).unwrap();
    let permissions: Vec<String> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let allowed: BTreeSet<String> = permissions
        .iter()
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|c| c.replace('-', "_"))
        .collect();
    let plugins: Vec<&String> = permissions
        .iter()
        .filter(|p| !p.starts_with("allow-"))
        .collect();
    assert_eq!(
        plugins,
        ["core:default", "core:event:default"],
        "no plugin permission beyond the core's and events"
    );
    let built = built_commands();
    let used = ui_commands();
    assert_eq!(
        allowed, built,
        "every built command is allowed, and only those"
    );
    assert_eq!(
        built, used,
        "every command is used by the UI, and the UI calls no other"
    );
    assert_eq!(caps["windows"], serde_json::json!(["main"]));
}

#[test]
fn the_content_security_policy_allows_no_remote_origin_and_no_inline_script() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    let directives: Vec<(&str, Vec<&str>)> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace();
            (parts.next().unwrap(), parts.collect())
        })
        .collect();
    let sources = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone())
    };
    let script = sources("script-src")
        .or_else(|| sources("default-src"))
        .expect("script sources are restricted");
    for bad in [
        "'unsafe-inline'",
        "'unsafe-eval'",
        "*",
        "data:",
        "http:",
        "https:",
    ] {
        assert!(!script.contains(&bad), "script sources allow {bad}: {csp}");
    }
    for (name, list) in &directives {
        for s in list {
            let remote = (s.starts_with("http://") || s.starts_with("https://"))
                && *s != "http://ipc.localhost";
            assert!(!remote && *s != "*", "{name} allows {s}: {csp}");
        }
    }
    assert_eq!(sources("default-src"), Some(vec!["'self'"]));
    assert!(conf["app"]["withGlobalTauri"].as_bool() != Some(true));
}
