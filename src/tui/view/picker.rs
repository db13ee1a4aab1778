//! The picker screen (sessions to choose from, grouped, with `?` help; see picker_list.rs) and
//! the question "continue or start anew". Like the runner both degrade to one line below 20x5.

use crate::i18n::Lang;
use crate::tui::key_table;
use crate::tui::picker::{Answer, Picker, Question};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

pub struct PickerStrings {
    pub title: &'static str,
    pub keys: &'static str,
    /// The keys when a session in the list has an unfinished run.
    pub keys_unfinished: &'static str,
    pub none: &'static str,
    /// The question before a session with an unfinished run.
    pub question: &'static str,
    pub stopped_at: &'static str,
    pub of: &'static str,
    pub begun: &'static str,
    pub log: &'static str,
    pub resume: &'static str,
    pub anew: &'static str,
    pub anew_note: &'static str,
    pub question_keys: &'static str,
    /// The title of the key help (`?`).
    pub help: &'static str,
}

const NL: PickerStrings = PickerStrings {
    title: "regie — kies een sessie",
    keys: "↑↓ Home End kiezen · Enter starten · ? hulp · q stoppen",
    keys_unfinished: "↑↓ kiezen · Enter starten · ↻ onderbroken run · ? hulp · q stoppen",
    none: "Geen sessies gevonden (ingebouwd of in ./sessions).",
    question: "Deze sessie heeft een onderbroken run",
    stopped_at: "Gestopt bij blok",
    of: "van",
    begun: "begonnen",
    log: "log:",
    resume: "Doorgaan waar de run stopte",
    anew: "Opnieuw beginnen",
    anew_note: "(de oude log blijft bewaard, gemarkeerd als afgebroken)",
    question_keys: "↑↓ kiezen · Enter bevestigen · q stoppen",
    help: " Toetsen (? of Esc sluit) ",
};
const EN: PickerStrings = PickerStrings {
    title: "regie — pick a session",
    keys: "↑↓ Home End choose · Enter run · ? help · q quit",
    keys_unfinished: "↑↓ choose · Enter run · ↻ unfinished run · ? help · q quit",
    none: "No sessions found (bundled or in ./sessions).",
    question: "This session has an unfinished run",
    stopped_at: "Stopped at block",
    of: "of",
    begun: "begun",
    log: "log:",
    resume: "Continue where the run stopped",
    anew: "Start anew",
    anew_note: "(the old log is kept, marked abandoned)",
    question_keys: "↑↓ choose · Enter confirm · q quit",
    help: " Keys (? or Esc closes) ",
};

pub fn draw(frame: &mut Frame, picker: &Picker, theme: &Theme, lang: Lang) {
    let strings = lang.pick(&NL, &EN);
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base()), area);
    if area.width < super::MIN_WIDTH || area.height < super::MIN_HEIGHT {
        super::too_small(frame, area, lang, theme.text());
        return;
    }
    let [top, _, list, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(strings.title, theme.title())),
        top,
    );
    let any_unfinished = picker.choices.iter().any(|c| c.unfinished.is_some());
    let key_line = if any_unfinished {
        strings.keys_unfinished
    } else {
        strings.keys
    };
    frame.render_widget(Paragraph::new(Line::styled(key_line, theme.dim())), keys);
    if picker.choices.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(strings.none, theme.dim())),
            list,
        );
    } else {
        let lines = super::picker_list::lines(picker, usize::from(list.width), theme, lang);
        let from = first_shown(&lines, picker.cursor, usize::from(list.height));
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(from)
            .take(usize::from(list.height))
            .map(|(line, _)| line)
            .collect();
        frame.render_widget(Paragraph::new(shown), list);
    }
    if picker.help {
        let keys = key_table::picker_help_lines(lang);
        super::help::popup(frame, area, theme, strings.help, &keys);
    }
}

/// The first line to show so that the whole of the chosen session is in view (its first
/// line when it is taller than the list), and the list starts at its top when it can.
fn first_shown(lines: &[(Line, Option<usize>)], cursor: usize, height: usize) -> usize {
    let first = lines.iter().position(|(_, of)| *of == Some(cursor));
    let first = first.unwrap_or(0);
    let last = lines.iter().rposition(|(_, of)| *of == Some(cursor));
    let last = last.unwrap_or(first);
    (last + 1).saturating_sub(height.max(1)).min(first)
}

/// The question before a session with an unfinished run: where it stopped, and the two
/// answers (continue highlighted by default).
pub fn draw_question(frame: &mut Frame, question: &Question, theme: &Theme, lang: Lang) {
    let strings = lang.pick(&NL, &EN);
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base()), area);
    if area.width < super::MIN_WIDTH || area.height < super::MIN_HEIGHT {
        super::too_small(frame, area, lang, theme.text());
        return;
    }
    // The answers always keep their three lines; what the run was gets the rest.
    let [body, answers, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let run = &question.run;
    let answer = |answer: Answer, text: &'static str| {
        let chosen = question.cursor == answer;
        let (marker, style) = if chosen {
            ("▶ ", theme.selected())
        } else {
            ("  ", theme.text())
        };
        Line::styled(format!("{marker}{text}"), style)
    };
    let lines = vec![
        Line::styled(format!("regie — {}", question.title), theme.title()),
        Line::default(),
        Line::styled(strings.question, theme.warning()),
        Line::styled(
            format!(
                "{} {} {} {}: {} ({} {})",
                strings.stopped_at,
                run.block + 1,
                strings.of,
                run.blocks,
                run.block_title,
                strings.begun,
                lang.date_time(&run.created)
            ),
            theme.text(),
        ),
        Line::styled(format!("{} {}", strings.log, run.log), theme.dim()),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        body,
    );
    let choices = vec![
        answer(Answer::Continue, strings.resume),
        answer(Answer::StartAnew, strings.anew),
        Line::styled(format!("  {}", strings.anew_note), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(choices), answers);
    frame.render_widget(
        Paragraph::new(Line::styled(strings.question_keys, theme.dim())),
        keys,
    );
}
