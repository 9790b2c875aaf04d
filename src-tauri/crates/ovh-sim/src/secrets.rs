//! Looking for secrets where they must never be: every file under some folders, searched for
//! each secret as UTF-8, as UTF-16LE (how WebKit keeps web storage in SQLite) and as base64 at
//! each of its three alignments. Shared by the fault tests and the end-to-end scan, which
//! prove it works by finding secrets planted in each form.
use std::path::{Path, PathBuf};

use base64::Engine;

/// What a scan read and found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Files read whole.
    pub files: usize,
    /// Files that could not be read (a scan that skipped files proves nothing about them).
    pub unreadable: Vec<PathBuf>,
    /// `(file, form)` for each secret found.
    pub hits: Vec<(PathBuf, &'static str)>,
}

/// The byte strings `secret` may be stored as.
pub fn forms(secret: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut out = vec![
        ("utf-8", secret.as_bytes().to_vec()),
        (
            "utf-16le",
            secret.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
    ];
    // Inside a longer base64 text the secret starts at any byte offset modulo 3; the characters
    // that also encode its neighbours differ, the ones in between do not.
    let b64 = base64::engine::general_purpose::STANDARD;
    for offset in 0..3usize {
        let mut bytes = vec![0u8; offset];
        bytes.extend_from_slice(secret.as_bytes());
        let text = b64.encode(&bytes);
        let skip = (offset * 4).div_ceil(3);
        let keep = (secret.len() * 4 / 3).saturating_sub(4);
        if keep >= 8 {
            out.push(("base64", text.as_bytes()[skip..skip + keep].to_vec()));
        }
    }
    out
}

/// Reads every file under `dirs` (missing folders are skipped) and looks for each secret in
/// each of its forms.
pub fn scan(dirs: &[&Path], secrets: &[&str]) -> Scan {
    let needles: Vec<(&'static str, Vec<u8>)> = secrets.iter().flat_map(|s| forms(s)).collect();
    let mut scan = Scan::default();
    let mut stack: Vec<PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            match std::fs::read(&path) {
                Ok(bytes) => {
                    scan.files += 1;
                    for (form, needle) in &needles {
                        if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
                            scan.hits.push((path.clone(), form));
                        }
                    }
                }
                Err(_) => scan.unreadable.push(path),
            }
        }
    }
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_secret_planted_in_each_form() {
        let secret = "Xq8d7Hh2KpL0wZ3vBn6Tg4Rm";
        let dir = std::env::temp_dir().join(format!("secrets-scan-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("deep")).unwrap();
        std::fs::write(dir.join("clean.txt"), b"nothing here").unwrap();
        for (i, (form, bytes)) in forms(secret).into_iter().enumerate() {
            let mut planted = b"some prefix ".to_vec();
            planted.extend_from_slice(&bytes);
            std::fs::write(dir.join("deep").join(format!("{i}-{form}")), &planted).unwrap();
        }
        // base64 of a longer text that holds the secret at each offset.
        let b64 = base64::engine::general_purpose::STANDARD;
        for pad in 0..3 {
            let text = format!("{}{{\"key\":\"{secret}\"}}", "p".repeat(pad));
            std::fs::write(dir.join(format!("b64-{pad}")), b64.encode(text)).unwrap();
        }
        let found = scan(&[&dir], &[secret]);
        assert_eq!(found.files, 1 + forms(secret).len() + 3);
        let mut files: Vec<_> = found.hits.iter().map(|(p, _)| p.clone()).collect();
        files.dedup();
        assert_eq!(files.len(), forms(secret).len() + 3, "{:?}", found.hits);
        assert!(scan(&[&dir], &["not-in-any-file-at-all"]).hits.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
