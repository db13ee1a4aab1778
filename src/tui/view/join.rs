//! The join screen (key j, with `--room`): a QR code drawn with half blocks, the address to
//! type and the join code in big type, so the room can join from their phones.

use super::big;
use crate::tui::app::{App, JoinInfo};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub struct JoinStrings {
    pub title: &'static str,
    pub scan: &'static str,
    pub code: &'static str,
    pub anonymous: &'static str,
    pub close: &'static str,
}

const NL: JoinStrings = JoinStrings {
    title: "Doe mee met je telefoon",
    scan: "Scan de QR-code, of ga naar",
    code: "en vul deze code in:",
    anonymous: "Stemmen zijn anoniem.",
    close: "j of Esc: terug",
};
const EN: JoinStrings = JoinStrings {
    title: "Join with your phone",
    scan: "Scan the QR code, or go to",
    code: "and enter this code:",
    anonymous: "Votes are anonymous.",
    close: "j or Esc: back",
};

/// Light modules around the code, in modules (scanners want a quiet zone).
const QUIET: usize = 2;
/// Columns of text beside the QR code at least.
const TEXT_MIN: u16 = 28;

/// The QR code of `text` as rows of half blocks: each row of cells holds two rows of modules
/// (`▀` upper dark, `▄` lower dark, `█` both), black on white whatever the theme.
pub fn qr_lines(text: &str) -> Option<Vec<Line<'static>>> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let dark = |x: usize, y: usize| -> bool {
        x >= QUIET
            && y >= QUIET
            && x - QUIET < width
            && y - QUIET < width
            && colors[(y - QUIET) * width + (x - QUIET)] == qrcode::Color::Dark
    };
    let side = width + 2 * QUIET;
    // Dark ink on a light ground whatever the theme: scanners need dark modules on light.
    let ink = Style::new().fg(Color::Black).bg(Color::White);
    Some(
        (0..side.div_ceil(2))
            .map(|row| {
                let cells: String = (0..side)
                    .map(|x| match (dark(x, 2 * row), dark(x, 2 * row + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    })
                    .collect();
                Line::from(Span::styled(cells, ink))
            })
            .collect(),
    )
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(join) = &app.join else {
        return;
    };
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    frame.render_widget(Clear, area);
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base()), area);
    let qr = qr_lines(&join.url).unwrap_or_default();
    let qr_width = qr.first().map_or(0, |l| l.width()) as u16;
    let qr_height = qr.len() as u16;
    let beside = area.width >= qr_width + 2 + TEXT_MIN && area.height >= qr_height;
    let below = !beside && area.height >= qr_height + 6 && area.width >= qr_width;
    let text_area = if beside {
        let y = area.y + (area.height - qr_height) / 2;
        frame.render_widget(
            Paragraph::new(qr),
            Rect::new(area.x + 1, y, qr_width, qr_height),
        );
        Rect::new(
            area.x + qr_width + 3,
            area.y,
            area.width - qr_width - 3,
            area.height,
        )
    } else if below {
        let x = area.x + (area.width - qr_width) / 2;
        frame.render_widget(
            Paragraph::new(qr),
            Rect::new(x, area.y, qr_width, qr_height),
        );
        Rect::new(
            area.x,
            area.y + qr_height,
            area.width,
            area.height - qr_height,
        )
    } else {
        area
    };
    draw_text(frame, text_area, join, strings, app);
}

/// Title, the address to type, the code in big type, the anonymity line and the way back.
fn draw_text(frame: &mut Frame, area: Rect, join: &JoinInfo, strings: &JoinStrings, app: &App) {
    let theme = &app.settings.theme;
    let head = vec![
        Line::styled(strings.title, theme.title()),
        Line::raw(""),
        Line::styled(strings.scan, theme.text()),
        Line::styled(join.base_url.clone(), theme.accent()),
        Line::styled(strings.code, theme.text()),
    ];
    let head_rows = Paragraph::new(head.clone())
        .wrap(Wrap { trim: false })
        .line_count(area.width) as u16;
    let tail_rows = 3;
    let text_rows = head_rows + tail_rows + 1;
    let big_rows = big::rows_needed(
        &join.code,
        area.width,
        area.height.saturating_sub(text_rows),
    );
    let used = head_rows + big_rows + tail_rows;
    let top = area.y + area.height.saturating_sub(used) / 2;
    let head_area = Rect::new(area.x, top, area.width, head_rows.min(area.height));
    frame.render_widget(
        Paragraph::new(head).centered().wrap(Wrap { trim: false }),
        head_area,
    );
    let bottom = area.y + area.height;
    let big_y = (top + head_rows).min(bottom);
    let big_area = Rect::new(area.x, big_y, area.width, big_rows.min(bottom - big_y));
    let big_used = big::draw(frame, big_area, &join.code, theme.title());
    let tail_y = (big_y + big_used + 1).min(bottom);
    let tail = vec![
        Line::styled(strings.anonymous, theme.text()),
        Line::styled(strings.close, theme.dim()),
    ];
    frame.render_widget(
        Paragraph::new(tail).centered(),
        Rect::new(area.x, tail_y, area.width, (bottom - tail_y).min(2)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_square_with_its_quiet_zone_and_two_module_rows_per_line() {
        let lines = qr_lines("http://192.168.1.20:7878/?code=482913").expect("a code");
        let side = lines[0].width();
        assert!(side >= 21 + 2 * QUIET, "at least version 1");
        assert_eq!(lines.len(), side.div_ceil(2));
        assert!(lines.iter().all(|l| l.width() == side));
    }
}
