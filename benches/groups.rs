//! Figures of the group solver: per instance and seed, the time, repeated meetings, the most
//! and fewest meetings of a pair, whether the lower bound was reached, and moves evaluated.
//!
//! Run: `cargo bench --bench groups` (REGIE_BENCH_SEEDS sets the seeds per instance, default 5;
//! REGIE_BENCH_ONLY=15/3/7 runs one instance).

use regie::groups::{Budget, Person, Problem, Sizing, solve_with_budget};
use std::time::Instant;

struct Instance {
    people: usize,
    size: usize,
    rounds: usize,
    /// What the figure asks: zero repeats, or every pair within one of the fair average.
    goal: Goal,
}

#[derive(Clone, Copy, PartialEq)]
enum Goal {
    NoRepeats,
    WithinOne,
}

fn problem(i: &Instance) -> Problem {
    Problem {
        people: (1..=i.people)
            .map(|k| Person {
                name: format!("Deelnemer {k}"),
                attributes: Default::default(),
            })
            .collect(),
        sizing: Sizing::Size(i.size),
        rounds: i.rounds,
        keep_apart: vec![],
        keep_together: vec![],
        history: vec![],
        balance: vec![],
    }
}

fn main() {
    let seeds: u64 = std::env::var("REGIE_BENCH_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let only = std::env::var("REGIE_BENCH_ONLY").ok();
    let knob = |key: &str, default: u64| {
        std::env::var(key)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(default)
    };
    let base = Budget::default();
    let budget = Budget {
        evaluations: knob("REGIE_BENCH_EVALUATIONS", base.evaluations),
        stagnation: knob("REGIE_BENCH_STAGNATION", base.stagnation),
        perturbations: knob("REGIE_BENCH_PERTURBATIONS", u64::from(base.perturbations)) as u32,
        patience: knob("REGIE_BENCH_PATIENCE", base.patience),
    };
    let mut instances = vec![
        Instance {
            people: 15,
            size: 3,
            rounds: 7,
            goal: Goal::NoRepeats,
        },
        Instance {
            people: 16,
            size: 4,
            rounds: 5,
            goal: Goal::NoRepeats,
        },
        Instance {
            people: 18,
            size: 3,
            rounds: 8,
            goal: Goal::NoRepeats,
        },
        Instance {
            people: 32,
            size: 4,
            rounds: 9,
            goal: Goal::NoRepeats,
        },
        Instance {
            people: 15,
            size: 5,
            rounds: 7,
            goal: Goal::WithinOne,
        },
    ];
    // The 7-day course sizes: 12-16 people, groups of 3-5, 7 rounds.
    for people in 12..=16 {
        for size in 3..=5 {
            if people == 15 && size != 4 {
                continue; // 15/3/7 and 15/5/7 are above
            }
            instances.push(Instance {
                people,
                size,
                rounds: 7,
                goal: Goal::WithinOne,
            });
        }
    }
    println!(
        "{:<10} {:>4} {:>9} {:>7} {:>5} {:>5} {:>7} {:>6} {:>12}",
        "instance", "seed", "ms", "repeats", "max", "min", "optimal", "goal", "evaluations"
    );
    for instance in &instances {
        let label = format!("{}/{}/{}", instance.people, instance.size, instance.rounds);
        if only
            .as_ref()
            .is_some_and(|o| !o.split(',').any(|o| o == label))
        {
            continue;
        }
        let problem = problem(instance);
        let pairs = (instance.people * (instance.people - 1) / 2) as f64;
        let mut worst_ms = 0.0f64;
        for seed in 1..=seeds {
            let start = Instant::now();
            let solved = match solve_with_budget(&problem, seed, budget) {
                Ok(s) => s,
                Err(e) => {
                    println!("{label:<10} {seed:>4} error: {e}");
                    continue;
                }
            };
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            worst_ms = worst_ms.max(ms);
            let score = &solved.plan.score;
            let meetings: usize = solved
                .plan
                .rounds
                .iter()
                .flatten()
                .map(|g| g.len() * (g.len() - 1) / 2)
                .sum();
            let average = meetings as f64 / pairs;
            let met = match instance.goal {
                Goal::NoRepeats => score.repeated_pairs == 0,
                Goal::WithinOne => {
                    f64::from(score.max_meetings) <= average.floor() + 1.0
                        && f64::from(score.min_meetings) >= average.ceil() - 1.0
                }
            };
            println!(
                "{label:<10} {seed:>4} {ms:>9.1} {:>7} {:>5} {:>5} {:>7} {:>6} {:>12}",
                score.repeated_pairs,
                score.max_meetings,
                score.min_meetings,
                if solved.optimal { "yes" } else { "no" },
                if met { "met" } else { "MISSED" },
                solved.evaluations
            );
        }
        println!("{label:<10} worst {worst_ms:.1} ms");
    }
}
