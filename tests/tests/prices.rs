//! Backup prices from the account's own country, as the backup dialog shows them: pounds on a
//! GB account, złoty on a PL account, the 3-AZ plan in a 3-AZ region, and "price not
//! available" where the country's catalog sells none — never another country's price.
use e2e::{with_app_env, App, Result};

/// The backup dialog's pricing block for one instance, then the dialog closed.
async fn pricing_of(app: &App, instance: &str) -> Result<String> {
    app.click_text("Instances").await?;
    app.click(&format!(
        "tr[data-instance='{instance}'] button[aria-haspopup]"
    ))
    .await?;
    app.click_text("Create a backup").await?;
    let text = app.text_of("dialog .pricing").await?;
    app.screenshot(&format!("price-{instance}")).await?;
    app.press("\u{E00C}").await?;
    Ok(text)
}

#[tokio::test]
async fn a_gb_account_sees_pounds_and_each_region_s_own_plan() {
    with_app_env(
        "prices-gb",
        &[("BACKUP_DESK_DEMO_SUBSIDIARY", "GB".to_string())],
        async |app| -> Result<()> {
            let standard = pricing_of(app, "mail-gateway").await?;
            if !standard.contains('£') || standard.contains('€') {
                return Err(format!("not in pounds: {standard}"));
            }
            let three_az = pricing_of(app, "crm-3az").await?;
            let per_gb = |s: &str| {
                s.lines()
                    .find(|l| l.contains("/month/GB"))
                    .map(str::to_string)
            };
            if !three_az.contains('£') || per_gb(&three_az) == per_gb(&standard) {
                return Err(format!(
                    "the 3-AZ region is not priced on its own plan: {three_az} vs {standard}"
                ));
            }
            let local_zone = pricing_of(app, "edge-madrid").await?;
            if !local_zone.contains("Price not available") || local_zone.contains('€') {
                return Err(format!(
                    "a region the GB catalog does not price shows {local_zone}"
                ));
            }
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_pl_account_sees_zloty() {
    with_app_env(
        "prices-pl",
        &[("BACKUP_DESK_DEMO_SUBSIDIARY", "PL".to_string())],
        async |app| -> Result<()> {
            let text = pricing_of(app, "mail-gateway").await?;
            if !text.contains("zł") {
                return Err(format!("not in złoty: {text}"));
            }
            Ok(())
        },
    )
    .await;
}
