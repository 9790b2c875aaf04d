//! Restore tests as a user runs them, on the demo cloud: "Test this backup" in Instance Backup,
//! the dialog's cost and time, the desktop notification observed on the session D-Bus, the
//! temporary instance gone from the cloud, and the result on the protection overview. The demo's
//! "file-server-nvme before upgrade" never answers on its port: its test fails, its instance is
//! deleted all the same, and file-server-nvme needs attention. "Test the latest backup" on the
//! overview finds the backup and names it; "every month" is set from the same dialog.
use std::time::Duration;

use e2e::{http, sim_stats, spare_port, with_app_env, App, NotificationWatch, Result};

/// Fails while the demo cloud has an instance whose name says it is a rehearsal's.
async fn nothing_left(port: u16) -> Result<()> {
    let stats = sim_stats(port).await?;
    let left = stats["instances"]
        .as_array()
        .ok_or("the stats list no instances")?
        .iter()
        .filter_map(|n| n.as_str())
        .filter(|n| n.starts_with("rehearsal-"))
        .map(str::to_string)
        .collect::<Vec<_>>();
    if left.is_empty() {
        Ok(())
    } else {
        Err(format!("the temporary instance is still there: {left:?}"))
    }
}

/// Opens "Test this backup" on the backup `name` and waits for its dialog's Confirm.
async fn open_test(app: &App, name: &str) -> Result<String> {
    app.click_text("Instance Backup").await?;
    let row = format!("tr[data-backup='{name}']");
    app.click(&format!("{row} button[aria-haspopup]")).await?;
    app.click_text("Test this backup").await?;
    app.find("#confirm-rehearsal").await?;
    app.text_of("dialog").await
}

#[tokio::test]
async fn a_tested_backup_is_notified_leaves_nothing_and_shows_on_the_overview() {
    let port = spare_port();
    let watch = NotificationWatch::start("rehearsal-passed")
        .await
        .expect("dbus-monitor");
    with_app_env(
        "rehearsal-passed",
        &[("BACKUP_DESK_DEMO_PORT", port.to_string())],
        async |app| -> Result<()> {
            let dialog = open_test(app, "mail-gateway weekly").await?;
            for said in [
                "A temporary instance, rehearsal-mail-gateway-",
                "billed by the hour",
                "mail-gateway itself is not touched",
                "Costs at most",
                "takes at most 30 min",
            ] {
                if !dialog.contains(said) {
                    return Err(format!("the dialog does not say {said:?}: {dialog}"));
                }
            }
            let chosen = app.value_of("#rehearsal-port").await?;
            if chosen != "22" {
                return Err(format!(
                    "a Linux backup's test checks port {chosen}, not 22"
                ));
            }
            app.click("#rehearsal-monthly").await?;
            app.select("#rehearsal-hour", "09:00").await?;
            app.screenshot("rehearsal-dialog").await?;
            app.click("#confirm-rehearsal").await?;
            app.find_text("Testing mail-gateway weekly: you will be notified of the result.")
                .await?;
            app.find_text(
                "mail-gateway's latest backup will be tested on the first Monday of each month.",
            )
            .await?;
            let told = watch
                .wait_for(
                    "Restore test passed — mail-gateway",
                    Duration::from_secs(120),
                )
                .await?;
            println!("restore test notification:\n{told}");
            // The body follows the title: what was checked, and that nothing is left.
            watch
                .wait_for(
                    "mail-gateway weekly started and answered on port 22, in",
                    Duration::from_secs(5),
                )
                .await?;
            nothing_left(port).await?;
            app.click_text("Protection overview").await?;
            let row = "tr[data-covered='mail-gateway'] [data-rehearsal='passed']";
            let line = app.text_of(row).await?;
            if !(line.starts_with("Restore verified") && line.contains("at most")) {
                return Err(format!("the overview says {line:?}"));
            }
            app.screenshot("rehearsal-overview").await?;
            // And on the backup itself, in Instance Backup.
            app.click_text("Instance Backup").await?;
            let on_backup = app
                .text_of("tr[data-backup='mail-gateway weekly'] [data-rehearsal='passed']")
                .await?;
            if !on_backup.starts_with("Restore verified") {
                return Err(format!("the backup's row says {on_backup:?}"));
            }
            Ok(())
        },
    )
    .await;
    watch.stop().await;
}

#[tokio::test]
async fn a_backup_that_does_not_answer_fails_is_deleted_and_needs_attention() {
    let port = spare_port();
    let watch = NotificationWatch::start("rehearsal-failed")
        .await
        .expect("dbus-monitor");
    with_app_env(
        "rehearsal-failed",
        &[("BACKUP_DESK_DEMO_PORT", port.to_string())],
        async |app| -> Result<()> {
            // From the overview: "Test the latest backup" finds it and the dialog names it.
            app.click_text("Protection overview").await?;
            app.click("tr[data-covered='file-server-nvme'] button.test-latest")
                .await?;
            app.find("#confirm-rehearsal").await?;
            let title = app.text_of("dialog h2").await?;
            if title != "Test file-server-nvme before upgrade" {
                return Err(format!("the latest backup's dialog is {title:?}"));
            }
            app.click("#confirm-rehearsal").await?;
            app.find_text(
                "Testing file-server-nvme before upgrade: you will be notified of the result.",
            )
            .await?;
            // The demo cloud's clock runs on, past the port's five minutes.
            let mut told = None;
            for _ in 0..40 {
                if let Ok(n) = watch
                    .wait_for(
                        "Restore test failed — file-server-nvme",
                        Duration::from_secs(3),
                    )
                    .await
                {
                    told = Some(n);
                    break;
                }
                http(
                    port,
                    "POST",
                    "/_sim/advance",
                    "application/json",
                    r#"{"seconds": 60}"#,
                )
                .await?;
            }
            let told = told.ok_or("no failure was notified")?;
            println!("restore test notification:\n{told}");
            watch
                .wait_for(
                    "file-server-nvme before upgrade started but did not answer on port 22 within 5 min. The temporary instance was deleted.",
                    Duration::from_secs(5),
                )
                .await?;
            nothing_left(port).await?;
            app.click_text("Protection overview").await?;
            let row = "tr[data-covered='file-server-nvme']";
            let text = app.text_of(row).await?;
            for said in [
                "Needs attention",
                "Its last restore test failed",
                "Restore test failed on",
            ] {
                if !text.contains(said) {
                    return Err(format!(
                        "file-server-nvme's row does not say {said:?}: {text}"
                    ));
                }
            }
            app.screenshot("rehearsal-failed-overview").await?;
            // The dialog keeps the instance's history.
            app.click("tr[data-covered='file-server-nvme'] button.test-latest")
                .await?;
            app.click("#rehearsal-history summary").await?;
            let history = app.text_of("#rehearsal-history").await?;
            app.screenshot("rehearsal-history").await?;
            if !history.contains("Restore test failed on") {
                return Err(format!("the history says {history:?}"));
            }
            Ok(())
        },
    )
    .await;
    watch.stop().await;
}
