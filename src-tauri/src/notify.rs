//! When the desktop is told something: one notification per backup that ends (ready or failed)
//! and one summary for what ended while the app was closed, in the user's language.
use desk::journal::{Kind, Tracked};
use desk::rehearsal::{self, Failed};
use desk::session::Notice;
use desk::tracker::{Event, Failure};
use desk::watcher;
use tauri::{AppHandle, Emitter, Manager, Runtime};
#[cfg(not(all(unix, not(target_os = "macos"))))]
use tauri_plugin_notification::NotificationExt;

use crate::events::{self, Changed, Ended, Section, Target, Told};
use crate::state::AppState;
use crate::words::{self, Arg};
use desk::settings::Language;

/// The words of a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub title: String,
    pub body: String,
}

/// The notification for a tracker event, if any.
pub fn message(event: &Event, lang: Language) -> Option<Message> {
    let m = |title: String, body: String| Some(Message { title, body });
    let say = |id: &str, args: &[(&str, Arg)]| words::text(lang, id, args);
    match event {
        Event::Progress { .. } => None,
        Event::Finished {
            backup,
            size_gb,
            duration_secs,
        } => m(
            if backup.parts.is_empty() {
                say(
                    "desktop-backupReadyTitle",
                    &[("instance", Arg::Text(&backup.instance_name))],
                )
            } else {
                say(
                    "desktop-setReadyTitle",
                    &[
                        ("instance", Arg::Text(&backup.instance_name)),
                        ("count", Arg::Count(backup.parts.len())),
                    ],
                )
            },
            say(
                "desktop-backupReadyBody",
                &[
                    ("name", Arg::Text(&backup.name)),
                    ("size", Arg::Text(&words::size_gb(lang, *size_gb))),
                    ("duration", Arg::Text(&words::duration(*duration_secs))),
                ],
            ),
        ),
        Event::Failed {
            backup,
            failure: Failure::VolumesFailed { volumes },
        } => m(
            say(
                "desktop-setIncompleteTitle",
                &[
                    ("name", Arg::Text(&backup.name)),
                    ("instance", Arg::Text(&backup.instance_name)),
                ],
            ),
            say(
                "desktop-setIncompleteBody",
                &[
                    ("volumes", Arg::Text(&volumes.join(", "))),
                    ("count", Arg::Count(volumes.len())),
                ],
            ),
        ),
        Event::Failed { backup, failure } => m(
            say(
                "desktop-backupFailedTitle",
                &[
                    ("name", Arg::Text(&backup.name)),
                    ("instance", Arg::Text(&backup.instance_name)),
                ],
            ),
            match failure {
                Failure::Error => say("desktop-backupFailedError", &[]),
                // A set's incomplete end is worded above.
                Failure::Disappeared
                | Failure::RestoreNotStarted(_)
                | Failure::Unconfirmed
                | Failure::VolumesFailed { .. } => say("desktop-backupFailedGone", &[]),
            },
        ),
        Event::Restored {
            restore,
            duration_secs,
        } => {
            let instance = ("instance", Arg::Text(&restore.instance_name));
            match restore.kind {
                Kind::VolumeRestore { ref replaces, .. } => m(
                    say("desktop-volumeRestoredTitle", &[instance]),
                    match replaces {
                        Some(r) => say(
                            "desktop-volumeReplacedBody",
                            &[
                                ("name", Arg::Text(&restore.name)),
                                ("instance", Arg::Text(&restore.instance_name)),
                                ("previous", Arg::Text(&r.name)),
                            ],
                        ),
                        None => say(
                            "desktop-volumeRestoredBody",
                            &[
                                ("name", Arg::Text(&restore.name)),
                                ("instance", Arg::Text(&restore.instance_name)),
                            ],
                        ),
                    },
                ),
                Kind::Build => m(
                    say("desktop-instanceReadyTitle", &[instance]),
                    say(
                        "desktop-instanceReadyBody",
                        &[
                            ("name", Arg::Text(&restore.name)),
                            ("duration", Arg::Text(&words::duration(*duration_secs))),
                        ],
                    ),
                ),
                _ => m(
                    say("desktop-restoredTitle", &[instance]),
                    say(
                        "desktop-restoredBody",
                        &[
                            ("instance", Arg::Text(&restore.instance_name)),
                            ("name", Arg::Text(&restore.name)),
                        ],
                    ),
                ),
            }
        }
        Event::RestoreFailed { restore, failure } => {
            let instance = || ("instance", Arg::Text(&restore.instance_name));
            let title = match failure {
                Failure::Unconfirmed => "desktop-restoreUnconfirmedTitle",
                _ => "desktop-restoreFailedTitle",
            };
            let body = match failure {
                Failure::RestoreNotStarted(why) => {
                    let reason = words::said(lang, why);
                    say(
                        "desktop-restoreNotStarted",
                        &[("reason", Arg::Text(&reason))],
                    )
                }
                Failure::Unconfirmed => say("desktop-restoreUnconfirmedBody", &[instance()]),
                _ => say("desktop-restoreFailedBody", &[]),
            };
            // In place, once its detach was asked: where the original is, so nothing is lost.
            // It is said detached only when OVH listed it off the instance (the attach was asked
            // or refused after that); otherwise it may be either.
            let body = match &restore.kind {
                Kind::VolumeRestore {
                    replaces: Some(r),
                    attach_asked,
                    ..
                } if r.detach_asked_at.is_some() => {
                    let seen_off =
                        *attach_asked || matches!(failure, Failure::RestoreNotStarted(_));
                    let id = if seen_off {
                        "desktop-volumeDetachedKept"
                    } else {
                        "desktop-volumeMaybeDetached"
                    };
                    let previous = ("previous", Arg::Text(&r.name));
                    format!("{body}\n{}", say(id, &[previous, instance()]))
                }
                _ => body,
            };
            m(say(title, &[instance()]), body)
        }
        Event::WhileAway { finished, failed } => {
            let names = |list: &[Tracked]| {
                list.iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let title = say(
                "desktop-whileAwayTitle",
                &[("count", Arg::Count(finished.len()))],
            );
            let mut body = names(finished);
            if !failed.is_empty() {
                body.push('\n');
                body.push_str(&say(
                    "desktop-whileAwayFailed",
                    &[("names", Arg::Text(&names(failed)))],
                ));
            }
            m(title, body)
        }
    }
}

fn local_time(at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map(|t| {
        t.with_timezone(&desk::schedule::local_zone())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    })
    .unwrap_or_default()
}

/// The notification for a scheduled run, if any.
pub fn schedule_message(event: &watcher::Event, lang: Language) -> Option<Message> {
    let say = |id: &str, args: &[(&str, Arg)]| words::text(lang, id, args);
    let (title, body, r) = match event {
        watcher::Event::Changed => return None,
        watcher::Event::RunSucceeded(r) => ("desktop-runDoneTitle", "desktop-runDoneBody", r),
        // OVH's words name a quota: what to do instead of the words (`names_quota`).
        watcher::Event::RunFailed(r) if r.info.as_deref().is_some_and(desk::said::names_quota) => {
            ("desktop-runQuotaTitle", "desktop-runQuotaBody", r)
        }
        watcher::Event::RunFailed(r) => ("desktop-runFailedTitle", "desktop-runFailedBody", r),
        watcher::Event::RunMissed(r) => ("desktop-runMissedTitle", "desktop-runMissedBody", r),
    };
    let info = r
        .info
        .clone()
        .unwrap_or_else(|| say("desktop-runNoDetail", &[]));
    let time = local_time(r.at);
    Some(Message {
        title: say(
            title,
            &[
                ("instance", Arg::Text(&r.instance_name)),
                ("info", Arg::Text(&info)),
            ],
        ),
        body: say(
            body,
            &[
                ("workflow", Arg::Text(&r.workflow_name)),
                ("time", Arg::Text(&time)),
            ],
        ),
    })
}

/// The notification for a restore rehearsal, if any, and whether it is good news.
pub fn rehearsal_message(event: &rehearsal::Event, lang: Language) -> Option<(Message, bool)> {
    let say = |id: &str, args: &[(&str, Arg)]| words::text(lang, id, args);
    let names = |list: &[String]| list.join(", ");
    let (title, body, ok) = match event {
        rehearsal::Event::Started { .. } => return None,
        rehearsal::Event::NotStarted { source_name, said } => (
            say(
                "desktop-rehearsalNotStartedTitle",
                &[("instance", Arg::Text(source_name))],
            ),
            words::said(lang, said),
            false,
        ),
        rehearsal::Event::CleanedUp { names: n } => (
            say("desktop-rehearsalCleanedTitle", &[]),
            say(
                "desktop-rehearsalCleanedBody",
                &[("names", Arg::Text(&names(n)))],
            ),
            true,
        ),
        rehearsal::Event::LeftBehind { names: n } => (
            say("desktop-rehearsalLeftTitle", &[]),
            say(
                "desktop-rehearsalLeftBody",
                &[("names", Arg::Text(&names(n)))],
            ),
            false,
        ),
        rehearsal::Event::Ended(r) => {
            let instance = ("instance", Arg::Text(&r.source_name));
            let backup = ("backup", Arg::Text(&r.backup_name));
            let minutes = |m: u32| ("minutes", Arg::Count(m as usize));
            // Whole minutes begun: the seconds would claim a precision the polling lacks.
            let took = format!("{} min", r.minutes);
            let duration = ("duration", Arg::Text(&took));
            let Some(failed) = &r.failed else {
                let body = match r.port {
                    Some(port) => say(
                        "desktop-rehearsalPassedPort",
                        &[backup, ("port", Arg::Text(&port.to_string())), duration],
                    ),
                    None => say("desktop-rehearsalPassedActive", &[backup, duration]),
                };
                return Some((
                    Message {
                        title: say("desktop-rehearsalPassedTitle", &[instance]),
                        body,
                    },
                    true,
                ));
            };
            let mut body = match failed {
                // A port is a name, not a quantity: never "3,389".
                Failed::NoAnswer { port } => say(
                    "desktop-rehearsalNoAnswer",
                    &[
                        backup,
                        ("port", Arg::Text(&port.to_string())),
                        minutes(rehearsal::PORT_LIMIT_MINUTES),
                    ],
                ),
                Failed::DidNotBoot { status } => say(
                    "desktop-rehearsalDidNotBoot",
                    &[backup, ("status", Arg::Text(status))],
                ),
                Failed::BootTimedOut => say(
                    "desktop-rehearsalBootTimedOut",
                    &[backup, minutes(rehearsal::BOOT_LIMIT_MINUTES)],
                ),
                Failed::NoAddress => say("desktop-rehearsalNoAddress", &[backup]),
                Failed::Refused { ovh } => {
                    say("desktop-rehearsalRefused", &[("ovh", Arg::Text(ovh))])
                }
                Failed::Unanswered => say("desktop-rehearsalUnanswered", &[]),
            };
            if !r.left_behind && !matches!(failed, Failed::Refused { .. }) {
                body.push(' ');
                body.push_str(&say("desktop-rehearsalDeleted", &[]));
            }
            (
                say("desktop-rehearsalFailedTitle", &[instance]),
                body,
                false,
            )
        }
    };
    Some((Message { title, body }, ok))
}

/// Whether an event is only good news: "Do not disturb for successes" silences these.
pub fn is_success(event: &Event) -> bool {
    match event {
        Event::Finished { .. } | Event::Restored { .. } => true,
        Event::WhileAway { failed, .. } => failed.is_empty(),
        _ => false,
    }
}

/// Shows a desktop notification; clicking it opens the window at `target`.
fn show<R: Runtime>(app: &AppHandle<R>, msg: &Message, target: Target) {
    #[cfg(all(unix, not(target_os = "macos")))]
    show_clickable(app, msg, target);
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        // Windows and macOS: the plugin's notification; a click brings the app forward.
        let _ = target;
        if let Err(e) = app
            .notification()
            .builder()
            .title(&msg.title)
            .body(&msg.body)
            .show()
        {
            tracing::warn!("notification not shown: {e}");
        }
    }
    crate::tray::remember(app, &msg.title);
}

/// A freedesktop notification with a default action; a thread waits for the click (or the
/// notification closing) and then opens the window at `target`.
#[cfg(all(unix, not(target_os = "macos")))]
fn show_clickable<R: Runtime>(app: &AppHandle<R>, msg: &Message, target: Target) {
    let open = words::text(app.state::<AppState>().language(), "desktop-open", &[]);
    let shown = notify_rust::Notification::new()
        .appname("Backup Desk")
        .summary(&msg.title)
        .body(&msg.body)
        .icon("backup-desk")
        .action("default", &open)
        .show();
    match shown {
        Ok(handle) => {
            let app = app.clone();
            let spawned = std::thread::Builder::new()
                .name("notification".into())
                .spawn(move || {
                    handle.wait_for_action(|action| {
                        if action == "default" {
                            crate::tray::show(&app, Some(target.clone()));
                        }
                    })
                });
            if let Err(e) = spawned {
                tracing::warn!("notification clicks will not open the app: {e}");
            }
        }
        Err(e) => tracing::warn!("notification not shown: {e}"),
    }
}

/// What is still under way once `event` is told: the tracker drops what ended only after
/// telling it.
fn still_tracked(tracked: Vec<Tracked>, event: &Event) -> Vec<Tracked> {
    let ended: Vec<&Tracked> = match event {
        Event::Finished { backup: t, .. }
        | Event::Failed { backup: t, .. }
        | Event::Restored { restore: t, .. }
        | Event::RestoreFailed { restore: t, .. } => vec![t],
        Event::WhileAway { finished, failed } => finished.iter().chain(failed).collect(),
        Event::Progress { .. } => Vec::new(),
    };
    let same = |a: &Tracked, b: &Tracked| {
        a.snapshot_id == b.snapshot_id
            && std::mem::discriminant(&a.kind) == std::mem::discriminant(&b.kind)
    };
    tracked
        .into_iter()
        .filter(|t| !ended.iter().any(|e| same(t, e)))
        .collect()
}

/// Where clicking a notification about a backup leads: that backup in Instance Backup.
pub fn backup_target(b: &Tracked) -> Target {
    Target::backup(&b.project_id, &b.snapshot_id)
}

/// The background tasks' sink: emits events to the window and shows desktop notifications.
pub fn sink<R: Runtime>(app: AppHandle<R>) -> impl Fn(Notice) + Send + Sync + 'static {
    move |notice| {
        let state = app.state::<AppState>();
        let lang = state.language();
        let quiet = state.settings().quiet_successes;
        let event = match notice {
            Notice::Backup(event) => event,
            Notice::Schedule(event) => {
                if let Some(msg) = schedule_message(&event, lang) {
                    let ok = matches!(event, watcher::Event::RunSucceeded(_));
                    if !(quiet && ok) {
                        show(&app, &msg, Section::Workflows.into());
                    }
                    let _ = app.emit(
                        events::SCHEDULE_RUN,
                        Told {
                            ok,
                            title: msg.title,
                            body: msg.body,
                        },
                    );
                }
                let _ = app.emit(events::SCHEDULES_CHANGED, ());
                crate::tray::follow(&app);
                return;
            }
            Notice::Rehearsal(event) => {
                if let Some((msg, ok)) = rehearsal_message(&event, lang) {
                    if !(quiet && ok) {
                        show(&app, &msg, Section::Overview.into());
                    }
                    let _ = app.emit(
                        events::REHEARSAL_ENDED,
                        Told {
                            ok,
                            title: msg.title,
                            body: msg.body,
                        },
                    );
                    crate::tray::follow(&app);
                }
                return;
            }
        };
        if let Some(session) = state.current_session() {
            crate::tray::working(&app, &still_tracked(session.tracked(), &event));
        }
        if let Event::Progress {
            project_id,
            backups,
        } = &event
        {
            let _ = app.emit(
                events::BACKUPS_CHANGED,
                Changed {
                    project_id: project_id.clone(),
                    backups: backups.clone(),
                },
            );
        }
        let Some(msg) = message(&event, lang) else {
            return;
        };
        let target = match &event {
            Event::Finished { backup, .. } | Event::Failed { backup, .. } => backup_target(backup),
            Event::Restored { restore, .. } | Event::RestoreFailed { restore, .. } => {
                backup_target(restore)
            }
            _ => Section::Backups.into(),
        };
        if !(quiet && is_success(&event)) {
            show(&app, &msg, target);
        }
        let ended = match &event {
            Event::Finished { backup, .. } => Some((backup, true)),
            Event::Failed { backup, .. } => Some((backup, false)),
            Event::Restored { restore, .. } => Some((restore, true)),
            Event::RestoreFailed { restore, .. } => Some((restore, false)),
            _ => None,
        };
        if let Some((b, ok)) = ended {
            let _ = app.emit(
                events::BACKUP_ENDED,
                Ended {
                    project_id: b.project_id.clone(),
                    snapshot_id: b.snapshot_id.clone(),
                    ok,
                    title: msg.title.clone(),
                    body: msg.body.clone(),
                },
            );
            crate::tray::follow(&app);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str) -> Tracked {
        Tracked {
            kind: Kind::Backup,
            project_id: "p".into(),
            snapshot_id: "s".into(),
            name: name.into(),
            instance_id: "i".into(),
            instance_name: "web-1".into(),
            region: "GRA11".into(),
            started_at: chrono::Utc::now(),
            parts: Vec::new(),
        }
    }

    fn rehearsed(failed: Option<Failed>, port: Option<u16>) -> rehearsal::Rehearsed {
        rehearsal::Rehearsed {
            project_id: "p".into(),
            instance_id: Some("i".into()),
            source_name: "file-server".into(),
            backup_id: "b".into(),
            backup_name: "before upgrade".into(),
            temporary_name: "rehearsal-file-server-20261103-090500".into(),
            at: chrono::Utc::now(),
            minutes: 6,
            port,
            steps: Vec::new(),
            failed,
            left_behind: false,
            cost_at_most: None,
            currency: None,
        }
    }

    #[test]
    fn words_of_backup_sets() {
        let part = |name: &str| desk::volumes::Part {
            volume_id: format!("v-{name}"),
            volume_name: name.into(),
            snapshot_id: Some(format!("s-{name}")),
            size_gb: 100,
            refused: None,
        };
        let set = Tracked {
            parts: vec![part("db-data"), part("db-wal")],
            ..t("nightly")
        };
        let ready = message(
            &Event::Finished {
                backup: set.clone(),
                size_gb: 281.5,
                duration_secs: 125,
            },
            Language::En,
        )
        .unwrap();
        assert_eq!(ready.title, "web-1 and 2 volumes backed up");
        assert_eq!(
            ready.body, "nightly · 281.5 GB in 2 min 05 s",
            "the set's whole size"
        );
        let incomplete = message(
            &Event::Failed {
                backup: set,
                failure: Failure::VolumesFailed {
                    volumes: vec!["db-wal".into()],
                },
            },
            Language::En,
        )
        .unwrap();
        assert_eq!(incomplete.title, "Backup incomplete — nightly of web-1");
        assert!(
            incomplete
                .body
                .starts_with("The instance is backed up, but not its volume: db-wal."),
            "{}",
            incomplete.body
        );
        let fr = message(
            &Event::Finished {
                backup: Tracked {
                    parts: vec![part("db-data")],
                    ..t("nightly")
                },
                size_gb: 1.0,
                duration_secs: 5,
            },
            Language::Fr,
        )
        .unwrap();
        assert_eq!(fr.title, "web-1 et 1 volume sauvegardés");
    }

    #[test]
    fn words_of_a_volume_restored_in_place() {
        let restore = |detached: bool| Tracked {
            kind: Kind::VolumeRestore {
                volume_id: Some("new".into()),
                attach_asked: detached,
                replaces: Some(desk::journal::Replaced {
                    id: "old".into(),
                    name: "db-wal".into(),
                    detach_asked_at: detached.then(chrono::Utc::now),
                }),
            },
            ..t("db-wal - restored 2026-12-05 10:00")
        };
        let done = message(
            &Event::Restored {
                restore: restore(true),
                duration_secs: 60,
            },
            Language::En,
        )
        .unwrap();
        assert_eq!(done.title, "Volume restored — web-1");
        assert_eq!(
            done.body,
            "db-wal - restored 2026-12-05 10:00 is attached to web-1 in place of db-wal. \
             db-wal is detached and kept, billed until you delete it."
        );
        let failed = |mut restore: Tracked, failure| {
            if let Kind::VolumeRestore {
                ref mut attach_asked,
                ..
            } = restore.kind
            {
                *attach_asked = false;
            }
            message(&Event::RestoreFailed { restore, failure }, Language::En)
                .unwrap()
                .body
        };
        let refused = Failure::RestoreNotStarted(desk::said::Said::Refused {
            ovh: "refused".into(),
        });
        assert!(
            failed(restore(true), refused.clone()).ends_with(
                "db-wal was detached from web-1 and is kept: attach it again from the OVHcloud Control Panel."
            ),
            "the attach refused once OVH listed the original off: {}",
            failed(restore(true), refused)
        );
        assert!(
            failed(restore(true), Failure::Unconfirmed).ends_with(
                "db-wal may have been detached from web-1; it is kept either way: check it in the OVHcloud Control Panel."
            ),
            "the detach asked but never seen: {}",
            failed(restore(true), Failure::Unconfirmed)
        );
        assert!(
            !failed(restore(false), Failure::Error).contains("detached"),
            "not said detached before it was asked: {}",
            failed(restore(false), Failure::Error)
        );
    }

    #[test]
    fn words_of_restore_tests() {
        let en = Language::En;
        let said = |r| rehearsal_message(&rehearsal::Event::Ended(Box::new(r)), en).unwrap();
        let (passed, ok) = said(rehearsed(None, Some(3389)));
        assert!(ok);
        assert_eq!(passed.title, "Restore test passed — file-server");
        assert_eq!(
            passed.body,
            "before upgrade started and answered on port 3389, in 6 min. The temporary instance was deleted.",
            "a port is never grouped like a number (3,389)"
        );
        let (failed, ok) = said(rehearsed(Some(Failed::NoAnswer { port: 22 }), Some(22)));
        assert!(!ok);
        assert_eq!(failed.title, "Restore test failed — file-server");
        assert_eq!(
            failed.body,
            "before upgrade started but did not answer on port 22 within 5 min. The temporary instance was deleted."
        );
        let mut left = rehearsed(Some(Failed::BootTimedOut), Some(22));
        left.left_behind = true;
        assert!(
            !said(left).0.body.contains("deleted"),
            "an instance left behind is never said deleted"
        );
        let refused = said(rehearsed(
            Some(Failed::Refused {
                ovh: "quota".into(),
            }),
            None,
        ));
        assert!(!refused.0.body.contains("deleted"), "nothing was made");
        let cleaned = rehearsal::Event::CleanedUp {
            names: vec!["rehearsal-a".into()],
        };
        assert!(rehearsal_message(&cleaned, Language::Fr)
            .unwrap()
            .0
            .body
            .contains("rehearsal-a"));
        let started = rehearsal::Event::Started {
            backup_id: "b".into(),
            source_name: "x".into(),
        };
        assert!(rehearsal_message(&started, en).is_none());
    }

    #[test]
    fn words_of_each_notification() {
        let done = Event::Finished {
            backup: t("nightly"),
            size_gb: 14.2,
            duration_secs: 95,
        };
        assert_eq!(
            message(&done, Language::En).unwrap(),
            Message {
                title: "web-1 backed up".into(),
                body: "nightly · 14.2 GB in 1 min 35 s".into()
            }
        );
        assert_eq!(
            message(&done, Language::Fr).unwrap().title,
            "web-1 sauvegardée"
        );
        let away = Event::WhileAway {
            finished: vec![t("a"), t("b")],
            failed: vec![],
        };
        assert_eq!(
            message(&away, Language::En).unwrap().title,
            "While you were away: 2 backups finished"
        );
        assert!(
            message(
                &Event::Progress {
                    project_id: "p".into(),
                    backups: Vec::new(),
                },
                Language::En
            )
            .is_none(),
            "no notification for progress"
        );
        let failed = Event::Failed {
            backup: t("x"),
            failure: Failure::Error,
        };
        assert!(
            is_success(&done) && !is_success(&failed),
            "failures are always shown"
        );
        assert!(is_success(&away));
        assert!(!is_success(&Event::WhileAway {
            finished: vec![t("a")],
            failed: vec![t("b")],
        }));
        assert!(
            message(&failed, Language::En)
                .unwrap()
                .body
                .contains("Try again"),
            "a failure says what to do"
        );
        assert_eq!(
            message(&done, Language::De).unwrap(),
            Message {
                title: "web-1 gesichert".into(),
                body: "nightly · 14,2 GB in 1 min 35 s".into()
            },
            "every language of the window, from the same catalog"
        );
    }

    #[test]
    fn a_failed_run_whose_words_name_a_quota_says_what_to_do() {
        let run = |info: &str| {
            watcher::Event::RunFailed(watcher::ScheduledRun {
                project_id: "p".into(),
                workflow_id: "w".into(),
                workflow_name: "daily-web-1".into(),
                instance_name: "web-1".into(),
                at: None,
                info: Some(info.into()),
            })
        };
        let quota =
            schedule_message(&run("Snapshot failed: Quota exceeded"), Language::Fr).unwrap();
        assert_eq!(
            quota.title,
            "La sauvegarde automatique de web-1 a échoué : un quota est atteint"
        );
        assert!(
            quota.body.contains("Supprimez les sauvegardes") && !quota.body.contains("exceeded"),
            "advice in the user's language, not OVH's words: {}",
            quota.body
        );
        let other = schedule_message(&run("disk error"), Language::En).unwrap();
        assert!(other.title.contains("disk error"), "{}", other.title);
    }
}
