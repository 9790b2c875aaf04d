//! Automatic backups as an admin sets them up: a preset and a custom schedule in local (Paris)
//! time turned into OVH's UTC cron on a winter and a summer day (the demo cloud's clock, which
//! is the app's, starts on a fixed date), seen in Workflow Management, deleted; and a scheduled
//! run notified on D-Bus after the demo cloud's clock moves a day; a saved schedule opened for
//! editing as it was described (every day at 03:15), and its change shown before and after.
use std::time::Duration;

use e2e::{eventually, post_json, spare_port, with_app_env, NotificationWatch, Result};

/// A winter day (a Wednesday) for the app's clock: Paris is UTC+1.
const WINTER: &str = "2026-01-14T10:00:00Z";
/// A summer day (a Wednesday): Paris is UTC+2.
const SUMMER: &str = "2026-07-15T10:00:00Z";

#[tokio::test]
async fn create_with_a_preset_and_a_custom_schedule_then_delete() {
    let on = [("BACKUP_DESK_DEMO_NOW", WINTER.to_string())];
    with_app_env("schedules", &on, async |app| -> Result<()> {
        app.click_text("Instances").await?;
        app.click("tr[data-instance='web-frontend-2'] button[aria-haspopup]")
            .await?;
        app.click_text("Create an automatic backup").await?;
        app.find("#schedule-preview .sentence").await?;
        let sentence = eventually(Duration::from_secs(10), async || {
            let s = app.text_of("#schedule-preview .sentence").await?;
            if s.contains("keeps the last 7") {
                Ok(s)
            } else {
                Err(format!("preview: {s:?}"))
            }
        })
        .await?;
        if !sentence.contains("Paris time") || sentence.contains("UTC") || sentence.contains("cron")
        {
            return Err(format!(
                "the preset is not said in plain words: {sentence:?}"
            ));
        }
        let cron = cron_detail(app).await?;
        if !cron.contains("UTC") {
            return Err(format!("Details should give the UTC cron: {cron:?}"));
        }
        if app.value_of("#workflow-name").await? != "daily-web-frontend-2" {
            return Err("the name is not suggested from the instance".into());
        }
        // The presets say when they run, as the preview does.
        let preset: String = app
            .script(
                "the first preset's words",
                "return document.getElementById('preset-7').parentElement.textContent;",
                false,
            )
            .await?;
        if !preset.contains("Paris time") || !preset.contains("keeps the last 7") {
            return Err(format!("the preset does not say when it runs: {preset:?}"));
        }
        app.screenshot("auto-preset").await?;
        app.click("#confirm-auto").await?;
        app.find_text("Automatic backup daily-web-frontend-2 created.")
            .await?;
        app.find("tr[data-workflow='daily-web-frontend-2']").await?;

        // Edit: OVH has no update, so this deletes and recreates it.
        app.click_text("Workflow Management").await?;
        app.click("tr[data-workflow='daily-web-frontend-2'] button[aria-haspopup]")
            .await?;
        app.click_text("Edit").await?;
        app.find_text("Change daily-web-frontend-2").await?;
        app.fill("#keep", "10").await?;
        eventually(Duration::from_secs(10), async || {
            let s = app.text_of("#schedule-preview .sentence").await?;
            if s.contains("keeps the last 10") {
                Ok(())
            } else {
                Err(format!("preview: {s:?}"))
            }
        })
        .await?;
        app.click("#confirm-auto").await?;
        app.find_text("daily-web-frontend-2 changed.").await?;
        eventually(Duration::from_secs(10), async || {
            let row = app
                .text_of("tr[data-workflow='daily-web-frontend-2']")
                .await?;
            if row.contains("keeps the last 10") {
                Ok(())
            } else {
                Err(format!("row: {row:?}"))
            }
        })
        .await?;

        // A custom schedule: weeknights at 23:30 Paris time (22:30 UTC in January), keep 5.
        let cron = "30 22 * * 1,2,3,4,5";
        app.click("#create-auto").await?;
        weeknights_at_2330(app, cron, "14 Jan 2026, 23:30").await?;
        app.screenshot("auto-custom").await?;
        app.click("#confirm-auto").await?;
        app.find_text("Automatic backup api-weeknights created.")
            .await?;
        // The list says it in words; the cron is there for who hovers it.
        let row = app.text_of("tr[data-workflow='api-weeknights']").await?;
        let full = app
            .attr("tr[data-workflow='api-weeknights'] .sentence", "title")
            .await?;
        if !row.contains("Every weekday") || !row.contains("api-gateway") || row.contains(cron) {
            return Err(format!("Workflow Management shows {row:?}"));
        }
        if !full.contains(cron) {
            return Err(format!("the schedule's details say {full:?}"));
        }
        app.screenshot("workflows").await?;

        app.click("tr[data-workflow='api-weeknights'] input[type=checkbox]")
            .await?;
        app.click("#delete-workflows").await?;
        let dialog = app.text_of("dialog").await?;
        if !dialog.contains("are kept") {
            return Err(format!(
                "the delete dialog does not say the backups are kept: {dialog}"
            ));
        }
        app.click("#confirm-delete-workflows").await?;
        app.find_text("1 automatic backup deleted.").await?;
        eventually(Duration::from_secs(10), async || {
            let table = app.text_of("#workflows").await?;
            if table.contains("api-weeknights") {
                Err("still listed".to_string())
            } else {
                Ok(())
            }
        })
        .await
    })
    .await;
}

#[tokio::test]
async fn a_scheduled_run_is_notified_after_the_clock_moves() {
    let port = spare_port();
    let watch = NotificationWatch::start("scheduled-run")
        .await
        .expect("dbus-monitor");
    with_app_env(
        "scheduled-run",
        &[("BACKUP_DESK_DEMO_PORT", port.to_string())],
        async |app| -> Result<()> {
            app.click_text("Workflow Management").await?;
            app.find("tr[data-workflow='nightly-web-frontend-1']")
                .await?;
            let status = post_json(port, "/_sim/advance", r#"{"seconds": 86400}"#).await?;
            if status != 200 {
                return Err(format!(
                    "the demo cloud's clock did not move: HTTP {status}"
                ));
            }
            app.click("#check-now").await?;
            let seen = watch
                .wait_for(
                    "Automatic backup of web-frontend-1 done",
                    Duration::from_secs(30),
                )
                .await?;
            println!("scheduled-run notification observed on the session bus:\n{seen}");
            Ok(())
        },
    )
    .await;
    watch.stop().await;
}

/// Where a workflow's backups are not named after it and a manual backup's name starts with the
/// workflow's, "delete with its backups" lists exactly the workflow's backups, deletes only
/// them, and says what was deleted.
#[tokio::test]
async fn delete_with_its_backups_deletes_exactly_the_listed_ones() {
    const PREFIX: &str = "autobackup-nightly-web-frontend-1 ";
    const MANUAL: &str = "nightly-web-frontend-1 before upgrade";
    with_app_env(
        "wf-delete-backups",
        &[("BACKUP_DESK_DEMO_BACKUP_PREFIX", "autobackup-".to_string())],
        async |app| -> Result<()> {
            app.click_text("Instances").await?;
            app.click("tr[data-instance='web-frontend-1'] button[aria-haspopup]")
                .await?;
            app.click_text("Create a backup").await?;
            app.fill("#backup-name", MANUAL).await?;
            app.click("#confirm-backup").await?;
            app.find_text("Backup of web-frontend-1 started. You will be notified when it is ready.")
                .await?;
            app.click_text("Instance Backup").await?;
            let manual_row = format!("tr[data-backup='{MANUAL}']");
            eventually(Duration::from_secs(60), async || {
                let text = app.text_of(&manual_row).await?;
                if text.contains("Available") {
                    Ok(())
                } else {
                    Err(format!("still: {text:?}"))
                }
            })
            .await?;
            let made = app.count(&format!("#backups tr[data-backup^='{PREFIX}']")).await?;
            if made == 0 {
                return Err(format!("the demo workflow has no backups named {PREFIX:?}"));
            }

            app.click_text("Workflow Management").await?;
            app.click("tr[data-workflow='nightly-web-frontend-1'] input[type=checkbox]")
                .await?;
            app.click("#delete-workflows").await?;
            app.click("#delete-wf-backups").await?;
            app.find("#wf-backups fieldset").await?;
            let listed = app.text_of("#wf-backups").await?;
            let items = app
                .count(&format!("#wf-backups input[data-backup^='{PREFIX}']"))
                .await?;
            if items != made || listed.contains("before upgrade") {
                return Err(format!(
                    "the dialog should list exactly the {made} backups named {PREFIX:?}: {listed}"
                ));
            }
            if !listed.contains("/month") {
                return Err(format!("no monthly cost in the list: {listed}"));
            }
            app.screenshot("wf-delete-list").await?;
            app.click("#confirm-delete-workflows").await?;
            let summary = app.text_of("#deleted-summary").await?;
            let noun = if made == 1 { "backup" } else { "backups" };
            if !summary.contains(&format!("1 automatic backup and {made} {noun} deleted")) {
                return Err(format!(
                    "the report says {summary:?}; {made} listed on Instance Backup, {items} in the dialog"
                ));
            }
            app.screenshot("wf-delete-report").await?;
            app.click("#close-report").await?;
            app.click_text("Instance Backup").await?;
            app.find(&manual_row).await?;
            eventually(Duration::from_secs(10), async || {
                let table = app.text_of("#backups").await?;
                if table.contains(PREFIX) {
                    Err(format!("a workflow backup is still listed: {table}"))
                } else if !table.contains(MANUAL) {
                    Err("the manual backup is gone".to_string())
                } else {
                    Ok(())
                }
            })
            .await
        },
    )
    .await;
}

/// In summer the same 23:30 in Paris is 21:30 UTC: the cron follows the offset of the day the
/// schedule is made (the domain's `daylight_saving_moves_a_utc_schedule` covers the change
/// itself).
#[tokio::test]
async fn a_summer_day_gives_the_summer_utc_hour() {
    let on = [("BACKUP_DESK_DEMO_NOW", SUMMER.to_string())];
    with_app_env("schedules-summer", &on, async |app| -> Result<()> {
        app.click_text("Workflow Management").await?;
        app.click("#create-auto").await?;
        weeknights_at_2330(app, "30 21 * * 1,2,3,4,5", "15 Jul 2026, 23:30").await?;
        app.screenshot("auto-custom-summer").await?;
        Ok(())
    })
    .await;
}

/// Fills "Create an automatic backup" for api-gateway, weeknights at 23:30 Paris time, and
/// checks the preview: the UTC cron and the first run on the app's (fixed) clock.
async fn weeknights_at_2330(app: &e2e::App, cron: &str, first_run: &str) -> Result<()> {
    app.click("label[data-instance='api-gateway'] input")
        .await?;
    app.click("#preset-custom").await?;
    app.select("#repeat", "On chosen days").await?;
    // Until the user names it, the name follows the schedule.
    let suggested = app.value_of("#workflow-name").await?;
    if !suggested.starts_with("weekly-") {
        return Err(format!("a weekly schedule is named {suggested:?}"));
    }
    app.fill("#keep", "5").await?;
    app.fill("#workflow-name", "api-weeknights").await?;
    let sentence = eventually(Duration::from_secs(10), async || {
        let s = app.text_of("#schedule-preview .sentence").await?;
        if s.contains("keeps the last 5") && s.contains("Friday") {
            Ok(s)
        } else {
            Err(format!("preview: {s:?}"))
        }
    })
    .await?;
    let detail = cron_detail(app).await?;
    if !detail.contains(cron) || !sentence.contains("23:30") {
        return Err(format!(
            "23:30 in Paris should be {cron:?}: {sentence:?}, {detail:?}"
        ));
    }
    let runs = app.text_of("#schedule-preview .runs").await?;
    if !runs.trim_start().starts_with(first_run) {
        return Err(format!("the first run should be {first_run}: {runs:?}"));
    }
    Ok(())
}

/// The preview's cron, as IT staff read it: under "Details".
async fn cron_detail(app: &e2e::App) -> Result<String> {
    // A boolean attribute: present (even empty) when open.
    if app.attr("#schedule-preview details", "open").await.is_err() {
        app.click("#schedule-preview summary").await?;
    }
    app.text_of("#schedule-preview .cron").await
}

#[tokio::test]
async fn editing_opens_on_the_saved_schedule_and_every_change_shows() {
    let on = [("BACKUP_DESK_DEMO_NOW", WINTER.to_string())];
    with_app_env("schedules-edit", &on, async |app| -> Result<()> {
        // daily-db-primary runs at 02:15 UTC: 03:15 in Paris in January, keeping 14.
        app.click_text("Workflow Management").await?;
        app.click("tr[data-workflow='daily-db-primary'] button[aria-haspopup]")
            .await?;
        app.click_text("Edit").await?;
        app.find_text("Change daily-db-primary").await?;
        let opened = (
            app.value_of("#repeat").await?,
            app.value_of("#schedule-time").await?,
            app.value_of("#keep").await?,
            app.value_of("#advanced-cron").await?,
        );
        if opened != ("daily".into(), "03:15".into(), "14".into(), String::new()) {
            return Err(format!(
                "the form should open on every day at 03:15, keep 14, no cron: {opened:?}"
            ));
        }
        // WebKit's time field takes typed digits field by field; set it as a picker does.
        app.script::<()>(
            "set the time",
            "const t = document.querySelector('#schedule-time'); t.value = '22:00'; \
             t.dispatchEvent(new Event('input', {bubbles: true}));",
            false,
        )
        .await?;
        eventually(Duration::from_secs(10), async || {
            let s = app.text_of("#schedule-preview .sentence").await?;
            if s.contains("Every day at 22:00 Paris time") && s.contains("keeps the last 14") {
                Ok(())
            } else {
                Err(format!("preview: {s:?}"))
            }
        })
        .await?;
        app.screenshot("auto-edit-2200").await?;
        app.click("#confirm-auto").await?;
        app.find_text("daily-db-primary changed.").await?;
        eventually(Duration::from_secs(10), async || {
            let row = app.text_of("tr[data-workflow='daily-db-primary']").await?;
            if row.contains("22:00") && !row.contains("03:15") {
                Ok(())
            } else {
                Err(format!("row: {row:?}"))
            }
        })
        .await?;
        Ok(())
    })
    .await;
}
