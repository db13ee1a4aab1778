//! The closing lines of a plan for the trainer: repeats and which pairs, the balance, the
//! fewest repeats possible and whether the plan is proven optimal, in Dutch or English.

use super::bounds::BoundSource;
use super::problem::{Problem, Sizing};
use super::score::{cells_off, repeated};
use super::solve::Solved;
use crate::i18n::Lang;

/// Pairs named in full; more are counted.
const NAMED_PAIRS: usize = 12;

/// The words of the summary, one table per language.
struct Words {
    repeats: fn(u32, u32) -> String,
    repeated: &'static str,
    more: fn(usize) -> String,
    times: &'static str,
    balance_ok: fn(&str) -> String,
    balance_off: fn(&str, usize) -> String,
    optimal: fn(u32, &str) -> String,
    not_proven: fn(u32) -> String,
    instance: fn(usize, Sizing, usize) -> String,
    source: fn(BoundSource) -> &'static str,
}

const NL: Words = Words {
    repeats: |r, b| {
        format!(
            "{r} herhaalde {} (minimaal mogelijk: {b})",
            plural(r, "paar", "paren")
        )
    },
    repeated: "Herhaald",
    more: |k| format!("en nog {k}"),
    times: "keer",
    balance_ok: |key| format!("Balans op {key}: elke groep binnen de eerlijke verdeling"),
    balance_off: |key, c| format!("Balans op {key}: {c}× een groep buiten de eerlijke verdeling"),
    optimal: |b, what| {
        format!(
            "Optimaal: {b} {} is het minimum voor {what}",
            plural(b, "herhaling", "herhalingen")
        )
    },
    not_proven: |b| {
        format!("Niet bewezen optimaal: geen plan heeft minder dan {b}, dit plan heeft er meer")
    },
    instance: |n, sizing, rounds| {
        let groups = match sizing {
            Sizing::Size(s) => format!("groepjes van {s}"),
            Sizing::Groups(k) => format!("{k} groepjes"),
        };
        let rounds = if rounds == 1 {
            "1 ronde".to_string()
        } else {
            format!("{rounds} rondes")
        };
        format!("{n} in {groups} over {rounds}")
    },
    source: |s| match s {
        BoundSource::Counting => "telling van de paren",
        BoundSource::Pigeonhole => "meer mensen per groep dan groepen",
        BoundSource::KnownMaximum => "bekend maximum aantal rondes zonder herhaling",
        BoundSource::People => "per persoon: te weinig nieuwe mensen over",
    },
};

const EN: Words = Words {
    repeats: |r, b| {
        format!(
            "{r} repeated {} (fewest possible: {b})",
            plural(r, "pair", "pairs")
        )
    },
    repeated: "Repeated",
    more: |k| format!("and {k} more"),
    times: "times",
    balance_ok: |key| format!("Balance on {key}: every group within the fair share"),
    balance_off: |key, c| format!("Balance on {key}: {c}× a group off the fair share"),
    optimal: |b, what| {
        format!(
            "Optimal: {b} {} is the minimum for {what}",
            plural(b, "repeat", "repeats")
        )
    },
    not_proven: |b| format!("Not proven optimal: no plan has fewer than {b}; this plan has more"),
    instance: |n, sizing, rounds| {
        let groups = match sizing {
            Sizing::Size(s) => format!("groups of {s}"),
            Sizing::Groups(k) => format!("{k} groups"),
        };
        let rounds = if rounds == 1 {
            "1 round".to_string()
        } else {
            format!("{rounds} rounds")
        };
        format!("{n} in {groups} over {rounds}")
    },
    source: |s| match s {
        BoundSource::Counting => "counting the pairs",
        BoundSource::Pigeonhole => "more people per group than groups",
        BoundSource::KnownMaximum => "the known maximum of rounds without a repeat",
        BoundSource::People => "per person: too few new people left",
    },
};

fn plural(k: u32, one: &'static str, many: &'static str) -> &'static str {
    if k == 1 { one } else { many }
}

/// The summary lines (each ending in a newline) for a solved plan of `problem`.
pub fn summary(problem: &Problem, solved: &Solved, lang: Lang) -> String {
    let words = lang.pick(&NL, &EN);
    let plan = &solved.plan;
    let repeats = plan.score.repeated_pairs;
    let fewest = solved.fewest_repeats;
    let mut out = format!("{}\n", (words.repeats)(repeats, fewest));
    let pairs = repeated(problem, &plan.rounds);
    if !pairs.is_empty() {
        let mut named: Vec<String> = pairs
            .iter()
            .take(NAMED_PAIRS)
            .map(|(a, b, m)| format!("{a} + {b} ({m} {})", words.times))
            .collect();
        if pairs.len() > NAMED_PAIRS {
            named.push((words.more)(pairs.len() - NAMED_PAIRS));
        }
        out.push_str(&format!("{}: {}\n", words.repeated, named.join(", ")));
    }
    for key in &problem.balance {
        let one = Problem {
            balance: vec![key.clone()],
            ..problem.clone()
        };
        let off = cells_off(&one, &plan.rounds);
        out.push_str(&if off == 0 {
            (words.balance_ok)(key)
        } else {
            (words.balance_off)(key, off)
        });
        out.push('\n');
    }
    let what = (words.instance)(problem.people.len(), problem.sizing, problem.rounds);
    if solved.fewest_possible() {
        out.push_str(&(words.optimal)(fewest, &what));
    } else {
        out.push_str(&(words.not_proven)(fewest));
    }
    out.push_str(&format!(" ({}).\n", (words.source)(solved.bound)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::Person;
    use crate::groups::solve_with_budget;
    use crate::groups::tabu::Budget;

    fn numbered(n: usize, size: usize, rounds: usize) -> Problem {
        Problem {
            people: (1..=n)
                .map(|i| Person {
                    name: format!("Deelnemer {i}"),
                    attributes: Default::default(),
                })
                .collect(),
            sizing: Sizing::Size(size),
            rounds,
            keep_apart: vec![],
            keep_together: vec![],
            history: vec![],
            balance: vec![],
            pins: Vec::new(),
        }
    }

    #[test]
    fn thirty_six_in_sixes_over_four_rounds_is_proven_optimal_with_two_repeats() {
        let problem = numbered(36, 6, 4);
        let solved = solve_with_budget(&problem, 1, Budget::default()).expect("solvable");
        assert_eq!(solved.plan.score.repeated_pairs, 2);
        let nl = summary(&problem, &solved, Lang::Nl);
        assert!(
            nl.contains(
                "Optimaal: 2 herhalingen is het minimum voor 36 in groepjes van 6 over 4 rondes ("
            ),
            "{nl}"
        );
        assert!(
            nl.starts_with("2 herhaalde paren (minimaal mogelijk: 2)\nHerhaald: "),
            "{nl}"
        );
        let en = summary(&problem, &solved, Lang::En);
        assert!(
            en.contains("Optimal: 2 repeats is the minimum for 36 in groups of 6 over 4 rounds ("),
            "{en}"
        );
    }

    #[test]
    fn a_plan_above_the_bound_says_it_is_not_proven() {
        // A search of a few moves cannot place 15 in threes for 7 rounds without a repeat.
        let problem = numbered(15, 3, 7);
        let tiny = Budget {
            evaluations: 10,
            construction: false,
            ..Budget::default()
        };
        let solved = solve_with_budget(&problem, 1, tiny).expect("solvable");
        assert!(solved.plan.score.repeated_pairs > 0);
        let en = summary(&problem, &solved, Lang::En);
        assert!(
            en.contains("Not proven optimal: no plan has fewer than 0; this plan has more ("),
            "{en}"
        );
    }
}
