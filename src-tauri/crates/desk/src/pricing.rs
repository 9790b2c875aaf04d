//! What backups cost, the way the control panel computes it: the `snapshot.consumption` addon
//! of the public catalog (micro-cents per GB per hour) × 730 hours, in the account's currency.
use serde::Serialize;

use ovh::types::{Availability, Catalog};
use ovh::Client;

use crate::Result;

/// Hours in a month, as the control panel counts them.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// Snapshot storage price for one region.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// Per GB per month, in `currency`.
    pub per_gb_month: f64,
    /// ISO code (`EUR`, `CAD`, `USD`...).
    pub currency: String,
}

impl Price {
    /// The monthly cost of storing `gb` gigabytes.
    pub fn monthly(&self, gb: f64) -> f64 {
        self.per_gb_month * gb
    }
}

/// Picks the price of instance backups in `region` from the catalog and the project's
/// availability: the plan whose code starts with `snapshot.consumption` and that lists the
/// region, else the plain `snapshot.consumption` addon. `None` when the catalog has neither.
pub fn snapshot_price(
    catalog: &Catalog,
    availability: Option<&Availability>,
    region: &str,
) -> Option<Price> {
    let plan_code = availability
        .and_then(|a| {
            a.plans
                .iter()
                .filter(|p| p.code.starts_with("snapshot.consumption"))
                .find(|p| p.regions.iter().any(|r| r.name == region))
                .map(|p| p.code.as_str())
        })
        .unwrap_or("snapshot.consumption");
    let addon = catalog
        .addons
        .iter()
        .find(|a| a.plan_code == plan_code)
        .or_else(|| {
            catalog
                .addons
                .iter()
                .find(|a| a.plan_code == "snapshot.consumption")
        })?;
    let pricing = addon
        .pricings
        .iter()
        .find(|p| p.interval_unit == "hour" || p.interval_unit == "none")?;
    Some(Price {
        per_gb_month: pricing.price as f64 * HOURS_PER_MONTH / 100_000_000.0,
        currency: catalog.locale.currency_code.clone(),
    })
}

/// Fetches the catalog and availability and prices backups in `region`. The subsidiary decides
/// the currency; the demo and most EU accounts are `FR`.
pub async fn price_in(
    client: &Client,
    project_id: &str,
    region: &str,
    subsidiary: &str,
) -> Result<Option<Price>> {
    let (catalog, availability) = tokio::join!(
        client.public_cloud_catalog(subsidiary),
        client.snapshot_availability(project_id, subsidiary)
    );
    // Availability only refines the plan; without it the standard plan applies.
    Ok(snapshot_price(
        &catalog?,
        availability.ok().as_ref(),
        region,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(price: i64) -> Catalog {
        serde_json::from_value(serde_json::json!({
            "addons": [
                {"planCode": "volume.snapshot.consumption", "pricings": [{"price": 99999, "intervalUnit": "hour"}]},
                {"planCode": "snapshot.consumption", "pricings": [{"price": price, "intervalUnit": "hour"}]},
                {"planCode": "snapshot.consumption.LZ", "pricings": [{"price": price * 2, "intervalUnit": "hour"}]}
            ],
            "locale": {"currencyCode": "EUR", "subsidiary": "FR"}
        }))
        .unwrap()
    }

    #[test]
    fn hourly_micro_cents_become_a_monthly_price_per_gb() {
        let p = snapshot_price(&catalog(1370), None, "GRA11").unwrap();
        assert!((p.per_gb_month - 0.010001).abs() < 1e-9, "{p:?}");
        assert_eq!(p.currency, "EUR");
        assert!((p.monthly(50.0) - 0.50005).abs() < 1e-9);
    }

    #[test]
    fn the_region_plan_comes_from_availability() {
        let avail: Availability = serde_json::from_value(serde_json::json!({
            "plans": [{"code": "snapshot.consumption.LZ", "regions": [{"name": "EU-WEST-LZ-BRU-A"}]},
                      {"code": "snapshot.consumption", "regions": [{"name": "GRA11"}]}]
        }))
        .unwrap();
        let lz = snapshot_price(&catalog(1000), Some(&avail), "EU-WEST-LZ-BRU-A").unwrap();
        let std = snapshot_price(&catalog(1000), Some(&avail), "GRA11").unwrap();
        assert!((lz.per_gb_month - 2.0 * std.per_gb_month).abs() < 1e-12);
        let empty: Catalog = serde_json::from_value(
            serde_json::json!({"addons": [], "locale": {"currencyCode": "EUR"}}),
        )
        .unwrap();
        assert_eq!(
            snapshot_price(&empty, None, "GRA11"),
            None,
            "no plan, no made-up price"
        );
    }
}
