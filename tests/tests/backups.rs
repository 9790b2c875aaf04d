//! The heart of the product, as a user does it: create a backup from the Instances menu, see
//! "Backup in progress", see it become available, and get the desktop notification, observed
//! on the session D-Bus. Then delete with the guard, and the Metal acknowledgement.
use std::time::Duration;

use e2e::{
    eventually, post_json, spare_port, with_app, with_app_env, App, NotificationWatch, Result,
};

#[tokio::test]
async fn create_a_backup_and_get_notified_when_it_is_ready() {
    let watch = NotificationWatch::start("backup-ready")
        .await
        .expect("dbus-monitor");
    with_app("backup-ready", async |app| -> Result<()> {
        app.click_text("Instances").await?;
        app.click("tr[data-instance='mail-gateway'] button[aria-haspopup]")
            .await?;
        app.click_text("Create a backup").await?;
        app.find("#backup-name").await?;
        let prefilled = app.value_of("#backup-name").await?;
        // "mail-gateway – 4 Dec, 16:42": the moment in words, not the panel's ISO timestamp.
        let readable = prefilled
            .strip_prefix("mail-gateway – ")
            .is_some_and(|when| !when.contains('-') && !when.contains('T'));
        if !readable {
            return Err(format!(
                "the name is not pre-filled with the instance and the moment: {prefilled:?}"
            ));
        }
        let dialog = app.text_of("dialog").await?;
        for expected in ["/month/GB", "suspended for a few seconds"] {
            if !dialog.contains(expected) {
                return Err(format!("the dialog misses {expected:?}: {dialog}"));
            }
        }
        // A blank name is refused before anything is sent.
        app.fill("#backup-name", " ").await?;
        app.find_text("Enter a name for the backup.").await?;
        if app.is_enabled("#confirm-backup").await? {
            return Err("Confirm is enabled with a blank name".into());
        }
        app.fill("#backup-name", "e2e mail backup").await?;
        app.screenshot("backup-dialog").await?;
        app.click("#confirm-backup").await?;
        app.find_text("Backup of mail-gateway started. You will be notified when it is ready.")
            .await?;
        app.find_text("Backup instance creation").await?;

        app.click_text("Instance Backup").await?;
        let row = "tr[data-backup='e2e mail backup']";
        app.find(row).await?;
        let text = app.text_of(row).await?;
        if !text.contains("Backup in progress") || !text.contains("mail-gateway") {
            return Err(format!("the new backup is not shown in progress: {text:?}"));
        }
        app.screenshot("backup-in-progress").await?;
        eventually(Duration::from_secs(60), async || {
            let text = app.text_of(row).await?;
            if text.contains("Available") {
                Ok(())
            } else {
                Err(format!("still: {text:?}"))
            }
        })
        .await?;
        // The body names the backup; the title, before it in the log, the instance.
        let seen = watch
            .wait_for("e2e mail backup · ", Duration::from_secs(10))
            .await?;
        println!("notification observed on the session bus:\n{seen}");
        if !seen.contains("mail-gateway backed up") {
            return Err(format!(
                "the notification's title does not say what was backed up: {seen}"
            ));
        }
        app.find_text("mail-gateway backed up").await?;
        app.screenshot("backup-ready").await?;
        // The tray said the backup while it ran, with its working badge, and no longer does.
        let said = |l: &&str| l.contains(" tray") && l.contains("state=");
        let logs = app.profile.logs();
        let tray: Vec<&str> = logs.lines().filter(said).collect();
        let working = tray
            .iter()
            .position(|l| l.contains("Backing up mail-gateway…") && l.contains("icon=working"));
        match (working, tray.last()) {
            (Some(_), Some(last)) if !last.contains("Backing up") => {}
            _ => return Err(format!("the tray did not follow the backup: {tray:#?}")),
        }

        // Clicking the desktop notification (as the notification daemon reports a click) opens
        // the app at that backup.
        app.click_text("Protection overview").await?;
        app.find("table").await?;
        eventually(Duration::from_secs(20), async || {
            let out = tokio::process::Command::new("dunstctl")
                .args(["action", "0"])
                .output()
                .await
                .map_err(|e| format!("dunstctl: {e}"))?;
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).to_string());
            }
            app.text_of(&format!("{row}.highlight")).await.map(|_| ())
        })
        .await?;
        Ok(())
    })
    .await;
    watch.stop().await;
}

#[tokio::test]
async fn delete_refuses_a_backup_in_use_and_keeps_the_filters() {
    with_app("backup-delete", async |app| -> Result<()> {
        app.click_text("Instance Backup").await?;
        app.find("#backups").await?;
        app.select("#backup-region", "GRA11").await?;
        let release = "tr[data-backup='web-frontend-1 2025-release']";
        let upgrade = "tr[data-backup='file-server-nvme before upgrade']";
        app.click(&format!("{release} input[type=checkbox]"))
            .await?;
        app.click(&format!("{upgrade} input[type=checkbox]"))
            .await?;
        app.click("#delete-selected").await?;
        let dialog = app.text_of("dialog").await?;
        if !dialog.contains("web-preprod") || !dialog.contains("This frees") {
            return Err(format!(
                "the dialog does not name the instance in the way or the space freed: {dialog}"
            ));
        }
        // file-server-nvme has no other backup: deleting it is asked once more.
        if !dialog.contains("After this, file-server-nvme will have no backup left.") {
            return Err(format!(
                "the dialog does not warn of the last backup: {dialog}"
            ));
        }
        if app.is_enabled("#confirm-delete").await? {
            return Err("Delete is offered before the last backup's loss is acknowledged".into());
        }
        app.screenshot("backup-delete-guard").await?;
        app.click("#delete-last-ack").await?;
        app.click("#confirm-delete").await?;
        app.find_text("1 backup deleted.").await?;
        eventually(Duration::from_secs(10), async || {
            let rows = app.text_of("#backups").await?;
            if rows.contains("file-server-nvme before upgrade") {
                Err("the deleted backup is still listed".to_string())
            } else {
                Ok(())
            }
        })
        .await?;
        app.find(release).await?;
        let region = app.value_of("#backup-region").await?;
        if region != "GRA11" {
            return Err(format!("the region filter was reset to {region:?}"));
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_metal_backup_needs_an_acknowledgement() {
    with_app("backup-metal", async |app| -> Result<()> {
        app.click_text("Instances").await?;
        app.click("tr[data-instance='render-metal'] button[aria-haspopup]")
            .await?;
        app.click_text("Create a backup").await?;
        app.find_text("Metal instance: cold snapshot").await?;
        if app.is_enabled("#confirm-backup").await? {
            return Err("Confirm is enabled before the Metal acknowledgement".into());
        }
        app.click("#metal-ack").await?;
        if !app.is_enabled("#confirm-backup").await? {
            return Err("Confirm stays disabled after the acknowledgement".into());
        }
        app.screenshot("backup-metal").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn restore_in_place_takes_a_safety_backup_first_and_notifies() {
    let watch = NotificationWatch::start("restore")
        .await
        .expect("dbus-monitor");
    with_app("restore", async |app| -> Result<()> {
        app.click_text("Instance Backup").await?;
        let row = "tr[data-backup='mail-gateway weekly']";
        app.click(&format!("{row} button[aria-haspopup]")).await?;
        app.click_text("Restore to this instance").await?;
        app.find("#restore-typed").await?;
        if app.is_enabled("#confirm-restore").await? {
            return Err("Restore is possible before typing the instance name".into());
        }
        let dialog = app.text_of("dialog").await?;
        if !dialog.contains("will be lost") {
            return Err(format!("the dialog does not say what will be lost: {dialog}"));
        }
        app.fill("#restore-typed", "mail-gateway").await?;
        app.screenshot("restore-dialog").await?;
        app.click("#confirm-restore").await?;
        app.find_text("Safety backup of mail-gateway started; the restore follows when it is ready. You will be notified.").await?;
        let safety = watch.wait_for("mail-gateway before restore", Duration::from_secs(60)).await?;
        println!("safety backup notification:\n{safety}");
        let restored = watch.wait_for("Restore complete — mail-gateway", Duration::from_secs(60)).await?;
        println!("restore notification:\n{restored}");
        app.find_text("Restore complete — mail-gateway").await?;
        app.click_text("Instances").await?;
        let text = app.text_of("tr[data-instance='mail-gateway']").await?;
        if !text.contains("Enabled") {
            return Err(format!("mail-gateway is not running again: {text:?}"));
        }
        Ok(())
    })
    .await;
    watch.stop().await;
}

/// OVH may still answer `ACTIVE` right after accepting a reinstall: here the instance stays
/// `ACTIVE` for 10 s, then rebuilds. "Restore complete" must wait for the rebuild, not come on
/// the first `ACTIVE`.
#[tokio::test]
async fn a_restore_is_done_only_after_the_instance_went_through_rebuild() {
    let port = spare_port();
    let watch = NotificationWatch::start("restore-confirmed")
        .await
        .expect("dbus-monitor");
    with_app_env(
        "restore-confirmed",
        &[("BACKUP_DESK_DEMO_PORT", port.to_string())],
        async |app| -> Result<()> {
            app.click_text("Instance Backup").await?;
            let row = "tr[data-backup='file-server-nvme before upgrade']";
            app.find(row).await?;
            let status = post_json(
                port,
                "/_sim/pace",
                r#"{"rebuildStartSecs": 10, "rebuildSecs": 5}"#,
            )
            .await?;
            if status != 204 {
                return Err(format!("pace not set: HTTP {status}"));
            }
            app.click(&format!("{row} button[aria-haspopup]")).await?;
            app.click_text("Restore to this instance").await?;
            app.fill("#restore-typed", "file-server-nvme").await?;
            app.click("#restore-safety").await?;
            app.click("#confirm-restore").await?;
            app.find_text(
                "Restore of file-server-nvme started. You will be notified when it is running again.",
            )
            .await?;
            // The instance is ACTIVE, as before the reinstall, for the next 10 s: an app that
            // took that for the end would notify within its 2-5 s polls.
            if let Ok(early) = watch
                .wait_for("Restore complete — file-server-nvme", Duration::from_secs(8))
                .await
            {
                return Err(format!("reported done while OVH had not started: {early}"));
            }
            let done = watch
                .wait_for("Restore complete — file-server-nvme", Duration::from_secs(60))
                .await?;
            println!("restore notification after the rebuild:\n{done}");
            Ok(())
        },
    )
    .await;
    watch.stop().await;
}

/// Opens "Create an instance from this backup" from the row menu of the backup `name`.
async fn open_new_instance(app: &App, name: &str) -> Result<()> {
    let row = format!("tr[data-backup='{name}']");
    app.click(&format!("{row} button[aria-haspopup]")).await?;
    app.click_text("Create an instance from this backup")
        .await?;
    app.find("#new-name").await?;
    Ok(())
}

/// "Create an instance from this backup" starts on the original instance's model, says so, shows
/// its price by the hour or by the month, and keeps the SSH key and billing folded; when the original instance is gone, no model is chosen
/// for the user (the smallest that fits is often smaller than the original) and Confirm waits.
#[tokio::test]
async fn a_new_instance_starts_on_the_original_model_or_asks_for_one() {
    with_app("new-instance", async |app| -> Result<()> {
        app.click_text("Instance Backup").await?;
        open_new_instance(app, "mail-gateway weekly").await?;
        let model = app.text_of("#new-model option:checked").await?;
        let note = app.text_of("#new-model-note").await?;
        if !model.starts_with("d2-2") || note != "d2-2 is the model mail-gateway runs on." {
            return Err(format!(
                "the model proposed is not mail-gateway's own: {model:?}, {note:?}"
            ));
        }
        let folded: bool = app
            .script(
                "More options",
                "return !document.querySelector('#new-more').open;",
                false,
            )
            .await?;
        if !folded {
            return Err("the SSH key and billing are not folded under More options".into());
        }
        // The model's own plans in the demo account's (French) catalog: 1 vCPU and 2 GB.
        let price = app.text_of("#new-price").await?;
        if price != "Price: €0.025 per hour excl. VAT, up to €18.25 per month, billed until the instance is deleted." {
            return Err(format!("the new instance's price: {price:?}"));
        }
        app.click("#new-more summary").await?;
        app.click("#billing-monthly").await?;
        let price = app.text_of("#new-price").await?;
        if !price.contains("per month excl. VAT, billed monthly") {
            return Err(format!("the monthly price: {price:?}"));
        }
        if !app.is_enabled("#confirm-new").await? {
            return Err("Confirm is off with a name and a model".into());
        }
        app.screenshot("new-instance-dialog").await?;
        app.press("\u{E00C}").await?;

        open_new_instance(app, "old-crm final backup").await?;
        if !app.value_of("#new-model").await?.is_empty() || app.is_enabled("#confirm-new").await? {
            return Err("a model was chosen for a backup whose instance is gone".into());
        }
        app.select("#new-model", "b2-7 — 2 vCPU, 7 GB RAM, 50 GB disk")
            .await?;
        if !app.is_enabled("#confirm-new").await? {
            return Err("Confirm is still off once a model is chosen".into());
        }
        Ok(())
    })
    .await;
}
