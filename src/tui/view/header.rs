//! The top line: session title and block number on the left; the wall clock and the
//! projected end of the day ("einde 16:42, +7 min") on the right (the room sees only the time).

use super::format;
use crate::journal::record::Stamp;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub struct HeaderStrings {
    /// "blok {} van {}".
    pub block_of: &'static str,
    /// "einde {}, {}": projected end and slip.
    pub day_end: &'static str,
}

const NL: HeaderStrings = HeaderStrings {
    block_of: "blok {}/{}",
    day_end: "einde {}, {}",
};
const EN: HeaderStrings = HeaderStrings {
    block_of: "block {}/{}",
    day_end: "ends {}, {}",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let log = app.engine().log();
    let day = app.day_clock(now);
    let clock = format::time_of_day(now);
    let end = format::fill(
        strings.day_end,
        &[
            &format::time_of_day(day.projected_end),
            &format::slip(day.slip),
        ],
    );
    let block_of = format::fill(
        strings.block_of,
        &[
            &(app.current_index() + 1).to_string(),
            &log.blocks.len().to_string(),
        ],
    );
    let width = usize::from(area.width);
    // Right side first: it matters most; drop the day end, then the session title, as space runs out.
    let full_right = format!("{clock} · {end}");
    let right = if full_right.chars().count() + 2 <= width {
        full_right
    } else {
        clock
    };
    let room = width.saturating_sub(right.chars().count() + 1);
    let with_title = format!("{} · {block_of}", log.session.title);
    let left = if with_title.chars().count() <= room {
        with_title
    } else if block_of.chars().count() <= room {
        block_of
    } else {
        String::new()
    };
    let gap = width.saturating_sub(left.chars().count() + right.chars().count());
    let slip_style = if day.slip > 60 {
        theme.warning()
    } else {
        theme.dim()
    };
    let line = Line::from(vec![
        Span::styled(left, theme.dim()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, slip_style),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
