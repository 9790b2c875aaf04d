//! Automatic-backup schedules in plain words and local time, turned into the 5-field UTC cron
//! OVH's workflows need, and back; the panel's presets; next runs; daylight-saving and
//! business-hours warnings; the projected monthly cost.
use chrono::{DateTime, Datelike, Duration, NaiveTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use rand::Rng;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result, Why};

/// The hours (UTC) the control panel picks its presets in: "between 22:00 and 06:00".
pub const PRESET_HOURS: [u32; 8] = [0, 1, 2, 3, 4, 5, 22, 23];

/// The user's time zone: `TZ` when it names one, else the system's, else UTC.
pub fn local_zone() -> Tz {
    std::env::var("TZ")
        .ok()
        .and_then(|z| z.trim_start_matches(':').parse().ok())
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|z| z.parse().ok())
        })
        .unwrap_or(chrono_tz::UTC)
}

/// How often, in the user's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Repeat {
    /// Every day.
    Daily,
    /// On these days (0 = Sunday … 6 = Saturday, as cron counts).
    Weekly { days: Vec<u32> },
    /// On this day of the month (1–28, so that every month has it).
    Monthly { day: u32 },
}

/// A schedule as the form builds it, in the user's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plain {
    pub repeat: Repeat,
    pub hour: u32,
    pub minute: u32,
}

/// A preset of the control panel: "Daily backup with retention of the last 7 (or 14) backups",
/// at a random time in its 22:00–06:00 UTC window, minutes a multiple of 5.
pub fn preset_cron(rng: &mut impl Rng) -> String {
    let minute = rng.gen_range(0..12) * 5;
    let hour = PRESET_HOURS[rng.gen_range(0..PRESET_HOURS.len())];
    format!("{minute} {hour} * * *")
}

fn check_time(hour: u32, minute: u32) -> Result<NaiveTime> {
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or(Error::Invalid(Why::ChooseTime))
}

/// The UTC cron for a plain schedule, using the offset the zone has at the next run after
/// `now` (a later daylight-saving change moves the local time: see [`dst_shift`]).
pub fn to_cron(plain: &Plain, zone: Tz, now: DateTime<Utc>) -> Result<String> {
    let time = check_time(plain.hour, plain.minute)?;
    let local_now = now.with_timezone(&zone);
    // The next local date this time exists on (skipping a spring-forward gap).
    let mut date = local_now.date_naive();
    let local = loop {
        if let Some(dt) = zone.from_local_datetime(&date.and_time(time)).earliest() {
            if dt > local_now {
                break dt;
            }
        }
        date = date.succ_opt().ok_or(Error::Invalid(Why::DateOutOfRange))?;
    };
    let utc = local.with_timezone(&Utc);
    let shift = (utc.date_naive() - local.date_naive()).num_days();
    let (m, h) = (utc.minute(), utc.hour());
    Ok(match &plain.repeat {
        Repeat::Daily => format!("{m} {h} * * *"),
        Repeat::Weekly { days } => {
            if days.is_empty() {
                return Err(Error::Invalid(Why::ChooseDays));
            }
            if days.iter().any(|d| *d > 6) {
                return Err(Error::Invalid(Why::DaysRange));
            }
            let mut utc_days: Vec<u32> = days
                .iter()
                .map(|d| ((*d as i64 + shift).rem_euclid(7)) as u32)
                .collect();
            utc_days.sort_unstable();
            utc_days.dedup();
            let list: Vec<String> = utc_days.iter().map(u32::to_string).collect();
            format!("{m} {h} * * {}", list.join(","))
        }
        Repeat::Monthly { day } => {
            if !(1..=28).contains(day) {
                return Err(Error::Invalid(Why::MonthDay));
            }
            let utc_day = *day as i64 + shift;
            if !(1..=28).contains(&utc_day) {
                return Err(Error::Invalid(Why::OtherUtcDay));
            }
            format!("{m} {h} {utc_day} * *")
        }
    })
}

/// A cron schedule read back for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Described {
    /// The plain schedule in local time, when the cron is one the form can make.
    pub plain: Option<Plain>,
    /// `HH:MM` local time of the next run.
    pub local_time: Option<String>,
    /// The zone's name, e.g. `Europe/Paris`.
    pub zone: String,
    pub cron: String,
}

fn single(field: &str, max: u32) -> Option<u32> {
    field.parse().ok().filter(|v| *v <= max)
}

/// Reads a cron back into a plain schedule in `zone`, when it is one (`M H * * *`,
/// `M H * * d,d`, `M H D * *`); anything else is described by its cron only.
pub fn describe(cron: &str, zone: Tz, now: DateTime<Utc>) -> Described {
    let next = next_runs(cron, zone, now, 1).into_iter().next();
    let local_time = next.map(|t| format!("{:02}:{:02}", t.hour(), t.minute()));
    let fields: Vec<&str> = cron.split_whitespace().collect();
    let plain = (|| {
        let [m, h, dom, mon, dow] = fields.as_slice() else {
            return None;
        };
        // Only single-minute, single-hour crons read back as a plain schedule.
        single(m, 59)?;
        single(h, 23)?;
        if *mon != "*" {
            return None;
        }
        let utc_ref = next?.with_timezone(&Utc);
        let local = next?;
        let shift = (local.date_naive() - utc_ref.date_naive()).num_days();
        let repeat = match (*dom, *dow) {
            ("*", "*") => Repeat::Daily,
            ("*", days) => {
                let mut out = Vec::new();
                for d in days.split(',') {
                    out.push(((single(d, 7)? % 7) as i64 + shift).rem_euclid(7) as u32);
                }
                out.sort_unstable();
                Repeat::Weekly { days: out }
            }
            (day, "*") => Repeat::Monthly {
                day: (single(day, 31)? as i64 + shift) as u32,
            },
            _ => return None,
        };
        Some(Plain {
            repeat,
            hour: local.hour(),
            minute: local.minute(),
        })
    })();
    Described {
        plain,
        local_time,
        zone: zone.name().to_string(),
        cron: cron.to_string(),
    }
}

/// The next `n` runs of a UTC cron, in `zone`.
pub fn next_runs(cron: &str, zone: Tz, now: DateTime<Utc>, n: usize) -> Vec<DateTime<Tz>> {
    let Ok(parsed) = ovh::cron::parse(cron) else {
        return Vec::new();
    };
    parsed
        .iter_after(now)
        .take(n)
        .map(|t| t.with_timezone(&zone))
        .collect()
}

/// The first run within a year whose local time differs from the next run's (a daylight-saving
/// change moves a fixed UTC schedule by an hour), with its new local time.
pub fn dst_shift(cron: &str, zone: Tz, now: DateTime<Utc>) -> Option<DateTime<Tz>> {
    let parsed = ovh::cron::parse(cron).ok()?;
    let horizon = now + Duration::days(366);
    let mut runs = parsed
        .iter_after(now)
        .take_while(|t| *t < horizon)
        .take(800)
        .map(|t| t.with_timezone(&zone));
    let first = runs.next()?;
    runs.find(|t| (t.hour(), t.minute()) != (first.hour(), first.minute()))
}

/// Whether any of the next two weeks' runs falls on a weekday between 08:00 and 18:00 local
/// time, when the instance's brief freeze would be felt.
pub fn in_business_hours(cron: &str, zone: Tz, now: DateTime<Utc>) -> bool {
    next_runs(cron, zone, now, 60)
        .iter()
        .filter(|t| **t < (now + Duration::days(14)).with_timezone(&zone))
        .any(|t| !matches!(t.weekday(), Weekday::Sat | Weekday::Sun) && (8..18).contains(&t.hour()))
}

/// Monthly cost at full rotation: every kept backup weighs at most the disk.
pub fn monthly_cost(disk_gb: u64, per_gb_month: f64, rotation: u32) -> f64 {
    disk_gb as f64 * per_gb_month * rotation as f64
}

/// An instance name in the characters the control panel allows in a workflow name, short
/// enough that the longest cadence before it ("monthly-") keeps the whole within 64
/// ([`validate_workflow_name`] accepts it).
pub fn name_stem(instance: &str) -> String {
    instance
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '-'
            }
        })
        .take(64 - "monthly-".len())
        .collect()
}

/// The control panel's rule for workflow names: letters, digits, `_`, `.` and `-`.
pub fn validate_workflow_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::Invalid(Why::WorkflowNameRequired));
    }
    if name.len() > 64 {
        return Err(Error::Invalid(Why::WorkflowNameTooLong));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        return Err(Error::Invalid(Why::WorkflowNameChars));
    }
    Ok(())
}

/// Checks a raw cron typed in the "advanced" field.
pub fn validate_cron(cron: &str) -> Result<String> {
    let normalized = cron.split_whitespace().collect::<Vec<_>>().join(" ");
    ovh::cron::parse(&normalized).map_err(|detail| Error::Invalid(Why::BadCron { detail }))?;
    Ok(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_from_a_cadence_and_a_stem_is_one_the_panel_accepts() {
        assert_eq!(name_stem("web-1"), "web-1");
        assert_eq!(name_stem("serveur café 2"), "serveur-caf--2");
        for name in ["web-1", "serveur café 2", &"é".repeat(100), ""] {
            // The cadences the automatic backup form names a workflow after.
            for cadence in ["daily", "weekly", "monthly", "backup"] {
                let full = format!("{cadence}-{}", name_stem(name));
                assert!(validate_workflow_name(&full).is_ok(), "{full}");
            }
        }
    }

    fn paris() -> Tz {
        chrono_tz::Europe::Paris
    }

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn local_times_become_utc_crons() {
        let daily = Plain {
            repeat: Repeat::Daily,
            hour: 23,
            minute: 30,
        };
        // Winter: Paris is UTC+1.
        assert_eq!(
            to_cron(&daily, paris(), at(2026, 1, 10, 12, 0)).unwrap(),
            "30 22 * * *"
        );
        // Summer: UTC+2.
        assert_eq!(
            to_cron(&daily, paris(), at(2026, 7, 10, 12, 0)).unwrap(),
            "30 21 * * *"
        );
        // 00:30 Monday in Paris is 23:30 Sunday UTC.
        let monday = Plain {
            repeat: Repeat::Weekly { days: vec![1] },
            hour: 0,
            minute: 30,
        };
        assert_eq!(
            to_cron(&monday, paris(), at(2026, 1, 10, 12, 0)).unwrap(),
            "30 23 * * 0"
        );
        let monthly = Plain {
            repeat: Repeat::Monthly { day: 1 },
            hour: 0,
            minute: 30,
        };
        assert!(
            to_cron(&monthly, paris(), at(2026, 1, 10, 12, 0)).is_err(),
            "the 1st at 00:30 Paris is the previous day in UTC"
        );
        let monthly = Plain {
            repeat: Repeat::Monthly { day: 15 },
            hour: 3,
            minute: 0,
        };
        assert_eq!(
            to_cron(&monthly, paris(), at(2026, 1, 10, 12, 0)).unwrap(),
            "0 2 15 * *"
        );
        assert!(to_cron(
            &Plain {
                repeat: Repeat::Daily,
                hour: 24,
                minute: 0
            },
            paris(),
            at(2026, 1, 1, 0, 0)
        )
        .is_err());
        assert!(to_cron(
            &Plain {
                repeat: Repeat::Weekly { days: vec![] },
                hour: 1,
                minute: 0
            },
            paris(),
            at(2026, 1, 1, 0, 0)
        )
        .is_err());
    }

    #[test]
    fn crons_read_back_in_local_time() {
        let now = at(2026, 1, 10, 12, 0);
        for plain in [
            Plain {
                repeat: Repeat::Daily,
                hour: 23,
                minute: 30,
            },
            Plain {
                repeat: Repeat::Weekly {
                    days: vec![1, 3, 5],
                },
                hour: 0,
                minute: 15,
            },
            Plain {
                repeat: Repeat::Monthly { day: 10 },
                hour: 4,
                minute: 5,
            },
        ] {
            let cron = to_cron(&plain, paris(), now).unwrap();
            assert_eq!(
                describe(&cron, paris(), now).plain,
                Some(plain.clone()),
                "round trip of {cron}"
            );
        }
        let custom = describe("*/15 1-3 * jan mon", paris(), now);
        assert_eq!(
            custom.plain, None,
            "a cron the form can't make is shown as cron"
        );
    }

    #[test]
    fn daylight_saving_moves_a_utc_schedule() {
        let shift = dst_shift("30 22 * * *", paris(), at(2026, 1, 10, 12, 0))
            .expect("Paris changes time in March");
        assert_eq!(
            (shift.month(), shift.hour(), shift.minute()),
            (3, 0, 30),
            "23:30 becomes 00:30 after the spring change"
        );
        assert!(dst_shift("30 22 * * *", chrono_tz::UTC, at(2026, 1, 10, 12, 0)).is_none());
    }

    #[test]
    fn next_runs_and_business_hours() {
        let now = at(2026, 1, 10, 12, 0);
        let runs = next_runs("0 9 * * 1-5", paris(), now, 5);
        assert_eq!(runs.len(), 5);
        assert!(
            runs.iter().all(|r| r.hour() == 10),
            "09:00 UTC is 10:00 in Paris in winter"
        );
        assert!(in_business_hours("0 9 * * 1-5", paris(), now));
        assert!(!in_business_hours("30 22 * * *", paris(), now));
    }

    #[test]
    fn presets_stay_in_the_panels_window() {
        let mut rng = rand::thread_rng();
        for _ in 0..200 {
            let cron = preset_cron(&mut rng);
            let f: Vec<u32> = cron
                .split(' ')
                .take(2)
                .map(|x| x.parse().unwrap())
                .collect();
            assert!(
                f[0].is_multiple_of(5) && f[0] < 60 && PRESET_HOURS.contains(&f[1]),
                "{cron}"
            );
            assert!(ovh::cron::parse(&cron).is_ok());
        }
    }

    #[test]
    fn names_costs_and_raw_crons() {
        assert!(validate_workflow_name("nightly-web_1.db").is_ok());
        assert!(validate_workflow_name("nightly web").is_err());
        assert!(validate_workflow_name("").is_err());
        assert!((monthly_cost(50, 0.01, 7) - 3.5).abs() < 1e-12);
        assert_eq!(validate_cron("  30  22 * *   * ").unwrap(), "30 22 * * *");
        assert!(validate_cron("@daily").is_err());
    }

    #[test]
    fn no_panic_on_any_cron_string() {
        let mut rng = rand::thread_rng();
        let alphabet: Vec<char> = "0123456789*,-/ @?LW#abcdefjanmonsun\u{e9}\t"
            .chars()
            .collect();
        for _ in 0..5000 {
            let len = rng.gen_range(0..24);
            let s: String = (0..len)
                .map(|_| alphabet[rng.gen_range(0..alphabet.len())])
                .collect();
            let _ = validate_cron(&s);
            let _ = describe(&s, paris(), at(2026, 1, 10, 12, 0));
            let _ = dst_shift(&s, paris(), at(2026, 1, 10, 12, 0));
        }
    }
}
