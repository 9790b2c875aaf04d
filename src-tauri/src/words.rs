//! The desktop's words — notifications, the tray, the start-up message — from the window's own
//! Fluent catalogs (`ui/locales/<lang>.ftl`, the `desktop-` messages), so that each language has
//! one catalog with one set of plural rules, and the shell builds no sentence of its own.
use std::sync::LazyLock;

use desk::settings::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

fn source(lang: Language) -> &'static str {
    match lang {
        Language::En => include_str!("../../ui/locales/en.ftl"),
        Language::Fr => include_str!("../../ui/locales/fr.ftl"),
        Language::De => include_str!("../../ui/locales/de.ftl"),
        Language::Es => include_str!("../../ui/locales/es.ftl"),
        Language::It => include_str!("../../ui/locales/it.ftl"),
        Language::Pl => include_str!("../../ui/locales/pl.ftl"),
        Language::Pt => include_str!("../../ui/locales/pt.ftl"),
    }
}

fn bundle(lang: Language) -> FluentBundle<FluentResource> {
    let id = lang
        .code()
        .parse()
        .expect("a language code is a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The text goes to the desktop's notification server and tray, which show the invisible
    // isolation marks as boxes on some desktops.
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(r, e)| {
        tracing::error!(lang = lang.code(), "catalog errors: {e:?}");
        r
    });
    if let Err(e) = bundle.add_resource(resource) {
        tracing::error!(lang = lang.code(), "catalog errors: {e:?}");
    }
    bundle
}

static BUNDLES: LazyLock<Vec<(Language, FluentBundle<FluentResource>)>> =
    LazyLock::new(|| Language::ALL.iter().map(|&l| (l, bundle(l))).collect());

/// A value for a message's variable: text, or a count that selects the plural form.
pub enum Arg<'a> {
    Text(&'a str),
    Count(usize),
}

/// Message `id` in `lang`, with its variables; English when the language lacks it, and the id
/// itself when no catalog has it (a test makes sure every id used exists everywhere).
pub fn text(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent.set(*name, FluentValue::from(*s)),
            Arg::Count(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    for lang in [lang, Language::En] {
        let Some((_, bundle)) = BUNDLES.iter().find(|(l, _)| *l == lang) else {
            continue;
        };
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(id, lang = lang.code(), "message errors: {errors:?}");
            }
            return out.into_owned();
        }
    }
    tracing::error!(id, "no such message");
    id.to_string()
}

/// What the Rust side tells the user (`said-<code>`, `why-<code>`), as the window words it
/// (`saidText` in `ui/src/dom.ts`): a nested refusal worded first, a form field by its label.
pub fn said(lang: Language, said: &desk::Said) -> String {
    let value = serde_json::to_value(said).unwrap_or_default();
    coded(lang, "said-", &value)
}

fn coded(lang: Language, prefix: &str, value: &serde_json::Value) -> String {
    use serde_json::Value;
    let Some(fields) = value.as_object() else {
        return String::new();
    };
    let code = fields
        .get("code")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if prefix == "said-" && code == "why" {
        return coded(lang, "why-", fields.get("why").unwrap_or(&Value::Null));
    }
    let words: Vec<(&str, String)> = fields
        .iter()
        .filter(|(name, _)| *name != "code")
        .map(|(name, v)| {
            let word = match v {
                Value::Object(_) => coded(lang, "said-", v),
                Value::String(s) if name == "field" => text(lang, s, &[]),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (name.as_str(), word)
        })
        .collect();
    let args: Vec<(&str, Arg)> = words.iter().map(|(n, w)| (*n, Arg::Text(w))).collect();
    text(lang, &format!("{prefix}{code}"), &args)
}

/// A size in GB in the language's way (`14.2 GB`, `14,2 Go`), as the window's `sizeGb`.
pub fn size_gb(lang: Language, gb: f64) -> String {
    let number = format!("{gb:.1}");
    let number = if lang == Language::En {
        number
    } else {
        number.replace('.', ",")
    };
    text(lang, "sizeGb", &[("size", Arg::Text(&number))])
}

/// A duration as `35 s` or `1 min 35 s` (the units read the same in every language here).
pub fn duration(secs: i64) -> String {
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min {:02} s", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `desktop-` ids the shell's sources name.
    fn used_ids() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut ids = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.ends_with("words.rs") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            for part in text.split('"').skip(1).step_by(2) {
                if part.starts_with("desktop-") && !part.contains(' ') {
                    ids.push(part.to_string());
                }
            }
        }
        ids.sort();
        ids.dedup();
        ids
    }

    fn variables(pattern: &str) -> Vec<String> {
        let mut v: Vec<String> = pattern
            .split('$')
            .skip(1)
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()
            })
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// Each message's source text, by id.
    fn messages(lang: Language) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in source(lang).lines() {
            match line.split_once(" = ") {
                Some((id, rest)) if !line.starts_with(' ') && !id.contains(' ') => {
                    current = Some(id.to_string());
                    out.insert(id.to_string(), rest.to_string());
                }
                _ if line.starts_with(' ') => {
                    if let Some(id) = &current {
                        out.get_mut(id).unwrap().push_str(line);
                    }
                }
                _ => current = None,
            }
        }
        out
    }

    #[test]
    fn every_desktop_message_is_in_every_language_with_the_same_variables() {
        let used = used_ids();
        assert!(used.len() >= 25, "the scan found the ids: {used:?}");
        let en = messages(Language::En);
        for lang in Language::ALL {
            let catalog = messages(lang);
            for id in &used {
                let text = catalog
                    .get(id)
                    .unwrap_or_else(|| panic!("{id} is missing in {}", lang.code()));
                assert_eq!(
                    variables(text),
                    variables(&en[id]),
                    "{id} in {}",
                    lang.code()
                );
            }
        }
        let unused: Vec<&String> = en
            .keys()
            .filter(|id| id.starts_with("desktop-") && !used.contains(id))
            .collect();
        assert!(unused.is_empty(), "no code uses {unused:?}");
    }

    #[test]
    fn every_catalog_parses_for_the_rust_side() {
        for lang in Language::ALL {
            assert!(
                FluentResource::try_new(source(lang).to_string()).is_ok(),
                "{}",
                lang.code()
            );
        }
    }

    #[test]
    fn counts_select_each_languages_plural_form() {
        let away = |lang, n| text(lang, "desktop-whileAwayTitle", &[("count", Arg::Count(n))]);
        assert_eq!(
            away(Language::En, 1),
            "While you were away: 1 backup finished"
        );
        assert_eq!(
            away(Language::En, 2),
            "While you were away: 2 backups finished"
        );
        assert_eq!(
            away(Language::Pl, 3),
            "Podczas Twojej nieobecności: zakończono 3 kopie zapasowe"
        );
        assert_eq!(
            away(Language::Pl, 5),
            "Podczas Twojej nieobecności: zakończono 5 kopii zapasowych"
        );
        assert_eq!(
            away(Language::Fr, 1),
            "Pendant votre absence : 1 sauvegarde terminée"
        );
    }

    #[test]
    fn sizes_follow_the_language() {
        assert_eq!(size_gb(Language::En, 14.24), "14.2 GB");
        assert_eq!(size_gb(Language::Fr, 14.24), "14,2 Go");
        assert_eq!(size_gb(Language::De, 0.06), "0,1 GB");
        assert_eq!(duration(35), "35 s");
        assert_eq!(duration(95), "1 min 35 s");
    }

    #[test]
    fn a_refusal_is_worded_as_the_window_words_it() {
        let nested = desk::Said::Why {
            why: desk::Why::ScheduleRefusedRestored {
                refused: Box::new(desk::Said::ServerProblem { status: 500 }),
            },
        };
        let fr = said(Language::Fr, &nested);
        assert!(fr.starts_with("La nouvelle planification a été refusée (OVHcloud a rencontré un problème (erreur 500)."), "{fr}");
        let field = desk::Said::Why {
            why: desk::Why::FieldRequired {
                field: desk::Field::ClientId,
            },
        };
        assert_eq!(
            said(Language::En, &field),
            "Client ID: this field is required."
        );
        let safety = desk::Said::Why {
            why: desk::Why::SafetyBackupFailed,
        };
        assert!(!said(Language::Pl, &safety).contains("why-"));
    }

    #[test]
    fn an_unknown_id_shows_itself_rather_than_nothing() {
        assert_eq!(text(Language::De, "desktop-nope", &[]), "desktop-nope");
    }
}
