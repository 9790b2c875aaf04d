//! The user's preferences, in a small JSON file in the app's config directory: language, quiet
//! successes and whether start at login was asked (start at login is the OS's own entry). No
//! secret ever goes here (the account is in the keyring). A missing or unreadable file means the
//! defaults.
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::files::JsonFile;

/// What the user chose in Settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// A [`Language`]'s code; `None` follows the system locale. Kept as text so that a code
    /// this version does not know leaves the rest of the file readable.
    pub language: Option<String>,
    /// No desktop notification for successes (failures and missed runs are always shown).
    pub quiet_successes: bool,
    /// Whether the user answered the home's question "start when you log in?", asked once.
    pub login_asked: bool,
}

/// The control panel's languages, which the window speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "Lang")]
pub enum Language {
    En,
    Fr,
    De,
    Es,
    It,
    Pl,
    Pt,
}

impl Language {
    pub const ALL: [Language; 7] = [
        Language::En,
        Language::Fr,
        Language::De,
        Language::Es,
        Language::It,
        Language::Pl,
        Language::Pt,
    ];

    /// The ISO 639-1 code, as the settings file and the window's catalogs name it.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::De => "de",
            Language::Es => "es",
            Language::It => "it",
            Language::Pl => "pl",
            Language::Pt => "pt",
        }
    }

    /// The language of a locale tag (`fr_CA.UTF-8`, `de-AT`, `pt`) when the window speaks it.
    pub fn of(tag: &str) -> Option<Language> {
        let base = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == base)
    }
}

impl Settings {
    /// The chosen language, when the file names one the window speaks.
    pub fn chosen_language(&self) -> Option<Language> {
        self.language.as_deref().and_then(Language::of)
    }

    /// The language in use: the chosen one, else the system's, else English.
    pub fn language_or(&self, system: &str) -> Language {
        self.chosen_language()
            .or_else(|| Language::of(system))
            .unwrap_or(Language::En)
    }

    /// Follows `language`, or the system when `None`.
    pub fn choose_language(&mut self, language: Option<Language>) {
        self.language = language.map(|l| l.code().to_string());
    }
}

/// Where the settings live: `settings.json`, or memory only (no config directory).
#[derive(Debug, Clone)]
pub struct Store {
    file: JsonFile<Settings>,
}

impl Store {
    /// `settings.json` in `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            file: JsonFile::in_dir(dir, "settings.json"),
        }
    }

    /// Memory only (no config directory).
    pub fn none() -> Self {
        Self {
            file: JsonFile::none(),
        }
    }

    pub fn load(&self) -> Settings {
        self.file.load()
    }

    /// Writes atomically (see [`crate::files`]).
    pub fn save(&self, settings: &Settings) -> std::io::Result<()> {
        self.file.save(settings)
    }
}

/// The system locale as the platform names it (`fr_FR.UTF-8` from `LC_ALL`, `LC_MESSAGES` or
/// `LANG`; `fr-FR` from the user's Windows locale), for [`Settings::language_or`].
pub fn system_language() -> String {
    #[cfg(windows)]
    {
        // Windows programs get no LANG: the user's choice is in the OS's locale settings.
        sys_locale::get_locale().unwrap_or_default()
    }
    #[cfg(not(windows))]
    {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let dir = crate::files::scratch_dir("settings");
        let store = Store::in_dir(&dir);
        assert_eq!(store.load(), Settings::default());
        let s = Settings {
            language: Some("fr".into()),
            quiet_successes: true,
            login_asked: true,
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
        let older = store.load();
        assert!(older.quiet_successes, "unknown fields are ignored");
        assert!(
            !older.login_asked,
            "a file from before the question has not answered it"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unknown_code_in_the_file_follows_the_system() {
        let s = Settings {
            language: Some("xx".into()),
            ..Settings::default()
        };
        assert_eq!(s.chosen_language(), None);
        assert_eq!(s.language_or("de_AT.UTF-8"), Language::De);
    }

    #[test]
    fn language_follows_the_system_unless_chosen() {
        let mut s = Settings::default();
        assert_eq!(s.language_or("fr_FR.UTF-8"), Language::Fr);
        assert_eq!(s.language_or("de_DE.UTF-8"), Language::De);
        assert_eq!(s.language_or("pt_BR.UTF-8"), Language::Pt);
        assert_eq!(
            s.language_or("nl_NL.UTF-8"),
            Language::En,
            "not a control panel language"
        );
        assert_eq!(s.language_or("C.UTF-8"), Language::En);
        s.choose_language(Some(Language::En));
        assert_eq!(s.language.as_deref(), Some("en"), "kept by its code");
        assert_eq!(s.language_or("fr_FR.UTF-8"), Language::En);
        s.choose_language(None);
        assert_eq!(s.language, None, "as the system is kept as no choice");
        assert_eq!(
            s.language_or("fr-FR"),
            Language::Fr,
            "Windows names locales with a hyphen"
        );
    }

    /// Read from the OS, not from LANG: the Wine harness (`.ci/windows-tests`) starts Windows in
    /// French and says so in `BACKUP_DESK_WINDOWS_LOCALE`.
    #[cfg(windows)]
    #[test]
    fn windows_language_is_the_users_locale() {
        let expected = std::env::var("BACKUP_DESK_WINDOWS_LOCALE")
            .expect("the Windows test harness names the locale it set");
        assert_eq!(system_language(), expected);
        assert_eq!(
            Settings::default().language_or(&system_language()),
            Language::Fr
        );
    }
}
