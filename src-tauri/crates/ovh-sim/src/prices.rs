//! The public catalog's snapshot prices, one catalog per OVH subsidiary, each in its own
//! currency. The figures are the simulator's own (illustrative, not OVH's): what matters is that
//! every subsidiary answers its own currency and plan codes, as OVH's catalog does
//! (`GET /order/catalog/public/cloud?ovhSubsidiary=…`), so an app that shows another country's
//! price, or a guessed one, is caught.

/// One subsidiary's catalog: its currency and its snapshot prices in micro-cents per GB per
/// hour, for standard regions, 3-AZ regions and Local Zones (`None`: not sold there).
#[derive(Debug, Clone, Copy)]
pub struct Catalog {
    pub subsidiary: &'static str,
    pub currency: &'static str,
    pub standard: i64,
    pub three_az: Option<i64>,
    pub local_zone: Option<i64>,
}

const fn eur(subsidiary: &'static str) -> Catalog {
    Catalog {
        subsidiary,
        currency: "EUR",
        standard: 1370,
        three_az: Some(2055),
        local_zone: Some(2740),
    }
}

const fn other(
    subsidiary: &'static str,
    currency: &'static str,
    standard: i64,
    three_az: i64,
) -> Catalog {
    Catalog {
        subsidiary,
        currency,
        standard,
        three_az: Some(three_az),
        local_zone: None,
    }
}

/// The subsidiaries the control panel's catalog knows (EU, CA and US endpoints).
pub const CATALOGS: &[Catalog] = &[
    eur("FR"),
    eur("DE"),
    eur("ES"),
    eur("IE"),
    eur("IT"),
    eur("NL"),
    eur("PT"),
    eur("LT"),
    eur("FI"),
    other("CZ", "CZK", 34_000, 51_000),
    other("GB", "GBP", 1180, 1770),
    other("PL", "PLN", 5900, 8850),
    other("CA", "CAD", 2000, 3000),
    other("QC", "CAD", 2000, 3000),
    other("WE", "USD", 1500, 2250),
    other("WS", "USD", 1500, 2250),
    other("US", "USD", 1500, 2250),
    other("ASIA", "USD", 1500, 2250),
    other("AU", "AUD", 2300, 3450),
    other("SG", "SGD", 2000, 3000),
    other("IN", "INR", 125_000, 187_500),
];

/// The catalog of one subsidiary (`None`: OVH answers 400 for an unknown one).
pub fn catalog(subsidiary: &str) -> Option<&'static Catalog> {
    CATALOGS.iter().find(|c| c.subsidiary == subsidiary)
}

/// The snapshot plan code of a region type, as `productAvailability` lists them.
pub fn plan_code(region_type: &str) -> &'static str {
    match region_type {
        "region-3-az" => "snapshot.consumption.3AZ",
        "localzone" => "snapshot.consumption.LZ",
        _ => "snapshot.consumption",
    }
}
