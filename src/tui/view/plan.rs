//! The plan editor (key A): the day's blocks with their projected start, marked when changed
//! live; [ ] move, b and i insert, d drops (after a question). Also its and reload's messages.

use super::format;
use crate::engine::agenda::{Standing, agenda};
use crate::engine::plan::changed_live;
use crate::engine::{InsertKind, PlanRefusal};
use crate::i18n::Lang;
use crate::journal::record::Stamp;
use crate::tui::app::App;
use crate::tui::reload::Outcome;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub struct PlanStrings {
    pub title: &'static str,
    pub keys: &'static str,
    pub end: &'static str,
    pub dropped: &'static str,
    pub drop_question: &'static str,
    pub drop_kept: &'static str,
    pub break_title: &'static str,
    pub plenary_title: &'static str,
    pub not_ahead: &'static str,
    pub has_run: &'static str,
    pub at_edge: &'static str,
    pub would_pass_run: &'static str,
    pub no_such_block: &'static str,
    pub reloaded: &'static str,
    pub reloaded_changed: &'static str,
    /// A coming block, coming blocks.
    pub blocks: (&'static str, &'static str),
    pub invalid: &'static str,
    pub does_not_fit: &'static str,
}

const NL: PlanStrings = PlanStrings {
    title: " Agenda aanpassen (A) ",
    keys: "↑↓ kies · [ ] schuif · b pauze · i blok · d schrap · Esc",
    end: "einde gepland {} → verwacht {} ({})",
    dropped: "geschrapt: {}",
    drop_question: "Blok \"{}\" schrappen? y: ja · andere toets: nee",
    drop_kept: "De log bewaart het, gemarkeerd als geschrapt.",
    break_title: "Pauze",
    plenary_title: "Plenair",
    not_ahead: "dit blok is gedaan of loopt; alleen komende blokken schuiven of vervallen",
    has_run: "dit blok heeft al gelopen; het blijft staan",
    at_edge: "verder kan dit blok niet schuiven",
    would_pass_run: "dit blok kan niet voorbij een blok dat al liep",
    no_such_block: "dat blok is er niet",
    reloaded: "sessiebestand opnieuw geladen",
    reloaded_changed: "sessiebestand opnieuw geladen; {} gewijzigd",
    blocks: ("komend blok", "komende blokken"),
    invalid: "sessiebestand niet geladen, het oude blijft: {}",
    does_not_fit: "sessiebestand niet geladen, het past niet meer bij deze run: {}",
};
const EN: PlanStrings = PlanStrings {
    title: " Edit the plan (A) ",
    keys: "↑↓ pick · [ ] move · b break · i block · d drop · Esc",
    end: "end planned {} → expected {} ({})",
    dropped: "dropped: {}",
    drop_question: "Drop block \"{}\"? y: yes · any other key: no",
    drop_kept: "The log keeps it, marked dropped.",
    break_title: "Break",
    plenary_title: "Plenary",
    not_ahead: "this block is done or running; only coming blocks move or go",
    has_run: "this block has already run; it stays",
    at_edge: "this block cannot move further",
    would_pass_run: "this block cannot pass a block that already ran",
    no_such_block: "there is no such block",
    reloaded: "session file reloaded",
    reloaded_changed: "session file reloaded; {} changed",
    blocks: ("coming block", "coming blocks"),
    invalid: "session file not loaded, keeping the old one: {}",
    does_not_fit: "session file not loaded, it no longer fits this run: {}",
};

/// The title of an inserted block when none was typed.
pub fn default_title(kind: InsertKind, lang: Lang) -> &'static str {
    let strings = lang.pick(&NL, &EN);
    match kind {
        InsertKind::Break => strings.break_title,
        InsertKind::Plenary => strings.plenary_title,
    }
}

/// Why the plan did not change, in one line.
pub fn refusal(why: PlanRefusal, lang: Lang) -> String {
    let strings = lang.pick(&NL, &EN);
    match why {
        PlanRefusal::NotAhead => strings.not_ahead,
        PlanRefusal::HasRun => strings.has_run,
        PlanRefusal::AtEdge => strings.at_edge,
        PlanRefusal::WouldPassRun => strings.would_pass_run,
        PlanRefusal::NoSuchBlock => strings.no_such_block,
    }
    .to_string()
}

/// What a reload did, in one line.
pub fn reload_message(outcome: &Outcome, lang: Lang) -> String {
    let strings = lang.pick(&NL, &EN);
    match outcome {
        Outcome::Reloaded { changed_blocks: 0 } => strings.reloaded.to_string(),
        Outcome::Reloaded { changed_blocks } => {
            let blocks = format::count(*changed_blocks as u64, strings.blocks);
            format::fill(strings.reloaded_changed, &[&blocks])
        }
        Outcome::Invalid(why) => format::fill(strings.invalid, &[why]),
        Outcome::DoesNotFit(why) => format::fill(strings.does_not_fit, &[why]),
    }
}

/// The plan editor over `area`, block `cursor` highlighted.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let log = app.engine().log();
    let plan = agenda(log, now);
    // Wide screens get long titles whole: up to 110 columns, 72 on a laptop's 80.
    let width = area.width.saturating_sub(8).clamp(72.min(area.width), 110);
    let room = usize::from(width.saturating_sub(4));
    let mut rows: Vec<Line> = plan
        .rows
        .iter()
        .zip(&log.blocks)
        .enumerate()
        .map(|(i, (row, block))| {
            let mark = match row.standing {
                Standing::Done => "✓",
                Standing::Current => "▶",
                Standing::Coming => " ",
            };
            let start = format::time_of_day(row.actual_start.unwrap_or(row.projected_start));
            let minutes = format::duration(crate::engine::clock::allotted(block));
            let changed = changed_live(block)
                .map(|c| format!(" · {}", c.describe(app.settings.lang)))
                .unwrap_or_default();
            let text = format!("{start} {mark} {} ({minutes}){changed}", row.title);
            let style = if i == cursor {
                theme.selected()
            } else if row.standing == Standing::Coming {
                theme.text()
            } else {
                theme.dim()
            };
            Line::styled(format!(" {}", super::pick_list::cut(&text, room)), style)
        })
        .collect();
    let fixed = 3 + usize::from(!log.dropped.is_empty());
    let height = (rows.len() + fixed + 2).min(usize::from(area.height)) as u16;
    // Keep the highlighted block in view when the list is longer than the popup.
    let visible = usize::from(height.saturating_sub(2))
        .saturating_sub(fixed)
        .max(1);
    let first = cursor.saturating_sub(visible - 1).min(rows.len());
    rows.drain(..first);
    rows.truncate(visible);
    rows.push(Line::raw(""));
    if !log.dropped.is_empty() {
        let titles: Vec<&str> = log.dropped.iter().map(|b| b.title.as_str()).collect();
        rows.push(Line::styled(
            format!(" {}", format::fill(strings.dropped, &[&titles.join(", ")])),
            theme.dim(),
        ));
    }
    rows.push(Line::styled(
        format!(
            " {}",
            format::fill(
                strings.end,
                &[
                    &format::time_of_day(plan.day.planned_end),
                    &format::time_of_day(plan.day.projected_end),
                    &format::slip(plan.day.slip),
                ]
            )
        ),
        theme.text(),
    ));
    rows.push(Line::styled(format!(" {}", strings.keys), theme.dim()));
    let popup = super::centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(rows).style(theme.base()).block(
            Block::new()
                .borders(Borders::ALL)
                .title(strings.title)
                .border_style(theme.accent()),
        ),
        popup,
    );
}

/// "Drop block …?" over the plan editor.
pub fn draw_drop(frame: &mut Frame, area: Rect, app: &App, index: usize) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let title = app
        .engine()
        .log()
        .blocks
        .get(index)
        .map_or("", |b| b.title.as_str());
    let question = format::fill(strings.drop_question, &[title]);
    super::confirm::ask(
        frame,
        area,
        &app.settings.theme,
        &question,
        strings.drop_kept,
        7,
    );
}
