//! A Harvest block: the takeaways typed so far, newest at the bottom, with the block's
//! countdown. Enter opens the input; each Enter records one line and keeps it open.

use super::{big, block};
use crate::journal::record::Stamp;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct HarvestStrings {
    pub empty: &'static str,
}

const NL: HarvestStrings = HarvestStrings {
    empty: "Nog niets geoogst — Enter: typ wat de groep meeneemt",
};
const EN: HarvestStrings = HarvestStrings {
    empty: "Nothing harvested yet — Enter: type what the group takes away",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let (Some(block_log), Some(clock)) = (app.current_block(), app.block_clock(now)) else {
        return;
    };
    let clock_text = block::clock_text(&clock);
    let title_width = block_log.title.chars().count() as u16 + 2;
    let clock_rows = if area.height >= 16 {
        big::rows_needed(&clock_text, area.width.saturating_sub(title_width), 4)
    } else {
        1
    };
    let [top, gap, list] = Layout::vertical([
        Constraint::Length(clock_rows),
        Constraint::Length(u16::from(area.height > clock_rows + 2)),
        Constraint::Min(0),
    ])
    .areas(area);
    let _ = gap;
    let [title_area, clock_area] = Layout::horizontal([
        Constraint::Length(title_width.min(top.width)),
        Constraint::Min(0),
    ])
    .areas(top);
    frame.render_widget(
        Paragraph::new(Line::styled(block_log.title.clone(), theme.title())),
        title_area,
    );
    let style = block::clock_style(&clock, theme);
    if clock_rows > 1 {
        big::draw(frame, clock_area, &clock_text, style);
    } else {
        frame.render_widget(
            Paragraph::new(Line::styled(clock_text, style)).right_aligned(),
            clock_area,
        );
    }

    if block_log.takeaways.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(strings.empty, theme.dim())).wrap(Wrap { trim: true }),
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
