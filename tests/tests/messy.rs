//! The main screens on answers shaped as OVH really sends them (nulls where the 2024 schema
//! says none, missing and unknown fields, states in either case, dates without offsets, one
//! record nobody can read), and "Check my account" naming what could not be read in a report
//! that holds no key, id or name.
use std::time::Duration;

use e2e::{eventually, with_app_env, Result};
use ovh_sim::Keys;

#[tokio::test]
async fn every_readable_item_shows_and_the_report_names_what_could_not_be_read() {
    with_app_env(
        "messy",
        &[("BACKUP_DESK_DEMO_SCENARIO", "messy".to_string())],
        async |app| -> Result<()> {
            app.click_text("Instances").await?;
            app.find("tr[data-instance='web-frontend-1']").await?;
            let instances = app.count("tr[data-instance]").await?;
            if instances != 11 {
                return Err(format!("{instances} instances shown of 11"));
            }
            app.click_text("Instance Backup").await?;
            app.find("tr[data-backup='mail-gateway weekly']").await?;
            let backups = app.count("#backups tr[data-backup]").await?;
            if backups < 15 {
                return Err(format!("only {backups} backups shown"));
            }
            let note = eventually(Duration::from_secs(10), async || {
                app.text_of("#unreadable-note").await
            })
            .await?;
            if !note.contains("could not be read") {
                return Err(format!(
                    "the screen does not say an item was left out: {note:?}"
                ));
            }
            app.screenshot("messy-backups").await?;

            // The main journey on these answers: a backup, followed to Available.
            app.click_text("Instances").await?;
            app.click("tr[data-instance='mail-gateway'] button[aria-haspopup]")
                .await?;
            app.click_text("Create a backup").await?;
            app.fill("#backup-name", "messy mail backup").await?;
            app.click("#confirm-backup").await?;
            app.find_text("Backup of mail-gateway started. You will be notified when it is ready.")
                .await?;
            app.click_text("Instance Backup").await?;
            let row = "tr[data-backup='messy mail backup']";
            eventually(Duration::from_secs(60), async || {
                let text = app.text_of(row).await?;
                if text.contains("Available") && text.contains("mail-gateway") {
                    Ok(())
                } else {
                    Err(format!("still: {text:?}"))
                }
            })
            .await?;
            app.click_text("Workflow Management").await?;
            app.find("tr[data-workflow='nightly-web-frontend-1']")
                .await?;
            app.click_text("Protection overview").await?;
            app.find("tr[data-covered='crm-3az']").await?;

            app.click_text("Account").await?;
            app.click("#check-account").await?;
            app.find("#check-report").await?;
            let summary = app.text_of("#check-summary").await?;
            let report = app.text_of("#check-report").await?;
            if !report.contains("GET /cloud/project/{projectId}/snapshot")
                || !report.contains("could not be read")
                || !summary.contains("could not fully read")
            {
                return Err(format!(
                    "the report does not say what could not be read: {summary}\n{report}"
                ));
            }
            app.click("#check-report").await?;
            app.screenshot("check-report").await?;
            app.click("#save-report").await?;
            let path = eventually(Duration::from_secs(10), async || {
                app.text_of("#report-path").await
            })
            .await?;
            let saved = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            if saved != report.trim_end() && saved.trim_end() != report.trim_end() {
                return Err("the saved report differs from the one shown".into());
            }
            let keys = Keys::default();
            for secret in [
                &keys.application_key,
                &keys.application_secret,
                &keys.consumer_key,
                &keys.client_id,
                &keys.client_secret,
            ] {
                if saved.contains(secret.as_str()) {
                    return Err("a key is in the saved report".into());
                }
            }
            for name in ["web-frontend-1", "mail-gateway", "Acme", "5f1c2a7e"] {
                if saved.contains(name) {
                    return Err(format!("{name:?} is in the saved report"));
                }
            }
            if let Some(id) = saved
                .split(|c: char| !c.is_ascii_hexdigit() && c != '-')
                .find(|w| {
                    w.len() >= 32 && w.chars().filter(|c| c.is_ascii_hexdigit()).count() >= 32
                })
            {
                return Err(format!("an id is in the saved report: {id}"));
            }
            Ok(())
        },
    )
    .await;
}
