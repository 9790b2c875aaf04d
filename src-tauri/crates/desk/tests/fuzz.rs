//! Randomized inputs for a bounded time (`FUZZ_SECONDS` per target, 3 by default; `make fuzz`
//! runs longer): API response decoding never panics on any bytes, cron validation and the
//! plain-language ↔ cron round trip hold, names are validated without panicking, and `ovh.conf`
//! parsing takes any text. Each target prints how many cases ran; a crash fails the test with
//! the seed that reproduces it.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use desk::schedule::{self, Plain, Repeat};
use ovh::types::*;

fn budget() -> Duration {
    let secs = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(3.0);
    Duration::from_secs_f64(secs)
}

/// Runs `case` with fresh seeds until the budget is spent; returns the number of cases.
fn fuzz(target: &str, mut case: impl FnMut(&mut StdRng)) -> u64 {
    let start = Instant::now();
    let base: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    let mut n = 0u64;
    while start.elapsed() < budget() {
        let seed = base.wrapping_add(n);
        let mut rng = StdRng::seed_from_u64(seed);
        if catch_unwind(AssertUnwindSafe(|| case(&mut rng))).is_err() {
            panic!("{target}: crash on case {n}; reproduce with FUZZ_SEED={seed}");
        }
        n += 1;
    }
    println!("fuzz {target}: {n} cases, 0 crashes");
    n
}

const SAMPLES: &[&str] = &[
    r#"[{"id":"i1","name":"web","region":"GRA11","status":"ACTIVE","created":"2024-06-01T10:00:00Z","flavor":{"id":"f","name":"d2-2","disk":25,"type":"ovh.d2","osType":"linux","vcpus":1,"ram":2000,"region":"GRA11","available":true},"image":null,"ipAddresses":[{"ip":"1.2.3.4","type":"public","version":4}],"monthlyBilling":null,"planCode":"d2-2.consumption","sshKey":null}]"#,
    r#"[{"id":"s1","name":"n","region":"GRA11","status":"saving","creationDate":"2024-06-01T10:00:00+02:00","size":1.5,"minDisk":25,"minRam":0,"type":"linux","user":"ubuntu","visibility":"private","planCode":"snapshot.consumption","tags":null}]"#,
    r#"[{"id":"w","name":"n","cron":"0 0 * * *","instanceId":"i","backupName":"n","createdAt":"2024-01-01T00:00:00Z","executions":[{"id":"e","executedAt":"2024-01-02T00:00:00Z","state":"SUCCESS","stateInfo":""}],"rotation":7,"maxExecutionCount":0}]"#,
    r#"{"project_id":"p","projectName":null,"description":"Acme","status":"ok","access":"full","creationDate":"2024-01-01T00:00:00Z","expiration":null,"manualQuota":false,"orderId":null,"planCode":"project.2018","unleash":false,"iam":null}"#,
    r#"{"credentialId":1,"applicationId":2,"status":"validated","rules":[{"method":"GET","path":"/*"}],"expiration":null,"creation":"2024-01-01T00:00:00Z","lastUse":null,"ovhSupport":false,"allowedIPs":null}"#,
    r#"{"class":"Client::NotFound","message":"This service does not exist"}"#,
    r#"{"errorCode":"INVALID_SIGNATURE","httpCode":"400 Bad Request","message":"Invalid signature"}"#,
    r#"{"id":"op","action":"instance#abortSnapshot","status":"completed","progress":100,"regions":["GRA11"],"startedAt":"2024-01-01T00:00:00Z","completedAt":null,"resourceId":"i"}"#,
];

/// A JSON value of any type, a few levels deep.
fn value(rng: &mut StdRng, depth: u32) -> serde_json::Value {
    use serde_json::{json, Value};
    match rng.gen_range(0..if depth > 2 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => json!(rng.gen::<bool>()),
        2 => json!(rng.gen::<i64>()),
        3 => json!(rng.gen::<f64>() * 1e6),
        4 => json!(text(rng, 12)),
        5 => Value::Array(
            (0..rng.gen_range(0..4))
                .map(|_| value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let keys = [
                "id",
                "name",
                "status",
                "region",
                "cron",
                "size",
                "executions",
                "rules",
                "flavor",
                "creationDate",
                "message",
                "class",
            ];
            Value::Object(
                (0..rng.gen_range(0..5))
                    .map(|_| {
                        (
                            keys[rng.gen_range(0..keys.len())].to_string(),
                            value(rng, depth + 1),
                        )
                    })
                    .collect(),
            )
        }
    }
}

fn text(rng: &mut StdRng, max: usize) -> String {
    const ALPHABET: &[char] = &[
        'a', 'Z', '0', '9', ' ', '\t', '\n', '*', '/', ',', '-', '=', ':', '[', ']', ';', '#', 'é',
        '€', '\u{0}', '\u{7f}', '\u{202e}', '😀',
    ];
    (0..rng.gen_range(0..=max))
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())])
        .collect()
}

/// Replaces one random node of `v` with a random value.
fn mutate(rng: &mut StdRng, v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Array(a) if !a.is_empty() && rng.gen_bool(0.7) => {
            let i = rng.gen_range(0..a.len());
            mutate(rng, &mut a[i]);
        }
        Value::Object(o) if !o.is_empty() && rng.gen_bool(0.7) => {
            let k = o
                .keys()
                .nth(rng.gen_range(0..o.len()))
                .cloned()
                .unwrap_or_default();
            if rng.gen_bool(0.2) {
                o.remove(&k);
            } else if let Some(x) = o.get_mut(&k) {
                mutate(rng, x);
            }
        }
        _ => *v = value(rng, 1),
    }
}

fn decode_all(bytes: &[u8]) {
    let _ = serde_json::from_slice::<Vec<Instance>>(bytes);
    let _ = serde_json::from_slice::<Vec<Image>>(bytes);
    let _ = serde_json::from_slice::<Vec<Workflow>>(bytes);
    let _ = serde_json::from_slice::<Vec<Flavor>>(bytes);
    let _ = serde_json::from_slice::<Project>(bytes);
    let _ = serde_json::from_slice::<Region>(bytes);
    let _ = serde_json::from_slice::<Credential>(bytes);
    let _ = serde_json::from_slice::<AuthDetails>(bytes);
    let _ = serde_json::from_slice::<Operation>(bytes);
    let _ = serde_json::from_slice::<Catalog>(bytes);
    let _ = serde_json::from_slice::<Availability>(bytes);
    for status in [200u16, 400, 403, 404, 429, 500, 503] {
        let e = ovh::Error::from_response(status, None, None, bytes);
        let _ = (e.to_string(), e.is_auth(), e.outcome_unknown());
    }
    // Whatever decoded is rendered as the app renders it.
    if let Ok(list) = serde_json::from_slice::<Vec<Image>>(bytes) {
        for i in &list {
            let _ = i.snapshot_status();
        }
    }
}

#[test]
fn api_answers_never_panic_the_decoder() {
    let mut cases = fuzz("decode random bytes", |rng| {
        let bytes: Vec<u8> = (0..rng.gen_range(0..200)).map(|_| rng.gen()).collect();
        decode_all(&bytes);
    });
    cases += fuzz("decode mutated API answers", |rng| {
        let mut v: serde_json::Value =
            serde_json::from_str(SAMPLES[rng.gen_range(0..SAMPLES.len())]).unwrap();
        for _ in 0..rng.gen_range(1..4) {
            mutate(rng, &mut v);
        }
        let mut bytes = serde_json::to_vec(&v).unwrap();
        if rng.gen_bool(0.2) && !bytes.is_empty() {
            let i = rng.gen_range(0..bytes.len());
            bytes[i] = rng.gen();
        }
        decode_all(&bytes);
    });
    assert!(cases > 0);
}

#[test]
fn cron_validation_and_the_plain_round_trip() {
    let zones = [
        chrono_tz::Europe::Paris,
        chrono_tz::America::Montreal,
        chrono_tz::UTC,
        chrono_tz::Asia::Kolkata,
    ];
    fuzz("cron validation", |rng| {
        let fields = [
            "*", "*/5", "0", "59", "60", "1-5", "5-1", "1,2,3", "a", "", "*/0", "7", "31", "-1",
            "1-", ",", "0-59/15",
        ];
        let n = rng.gen_range(0..7);
        let cron: Vec<&str> = (0..n)
            .map(|_| fields[rng.gen_range(0..fields.len())])
            .collect();
        let cron = if rng.gen_bool(0.2) {
            text(rng, 20)
        } else {
            cron.join(" ")
        };
        if let Ok(valid) = schedule::validate_cron(&cron) {
            let now = Utc
                .timestamp_opt(rng.gen_range(1_600_000_000..2_000_000_000), 0)
                .unwrap();
            let runs = schedule::next_runs(&valid, zones[rng.gen_range(0..zones.len())], now, 3);
            assert!(
                runs.windows(2).all(|w| w[0] < w[1]),
                "{valid}: runs out of order"
            );
        }
    });
    fuzz("plain schedule → cron → plain", |rng| {
        let zone = zones[rng.gen_range(0..zones.len())];
        let repeat = match rng.gen_range(0..3) {
            0 => Repeat::Daily,
            1 => {
                let mut days: Vec<u32> = (0..7).filter(|_| rng.gen_bool(0.4)).collect();
                if days.is_empty() {
                    days.push(rng.gen_range(0..7));
                }
                Repeat::Weekly { days }
            }
            _ => Repeat::Monthly {
                day: rng.gen_range(1..=28),
            },
        };
        let plain = Plain {
            repeat,
            hour: rng.gen_range(0..24),
            minute: rng.gen_range(0..60),
        };
        let now = Utc
            .timestamp_opt(rng.gen_range(1_700_000_000..1_900_000_000), 0)
            .unwrap();
        // Refusals (a monthly run that would fall on another day in UTC) are fine; a cron that is
        // made must read back as the same schedule at the same local time, away from DST days.
        if let Ok(cron) = schedule::to_cron(&plain, zone, now) {
            schedule::validate_cron(&cron).expect("a made cron is valid");
            let back = schedule::describe(&cron, zone, now);
            if schedule::dst_shift(&cron, zone, now).is_none() {
                assert_eq!(
                    back.plain.as_ref(),
                    Some(&plain),
                    "{plain:?} → {cron} in {zone}"
                );
            }
        }
    });
}

#[test]
fn names_are_checked_without_panicking() {
    fuzz("backup and workflow names", |rng| {
        let name = text(rng, 300);
        if let Ok(ok) = desk::backups::validate_name(&name) {
            assert!(
                !ok.is_empty() && ok.chars().count() <= 255 && !ok.chars().any(char::is_control)
            );
            assert_eq!(ok, ok.trim());
        }
        if schedule::validate_workflow_name(&name).is_ok() {
            assert!(name.chars().count() <= 64);
        }
        let _ = desk::automatic::name_for(&name, &text(rng, 40), rng.gen());
    });
}

#[test]
fn ovh_conf_parsing_takes_any_text() {
    fuzz("ovh.conf parsing", |rng| {
        let mut lines = Vec::new();
        for _ in 0..rng.gen_range(0..12) {
            lines.push(match rng.gen_range(0..5) {
                0 => format!("[{}]", text(rng, 10)),
                1 => format!("{} = {}", text(rng, 8), text(rng, 20)),
                2 => format!("{}: {}", text(rng, 8), text(rng, 20)),
                3 => format!("; {}", text(rng, 20)),
                _ => text(rng, 30),
            });
        }
        let ini = desk::ovhconf::parse_ini(&lines.join("\n"));
        for values in ini.values() {
            for k in values.keys() {
                assert_eq!(k, &k.to_lowercase());
            }
        }
    });
}
