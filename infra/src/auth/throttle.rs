//! Login throttling: after too many failures in a window, an account (and,
//! separately, a client address) is locked out for a while. Keys are whatever the
//! caller typed, whether or not the account exists, so a lockout reveals nothing.
//!
//! The counters live in this process. With several instances each keeps its own, so
//! the effective limit is per instance; a shared store can replace this later behind
//! the same interface.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct ThrottleConfig {
    pub max_failures_per_account: u32,
    pub max_failures_per_address: u32,
    pub window: Duration,
    pub lockout: Duration,
}

impl Default for ThrottleConfig {
    fn default() -> Self {
        Self {
            max_failures_per_account: 5,
            max_failures_per_address: 50,
            window: Duration::from_secs(15 * 60),
            lockout: Duration::from_secs(15 * 60),
        }
    }
}

#[derive(Debug)]
struct Entry {
    failures: u32,
    window_start: Instant,
    locked_until: Option<Instant>,
}

/// Bounds memory under a flood of distinct keys.
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug, Default)]
pub struct LoginThrottle {
    config: ThrottleConfig,
    entries: Mutex<HashMap<String, Entry>>,
}

impl LoginThrottle {
    pub fn new(config: ThrottleConfig) -> Self {
        Self {
            config,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds)` when any of the keys is locked out.
    pub fn check(&self, account: &str, address: &str) -> Result<(), u64> {
        let now = Instant::now();
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let wait = [account_key(account), address_key(address)]
            .iter()
            .filter_map(|k| entries.get(k))
            .filter_map(|e| e.locked_until)
            .filter(|until| *until > now)
            .map(|until| (until - now).as_secs().max(1))
            .max();
        match wait {
            Some(secs) => Err(secs),
            None => Ok(()),
        }
    }

    pub fn record_failure(&self, account: &str, address: &str) {
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            let window = self.config.window;
            entries.retain(|_, e| {
                e.locked_until.is_some_and(|u| u > now) || now - e.window_start < window
            });
        }
        for (key, limit) in [
            (account_key(account), self.config.max_failures_per_account),
            (address_key(address), self.config.max_failures_per_address),
        ] {
            let e = entries.entry(key).or_insert(Entry {
                failures: 0,
                window_start: now,
                locked_until: None,
            });
            if now - e.window_start > self.config.window {
                *e = Entry {
                    failures: 0,
                    window_start: now,
                    locked_until: None,
                };
            }
            e.failures += 1;
            if e.failures >= limit {
                e.locked_until = Some(now + self.config.lockout);
            }
        }
    }

    /// A successful login clears the account's failures (not the address's).
    pub fn record_success(&self, account: &str) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&account_key(account));
    }
}

fn account_key(account: &str) -> String {
    format!("account:{account}")
}
fn address_key(address: &str) -> String {
    format!("address:{address}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_limit_per_account_and_address() {
        let t = LoginThrottle::new(ThrottleConfig {
            max_failures_per_account: 3,
            max_failures_per_address: 5,
            ..Default::default()
        });
        for _ in 0..2 {
            t.record_failure("WB:asha", "1.2.3.4");
        }
        assert!(t.check("WB:asha", "1.2.3.4").is_ok());
        t.record_failure("WB:asha", "1.2.3.4");
        assert!(t.check("WB:asha", "9.9.9.9").is_err());
        assert!(t.check("WB:ravi", "9.9.9.9").is_ok());
        t.record_failure("WB:ravi", "1.2.3.4");
        t.record_failure("WB:mina", "1.2.3.4");
        assert!(t.check("WB:other", "1.2.3.4").is_err(), "address limit");
    }

    #[test]
    fn success_clears_account_failures() {
        let t = LoginThrottle::new(ThrottleConfig {
            max_failures_per_account: 2,
            ..Default::default()
        });
        t.record_failure("a", "x");
        t.record_success("a");
        t.record_failure("a", "x");
        assert!(t.check("a", "y").is_ok());
    }
}
