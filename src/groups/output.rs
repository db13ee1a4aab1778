//! A plan written out: text laid out in columns for a projector, CSV (`round,group,name`)
//! and RON with the seed and score, so a split can be read back and reproduced.

use super::problem::Plan;
use crate::i18n::Lang;
use serde::Serialize;

/// Headings of the text layout.
pub struct OutputStrings {
    pub round: &'static str,
    pub group: &'static str,
}

const NL: OutputStrings = OutputStrings {
    round: "Ronde",
    group: "Groep",
};

const EN: OutputStrings = OutputStrings {
    round: "Round",
    group: "Group",
};

impl OutputStrings {
    pub fn get(lang: Lang) -> &'static OutputStrings {
        lang.pick(&NL, &EN)
    }
}

/// Widest line of the text layout; more groups wrap onto further rows of columns.
const TEXT_WIDTH: usize = 100;
const GAP: usize = 4;

/// Each round: a heading, then the groups side by side, numbers above, names below.
pub fn text(plan: &Plan, lang: Lang) -> String {
    let words = OutputStrings::get(lang);
    let mut out = String::new();
    for (r, round) in plan.rounds.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        if plan.rounds.len() > 1 {
            out.push_str(&format!("{} {}\n\n", words.round, r + 1));
        }
        let headings: Vec<String> = (1..=round.len())
            .map(|g| format!("{} {g}", words.group))
            .collect();
        let width = round
            .iter()
            .flatten()
            .chain(&headings)
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0);
        let per_row = ((TEXT_WIDTH + GAP) / (width + GAP)).max(1);
        for (row, start) in (0..round.len()).step_by(per_row).enumerate() {
            if row > 0 {
                out.push('\n');
            }
            let end = (start + per_row).min(round.len());
            let height = round[start..end].iter().map(Vec::len).max().unwrap_or(0);
            let mut lines = vec![columns(&headings[start..end], width)];
            for line in 0..height {
                let cells: Vec<&str> = round[start..end]
                    .iter()
                    .map(|g| g.get(line).map_or("", String::as_str))
                    .collect();
                lines.push(columns(&cells, width));
            }
            for line in lines {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

fn columns<S: AsRef<str>>(cells: &[S], width: usize) -> String {
    let mut line = String::new();
    for (c, cell) in cells.iter().enumerate() {
        let cell = cell.as_ref();
        line.push_str(cell);
        if c + 1 < cells.len() {
            let pad = width + GAP - cell.chars().count();
            line.extend(std::iter::repeat_n(' ', pad));
        }
    }
    line.trim_end().to_string()
}

/// `round,group,name`, one line per person, rounds and groups counted from 1.
pub fn csv(plan: &Plan) -> String {
    let mut out = String::from("round,group,name\n");
    for (r, round) in plan.rounds.iter().enumerate() {
        for (g, group) in round.iter().enumerate() {
            for name in group {
                out.push_str(&format!("{},{},{}\n", r + 1, g + 1, csv_field(name)));
            }
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[derive(Serialize)]
#[serde(rename = "Groups")]
struct RonPlan<'a> {
    seed: u64,
    rounds: &'a [Vec<Vec<String>>],
    repeated_pairs: u32,
    max_meetings: u32,
    min_meetings: u32,
    imbalance: f64,
}

/// The plan as a RON document with its seed and score.
pub fn ron(plan: &Plan, seed: u64) -> String {
    let doc = RonPlan {
        seed,
        rounds: &plan.rounds,
        repeated_pairs: plan.score.repeated_pairs,
        max_meetings: plan.score.max_meetings,
        min_meetings: plan.score.min_meetings,
        imbalance: plan.score.imbalance,
    };
    let config = ron::ser::PrettyConfig::default()
        .struct_names(true)
        .depth_limit(3);
    // Strings, numbers and lists always serialize.
    let mut text = ron::ser::to_string_pretty(&doc, config).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::Score;

    fn plan() -> Plan {
        let g = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        Plan {
            rounds: vec![
                vec![
                    g(&["Anouk V.", "Bram K."]),
                    g(&["Chloë de W.", "Daan", "Eva, jr."]),
                ],
                vec![
                    g(&["Anouk V.", "Daan"]),
                    g(&["Bram K.", "Chloë de W.", "Eva, jr."]),
                ],
            ],
            score: Score {
                repeated_pairs: 1,
                repeated_triples: 0,
                max_meetings: 2,
                min_meetings: 0,
                imbalance: 0.0,
            },
        }
    }

    #[test]
    fn text_puts_groups_side_by_side_under_their_numbers() {
        let expected = "\
Ronde 1

Groep 1        Groep 2
Anouk V.       Chloë de W.
Bram K.        Daan
               Eva, jr.

Ronde 2

Groep 1        Groep 2
Anouk V.       Bram K.
Daan           Chloë de W.
               Eva, jr.
";
        assert_eq!(text(&plan(), Lang::Nl), expected);
    }

    #[test]
    fn many_groups_wrap_onto_rows_no_wider_than_a_projector_line() {
        let names: Vec<Vec<String>> = (0..12)
            .map(|g| {
                vec![
                    format!("Deelnemer {:02}", 2 * g),
                    format!("Deelnemer {:02}", 2 * g + 1),
                ]
            })
            .collect();
        let plan = Plan {
            rounds: vec![names],
            ..plan()
        };
        let out = text(&plan, Lang::En);
        assert!(
            out.lines().all(|l| l.chars().count() <= TEXT_WIDTH),
            "{out}"
        );
        assert!(out.contains("Group 12"));
        assert!(out.contains("Deelnemer 23"));
    }

    #[test]
    fn csv_has_a_header_and_quotes_names_with_commas() {
        let out = csv(&plan());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "round,group,name");
        assert_eq!(lines[1], "1,1,Anouk V.");
        assert_eq!(lines[5], "1,2,\"Eva, jr.\"");
        assert_eq!(lines.len(), 11);
    }

    #[test]
    fn ron_carries_the_seed_and_reads_back() {
        let out = ron(&plan(), 42);
        let value: ron::Value = ron::from_str(&out).expect("valid RON");
        assert!(out.starts_with("Groups("), "{out}");
        assert!(out.contains("seed: 42"), "{out}");
        drop(value);
    }
}
