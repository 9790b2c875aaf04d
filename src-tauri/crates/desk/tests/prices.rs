//! Backup prices from the account's own country: its catalog's currency, the region's own plan
//! (3-AZ, Local Zone), and "not available" rather than another country's or plan's price.
use desk::pricing::{CountrySource, Prices};
use ovh::RetryPolicy;
use ovh_sim::{Keys, Running, Sim};

async fn world(subsidiary: &str) -> (Running, Prices, String) {
    let keys = Keys::default();
    let sim = Sim::demo(&keys);
    sim.world.lock().unwrap().subsidiary = subsidiary.to_string();
    let running = Running::start(sim).await.unwrap();
    let client = running.client(&keys, RetryPolicy::none()).unwrap();
    let project = client.project_ids().await.unwrap()[0].clone();
    (running, Prices::new(client, None), project)
}

#[tokio::test]
async fn each_country_sees_its_own_currency_and_each_region_its_own_plan() {
    for (country, currency) in [
        ("FR", "EUR"),
        ("GB", "GBP"),
        ("PL", "PLN"),
        ("CA", "CAD"),
        ("QC", "CAD"),
        ("US", "USD"),
    ] {
        let (_sim, prices, p) = world(country).await;
        let c = prices.country().await;
        assert_eq!(c.subsidiary.as_deref(), Some(country));
        assert_eq!(c.source, CountrySource::Account);
        let standard = prices.price(&p, "GRA11").await.expect(country);
        assert_eq!(standard.currency, currency, "{country}");
        assert_eq!(standard.plan_code, "snapshot.consumption");
        let three_az = prices.price(&p, "EU-WEST-PAR").await.expect(country);
        assert_eq!(three_az.plan_code, "snapshot.consumption.3AZ");
        assert_eq!(three_az.currency, currency);
        assert!(three_az.per_gb_month > standard.per_gb_month, "{country}");
        let lz = prices.price(&p, "EU-SOUTH-LZ-MAD-A").await;
        if country == "FR" {
            assert_eq!(lz.unwrap().plan_code, "snapshot.consumption.LZ");
        } else {
            assert_eq!(
                lz, None,
                "{country} sells no Local Zone backups: no price, not FR's"
            );
        }
    }
}

#[tokio::test]
async fn without_the_account_s_country_no_price_until_the_user_chooses() {
    let keys = Keys::default();
    let sim = Sim::demo(&keys);
    sim.world.lock().unwrap().subsidiary = "GB".into();
    // The demo key may call anything but GET /me.
    sim.world
        .lock()
        .unwrap()
        .credentials
        .get_mut(&keys.consumer_key)
        .unwrap()
        .rules = vec![("GET".into(), "/cloud/*".into())];
    let running = Running::start(sim).await.unwrap();
    let client = running.client(&keys, RetryPolicy::none()).unwrap();
    let p = client.project_ids().await.unwrap()[0].clone();
    let dir = std::env::temp_dir().join(format!("bd-prices-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let prices = Prices::new(client.clone(), Some(dir.clone()));
    let c = prices.country().await;
    assert_eq!(c.source, CountrySource::Unknown);
    assert_eq!(c.suggested, "FR", "pre-filled from the endpoint");
    assert_eq!(prices.price(&p, "GRA11").await, None, "no guessed country");
    assert!(prices.choose("XX").is_err(), "only a known country");
    prices.choose("GB").unwrap();
    assert_eq!(prices.price(&p, "GRA11").await.unwrap().currency, "GBP");
    let again = Prices::new(client, Some(dir.clone()));
    assert_eq!(again.country().await.source, CountrySource::Chosen, "kept");
    std::fs::remove_dir_all(dir).unwrap();
}
