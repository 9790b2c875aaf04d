//! The app's own JSON files (in-progress journal, what was notified, backups made, settings,
//! the chosen country): written atomically inside a versioned envelope, `{"format": 1, "data":
//! …}`, and read back whatever version 0.1 wrote (the same data without the envelope). A file
//! that cannot be read is set aside under a new name with a log line, never silently emptied:
//! what it held can still be recovered by hand, and the next write cannot overwrite it.
//! Each file is a [`JsonFile`]: the journal, the notified runs, the records, the settings and the
//! price country share its reading, writing and "memory only" rules.
use std::borrow::Borrow;
use std::io::Write;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The envelope's format this version writes. Raise it when a file's data changes in a way an
/// older reader would misread, and read the previous format below.
pub const FORMAT: u64 = 1;

/// One of the app's JSON files holding a `T`, or none at all: without a config folder (and in
/// unit tests) the data lives in memory only and every save succeeds.
pub struct JsonFile<T> {
    path: Option<PathBuf>,
    data: PhantomData<fn(T) -> T>,
}

impl<T> JsonFile<T> {
    /// The file `name` in `dir`.
    pub fn in_dir(dir: &Path, name: &str) -> Self {
        Self::at(Some(dir.join(name)))
    }

    /// No file: memory only.
    pub fn none() -> Self {
        Self::at(None)
    }

    /// The file `name` in `dir`, or memory only when there is no folder for it.
    pub fn in_dir_or_none(dir: Option<&Path>, name: &str) -> Self {
        Self::at(dir.map(|d| d.join(name)))
    }

    fn at(path: Option<PathBuf>) -> Self {
        Self {
            path,
            data: PhantomData,
        }
    }

    /// Replaces the file's content atomically. `V` is `T` or what `T` borrows as (a slice for a
    /// `Vec`), so a caller holding a slice need not copy it.
    pub fn save<V>(&self, value: &V) -> std::io::Result<()>
    where
        T: Borrow<V>,
        V: Serialize + ?Sized,
    {
        match &self.path {
            Some(path) => write_json(path, value),
            None => Ok(()),
        }
    }
}

impl<T: DeserializeOwned + Default> JsonFile<T> {
    /// The content, or `T::default()` when there is no file or it had to be set aside.
    pub fn load(&self) -> T {
        self.path.as_deref().and_then(read_json).unwrap_or_default()
    }
}

impl<T> Clone for JsonFile<T> {
    fn clone(&self) -> Self {
        Self::at(self.path.clone())
    }
}

impl<T> std::fmt::Debug for JsonFile<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("JsonFile").field(&self.path).finish()
    }
}

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

/// Writes `value` to `path` in the current format, atomically: a uniquely named temporary file in
/// the same folder, flushed to disk, then renamed over the old one, so neither a crash nor two
/// writers at once ever leave half a file.
fn write_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let envelope = serde_json::json!({ "format": FORMAT, "data": value });
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    serde_json::to_writer_pretty(&mut tmp, &envelope)?;
    tmp.flush()?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map(drop).map_err(|e| e.error)
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
        let file = JsonFile::<Vec<i32>>::in_dir(&d, "x.json");
        file.save(&[1, 2][..]).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains("\"format\": 1"), "{text}");
        assert_eq!(file.load(), vec![1, 2]);
        file.save(&vec![4]).unwrap();
        assert_eq!(file.load(), vec![4], "replaced, not appended");
        std::fs::write(&p, b"[3]").unwrap();
        assert_eq!(file.load(), vec![3], "0.1's bare data");
        assert_eq!(
            JsonFile::<Vec<i32>>::in_dir(&d, "none.json").load(),
            Vec::<i32>::new()
        );
        assert!(aside(&d).is_empty());
        let names: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn without_a_folder_nothing_is_written() {
        let file = JsonFile::<Vec<i32>>::none();
        file.save(&vec![1]).unwrap();
        assert_eq!(file.load(), Vec::<i32>::new());
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
