//! The Excel workbook (`--format xlsx`): the report's tables as typed sheets, minutes as numbers,
//! moments as Excel dates and times, the attendance rule per person, text never a formula.

use super::Review;
use super::tables::{Cell, Table};
use crate::journal::record::Stamp;
use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Columns of the attendance sheet before the days, and after them.
const ATTENDANCE_LEAD: [&str; 2] = ["programme", "name"];
const ATTENDANCE_TAIL: [&str; 4] = ["days_present", "days", "percentage", "rule_met"];
/// Widest a column is made, in characters.
const WIDEST: usize = 60;

/// The sheets of a workbook, in order; `notes` only when the review kept the notes.
pub fn sheet_names(review: &Review) -> Vec<&'static str> {
    let mut names = vec![
        "sessions",
        "blocks",
        "dilemmas",
        "groups",
        "attendance",
        "evaluations",
        "grades",
        "answers",
        "wishes",
        "harvest",
    ];
    if review.privacy.notes {
        names.push("notes");
    }
    names
}

struct Formats {
    head: Format,
    time: Format,
    date_time: Format,
    percent: Format,
}

/// The workbook's bytes.
pub fn render(review: &Review) -> Result<Vec<u8>, String> {
    build(review).map_err(|e| format!("cannot build the workbook: {e}"))
}

fn build(review: &Review) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats {
        head: Format::new().set_bold(),
        time: Format::new().set_num_format("hh:mm"),
        date_time: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        percent: Format::new().set_num_format("0%"),
    };
    let mut book = Workbook::new();
    for name in sheet_names(review) {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        match name {
            "sessions" => whole(sheet, Table::Sessions, review, &formats)?,
            "blocks" => whole(sheet, Table::Blocks, review, &formats)?,
            "dilemmas" => whole(sheet, Table::Dilemmas, review, &formats)?,
            "groups" => whole(sheet, Table::Groups, review, &formats)?,
            "attendance" => attendance(sheet, review, &formats)?,
            "evaluations" => whole(sheet, Table::Evaluations, review, &formats)?,
            "grades" => whole(sheet, Table::Grades, review, &formats)?,
            "answers" => whole(sheet, Table::Answers, review, &formats)?,
            "wishes" => whole(sheet, Table::Wishes, review, &formats)?,
            "harvest" => notes(sheet, review, &["outcome", "takeaway"], &formats)?,
            _ => notes(sheet, review, &["note", "card_note"], &formats)?,
        }
    }
    book.save_to_buffer()
}

/// A whole table as one sheet.
fn whole(sheet: &mut Worksheet, t: Table, review: &Review, f: &Formats) -> Result<(), XlsxError> {
    table(sheet, t.header(), &t.rows(review), f)
}

/// The notes table's rows of the given kinds.
fn notes(
    sheet: &mut Worksheet,
    review: &Review,
    kinds: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    let rows: Vec<Vec<Cell>> = Table::Notes
        .rows(review)
        .into_iter()
        .filter(|row| matches!(row.get(3), Some(Cell::Text(k)) if kinds.contains(&k.as_str())))
        .collect();
    table(sheet, Table::Notes.header(), &rows, f)
}

/// A header row (bold, frozen) and the rows, each column as wide as its widest cell.
fn table(
    sheet: &mut Worksheet,
    header: &[&str],
    rows: &[Vec<Cell>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &f.head)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let width = write(sheet, r, c as u16, cell, f)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).min(WIDEST) as f64 + 2.0)?;
    }
    Ok(())
}

/// Write one typed cell; returns how many characters wide it reads.
fn write(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<usize, XlsxError> {
    Ok(match cell {
        // A string cell is never a formula, whatever it starts with.
        Cell::Text(t) => {
            sheet.write_string(r, c, t)?;
            t.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        }
        Cell::Minutes(m) => {
            sheet.write_number(r, c, *m)?;
            m.to_string().len()
        }
        Cell::Count(n) => {
            sheet.write_number(r, c, *n as f64)?;
            n.to_string().len()
        }
        Cell::Number(x) => {
            sheet.write_number(r, c, *x)?;
            x.to_string().len()
        }
        Cell::Flag(b) => {
            sheet.write_boolean(r, c, *b)?;
            5
        }
        Cell::Time(Some(at)) => {
            sheet.write_datetime_with_format(r, c, excel_time(at)?, &f.time)?;
            5
        }
        Cell::DateTime(Some(at)) => {
            sheet.write_datetime_with_format(r, c, excel_time(at)?, &f.date_time)?;
            16
        }
        Cell::Time(None) | Cell::DateTime(None) | Cell::Empty => 0,
    })
}

/// A moment as Excel's date and time in the moment's own offset (Excel has no time zones).
fn excel_time(at: &Stamp) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(at.year()).unwrap_or(1900);
    ExcelDateTime::from_ymd(year, at.month() as u8, at.day() as u8)?.and_hms(
        at.hour() as u16,
        at.minute() as u8,
        at.second(),
    )
}

/// One row per person per programme (a session outside any programme counts as one of one day):
/// present per day, days present, the percentage, and whether the attendance rule is met.
fn attendance(sheet: &mut Worksheet, review: &Review, f: &Formats) -> Result<(), XlsxError> {
    let rows = attendance_rows(review);
    let days = rows.iter().map(|r| r.days.len()).max().unwrap_or(0);
    let mut header: Vec<String> = ATTENDANCE_LEAD.iter().map(|s| s.to_string()).collect();
    header.extend((1..=days).map(|d| format!("day_{d}")));
    header.extend(ATTENDANCE_TAIL.iter().map(|s| s.to_string()));
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::Text(row.group.clone()), Cell::Text(row.name.clone())];
            cells.extend((0..days).map(|d| match row.days.get(d).copied().flatten() {
                Some(present) => Cell::Flag(present),
                None => Cell::Empty,
            }));
            cells.push(Cell::Count(row.present as i64));
            cells.push(Cell::Count(row.days.len() as i64));
            cells
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table(sheet, &header, &cells, f)?;
    let percent_col = (ATTENDANCE_LEAD.len() + days + 2) as u16;
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_number_with_format(r, percent_col, row.share(), &f.percent)?;
        if let Some(met) = row.rule_met(review.attendance_rule) {
            sheet.write_boolean(r, percent_col + 1, met)?;
        }
    }
    Ok(())
}

/// A person's attendance over the days of one programme.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceRow {
    pub group: String,
    pub name: String,
    /// Per day: present, absent, or not on that day's list.
    pub days: Vec<Option<bool>>,
    pub present: usize,
}

impl AttendanceRow {
    /// Days present over the programme's days (0.0 to 1.0).
    pub fn share(&self) -> f64 {
        if self.days.is_empty() {
            0.0
        } else {
            self.present as f64 / self.days.len() as f64
        }
    }

    /// Whether the share reaches `rule` percent; `None` without a rule.
    pub fn rule_met(&self, rule: Option<u8>) -> Option<bool> {
        rule.map(|percent| self.present * 100 >= usize::from(percent) * self.days.len())
    }
}

/// Attendance per person: every programme, then each session outside a programme.
pub fn attendance_rows(review: &Review) -> Vec<AttendanceRow> {
    let mut rows = Vec::new();
    for p in &review.programmes {
        for (i, (name, days)) in p.people.iter().zip(&p.attendance).enumerate() {
            rows.push(AttendanceRow {
                group: p.name.clone(),
                name: name.clone(),
                days: days.clone(),
                present: p.days_present(i),
            });
        }
    }
    for (i, summary) in review.sessions.iter().enumerate() {
        if review.programme_of(i).is_some() {
            continue;
        }
        let log = &review.logs[i].1;
        for name in super::session::people_of(log) {
            let here = crate::engine::clock::is_present(log, &name);
            rows.push(AttendanceRow {
                group: summary.id.clone(),
                name,
                days: vec![Some(here)],
                present: usize::from(here),
            });
        }
    }
    rows
}
