//! When what a session shows next changes: the next whole second of a running clock, or the
//! next minute of a shown time of day. Screens sleep until then; nothing redraws on a tick.

use super::clock;
use super::record::{SessionLog, Stamp};
use chrono::{Duration, Timelike};

/// The moment `anchor + k seconds` (k whole) that comes next after `now`.
fn next_second_of(anchor: Stamp, now: Stamp) -> Stamp {
    let since = (now - anchor).num_nanoseconds().unwrap_or(0).max(0);
    let whole = since / 1_000_000_000;
    anchor + Duration::seconds(whole + 1)
}

/// When a time of day `shown` (which moves with `now`) next shows another minute.
fn next_minute_of(shown: Stamp, now: Stamp) -> Stamp {
    let into_minute = Duration::seconds(i64::from(shown.second()))
        + Duration::nanoseconds(i64::from(shown.nanosecond()));
    now + (Duration::minutes(1) - into_minute)
}

/// The first moment after `now` at which a clock, a countdown or a shown time of `log` changes.
pub fn next_change(log: &SessionLog, now: Stamp) -> Stamp {
    let mut next = next_minute_of(now, now);
    let block = log.blocks.get(log.current);
    if let Some(block) = block
        && let Some(run) = block.runs.last()
        && run.to.is_none()
    {
        next = next.min(next_second_of(run.from, now));
    } else {
        // Paused: the projected end and "back at" move with the wall clock.
        next = next.min(next_minute_of(
            clock::day_clock(log, now).projected_end,
            now,
        ));
        if let Some(block) = block {
            let remaining = clock::block_clock(block, now).remaining;
            let back = now + Duration::seconds(remaining.max(0));
            next = next.min(next_minute_of(back, now));
        }
    }
    if let Some(block) = block {
        if let Some(turn) = block
            .round
            .as_ref()
            .and_then(|r| r.turns.last())
            .filter(|t| t.ended.is_none())
        {
            next = next.min(next_second_of(turn.started, now));
        }
        if let Some(card) = block.cards.get(block.current_card)
            && card.ended.is_none()
        {
            next = next.min(next_second_of(card.shown, now));
        }
    }
    // A millisecond late rather than early, so the new second is really there.
    next + Duration::milliseconds(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn at(s: &str) -> Stamp {
        DateTime::parse_from_rfc3339(s).expect("test stamp")
    }

    #[test]
    fn a_running_clock_changes_on_its_own_whole_seconds() {
        let from = at("2026-11-23T10:00:00.300+01:00");
        let now = at("2026-11-23T10:00:05.900+01:00");
        assert_eq!(
            next_second_of(from, now),
            at("2026-11-23T10:00:06.300+01:00")
        );
    }

    #[test]
    fn a_time_of_day_changes_at_its_next_minute() {
        let now = at("2026-11-23T10:00:20+01:00");
        let shown = at("2026-11-23T16:42:50+01:00");
        assert_eq!(next_minute_of(shown, now), at("2026-11-23T10:00:30+01:00"));
    }
}
