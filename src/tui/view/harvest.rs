//! A Harvest block: the takeaways typed so far, newest at the bottom, with the block's
//! countdown. Enter opens the input; each Enter records one line and keeps it open.

use super::block;
use crate::journal::record::Stamp;
use crate::tui::app::App;
use crate::tui::key_table::key_of;
use crate::tui::keys::Action;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct HarvestStrings {
    pub empty: &'static str,
    /// Added after `empty` on the facilitator's screen.
    pub empty_hint: &'static str,
}

const NL: HarvestStrings = HarvestStrings {
    empty: "Nog niets geoogst",
    empty_hint: " — {}: typ wat de groep meeneemt",
};
const EN: HarvestStrings = HarvestStrings {
    empty: "Nothing harvested yet",
    empty_hint: " — {}: type what the group takes away",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let (Some(block_log), Some(below)) = (
        app.current_block(),
        block::title_with_clock(frame, area, app, now, 16),
    ) else {
        return;
    };
    // One blank row under the title when there is room.
    let gap = u16::from(below.height > 2);
    let list = Rect {
        y: below.y + gap,
        height: below.height - gap,
        ..below
    };
    if block_log.takeaways.is_empty() {
        let hint = super::format::fill(strings.empty_hint, &[key_of(&Action::Enter)]);
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("{}{hint}", strings.empty),
                theme.dim(),
            ))
            .wrap(Wrap { trim: true }),
            list,
        );
        return;
    }
    let lines: Vec<Line> = block_log
        .takeaways
        .iter()
        .enumerate()
        .map(|(i, note)| {
            Line::from(vec![
                Span::styled(format!("{:>2}. ", i + 1), theme.accent()),
                Span::styled(note.text.clone(), theme.title()),
            ])
        })
        .collect();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: true });
    // Show the newest lines: scroll so the last one is on screen.
    let total = paragraph.line_count(list.width) as u16;
    let scroll = total.saturating_sub(list.height);
    frame.render_widget(paragraph.scroll((scroll, 0)), list);
}
