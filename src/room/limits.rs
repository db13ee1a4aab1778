//! The room's limits against a hostile network: body size, answer length, requests per second
//! per device and per address (token buckets), devices, connections and time per request.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Every limit of the server in one place; `Limits::default()` is what `regie run --room` uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Largest request body in bytes.
    pub body_bytes: usize,
    /// Longest open answer in characters.
    pub answer_chars: usize,
    /// Requests per second per device token, and the burst allowed at once.
    pub device_per_second: f64,
    pub device_burst: f64,
    /// Requests per second per network address, and its burst.
    pub address_per_second: f64,
    pub address_burst: f64,
    /// Connections open at once (a phone keeps one open for its updates).
    pub connections: usize,
    /// Time a client gets to send its whole request.
    pub request_time: Duration,
    /// A silent update stream gets a keep-alive line this often (a dead phone is noticed).
    pub keep_alive: Duration,
    /// Time a slow reader gets to take one write.
    pub write_time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_bytes: 4 * 1024,
            answer_chars: 280,
            device_per_second: 5.0,
            device_burst: 10.0,
            address_per_second: 5.0,
            address_burst: 10.0,
            connections: crate::engine::phones::MAX_DEVICES + 100,
            request_time: Duration::from_secs(5),
            keep_alive: Duration::from_secs(15),
            write_time: Duration::from_secs(5),
        }
    }
}

/// Token buckets per key: each key may spend `burst` at once and regains `per_second`.
#[derive(Debug)]
pub struct RateLimiter<K> {
    per_second: f64,
    burst: f64,
    buckets: Mutex<HashMap<K, (f64, Instant)>>,
}

/// Forget keys quiet for this long, so the table cannot grow without end.
const FORGET_AFTER: Duration = Duration::from_secs(60);
/// Sweep the table when it holds more than this many keys.
const SWEEP_AT: usize = 4096;

impl<K: Eq + Hash + Clone> RateLimiter<K> {
    pub fn new(per_second: f64, burst: f64) -> RateLimiter<K> {
        RateLimiter {
            per_second,
            burst,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `key` has nothing left to spend at `now` (nothing is spent by asking).
    pub fn spent(&self, key: &K, now: Instant) -> bool {
        let buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        buckets.get(key).is_some_and(|(tokens, seen)| {
            let regained = now.duration_since(*seen).as_secs_f64() * self.per_second;
            (tokens + regained).min(self.burst) < 1.0
        })
    }

    /// Spend one request for `key` at `now`; `false` means over the limit.
    pub fn allow(&self, key: &K, now: Instant) -> bool {
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() > SWEEP_AT {
            buckets.retain(|_, (_, seen)| now.duration_since(*seen) < FORGET_AFTER);
        }
        let (tokens, seen) = buckets.entry(key.clone()).or_insert((self.burst, now));
        let regained = now.duration_since(*seen).as_secs_f64() * self.per_second;
        *tokens = (*tokens + regained).min(self.burst);
        *seen = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_passes_then_the_rate_holds() {
        let limiter = RateLimiter::new(5.0, 10.0);
        let start = Instant::now();
        let passed = (0..20).filter(|_| limiter.allow(&"a", start)).count();
        assert_eq!(passed, 10);
        assert!(limiter.allow(&"b", start), "another key has its own bucket");
        let later = start + Duration::from_millis(400);
        let passed = (0..5).filter(|_| limiter.allow(&"a", later)).count();
        assert_eq!(passed, 2, "0.4 s regains two requests at 5 per second");
        assert!(limiter.spent(&"a", later), "all spent again");
        assert!(!limiter.spent(&"a", later + Duration::from_millis(200)));
        assert!(!limiter.spent(&"c", start), "an unseen key has its burst");
    }
}
