//! The agenda: planned, actual and projected starts, and what ran over.

use super::*;
use crate::engine::agenda::{Standing, agenda};

#[test]
fn coming_blocks_start_when_the_current_one_ends_at_this_pace() {
    let mut e = day();
    // Planned 09:30; the first block starts ten minutes late and gets two extra minutes.
    apply(&mut e, Command::StartPause, t(9, 40, 0));
    apply(&mut e, Command::Adjust { minutes: 2 }, t(9, 41, 0));
    let now = t(9, 45, 0);
    let a = agenda(e.log(), now);
    let starts: Vec<Stamp> = a.rows.iter().map(|r| r.planned_start).collect();
    assert_eq!(starts[..3], [t(9, 30, 0), t(9, 45, 0), t(10, 5, 0)]);
    assert_eq!(a.rows[0].standing, Standing::Current);
    assert_eq!(a.rows[0].actual_start, Some(t(9, 40, 0)));
    // 17 minutes allotted, 5 gone: the round starts at 09:57, the dilemmas 20 minutes later.
    assert_eq!(a.rows[1].projected_start, t(9, 57, 0));
    assert_eq!(a.rows[2].projected_start, t(10, 17, 0));
    assert_eq!(a.rows[5].projected_start, t(11, 42, 0));
    assert_eq!(a.day.projected_end, t(12, 2, 0));
    assert!(
        a.rows.iter().all(|r| r.over.is_none()),
        "nothing ran over yet"
    );
}

#[test]
fn a_block_left_behind_shows_how_far_it_ran_over_or_under() {
    let mut e = day();
    apply(&mut e, Command::StartPause, t(9, 30, 0));
    apply(&mut e, Command::Next, t(9, 48, 0));
    let a = agenda(e.log(), t(9, 50, 0));
    assert_eq!(a.rows[0].standing, Standing::Done);
    assert_eq!(a.rows[0].over, Some(3 * 60));
    assert_eq!(a.rows[1].standing, Standing::Current);
    assert_eq!(a.rows[1].actual_start, Some(t(9, 48, 0)));
    assert_eq!(a.rows[2].standing, Standing::Coming);
}
