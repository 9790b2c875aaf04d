//! Logs to stderr and to daily files in the platform's log directory (XDG on Linux), seven kept.
//! Nothing logged carries a secret: secrets are `Sensitive` and commands skip their arguments.
use std::path::PathBuf;

use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter, Layer};

/// How many daily log files are kept.
const KEEP_DAYS: usize = 7;

/// Installs the global subscriber; without a log directory, stderr only.
pub fn init(dir: Option<PathBuf>) {
    let filter =
        || EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,backup_desk=debug".into());
    let file = dir.and_then(|dir| {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("backup-desk")
            .filename_suffix("log")
            .max_log_files(KEEP_DAYS)
            .build(&dir)
            .map_err(|e| eprintln!("no log file in {}: {e}", dir.display()))
            .ok()
    });
    let file_layer = file.map(|f| {
        fmt::layer()
            .with_ansi(false)
            .with_writer(f)
            .with_filter(filter())
    });
    let _ = tracing_subscriber::registry()
        .with(
            fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(filter()),
        )
        .with(file_layer)
        .try_init();
}
