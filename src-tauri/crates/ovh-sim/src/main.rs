//! `ovh-sim`: the OVH API simulator as a standalone server.
use std::process::ExitCode;

use ovh_sim::{scenario, Keys, ScaleSize, Sim};

const USAGE: &str = "usage: ovh-sim [--listen ADDR] [--scenario demo|scale|messy] [--speed X]
              [--application-key AK] [--application-secret AS] [--consumer-key CK]
              [--client-id ID] [--client-secret SECRET]
              [--scale-projects N] [--scale-instances N] [--scale-backups N] [--scale-workflows N]";

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let mut listen = "127.0.0.1:8787".to_string();
    let mut scenario_name = "demo".to_string();
    let mut speed = 1.0f64;
    let mut keys = Keys::default();
    let mut size = ScaleSize::default();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        let Some(value) = args.next() else {
            eprintln!("missing value for {flag}\n{USAGE}");
            return ExitCode::from(2);
        };
        let number = || {
            value
                .parse::<usize>()
                .map_err(|_| format!("{flag} needs a number"))
        };
        let outcome: Result<(), String> = match flag.as_str() {
            "--listen" => {
                listen = value.clone();
                Ok(())
            }
            "--scenario" => {
                scenario_name = value.clone();
                Ok(())
            }
            "--speed" => value
                .parse()
                .map(|s| speed = s)
                .map_err(|_| "--speed needs a number".into()),
            "--application-key" => {
                keys.application_key = value.clone();
                Ok(())
            }
            "--application-secret" => {
                keys.application_secret = value.clone();
                Ok(())
            }
            "--consumer-key" => {
                keys.consumer_key = value.clone();
                Ok(())
            }
            "--client-id" => {
                keys.client_id = value.clone();
                Ok(())
            }
            "--client-secret" => {
                keys.client_secret = value.clone();
                Ok(())
            }
            "--scale-projects" => number().map(|n| size.projects = n),
            "--scale-instances" => number().map(|n| size.instances = n),
            "--scale-backups" => number().map(|n| size.backups = n),
            "--scale-workflows" => number().map(|n| size.workflows = n),
            _ => Err(format!("unknown flag {flag}")),
        };
        if let Err(e) = outcome {
            eprintln!("{e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    let now = chrono::Utc::now();
    let world = match scenario_name.as_str() {
        "demo" => scenario::demo(&keys, now),
        "scale" => scenario::scale(&keys, &size, now),
        "messy" => {
            let mut w = scenario::demo(&keys, now);
            w.messy = true;
            w
        }
        other => {
            eprintln!("unknown scenario {other:?}: use demo, scale or messy");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {listen}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or(listen);
    println!("listening on http://{addr}/1.0");
    println!("application key: {}", keys.application_key);
    println!("application secret: {}", keys.application_secret);
    println!("consumer key: {}", keys.consumer_key);
    println!("service account client id: {}", keys.client_id);
    println!("service account client secret: {}", keys.client_secret);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    match ovh_sim::run(listener, Sim::new(world, speed), shutdown).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("simulator failed: {e}");
            ExitCode::FAILURE
        }
    }
}
