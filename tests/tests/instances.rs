//! A new user opens the app: the demo cloud's instances appear in the Instances list, the "…"
//! menu offers the control panel's two actions (on Metal, says why the automatic one is not
//! available), and the window speaks French on request.
use e2e::{with_app, Result};

const ESCAPE: &str = "\u{E00C}";

#[tokio::test]
async fn the_demo_cloud_instances_appear() {
    with_app("instances", async |app| -> Result<()> {
        app.find_text("Demo cloud").await?;
        app.click_text("Instances").await?;
        for name in [
            "api-gateway",
            "db-primary",
            "file-server-nvme",
            "render-metal",
            "web-frontend-1",
            "web-frontend-2",
        ] {
            app.find_text(name).await?;
        }
        let row = app.text_of("tr[data-instance='render-metal']").await?;
        for expected in ["SBG5", "bm-s1", "Enabled", "Metal: cold snapshot only"] {
            if !row.contains(expected) {
                return Err(format!("the render-metal row misses {expected:?}: {row:?}"));
            }
        }
        app.screenshot("instances").await?;

        // The "…" menu, by mouse then by keyboard.
        app.click("tr[data-instance='web-frontend-1'] button[aria-haspopup]")
            .await?;
        app.find_text("Create an automatic backup").await?;
        app.click_text("Create a backup").await?;
        let dialog = app.text_of("dialog").await?;
        if !dialog.contains("web-frontend-1") {
            return Err(format!("the dialog does not name the instance: {dialog:?}"));
        }
        app.press(ESCAPE).await?;

        // On a Metal instance the automatic backup is not offered: the menu says why, and the
        // entry opens nothing.
        app.click("tr[data-instance='render-metal'] button[aria-haspopup]")
            .await?;
        let entry = app.text_of(".menu .menu-item.unavailable").await?;
        if !entry.contains("Create an automatic backup") || !entry.contains("no automatic backups")
        {
            return Err(format!("the Metal menu entry does not say why: {entry:?}"));
        }
        app.click(".menu .menu-item.unavailable").await?;
        if app.count("dialog[open]").await? != 0 {
            return Err("the unavailable entry opened a form".into());
        }
        app.press(ESCAPE).await?;

        // Another project.
        app.select("#project", "Acme Staging").await?;
        app.find_text("staging-db").await?;
        app.find_text("test-windows").await?;

        // French.
        app.select("#language", "Français").await?;
        app.find_text("Cloud de démonstration").await?;
        app.click("tr[data-instance='staging-db'] button[aria-haspopup]")
            .await?;
        app.find_text("Créer une sauvegarde").await?;
        app.find_text("Créer une sauvegarde automatique").await?;
        Ok(())
    })
    .await;
}
