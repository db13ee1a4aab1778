//! Breakout groups for the room: the block's clock over the groups, set in columns in the
//! largest size that fits them all, full names, a gap between any two; "+2 meer" where
//! nothing fits. The layout is a pure function, so a property test can check it.

use super::RoomStyle;
use super::block;
use super::fit::{self, Align, Size};
use super::strings::RoomStrings;
use crate::engine::room::{RoomBlock, RoomGroup};
use crate::text::fill;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Narrowest column when even plain text does not fit all names.
const MIN_CELL: u16 = 12;
/// Body rows from which the clock is drawn in digits above the groups.
const CLOCK_FROM: u16 = 16;

/// What a placed line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Header,
    Name,
    /// "+2 meer" or "+3 groepen".
    More,
}

/// One line of text and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub rect: Rect,
    pub text: String,
    pub kind: Kind,
    /// A name shortened with "…" because its column is narrower.
    pub cut: bool,
}

/// How one group came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub number: usize,
    pub names: usize,
    /// Members counted in a "+N meer" line instead of shown.
    pub more: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLayout {
    pub size: Size,
    pub items: Vec<Item>,
    pub shown: Vec<Shown>,
    /// Groups counted in "+N groepen" instead of shown.
    pub hidden_groups: usize,
}

/// The groups in `area`: the largest size and the most columns at which every header and
/// name fits whole; else plain columns of at least `MIN_CELL`, names cut with "…" and
/// "+N meer" for members and "+N groepen" for groups with no row left.
pub fn layout(groups: &[RoomGroup], area: Rect, strings: &RoomStrings) -> GroupLayout {
    let headers: Vec<String> = groups
        .iter()
        .map(|g| fill(strings.group, &[&g.number.to_string()]))
        .collect();
    for size in [Size::Half, Size::Quadrant, Size::Plain] {
        for columns in (1..=groups.len() as u16).rev() {
            if let Some(found) = whole(groups, &headers, area, size, columns) {
                return found;
            }
        }
    }
    squeezed(groups, &headers, area, strings)
}

fn gap_of(size: Size) -> u16 {
    match size {
        Size::Plain => 2,
        big => big.cell().0,
    }
}

/// Every group whole in `columns` columns at `size`, if that fits.
fn whole(
    groups: &[RoomGroup],
    headers: &[String],
    area: Rect,
    size: Size,
    columns: u16,
) -> Option<GroupLayout> {
    let gap = gap_of(size);
    let cell = area.width.checked_sub(gap * (columns - 1))? / columns;
    let (_, line) = size.cell();
    let fits = |text: &str| size.can_set(text) && size.width_of(text) <= cell;
    let fits_width = groups
        .iter()
        .zip(headers)
        .all(|(g, h)| fits(h) && g.members.iter().all(|m| fits(&m.0)));
    if cell == 0 || !fits_width {
        return None;
    }
    let rows: Vec<u16> = groups
        .chunks(usize::from(columns))
        .map(|row| {
            row.iter()
                .map(|g| g.members.len() as u16 + 1)
                .max()
                .unwrap_or(1)
                * line
        })
        .collect();
    let total = rows.iter().sum::<u16>() + rows.len().saturating_sub(1) as u16;
    if total > area.height {
        return None;
    }
    let mut items = Vec::new();
    let mut shown = Vec::new();
    let mut y = area.y + (area.height - total) / 2;
    for ((r, row), height) in groups.chunks(usize::from(columns)).enumerate().zip(&rows) {
        for (col, group) in row.iter().enumerate() {
            let x = area.x + col as u16 * (cell + gap);
            let header = &headers[r * usize::from(columns) + col];
            let mut put = |text: &str, kind: Kind, at: u16| {
                items.push(Item {
                    rect: Rect::new(x, at, size.width_of(text), line),
                    text: text.to_string(),
                    kind,
                    cut: false,
                })
            };
            put(header, Kind::Header, y);
            for (i, m) in group.members.iter().enumerate() {
                put(&m.0, Kind::Name, y + (i as u16 + 1) * line);
            }
            shown.push(Shown {
                number: group.number,
                names: group.members.len(),
                more: 0,
            });
        }
        y += height + 1;
    }
    Some(GroupLayout {
        size,
        items,
        shown,
        hidden_groups: 0,
    })
}

/// Plain columns when not everything fits: as many as `MIN_CELL` allows, each grid row as
/// high as the rows allow, with counts for what is left out.
fn squeezed(
    groups: &[RoomGroup],
    headers: &[String],
    area: Rect,
    strings: &RoomStrings,
) -> GroupLayout {
    let gap = gap_of(Size::Plain);
    let count = groups.len().max(1) as u16;
    let columns = ((area.width + gap) / (MIN_CELL + gap)).clamp(1, count);
    let cell = (area.width.saturating_sub(gap * (columns - 1)) / columns).max(1);
    let grid_rows = count.div_ceil(columns);
    let shown_rows = grid_rows.min(area.height.max(1));
    let per_row = (area.height / shown_rows).max(1);
    let capacity = usize::from(shown_rows * columns);
    let hidden_groups = if groups.len() > capacity {
        groups.len() - capacity + 1
    } else {
        0
    };
    let visible = groups.len() - hidden_groups;
    let mut items = Vec::new();
    let mut shown = Vec::new();
    let cut = |text: &str| -> (String, bool) {
        let max = usize::from(cell);
        if text.chars().count() <= max {
            (text.to_string(), false)
        } else {
            let kept: String = text.chars().take(max.saturating_sub(1)).collect();
            (format!("{kept}…"), true)
        }
    };
    let mut place = |text: &str, kind: Kind, x: u16, y: u16| {
        let (text, was_cut) = cut(text);
        items.push(Item {
            rect: Rect::new(x, y, Size::Plain.width_of(&text), 1),
            text,
            kind,
            cut: was_cut && kind == Kind::Name,
        });
    };
    for (i, group) in groups.iter().take(visible).enumerate() {
        let (row, col) = (i as u16 / columns, i as u16 % columns);
        let x = area.x + col * (cell + gap);
        let y = area.y + row * per_row;
        let members = group.members.len();
        let lines = usize::from(per_row - 1);
        let names = if members <= lines {
            members
        } else {
            lines.saturating_sub(1)
        };
        let more = members - names;
        let header = &headers[i];
        if lines == 0 && more > 0 {
            place(&format!("{header} +{more}"), Kind::More, x, y);
        } else {
            place(header, Kind::Header, x, y);
            for (j, m) in group.members.iter().take(names).enumerate() {
                place(&m.0, Kind::Name, x, y + 1 + j as u16);
            }
            if more > 0 {
                let more_text = fill(strings.more, &[&more.to_string()]);
                place(&more_text, Kind::More, x, y + 1 + names as u16);
            }
        }
        shown.push(Shown {
            number: group.number,
            names,
            more,
        });
    }
    if hidden_groups > 0 {
        let i = visible as u16;
        let (row, col) = (i / columns, i % columns);
        let text = match hidden_groups {
            1 => strings.more_group.to_string(),
            n => fill(strings.more_groups, &[&n.to_string()]),
        };
        place(
            &text,
            Kind::More,
            area.x + col * (cell + gap),
            area.y + row * per_row,
        );
    }
    GroupLayout {
        size: Size::Plain,
        items,
        shown,
        hidden_groups,
    }
}

pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    block: &RoomBlock,
    groups: Option<&[RoomGroup]>,
    style: &RoomStyle,
) {
    let strings = style.strings();
    let Some(groups) = groups.filter(|g| !g.is_empty()) else {
        block::waiting(
            buf,
            area,
            block,
            strings.no_groups,
            style.theme.dim(),
            style,
        );
        return;
    };
    let rest = if area.height >= CLOCK_FROM {
        let top = Rect {
            height: (area.height / 6).clamp(4, 8),
            ..area
        };
        block::title_beside_clock(buf, top, &block.title, &block.clock, style);
        Rect {
            y: top.bottom() + 1,
            height: area.height - top.height - 1,
            ..area
        }
    } else {
        area
    };
    let inner = Rect {
        x: rest.x + 1,
        width: rest.width.saturating_sub(2),
        ..rest
    };
    let laid = layout(groups, inner, strings);
    for item in &laid.items {
        let item_style = match item.kind {
            Kind::Header => style.theme.accent(),
            Kind::Name => style.theme.text(),
            Kind::More => style.theme.dim(),
        };
        fit::draw_line(
            buf,
            item.rect,
            &item.text,
            laid.size,
            item_style,
            Align::Left,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::ParticipantName;
    use crate::tui::room::strings::NL;

    fn groups(sizes: &[usize], name: &str) -> Vec<RoomGroup> {
        sizes
            .iter()
            .enumerate()
            .map(|(i, n)| RoomGroup {
                number: i + 1,
                members: (0..*n)
                    .map(|j| ParticipantName(format!("{name} {i}{j}")))
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn few_groups_on_a_big_screen_get_big_letters() {
        let laid = layout(
            &groups(&[3, 3, 3, 3, 3], "Gert-Jan"),
            Rect::new(0, 0, 198, 48),
            &NL,
        );
        assert_eq!(laid.size, Size::Quadrant);
        assert_eq!(laid.hidden_groups, 0);
        assert!(laid.items.iter().all(|i| !i.cut));
    }

    #[test]
    fn a_tiny_screen_says_how_many_are_not_shown() {
        let laid = layout(
            &groups(&[3, 3, 3, 3, 3], "Annelies"),
            Rect::new(0, 0, 28, 4),
            &NL,
        );
        let texts: Vec<&str> = laid.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts[0], "Groep 1 +3", "{texts:?}");
        assert_eq!(laid.shown.len(), 5);
        let crowded = layout(&groups(&[2; 8], "Bo"), Rect::new(0, 0, 28, 2), &NL);
        let texts: Vec<&str> = crowded.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts.last(), Some(&"+5 groepen"), "{texts:?}");
        assert_eq!(crowded.shown.len() + crowded.hidden_groups, 8);
    }
}
