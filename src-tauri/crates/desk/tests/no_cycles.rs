//! No two modules of the desk (or the shell) need each other, directly or through others: a
//! module can then be read, tested and changed from the bottom up. Read from the sources: a
//! module uses another when it names `crate::<other>`.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What `lib.rs` re-exports (`pub use module::{A, B}`): the item's name and its module.
fn reexports(src: &Path) -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap_or_default();
    let mut out = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = rest.trim_end_matches(';').split_once("::") else {
            continue;
        };
        for item in items.trim_matches(['{', '}']).split(',') {
            out.insert(item.trim().to_string(), module.to_string());
        }
    }
    out
}

/// Each module of `src` and the modules of the same crate it names (directly, or through an
/// item `lib.rs` re-exports).
fn uses(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let reexported = reexports(src);
    let files: Vec<_> = std::fs::read_dir(src)
        .expect("the crate's sources")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    let names: BTreeSet<String> = files
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut out = BTreeMap::new();
    for path in &files {
        let me = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).expect("a source file");
        // Tests may reach anywhere: only the module's own code counts.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let mut used = BTreeSet::new();
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let mut words = vec![];
            if let Some(group) = rest.strip_prefix('{') {
                // `use crate::{a, b::c, …}`
                let inner = group.split('}').next().unwrap_or_default();
                words.extend(
                    inner
                        .split(',')
                        .map(|w| w.trim().split("::").next().unwrap_or_default().to_string()),
                );
            } else {
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                words.push(word);
            }
            for w in words {
                let module = reexported.get(&w).cloned().unwrap_or(w);
                if module != me && names.contains(&module) {
                    used.insert(module);
                }
            }
        }
        out.insert(me, used);
    }
    out
}

/// A cycle of `graph`, as the modules' names, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_finder_sees_a_cycle() {
    let graph = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["c".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert_eq!(
        cycle(&graph).map(|c| c.join(" → ")),
        Some("a → b → c → a".into())
    );
}

#[test]
fn the_desks_modules_form_no_cycle() {
    let graph = uses(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        graph["session"].contains("backups"),
        "the reader sees uses: {graph:?}"
    );
    assert!(
        graph["backups"].contains("said"),
        "and re-exports: {graph:?}"
    );
    assert_eq!(cycle(&graph), None, "modules that need each other");
}

/// The shell's modules too (`src-tauri/src`, read from here: this crate's tests build in
/// seconds, the shell's in minutes).
#[test]
fn the_shells_modules_form_no_cycle() {
    let graph = uses(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src"));
    assert!(
        graph["notify"].contains("tray"),
        "the reader sees uses: {graph:?}"
    );
    assert_eq!(cycle(&graph), None, "modules that need each other");
}
