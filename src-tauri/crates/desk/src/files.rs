//! The app's own JSON files (in-progress journal, what was notified, backups made, settings,
//! the chosen country): written atomically inside a versioned envelope, `{"format": 1, "data":
//! …}`, and read back whatever version 0.1 wrote (the same data without the envelope). A file
//! that cannot be read is set aside under a new name with a log line, never silently emptied:
//! what it held can still be recovered by hand, and the next write cannot overwrite it.
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The envelope's format this version writes. Raise it when a file's data changes in a way an
/// older reader would misread, and read the previous format below.
pub const FORMAT: u64 = 1;

/// Reads `path`: `None` when it does not exist or had to be set aside.
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Option<T> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            tracing::warn!("cannot read {}: {e}", path.display());
            return None;
        }
    };
    match decode(&bytes) {
        Ok(value) => Some(value),
        Err(why) => {
            set_aside(path, &why);
            None
        }
    }
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("not JSON ({e})"))?;
    let data = match value.get("format").and_then(|f| f.as_u64()) {
        Some(FORMAT) => value.get("data").cloned().unwrap_or_default(),
        Some(newer) if newer > FORMAT => {
            return Err(format!("written by a newer Backup Desk (format {newer})"))
        }
        Some(other) => return Err(format!("unknown format {other}")),
        // Version 0.1 wrote the data alone.
        None => value,
    };
    serde_json::from_value(data).map_err(|e| format!("unexpected content ({e})"))
}

/// Moves an unreadable file out of the way, keeping it beside the new one.
fn set_aside(path: &Path, why: &str) {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let aside: PathBuf = path.with_file_name(format!("{name}.unreadable-{stamp}"));
    match std::fs::rename(path, &aside) {
        Ok(()) => tracing::warn!(
            "{} could not be read: {why}; kept as {} and started afresh",
            path.display(),
            aside.display()
        ),
        Err(e) => tracing::warn!(
            "{} could not be read: {why}; setting it aside failed too: {e}",
            path.display()
        ),
    }
}

/// Writes `value` to `path` in the current format, atomically (a temporary file renamed over
/// the old one), so a crash never leaves half a file.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let envelope = serde_json::json!({ "format": FORMAT, "data": value });
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(&envelope)?)?;
    std::fs::rename(tmp, path)
}

/// An empty folder of its own for a unit test. Process ids come back (Wine's are small), so a
/// previous run's files are removed first: they must never count.
#[cfg(test)]
pub(crate) fn scratch_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("a scratch folder");
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        scratch_dir(&format!("files-{name}"))
    }

    fn aside(d: &Path) -> Vec<String> {
        std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".unreadable-"))
            .collect()
    }

    #[test]
    fn reads_what_it_writes_and_what_0_1_wrote() {
        let d = dir("round");
        let p = d.join("x.json");
        write_json(&p, &vec![1, 2]).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("\"format\": 1"), "{text}");
        assert_eq!(read_json::<Vec<i32>>(&p), Some(vec![1, 2]));
        std::fs::write(&p, b"[3]").unwrap();
        assert_eq!(read_json::<Vec<i32>>(&p), Some(vec![3]), "0.1's bare data");
        assert_eq!(read_json::<Vec<i32>>(&d.join("none.json")), None);
        assert!(aside(&d).is_empty());
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn an_unreadable_file_is_set_aside_not_emptied() {
        for (case, bytes) in [
            ("broken", &b"{not json"[..]),
            ("newer", &br#"{"format": 99, "data": [1]}"#[..]),
            ("wrong", &br#"{"a": 1}"#[..]),
        ] {
            let d = dir(case);
            let p = d.join("x.json");
            std::fs::write(&p, bytes).unwrap();
            assert_eq!(read_json::<Vec<i32>>(&p), None, "{case}");
            assert!(!p.exists(), "{case}: left in place, to be overwritten");
            let kept = aside(&d);
            assert_eq!(kept.len(), 1, "{case}: {kept:?}");
            assert_eq!(std::fs::read(d.join(&kept[0])).unwrap(), bytes, "{case}");
            std::fs::remove_dir_all(&d).unwrap();
        }
    }
}
