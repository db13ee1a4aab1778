//! Figures of the course plan and roles: how long handing out roles takes on the breakout
//! screen (after every split, swap and repair), how long repairing a planned round for who is
//! present takes, and how evenly roles rotate over a planned course.
//!
//! Run: `cargo bench --bench course`.

use regie::groups::plan::fit_to_present;
use regie::groups::roles::assign;
use regie::groups::{Problem, Sizing, solve};
use std::hint::black_box;
use std::time::Instant;

fn names(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("Deelnemer {i}")).collect()
}

fn problem(people: &[String], size: usize, rounds: usize) -> Problem {
    Problem::plain(people.iter().cloned(), Sizing::Size(size), rounds)
}

fn roles(n: usize) -> Vec<String> {
    [
        "voorzitter",
        "notulist",
        "tijdbewaker",
        "presentator",
        "waarnemer",
        "vragensteller",
    ][..n]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Median microseconds of `runs` calls of `f`.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    println!("roles::assign (median of 200 calls, 9 earlier days of roles):");
    for (people, size, r) in [(14, 4, 3), (40, 6, 3), (40, 8, 5), (24, 12, 4), (24, 12, 5)] {
        let everyone = names(people);
        let plan = solve(&problem(&everyone, size, 10), 1).expect("solvable");
        let roles = roles(r);
        let mut earlier = Vec::new();
        for day in &plan.rounds[..9] {
            earlier.extend(assign(day, &roles, &earlier));
        }
        let today = &plan.rounds[9];
        let us = median_us(200, || {
            black_box(assign(black_box(today), &roles, &earlier));
        });
        println!("  {people} people in groups of {size}, {r} roles: {us:.0} µs");
    }

    println!("plan::fit_to_present (median of 50 calls):");
    for (people, size, away, late) in [(14, 4, 2, 1), (40, 5, 4, 2), (40, 5, 10, 0)] {
        let everyone = names(people + late);
        let planned = &everyone[..people];
        let plan = solve(&problem(planned, size, 1), 1).expect("solvable");
        let present: Vec<String> = everyone[away..].to_vec();
        let today = problem(&present, size, 1);
        let us = median_us(50, || {
            black_box(fit_to_present(&today, &plan.rounds[0]).expect("repaired"));
        });
        println!("  {people} planned in groups of {size}, {away} away, {late} late: {us:.0} µs");
    }

    println!("roles over a planned course (per role, most minus fewest times a person took it):");
    for (people, size, days, r) in [(14, 4, 7, 3), (12, 3, 8, 3), (15, 5, 7, 2), (32, 4, 9, 3)] {
        let everyone = names(people);
        let roles = roles(r);
        let mut worst = 0;
        for seed in 1..=5 {
            let plan = solve(&problem(&everyone, size, days), seed).expect("solvable");
            let mut earlier: Vec<(String, String)> = Vec::new();
            for day in &plan.rounds {
                earlier.extend(assign(day, &roles, &earlier));
            }
            for role in &roles {
                let counts: Vec<usize> = everyone
                    .iter()
                    .map(|p| earlier.iter().filter(|(n, x)| n == p && x == role).count())
                    .collect();
                let spread = counts.iter().max().unwrap() - counts.iter().min().unwrap();
                worst = worst.max(spread);
            }
        }
        println!(
            "  {people} in groups of {size}, {days} days, {r} roles: worst spread {worst} \
             over seeds 1-5"
        );
    }
}
