//! A new user connects a real account (the simulator, reached as a custom endpoint exactly as
//! the real API would be) through each of the three ways in, signs out and reconnects; a revoked
//! access leads to "Connect again"; keys found in `OVH_*` variables are imported. Keyring entries
//! are checked through the Secret Service, and no secret is left in the app's files or log. A
//! build carrying an OVHcloud application signs in with one button, the keys under "For IT
//! staff".
use std::path::Path;
use std::time::Duration;

use desk::vault::{SecretKind, Vault};
use e2e::{eventually, http, post_json, with_app_env, App, Result, PATIENCE};
use ovh_sim::{Keys, Running, Sim};

async fn simulator() -> Running {
    Running::start(Sim::demo(&Keys::default()))
        .await
        .expect("the simulator starts")
}

fn port_of(running: &Running) -> u16 {
    running
        .root_url()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port")
}

/// The keyring entries the app has stored, read through the Secret Service.
async fn stored(service: &str) -> Vec<&'static str> {
    let vault = Vault::with_service(service);
    tokio::task::spawn_blocking(move || {
        SecretKind::ALL
            .into_iter()
            .filter(|k| matches!(vault.load(*k), Ok(Some(_))))
            .map(SecretKind::user)
            .collect()
    })
    .await
    .expect("keyring read")
}

async fn secret(service: &str, kind: SecretKind) -> Result<String> {
    let vault = Vault::with_service(service);
    tokio::task::spawn_blocking(move || vault.load(kind))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?
        .map(|s| s.expose().clone())
        .ok_or_else(|| format!("no {kind:?} in the keyring"))
}

/// Approves a consumer-key request as a user does on OVHcloud's page: read it, press Validate.
async fn approve(port: u16, validation_url: &str) -> Result<()> {
    let path = validation_url
        .find("/auth/")
        .map(|i| &validation_url[i..])
        .ok_or("not a validation URL")?;
    let (_, page) = http(port, "GET", path, "text/plain", "").await?;
    for rule in [
        "GET /cloud/project/*",
        "POST /cloud/project/*/instance/*/snapshot",
        "DELETE /cloud/project/*/region/*/workflow/backup/*",
    ] {
        if !page.contains(rule) {
            return Err(format!("the approval page does not list {rule:?}"));
        }
    }
    // The account's country is read (GET /me, for prices); nothing else about the account.
    if page.contains("PUT ")
        || page.contains("/me/")
        || page.matches("/me").count() != page.matches("GET /me").count()
    {
        return Err("the app asks for more than it needs".into());
    }
    let token = validation_url
        .split("credentialToken=")
        .nth(1)
        .ok_or("no token in the validation URL")?;
    let (status, _) = http(
        port,
        "POST",
        "/auth/validate",
        "application/x-www-form-urlencoded",
        &format!("credentialToken={token}&validity=2592000"),
    )
    .await?;
    if status != 200 {
        return Err(format!("validation refused: {status}"));
    }
    Ok(())
}

/// Every file under `dir` and the log, searched for each secret's bytes.
/// Every file of the profile and the log, searched in each form a secret may take.
fn scan(dir: &Path, log: &Path, secrets: &[String]) -> Vec<String> {
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let log_dir = log.parent().expect("log folder");
    let in_profile = ovh_sim::secrets::scan(&[dir], &secrets);
    let in_log = ovh_sim::secrets::scan(&[log_dir], &secrets);
    println!(
        "secret scan: {} files, {} secrets, {} hits",
        in_profile.files,
        secrets.len(),
        in_profile.hits.len()
    );
    let mut hits: Vec<String> = in_profile
        .hits
        .iter()
        .chain(in_log.hits.iter().filter(|(p, _)| p == log))
        .map(|(p, form)| format!("{} holds a secret ({form})", p.display()))
        .collect();
    if in_profile.files == 0 {
        hits.push("the profile held no file: nothing was scanned".into());
    }
    hits
}

/// Approves the request at `url` on the simulator, waits for the account's instances, checks
/// the keyring holds the four entries of an application's keys, and returns the consumer key
/// OVH issued (remembered for the secret scan). `after` names the way in, for the failure.
async fn approved(
    app: &App,
    sim: &Running,
    service: &str,
    url: &str,
    after: &str,
) -> Result<String> {
    approve(port_of(sim), url).await?;
    lands_on_the_account_instances(app).await?;
    let entries = stored(service).await;
    if entries
        != [
            "endpoint",
            "application-key",
            "application-secret",
            "consumer-key",
        ]
    {
        return Err(format!("keyring entries after {after}: {entries:?}"));
    }
    let approved_ck = secret(service, SecretKind::ConsumerKey).await?;
    e2e::remember_issued(&approved_ck);
    Ok(approved_ck)
}

async fn custom_endpoint(app: &App, url: &str) -> Result<()> {
    app.click_text("Advanced").await?;
    app.fill("#account-endpoint-url", url).await
}

async fn lands_on_the_account_instances(app: &App) -> Result<()> {
    app.find_text("web-frontend-1").await?;
    eventually(PATIENCE, async || {
        let bar = app.text_of(".topbar").await?;
        if bar.contains("OVHcloud account") && !bar.contains("Demo cloud") {
            Ok(())
        } else {
            Err(format!("the top bar does not show the account: {bar:?}"))
        }
    })
    .await
}

/// Waits until the element's text contains `needle`.
async fn contains(app: &App, css: &str, needle: &str) -> Result<()> {
    eventually(PATIENCE, async || {
        let text = app.text_of(css).await?;
        if text.contains(needle) {
            Ok(())
        } else {
            Err(format!("{css} shows {text:?}, not {needle:?}"))
        }
    })
    .await
}

async fn sign_out(app: &App) -> Result<()> {
    app.click("#sign-out").await?;
    app.click("#confirm-sign-out").await?;
    app.find_text("Connect your OVHcloud account").await?;
    app.find_text("Demo cloud").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_ways_in_sign_out_and_reconnect() {
    let sim = simulator().await;
    let keys = Keys::default();
    with_app_env("account", &[], async |app| -> Result<()> {
        let service = app.vault_service.clone();
        // 1. Connect (recommended): keys of an application, approval in the browser.
        app.find_text("Demo cloud").await?;
        app.click("#connect-account").await?;
        app.find_text("Connect your OVHcloud account").await?;
        app.screenshot("account-welcome").await?;
        custom_endpoint(app, &sim.base_url).await?;
        app.fill("#account-ak", &keys.application_key).await?;
        app.fill("#account-as", &keys.application_secret).await?;
        app.click("#connect").await?;
        app.find_text("Waiting for your approval on OVHcloud…")
            .await?;
        let url = app.attr("#approval-link", "href").await?;
        app.screenshot("account-waiting").await?;
        if !stored(&service).await.is_empty() {
            return Err("something was stored before approval".into());
        }
        let approved_ck = approved(app, &sim, &service, &url, "Connect").await?;
        app.screenshot("account-connected-instances").await?;

        app.click_text("Account").await?;
        app.find_text("Connected to OVHcloud").await?;
        app.find_text("ab12345-ovh").await?;
        app.find_text("Acme Production, Acme Staging").await?;
        app.screenshot("account-connected").await?;
        sign_out(app).await?;
        if !stored(&service).await.is_empty() {
            return Err("sign-out left keyring entries".into());
        }

        // 2. I already have keys; then the access is revoked and the app says how to fix it.
        app.click("#way-keys").await?;
        custom_endpoint(app, &sim.base_url).await?;
        app.fill("#keys-ak", &keys.application_key).await?;
        app.fill("#keys-as", "not-the-secret").await?;
        app.fill("#keys-ck", &keys.consumer_key).await?;
        app.click("#save-keys").await?;
        contains(
            app,
            ".way .form-status",
            "the application secret does not belong",
        )
        .await?;
        if !stored(&service).await.is_empty() {
            return Err("keys that do not work were stored".into());
        }
        app.fill("#keys-as", &keys.application_secret).await?;
        app.click("#save-keys").await?;
        lands_on_the_account_instances(app).await?;
        post_json(
            port_of(&sim),
            &format!("/_sim/credentials/{}/revoke", keys.consumer_key),
            "{}",
        )
        .await?;
        // Instances was read a moment ago: it may be shown from memory until a read meets the
        // refusal, which Instance Backup's own read does (a click on Instances before that
        // answer once showed the list, as the app may).
        app.click_text("Instance Backup").await?;
        contains(app, "#content", "was revoked. Connect again").await?;
        app.click_text("Instances").await?;
        contains(app, "#content", "was revoked. Connect again").await?;
        app.screenshot("account-revoked-error").await?;
        app.click("#reconnect").await?;
        contains(app, "#content", "was revoked").await?;
        app.screenshot("account-revoked").await?;
        sign_out(app).await?;

        // 3. Service account.
        app.click("#way-service").await?;
        custom_endpoint(app, &sim.base_url).await?;
        app.fill("#service-id", &keys.client_id).await?;
        app.fill("#service-secret", &keys.client_secret).await?;
        app.click("#save-service-account").await?;
        lands_on_the_account_instances(app).await?;
        let entries = stored(&service).await;
        if entries != ["endpoint", "client-id", "client-secret"] {
            return Err(format!(
                "keyring entries for a service account: {entries:?}"
            ));
        }
        app.click_text("Account").await?;
        app.find_text("Service account").await?;

        // No secret in the app's files, web storage or log.
        let secrets = vec![
            keys.application_secret.clone(),
            keys.consumer_key.clone(),
            approved_ck,
            keys.client_secret.clone(),
        ];
        let hits = scan(&app.profile.dir, &app.log, &secrets);
        if !hits.is_empty() {
            return Err(format!("secrets found: {hits:?}"));
        }
        sign_out(app).await?;
        if !stored(&service).await.is_empty() {
            return Err("sign-out left keyring entries".into());
        }
        Ok(())
    })
    .await;
    drop(sim);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_in_ovh_variables_are_offered_for_import() {
    let sim = simulator().await;
    let keys = Keys::default();
    let env = [
        ("OVH_ENDPOINT", sim.base_url.clone()),
        ("OVH_APPLICATION_KEY", keys.application_key.clone()),
        ("OVH_APPLICATION_SECRET", keys.application_secret.clone()),
        ("OVH_CONSUMER_KEY", keys.consumer_key.clone()),
    ];
    with_app_env("import", &env, async |app| -> Result<()> {
        app.click("#connect-account").await?;
        let offer = app.text_of("#import-offer").await?;
        if !offer.contains("OVH_* environment variables") {
            return Err(format!(
                "the offer does not say where the keys are: {offer:?}"
            ));
        }
        app.screenshot("account-import").await?;
        app.click("#import-account").await?;
        lands_on_the_account_instances(app).await?;
        let entries = stored(&app.vault_service).await;
        if entries.len() != 4 {
            return Err(format!("imported entries: {entries:?}"));
        }
        app.click_text("Account").await?;
        sign_out(app).await?;
        tokio::time::sleep(Duration::from_millis(100)).await;
        Ok(())
    })
    .await;
    drop(sim);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_build_with_an_application_signs_in_with_one_button() {
    let sim = simulator().await;
    let keys = Keys::default();
    // The simulator's demo application, built in for every endpoint (test builds only).
    let app_env = [(
        "BACKUP_DESK_TEST_APP",
        format!("{}:{}", keys.application_key, keys.application_secret),
    )];
    with_app_env("sign-in", &app_env, async |app| -> Result<()> {
        let service = app.vault_service.clone();
        app.click("#connect-account").await?;
        app.find_text("Sign in with OVHcloud").await?;
        // The key-based ways are folded away: nothing to type on the way in.
        if app
            .attr("#for-it-staff", "open")
            .await
            .is_ok_and(|o| !o.is_empty())
        {
            return Err("the ways for IT staff are open".into());
        }
        custom_endpoint(app, &sim.base_url).await?;
        app.screenshot("account-sign-in").await?;
        app.click("#sign-in").await?;
        app.find_text("Waiting for your approval on OVHcloud…")
            .await?;
        let url = app.attr("#approval-link", "href").await?;
        let approved_ck = approved(app, &sim, &service, &url, "signing in").await?;
        let hits = scan(&app.profile.dir, &app.log, &[approved_ck]);
        if !hits.is_empty() {
            return Err(format!("secrets found: {hits:?}"));
        }
        app.click_text("Account").await?;
        app.find_text("Connected to OVHcloud").await?;
        sign_out(app).await
    })
    .await;
    drop(sim);
}
