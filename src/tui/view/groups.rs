//! A Breakout block: the groups in columns with each role beside its holder, the block's
//! countdown, the course plan's round or why it was not used, and the hand-swap picker.

use super::{block, format};
use crate::journal::record::Stamp;
use crate::tui::app::{App, Overlay};
use crate::tui::key_table::{self, Screen};
use crate::tui::keys::Action;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub struct GroupsStrings {
    pub group: &'static str,
    pub none: &'static str,
    /// Added after `none` on the facilitator's screen when the session has no cohort.
    pub no_cohort: &'static str,
    /// Added after `none` on the facilitator's screen.
    pub none_hint: &'static str,
    pub info: &'static str,
    /// "herhaald paar"/"herhaalde paren".
    pub repeated: (&'static str, &'static str),
    /// How many earlier days the repeats are counted over: one, or "{}" many.
    pub history: (&'static str, &'static str),
    pub swapping: &'static str,
    pub swapping_second: &'static str,
    /// Before the info line when the split came from a course plan: "plan: ronde {}".
    pub plan_round: &'static str,
    /// After the repeats when the fewest possible is known: " (minimaal mogelijk: {})".
    pub fewest: &'static str,
    /// The pairs who met before, on the facilitator's screen only: "Herhaald: {}".
    pub pairs: &'static str,
    /// The group size asked for (script or `]`/`[`): "groepjes van {}".
    pub size: &'static str,
}

const NL: GroupsStrings = GroupsStrings {
    group: "Groep {}",
    none: "Nog geen groepen",
    none_hint: " — {}: indelen",
    no_cohort: " — de sessie heeft geen cohort (zet cohort: in het sessiebestand)",
    info: "{} · {} · {} · {} · seed {}",
    repeated: ("herhaald paar", "herhaalde paren"),
    history: ("historie: 1 dag", "historie: {} dagen"),
    swapping: "Wisselen: kies de eerste naam (pijltjes, Enter) — Esc stopt",
    swapping_second: "Wisselen: {} met … (pijltjes, Enter) — Esc stopt",
    plan_round: "plan: ronde {} · ",
    fewest: " (minimaal mogelijk: {})",
    pairs: "Herhaald: {}",
    size: "groepjes van {}",
};
const EN: GroupsStrings = GroupsStrings {
    group: "Group {}",
    none: "No groups yet",
    none_hint: " — {}: split",
    no_cohort: " — the session has no cohort (add cohort: to the session file)",
    info: "{} · {} · {} · {} · seed {}",
    repeated: ("repeated pair", "repeated pairs"),
    history: ("history: 1 day", "history: {} days"),
    swapping: "Swap: pick the first name (arrows, Enter) — Esc stops",
    swapping_second: "Swap: {} with … (arrows, Enter) — Esc stops",
    plan_round: "plan: round {} · ",
    fewest: " (fewest possible: {})",
    pairs: "Repeated: {}",
    size: "groups of {}",
};

/// The parts of `text` (separated by " · ") in lines of at most `width` columns, broken only
/// between parts; a part wider than a line gets a line of its own.
fn pack(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in text.split(" · ") {
        match lines.last_mut() {
            Some(line) if Line::raw(format!("{line} · {part}")).width() <= width => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.to_string()),
        }
    }
    lines
}

/// Narrowest column a group gets.
const MIN_COLUMN: u16 = 14;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Stamp) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let Some(rest) = block::title_with_clock(frame, area, app, now, 24) else {
        return;
    };
    let Some(split) = app.current_split() else {
        let hint = if app.engine().log().participants.is_empty() {
            strings.no_cohort.to_string()
        } else {
            format::fill(strings.none_hint, &[key_table::key_of(&Action::Reshuffle)])
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!("{}{hint}", strings.none), theme.dim()))
                .wrap(Wrap { trim: true })
                .centered(),
            rest,
        );
        return;
    };
    let (cursor, first) = match &app.overlay {
        Overlay::Swap { cursor, first } => (Some(*cursor), first.clone()),
        _ => (None, None),
    };
    let info = match &first {
        Some(name) => format::fill(strings.swapping_second, &[name]),
        None if cursor.is_some() => strings.swapping.to_string(),
        None => {
            split
                .plan_round
                .map(|round| format::fill(strings.plan_round, &[&round.to_string()]))
                .unwrap_or_default()
                + &format::fill(
                    strings.info,
                    &[
                        &format::fill(
                            strings.size,
                            &[&app.engine().group_size().unwrap_or_default().to_string()],
                        ),
                        &(format::count(split.score.repeated_pairs, strings.repeated)
                            + &split
                                .score
                                .fewest_repeats
                                .map(|b| format::fill(strings.fewest, &[&b.to_string()]))
                                .unwrap_or_default()),
                        &match app.engine().history().days {
                            1 => strings.history.0.to_string(),
                            days => format::fill(strings.history.1, &[&days.to_string()]),
                        },
                        &key_table::hint(Screen::Groups, app.settings.lang),
                        &split.seed.to_string(),
                    ],
                )
        }
    };
    let trouble = app.engine().plan_trouble();
    let pairs: Vec<String> = app
        .engine()
        .repeated_in_split()
        .into_iter()
        .map(|(a, b, met)| format!("{a} + {b} ({met}×)"))
        .collect();
    // The info line goes onto a second line, between its parts, when the screen is too
    // narrow for it (and tall enough).
    let info_lines = match rest.height {
        0..=2 => Vec::new(),
        3..=7 => vec![info],
        _ => {
            let mut lines = pack(&info, usize::from(rest.width));
            lines.truncate(2);
            lines
        }
    };
    let info_height = info_lines.len() as u16;
    let [grid, trouble_row, pairs_row, info_row] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(u16::from(trouble.is_some() && rest.height >= 6)),
        Constraint::Length(u16::from(!pairs.is_empty() && rest.height >= 8)),
        Constraint::Length(info_height),
    ])
    .areas(rest);
    if !pairs.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                format::fill(strings.pairs, &[&pairs.join(", ")]),
                theme.dim(),
            )),
            pairs_row,
        );
    }
    if let Some(trouble) = &trouble {
        frame.render_widget(
            Paragraph::new(Line::styled(
                trouble.describe(app.settings.lang),
                theme.warning(),
            )),
            trouble_row,
        );
    }
    let role_of = |name: &str| -> Option<String> {
        let held: Vec<&str> = split
            .roles
            .iter()
            .filter(|(holder, _)| holder == name)
            .map(|(_, role)| role.as_str())
            .collect();
        (!held.is_empty()).then(|| format!(" ({})", held.join(", ")))
    };
    let info_style = if cursor.is_some() {
        theme.accent()
    } else {
        theme.dim()
    };
    let info_lines: Vec<Line> = info_lines
        .into_iter()
        .map(|line| Line::styled(line, info_style))
        .collect();
    frame.render_widget(Paragraph::new(info_lines), info_row);

    let count = split.groups.len().max(1) as u16;
    // As few bands (rows of groups) as the width allows, the groups spread evenly over them.
    let bands = count.div_ceil((grid.width / MIN_COLUMN).clamp(1, count));
    let per_row = count.div_ceil(bands);
    let tallest = split.groups.iter().map(Vec::len).max().unwrap_or(0) as u16;
    // In columns a role goes on its own line under its holder's name.
    let per_member: u16 = if split.roles.is_empty() { 1 } else { 2 };
    let name_style = |g: usize, row: usize, name: &str| {
        if cursor == Some((g, row)) {
            theme.selected()
        } else if first.as_deref() == Some(name) {
            theme.warning().add_modifier(Modifier::REVERSED)
        } else if app.is_present(name) {
            theme.title()
        } else {
            theme.dim()
        }
    };
    if bands * (tallest * per_member + 1) > grid.height {
        // Too low for columns: one line per group.
        let lines: Vec<Line> = split
            .groups
            .iter()
            .enumerate()
            .map(|(g, names)| {
                let mut spans = vec![Span::styled(format!("{} ", g + 1), theme.accent())];
                for (row, name) in names.iter().enumerate() {
                    if row > 0 {
                        spans.push(Span::styled(" · ", theme.dim()));
                    }
                    spans.push(Span::styled(name.clone(), name_style(g, row, name)));
                    if let Some(role) = role_of(name) {
                        spans.push(Span::styled(role, theme.dim()));
                    }
                }
                Line::from(spans)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), grid);
        return;
    }
    // Blank rows between names, then between bands of groups, when there is room: easier to
    // read from a distance.
    let band_rows = |spacing: u16, gap: u16| 1 + tallest * (per_member + spacing) + gap;
    let (spacing, gap) = [(1, 1), (0, 1), (0, 0)]
        .into_iter()
        .find(|&(s, g)| bands * band_rows(s, g) <= grid.height)
        .unwrap_or((0, 0));
    let band_height = band_rows(spacing, gap);
    let top = grid.y + grid.height.saturating_sub(bands * band_height) / 2;
    let width = grid.width / per_row;
    for (g, names) in split.groups.iter().enumerate() {
        let band = g as u16 / per_row;
        let column = g as u16 % per_row;
        // A shorter last band is centred under the others.
        let in_band = per_row.min(count - band * per_row);
        let cell = Rect {
            x: grid.x + (grid.width - in_band * width) / 2 + column * width,
            y: top + band * band_height,
            width,
            height: band_height,
        }
        .intersection(grid);
        let mut lines = vec![Line::styled(
            format::fill(strings.group, &[&(g + 1).to_string()]),
            theme.accent(),
        )];
        for (row, name) in names.iter().enumerate() {
            if spacing > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(name.clone(), name_style(g, row, name)));
            if per_member > 1 {
                let role = role_of(name).unwrap_or_default();
                lines.push(Line::styled(role.trim().to_string(), theme.dim()));
            }
        }
        frame.render_widget(Paragraph::new(lines).centered(), cell);
    }
}

#[cfg(test)]
mod tests {
    use super::pack;

    #[test]
    fn the_info_line_breaks_between_its_parts_never_inside_one() {
        let info = "groepjes van 3 · 0 herhaalde paren · r opnieuw · x wisselen · seed 42";
        assert_eq!(pack(info, 200), [info]);
        assert_eq!(
            pack(info, 40),
            [
                "groepjes van 3 · 0 herhaalde paren",
                "r opnieuw · x wisselen · seed 42"
            ]
        );
        // A part wider than the line stands alone (the screen cuts it).
        assert_eq!(pack("abcdef · g", 3), ["abcdef", "g"]);
    }
}
