//! Every language of the control panel, walked screen by screen in the real window at its default
//! size: no text overflows its control and no table needs a sideways scrollbar. The overview and
//! the backup dialog of each language are left in `tests/artifacts/languages-<lang>-*.png`; and
//! in French, German and Polish each refusal reaches the user in that language (the account
//! form's is left as `languages-<lang>-refusal.png`). In English, French and German a quota
//! failure, of a scheduled run and of a backup asked for, is advice in that language with its
//! action (`languages-<lang>-quota-*.png`). A first-time journey in English, French and German
//! backs up from the home, meets no jargon outside "Details", "Advanced" and "For IT staff",
//! finds every control within the window's width, and the automatic backup as one sentence with
//! Confirm in view (`languages-<lang>-first-*.png`).
use std::time::Duration;

use e2e::{eventually, post_json, root, spare_port, with_app_env, App, NotificationWatch, Result};

/// The languages and the system locale each is tested under.
const LANGUAGES: [(&str, &str); 7] = [
    ("en", "en_GB.UTF-8"),
    ("fr", "fr_FR.UTF-8"),
    ("de", "de_DE.UTF-8"),
    ("es", "es_ES.UTF-8"),
    ("it", "it_IT.UTF-8"),
    ("pl", "pl_PL.UTF-8"),
    ("pt", "pt_PT.UTF-8"),
];

/// Message `id` of `lang`'s catalog, as a one-line text without variables.
fn word(lang: &str, id: &str) -> String {
    let path = root().join(format!("ui/locales/{lang}.ftl"));
    let text = std::fs::read_to_string(&path).expect("the catalog");
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{id} is not in {}", path.display()))
        .to_string()
}

/// What overflows on the page as it is now: the page or a scrolling box that needs a sideways
/// scrollbar, and controls and cells whose text is wider than they are.
async fn overflows(app: &App, screen: &str) -> Result<Vec<String>> {
    let list: Vec<String> = app
        .script(
            &format!("measure {screen}"),
            r##"const bad = [];
               const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
               const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " \"" + (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50) + "\"";
               const page = document.scrollingElement;
               if (page.scrollWidth > page.clientWidth + 1) bad.push(`the window scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
               for (const el of document.querySelectorAll("body *")) {
                 if (!shown(el)) continue;
                 const x = getComputedStyle(el).overflowX;
                 if ((x === "auto" || x === "scroll") && el.scrollWidth > el.clientWidth + 1) {
                   // The outermost parts that stick out, to say what is too wide.
                   const edge = el.getBoundingClientRect().left + el.clientWidth + 1;
                   const out = [...el.querySelectorAll("*")].filter((c) => shown(c) && c.getBoundingClientRect().right > edge && !(c.parentElement.getBoundingClientRect().right > edge && c.parentElement !== el)).slice(0, 3).map(name);
                   bad.push(`${name(el)} needs a sideways scrollbar (${el.scrollWidth} > ${el.clientWidth}), for ${out.join(", ")}`);
                 }
               }
               // Every action control inside the window and inside each box that clips it: a
               // button one has to scroll sideways to is not found.
               for (const el of document.querySelectorAll("button, a.btn, select, input, [role=menuitem], a.nav-item")) {
                 if (!shown(el)) continue;
                 const r = el.getBoundingClientRect();
                 let right = window.innerWidth, left = 0;
                 // Up to the first box pinned to the window (a menu): what is above cannot clip it.
                 for (let p = el; p && getComputedStyle(p).position !== "fixed" && (p = p.parentElement); ) {
                   if (getComputedStyle(p).overflowX === "visible") continue;
                   const b = p.getBoundingClientRect();
                   right = Math.min(right, b.left + p.clientLeft + p.clientWidth);
                   left = Math.max(left, b.left + p.clientLeft);
                 }
                 if (r.right > right + 1 || r.left < left - 1) bad.push(`${name(el)} is out of reach (${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(left)}–${Math.round(right)})`);
               }
               for (const el of document.querySelectorAll("button, .btn, th, td, label, .status, .nav-item, h1, h2, [role=menuitem]")) {
                 if (!shown(el) || getComputedStyle(el).display === "inline") continue;
                 if (el.scrollWidth > el.clientWidth + 1) bad.push(`${name(el)} is wider than its box (${el.scrollWidth} > ${el.clientWidth})`);
               }
               return bad;"##,
            false,
        )
        .await?;
    println!("{screen}: {} overflows", list.len());
    for v in &list {
        println!("  {v}");
    }
    Ok(list.into_iter().map(|v| format!("{screen}: {v}")).collect())
}

/// Opens a sidebar section.
async fn section(app: &App, name: &str) -> Result<()> {
    app.click(&format!("a.nav-item[data-section='{name}']"))
        .await
}

/// Walks the main screens and dialogs in `lang`, returning what overflows; a backup started on
/// the way stays in progress (the demo cloud on `port` is slowed), so Instance Backup is
/// measured with its widest row, the one that can be cancelled.
async fn walk(app: &App, lang: &str, port: u16, shots: &str) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let size: (u64, u64) = app
        .script("window size", "return [innerWidth, innerHeight];", false)
        .await?;
    let at = |s: &str| format!("{lang} {}×{} {s}", size.0, size.1);
    app.find("table").await?;
    if post_json(port, "/_sim/pace", r#"{"snapshotMinSecs": 3600}"#).await? != 204 {
        return Err("pace not set".into());
    }
    app.find_text(&word(lang, "overviewTitle")).await?;
    found.extend(overflows(app, &at("overview")).await?);
    app.screenshot(&format!("{shots}-overview")).await?;

    section(app, "instances").await?;
    app.find("tr[data-instance='mail-gateway']").await?;
    found.extend(overflows(app, &at("instances")).await?);
    app.click("tr[data-instance='mail-gateway'] button[aria-haspopup]")
        .await?;
    app.find("[role=menu]").await?;
    found.extend(overflows(app, &at("instance menu")).await?);
    app.click_text(&word(lang, "createBackup")).await?;
    app.find("#backup-name").await?;
    app.find("#confirm-backup").await?;
    found.extend(overflows(app, &at("backup dialog")).await?);
    app.screenshot(&format!("{shots}-backup-dialog")).await?;
    app.fill("#backup-name", "e2e walk").await?;
    app.click("#confirm-backup").await?;
    // A click while the modal dialog is still closing lands on it, not on the row's "…".
    eventually(Duration::from_secs(20), async || {
        match app.count("dialog[open]").await? {
            0 => Ok(()),
            n => Err(format!("{n} dialog(s) still open")),
        }
    })
    .await?;

    app.click("tr[data-instance='web-frontend-2'] button[aria-haspopup]")
        .await?;
    app.find("[role=menu]").await?;
    app.click_text(&word(lang, "createAutoBackup")).await?;
    app.find("dialog select, dialog input").await?;
    found.extend(overflows(app, &at("automatic backup dialog")).await?);
    app.press("\u{E00C}").await?;

    for (name, ready) in [
        ("backups", "tr[data-backup='e2e walk'] button"),
        ("workflows", "table"),
        ("account", "#connect"),
        ("preferences", "#prefs-quiet"),
    ] {
        section(app, name).await?;
        app.find(ready).await?;
        found.extend(overflows(app, &at(name)).await?);
        app.screenshot(&format!("{shots}-{name}")).await?;
    }
    Ok(found)
}

/// Walks every screen in each of `languages`, in a window of `size` (the default when `None`),
/// and fails naming all that does not fit.
async fn fits(languages: &[&str], size: Option<(u32, u32)>) {
    let mut all = Vec::new();
    for (lang, locale) in LANGUAGES.into_iter().filter(|(l, _)| languages.contains(l)) {
        let port = spare_port();
        let env = [
            ("LANG", locale.to_string()),
            ("LC_ALL", locale.to_string()),
            ("BACKUP_DESK_DEMO_PORT", port.to_string()),
        ];
        let mut found = Vec::new();
        let name = match size {
            None => format!("languages-{lang}"),
            Some((w, h)) => format!("small-{lang}-{w}x{h}"),
        };
        with_app_env(&name, &env, async |app| -> Result<()> {
            if let Some((w, h)) = size {
                app.client
                    .set_window_size(w, h)
                    .await
                    .map_err(|e| format!("resize: {e}"))?;
            }
            found = walk(app, lang, port, &name).await?;
            Ok(())
        })
        .await;
        all.extend(found);
    }
    assert!(
        all.is_empty(),
        "what does not fit or is out of reach:\n{}",
        all.join("\n")
    );
}

#[tokio::test]
async fn every_language_fits_the_window() {
    fits(&LANGUAGES.map(|(l, _)| l), None).await;
}

/// A small laptop screen, in the three languages with the longest words.
#[tokio::test]
async fn every_action_is_in_reach_in_a_small_window() {
    fits(&["en", "fr", "de"], Some((1024, 700))).await;
}

/// Message `id` of `lang`'s catalog with its variables filled in.
fn filled(lang: &str, id: &str, vars: &[(&str, &str)]) -> String {
    vars.iter().fold(word(lang, id), |text, (name, value)| {
        text.replace(&format!("{{ ${name} }}"), value)
    })
}

/// Waits until the page shows a text containing every one of `parts`.
async fn shows_all(app: &App, css: &str, parts: &[String]) -> Result<String> {
    eventually(Duration::from_secs(20), async || {
        let text = app.text_of(css).await?;
        match parts.iter().find(|p| !text.contains(p.as_str())) {
            None => Ok(text),
            Some(missing) => Err(format!("{css} shows {text:?}, without {missing:?}")),
        }
    })
    .await
}

/// Each refusal the user can meet, triggered for real, reads in `lang`: a backup in use, a
/// backup not yet available, a workflow OVH refuses to delete, and keys the account refuses.
async fn refusals(app: &App, lang: &str, port: u16) -> Result<()> {
    app.find("table").await?;
    // A backup that stays in progress for the whole test.
    if post_json(port, "/_sim/pace", r#"{"snapshotMinSecs": 3600}"#).await? != 204 {
        return Err("pace not set".into());
    }
    section(app, "instances").await?;
    app.click("tr[data-instance='mail-gateway'] button[aria-haspopup]")
        .await?;
    app.click_text(&word(lang, "createBackup")).await?;
    app.fill("#backup-name", "e2e in progress").await?;
    app.click("#confirm-backup").await?;

    section(app, "backups").await?;
    let in_use = "web-frontend-1 2025-release";
    app.click(&format!("tr[data-backup='{in_use}'] input[type=checkbox]"))
        .await?;
    app.click("#delete-selected").await?;
    let expected = filled(
        lang,
        "deleteBlocked",
        &[("name", in_use), ("instances", "web-preprod")],
    );
    shows_all(app, "dialog p.blocked", &[expected]).await?;
    app.press("\u{E00C}").await?;
    app.click(&format!("tr[data-backup='{in_use}'] input[type=checkbox]"))
        .await?;

    let busy = "tr[data-backup='e2e in progress'] input[type=checkbox]";
    eventually(Duration::from_secs(20), async || {
        app.find(busy).await.map(|_| ())
    })
    .await?;
    app.click(busy).await?;
    app.click("#delete-selected").await?;
    let expected = filled(lang, "deleteNotAvailable", &[("name", "e2e in progress")]);
    shows_all(app, "dialog p.blocked", &[expected]).await?;
    app.press("\u{E00C}").await?;

    let fault = r#"{"method": "DELETE", "path": "/cloud/project/*/region/*/workflow/backup/*", "status": 500}"#;
    let status = post_json(port, "/_sim/faults", fault).await?;
    if !(200..300).contains(&status) {
        return Err(format!("fault not set: HTTP {status}"));
    }
    section(app, "workflows").await?;
    app.click("tr[data-workflow='nightly-web-frontend-1'] input[type=checkbox]")
        .await?;
    app.click("#delete-workflows").await?;
    app.click("#confirm-delete-workflows").await?;
    let template = filled(lang, "deleteFailed", &[("name", "nightly-web-frontend-1")]);
    let mut parts: Vec<String> = template
        .split("{ $reason }")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    parts.push(filled(lang, "said-serverProblem", &[("status", "500")]));
    shows_all(app, "dialog .not-deleted", &parts).await?;
    app.click("#close-report").await?;

    section(app, "account").await?;
    app.click("#way-keys").await?;
    app.fill("#keys-ak", "abc def").await?;
    app.fill("#keys-as", "secret").await?;
    app.fill("#keys-ck", "consumer").await?;
    app.click("#save-keys").await?;
    let label = word(lang, "applicationKey");
    let expected = filled(lang, "why-fieldSpaces", &[("field", &label)]);
    shows_all(app, ".form-status", &[expected]).await?;
    app.screenshot(&format!("languages-{lang}-refusal")).await?;
    Ok(())
}

#[tokio::test]
async fn refusals_reach_the_user_in_french_german_and_polish() {
    for (lang, locale) in LANGUAGES
        .into_iter()
        .filter(|(l, _)| ["fr", "de", "pl"].contains(l))
    {
        let port = spare_port();
        let env = [
            ("LANG", locale.to_string()),
            ("LC_ALL", locale.to_string()),
            ("BACKUP_DESK_DEMO_PORT", port.to_string()),
        ];
        with_app_env(&format!("refusals-{lang}"), &env, async |app| {
            refusals(app, lang, port).await
        })
        .await;
    }
}

/// A quota failure reads as advice in `lang`, with the action that makes room: on the home, for
/// the demo's scheduled run that failed on a quota; in the backup dialog, for a backup OVH
/// refuses with a quota in its words. Each "Show backups in …" opens Instance Backup on that
/// region; OVH's own words stay under "Details".
async fn quota_advice(app: &App, lang: &str, port: u16) -> Result<()> {
    section(app, "overview").await?;
    let row = "tr[data-covered='db-primary']";
    let region = app.text_of(&format!("{row} th .note")).await?;
    let advice = filled(lang, "attnQuota", &[("region", &region)]);
    let show = filled(lang, "showBackupsIn", &[("region", &region)]);
    shows_all(
        app,
        row,
        &[advice, show.clone(), word(lang, "adviceDetails")],
    )
    .await?;
    let js = format!(
        "const r = document.querySelector(\"{row}\"); r.querySelector('details').open = true; r.scrollIntoView({{block: 'center'}}); return null;"
    );
    app.script::<()>("show the row", &js, false).await?;
    app.screenshot(&format!("languages-{lang}-quota-home"))
        .await?;
    app.click(&format!("{row} [data-remedy='show-backups']"))
        .await?;
    eventually(Duration::from_secs(20), async || {
        match app.value_of("#backup-region").await? {
            r if r == region => Ok(()),
            other => Err(format!("Instance Backup shows {other:?}, not {region}")),
        }
    })
    .await?;

    let fault = r#"{"method": "POST", "path": "/cloud/project/*/instance/*/snapshot", "status": 403, "message": "Quota exceeded for snapshots", "times": 1}"#;
    if !(200..300).contains(&post_json(port, "/_sim/faults", fault).await?) {
        return Err("fault not set".into());
    }
    section(app, "overview").await?;
    let row = "tr[data-covered='web-preprod']";
    let region = app.text_of(&format!("{row} th .note")).await?;
    app.click(&format!("{row} button.back-up-now")).await?;
    app.fill("#backup-name", "quota").await?;
    app.click("#confirm-backup").await?;
    let show = filled(lang, "showBackupsIn", &[("region", &region)]);
    shows_all(app, "dialog", &[word(lang, "said-quota"), show]).await?;
    app.screenshot(&format!("languages-{lang}-quota-dialog"))
        .await?;
    app.click("dialog [data-remedy='show-backups']").await?;
    eventually(Duration::from_secs(20), async || {
        let open = app.count("dialog[open]").await?;
        match app.value_of("#backup-region").await? {
            r if r == region && open == 0 => Ok(()),
            other => Err(format!(
                "{open} dialog(s) open, Instance Backup on {other:?}"
            )),
        }
    })
    .await
}

#[tokio::test]
async fn a_quota_failure_is_advice_with_its_action_in_english_french_and_german() {
    for (lang, locale) in LANGUAGES
        .into_iter()
        .filter(|(l, _)| ["en", "fr", "de"].contains(l))
    {
        let port = spare_port();
        let env = [
            ("LANG", locale.to_string()),
            ("LC_ALL", locale.to_string()),
            ("BACKUP_DESK_DEMO_PORT", port.to_string()),
            // A fixed winter noon: db-primary's last nightly run is the failed one.
            ("BACKUP_DESK_DEMO_NOW", "2026-01-14T12:00:00Z".to_string()),
        ];
        with_app_env(&format!("quota-{lang}"), &env, async |app| {
            quota_advice(app, lang, port).await
        })
        .await;
    }
}

/// Words of the API and of OpenStack that staff should not meet in the main paths.
const JARGON: [&str; 7] = [
    "cron",
    "workflow",
    "rotation",
    "consumer key",
    "oauth2",
    "snapshot",
    "instantané",
];

/// What `css` shows (its visible text: closed "Details", "Advanced" and "For IT staff" hide
/// theirs) that is jargon, and the controls in it that lie outside the window's width.
async fn plain_and_in_reach(app: &App, css: &str, what: &str) -> Result<()> {
    // What is rendered: WebKit's WebDriver text also reads the inside of a closed <details>.
    let js = format!(
        "return [...document.querySelectorAll(\"{css}\")].map((e) => e.innerText).join('\\n');"
    );
    let text: String = app.script("visible text", &js, false).await?;
    let lower = text.to_lowercase();
    let mut found: Vec<String> = JARGON
        .iter()
        .filter(|w| lower.contains(*w))
        .map(|w| {
            let at = lower.find(*w).unwrap_or(0);
            let from = lower[..at]
                .char_indices()
                .rev()
                .nth(60)
                .map_or(0, |(i, _)| i);
            format!(
                "{what} says {w:?} (…{}…)",
                &text[from..(at + w.len()).min(text.len())]
            )
        })
        .collect();
    // "UTC" is the zone's name only when the system's zone is UTC; here it is Paris.
    if text.contains("UTC") {
        found.push(format!("{what} says \"UTC\""));
    }
    let js = format!(
        "const w = window.innerWidth, out = [];
         for (const el of document.querySelectorAll(\"{css}\")) for (const c of el.querySelectorAll('button, input, select, a[href], summary')) {{
           const r = c.getBoundingClientRect();
           if (r.width === 0 && r.height === 0) continue;
           if (r.left < -0.5 || r.right > w + 0.5) out.push(c.id || c.textContent.trim().slice(0, 40));
         }}
         return out;"
    );
    let outside: Vec<String> = app.script("controls in reach", &js, false).await?;
    found.extend(
        outside
            .into_iter()
            .map(|c| format!("{what}: {c:?} is outside the window")),
    );
    if found.is_empty() {
        Ok(())
    } else {
        Err(found.join("; "))
    }
}

/// The first time, as a member of staff: the home, "Back up now" on a server, the notification,
/// the home saying "just now"; the automatic backup dialog looked at and closed. In plain words
/// and within reach throughout.
async fn first_time(app: &App, lang: &str, watch: &NotificationWatch) -> Result<()> {
    let row = "tr[data-covered='web-preprod']";
    app.find(row).await?;
    plain_and_in_reach(app, "#content", "the home").await?;
    app.screenshot(&format!("languages-{lang}-first-home"))
        .await?;
    app.click(&format!("{row} button.back-up-now")).await?;
    app.find("#backup-name").await?;
    plain_and_in_reach(app, "dialog[open]", "the backup dialog").await?;
    app.screenshot(&format!("languages-{lang}-first-backup"))
        .await?;
    app.click("#confirm-backup").await?;
    let title = filled(
        lang,
        "desktop-backupReadyTitle",
        &[("instance", "web-preprod")],
    );
    watch.wait_for(&title, Duration::from_secs(90)).await?;
    shows_all(app, row, &[word(lang, "justNow")]).await?;
    let unprotected = "tr[data-covered='api-gateway'] button.protect";
    app.click(unprotected).await?;
    app.find("dialog[open] form").await?;
    // One sentence, its parts folded: Confirm in view without scrolling.
    let lead = filled(lang, "autoLead", &[("names", "api-gateway")]);
    // …with its monthly total inside it ("— up to ~€0.29/month").
    let total = word(lang, "autoCostTail");
    let total = total
        .split("{ $total }")
        .next()
        .unwrap_or_default()
        .to_string();
    shows_all(app, "#schedule-preview .sentence", &[lead, total]).await?;
    plain_and_in_reach(app, "dialog[open]", "the automatic backup dialog").await?;
    let js = "const d = document.querySelector('dialog[open]'), c = document.getElementById('confirm-auto').getBoundingClientRect();
              return d.scrollHeight <= d.clientHeight + 1 && c.bottom <= window.innerHeight;";
    if !app.script::<bool>("Confirm in view", js, false).await? {
        return Err("the automatic backup dialog scrolls to its Confirm".into());
    }
    app.screenshot(&format!("languages-{lang}-first-automatic"))
        .await?;
    // "Change time" opens the schedule on the preset's own time, the time field focused.
    let preset = app.text_of("#schedule-preview .sentence").await?;
    app.click("#change-time").await?;
    eventually(Duration::from_secs(10), async || {
        let focused: String = app
            .script("focus", "return document.activeElement.id;", false)
            .await?;
        let time = app.value_of("#schedule-time").await?;
        if focused == "schedule-time" && preset.contains(&time) {
            Ok(())
        } else {
            Err(format!(
                "focus on {focused:?}, time {time:?}, preset {preset:?}"
            ))
        }
    })
    .await?;
    app.press("\u{E00C}").await
}

#[tokio::test]
async fn a_first_time_in_english_french_and_german_is_plain_and_within_reach() {
    for (lang, locale) in LANGUAGES
        .into_iter()
        .filter(|(l, _)| ["en", "fr", "de"].contains(l))
    {
        let watch = NotificationWatch::start(&format!("first-{lang}"))
            .await
            .expect("dbus-monitor");
        let env = [("LANG", locale.to_string()), ("LC_ALL", locale.to_string())];
        with_app_env(&format!("first-{lang}"), &env, async |app| {
            first_time(app, lang, &watch).await
        })
        .await;
        watch.stop().await;
    }
}
