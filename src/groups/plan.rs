//! A course plan: one round of groups per course day, written by `regie groups --output` and
//! read by the runner, which uses the day's round repaired for who is present.

use super::error::GroupsError;
use super::problem::{Person, Problem};
use super::repair::{place_late_arrival, remove_absent};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The plan file (`plan.ron`): the seed and cohort it was planned with, the cohort's names, and
/// a round per course day (round 1 is day 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "CoursePlan", deny_unknown_fields)]
pub struct CoursePlan {
    pub seed: u64,
    /// The cohort's name, as in its file.
    pub cohort: String,
    /// Every participant of the cohort when the plan was made: a plan fits a cohort with
    /// exactly these names.
    pub people: Vec<String>,
    pub rounds: Vec<PlanRound>,
}

/// One day's groups and who was expected to be away that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRound {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    pub groups: Vec<Vec<String>>,
    /// Already run when the plan was made: the groups the day ended with, from its log.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ran: bool,
}

/// Why a plan cannot be used for a cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// The cohort has people the plan does not know, or lacks people it names.
    Names {
        missing: Vec<String>,
        extra: Vec<String>,
    },
    /// A round names someone twice or someone outside the plan's people.
    BadRound { round: usize, name: String },
    /// The plan has fewer rounds than the day asks for.
    NoRound { day: usize, rounds: usize },
}

impl Misfit {
    /// The reason in the interface language, with how to fix it.
    pub fn describe(&self, lang: Lang) -> String {
        let list = |names: &[String]| names.join(", ");
        match (self, lang) {
            (Misfit::Names { missing, extra }, Lang::Nl) => format!(
                "het plan past niet bij het cohort (namen veranderd{}{}); maak een nieuw plan \
                 met regie groups --output",
                if missing.is_empty() {
                    String::new()
                } else {
                    format!("; niet in het plan: {}", list(missing))
                },
                if extra.is_empty() {
                    String::new()
                } else {
                    format!("; niet in het cohort: {}", list(extra))
                },
            ),
            (Misfit::Names { missing, extra }, Lang::En) => format!(
                "the plan does not fit the cohort (names changed{}{}); make a new plan with \
                 regie groups --output",
                if missing.is_empty() {
                    String::new()
                } else {
                    format!("; not in the plan: {}", list(missing))
                },
                if extra.is_empty() {
                    String::new()
                } else {
                    format!("; not in the cohort: {}", list(extra))
                },
            ),
            (Misfit::BadRound { round, name }, Lang::Nl) => format!(
                "ronde {round} van het plan noemt {name} twee keer of iemand die niet in het \
                 plan staat; maak een nieuw plan met regie groups --output"
            ),
            (Misfit::BadRound { round, name }, Lang::En) => format!(
                "round {round} of the plan names {name} twice or someone not in the plan; make \
                 a new plan with regie groups --output"
            ),
            (Misfit::NoRound { day, rounds }, Lang::Nl) => format!(
                "het plan heeft {rounds} rondes, dit is dag {day}; plan meer rondes met regie \
                 groups --rounds"
            ),
            (Misfit::NoRound { day, rounds }, Lang::En) => format!(
                "the plan has {rounds} rounds, this is day {day}; plan more rounds with regie \
                 groups --rounds"
            ),
        }
    }
}

impl CoursePlan {
    /// Read a plan from RON text; the error says where (line:column) and what.
    pub fn parse(text: &str) -> Result<CoursePlan, String> {
        ron::from_str(text).map_err(|e| {
            format!(
                "{}:{}: {} (a plan file looks like CoursePlan(seed: 1, cohort: \"..\", \
                 people: [..], rounds: [(groups: [[..]])]))",
                e.span.start.line, e.span.start.col, e.code
            )
        })
    }

    /// The plan as a RON document.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::default()
            .struct_names(true)
            .depth_limit(4);
        // Strings, numbers and lists always serialize.
        let mut text = ron::ser::to_string_pretty(self, config).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Whether the plan fits a cohort with `people`: the same names, each round naming each
    /// of them at most once.
    pub fn fits(&self, people: &[String]) -> Result<(), Misfit> {
        let ours: BTreeSet<&String> = self.people.iter().collect();
        let theirs: BTreeSet<&String> = people.iter().collect();
        if ours != theirs {
            return Err(Misfit::Names {
                missing: theirs.difference(&ours).map(|s| s.to_string()).collect(),
                extra: ours.difference(&theirs).map(|s| s.to_string()).collect(),
            });
        }
        for (r, round) in self.rounds.iter().enumerate() {
            let mut seen = BTreeSet::new();
            for name in round.groups.iter().flatten() {
                if !ours.contains(name) || !seen.insert(name) {
                    return Err(Misfit::BadRound {
                        round: r + 1,
                        name: name.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The groups of course day `day` (1 is the first day) for a cohort with `people`.
    pub fn day(&self, day: usize, people: &[String]) -> Result<&PlanRound, Misfit> {
        self.fits(people)?;
        day.checked_sub(1)
            .and_then(|d| self.rounds.get(d))
            .ok_or(Misfit::NoRound {
                day,
                rounds: self.rounds.len(),
            })
    }
}

/// Someone the repair of a planned round added or took out, and who moved for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub name: String,
    pub present: bool,
    pub moved: Vec<String>,
}

/// `groups` (a planned round) repaired for the people of `problem` (those present): the people
/// not present leave with the fewest moves, then each present person the round lacks joins the
/// group that suits them best; nobody else moves.
pub fn fit_to_present(
    problem: &Problem,
    groups: &[Vec<String>],
) -> Result<(Vec<Vec<String>>, Vec<Fix>), GroupsError> {
    let present: BTreeSet<&str> = problem.people.iter().map(|p| p.name.as_str()).collect();
    let mut groups: Vec<Vec<String>> = groups.to_vec();
    let mut fixes = Vec::new();
    let away: Vec<String> = groups
        .iter()
        .flatten()
        .filter(|name| !present.contains(name.as_str()))
        .cloned()
        .collect();
    for (k, name) in away.iter().enumerate() {
        // The others still to leave are in the groups yet: the repair may move them too.
        let mut step = problem.clone();
        step.people.extend(away[k + 1..].iter().map(|name| Person {
            name: name.clone(),
            attributes: Default::default(),
        }));
        let mut repaired = remove_absent(&step, &groups, name)?;
        repaired.moved.retain(|m| present.contains(m.as_str()));
        groups = repaired.groups;
        fixes.push(Fix {
            name: name.clone(),
            present: false,
            moved: repaired.moved,
        });
    }
    groups.retain(|g| !g.is_empty());
    for person in &problem.people {
        if groups.iter().flatten().any(|n| *n == person.name) {
            continue;
        }
        if groups.is_empty() {
            groups.push(vec![person.name.clone()]);
            continue;
        }
        let placed = place_late_arrival(problem, &groups, &person.name)?;
        groups = placed.groups;
        fixes.push(Fix {
            name: person.name.clone(),
            present: true,
            moved: placed.moved,
        });
    }
    Ok((groups, fixes))
}

/// Planned rounds with each day's absences taken out (`absent[d]`: who is away on the day of
/// round `d`), each with the fewest moves; `problem.people` is everyone planned for.
pub fn apply_absences(
    problem: &Problem,
    rounds: &[Vec<Vec<String>>],
    absent: &[Vec<String>],
) -> Result<Vec<Vec<Vec<String>>>, GroupsError> {
    rounds
        .iter()
        .enumerate()
        .map(|(d, round)| {
            let away = absent.get(d).map(Vec::as_slice).unwrap_or_default();
            if away.is_empty() {
                return Ok(round.clone());
            }
            let mut day = problem.clone();
            day.people.retain(|p| !away.contains(&p.name));
            day.forget_absent();
            fit_to_present(&day, round).map(|(groups, _)| groups)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::Sizing;

    fn problem(names: &[&str]) -> Problem {
        Problem::plain(names.iter().copied(), Sizing::Size(3), 1)
    }

    fn split(groups: &[&[&str]]) -> Vec<Vec<String>> {
        groups
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn plan() -> CoursePlan {
        CoursePlan {
            seed: 7,
            cohort: "Zutphen".into(),
            people: names(&["Anouk", "Bram", "Chloë", "Daan", "Eline", "Fleur"]),
            rounds: vec![
                PlanRound {
                    absent: vec![],
                    groups: split(&[&["Anouk", "Bram", "Chloë"], &["Daan", "Eline", "Fleur"]]),
                    ran: true,
                },
                PlanRound {
                    absent: names(&["Fleur"]),
                    groups: split(&[&["Anouk", "Daan"], &["Bram", "Eline", "Chloë"]]),
                    ran: false,
                },
            ],
        }
    }

    #[test]
    fn a_plan_reads_back_what_it_wrote() {
        let text = plan().to_ron();
        assert!(text.starts_with("CoursePlan("), "{text}");
        assert!(text.contains("ran: true"), "{text}");
        assert_eq!(CoursePlan::parse(&text), Ok(plan()));
        let error = CoursePlan::parse("CoursePlan(seed: 1, cohrt: \"x\")").unwrap_err();
        assert!(error.starts_with("1:"), "{error}");
        assert!(error.contains("cohrt"), "{error}");
    }

    #[test]
    fn a_plan_fits_only_a_cohort_with_the_same_names() {
        let people = plan().people;
        assert_eq!(plan().day(2, &people).map(|r| r.groups.len()), Ok(2));
        let mut changed = people.clone();
        changed[5] = "Fleur B.".into();
        let misfit = plan().day(1, &changed).unwrap_err();
        assert_eq!(
            misfit,
            Misfit::Names {
                missing: names(&["Fleur B."]),
                extra: names(&["Fleur"])
            }
        );
        assert!(
            misfit
                .describe(Lang::Nl)
                .contains("niet in het plan: Fleur B.")
        );
        assert_eq!(
            plan().day(3, &people),
            Err(Misfit::NoRound { day: 3, rounds: 2 })
        );
        let mut twice = plan();
        twice.rounds[0].groups[1][0] = "Anouk".into();
        assert!(matches!(
            twice.fits(&people),
            Err(Misfit::BadRound { round: 1, .. })
        ));
    }

    #[test]
    fn a_round_is_repaired_for_who_is_present_with_the_fewest_moves() {
        // Fleur away, Gijs not in the round: Fleur leaves (sizes still fit, nobody moves),
        // Gijs joins the smaller group.
        let p = problem(&["Anouk", "Bram", "Chloë", "Daan", "Eline", "Gijs"]);
        let round = split(&[&["Anouk", "Bram", "Chloë"], &["Daan", "Eline", "Fleur"]]);
        let (groups, fixes) = fit_to_present(&p, &round).expect("repaired");
        assert_eq!(groups[0], names(&["Anouk", "Bram", "Chloë"]));
        assert_eq!(groups[1], names(&["Daan", "Eline", "Gijs"]));
        assert_eq!(fixes.len(), 2);
        assert!(fixes.iter().all(|f| f.moved.is_empty()), "{fixes:?}");
    }

    #[test]
    fn a_group_dissolved_while_someone_else_away_still_sits_in_it_is_repaired() {
        // Chloë leaves first: 8 left in 4s make two groups, so the smallest (Daan and Gijs)
        // dissolves while Gijs, also away, is still in it.
        let mut p = problem(&["Anouk", "Bram", "Ilse", "Daan", "Eline", "Fleur", "Hanna"]);
        p.sizing = Sizing::Size(4);
        let round = split(&[
            &["Anouk", "Bram", "Chloë", "Ilse"],
            &["Daan", "Gijs"],
            &["Eline", "Fleur", "Hanna"],
        ]);
        let (groups, fixes) = fit_to_present(&p, &round).expect("repaired");
        let mut sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
        sizes.sort_unstable();
        assert_eq!(sizes, [3, 4], "{groups:?}");
        assert_eq!(fixes.len(), 2);
        assert_eq!(
            fixes[0].moved,
            ["Daan"],
            "only people present count as moved"
        );
        assert!(!groups.iter().flatten().any(|n| n == "Gijs" || n == "Chloë"));
    }

    #[test]
    fn absences_planned_per_day_leave_other_days_alone() {
        let p = problem(&["Anouk", "Bram", "Chloë", "Daan", "Eline", "Fleur"]);
        let rounds = vec![
            split(&[&["Anouk", "Bram", "Chloë"], &["Daan", "Eline", "Fleur"]]),
            split(&[&["Anouk", "Daan", "Eline"], &["Bram", "Chloë", "Fleur"]]),
        ];
        let absent = vec![vec![], names(&["Fleur", "Chloë"])];
        let after = apply_absences(&p, &rounds, &absent).expect("repaired");
        assert_eq!(after[0], rounds[0]);
        let day2: Vec<&String> = after[1].iter().flatten().collect();
        assert_eq!(day2.len(), 4);
        assert!(!day2.iter().any(|n| *n == "Fleur" || *n == "Chloë"));
        assert!(after[1].iter().all(|g| g.len() >= 2), "{:?}", after[1]);
    }
}
