//! OVHcloud API v1 client: the exact request signing OVH checks, typed calls for the Public Cloud
//! backup routes, and a two-halved error ("the API said no" vs "no usable answer").
//!
//! The crate knows nothing of Tauri or of the app: the base URL, the credentials and the clock
//! are constructor arguments, so the simulator and demo mode are just another URL.
#![forbid(unsafe_code)]

pub mod client;
pub mod cron;
pub mod endpoint;
pub mod error;
pub mod routes;
pub mod rules;
pub mod sensitive;
pub mod signing;
pub mod types;
pub mod unreadable;

pub use client::{Client, ClientBuilder, Clock, Credentials, Listed, RetryPolicy, ServiceAccount};
pub use endpoint::Endpoint;
pub use error::{Error, Result};
pub use sensitive::Sensitive;
