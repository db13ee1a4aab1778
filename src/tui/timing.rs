//! When the screen must next change: the next whole second of a running clock, or the next
//! minute of a shown time of day. The event loop sleeps until then; nothing redraws on a tick.

use super::app::App;
use crate::engine::clock;
use crate::journal::record::{SessionLog, Stamp};
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

/// The first moment after `now` at which something on screen changes.
pub fn next_change(app: &App, now: Stamp) -> Stamp {
    next_change_of(app.engine().log(), now)
}

/// The first moment after `now` at which something drawn from `log` changes (the room's
/// screen has only the log).
pub fn next_change_of(log: &SessionLog, now: Stamp) -> Stamp {
    let mut next = next_minute_of(now, now);
    let index = log.current.min(log.blocks.len().saturating_sub(1));
    let block = log.blocks.get(index);
    if let Some(run) = block.and_then(|b| b.runs.last())
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
    let round = block.and_then(|b| b.round.as_ref());
    if let Some(turn) = round
        .and_then(|r| r.turns.last())
        .filter(|t| t.ended.is_none())
    {
        next = next.min(next_second_of(turn.started, now));
    }
    if let Some(card) = block.and_then(|b| b.cards.get(b.current_card))
        && card.ended.is_none()
    {
        next = next.min(next_second_of(card.shown, now));
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
