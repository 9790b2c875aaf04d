//! An automated accessibility check (axe-core, injected into the real webview) on every screen
//! and the main dialogs: no serious or critical violation.
use e2e::{eventually, root, with_app, App, Result};

/// Runs axe on the page as it is now and returns its serious and critical violations.
async fn violations(app: &App, screen: &str) -> Result<Vec<String>> {
    let axe = std::fs::read_to_string(root().join("ui/node_modules/axe-core/axe.min.js"))
        .map_err(|e| format!("axe-core is missing ({e}); `make deps` installs it"))?;
    app.script::<bool>("inject axe", &format!("{axe}\nreturn true;"), false)
        .await?;
    let list: Vec<String> = app
        .script(
            "run axe",
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
                   v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            true,
        )
        .await?;
    println!("{screen}: {} serious or critical violations", list.len());
    Ok(list.into_iter().map(|v| format!("{screen}: {v}")).collect())
}

#[tokio::test]
async fn no_serious_accessibility_violation_on_any_screen() {
    with_app("a11y", async |app| -> Result<()> {
        let mut found = Vec::new();
        app.find_text("Protection overview").await?;
        app.find("table").await?;
        found.extend(violations(app, "overview").await?);
        app.click_text("Instances").await?;
        app.find_text("web-frontend-1").await?;
        found.extend(violations(app, "instances").await?);
        app.click("tr[data-instance='web-frontend-1'] button[aria-haspopup]")
            .await?;
        app.click_text("Create a backup").await?;
        app.find("#backup-name").await?;
        found.extend(violations(app, "backup dialog").await?);
        app.press("\u{E00C}").await?;
        app.click("tr[data-instance='web-frontend-2'] button[aria-haspopup]")
            .await?;
        app.click_text("Create an automatic backup").await?;
        app.find("dialog select, dialog input").await?;
        found.extend(violations(app, "automatic backup dialog").await?);
        app.press("\u{E00C}").await?;
        app.click_text("Instance Backup").await?;
        app.find("table").await?;
        found.extend(violations(app, "instance backup").await?);
        app.click_text("Workflow Management").await?;
        app.find("table").await?;
        found.extend(violations(app, "workflow management").await?);
        app.click_text("Account").await?;
        app.find("#connect").await?;
        found.extend(violations(app, "account").await?);
        app.click_text("Preferences").await?;
        app.find("#prefs-quiet").await?;
        found.extend(violations(app, "preferences").await?);
        if found.is_empty() {
            Ok(())
        } else {
            Err(format!("accessibility violations:\n{}", found.join("\n")))
        }
    })
    .await;
}

/// What has the keyboard focus: its id, aria-haspopup and text.
async fn focused(app: &App) -> Result<(String, String, String)> {
    let el = app
        .client
        .active_element()
        .await
        .map_err(|e| e.to_string())?;
    let id = el.attr("id").await.ok().flatten().unwrap_or_default();
    let popup = el
        .attr("aria-haspopup")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    let text = el.text().await.unwrap_or_default();
    Ok((id, popup, text))
}

/// Waits up to 5 s for the focused control, as (id, aria-haspopup, text), to pass `on`: the
/// focus is read until it lands, not once, since it may move in a task after the key's own (a
/// dialog's close event gives it back).
async fn focus_reaches(
    app: &App,
    on: impl Fn(&(String, String, String)) -> bool,
    failure: &str,
) -> Result<()> {
    eventually(std::time::Duration::from_secs(5), async || {
        let now = focused(app).await?;
        if on(&now) {
            Ok(())
        } else {
            Err(format!("focus on {now:?}"))
        }
    })
    .await
    .map_err(|_| failure.to_string())
}

#[tokio::test]
async fn a_backup_can_be_asked_for_with_the_keyboard_alone() {
    with_app("keyboard", async |app| -> Result<()> {
        app.click_text("Instances").await?;
        app.find_text("api-gateway").await?;
        // Tab from the Instances link to the first row's "…" button.
        let mut reached = false;
        for _ in 0..40 {
            app.press("\u{E004}").await?;
            if focused(app).await?.1 == "menu" {
                reached = true;
                break;
            }
        }
        if !reached {
            return Err("Tab never reached a row's \"…\" button".into());
        }
        app.press("\u{E007}").await?;
        let (_, _, item) = focused(app).await?;
        if item != "Create a backup" {
            return Err(format!(
                "Enter on \"…\" focused {item:?}, not the first action"
            ));
        }
        app.press("\u{E007}").await?;
        app.find("#backup-name").await?;
        focus_reaches(
            app,
            |(id, _, _)| id == "backup-name",
            "the backup dialog does not put the focus in the name",
        )
        .await?;
        app.screenshot("keyboard-backup-dialog").await?;
        app.press("\u{E00C}").await?;
        focus_reaches(
            app,
            |(_, popup, _)| popup == "menu",
            "Escape does not give the focus back to the \"…\" button",
        )
        .await?;
        // Enter in the dialog sends it.
        app.press("\u{E007}").await?;
        app.press("\u{E007}").await?;
        app.find("#backup-name").await?;
        app.press("\u{E007}").await?;
        app.find_text("Backup of api-gateway started. You will be notified when it is ready.")
            .await?;
        Ok(())
    })
    .await;
}
