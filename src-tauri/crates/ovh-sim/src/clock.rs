//! The simulator's two clocks: the world clock that moves backups and runs workflow crons (can
//! run fast, can be advanced by tests), and the authentication clock (wall time plus an
//! injectable skew) that `/auth/time` reports and signatures are checked against.
use std::sync::Mutex;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};

/// Shared, thread-safe clocks.
#[derive(Debug)]
pub struct Clocks {
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    started_real: Instant,
    started_world: DateTime<Utc>,
    speed: f64,
    advanced: Duration,
    skew_secs: i64,
}

impl Clocks {
    /// World time starts at `start` and runs `speed` times faster than wall time.
    pub fn new(start: DateTime<Utc>, speed: f64) -> Self {
        Self {
            inner: Mutex::new(Inner {
                started_real: Instant::now(),
                started_world: start,
                speed: speed.max(0.0),
                advanced: Duration::zero(),
                skew_secs: 0,
            }),
        }
    }

    /// Current world time.
    pub fn world_now(&self) -> DateTime<Utc> {
        let i = self.inner.lock().expect("clock lock");
        let elapsed = i.started_real.elapsed().as_secs_f64() * i.speed;
        i.started_world + Duration::milliseconds((elapsed * 1000.0) as i64) + i.advanced
    }

    /// Moves world time forward (tests, `POST /_sim/advance`).
    pub fn advance(&self, by: Duration) {
        self.inner.lock().expect("clock lock").advanced += by;
    }

    /// The server's UNIX time for authentication: wall time plus the injected skew.
    pub fn auth_now(&self) -> i64 {
        Utc::now().timestamp() + self.inner.lock().expect("clock lock").skew_secs
    }

    /// Sets how far the server's clock is off wall time (fault injection).
    pub fn set_skew(&self, secs: i64) {
        self.inner.lock().expect("clock lock").skew_secs = secs;
    }
}
