//! What backups cost, the way the control panel computes it: the account's own country's public
//! catalog (`ovhSubsidiary` from `GET /me`, or the country the user chose), the region's
//! snapshot plan from the project's `productAvailability` (standard, 3-AZ, Local Zone), its
//! hourly price in micro-cents × 730 hours, in the catalog's currency. Where any of these is
//! missing the price is "not available": never another country's or another plan's.
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use ts_rs::TS;

use serde::{Deserialize, Serialize};

use ovh::types::{Availability, Catalog, PlanCodes};
use ovh::{Client, Endpoint};

use crate::files::JsonFile;
use crate::{Error, Result};

/// Hours in a month, as the control panel counts them.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// OVH's subsidiaries, by endpoint: the countries a price can come from.
pub const SUBSIDIARIES_EU: &[&str] = &[
    "FR", "GB", "DE", "ES", "IE", "IT", "NL", "PL", "PT", "LT", "CZ", "FI",
];
pub const SUBSIDIARIES_CA: &[&str] = &["CA", "QC", "WE", "WS", "ASIA", "AU", "SG", "IN"];
pub const SUBSIDIARIES_US: &[&str] = &["US"];

/// Snapshot storage price for one region.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// Per GB per month, in `currency`.
    pub per_gb_month: f64,
    /// ISO code (`EUR`, `GBP`, `PLN`, `CAD`, `USD`...), from the catalog.
    pub currency: String,
    /// The catalog's plan (`snapshot.consumption`, `….3AZ`, `….LZ`).
    pub plan_code: String,
}

impl Price {
    /// The monthly cost of storing `gb` gigabytes.
    pub fn monthly(&self, gb: f64) -> f64 {
        self.per_gb_month * gb
    }
}

/// Picks the price of instance backups in `region`: the snapshot plan `availability` lists the
/// region under, priced in `catalog`. `None` when either says nothing: no made-up price.
pub fn snapshot_price(
    catalog: &Catalog,
    availability: &Availability,
    region: &str,
) -> Option<Price> {
    let plan_code = availability
        .plans
        .iter()
        .filter(|p| p.code.starts_with("snapshot.consumption"))
        .find(|p| p.regions.iter().any(|r| r.name == region))
        .map(|p| p.code.as_str())?;
    let addon = catalog.addons.iter().find(|a| a.plan_code == plan_code)?;
    let pricing = addon
        .pricings
        .iter()
        .find(|p| p.interval_unit == "hour" || p.interval_unit == "none")?;
    if catalog.locale.currency_code.is_empty() {
        return None;
    }
    Some(Price {
        per_gb_month: pricing.price as f64 * HOURS_PER_MONTH / 100_000_000.0,
        currency: catalog.locale.currency_code.clone(),
        plan_code: plan_code.to_string(),
    })
}

/// The plan of volume snapshots in standard regions (ovh/manager's block storage pages; the
/// simulator's catalog). Its regional variants are unconfirmed, so other regions get no price.
pub const VOLUME_SNAPSHOT_PLAN: &str = "volume.snapshot.consumption";

/// Picks the price of volume snapshots in a region whose instance backups are priced `instance`
/// (the region's plan, from availability): only in standard regions (`snapshot.consumption`),
/// from the same catalog, per GB per hour × 730. `None` anywhere else: no made-up price.
pub fn volume_snapshot_price(catalog: &Catalog, instance: &Price) -> Option<Price> {
    if instance.plan_code != "snapshot.consumption" {
        return None;
    }
    let addon = catalog
        .addons
        .iter()
        .find(|a| a.plan_code == VOLUME_SNAPSHOT_PLAN)?;
    let pricing = addon
        .pricings
        .iter()
        .find(|p| p.interval_unit == "hour" || p.interval_unit == "none")?;
    Some(Price {
        per_gb_month: pricing.price as f64 * HOURS_PER_MONTH / 100_000_000.0,
        currency: catalog.locale.currency_code.clone(),
        plan_code: VOLUME_SNAPSHOT_PLAN.to_string(),
    })
}

/// What an instance model costs, from the account's country's catalog.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModelPrice {
    /// Billed by the hour (the default), in `currency`.
    pub per_hour: f64,
    /// Billed by the month, when the catalog sells the model's monthly plan.
    pub per_month: Option<f64>,
    pub currency: String,
}

/// Prices a model from its own plan codes (`flavor.planCodes`) in `catalog`. `None` without its
/// hourly plan: no made-up price.
pub fn model_price(catalog: &Catalog, codes: &PlanCodes) -> Option<ModelPrice> {
    if catalog.locale.currency_code.is_empty() {
        return None;
    }
    let priced = |code: &Option<String>, unit: &str| -> Option<f64> {
        let code = code.as_deref()?;
        let addon = catalog.addons.iter().find(|a| a.plan_code == code)?;
        let pricing = addon.pricings.iter().find(|p| p.interval_unit == unit)?;
        Some(pricing.price as f64 / 100_000_000.0)
    };
    Some(ModelPrice {
        per_hour: priced(&codes.hourly, "hour")?,
        per_month: priced(&codes.monthly, "month"),
        currency: catalog.locale.currency_code.clone(),
    })
}

/// Where the account's country comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CountrySource {
    /// `GET /me` answered it.
    Account,
    /// The user chose it (the keys do not grant `GET /me`).
    Chosen,
    /// Neither: no price is shown until the user chooses.
    Unknown,
}

/// The country prices come from, for the Account screen.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PriceCountry {
    pub subsidiary: Option<String>,
    pub source: CountrySource,
    /// What to pre-fill the choice with: the endpoint's usual country.
    pub suggested: String,
    /// The countries that can be chosen on this endpoint.
    pub choices: Vec<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Chosen {
    subsidiary: Option<String>,
}

/// Prices for a session: the country read once, catalogs and availability kept for the session
/// (they change with OVH's price lists, not by the minute).
pub struct Prices {
    client: Client,
    file: JsonFile<Chosen>,
    me: tokio::sync::OnceCell<Option<String>>,
    chosen: std::sync::Mutex<Option<String>>,
    catalogs: tokio::sync::Mutex<HashMap<String, Arc<Catalog>>>,
    availability: tokio::sync::Mutex<HashMap<(String, String), Arc<Availability>>>,
}

impl Prices {
    /// Prices for `client`; the chosen country is kept in `dir/price-country.json`.
    pub fn new(client: Client, dir: Option<PathBuf>) -> Self {
        let file: JsonFile<Chosen> = JsonFile::in_dir_or_none(dir.as_deref(), "price-country.json");
        let chosen = file.load().subsidiary;
        Self {
            client,
            file,
            me: tokio::sync::OnceCell::new(),
            chosen: std::sync::Mutex::new(chosen),
            catalogs: Default::default(),
            availability: Default::default(),
        }
    }

    fn choices(&self) -> &'static [&'static str] {
        match self.client.endpoint() {
            Endpoint::Ca => SUBSIDIARIES_CA,
            Endpoint::Us => SUBSIDIARIES_US,
            _ => SUBSIDIARIES_EU,
        }
    }

    /// The account's country: `GET /me` (asked once a session), else the user's choice.
    pub async fn country(&self) -> PriceCountry {
        let me = self
            .me
            .get_or_init(|| async {
                match self.client.me().await {
                    Ok(me) => me.ovh_subsidiary.filter(|s| !s.is_empty()),
                    Err(e) => {
                        tracing::info!("no country from GET /me ({e}); the user's choice applies");
                        None
                    }
                }
            })
            .await
            .clone();
        let chosen = self.chosen.lock().expect("chosen lock").clone();
        let (subsidiary, source) = match (me, chosen) {
            (Some(s), _) => (Some(s), CountrySource::Account),
            (None, Some(s)) => (Some(s), CountrySource::Chosen),
            (None, None) => (None, CountrySource::Unknown),
        };
        PriceCountry {
            subsidiary,
            source,
            suggested: self.choices()[0].to_string(),
            choices: self.choices().iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Remembers the user's country (used when `GET /me` is not granted).
    pub fn choose(&self, subsidiary: &str) -> Result<()> {
        if !self.choices().contains(&subsidiary) {
            return Err(Error::Invalid(crate::Why::ChooseCountry {
                choices: self.choices().join(", "),
            }));
        }
        *self.chosen.lock().expect("chosen lock") = Some(subsidiary.to_string());
        let chosen = Chosen {
            subsidiary: Some(subsidiary.to_string()),
        };
        self.file.save(&chosen).map_err(|e| {
            Error::Invalid(crate::Why::CountryNotSaved {
                detail: e.to_string(),
            })
        })
    }

    /// The account's country's catalog, read once a session; `None` when the country is not
    /// known or the catalog could not be read.
    pub async fn catalog(&self) -> Option<Arc<Catalog>> {
        let subsidiary = self.country().await.subsidiary?;
        let mut catalogs = self.catalogs.lock().await;
        if let Some(c) = catalogs.get(&subsidiary) {
            return Some(c.clone());
        }
        match self.client.public_cloud_catalog(&subsidiary).await {
            Ok(c) => Some(catalogs.entry(subsidiary).or_insert(Arc::new(c)).clone()),
            Err(e) => {
                tracing::warn!("no catalog for {subsidiary}: {e}");
                None
            }
        }
    }

    /// The price of backups in `region` of `project_id`, or `None` ("price not available").
    pub async fn price(&self, project_id: &str, region: &str) -> Option<Price> {
        let subsidiary = self.country().await.subsidiary?;
        let catalog = self.catalog().await?;
        let availability = {
            let key = (project_id.to_string(), subsidiary.clone());
            let mut all = self.availability.lock().await;
            match all.get(&key) {
                Some(a) => a.clone(),
                None => match self
                    .client
                    .snapshot_availability(project_id, &subsidiary)
                    .await
                {
                    Ok(a) => all.entry(key).or_insert(Arc::new(a)).clone(),
                    Err(e) => {
                        tracing::warn!("no product availability for {project_id}: {e}");
                        return None;
                    }
                },
            }
        };
        snapshot_price(&catalog, &availability, region)
    }

    /// The price of volume snapshots in `region` of `project_id` (see
    /// [`volume_snapshot_price`]), or `None`.
    pub async fn volume_price(&self, project_id: &str, region: &str) -> Option<Price> {
        let instance = self.price(project_id, region).await?;
        volume_snapshot_price(&*self.catalog().await?, &instance)
    }
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

    fn everywhere() -> Availability {
        serde_json::from_value(serde_json::json!({
            "plans": [{"code": "snapshot.consumption", "regions": [{"name": "GRA11"}]}]
        }))
        .unwrap()
    }

    #[test]
    fn hourly_micro_cents_become_a_monthly_price_per_gb() {
        let p = snapshot_price(&catalog(1370), &everywhere(), "GRA11").unwrap();
        assert!((p.per_gb_month - 0.010001).abs() < 1e-9, "{p:?}");
        assert_eq!(p.currency, "EUR");
        assert!((p.monthly(50.0) - 0.50005).abs() < 1e-9);
    }

    #[test]
    fn a_model_is_priced_from_its_own_plans_only() {
        let catalog: Catalog = serde_json::from_value(serde_json::json!({
            "addons": [
                {"planCode": "b2-7.consumption", "pricings": [{"price": 6_810_000, "intervalUnit": "hour"}]},
                {"planCode": "b2-7.monthly.postpaid", "pricings": [{"price": 2_500_000_000i64, "intervalUnit": "month"}]},
                {"planCode": "d2-4.consumption", "pricings": [{"price": 1_000_000, "intervalUnit": "hour"}]}
            ],
            "locale": {"currencyCode": "EUR", "subsidiary": "FR"}
        }))
        .unwrap();
        let codes = |h: &str, m: &str| PlanCodes {
            hourly: Some(h.into()),
            monthly: Some(m.into()),
        };
        let b2 = model_price(
            &catalog,
            &codes("b2-7.consumption", "b2-7.monthly.postpaid"),
        )
        .unwrap();
        assert!((b2.per_hour - 0.0681).abs() < 1e-12, "{b2:?}");
        assert_eq!(b2.per_month, Some(25.0));
        let d2 = model_price(
            &catalog,
            &codes("d2-4.consumption", "d2-4.monthly.postpaid"),
        )
        .unwrap();
        assert_eq!(d2.per_month, None, "no monthly plan sold, no monthly price");
        assert_eq!(
            model_price(
                &catalog,
                &codes("c2-7.consumption", "c2-7.monthly.postpaid")
            ),
            None,
            "a model the catalog does not sell has no price"
        );
        assert_eq!(model_price(&catalog, &PlanCodes::default()), None);
    }

    #[test]
    fn the_region_plan_comes_from_availability() {
        let avail: Availability = serde_json::from_value(serde_json::json!({
            "plans": [{"code": "snapshot.consumption.LZ", "regions": [{"name": "EU-WEST-LZ-BRU-A"}]},
                      {"code": "snapshot.consumption", "regions": [{"name": "GRA11"}]}]
        }))
        .unwrap();
        let lz = snapshot_price(&catalog(1000), &avail, "EU-WEST-LZ-BRU-A").unwrap();
        let std = snapshot_price(&catalog(1000), &avail, "GRA11").unwrap();
        assert!((lz.per_gb_month - 2.0 * std.per_gb_month).abs() < 1e-12);
        assert_eq!(lz.plan_code, "snapshot.consumption.LZ");
        assert_eq!(
            snapshot_price(&catalog(1000), &avail, "EU-WEST-PAR"),
            None,
            "a region no plan lists has no price, not the standard one"
        );
        let three_az: Availability = serde_json::from_value(serde_json::json!({
            "plans": [{"code": "snapshot.consumption.3AZ", "regions": [{"name": "EU-WEST-PAR"}]}]
        }))
        .unwrap();
        assert_eq!(
            snapshot_price(&catalog(1000), &three_az, "EU-WEST-PAR"),
            None,
            "a plan the catalog does not sell has no price"
        );
        let empty: Catalog = serde_json::from_value(
            serde_json::json!({"addons": [], "locale": {"currencyCode": "EUR"}}),
        )
        .unwrap();
        assert_eq!(
            snapshot_price(&empty, &everywhere(), "GRA11"),
            None,
            "no plan, no made-up price"
        );
    }

    #[test]
    fn volume_snapshots_are_priced_from_their_own_plan_in_standard_regions_only() {
        let avail: Availability = serde_json::from_value(serde_json::json!({
            "plans": [{"code": "snapshot.consumption.LZ", "regions": [{"name": "EU-WEST-LZ-BRU-A"}]},
                      {"code": "snapshot.consumption", "regions": [{"name": "GRA11"}]}]
        }))
        .unwrap();
        let c = catalog(1000);
        let std = snapshot_price(&c, &avail, "GRA11").unwrap();
        let volume = volume_snapshot_price(&c, &std).unwrap();
        assert!((volume.per_gb_month - 99999.0 * 730.0 / 1e8).abs() < 1e-12);
        assert_eq!(volume.plan_code, VOLUME_SNAPSHOT_PLAN);
        let lz = snapshot_price(&c, &avail, "EU-WEST-LZ-BRU-A").unwrap();
        assert_eq!(
            volume_snapshot_price(&c, &lz),
            None,
            "a Local Zone's volume plan is unconfirmed: no price"
        );
        let without: Catalog = serde_json::from_value(serde_json::json!({
            "addons": [{"planCode": "snapshot.consumption", "pricings": [{"price": 1000, "intervalUnit": "hour"}]}],
            "locale": {"currencyCode": "EUR"}
        }))
        .unwrap();
        assert_eq!(
            volume_snapshot_price(&without, &std),
            None,
            "no plan, no price"
        );
    }
}
