//! Backup Desk's domain, free of Tauri: where secrets live (`vault`), how an account is set up
//! (`account`, `ovhconf`), which cloud the app talks to (`connection`), and what is in it.
#![forbid(unsafe_code)]

pub mod account;
pub mod automatic;
pub mod backups;
pub mod check;
pub mod connection;
pub mod error;
pub mod files;
pub mod inventory;
pub mod journal;
pub mod lists;
pub mod ovhconf;
pub mod pricing;
pub mod records;
pub mod rehearsal;
pub mod restore;
pub mod restore_tests;
pub mod said;
pub mod schedule;
pub mod session;
pub mod settings;
pub mod tracker;
pub mod vault;
pub mod volumes;
pub mod watcher;
pub mod workflows;

pub use connection::{Connection, Mode};
pub use error::{Error, Result};
pub use ovh::Sensitive;
pub use said::{Field, Said, Why};
pub use session::Session;

/// Wall time as the app reads it: the system clock with a real account, the demo cloud's own
/// clock in demo mode (so a test can start it on a chosen date and move it).
pub type Clock = std::sync::Arc<dyn Fn() -> chrono::DateTime<chrono::Utc> + Send + Sync>;
