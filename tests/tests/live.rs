//! The window keeps what the user is doing while backups move: a dialog being typed in, the
//! focused control, a ticked row and the scroll position all survive the events a finishing
//! backup sends (issue 17). The demo cloud is slowed so each backup ends while the user works.
use std::time::Duration;

use e2e::{post_json, spare_port, with_app_env, App, Result};

/// Starts a backup of `instance` named `name` from the Instances list.
async fn back_up(app: &App, instance: &str, name: &str) -> Result<()> {
    app.click("a.nav-item[data-section='instances']").await?;
    app.click(&format!(
        "tr[data-instance='{instance}'] button[aria-haspopup]"
    ))
    .await?;
    app.click_text("Create a backup").await?;
    app.fill("#backup-name", name).await?;
    app.click("#confirm-backup").await?;
    app.find_text(&format!(
        "Backup of {instance} started. You will be notified when it is ready."
    ))
    .await
    .map(|_| ())
}

/// Whether the window has shown that `name` of `instance` is ready (the toast of its end).
async fn ended(app: &App, name: &str, instance: &str) -> Result<bool> {
    let title = format!("{instance} backed up");
    let body = format!("{name} · ");
    let json = |s: &str| serde_json::to_string(s).map_err(|e| e.to_string());
    let shown: bool = app
        .script(
            "toasts",
            &format!(
                "return [...document.querySelectorAll('.toast strong')].some((s) => s.textContent === {} && s.nextElementSibling.textContent.startsWith({}));",
                json(&title)?,
                json(&body)?
            ),
            false,
        )
        .await?;
    Ok(shown)
}

/// What has the focus, named by its id or its label.
async fn focused(app: &App) -> Result<String> {
    app.script(
        "focus",
        "const a = document.activeElement; return a.id || a.getAttribute('aria-label') || a.tagName;",
        false,
    )
    .await
}

#[tokio::test]
async fn typing_focus_selection_and_scroll_survive_a_backup_ending() {
    let port = spare_port();
    with_app_env(
        "live",
        &[("BACKUP_DESK_DEMO_PORT", port.to_string())],
        async |app| -> Result<()> {
            app.find("table").await?;
            if post_json(port, "/_sim/pace", r#"{"snapshotMinSecs": 6}"#).await? != 204 {
                return Err("pace not set".into());
            }

            // 1. Typing in a dialog while another backup ends: nothing typed is lost.
            back_up(app, "mail-gateway", "live one").await?;
            app.click("tr[data-instance='api-gateway'] button[aria-haspopup]")
                .await?;
            app.click_text("Create a backup").await?;
            app.find("#backup-name")
                .await?
                .clear()
                .await
                .map_err(|e| e.to_string())?;
            let mut typed = String::new();
            for word in "kept while the other backup ended and after".split(' ') {
                let input = app.find("#backup-name").await?;
                let key = if typed.is_empty() { word.to_string() } else { format!(" {word}") };
                input.send_keys(&key).await.map_err(|e| e.to_string())?;
                typed.push_str(&key);
                tokio::time::sleep(Duration::from_millis(700)).await;
                if ended(app, "live one", "mail-gateway").await? && typed.ends_with("after") {
                    break;
                }
            }
            let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
            while !ended(app, "live one", "mail-gateway").await? {
                if tokio::time::Instant::now() > deadline {
                    return Err("the first backup never ended".into());
                }
                let input = app.find("#backup-name").await?;
                input.send_keys(".").await.map_err(|e| e.to_string())?;
                typed.push('.');
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            let value = app.value_of("#backup-name").await?;
            if value != typed {
                return Err(format!("typed {typed:?}, the field has {value:?}"));
            }
            if focused(app).await? != "backup-name" {
                return Err(format!("the focus moved to {}", focused(app).await?));
            }
            app.press("\u{E00C}").await?;

            // 2. On Instances, the focused "…" keeps the focus when a backup ends.
            back_up(app, "db-replica", "live two").await?;
            let menu = "Actions for web-preprod";
            let _: bool = app
                .script(
                    "focus a row's menu",
                    &format!("document.querySelector(\"[aria-label='{menu}']\").focus(); return true;"),
                    false,
                )
                .await?;
            e2e::eventually(Duration::from_secs(60), async || {
                if ended(app, "live two", "db-replica").await? {
                    Ok(())
                } else {
                    Err("live two has not ended".to_string())
                }
            })
            .await?;
            // The list's refresh after the end has had time to land.
            tokio::time::sleep(Duration::from_secs(2)).await;
            if focused(app).await? != menu {
                return Err(format!(
                    "on Instances the focus moved from {menu:?} to {:?}",
                    focused(app).await?
                ));
            }

            // 3. On the protection overview, likewise for an unprotected row's button.
            back_up(app, "edge-madrid", "live four").await?;
            app.click("a.nav-item[data-section='overview']").await?;
            let protect = "tr[data-covered='web-preprod'] button";
            app.find(protect).await?;
            let _: bool = app
                .script(
                    "focus the overview's button",
                    &format!("const b = document.querySelector(\"{protect}\"); b.id = 'kept-here'; b.focus(); return true;"),
                    false,
                )
                .await?;
            e2e::eventually(Duration::from_secs(60), async || {
                if ended(app, "live four", "edge-madrid").await? {
                    Ok(())
                } else {
                    Err("live four has not ended".to_string())
                }
            })
            .await?;
            tokio::time::sleep(Duration::from_secs(2)).await;
            if focused(app).await? != "kept-here" {
                return Err(format!(
                    "on the overview the focus moved to {:?}",
                    focused(app).await?
                ));
            }

            // 4. On Instance Backup: a ticked, focused row and the scroll survive the end.
            back_up(app, "crm-3az", "live three").await?;
            app.click("a.nav-item[data-section='backups']").await?;
            let row = "tr[data-backup='live one'] input[type=checkbox]";
            app.click(row).await?;
            let before: f64 = app
                .script(
                    "scroll",
                    "const m = document.querySelector('.main'); m.scrollTop = 120; return m.scrollTop;",
                    false,
                )
                .await?;
            let _: bool = app
                .script(
                    "focus the tick",
                    &format!("document.querySelector(\"{row}\").focus({{preventScroll: true}}); return true;"),
                    false,
                )
                .await?;
            let label = app.attr(row, "aria-label").await?;
            e2e::eventually(Duration::from_secs(60), async || {
                let text = app.text_of("tr[data-backup='live three']").await?;
                if text.contains("Available") {
                    Ok(())
                } else {
                    Err(format!("live three: {text:?}"))
                }
            })
            .await?;
            tokio::time::sleep(Duration::from_secs(2)).await;
            let (ticked, top): (bool, f64) = app
                .script(
                    "after",
                    &format!("return [document.querySelector(\"{row}\").checked, document.querySelector('.main').scrollTop];"),
                    false,
                )
                .await?;
            if !ticked {
                return Err("the ticked row was unticked".into());
            }
            if (top - before).abs() > 1.0 {
                return Err(format!("the list scrolled from {before} to {top}"));
            }
            if focused(app).await? != label {
                return Err(format!(
                    "on Instance Backup the focus moved from {label:?} to {:?}",
                    focused(app).await?
                ));
            }
            Ok(())
        },
    )
    .await;
}
