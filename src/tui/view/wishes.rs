//! A Wishes block on the facilitator's screen: each person's learning wish (from an earlier day or
//! typed today) and where they stand now; Enter opens the panel that types them. Never on the room.

use super::block;
use crate::engine::wishes::WishRow;
use crate::journal::record::Stamp;
use crate::tui::app::App;
use crate::tui::key_table::key_of;
use crate::tui::keys::Action;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct WishesStrings {
    /// Under the title when nobody has a wish yet.
    pub empty: &'static str,
    pub title: &'static str,
    /// The title while a name is typed.
    pub finding: &'static str,
    /// In place of a wish nobody typed yet.
    pub no_wish: &'static str,
    /// Before where someone stands today.
    pub now: &'static str,
    /// Before where someone stood on the latest earlier day.
    pub before: &'static str,
    pub nobody: &'static str,
}

const NL: WishesStrings = WishesStrings {
    empty: "Nog geen leerwensen — {}: typ per persoon één regel",
    title: " Leerwensen · {}/{} vandaag · typ een naam · Enter typt · Esc sluit ",
    finding: " Leerwensen · {}/{} vandaag · zoek: {} · Enter typt · Esc sluit ",
    no_wish: "(nog geen leerwens)",
    now: "nu: ",
    before: "vorige keer: ",
    nobody: "Deze sessie heeft geen cohort.",
};
const EN: WishesStrings = WishesStrings {
    empty: "No learning wishes yet — {}: type one line per person",
    title: " Learning wishes · {}/{} today · type a name · Enter types · Esc closes ",
    finding: " Learning wishes · {}/{} today · find: {} · Enter types · Esc closes ",
    no_wish: "(no learning wish yet)",
    now: "now: ",
    before: "last time: ",
    nobody: "This session has no cohort.",
};

/// The block's title and clock, and everyone's wish under it.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let Some(below) = block::title_with_clock(frame, area, app, now, 16) else {
        return;
    };
    let gap = u16::from(below.height > 2);
    let list = Rect {
        y: below.y + gap,
        height: below.height - gap,
        ..below
    };
    let rows = app.engine().wish_rows();
    if rows.iter().all(|row| row.wish().is_none()) {
        let hint = super::format::fill(strings.empty, &[key_of(&Action::Enter)]);
        frame.render_widget(
            Paragraph::new(Line::styled(hint, theme.dim())).wrap(Wrap { trim: true }),
            list,
        );
        return;
    }
    let lines: Vec<Line> = rows
        .iter()
        .map(|row| row_line(row, strings, theme, false))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The panel over the screen: one row per person, the highlighted one is typed for on Enter.
pub fn draw_panel(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let rows = app.engine().wish_rows();
    let typed = rows.iter().filter(|r| r.typed_today().is_some()).count();
    let counts = [typed.to_string(), rows.len().to_string()];
    let title = if app.find.is_empty() {
        super::format::fill(strings.title, &[&counts[0], &counts[1]])
    } else {
        super::format::fill(strings.finding, &[&counts[0], &counts[1], &app.find])
    };
    let list = super::pick_list::List {
        title: &title,
        len: rows.len(),
        cursor,
        width: 100,
        empty: Some(strings.nobody),
    };
    super::pick_list::popup(frame, area, theme, list, |i, selected| {
        row_line(&rows[i], strings, theme, selected)
    });
}

/// "Anouk V.   Beter leren delegeren · nu: eerste stap gezet", cut at the screen's edge.
fn row_line<'a>(
    row: &'a WishRow,
    strings: &'a WishesStrings,
    theme: &Theme,
    selected: bool,
) -> Line<'a> {
    let (name, text) = if selected {
        (theme.selected(), theme.selected())
    } else if row.present {
        (theme.accent(), theme.text())
    } else {
        (theme.dim(), theme.dim())
    };
    let mut spans = vec![Span::styled(format!(" {:<20} ", row.name), name)];
    match row.wish() {
        Some(wish) => spans.push(Span::styled(wish, text)),
        None => spans.push(Span::styled(strings.no_wish, theme.dim())),
    }
    let stand = match (&row.stand, &row.stood) {
        (Some(stand), _) => Some((strings.now, stand)),
        (None, Some(stood)) => Some((strings.before, stood)),
        (None, None) => None,
    };
    if let Some((label, stand)) = stand {
        spans.push(Span::styled(" · ", theme.dim()));
        spans.push(Span::styled(label, theme.dim()));
        spans.push(Span::styled(stand.as_str(), text));
    }
    Line::from(spans)
}
