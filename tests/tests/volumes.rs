//! Issue 20 through the real window: db-primary and its two volumes backed up with one Confirm,
//! shown in Instance Backup as one set of three parts, told once on the session D-Bus, a part
//! restored as a new volume and another in place (the original detached and kept), then the set
//! deleted whole, with nothing of it left on the simulator.
use std::time::Duration;

use e2e::{eventually, sim_stats, spare_port, with_app_env, NotificationWatch, Result};

/// The volume snapshots the demo cloud holds, by name.
async fn volume_snapshots(port: u16) -> Result<Vec<String>> {
    let stats = sim_stats(port).await?;
    Ok(stats["volumeSnapshots"]
        .as_array()
        .ok_or("the stats list no volume snapshots")?
        .iter()
        .filter_map(|n| n.as_str().map(str::to_string))
        .collect())
}

/// Each volume's name and how many instances it is attached to.
async fn sim_volumes(port: u16) -> Result<Vec<(String, usize)>> {
    let stats = sim_stats(port).await?;
    Ok(stats["volumes"]
        .as_array()
        .ok_or("the stats list no volumes")?
        .iter()
        .map(|v| {
            let on = v["attachedTo"].as_array().map_or(0, Vec::len);
            (v["name"].as_str().unwrap_or_default().to_string(), on)
        })
        .collect())
}

#[tokio::test]
async fn an_instance_and_its_volumes_are_one_set_told_once_and_deleted_whole() {
    let port = spare_port();
    let watch = NotificationWatch::start("backup-set")
        .await
        .expect("dbus-monitor");
    with_app_env(
        "backup-set",
        &[("BACKUP_DESK_DEMO_PORT", port.to_string())],
        async |app| -> Result<()> {
            app.click_text("Instances").await?;
            app.click("tr[data-instance='db-primary'] button[aria-haspopup]")
                .await?;
            app.click_text("Create a backup").await?;
            app.find("#backup-volumes").await?;
            let volumes = app.text_of("#backup-volumes").await?;
            for said in [
                "Its 2 additional volumes, backed up with it",
                "db-data · 200 GB · up to ~",
                "db-wal · 50 GB",
            ] {
                if !volumes.contains(said) {
                    return Err(format!("the dialog's volumes miss {said:?}: {volumes}"));
                }
            }
            for volume in ["db-data", "db-wal"] {
                let tick = format!("#backup-volumes [data-volume='{volume}'] input");
                if !app.is_checked(&tick).await? {
                    return Err(format!("{volume} is not ticked by default"));
                }
            }
            app.fill("#backup-name", "e2e db set").await?;
            app.screenshot("backup-set-dialog").await?;
            app.click("#confirm-backup").await?;
            app.find_text("Backup of db-primary started. You will be notified when it is ready.")
                .await?;

            app.click_text("Instance Backup").await?;
            let row = "tr[data-backup='e2e db set']";
            let set = format!("{row} details[data-set]");
            app.click(&format!("{set} summary")).await?;
            let parts = app.text_of(&set).await?;
            if !parts.contains("Backup set · 3 parts")
                || !parts.contains("Volume db-data")
                || !parts.contains("Volume db-wal")
                || !parts.contains("Backup in progress")
            {
                return Err(format!(
                    "the set is not shown in progress with 3 parts: {parts}"
                ));
            }
            app.screenshot("backup-set-in-progress").await?;

            let seen = watch
                .wait_for("e2e db set · ", Duration::from_secs(90))
                .await?;
            if !seen.contains("db-primary and 2 volumes backed up") {
                return Err(format!("the notification does not tell the set: {seen}"));
            }
            eventually(Duration::from_secs(20), async || {
                let parts = app.text_of(&set).await?;
                if parts.matches("Available").count() == 3 && parts.contains("whole set ~€") {
                    Ok(())
                } else {
                    Err(format!(
                        "not every part is available, or no set cost: {parts}"
                    ))
                }
            })
            .await?;
            app.screenshot("backup-set-ready").await?;

            // The home says which volumes no backup holds: db-primary's are in the set now.
            app.click_text("Protection overview").await?;
            eventually(Duration::from_secs(20), async || {
                let files = app.text_of("tr[data-covered='file-server-nvme']").await?;
                let db = app.text_of("tr[data-covered='db-primary']").await?;
                if files.contains("Volumes not protected: shared-files")
                    && !db.contains("Volumes not protected")
                {
                    Ok(())
                } else {
                    Err(format!("the home's volume notes: {files:?} / {db:?}"))
                }
            })
            .await?;

            // A part restored as a new volume, attached to db-primary, told on the bus.
            app.click_text("Instance Backup").await?;
            app.click(&format!("{set} summary")).await?;
            app.click(&format!("{set} [data-part='db-wal'] .restore-part"))
                .await?;
            app.find("#restore-part-target").await?;
            let dialog = app.text_of("dialog").await?;
            if !dialog.contains("Nothing is overwritten: db-wal stays as it is.") {
                return Err(format!(
                    "the restore dialog does not say what it does: {dialog}"
                ));
            }
            app.screenshot("backup-set-restore-part").await?;
            app.click("#confirm-restore-part").await?;
            let restored = watch
                .wait_for("Mount it to read its files.", Duration::from_secs(60))
                .await?;
            if !restored.contains("Volume restored — db-primary") {
                return Err(format!("the restore is not told: {restored}"));
            }

            // Another part restored in place: refused until its name is typed, then the new
            // volume on db-primary and the original detached, kept, told on the bus.
            app.click(&format!("{set} [data-part='db-data'] .restore-part"))
                .await?;
            app.find("#restore-part-target").await?;
            app.click("#restore-part-in-place").await?;
            app.find("#restore-part-typed").await?;
            if app.is_enabled("#confirm-restore-part").await? {
                return Err("Restore in place is enabled before the name is typed".into());
            }
            let dialog = app.text_of("dialog").await?;
            if !dialog.contains("stop what uses db-data on db-primary and unmount it")
                || !dialog.contains("db-data is detached and kept as it is")
            {
                return Err(format!("the in-place dialog does not warn: {dialog}"));
            }
            app.fill("#restore-part-typed", "db-data").await?;
            app.screenshot("backup-set-restore-in-place").await?;
            app.click("#confirm-restore-part").await?;
            let replaced = watch
                .wait_for("db-data is detached and kept", Duration::from_secs(90))
                .await?;
            if !replaced.contains("is attached to db-primary in place of db-data") {
                return Err(format!("the in-place restore is not told: {replaced}"));
            }
            let now = sim_volumes(port).await?;
            let on = |prefix: &str| {
                now.iter()
                    .filter(|(n, _)| n.starts_with(prefix))
                    .map(|(n, on)| (n.len() > prefix.len(), *on))
                    .collect::<Vec<_>>()
            };
            if on("db-data") != [(false, 0), (true, 1)] {
                return Err(format!(
                    "db-data kept detached and its restored copy attached: {now:?}"
                ));
            }

            app.click(&format!("{row} input[type=checkbox]")).await?;
            app.click("#delete-selected").await?;
            let dialog = app.text_of("dialog").await?;
            if !dialog.contains("with the snapshots of its 2 volumes: db-data, db-wal") {
                return Err(format!(
                    "the delete dialog does not name the parts: {dialog}"
                ));
            }
            if !app.is_enabled("#confirm-delete").await? {
                app.click("#delete-last-ack").await?;
            }
            app.click("#confirm-delete").await?;
            app.find_text("1 backup deleted.").await?;
            let left: Vec<String> = volume_snapshots(port)
                .await?
                .into_iter()
                .filter(|n| n.starts_with("e2e db set"))
                .collect();
            if !left.is_empty() {
                return Err(format!("parts of the deleted set are left: {left:?}"));
            }
            Ok(())
        },
    )
    .await;
    watch.stop().await;
}
