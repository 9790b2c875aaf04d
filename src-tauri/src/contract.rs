//! The window's contract, declared once in Rust: the commands' names ([`COMMANDS`]), the events'
//! names, and every type that crosses to the window. `ui/src/bindings.ts` is generated from them
//! (ts-rs) and committed; a test fails when it is out of date, and others check that the build
//! script, the capability and the invoke handler name exactly [`COMMANDS`].
use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};

use ts_rs::{Config, TypeVisitor, TS};

include!("command_list.rs");

/// Where the generated file lives, from this crate's directory.
pub const BINDINGS: &str = "../ui/src/bindings.ts";

/// Every type a command takes or returns, or an event carries; what they use comes with them.
fn roots(v: &mut Collect) {
    use desk::automatic::{AutoForm, Choice, Covered, Outcome, Preview};
    v.visit::<crate::commands::SessionInfo>();
    v.visit::<crate::commands::CreatedDto>();
    v.visit::<crate::commands::NewInstanceDto>();
    v.visit::<crate::commands::WorkflowRef>();
    v.visit::<crate::error::ErrorDto>();
    v.visit::<crate::account::AccountStatus>();
    v.visit::<crate::account::ImportOffer>();
    v.visit::<crate::account::EndpointLinks>();
    v.visit::<crate::account::KeysInput>();
    v.visit::<crate::account::ServiceAccountInput>();
    v.visit::<crate::prefs::Prefs>();
    v.visit::<crate::prefs::PrefsChange>();
    v.visit::<crate::events::Target>();
    v.visit::<crate::events::Told>();
    v.visit::<crate::events::Changed>();
    v.visit::<crate::events::Ended>();
    v.visit::<desk::inventory::ProjectSummary>();
    v.visit::<desk::inventory::InstanceRow>();
    v.visit::<desk::session::BackupForm>();
    v.visit::<desk::session::BackupList>();
    v.visit::<desk::session::DeleteOutcome>();
    v.visit::<desk::session::WorkflowBackups>();
    v.visit::<desk::session::DeletionReport>();
    v.visit::<desk::restore::RestoreOptions>();
    v.visit::<desk::restore_tests::RehearsalForm>();
    v.visit::<desk::restore_tests::LatestBackup>();
    v.visit::<desk::journal::Tracked>();
    v.visit::<AutoForm>();
    v.visit::<Choice>();
    v.visit::<Preview>();
    v.visit::<Outcome>();
    v.visit::<Covered>();
    v.visit::<crate::commands::Overview>();
    v.visit::<desk::workflows::WorkflowRow>();
    v.visit::<desk::pricing::PriceCountry>();
    v.visit::<desk::check::Report>();
    v.visit::<desk::account::AccountInfo>();
    v.visit::<ovh::rules::Feature>();
}

/// Walks types and what they use, keeping one declaration per named type.
struct Collect {
    cfg: Config,
    seen: HashSet<TypeId>,
    decls: BTreeMap<String, String>,
}

impl TypeVisitor for Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        // Named types are declared; containers (`Vec`, `Option`, maps) only lead to them.
        if T::output_path().is_some() {
            let docs = T::docs().unwrap_or_default();
            let decl = format!("{docs}export {}", T::decl(&self.cfg));
            self.decls.insert(T::ident(&self.cfg), decl);
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

fn event_names() -> [(&'static str, &'static str); 7] {
    use crate::events::*;
    [
        ("backupsChanged", BACKUPS_CHANGED),
        ("backupEnded", BACKUP_ENDED),
        ("confirmQuit", CONFIRM_QUIT),
        ("navigate", NAVIGATE),
        ("schedulesChanged", SCHEDULES_CHANGED),
        ("scheduleRun", SCHEDULE_RUN),
        ("rehearsalEnded", REHEARSAL_ENDED),
    ]
}

/// The text of `ui/src/bindings.ts`.
pub fn bindings() -> String {
    // JSON numbers: no count or size the app sends comes near 2^53.
    let mut v = Collect {
        cfg: Config::new().with_large_int("number"),
        seen: HashSet::new(),
        decls: BTreeMap::new(),
    };
    roots(&mut v);
    let mut out = String::from(
        "// Generated from the Rust types by `make bindings` (src-tauri/src/contract.rs): do not \
         edit.\n// A test fails when this file and the Rust side differ.\n\n",
    );
    for decl in v.decls.values() {
        out.push_str(decl);
        out.push_str("\n\n");
    }
    out.push_str("/** The commands the window may call. */\nexport const COMMANDS = [\n");
    for c in COMMANDS {
        out.push_str(&format!("  \"{c}\",\n"));
    }
    out.push_str("] as const;\n\nexport type Command = (typeof COMMANDS)[number];\n\n");
    out.push_str("/** The events the Rust side emits to the window. */\nexport const EVENTS = {\n");
    for (key, name) in event_names() {
        out.push_str(&format!("  {key}: \"{name}\",\n"));
    }
    out.push_str("} as const;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(path: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// `UPDATE_BINDINGS=1` (what `make bindings` sets) writes the file instead of comparing.
    #[test]
    fn the_window_bindings_are_current() {
        let fresh = bindings();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/bindings.ts is out of date with the Rust types: run `make bindings` and commit it"
        );
    }

    #[test]
    fn every_named_type_is_declared_once() {
        let text = bindings();
        for name in [
            "BackupRow",
            "ApiError",
            "ErrorKind",
            "Lang",
            "Target",
            "Section",
        ] {
            let decl = format!("export type {name} = ");
            assert_eq!(text.matches(&decl).count(), 1, "{name}");
        }
        assert!(
            !text.contains("bigint"),
            "counts and sizes cross as numbers"
        );
    }

    #[test]
    fn the_capability_allows_exactly_the_commands() {
        let cap: serde_json::Value =
            serde_json::from_str(&read("capabilities/default.json")).unwrap();
        let mut allowed: Vec<String> = cap["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(str::to_string))
            .collect();
        let mut expected: Vec<String> = COMMANDS.iter().map(|c| c.replace('_', "-")).collect();
        allowed.sort();
        expected.sort();
        assert_eq!(allowed, expected);
    }

    #[test]
    fn the_handler_registers_exactly_the_commands() {
        let lib = read("src/lib.rs");
        let start = lib.find("generate_handler![").expect("the invoke handler");
        let list = &lib[start..start + lib[start..].find(']').unwrap()];
        let mut registered: Vec<&str> = list
            .split(',')
            .filter_map(|item| item.trim().rsplit("::").next())
            .filter(|name| !name.is_empty() && !name.contains('['))
            .collect();
        let mut expected = COMMANDS.to_vec();
        registered.sort();
        expected.sort();
        assert_eq!(registered, expected);
    }

    #[test]
    fn the_build_script_declares_the_list() {
        assert!(read("build.rs").contains("include!(\"src/command_list.rs\")"));
    }
}
