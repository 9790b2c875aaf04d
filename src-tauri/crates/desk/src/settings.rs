//! The user's preferences, in a small JSON file in the app's config directory: language,
//! quiet successes, and whether the app starts at login. No secret ever goes here (the account is
//! in the keyring). A missing or unreadable file means the defaults.
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What the user chose in Settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// `en` or `fr`; `None` follows the system locale.
    pub language: Option<String>,
    /// No desktop notification for successes (failures and missed runs are always shown).
    pub quiet_successes: bool,
}

impl Settings {
    /// The language notifications use: the chosen one, else the system's.
    pub fn language_or(&self, system: &str) -> &'static str {
        match self.language.as_deref().unwrap_or(system) {
            l if l.starts_with("fr") => "fr",
            _ => "en",
        }
    }
}

/// Where the settings live.
#[derive(Debug, Clone)]
pub struct Store {
    path: Option<PathBuf>,
}

impl Store {
    /// `settings.json` in `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            path: Some(dir.join("settings.json")),
        }
    }

    /// Memory only (no config directory).
    pub fn none() -> Self {
        Self { path: None }
    }

    pub fn load(&self) -> Settings {
        let Some(path) = &self.path else {
            return Settings::default();
        };
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Writes atomically (a temporary file renamed over the old one).
    pub fn save(&self, settings: &Settings) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(settings)?)?;
        std::fs::rename(tmp, path)
    }
}

/// The system locale's language (`LC_ALL`, `LC_MESSAGES`, `LANG`), as `fr`/`en`.
pub fn system_language() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let dir = std::env::temp_dir().join(format!("settings-test-{}", std::process::id()));
        // Process ids come back (Wine's are small): a previous run's file must not count.
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::in_dir(&dir);
        assert_eq!(store.load(), Settings::default());
        let s = Settings {
            language: Some("fr".into()),
            quiet_successes: true,
        };
        store.save(&s).unwrap();
        assert_eq!(store.load(), s);
        std::fs::write(dir.join("settings.json"), b"{not json").unwrap();
        assert_eq!(
            store.load(),
            Settings::default(),
            "a broken file is the defaults"
        );
        std::fs::write(
            dir.join("settings.json"),
            br#"{"quietSuccesses":true,"new":1}"#,
        )
        .unwrap();
        assert!(store.load().quiet_successes, "unknown fields are ignored");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn language_follows_the_system_unless_chosen() {
        let mut s = Settings::default();
        assert_eq!(s.language_or("fr_FR.UTF-8"), "fr");
        assert_eq!(s.language_or("de_DE.UTF-8"), "en");
        s.language = Some("en".into());
        assert_eq!(s.language_or("fr_FR.UTF-8"), "en");
    }
}
