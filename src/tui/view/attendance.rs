//! The attendance overlay (key w): the cohort, who is present; arrows move, Enter or space
//! toggles. Each change is recorded with its time and used by rounds and groups.

use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub struct AttendanceStrings {
    pub title: &'static str,
    /// The title while a name is typed.
    pub finding: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub nobody: &'static str,
}

const NL: AttendanceStrings = AttendanceStrings {
    title: " Aanwezig {}/{} · typ een naam · Enter wisselt · Esc sluit ",
    finding: " Aanwezig {}/{} · zoek: {} · Enter wisselt · Esc sluit ",
    present: "aanwezig",
    absent: "afwezig",
    nobody: "Deze sessie heeft geen cohort.",
};
const EN: AttendanceStrings = AttendanceStrings {
    title: " Present {}/{} · type a name · Enter toggles · Esc closes ",
    finding: " Present {}/{} · find: {} · Enter toggles · Esc closes ",
    present: "present",
    absent: "absent",
    nobody: "This session has no cohort.",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, cursor: usize) {
    let strings = app.settings.lang.pick(&NL, &EN);
    let theme = &app.settings.theme;
    let people = &app.engine().log().participants;
    let present = people.iter().filter(|name| app.is_present(name)).count();
    let counts = [present.to_string(), people.len().to_string()];
    let title = if app.find.is_empty() {
        super::format::fill(strings.title, &[&counts[0], &counts[1]])
    } else {
        super::format::fill(strings.finding, &[&counts[0], &counts[1], &app.find])
    };
    let list = super::pick_list::List {
        title: &title,
        len: people.len(),
        cursor,
        width: 64,
        empty: Some(strings.nobody),
    };
    super::pick_list::popup(frame, area, theme, list, |i, selected| {
        let name = &people[i];
        let here = app.is_present(name);
        let (mark, state) = if here {
            ("[x]", strings.present)
        } else {
            ("[ ]", strings.absent)
        };
        let style = if selected {
            theme.selected()
        } else if here {
            theme.text()
        } else {
            theme.dim()
        };
        Line::from(vec![
            Span::styled(format!(" {mark} {name:<28}"), style),
            Span::styled(format!(" {state}"), style),
        ])
    });
}
