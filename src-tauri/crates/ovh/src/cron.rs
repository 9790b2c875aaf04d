//! The cron dialect of OVH backup workflows, as the control panel's validator allows it: exactly five fields
//! (minute hour day-of-month month day-of-week), UTC, with `*`, ranges, lists, steps and
//! three-letter month/day names. Extensions the panel's validator refuses are refused here too.
use chrono::{DateTime, Utc};
use croner::Cron;

/// Parses a 5-field cron pattern, or says what is wrong with it.
pub fn parse(pattern: &str) -> Result<Cron, String> {
    let fields: Vec<&str> = pattern.split_whitespace().collect();
    if fields.len() != 5 {
        return Err(format!(
            "cron pattern must have 5 fields, got {}",
            fields.len()
        ));
    }
    for field in &fields {
        check_field(field)?;
    }
    Cron::new(&fields.join(" "))
        .parse()
        .map_err(|e| format!("invalid cron pattern: {e}"))
}

const NAMES: [&str; 19] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "sun",
    "mon", "tue", "wed", "thu", "fri", "sat",
];

/// Only digits, `*`, `,`, `-`, `/` and three-letter names: no `@daily`, `L`, `W`, `#` or `?`.
fn check_field(field: &str) -> Result<(), String> {
    let lower = field.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() || matches!(c, '*' | ',' | '-' | '/') {
            rest = &rest[1..];
        } else if let Some(name) = NAMES.iter().find(|n| rest.starts_with(**n)) {
            rest = &rest[name.len()..];
        } else {
            return Err(format!("unsupported cron syntax {field:?}"));
        }
    }
    Ok(())
}

/// Occurrences of `pattern` strictly after `after` and at or before `until`, at most `cap`.
/// An invalid pattern has none.
pub fn occurrences(
    pattern: &str,
    after: DateTime<Utc>,
    until: DateTime<Utc>,
    cap: usize,
) -> Vec<DateTime<Utc>> {
    let Ok(cron) = parse(pattern) else {
        return Vec::new();
    };
    cron.iter_after(after)
        .take_while(|t| *t <= until)
        .take(cap)
        .collect()
}

/// The first occurrence strictly after `after`.
pub fn next_after(pattern: &str, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    parse(pattern)
        .ok()?
        .find_next_occurrence(&after, false)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn five_fields_only() {
        assert!(parse("35 23 * * *").is_ok());
        assert!(parse("*/15 1-3 * jan,feb mon-fri").is_ok());
        assert!(parse("0 0 * * * *").is_err(), "six fields");
        assert!(parse("@daily").is_err());
        assert!(parse("0 0 L * *").is_err());
        assert!(parse("0 0 ? * MON").is_err());
        assert!(parse("0 0 * JUL WED").is_ok());
        assert!(parse("61 0 * * *").is_err());
    }

    #[test]
    fn occurrences_in_a_window() {
        let t0 = Utc.with_ymd_and_hms(2024, 6, 1, 0, 0, 0).unwrap();
        let t1 = Utc.with_ymd_and_hms(2024, 6, 3, 23, 59, 0).unwrap();
        let runs = occurrences("35 23 * * *", t0, t1, 100);
        assert_eq!(runs.len(), 3);
        assert_eq!(
            runs[0],
            Utc.with_ymd_and_hms(2024, 6, 1, 23, 35, 0).unwrap()
        );
        assert_eq!(
            next_after("0 * * * *", t0),
            Some(Utc.with_ymd_and_hms(2024, 6, 1, 1, 0, 0).unwrap())
        );
    }
}
