//! Restore tests as the session runs them: what the "Test this backup" dialog shows, the start,
//! an instance's latest backup, and "Test the latest backup every month". The monthly test runs
//! while the app runs (it lives in the tray): at or after its time on the first Monday of the
//! month, never twice for one due time, and a missed one once at the next start.
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::account::Account;
use crate::files::JsonFile;
use crate::lists::{Age, Lists};
use crate::pricing::Prices;
use crate::records::Records;
use crate::rehearsal::{self, Access, Event, Plan, Rehearsals, Rehearsed};
use crate::{Clock, Error, Result, Why};
use ovh::types::SnapshotStatus;

/// What the "Test this backup" dialog shows before Confirm.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RehearsalForm {
    pub backup_id: String,
    pub backup_name: String,
    /// The instance's name, else the backup's.
    pub source_name: String,
    pub region: String,
    /// The instance it was taken of, as Instance Backup links it.
    pub instance_id: Option<String>,
    /// `None`: no model in the backup's region fits it (nothing can be tested).
    pub plan: Option<Plan>,
    pub access: Access,
    /// What a service account's policy must allow, for [`Access::AskUser`].
    pub iam_action: &'static str,
    /// This backup is being tested now.
    pub busy: bool,
    /// The newest result for this backup.
    pub last: Option<Rehearsed>,
    /// The instance's tests, of any of its backups, newest first (at most [`HISTORY`]).
    pub history: Vec<Rehearsed>,
    /// The instance's monthly test, when one is set.
    pub monthly: Option<Monthly>,
}

/// How many of an instance's past tests the dialog lists.
pub const HISTORY: usize = 6;

/// An instance's newest available backup, the one "Test the latest backup" tests.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LatestBackup {
    pub id: String,
    pub name: String,
}

/// "Test the latest backup every month" for one instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Monthly {
    pub project_id: String,
    pub instance_id: String,
    pub instance_name: String,
    /// The local hour, 0 to 23, on the first Monday of each month.
    pub hour: u8,
    pub port: Option<u16>,
    /// The user said a service account's policy allows the deletion ([`Access::AskUser`]).
    pub policy_confirmed: bool,
    /// When it was set: an earlier due time never runs.
    pub since: DateTime<Utc>,
    /// The due time last taken: a due time is taken once.
    pub last_due: Option<DateTime<Utc>>,
}

/// The first Monday of `year`/`month` at `hour` in `zone`; `None` for an hour the zone skips
/// that day (a clock change), which then has no test that month.
pub fn first_monday(year: i32, month: u32, hour: u8, zone: Tz) -> Option<DateTime<Utc>> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let days =
        (7 + Weekday::Mon.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let day = first + chrono::Duration::days(i64::from(days));
    let local = day.and_hms_opt(u32::from(hour), 0, 0)?;
    zone.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The newest due time at or before `now`: this month's first Monday at `hour`, or last month's.
pub fn latest_due(now: DateTime<Utc>, hour: u8, zone: Tz) -> Option<DateTime<Utc>> {
    let local = now.with_timezone(&zone);
    let (y, m) = (local.year(), local.month());
    let this = first_monday(y, m, hour, zone).filter(|d| *d <= now);
    this.or_else(|| {
        let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
        first_monday(py, pm, hour, zone).filter(|d| *d <= now)
    })
}

/// The monthly tests, in `rehearsal-schedule.json`.
#[derive(Clone)]
struct Schedule {
    file: JsonFile<Vec<Monthly>>,
    lock: Arc<Mutex<()>>,
}

impl Schedule {
    /// Applies `f`, saving the file only when it changed it: the monthly task looks every
    /// minute and most looks change nothing.
    fn change<T>(&self, f: impl FnOnce(&mut Vec<Monthly>) -> T) -> std::io::Result<T> {
        let _one = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let before = self.file.load();
        let mut all = before.clone();
        let out = f(&mut all);
        if all != before {
            self.file.save(&all)?;
        }
        Ok(out)
    }

    fn of(&self, project_id: &str, instance_id: &str) -> Option<Monthly> {
        self.file
            .load()
            .into_iter()
            .find(|m| m.project_id == project_id && m.instance_id == instance_id)
    }

    /// The tests due at `now`, each marked taken (and saved) before it is returned: a crash
    /// after this never runs it twice.
    fn take_due(&self, now: DateTime<Utc>, zone: Tz) -> std::io::Result<Vec<Monthly>> {
        self.change(|all| {
            let mut due = Vec::new();
            for m in all.iter_mut() {
                let Some(d) = latest_due(now, m.hour, zone) else {
                    continue;
                };
                if d >= m.since && m.last_due.is_none_or(|l| l < d) {
                    m.last_due = Some(d);
                    due.push(m.clone());
                }
            }
            due
        })
    }
}

/// The session's restore tests. Cheap to clone: the monthly task holds one.
#[derive(Clone)]
pub struct Tester {
    pub(crate) client: ovh::Client,
    pub(crate) lists: Lists,
    pub(crate) records: Arc<Records>,
    pub(crate) prices: Arc<Prices>,
    pub(crate) clock: Clock,
    pub(crate) account: Option<Account>,
    pub(crate) rehearsals: Rehearsals,
    schedule: Schedule,
}

impl Tester {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        client: ovh::Client,
        lists: Lists,
        records: Arc<Records>,
        prices: Arc<Prices>,
        clock: Clock,
        account: Option<Account>,
        rehearsals: Rehearsals,
        dir: Option<&Path>,
    ) -> Self {
        Self {
            client,
            lists,
            records,
            prices,
            clock,
            account,
            rehearsals,
            schedule: Schedule {
                file: JsonFile::in_dir_or_none(dir, "rehearsal-schedule.json"),
                lock: Arc::default(),
            },
        }
    }

    /// Whether this connection may delete the temporary instance a test makes.
    async fn access(&self, project_id: &str) -> Result<Access> {
        Ok(match &self.account {
            None => Access::Granted,
            Some(Account::ServiceAccount { .. }) => Access::AskUser,
            Some(Account::Keys { .. }) => {
                let granted = self.client.current_credential().await?.rules;
                if ovh::rules::rehearsals_allowed(&granted, project_id) {
                    Access::Granted
                } else {
                    Access::Missing
                }
            }
        })
    }

    /// What testing a backup would do, cost and take; reads only.
    pub async fn form(&self, project_id: &str, backup_id: &str) -> Result<RehearsalForm> {
        let known = |id: &str| self.records.get(id).map(|r| r.instance_id);
        let (catalog, snapshots, access) = tokio::join!(
            self.prices.catalog(),
            self.lists.snapshots(project_id, Age::Usual),
            self.access(project_id)
        );
        let options = crate::restore::options(
            &self.client,
            project_id,
            backup_id,
            &known,
            catalog.as_deref(),
        )
        .await?;
        let image_type = snapshots?
            .iter()
            .find(|s| s.id == backup_id)
            .map_or(String::new(), |s| s.image_type.clone());
        let monthly = options
            .instance_id
            .as_deref()
            .and_then(|i| self.schedule.of(project_id, i));
        let results = self.rehearsals.results().all();
        let history = match options.instance_id.as_deref() {
            Some(instance) => results
                .iter()
                .rev()
                .filter(|r| {
                    r.project_id == project_id && r.instance_id.as_deref() == Some(instance)
                })
                .take(HISTORY)
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        Ok(RehearsalForm {
            backup_id: backup_id.to_string(),
            source_name: options
                .instance_name
                .clone()
                .unwrap_or_else(|| options.backup_name.clone()),
            backup_name: options.backup_name.clone(),
            region: options.region.clone(),
            instance_id: options.instance_id.clone(),
            plan: rehearsal::plan(&options, &image_type, (self.clock)()),
            access: access?,
            iam_action: rehearsal::IAM_ACTION,
            busy: self.rehearsals.running(backup_id),
            last: results
                .iter()
                .rev()
                .find(|r| r.backup_id == backup_id)
                .cloned(),
            history,
            monthly,
        })
    }

    /// Tests a backup: a temporary instance is made from it, checked on `port` (`None`:
    /// `ACTIVE` is the check) and deleted; the result comes as an [`Event`].
    /// `policy_confirmed`: the user said a service account's policy allows the deletion.
    pub async fn start(
        &self,
        project_id: &str,
        backup_id: &str,
        port: Option<u16>,
        policy_confirmed: bool,
    ) -> Result<Plan> {
        let form = self.form(project_id, backup_id).await?;
        match form.access {
            Access::Granted => {}
            Access::AskUser if policy_confirmed => {}
            Access::Missing => return Err(Error::Invalid(Why::RehearsalNeedsAccess)),
            Access::AskUser => {
                return Err(Error::Invalid(Why::ConfirmRehearsalPolicy {
                    action: rehearsal::IAM_ACTION.to_string(),
                }))
            }
        }
        if port == Some(0) {
            return Err(Error::Invalid(Why::PortRange));
        }
        let mut plan = form.plan.ok_or_else(|| {
            Error::Invalid(Why::NoModelFits {
                region: form.region.clone(),
            })
        })?;
        plan.port = port;
        let source = rehearsal::Source {
            instance_id: form.instance_id,
            source_name: form.source_name,
            backup_name: form.backup_name,
        };
        let started = self.rehearsals.start(
            self.client.clone(),
            project_id,
            plan.clone(),
            source,
            self.clock.clone(),
        );
        if !started {
            return Err(Error::Invalid(Why::RehearsalRunning));
        }
        Ok(plan)
    }

    /// The instance's newest available backup, as Instance Backup links backups to instances.
    pub async fn latest_backup(
        &self,
        project_id: &str,
        instance_id: &str,
    ) -> Result<Option<LatestBackup>> {
        let known = |id: &str| self.records.get(id).map(|r| r.instance_id);
        let rows = crate::backups::list(&self.client, project_id, &known).await?;
        Ok(rows
            .into_iter()
            .filter(|r| {
                r.instance_id.as_deref() == Some(instance_id) && r.status == SnapshotStatus::Active
            })
            .max_by_key(|r| r.created_at)
            .map(|r| LatestBackup {
                id: r.id,
                name: r.name,
            }))
    }

    /// Sets (or, with `hour` `None`, removes) an instance's monthly test.
    pub fn set_monthly(
        &self,
        project_id: &str,
        instance_id: &str,
        instance_name: &str,
        hour: Option<u8>,
        port: Option<u16>,
        policy_confirmed: bool,
    ) -> Result<Option<Monthly>> {
        if hour.is_some_and(|h| h > 23) {
            return Err(Error::Invalid(Why::ChooseTime));
        }
        let set = hour.map(|hour| Monthly {
            project_id: project_id.to_string(),
            instance_id: instance_id.to_string(),
            instance_name: instance_name.to_string(),
            hour,
            port,
            policy_confirmed,
            since: (self.clock)(),
            last_due: None,
        });
        let kept = set.clone();
        self.schedule
            .change(move |all| {
                all.retain(|m| !(m.project_id == project_id && m.instance_id == instance_id));
                all.extend(kept);
            })
            .map_err(|e| {
                Error::Invalid(Why::SettingsNotSaved {
                    detail: e.to_string(),
                })
            })?;
        Ok(set)
    }

    /// Starts the monthly tests due now; one that cannot start is told with why.
    async fn run_due(&self, zone: Tz) {
        let due = match self.schedule.take_due((self.clock)(), zone) {
            Ok(due) => due,
            Err(e) => {
                tracing::warn!("rehearsal schedule: {e}");
                return;
            }
        };
        for m in due {
            let started = async {
                let latest = self
                    .latest_backup(&m.project_id, &m.instance_id)
                    .await?
                    .ok_or(Error::Invalid(Why::NoBackupToTest))?;
                self.start(&m.project_id, &latest.id, m.port, m.policy_confirmed)
                    .await
            }
            .await;
            if let Err(e) = started {
                self.rehearsals.tell(Event::NotStarted {
                    source_name: m.instance_name.clone(),
                    said: e.said(),
                });
            }
        }
    }

    /// Looks for due monthly tests every `every`, until the session's guard is dropped.
    pub(crate) fn spawn_monthly(&self, every: Duration, zone: Tz) {
        let this = self.clone();
        self.rehearsals.spawn(async move {
            loop {
                this.run_due(zone).await;
                tokio::time::sleep(every).await;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_first_monday_is_found_in_the_local_zone() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        // December 2026 begins on a Tuesday: its first Monday is the 7th; 10:00 in Paris is
        // 09:00 UTC in winter.
        assert_eq!(
            first_monday(2026, 12, 10, paris),
            Some(at("2026-12-07T09:00:00Z"))
        );
        // June 2026 begins on a Monday: the 1st itself, 08:00 UTC in summer.
        assert_eq!(
            first_monday(2026, 6, 10, paris),
            Some(at("2026-06-01T08:00:00Z"))
        );
        assert_eq!(
            latest_due(at("2026-12-05T12:00:00Z"), 10, paris),
            Some(at("2026-11-02T09:00:00Z")),
            "before this month's, last month's"
        );
        assert_eq!(
            latest_due(at("2027-01-03T12:00:00Z"), 10, paris),
            Some(at("2026-12-07T09:00:00Z")),
            "across the year"
        );
    }

    fn schedule() -> (Schedule, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("bd-monthly-{}-{:?}", std::process::id(), {
            std::thread::current().id()
        }));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let s = Schedule {
            file: JsonFile::in_dir(&dir, "rehearsal-schedule.json"),
            lock: Arc::default(),
        };
        (s, dir)
    }

    #[test]
    fn a_due_test_is_taken_once_and_a_missed_one_once() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        let (s, dir) = schedule();
        s.change(|all| {
            all.push(Monthly {
                project_id: "p".into(),
                instance_id: "i".into(),
                instance_name: "db".into(),
                hour: 10,
                port: Some(22),
                policy_confirmed: false,
                since: at("2026-10-20T00:00:00Z"),
                last_due: None,
            })
        })
        .unwrap();
        // The app was not running on 2 Nov nor 7 Dec: at the next start, one test, not two.
        let later = at("2026-12-08T12:00:00Z");
        assert_eq!(s.take_due(later, paris).unwrap().len(), 1);
        assert!(s.take_due(later, paris).unwrap().is_empty(), "never twice");
        assert!(
            s.take_due(at("2026-12-30T12:00:00Z"), paris)
                .unwrap()
                .is_empty(),
            "nothing until the next first Monday"
        );
        assert_eq!(
            s.take_due(at("2027-01-04T09:00:00Z"), paris).unwrap().len(),
            1,
            "January's at its time"
        );
        // A test set after this month's due time waits for the next one.
        s.change(|all| {
            all[0].since = at("2027-01-10T00:00:00Z");
            all[0].last_due = None;
        })
        .unwrap();
        assert!(s
            .take_due(at("2027-01-20T00:00:00Z"), paris)
            .unwrap()
            .is_empty());
        let _ = std::fs::remove_dir_all(dir);
    }
}
