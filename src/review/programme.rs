//! A programme: every session sharing `programme`, aggregated over its days.
//! Attendance matrix (people x days), pair matrix (who worked with whom), time per block kind, dilemmas.

use super::dilemma::{self, DilemmaResult};
use super::evaluation::DayGrade;
use super::session::{SessionSummary, people_of};
use super::wishes::PersonWishes;
use crate::engine::clock::is_present;
use crate::groups::meetings_from_splits;
use crate::journal::days::{self, Standing};
use crate::journal::record::BlockKindTag;
use crate::journal::record::SessionLog;
use std::collections::HashMap;
use std::path::PathBuf;

/// Planned against actual time over all blocks of one kind that ran.
#[derive(Debug, Clone, PartialEq)]
pub struct KindDiscipline {
    pub kind: BlockKindTag,
    /// Blocks of this kind that ran.
    pub blocks: usize,
    /// Blocks of this kind that never ran (skipped); not in the sums.
    pub skipped: usize,
    pub planned: i64,
    pub actual: i64,
    /// Blocks that ran longer than planned.
    pub overruns: usize,
}

impl KindDiscipline {
    /// Mean seconds over the plan per block that ran.
    pub fn mean_difference(&self) -> i64 {
        if self.blocks == 0 {
            0
        } else {
            (self.actual - self.planned) / self.blocks as i64
        }
    }
}

/// One programme over its days.
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub name: String,
    /// Indices into `Review::sessions`, oldest first: the days.
    pub sessions: Vec<usize>,
    /// Everyone named on any day, in order of first appearance.
    pub people: Vec<String>,
    /// `attendance[person][day]`: present, absent, or `None` when not on that day's list.
    pub attendance: Vec<Vec<Option<bool>>>,
    /// `pairs[a][b]`: how often a and b sat in one group (the split kept in each breakout).
    pub pairs: Vec<Vec<u32>>,
    pub kinds: Vec<KindDiscipline>,
    pub dilemmas: Vec<DilemmaResult>,
    /// Each person's learning wish and where they stood per day.
    pub wishes: Vec<PersonWishes>,
    /// The grade of each day (its evaluations together), in day order: the trend.
    pub grades: Vec<DayGrade>,
}

impl Programme {
    /// The day number (1-based) of session `session` (an index into `Review::sessions`) in
    /// this programme; 0 when it is not one of its days.
    pub fn day_of(&self, session: usize) -> usize {
        self.sessions
            .iter()
            .position(|&i| i == session)
            .map_or(0, |x| x + 1)
    }

    /// Days each person was present.
    pub fn days_present(&self, person: usize) -> usize {
        self.attendance
            .get(person)
            .map_or(0, |days| days.iter().filter(|d| **d == Some(true)).count())
    }
}

/// Group the logs by programme (in order of each programme's first day) and aggregate each.
pub fn aggregate(logs: &[(PathBuf, SessionLog)], sessions: &[SessionSummary]) -> Vec<Programme> {
    let mut names: Vec<&str> = Vec::new();
    let mut members: HashMap<&str, Vec<usize>> = HashMap::new();
    // A day counts once: restarted or abandoned runs, rehearsals and runs where nothing
    // started are left out of the programme (they stay in the list of sessions).
    let standings = days::standings(logs.iter().map(|(_, log)| log));
    for (i, (_, log)) in logs.iter().enumerate() {
        if standings[i] != Standing::Day {
            continue;
        }
        if let Some(name) = log.session.programme.as_deref() {
            let days = members.entry(name).or_default();
            if days.is_empty() {
                names.push(name);
            }
            days.push(i);
        }
    }
    names
        .into_iter()
        .map(|name| {
            let days = members.remove(name).unwrap_or_default();
            build(name, days, logs, sessions)
        })
        .collect()
}

fn build(
    name: &str,
    days: Vec<usize>,
    logs: &[(PathBuf, SessionLog)],
    sessions: &[SessionSummary],
) -> Programme {
    let mut people: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut person = |name: &str, people: &mut Vec<String>| -> usize {
        if let Some(&i) = index.get(name) {
            return i;
        }
        index.insert(name.to_string(), people.len());
        people.push(name.to_string());
        people.len() - 1
    };
    let mut attendance: Vec<Vec<Option<bool>>> = Vec::new();
    let mut splits: Vec<Vec<Vec<String>>> = Vec::new();
    let mut dilemmas = Vec::new();
    for (day, &s) in days.iter().enumerate() {
        let log = &logs[s].1;
        for name in people_of(log) {
            let p = person(&name, &mut people);
            if attendance.len() <= p {
                attendance.resize(p + 1, vec![None; days.len()]);
            }
            attendance[p][day] = Some(is_present(log, &name));
        }
        for block in &log.blocks {
            if let Some(kept) = block.splits.last() {
                splits.push(kept.groups.clone());
            }
        }
        dilemmas.extend(dilemma::of_session(s, log));
    }
    for split in &splits {
        for name in split.iter().flatten() {
            let p = person(name, &mut people);
            if attendance.len() <= p {
                attendance.resize(p + 1, vec![None; days.len()]);
            }
        }
    }
    let mut pairs = vec![vec![0u32; people.len()]; people.len()];
    for meeting in meetings_from_splits(&splits) {
        if let (Some(&a), Some(&b)) = (index.get(&meeting.a), index.get(&meeting.b))
            && a != b
        {
            pairs[a][b] += 1;
            pairs[b][a] += 1;
        }
    }
    let wishes = super::wishes::of_programme(days.iter().map(|&s| &logs[s].1));
    let grades = days
        .iter()
        .map(|&s| super::evaluation::day_grade(&logs[s].1))
        .collect();
    Programme {
        name: name.to_string(),
        kinds: discipline(days.iter().filter_map(|&s| sessions.get(s))),
        sessions: days,
        people,
        attendance,
        pairs,
        dilemmas,
        wishes,
        grades,
    }
}

/// Time per block kind, kinds in order of first appearance.
fn discipline<'a>(sessions: impl Iterator<Item = &'a SessionSummary>) -> Vec<KindDiscipline> {
    let mut kinds: Vec<KindDiscipline> = Vec::new();
    for block in sessions.flat_map(|s| &s.blocks) {
        let at = match kinds.iter().position(|k| k.kind == block.kind) {
            Some(at) => at,
            None => {
                kinds.push(KindDiscipline {
                    kind: block.kind,
                    blocks: 0,
                    skipped: 0,
                    planned: 0,
                    actual: 0,
                    overruns: 0,
                });
                kinds.len() - 1
            }
        };
        let kind = &mut kinds[at];
        if !block.ran() {
            kind.skipped += 1;
            continue;
        }
        kind.blocks += 1;
        kind.planned += block.planned;
        kind.actual += block.actual;
        kind.overruns += usize::from(block.overran());
    }
    kinds
}
