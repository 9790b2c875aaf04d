//! When the desktop is told something: one notification per backup that ends (ready or failed)
//! and one summary for what ended while the app was closed, in the user's language.
use desk::journal::{Kind, Tracked};
use desk::session::Notice;
use desk::tracker::{Event, Failure};
use desk::watcher;
use tauri::{AppHandle, Emitter, Manager, Runtime};
#[cfg(not(all(unix, not(target_os = "macos"))))]
use tauri_plugin_notification::NotificationExt;

use crate::events::{self, Changed, Ended, Section, Target, Told};
use crate::state::AppState;

/// The words of a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub title: String,
    pub body: String,
}

fn fmt_duration(secs: i64, fr: bool) -> String {
    match (secs, fr) {
        (s, false) if s < 60 => format!("{s} s"),
        (s, true) if s < 60 => format!("{s} s"),
        (s, _) => format!("{} min {:02} s", s / 60, s % 60),
    }
}

fn fmt_size(gb: f64, fr: bool) -> String {
    let s = format!("{gb:.1} GB");
    if fr {
        s.replace('.', ",").replace("GB", "Go")
    } else {
        s
    }
}

/// The notification for a tracker event, if any.
pub fn message(event: &Event, lang: &str) -> Option<Message> {
    let fr = lang == "fr";
    let m = |t: String, b: String| Some(Message { title: t, body: b });
    match event {
        Event::Progress { .. } => None,
        Event::Finished { backup, size_gb, duration_secs } => m(
            if fr { format!("Sauvegarde prête — {} de {}", backup.name, backup.instance_name) } else { format!("Backup ready — {} of {}", backup.name, backup.instance_name) },
            if fr {
                format!("{} en {}. Elle est dans Instance Backup.", fmt_size(*size_gb, true), fmt_duration(*duration_secs, true))
            } else {
                format!("{} in {}. It is in Instance Backup.", fmt_size(*size_gb, false), fmt_duration(*duration_secs, false))
            },
        ),
        Event::Failed { backup, failure } => m(
            if fr { format!("Échec de la sauvegarde — {} de {}", backup.name, backup.instance_name) } else { format!("Backup failed — {} of {}", backup.name, backup.instance_name) },
            match (failure, fr) {
                (Failure::Error, false) => "OVHcloud reported an error. Try again from Instances → … → Create a backup; if it fails again, contact OVHcloud support.".into(),
                (Failure::Error, true) => "OVHcloud a signalé une erreur. Réessayez depuis Instances → … → Créer une sauvegarde ; si l'échec se répète, contactez le support OVHcloud.".into(),
                (Failure::Disappeared | Failure::RestoreNotStarted(_) | Failure::Unconfirmed, false) => "The backup disappeared before it was ready (cancelled or deleted). Create a new one if you still need it.".into(),
                (Failure::Disappeared | Failure::RestoreNotStarted(_) | Failure::Unconfirmed, true) => "La sauvegarde a disparu avant d'être prête (annulée ou supprimée). Créez-en une nouvelle si besoin.".into(),
            },
        ),
        Event::Restored { restore, duration_secs } => match restore.kind {
            Kind::Build => m(
                if fr { format!("Instance prête — {}", restore.instance_name) } else { format!("Instance ready — {}", restore.instance_name) },
                if fr {
                    format!("Créée depuis {} en {}.", restore.name, fmt_duration(*duration_secs, true))
                } else {
                    format!("Created from {} in {}.", restore.name, fmt_duration(*duration_secs, false))
                },
            ),
            _ => m(
                if fr { format!("Restauration terminée — {}", restore.instance_name) } else { format!("Restore complete — {}", restore.instance_name) },
                if fr {
                    format!("{} fonctionne à nouveau, depuis {}.", restore.instance_name, restore.name)
                } else {
                    format!("{} is running again, from {}.", restore.instance_name, restore.name)
                },
            ),
        },
        Event::RestoreFailed { restore, failure } => m(
            match (failure, fr) {
                (Failure::Unconfirmed, false) => format!("Restore not confirmed — {}", restore.instance_name),
                (Failure::Unconfirmed, true) => format!("Restauration non confirmée — {}", restore.instance_name),
                (_, false) => format!("Restore failed — {}", restore.instance_name),
                (_, true) => format!("Échec de la restauration — {}", restore.instance_name),
            },
            match (failure, fr) {
                (Failure::RestoreNotStarted(why), false) => format!("Nothing was restored: {why}."),
                (Failure::RestoreNotStarted(why), true) => format!("Rien n'a été restauré : {why}."),
                (Failure::Unconfirmed, false) => format!("OVHcloud accepted the restore but {} never showed it happening. Check the instance before you rely on it.", restore.instance_name),
                (Failure::Unconfirmed, true) => format!("OVHcloud a accepté la restauration mais {} n'a jamais montré qu'elle avait lieu. Vérifiez l'instance avant de vous y fier.", restore.instance_name),
                (_, false) => "OVHcloud reported an error on the instance. Open the OVHcloud Control Panel or contact support.".into(),
                (_, true) => "OVHcloud a signalé une erreur sur l'instance. Ouvrez l'espace client OVHcloud ou contactez le support.".into(),
            },
        ),
        Event::WhileAway { finished, failed } => {
            let names = |list: &[Tracked]| list.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", ");
            let title = match (fr, finished.len()) {
                (false, 1) => "While you were away: 1 backup finished".to_string(),
                (false, n) => format!("While you were away: {n} backups finished"),
                (true, 1) => "Pendant votre absence : 1 sauvegarde terminée".to_string(),
                (true, n) => format!("Pendant votre absence : {n} sauvegardes terminées"),
            };
            let mut body = names(finished);
            if !failed.is_empty() {
                body.push_str(&if fr { format!("\nÉchouées : {}", names(failed)) } else { format!("\nFailed: {}", names(failed)) });
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
pub fn schedule_message(event: &watcher::Event, lang: &str) -> Option<Message> {
    let fr = lang == "fr";
    let m = |t: String, b: String| Some(Message { title: t, body: b });
    match event {
        watcher::Event::Changed => None,
        watcher::Event::RunSucceeded(r) => m(
            if fr {
                format!("Sauvegarde automatique de {} terminée", r.instance_name)
            } else {
                format!("Automatic backup of {} done", r.instance_name)
            },
            if fr {
                format!("{}, exécution du {}.", r.workflow_name, local_time(r.at))
            } else {
                format!("{}, run of {}.", r.workflow_name, local_time(r.at))
            },
        ),
        watcher::Event::RunFailed(r) => {
            let info = r.info.clone().unwrap_or_else(|| {
                if fr {
                    "erreur sans détail".into()
                } else {
                    "no detail given".into()
                }
            });
            m(
                if fr {
                    format!(
                        "Échec de la sauvegarde automatique de {} — {info}",
                        r.instance_name
                    )
                } else {
                    format!("Automatic backup of {} failed — {info}", r.instance_name)
                },
                if fr {
                    format!("{}, exécution du {}. Créez une sauvegarde manuelle si besoin ; si l'échec se répète, contactez le support OVHcloud.", r.workflow_name, local_time(r.at))
                } else {
                    format!("{}, run of {}. Take a manual backup if you need one now; if it fails again, contact OVHcloud support.", r.workflow_name, local_time(r.at))
                },
            )
        }
        watcher::Event::RunMissed(r) => m(
            if fr {
                format!(
                    "La sauvegarde automatique de {} n'a pas eu lieu",
                    r.instance_name
                )
            } else {
                format!("Automatic backup of {} did not run", r.instance_name)
            },
            if fr {
                format!("{} devait s'exécuter le {}. OVHcloud a peut-être un incident : faites une sauvegarde manuelle si besoin.", r.workflow_name, local_time(r.at))
            } else {
                format!("{} was due at {}. OVHcloud may have an incident: take a manual backup if you need one.", r.workflow_name, local_time(r.at))
            },
        ),
    }
}

/// Whether an event is only good news: "Do not disturb for successes" silences these.
pub fn is_success(event: &Event) -> bool {
    match event {
        Event::Finished { .. } | Event::Restored { .. } => true,
        Event::WhileAway { failed, .. } => failed.is_empty(),
        _ => false,
    }
}

/// How many past notifications the tray menu lists.
const RECENT: usize = 5;

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
    let recent: Vec<String> = {
        let state = app.state::<AppState>();
        let mut recent = state.recent.lock().expect("recent lock");
        recent.push_front(msg.title.clone());
        recent.truncate(RECENT);
        recent.iter().cloned().collect()
    };
    crate::tray::show_recent(app, &recent);
}

/// A freedesktop notification with a default action; a thread waits for the click (or the
/// notification closing) and then opens the window at `target`.
#[cfg(all(unix, not(target_os = "macos")))]
fn show_clickable<R: Runtime>(app: &AppHandle<R>, msg: &Message, target: Target) {
    let open = if app.state::<AppState>().language() == desk::settings::Language::Fr {
        "Ouvrir"
    } else {
        "Open"
    };
    let shown = notify_rust::Notification::new()
        .appname("Backup Desk")
        .summary(&msg.title)
        .body(&msg.body)
        .icon("backup-desk")
        .action("default", open)
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

/// Where clicking a notification about a backup leads: that backup in Instance Backup.
pub fn backup_target(b: &Tracked) -> Target {
    Target::backup(&b.project_id, &b.snapshot_id)
}

/// The background tasks' sink: emits events to the window and shows desktop notifications.
pub fn sink<R: Runtime>(app: AppHandle<R>) -> impl Fn(Notice) + Send + Sync + 'static {
    move |notice| {
        let state = app.state::<AppState>();
        let lang = state.language().code();
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
                return;
            }
        };
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
        }
    }

    #[test]
    fn words_of_each_notification() {
        let done = Event::Finished {
            backup: t("nightly"),
            size_gb: 14.2,
            duration_secs: 95,
        };
        assert_eq!(
            message(&done, "en").unwrap(),
            Message {
                title: "Backup ready — nightly of web-1".into(),
                body: "14.2 GB in 1 min 35 s. It is in Instance Backup.".into()
            }
        );
        assert_eq!(
            message(&done, "fr").unwrap().title,
            "Sauvegarde prête — nightly de web-1"
        );
        let away = Event::WhileAway {
            finished: vec![t("a"), t("b")],
            failed: vec![],
        };
        assert_eq!(
            message(&away, "en").unwrap().title,
            "While you were away: 2 backups finished"
        );
        assert!(
            message(
                &Event::Progress {
                    project_id: "p".into(),
                    backups: Vec::new(),
                },
                "en"
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
            message(&failed, "en").unwrap().body.contains("Try again"),
            "a failure says what to do"
        );
    }
}
