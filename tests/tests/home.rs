//! The home answers "am I safe?" with a next step on every row: a scheduled instance whose last
//! run failed says so; one without a schedule says it has no automatic backup (not
//! "unprotected" beside a recent backup) and offers "Back up now", which opens the same backup
//! dialog; the backup made from there is notified on D-Bus and shows on the home. A suspended
//! project is said on its rows and in the backup dialog.
use std::time::Duration;

use e2e::{eventually, with_app_env, NotificationWatch, Result};

#[tokio::test]
async fn back_up_now_from_the_home() {
    let watch = NotificationWatch::start("home")
        .await
        .expect("dbus-monitor");
    // A fixed winter noon: the demo's nightly runs are behind, none starts during the test.
    let on = [("BACKUP_DESK_DEMO_NOW", "2026-01-14T12:00:00Z".to_string())];
    with_app_env("home", &on, async |app| -> Result<()> {
        app.click("a.nav-item[data-section='overview']").await?;
        let failed = app.text_of("tr[data-covered='db-primary']").await?;
        if !failed.contains("Needs attention")
            || !failed.contains("The last automatic backup failed.")
        {
            return Err(format!(
                "db-primary should say why it needs attention: {failed:?}"
            ));
        }
        let row = "tr[data-covered='web-preprod']";
        let none = app.text_of(row).await?;
        if !none.contains("Never")
            || !none.contains("No automatic backup")
            || none.contains("Unprotected")
        {
            return Err(format!(
                "web-preprod should say it has no automatic backup: {none:?}"
            ));
        }
        app.screenshot("home").await?;
        app.click(&format!("{row} button.back-up-now")).await?;
        app.find_text("Create a backup of web-preprod").await?;
        app.fill("#backup-name", "home backup").await?;
        app.click("#confirm-backup").await?;
        watch
            .wait_for("web-preprod backed up", Duration::from_secs(90))
            .await?;
        eventually(Duration::from_secs(20), async || {
            let text = app.text_of(row).await?;
            // The demo cloud's clock is the app's: the backup is dated on its (fixed) day.
            if text.contains("14 Jan 2026") && !text.contains("Never") {
                Ok(())
            } else {
                Err(format!("the home does not show the new backup: {text:?}"))
            }
        })
        .await?;
        app.screenshot("home-after-backup").await?;
        Ok(())
    })
    .await;
    watch.stop().await;
}

/// A project OVH reports suspended is said on the home and in the backup dialog, in words that
/// say what it may mean and where to see why, and so is a region under maintenance; in demo
/// mode there is no Control Panel to open, and nothing is refused: the backup can still be
/// asked for.
#[tokio::test]
async fn a_suspended_project_is_said_where_its_instances_are() {
    let on = [
        ("BACKUP_DESK_DEMO_SUSPENDED", "Acme Staging".to_string()),
        ("BACKUP_DESK_DEMO_MAINTENANCE", "DE1".to_string()),
    ];
    with_app_env("suspended", &on, async |app| -> Result<()> {
        const SAID: &str = "OVHcloud reports the project Acme Staging as suspended";
        app.click("a.nav-item[data-section='overview']").await?;
        let row = "tr[data-covered='staging-db']";
        let text = app.text_of(row).await?;
        if !text.contains(SAID) {
            return Err(format!(
                "staging-db does not say its project is suspended: {text:?}"
            ));
        }
        if app
            .text_of("tr[data-covered='db-primary']")
            .await?
            .contains(SAID)
        {
            return Err("a project that is not suspended is said to be".into());
        }
        if app.count(&format!("{row} [data-remedy='panel']")).await? != 0 {
            return Err("the demo cloud offers a Control Panel to open".into());
        }
        app.screenshot("suspended-home").await?;
        app.click(&format!("{row} button.back-up-now")).await?;
        app.find_text("Create a backup of staging-db").await?;
        let maintenance = "OVHcloud reports DE1 under maintenance";
        eventually(Duration::from_secs(20), async || {
            let dialog = app.text_of("dialog").await?;
            if dialog.contains(SAID) && dialog.contains(maintenance) {
                Ok(())
            } else {
                Err(format!("the backup dialog does not say it: {dialog:?}"))
            }
        })
        .await?;
        if !app.is_enabled("#confirm-backup").await? {
            return Err("the backup is refused on an unconfirmed rule".into());
        }
        app.screenshot("suspended-dialog").await?;
        Ok(())
    })
    .await;
}
