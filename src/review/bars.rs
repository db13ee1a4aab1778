//! Charts as characters: a block's planned vs actual bar and a vote count bar.
//! The report prints them as text; the review screen colours the same segments.

/// Within the plan, what ran is `█`; an overrun is `▓`; planned time not used is `░`.
pub const RAN: char = '█';
pub const OVER: char = '▓';
pub const UNUSED: char = '░';
/// A vote bar is `█`, a revote bar `▒`.
pub const VOTE: char = '█';
pub const REVOTE: char = '▒';

/// The three parts of a timeline bar, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    pub ran: usize,
    pub over: usize,
    pub unused: usize,
}

impl Timeline {
    /// Planned and actual seconds on a scale where `longest` seconds fill `width` cells.
    /// Any time at all shows at least one cell, so a short overrun never disappears.
    pub fn new(planned: i64, actual: i64, longest: i64, width: usize) -> Timeline {
        let cells = |seconds: i64| -> usize {
            if seconds <= 0 || longest <= 0 || width == 0 {
                return 0;
            }
            let exact = seconds as f64 * width as f64 / longest as f64;
            (exact.round() as usize).clamp(1, width)
        };
        let (p, a) = (planned.max(0), actual.max(0));
        let mut ran = cells(p.min(a));
        let over = if a > p && width > 0 {
            // Keep one cell for the overrun even when the plan rounds to the full width.
            ran = ran.min(width - 1);
            cells(a).saturating_sub(ran).max(1)
        } else {
            0
        };
        let unused = if p > a {
            cells(p).saturating_sub(ran)
        } else {
            0
        };
        Timeline { ran, over, unused }
    }

    pub fn text(&self) -> String {
        let mut s = String::with_capacity((self.ran + self.over + self.unused) * 3);
        s.extend(std::iter::repeat_n(RAN, self.ran));
        s.extend(std::iter::repeat_n(OVER, self.over));
        s.extend(std::iter::repeat_n(UNUSED, self.unused));
        s
    }
}

/// `count` on a scale where `top` fills `width` cells, at least one cell for any vote.
pub fn count_cells(count: u32, top: u32, width: usize) -> usize {
    if count == 0 || top == 0 {
        return 0;
    }
    let exact = f64::from(count) * width as f64 / f64::from(top);
    (exact.round() as usize).clamp(1, width.max(1))
}

/// A bar of `count` votes drawn with `glyph`.
pub fn count_bar(count: u32, top: u32, width: usize, glyph: char) -> String {
    std::iter::repeat_n(glyph, count_cells(count, top, width)).collect()
}

/// Column heights from low to high, for a spread drawn on one line.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A spread as one line of columns, one per value (grade 1 to 10), the most common the
/// highest; a value nobody gave is a space, so "none" and "few" never look alike.
pub fn spread(counts: &[u32]) -> String {
    let top = counts.iter().copied().max().unwrap_or(0);
    counts
        .iter()
        .map(|&n| {
            if n == 0 || top == 0 {
                ' '
            } else {
                let level = (f64::from(n) * 7.0 / f64::from(top)).round() as usize;
                LEVELS[level.min(7)]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spread_has_one_column_per_grade_and_gaps_where_nobody_gave_it() {
        let line = spread(&[0, 0, 0, 0, 1, 0, 4, 8, 2, 0]);
        assert_eq!(line.chars().count(), 10);
        assert_eq!(line, "    ▂ ▅█▃ ");
        assert_eq!(spread(&[0; 10]), " ".repeat(10));
    }

    #[test]
    fn an_overrun_shows_past_the_plan() {
        let t = Timeline::new(600, 900, 900, 30);
        assert_eq!((t.ran, t.over, t.unused), (20, 10, 0));
        assert_eq!(t.text().chars().filter(|c| *c == OVER).count(), 10);
    }

    #[test]
    fn a_short_block_leaves_planned_time_unused() {
        let t = Timeline::new(600, 300, 600, 20);
        assert_eq!((t.ran, t.over, t.unused), (10, 0, 10));
    }

    #[test]
    fn a_tiny_overrun_still_shows_one_cell() {
        let t = Timeline::new(3600, 3610, 3610, 10);
        assert!(t.over >= 1, "{t:?}");
        assert!(t.ran + t.over <= 10);
    }

    #[test]
    fn nothing_run_and_nothing_planned_is_empty() {
        assert_eq!(Timeline::new(0, 0, 0, 10).text(), "");
        assert_eq!(count_bar(0, 5, 10, VOTE), "");
        assert_eq!(count_bar(5, 5, 10, VOTE).chars().count(), 10);
    }
}
