//! One slip, one rounding rule: the header's "einde 16:42, -2 min", the agenda's day line and
//! the agenda's row for the block that made the slip show the same minutes at every moment.

use crate::support;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use regie::journal::record::Stamp;
use regie::tui::app::App;
use regie::tui::view;
use support::fixtures::*;
use support::props::config;

/// The day planned to start when its first block did, the first block run `slip` seconds
/// longer (or shorter) than planned, the second running: every slip on screen is `slip`.
fn day_with(slip: i64) -> (App, Stamp) {
    let mut log = log_on(1, slip);
    log.session.planned_start = Some("09:32".into());
    let started = start_of(&log);
    let mut app = app(log);
    app.show_agenda = true;
    (app, started)
}

/// Every "-2 min", "+1 min", "±0 min" on the screen.
fn slips_on(app: &App, now: Stamp) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
    terminal
        .draw(|frame| view::draw(frame, app, now))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let mut lines = Vec::new();
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        lines.push(line);
    }
    let words: Vec<String> = lines
        .join(" ")
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words
        .windows(2)
        .filter(|w| w[1] == "min" && w[0].starts_with(['+', '-', '±']))
        .map(|w| format!("{} min", w[0]))
        .collect()
}

proptest! {
    #![proptest_config(config(300))]

    /// At any second and any fraction of one, header and agenda agree on the slip.
    #[test]
    fn find_header_and_agenda_show_the_same_slip(
        slip in -900i64..900,
        after in 0i64..600,
        nanos in 0u32..1_000_000_000,
    ) {
        let (app, started) = day_with(slip);
        let now = started
            + chrono::Duration::seconds(after)
            + chrono::Duration::nanoseconds(i64::from(nanos));
        let shown = slips_on(&app, now);
        prop_assert!(shown.len() >= 3, "header, agenda row and day line: {:?}", shown);
        let expected = regie::text::slip(slip);
        prop_assert!(shown.iter().all(|s| *s == expected), "{} s: {:?}", slip, shown);
    }
}

#[test]
fn find_a_day_ninety_seconds_early_is_two_minutes_early_everywhere() {
    let (app, started) = day_with(-90);
    for tenth in 0..20 {
        let now = started + chrono::Duration::milliseconds(30_000 + 100 * tenth);
        let shown = slips_on(&app, now);
        assert!(shown.len() >= 3, "{shown:?}");
        assert!(shown.iter().all(|s| s == "-2 min"), "{tenth}: {shown:?}");
    }
}
